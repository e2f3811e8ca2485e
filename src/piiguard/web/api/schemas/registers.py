"""The JSON shapes of the privacy officer's registers (web/api/registers.py, taxonomy.py):
purposes (R2.3), data categories (R2.1), and the data map — designated systems, exports,
findings (R2.7, R5.6). Legal exceptions have theirs in legal_exceptions.py."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.policy.datamap import Approval, Export, Finding, FindingStatus, System
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.subjects import LegalBasis
from piiguard.domain.taxonomy import Lookup, Tier
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict


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
        return PurposeRule(
            key,
            self.en,
            self.zh,
            self.legal_basis,
            frozenset(self.categories),
            self.retention_days,
            self.needs_consent,
            frozenset(self.roles),
            self.active,
        )


class PurposeOut(PurposeIO):
    key: str

    @classmethod
    def of(cls, r: PurposeRule) -> PurposeOut:
        return cls(
            key=r.key,
            en=r.en,
            zh=r.zh,
            legal_basis=r.legal_basis,
            categories=sorted(r.categories),
            retention_days=r.retention_days,
            needs_consent=r.needs_consent,
            roles=sorted(r.roles),
            active=r.active,
        )


class RegisterOut(BaseModel):
    version: int
    purposes: list[PurposeOut]


class CategoryOut(BaseModel):
    key: str
    parent: str | None
    name: str
    name_zh: str
    tier: str
    lookup: str
    credential: bool
    origin: str


class CategoryIn(Strict):
    key: CategoryKey
    name: str = Field(min_length=1, max_length=128)
    name_zh: str = Field(min_length=1, max_length=128)
    tier: Tier = Tier.ORDINARY
    lookup: Lookup = Lookup.NONE
    description: str = Field("", max_length=1000)


class SystemIO(Strict):
    name: str = Field(min_length=1, max_length=128)
    owner: str = Field(min_length=1, max_length=128)
    kind: Slug
    region: str = Field(min_length=2, max_length=2, examples=["CN"])
    cloud_provider: str | None = Field(None, max_length=64)
    categories: list[CategoryKey] = Field(default_factory=list)
    purposes: list[Slug] = Field(default_factory=list)
    locations: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="path prefixes or database URLs (no password) "
        "where it keeps data; the scanner's report uses "
        "them",
    )


class SystemOut(SystemIO):
    key: str
    status: Approval
    cloud_approved: bool

    @classmethod
    def of(cls, s: System) -> SystemOut:
        return cls(
            key=s.key,
            name=s.name,
            owner=s.owner,
            kind=s.kind,
            region=s.region,
            status=s.status,
            cloud_provider=s.cloud_provider,
            cloud_approved=s.cloud_approved,
            categories=sorted(s.categories),
            purposes=sorted(s.purposes),
            locations=sorted(s.locations),
        )


class ApprovalIn(Strict):
    status: Approval
    cloud_approved: bool | None = None


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
        return cls(
            id=e.id,
            system=e.system,
            recipient=e.recipient,
            requested_by=e.requested_by,
            categories=sorted(e.categories),
            purpose=e.purpose,
            created_at=e.created_at,
            expires_at=e.expires_at,
        )


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
        return cls(
            id=f.id,
            kind=f.kind,
            source=f.source,
            category=f.category,
            detail=f.detail,
            status=f.status,
            created_at=f.created_at,
            assignee=f.assignee,
            reason=f.reason,
        )


class FindingMoveIn(Strict):
    status: FindingStatus
    assignee: str | None = Field(None, max_length=80)
    reason: str | None = Field(None, max_length=2000)
