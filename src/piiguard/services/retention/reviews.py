"""Periodic review of the retention schedule (R2.11, policy §2 "regularly reviewed"): an
officer records each review (when, who, what changed, the schedule version reviewed); the
next is due a review interval later, and the front page says when.

What the review changed is the officer's free text and may name people: sealed at rest,
bound to the review (`readable`); `record_review`, `list_reviews` and the schedule view
give it opened to those allowed to read the schedule; `seal_clear_reviews` seals on start
those written before."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork
from piiguard.domain.retention.schedule import ScheduleReview
from piiguard.services.ids import new_id
from piiguard.services.retention._common import (
    audited,
    open_text,
    require_officer,
    seal_if_clear,
    seal_text,
)

DEFAULT_INTERVAL_DAYS = 365


def _context(review_id: str) -> str:
    return f"schedule-review-changes:{review_id}"


def readable(box: SecretBox, review: ScheduleReview) -> ScheduleReview:
    """The review with what it changed opened."""
    return replace(review, changes=open_text(box, review.changes, _context(review.id)))


def seal_clear_reviews(uow: UnitOfWork, box: SecretBox, actor: Actor) -> int:
    """On start: seal every review's notes still stored in clear; how many were."""
    n = 0
    with uow:
        for r in uow.retention.reviews(1_000_000):
            changes = seal_if_clear(box, r.changes, _context(r.id))
            if changes != r.changes:
                uow.retention.save_review_changes(r.id, changes)
                n += 1
        if n:
            audited(uow, actor, "retention.review.seal_notes", "retention_schedule", "*", reviews=n)
        uow.commit()
    return n


def record_review(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    changes: str,
    interval_days: int = DEFAULT_INTERVAL_DAYS,
    *,
    box: SecretBox,
) -> ScheduleReview:
    """`changes`: what the review changed, in the officer's words ("none" is an answer);
    sealed (`box`), given back opened."""
    require_officer(actor, "records a review of the retention schedule")
    if not changes.strip():
        raise InvalidInput(
            "say what the review changed (or that it changed nothing)", field="changes"
        )
    if not 1 <= interval_days <= 3 * 366:
        raise InvalidInput("the next review is due within 1 day to 3 years", field="interval_days")
    now = clock.now()
    with uow:
        review_id = new_id()
        review = ScheduleReview(
            review_id,
            now,
            actor.ref,
            uow.retention.version(),
            seal_text(box, changes.strip()[:2000], _context(review_id)),
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
    return replace(review, changes=changes.strip()[:2000])


@dataclass(frozen=True, slots=True)
class ReviewState:
    last: ScheduleReview | None
    next_due_at: datetime | None  # None: never reviewed
    overdue: bool


def review_state(uow: UnitOfWork, clock: Clock) -> ReviewState:
    """For the front page: when the next review is due, and whether it is overdue (`last`
    as stored: its notes sealed)."""
    with uow:
        reviews = uow.retention.reviews(1)
    last = reviews[0] if reviews else None
    due = last.next_due_at if last else None
    return ReviewState(last, due, due is None or due <= clock.now())


def list_reviews(uow: UnitOfWork, limit: int = 100, *, box: SecretBox) -> list[ScheduleReview]:
    """Newest first, opened."""
    with uow:
        found = uow.retention.reviews(limit)
    return [readable(box, r) for r in found]
