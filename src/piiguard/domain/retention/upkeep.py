"""Data kept up to date (R2.8) and a child's data found (R6.3): the vocabulary of the
confirmation intervals, the requests asking a person to confirm or correct their stale
items, and the child-data tasks. Pure: no clock reads, no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from piiguard.domain.access import SubjectState
from piiguard.domain.consent import ConsentKind
from piiguard.domain.errors import InvalidInput

# seeded on first start (services/retention/upkeep/intervals.py): contact details 24 months
SEED_INTERVALS: dict[str, int] = {"user.contact": 730}
CHILD_REASON = "child_without_guardian_consent"  # domain/access_rules.py child_guardian


def check_interval(days: int) -> None:
    if not 1 <= days <= 36_500:
        raise InvalidInput("an interval is 1–36,500 days", field="days")


@dataclass(frozen=True, slots=True)
class ConfirmationInterval:
    """Items of this category (and its subtree) unconfirmed for `days` are queued."""

    category: str
    days: int
    version: int = 0
    updated_at: datetime | None = None
    updated_by: str = ""


def interval_for(intervals: Iterable[ConfirmationInterval], category: str) -> int | None:
    """The most specific interval covering `category` (None: never asked)."""
    best: ConfirmationInterval | None = None
    for i in intervals:
        if (category == i.category or category.startswith(i.category + ".")) and (
            best is None or len(i.category) > len(best.category)
        ):
            best = i
    return best.days if best else None


def is_stale(
    last_confirmed_at: datetime,
    category: str,
    intervals: Iterable[ConfirmationInterval],
    at: datetime,
) -> bool:
    days = interval_for(intervals, category)
    return days is not None and last_confirmed_at + timedelta(days=days) <= at


class ConfirmationStatus(StrEnum):
    QUEUED = "queued"  # found stale, not yet mailed
    MAILED = "mailed"  # the link went to the person
    STAFF_QUEUE = "staff_queue"  # unanswered after N days, or no way to mail: staff call
    ANSWERED = "answered"  # the person (or staff) confirmed / corrected every item
    CLOSED = "closed"  # nothing left to ask (the items or the person are gone)

    @property
    def open(self) -> bool:
        return self in (
            ConfirmationStatus.QUEUED,
            ConfirmationStatus.MAILED,
            ConfirmationStatus.STAFF_QUEUE,
        )


class ItemOutcome(StrEnum):
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"  # through a correction request (its id in `outcome`)
    GONE = "gone"  # disposed of or erased since it was queued: nothing to ask


@dataclass(frozen=True, slots=True)
class ConfirmationRequest:
    id: str
    subject_id: str
    status: ConfirmationStatus
    item_ids: tuple[str, ...]
    language: str
    queued_at: datetime
    mailed_at: datetime | None = None
    token_hash: str | None = None
    code_hash: str | None = None
    code_expires_at: datetime | None = None
    attempts: int = 0
    escalated_at: datetime | None = None
    answered_at: datetime | None = None
    answered_by: str | None = None
    method: str = ""
    outcome: dict[str, str] = field(default_factory=dict)  # item id -> ItemOutcome (+ ref)


class ChildStatus(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"  # past its deadline: the front page and the officers' mail
    CLOSED = "closed"


class ChildClosure(StrEnum):
    DISPOSED = "disposed"  # the child's data disposed of (or, for a scanner finding,
    # deleted at the source, as the officer records)
    GUARDIAN_CONSENT = "guardian_consent"  # a verified guardian's consent is in force
    NOT_A_CHILD = "not_a_child"  # an officer's recorded finding


class ChildSource(StrEnum):
    SCANNER = "scanner"  # reference: the finding's id
    DECISION = "decision"  # reference: the decision's id


@dataclass(frozen=True, slots=True)
class ChildDataTask:
    id: str
    subject_id: str | None  # None: a scanner finding at a source outside the vault
    source: ChildSource
    reference: str
    status: ChildStatus
    opened_at: datetime
    due_at: datetime
    escalated_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    closure: ChildClosure | None = None
    note: str = ""  # sealed (services): free text may name a person

    @property
    def open(self) -> bool:
        return self.status is not ChildStatus.CLOSED

    def overdue(self, now: datetime) -> bool:
        return self.open and now >= self.due_at


def child_task(
    task_id: str,
    subject_id: str | None,
    source: ChildSource,
    reference: str,
    at: datetime,
    hours: int,
) -> ChildDataTask:
    return ChildDataTask(
        task_id,
        subject_id,
        source,
        reference,
        ChildStatus.OPEN,
        at,
        at + timedelta(hours=hours),
    )


def guardian_consent_in_force(state: SubjectState, at: datetime) -> str | None:
    """The id of a consent in force given by a guardian whose link staff verified — what
    closes a child-data task — or None."""
    guardians = state.verified_guardians(at)
    for c in state.consents:
        if (
            c.subject_id == state.subject_id
            and c.in_force(at)
            and c.given_by in guardians
            and (c.kind is ConsentKind.GUARDIAN or state.is_child(at))
        ):
            return c.id
    return None
