"""Business transfers (R3.4; PIPL Art. 22): a merger, acquisition, bankruptcy or asset
transfer hands personal data over to a receiving organisation. Pure: no clock reads, no
I/O.

The receiving organisation is a recipient of kind `acquirer`, bound by the policy through
its undertaking (an agreement of kind `undertaking` in force: the signed document's
SHA-256 and where it is kept). A transfer records its kind, the acquirer, the undertaking,
when it takes effect and its scope — purposes, categories (each with its subtree), subjects;
each empty means all. Whoever records it cannot approve it (four eyes). Carried out, it is
logged (one disclosure-log row per person in scope, under one share of delivery
`handover`) and every affected person is told by mail (zh/en) through the notices' batch:
throttled, resumable after a crash, per-person status recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput, at_most

PURPOSE = "business_transfer"  # what the disclosure log says the data went for
MAX_SUBJECTS = 10_000  # named one by one; beyond that, scope by category or take all


class TransferKind(StrEnum):
    MERGER = "merger"
    ACQUISITION = "acquisition"
    BANKRUPTCY = "bankruptcy"
    ASSET_TRANSFER = "asset_transfer"


class TransferStatus(StrEnum):
    RECORDED = "recorded"  # awaiting a second officer's review
    APPROVED = "approved"  # may be carried out
    REFUSED = "refused"
    TRANSFERRED = "transferred"  # carried out: logged, people being told


@dataclass(frozen=True, slots=True)
class BusinessTransfer:
    id: str
    kind: TransferKind
    acquirer: str  # recipient key, kind acquirer
    undertaking: str  # the acquirer's undertaking (agreement id) to follow the policy
    title: str
    effective_at: datetime
    purposes: frozenset[str]  # empty: every purpose
    categories: frozenset[str]  # empty: every category
    subjects: frozenset[str]  # empty: every person
    status: TransferStatus
    recorded_by: str
    recorded_at: datetime
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_note: str = ""
    transferred_by: str | None = None
    transferred_at: datetime | None = None
    share_id: str | None = None  # the handover in the disclosure log
    people: int = 0  # how many people it concerned (each told)


def check_transfer(t: BusinessTransfer) -> BusinessTransfer:
    if not t.title.strip():
        raise InvalidInput("name the transfer, e.g. 'Merger with Acme Holding'", field="title")
    at_most(t.title, 500, "title")  # the API's limit, for the console and CLI too
    if len(t.subjects) > MAX_SUBJECTS:
        raise InvalidInput(
            f"at most {MAX_SUBJECTS} subjects named; scope by category or take all",
            field="subject_ids",
        )
    return t
