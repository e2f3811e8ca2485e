"""The JSON shapes of data kept up to date (R2.8) and a child's data found (R6.3;
web/api/upkeep.py): confirmation intervals, confirmation requests (metadata: ids, statuses,
dates, categories — never a value or a contact), child-data tasks (the officer's note stays
sealed: never in an answer)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, StrictInt

from piiguard.domain.retention.upkeep import (
    ChildClosure,
    ChildDataTask,
    ChildSource,
    ChildStatus,
    ConfirmationInterval,
    ConfirmationRequest,
    ConfirmationStatus,
)
from piiguard.domain.subjects import ItemRecord
from piiguard.services.retention.upkeep.children import ChildDisposal
from piiguard.web.api.schemas.fields import RecordId, Strict

Method = Literal["phone", "in_person", "letter", "email"]  # confirmations.METHODS


class IntervalOut(BaseModel):
    category: str
    days: int
    version: int
    updated_at: datetime | None
    updated_by: str

    @classmethod
    def of(cls, i: ConfirmationInterval) -> IntervalOut:
        return cls(
            category=i.category,
            days=i.days,
            version=i.version,
            updated_at=i.updated_at,
            updated_by=i.updated_by,
        )


class IntervalIn(Strict):
    days: StrictInt = Field(description="how long an item may go unconfirmed (1–36,500 days)")


class ConfirmationOut(BaseModel):
    id: str
    subject_id: str
    status: ConfirmationStatus
    item_ids: list[str]
    language: str
    queued_at: datetime
    stale_since: datetime | None = Field(
        None, description="when the first of its items went unconfirmed past its interval"
    )
    mailed_at: datetime | None
    escalated_at: datetime | None = Field(description="when it went to the staff queue")
    answered_at: datetime | None
    answered_by: str | None
    method: str
    outcome: dict[str, str] = Field(
        description="item id -> confirmed, or corrected:<correction request id>"
    )

    @classmethod
    def of(cls, q: ConfirmationRequest, stale_since: datetime | None = None) -> ConfirmationOut:
        return cls(
            id=q.id,
            subject_id=q.subject_id,
            status=q.status,
            item_ids=list(q.item_ids),
            language=q.language,
            queued_at=q.queued_at,
            stale_since=stale_since,
            mailed_at=q.mailed_at,
            escalated_at=q.escalated_at,
            answered_at=q.answered_at,
            answered_by=q.answered_by,
            method=q.method,
            outcome=dict(q.outcome),
        )


class ConfirmationItemOut(BaseModel):
    id: str
    category: str
    held_in: str
    collected_at: datetime
    last_confirmed_at: datetime

    @classmethod
    def of(cls, r: ItemRecord) -> ConfirmationItemOut:
        return cls(
            id=r.id,
            category=r.category,
            held_in=r.held_in,
            collected_at=r.created_at,
            last_confirmed_at=r.last_confirmed_at,
        )


class ConfirmationDetailOut(ConfirmationOut):
    items: list[ConfirmationItemOut]


class StaffConfirmIn(Strict):
    method: Method = Field(description="how staff reached the person")
    item_ids: list[RecordId] | None = Field(
        None, max_length=1000, description="the items confirmed (default: every item)"
    )


class ChildTaskOut(BaseModel):
    id: str
    subject_id: str | None = Field(description="null: a scanner finding outside the vault")
    source: ChildSource
    reference: str = Field(description="the decision's or the scanner finding's id")
    status: ChildStatus
    opened_at: datetime
    due_at: datetime
    overdue: bool
    escalated_at: datetime | None
    closed_at: datetime | None
    closed_by: str | None
    closure: ChildClosure | None

    @classmethod
    def of(cls, t: ChildDataTask, now: datetime) -> ChildTaskOut:
        return cls(
            id=t.id,
            subject_id=t.subject_id,
            source=t.source,
            reference=t.reference,
            status=t.status,
            opened_at=t.opened_at,
            due_at=t.due_at,
            overdue=t.overdue(now),
            escalated_at=t.escalated_at,
            closed_at=t.closed_at,
            closed_by=t.closed_by,
            closure=t.closure,
        )


class ChildNoteIn(Strict):
    note: str = Field("", max_length=2000, description="what was found (kept sealed)")


class ChildDisposalOut(BaseModel):
    task: ChildTaskOut
    items_disposed: int
    erased: bool

    @classmethod
    def of(cls, d: ChildDisposal, now: datetime) -> ChildDisposalOut:
        return cls(
            task=ChildTaskOut.of(d.task, now), items_disposed=d.items_disposed, erased=d.erased
        )
