"""Disposal batches (R2.11, R5.5, R10.2): what the sweep proposes, who approved it, what
was disposed of, and the deletion tasks it opened for systems. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import NamedTuple

from piiguard.domain.errors import InvalidInput
from piiguard.domain.retention.schedule import RecordType

# the dates a preview may ask about: a period of up to 100 years is counted back from it
# and a day forward (the end of a day asked for), both inside what a datetime can hold
EARLIEST_AS_OF = datetime(1970, 1, 1, tzinfo=UTC)
LATEST_AS_OF = datetime(9999, 1, 1, tzinfo=UTC)


def check_as_of(as_of: datetime, field: str = "as_of") -> datetime:
    """`as_of` if a preview can be computed for it, else InvalidInput naming `field`."""
    if not EARLIEST_AS_OF <= as_of < LATEST_AS_OF:
        raise InvalidInput(f"{field} must fall between 1970-01-01 and 9998-12-31", field=field)
    return as_of


def check_counted_from(at: datetime, field: str) -> datetime:
    """A date retention is counted from, given as input — an item's collection, a reported
    contract end or last order — if on or after 1970-01-01, else InvalidInput naming
    `field`. Nothing piiguard keeps was collected before then, and an earlier date is a
    slip of the year (1900 for 2000, 0001 for an empty field) that makes the person's
    data due at once: refused rather than disposed of (docs/retention.md)."""
    if at < EARLIEST_AS_OF:
        raise InvalidInput(
            f"{field} must be on or after 1970-01-01: retention is counted from it, and "
            "an earlier date would make the data due at once",
            field=field,
        )
    return at


class BatchStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    DISPOSED = "disposed"
    REJECTED = "rejected"  # an officer objected (reason recorded)


@dataclass(frozen=True, slots=True)
class DisposalBatch:
    id: str
    status: BatchStatus
    as_of: datetime
    created_at: datetime
    created_by: str
    item_count: int
    auto_dispose_at: datetime | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    rejected_by: str | None = None
    rejected_at: datetime | None = None
    reason: str = ""
    disposed_at: datetime | None = None
    list_hash: str | None = None  # SHA-256 of the sorted disposed ids
    certificate: str | None = None  # JSON; counts and ids' hash only


@dataclass(frozen=True, slots=True)
class DisposalEntry:
    """One record on a batch: an item (category, system, purposes for the counts) or one
    of piiguard's own records about a person."""

    batch_id: str
    record_type: RecordType
    record_id: str
    subject_id: str | None
    category: str = ""
    system: str = ""
    purposes: frozenset[str] = frozenset()
    retain_until: datetime | None = None
    disposed_at: datetime | None = None


class DisposalTaskStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    CONFIRMED = "confirmed"
    WAIVED = "waived"

    @property
    def settled(self) -> bool:
        return self in (DisposalTaskStatus.CONFIRMED, DisposalTaskStatus.WAIVED)


@dataclass(frozen=True, slots=True)
class DisposalTask:
    """A deletion notice to a system holding disposed categories (signed webhook)."""

    id: str
    batch_id: str
    system: str
    categories: frozenset[str]
    subject_ids: frozenset[str]
    status: DisposalTaskStatus
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""
    settled_at: datetime | None = None
    settled_by: str | None = None
    note: str = ""


# piiguard's own records about people that the sweep disposes of (decision notes are not
# among them: they are sealed inside hash-chained audit entries; docs/retention.md).
DISPOSABLE_RECORDS = (
    RecordType.DATA_REQUEST,
    RecordType.TRIAGE_MAIL,
    RecordType.REQUEST_PACKAGE,
)


@dataclass(frozen=True, slots=True)
class OwnRecord:
    """One of piiguard's own records about a person, as the sweep sees it: its anchor
    event's time (a request's closing, a mail's receipt, a package's making; None: not yet
    happened, kept). Ids only."""

    record_type: RecordType
    record_id: str
    subject_id: str | None
    anchor_at: datetime | None


class DueRow(NamedTuple):
    """An item the sweep's index says is due, with the item's metadata read in the same
    range scan (no value): what a batch entry needs. A named tuple (immutable, and made
    several times faster than a frozen dataclass: the sweep makes one per due item)."""

    item_id: str
    subject_id: str
    category: str
    held_in: str
    purposes: frozenset[str]  # declared at collection
    retain_until: datetime


# The key each of piiguard's own records about people is sealed under
# (adapters/vault/recordbox.py), destroyed when the record is disposed of: a request's key
# seals its details and every staff note on it (in the audit entries), a package's and a
# triage mail's their own. The sealing context's prefix -> the key's scope prefix.
RECORD_KEY_CONTEXTS = {
    "request": "request",
    "request-note": "request",
    "package": "package",
    "triage": "triage",
}
_SCOPE_PREFIX = {
    RecordType.DATA_REQUEST: "request",
    RecordType.REQUEST_PACKAGE: "package",
    RecordType.TRIAGE_MAIL: "triage",
}


def record_scope(record_type: RecordType, record_id: str) -> str:
    """The key scope of one of piiguard's own records (ValueError for other types)."""
    prefix = _SCOPE_PREFIX.get(record_type)
    if prefix is None:
        raise ValueError(f"{record_type} records have no key of their own")
    return f"{prefix}:{record_id}"


def scope_of_context(context: str) -> str | None:
    """The record key a sealing context uses, or None (sealed under the KEK)."""
    prefix, _, record_id = context.partition(":")
    scope = RECORD_KEY_CONTEXTS.get(prefix)
    return f"{scope}:{record_id}" if scope is not None and record_id else None
