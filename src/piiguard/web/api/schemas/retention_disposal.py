"""The JSON shapes of disposal (R2.11; web/api/retention_disposal.py): previews, batches,
their entries and deletion tasks, certificates. Ids, categories, systems, dates and counts
only: never a value."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from piiguard.domain.retention.disposal import (
    BatchStatus,
    DisposalBatch,
    DisposalEntry,
    DisposalTask,
    DisposalTaskStatus,
)
from piiguard.services.retention.batches import BatchDetail
from piiguard.services.retention.certificate import Certificate
from piiguard.services.retention.sweep import Preview
from piiguard.web.api.schemas.fields import Strict


class PreviewOut(BaseModel):
    as_of: datetime
    items: int
    subjects: int
    held: int = Field(description="due, but kept by a legal hold in force")
    by_purpose: dict[str, int]
    by_category: dict[str, int]
    by_system: dict[str, int]

    @classmethod
    def of(cls, p: Preview) -> PreviewOut:
        return cls(
            as_of=p.as_of,
            items=p.items,
            subjects=p.subjects,
            held=p.held,
            by_purpose=p.by_purpose,
            by_category=p.by_category,
            by_system=p.by_system,
        )


class BatchOut(BaseModel):
    id: str
    status: BatchStatus
    as_of: datetime
    created_at: datetime
    created_by: str
    item_count: int
    auto_dispose_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    rejected_by: str | None
    rejected_at: datetime | None
    reason: str
    disposed_at: datetime | None
    list_hash: str | None

    @classmethod
    def of(cls, b: DisposalBatch) -> BatchOut:
        return cls(
            id=b.id,
            status=b.status,
            as_of=b.as_of,
            created_at=b.created_at,
            created_by=b.created_by,
            item_count=b.item_count,
            auto_dispose_at=b.auto_dispose_at,
            approved_by=b.approved_by,
            approved_at=b.approved_at,
            rejected_by=b.rejected_by,
            rejected_at=b.rejected_at,
            reason=b.reason,
            disposed_at=b.disposed_at,
            list_hash=b.list_hash,
        )


class EntryOut(BaseModel):
    record_type: str
    record_id: str
    subject_id: str | None
    category: str
    system: str
    purposes: list[str]
    retain_until: datetime | None
    disposed_at: datetime | None

    @classmethod
    def of(cls, e: DisposalEntry) -> EntryOut:
        return cls(
            record_type=e.record_type.value,
            record_id=e.record_id,
            subject_id=e.subject_id,
            category=e.category,
            system=e.system,
            purposes=sorted(e.purposes),
            retain_until=e.retain_until,
            disposed_at=e.disposed_at,
        )


class DisposalTaskOut(BaseModel):
    id: str
    batch_id: str
    system: str
    categories: list[str]
    subjects: int
    status: DisposalTaskStatus
    attempts: int
    last_error: str
    settled_at: datetime | None
    settled_by: str | None

    @classmethod
    def of(cls, t: DisposalTask) -> DisposalTaskOut:
        return cls(
            id=t.id,
            batch_id=t.batch_id,
            system=t.system,
            categories=sorted(t.categories),
            subjects=len(t.subject_ids),
            status=t.status,
            attempts=t.attempts,
            last_error=t.last_error,
            settled_at=t.settled_at,
            settled_by=t.settled_by,
        )


class BatchDetailOut(BaseModel):
    batch: BatchOut
    entries: list[EntryOut]
    tasks: list[DisposalTaskOut]

    @classmethod
    def of(cls, d: BatchDetail) -> BatchDetailOut:
        return cls(
            batch=BatchOut.of(d.batch),
            entries=[EntryOut.of(e) for e in d.entries],
            tasks=[DisposalTaskOut.of(t) for t in d.tasks],
        )


class CertificateOut(BaseModel):
    batch_id: str
    facts: dict[str, Any] = Field(
        description="as written at disposal: counts by category, purpose and system, the "
        "period, who proposed, approved and disposed, what was left out and why, the "
        "SHA-256 of the sorted disposed ids"
    )
    systems: dict[str, str] = Field(description="system -> its deletion notice's status now")
    confirmed: list[str]
    list_hash: str

    @classmethod
    def of(cls, c: Certificate) -> CertificateOut:
        return cls(
            batch_id=c.batch_id,
            facts=c.facts,
            systems=c.systems,
            confirmed=c.confirmed,
            list_hash=c.list_hash,
        )


class DisposalReasonIn(Strict):
    reason: str = Field(min_length=1, max_length=1000)


class DisposalConfirmIn(Strict):
    reference: str = Field(
        min_length=1, max_length=200, description="the system's own reference for the deletion"
    )
