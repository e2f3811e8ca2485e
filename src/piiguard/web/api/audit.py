"""The audit trail and recorded decisions, for auditors and the privacy officer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from piiguard.domain.ports import AuditQuery
from piiguard.services.audit import list_audit, note_verification, verify_audit
from piiguard.web.api.schemas.audit import AuditEntryOut, VerifyOut
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit", response_model=list[AuditEntryOut])
def audit_entries(
    c: ContainerDep,
    actor: Authorized,
    subject_id: str | None = None,
    actor_id: str | None = None,
    action: str | None = None,
    after_seq: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,  # a BIGINT
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditEntryOut]:
    """Who did what, when, why: filter by subject, actor or action; page with after_seq."""
    q = AuditQuery(
        subject_id=subject_id, actor_id=actor_id, action=action, after_seq=after_seq, limit=limit
    )
    return [AuditEntryOut.of(e) for e in list_audit(c.uow(), actor, q)]


@router.post("/audit/verify", response_model=VerifyOut)
def audit_verify(c: ContainerDep, actor: Authorized) -> VerifyOut:
    """Walk the hash chain and the signed checkpoints; name the first bad entry."""
    report = verify_audit(c.uow(readonly=True), c.signer)
    note_verification(c.uow(), actor, report)
    return VerifyOut.of(report)
