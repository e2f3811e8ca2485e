"""The privacy officer's registers: purposes (R2.3), company data categories (R2.1), the
data map — systems, exports, findings (R2.7, R5.6) — and legal exceptions (R2.5)."""

from __future__ import annotations

from fastapi import APIRouter, status

from piiguard.domain.policy.datamap import Approval, FindingStatus, System
from piiguard.domain.taxonomy import Category
from piiguard.services.policy import datamap
from piiguard.services.policy import legal_exceptions as exceptions
from piiguard.services.policy import snapshot as policy
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.schemas.legal_exceptions import ExceptionIn, ExceptionOut
from piiguard.web.api.schemas.registers import (
    ApprovalIn,
    CategoryIn,
    ExportIn,
    ExportOut,
    FindingMoveIn,
    FindingOut,
    PurposeIO,
    PurposeOut,
    RegisterOut,
    SystemIO,
    SystemOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["registers"])


@router.get("/purposes", response_model=RegisterOut)
def purposes(c: ContainerDep, actor: Authorized) -> RegisterOut:
    """The purpose register as it stands, with its version."""
    del actor
    reg = c.state.register
    return RegisterOut(
        version=reg.version,
        purposes=[PurposeOut.of(r) for r in sorted(reg.rules.values(), key=lambda r: r.key)],
    )


@router.put("/purposes/{key}", response_model=RegisterOut)
def save_purpose(key: Slug, body: PurposeIO, c: ContainerDep, actor: Authorized) -> RegisterOut:
    """Add or change a purpose: a new register version; decisions record the version."""
    policy.save_purpose(c.uow(), c.snapshots, c.clock, actor, body.rule(key))
    return purposes(c, actor)


@router.delete("/purposes/{key}", response_model=RegisterOut)
def deactivate_purpose(key: str, c: ContainerDep, actor: Authorized) -> RegisterOut:
    """Purposes are never deleted (decisions refer to them): they become inactive."""
    policy.deactivate_purpose(c.uow(), c.snapshots, c.clock, actor, key)
    return purposes(c, actor)


@router.post("/taxonomy", status_code=status.HTTP_201_CREATED)
def add_category(body: CategoryIn, c: ContainerDep, actor: Authorized) -> dict[str, str]:
    """Add a company category under an existing parent; it may be stricter, never weaker."""
    cat = policy.add_category(
        c.uow(),
        c.snapshots,
        c.clock,
        actor,
        Category(
            body.key,
            body.name,
            body.name_zh,
            body.tier,
            body.description,
            body.lookup,
            origin="company",
        ),
    )
    return {"key": cat.key, "tier": cat.tier.value}


@router.delete("/taxonomy/{key}")
def retire_category(key: str, c: ContainerDep, actor: Authorized) -> dict[str, str]:
    """Delete a company category nobody uses; one in use is only deprecated."""
    return {
        "key": key,
        "outcome": policy.retire_category(c.uow(), c.snapshots, c.clock, actor, key),
    }


@router.get("/systems", response_model=list[SystemOut])
def systems(c: ContainerDep, actor: Authorized) -> list[SystemOut]:
    del actor
    return [SystemOut.of(s) for s in datamap.list_systems(c.uow(), c.snapshots)]


@router.put("/systems/{key}", response_model=SystemOut)
def save_system(key: Slug, body: SystemIO, c: ContainerDep, actor: Authorized) -> SystemOut:
    """Register or describe a designated system (data map). Approval is not set here: a new
    system is pending until a privacy officer approves it (POST .../approval)."""
    return SystemOut.of(
        datamap.register_system(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            System(
                key,
                body.name,
                body.owner,
                body.kind,
                body.region,
                Approval.PENDING,
                body.cloud_provider,
                False,
                frozenset(body.categories),
                frozenset(body.purposes),
                frozenset(body.locations),
            ),
        )
    )


@router.post("/systems/{key}/approval", response_model=SystemOut)
def approve_system(key: str, body: ApprovalIn, c: ContainerDep, actor: Authorized) -> SystemOut:
    """Approve, hold or retire a system (and its cloud provider): data flows only to an
    approved one."""
    return SystemOut.of(
        datamap.set_system_status(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            key,
            body.status,
            cloud_approved=body.cloud_approved,
        )
    )


@router.get("/exports", response_model=list[ExportOut])
def exports(c: ContainerDep, actor: Authorized) -> list[ExportOut]:
    del actor
    return [ExportOut.of(e) for e in datamap.list_exports(c.uow())]


@router.post("/exports", status_code=status.HTTP_201_CREATED, response_model=ExportOut)
def register_export(body: ExportIn, c: ContainerDep, actor: Authorized) -> ExportOut:
    """Register a copy of personal data taken out of a system: who, what, why, until when.
    Staff need a recent re-authentication (R2.6); systems use their scoped key."""
    return ExportOut.of(
        datamap.register_export(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            body.system,
            body.recipient,
            frozenset(body.categories),
            body.purpose,
            body.expires_at,
        )
    )


@router.post("/exports/review", response_model=list[FindingOut])
def review_exports(c: ContainerDep, actor: Authorized) -> list[FindingOut]:
    """Turn every expired export into a finding (deduplicated)."""
    return [FindingOut.of(f) for f in datamap.review_exports(c.uow(), c.clock, actor)]


@router.get("/findings", response_model=list[FindingOut])
def findings(
    c: ContainerDep, actor: Authorized, status: FindingStatus | None = None
) -> list[FindingOut]:
    del actor
    return [FindingOut.of(f) for f in datamap.list_findings(c.uow(), status)]


@router.patch("/findings/{finding_id}", response_model=FindingOut)
def move_finding(
    finding_id: str, body: FindingMoveIn, c: ContainerDep, actor: Authorized
) -> FindingOut:
    """open → assigned (with an assignee) → fixed, or accepted_risk with a reason."""
    return FindingOut.of(
        datamap.update_finding(
            c.uow(),
            c.clock,
            actor,
            finding_id,
            body.status,
            assignee=body.assignee,
            reason=body.reason,
        )
    )


@router.get("/exceptions", response_model=list[ExceptionOut])
def list_exceptions(c: ContainerDep, actor: Authorized) -> list[ExceptionOut]:
    del actor
    return [ExceptionOut.of(e) for e in exceptions.list_exceptions(c.uow())]


@router.post("/exceptions", status_code=status.HTTP_201_CREATED, response_model=ExceptionOut)
def request_exception(body: ExceptionIn, c: ContainerDep, actor: Authorized) -> ExceptionOut:
    """Record a legal exception (R2.5); it takes effect once another privacy officer
    approves it."""
    return ExceptionOut.of(
        exceptions.request_exception(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            body.kind,
            body.authority,
            body.case_reference,
            body.legal_provision,
            frozenset(body.subject_ids),
            frozenset(body.categories),
            body.valid_from,
            body.valid_until,
        )
    )


@router.post("/exceptions/{exception_id}/approve", response_model=ExceptionOut)
def approve_exception(exception_id: str, c: ContainerDep, actor: Authorized) -> ExceptionOut:
    """The second officer's approval; needs a recent re-authentication (R2.6)."""
    return ExceptionOut.of(exceptions.approve_exception(c.uow(), c.clock, actor, exception_id))


@router.post("/exceptions/{exception_id}/revoke", response_model=ExceptionOut)
def revoke_exception(exception_id: str, c: ContainerDep, actor: Authorized) -> ExceptionOut:
    return ExceptionOut.of(exceptions.revoke_exception(c.uow(), c.clock, actor, exception_id))
