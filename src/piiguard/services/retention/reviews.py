"""Periodic review of the retention schedule (R2.11, policy §2 "regularly reviewed"): an
officer records each review (when, who, what changed, the schedule version reviewed); the
next is due a review interval later, and the front page says when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.retention.schedule import ScheduleReview
from piiguard.services.ids import new_id
from piiguard.services.retention._common import audited, require_officer

DEFAULT_INTERVAL_DAYS = 365


def record_review(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    changes: str,
    interval_days: int = DEFAULT_INTERVAL_DAYS,
) -> ScheduleReview:
    """`changes`: what the review changed, in the officer's words ("none" is an answer)."""
    require_officer(actor, "records a review of the retention schedule")
    if not changes.strip():
        raise InvalidInput(
            "say what the review changed (or that it changed nothing)", field="changes"
        )
    if not 1 <= interval_days <= 3 * 366:
        raise InvalidInput("the next review is due within 1 day to 3 years", field="interval_days")
    now = clock.now()
    with uow:
        review = ScheduleReview(
            new_id(),
            now,
            actor.ref,
            uow.retention.version(),
            changes.strip()[:2000],
            now + timedelta(days=interval_days),
        )
        uow.retention.add_review(review)
        audited(
            uow,
            actor,
            "retention.review",
            "retention_schedule",
            str(review.schedule_version),
            next_due=review.next_due_at.isoformat(),
        )
        uow.commit()
    return review


@dataclass(frozen=True, slots=True)
class ReviewState:
    last: ScheduleReview | None
    next_due_at: datetime | None  # None: never reviewed
    overdue: bool


def review_state(uow: UnitOfWork, clock: Clock) -> ReviewState:
    """For the front page: when the next review is due, and whether it is overdue."""
    with uow:
        reviews = uow.retention.reviews(1)
    last = reviews[0] if reviews else None
    due = last.next_due_at if last else None
    return ReviewState(last, due, due is None or due <= clock.now())


def list_reviews(uow: UnitOfWork, limit: int = 100) -> list[ScheduleReview]:
    with uow:
        return uow.retention.reviews(limit)
