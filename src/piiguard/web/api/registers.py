"""The privacy officer's registers: purposes (R2.3), company data categories (R2.1), the
data map — systems, exports, findings (R2.7, R5.6) — and legal exceptions (R2.5)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.policy.datamap import Approval, Export, Finding, FindingStatus, System
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.subjects import LegalBasis
from piiguard.domain.taxonomy import Category, Lookup, Tier
from piiguard.services.policy import datamap
from piiguard.services.policy import legal_exceptions as exceptions
from piiguard.services.policy import snapshot as policy
from piiguard.web.api.schemas.common import CategoryKey, Slug, Strict
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["registers"])


class PurposeIO(Strict):
    en: str = Field(min_length=1, max_length=500)
    zh: str = Field(min_length=1, max_length=500)
    legal_basis: LegalBasis
    categories: list[CategoryKey] = Field(min_length=1, max_length=200)
    retention_days: int = Field(ge=1, le=36_500)
    needs_consent: bool
    roles: list[Slug] = Field(min_length=1)
    active: bool = True

    def rule(self, key: str) -> PurposeRule:
        return PurposeRule(key, self.en, self.zh, self.legal_basis, frozenset(self.categories),
                           self.retention_days, self.needs_consent, frozenset(self.roles),
                           self.active)


class PurposeOut(PurposeIO):
    key: str

    @classmethod
    def of(cls, r: PurposeRule) -> PurposeOut:
        return cls(key=r.key, en=r.en, zh=r.zh, legal_basis=r.legal_basis,
                   categories=sorted(r.categories), retention_days=r.retention_days,
                   needs_consent=r.needs_consent, roles=sorted(r.roles), active=r.active)


class RegisterOut(BaseModel):
    version: int
    purposes: list[PurposeOut]


@router.get("/purposes", response_model=RegisterOut)
def purposes(c: ContainerDep, actor: Authorized) -> RegisterOut:
    """The purpose register as it stands, with its version."""
    del actor
    reg = c.state.register
    return RegisterOut(version=reg.version, purposes=[PurposeOut.of(r) for r in
                                                      sorted(reg.rules.values(),
                                                             key=lambda r: r.key)])


@router.put("/purposes/{key}", response_model=RegisterOut)
def save_purpose(key: Slug, body: PurposeIO, c: ContainerDep,
                 actor: Authorized) -> RegisterOut:
    """Add or change a purpose: a new register version; decisions record the version."""
    policy.save_purpose(c.uow(), c.snapshots, c.clock, actor, body.rule(key))
    return purposes(c, actor)


@router.delete("/purposes/{key}", response_model=RegisterOut)
def deactivate_purpose(key: str, c: ContainerDep, actor: Authorized) -> RegisterOut:
    """Purposes are never deleted (decisions refer to them): they become inactive."""
    policy.deactivate_purpose(c.uow(), c.snapshots, c.clock, actor, key)
    return purposes(c, actor)


class CategoryIn(Strict):
    key: CategoryKey
    name: str = Field(min_length=1, max_length=128)
    name_zh: str = Field(min_length=1, max_length=128)
    tier: Tier = Tier.ORDINARY
    lookup: Lookup = Lookup.NONE
    description: str = Field("", max_length=1000)


@router.post("/taxonomy", status_code=status.HTTP_201_CREATED)
def add_category(body: CategoryIn, c: ContainerDep, actor: Authorized) -> dict[str, str]:
    """Add a company category under an existing parent; it may be stricter, never weaker."""
    cat = policy.add_category(c.uow(), c.snapshots, c.clock, actor, Category(
        body.key, body.name, body.name_zh, body.tier, body.description, body.lookup,
        origin="company"))
    return {"key": cat.key, "tier": cat.tier.value}


@router.delete("/taxonomy/{key}")
def retire_category(key: str, c: ContainerDep, actor: Authorized) -> dict[str, str]:
    """Delete a company category nobody uses; one in use is only deprecated."""
    return {"key": key, "outcome": policy.retire_category(c.uow(), c.snapshots, c.clock,
                                                          actor, key)}


class SystemIO(Strict):
    name: str = Field(min_length=1, max_length=128)
    owner: str = Field(min_length=1, max_length=128)
    kind: Slug
    region: str = Field(min_length=2, max_length=2, examples=["CN"])
    cloud_provider: str | None = Field(None, max_length=64)
    categories: list[CategoryKey] = Field(default_factory=list)
    purposes: list[Slug] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list, max_length=100,
                                 description="path prefixes or database URLs (no password) "
                                             "where it keeps data; the scanner's report uses "
                                             "them")


class SystemOut(SystemIO):
    key: str
    status: Approval
    cloud_approved: bool

    @classmethod
    def of(cls, s: System) -> SystemOut:
        return cls(key=s.key, name=s.name, owner=s.owner, kind=s.kind, region=s.region,
                   status=s.status, cloud_provider=s.cloud_provider,
                   cloud_approved=s.cloud_approved, categories=sorted(s.categories),
                   purposes=sorted(s.purposes), locations=sorted(s.locations))


class ApprovalIn(Strict):
    status: Approval
    cloud_approved: bool | None = None


@router.get("/systems", response_model=list[SystemOut])
def systems(c: ContainerDep, actor: Authorized) -> list[SystemOut]:
    del actor
    return [SystemOut.of(s) for s in datamap.list_systems(c.uow(), c.snapshots)]


@router.put("/systems/{key}", response_model=SystemOut)
def save_system(key: Slug, body: SystemIO, c: ContainerDep, actor: Authorized) -> SystemOut:
    """Register or describe a designated system (data map). Approval is not set here: a new
    system is pending until a privacy officer approves it (POST .../approval)."""
    return SystemOut.of(datamap.register_system(c.uow(), c.snapshots, c.clock, actor, System(
        key, body.name, body.owner, body.kind, body.region, Approval.PENDING,
        body.cloud_provider, False, frozenset(body.categories), frozenset(body.purposes),
        frozenset(body.locations))))


@router.post("/systems/{key}/approval", response_model=SystemOut)
def approve_system(key: str, body: ApprovalIn, c: ContainerDep,
                   actor: Authorized) -> SystemOut:
    """Approve, hold or retire a system (and its cloud provider): data flows only to an
    approved one."""
    return SystemOut.of(datamap.set_system_status(c.uow(), c.snapshots, c.clock, actor, key,
                                                  body.status,
                                                  cloud_approved=body.cloud_approved))


class ExportIn(Strict):
    system: Slug
    recipient: str = Field(min_length=1, max_length=128)
    categories: list[CategoryKey] = Field(min_length=1)
    purpose: Slug
    expires_at: AwareDatetime


class ExportOut(BaseModel):
    id: str
    system: str
    recipient: str
    requested_by: str
    categories: list[str]
    purpose: str
    created_at: datetime
    expires_at: datetime

    @classmethod
    def of(cls, e: Export) -> ExportOut:
        return cls(id=e.id, system=e.system, recipient=e.recipient,
                   requested_by=e.requested_by, categories=sorted(e.categories),
                   purpose=e.purpose, created_at=e.created_at, expires_at=e.expires_at)


@router.get("/exports", response_model=list[ExportOut])
def exports(c: ContainerDep, actor: Authorized) -> list[ExportOut]:
    del actor
    return [ExportOut.of(e) for e in datamap.list_exports(c.uow())]


@router.post("/exports", status_code=status.HTTP_201_CREATED, response_model=ExportOut)
def register_export(body: ExportIn, c: ContainerDep, actor: Authorized) -> ExportOut:
    """Register a copy of personal data taken out of a system: who, what, why, until when.
    Staff need a recent re-authentication (R2.6); systems use their scoped key."""
    return ExportOut.of(datamap.register_export(
        c.uow(), c.snapshots, c.clock, actor, body.system, body.recipient,
        frozenset(body.categories), body.purpose, body.expires_at))


class FindingOut(BaseModel):
    id: str
    kind: str
    source: str
    category: str
    detail: str
    status: FindingStatus
    created_at: datetime
    assignee: str | None
    reason: str | None

    @classmethod
    def of(cls, f: Finding) -> FindingOut:
        return cls(id=f.id, kind=f.kind, source=f.source, category=f.category,
                   detail=f.detail, status=f.status, created_at=f.created_at,
                   assignee=f.assignee, reason=f.reason)


class FindingMoveIn(Strict):
    status: FindingStatus
    assignee: str | None = Field(None, max_length=80)
    reason: str | None = Field(None, max_length=2000)


@router.post("/exports/review", response_model=list[FindingOut])
def review_exports(c: ContainerDep, actor: Authorized) -> list[FindingOut]:
    """Turn every expired export into a finding (deduplicated)."""
    return [FindingOut.of(f) for f in datamap.review_exports(c.uow(), c.clock, actor)]


@router.get("/findings", response_model=list[FindingOut])
def findings(c: ContainerDep, actor: Authorized,
             status: FindingStatus | None = None) -> list[FindingOut]:
    del actor
    return [FindingOut.of(f) for f in datamap.list_findings(c.uow(), status)]


@router.patch("/findings/{finding_id}", response_model=FindingOut)
def move_finding(finding_id: str, body: FindingMoveIn, c: ContainerDep,
                 actor: Authorized) -> FindingOut:
    """open → assigned (with an assignee) → fixed, or accepted_risk with a reason."""
    return FindingOut.of(datamap.update_finding(c.uow(), c.clock, actor, finding_id,
                                                body.status, assignee=body.assignee,
                                                reason=body.reason))


class ExceptionIn(Strict):
    kind: ExceptionKind
    authority: str = Field(min_length=1, max_length=300)
    case_reference: str = Field(min_length=1, max_length=300)
    legal_provision: str = Field(min_length=1, max_length=300)
    subject_ids: list[str] = Field(min_length=1, max_length=10_000)
    categories: list[CategoryKey] = Field(min_length=1)
    valid_from: AwareDatetime
    valid_until: AwareDatetime


class ExceptionOut(BaseModel):
    id: str
    kind: ExceptionKind
    authority: str
    case_reference: str
    legal_provision: str
    subject_ids: list[str]
    categories: list[str]
    valid_from: datetime
    valid_until: datetime
    requested_by: str
    approved_by: str | None
    approved_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, e: LegalException) -> ExceptionOut:
        return cls(id=e.id, kind=e.kind, authority=e.authority,
                   case_reference=e.case_reference, legal_provision=e.legal_provision,
                   subject_ids=sorted(e.subject_ids), categories=sorted(e.categories),
                   valid_from=e.valid_from, valid_until=e.valid_until,
                   requested_by=e.requested_by, approved_by=e.approved_by,
                   approved_at=e.approved_at, revoked_at=e.revoked_at)


@router.get("/exceptions", response_model=list[ExceptionOut])
def list_exceptions(c: ContainerDep, actor: Authorized) -> list[ExceptionOut]:
    del actor
    return [ExceptionOut.of(e) for e in exceptions.list_exceptions(c.uow())]


@router.post("/exceptions", status_code=status.HTTP_201_CREATED, response_model=ExceptionOut)
def request_exception(body: ExceptionIn, c: ContainerDep,
                      actor: Authorized) -> ExceptionOut:
    """Record a legal exception (R2.5); it takes effect once another privacy officer
    approves it."""
    return ExceptionOut.of(exceptions.request_exception(
        c.uow(), c.snapshots, c.clock, actor, body.kind, body.authority, body.case_reference,
        body.legal_provision, frozenset(body.subject_ids), frozenset(body.categories),
        body.valid_from, body.valid_until))


@router.post("/exceptions/{exception_id}/approve", response_model=ExceptionOut)
def approve_exception(exception_id: str, c: ContainerDep, actor: Authorized) -> ExceptionOut:
    """The second officer's approval; needs a recent re-authentication (R2.6)."""
    return ExceptionOut.of(exceptions.approve_exception(c.uow(), c.clock, actor, exception_id))


@router.post("/exceptions/{exception_id}/revoke", response_model=ExceptionOut)
def revoke_exception(exception_id: str, c: ContainerDep, actor: Authorized) -> ExceptionOut:
    return ExceptionOut.of(exceptions.revoke_exception(c.uow(), c.clock, actor, exception_id))
