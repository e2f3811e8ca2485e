"""The JSON shapes of the backups (web/api/backups/): a backup with its manifest and its
restore tests, each check's result; ids, counts and hashes — never a value."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from piiguard.domain.backups.model import Attention, Backup, RestoreTest
from piiguard.web.api.schemas.fields import Strict


class CheckOut(BaseModel):
    name: str
    ok: bool
    detail: str


class RestoreTestOut(BaseModel):
    id: str
    backup_id: str
    started_at: datetime
    duration_ms: int
    ok: bool
    by: str
    checks: list[CheckOut]

    @classmethod
    def of(cls, t: RestoreTest) -> RestoreTestOut:
        return cls(
            id=t.id,
            backup_id=t.backup_id,
            started_at=t.started_at,
            duration_ms=t.duration_ms,
            ok=t.ok,
            by=t.by,
            checks=[CheckOut(name=c.name, ok=c.ok, detail=c.detail) for c in t.checks],
        )


class BackupOut(BaseModel):
    id: str
    kind: str
    status: str
    created_at: datetime
    by: str
    target: str
    location: str
    dialect: str
    size: int
    sha256: str
    kek_version: str
    expires_at: datetime | None
    pruned_at: datetime | None
    error: str
    schema_revision: str
    audit_head_seq: int
    audit_head_hash: str
    checkpoint_seq: int
    row_counts: dict[str, int]
    tests: list[RestoreTestOut]

    @classmethod
    def of(cls, b: Backup, tests: list[RestoreTest]) -> BackupOut:
        f = b.facts
        return cls(
            id=b.id,
            kind=b.kind.value,
            status=b.status.value,
            created_at=b.created_at,
            by=b.by,
            target=b.target,
            location=b.location,
            dialect=b.dialect,
            size=b.size,
            sha256=b.sha256,
            kek_version=b.kek_version,
            expires_at=b.expires_at,
            pruned_at=b.pruned_at,
            error=b.error,
            schema_revision=f.schema_revision if f else "",
            audit_head_seq=f.audit_head_seq if f else 0,
            audit_head_hash=f.audit_head_hash if f else "",
            checkpoint_seq=f.checkpoint_seq if f else 0,
            row_counts=dict(f.row_counts) if f else {},
            tests=[RestoreTestOut.of(t) for t in tests],
        )


class BackupIn(Strict):
    kind: Literal["data", "keystore"] = "data"
    target: str | None = Field(
        None,
        max_length=64,
        description="a data-map system of kind backup, approved; omitted: the configured "
        "default; empty: the default folder",
    )


class StatusOut(BaseModel):
    state: str  # ok, failed, overdue, no_backup
    last_test_at: datetime | None
    last_test_id: str

    @classmethod
    def of(cls, a: Attention) -> StatusOut:
        return cls(state=a.state.value, last_test_at=a.since, last_test_id=a.test_id)
