"""The JSON shapes of the audit trail (web/api/audit.py): an entry, and the verification
report of the hash chain and its signed checkpoints."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel

from piiguard.domain.audit import AuditEntry, VerifyReport


class AuditEntryOut(BaseModel):
    seq: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    subject_id: str
    purpose: str
    decision_id: str
    details: str
    entry_hash: str

    @classmethod
    def of(cls, e: AuditEntry) -> AuditEntryOut:
        return cls(
            seq=e.seq,
            at=datetime.fromtimestamp(e.at_us / 1e6, tz=UTC),
            actor=f"{e.actor_kind}:{e.actor_id}",
            action=e.action,
            target_type=e.target_type,
            target_id=e.target_id,
            subject_id=e.subject_id,
            purpose=e.purpose,
            decision_id=e.decision_id,
            details=e.details,
            entry_hash=e.entry_hash,
        )


class VerifyOut(BaseModel):
    ok: bool
    entries: int
    checkpoints: int
    first_bad_seq: int | None
    problems: list[str]

    @classmethod
    def of(cls, r: VerifyReport) -> VerifyOut:
        first = r.first
        return cls(
            ok=r.ok,
            entries=r.entries,
            checkpoints=r.checkpoints,
            first_bad_seq=first.seq if first else None,
            problems=[p.what for p in r.problems],
        )
