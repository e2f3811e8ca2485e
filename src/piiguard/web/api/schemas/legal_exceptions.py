"""The JSON shapes of legal exceptions (web/api/registers.py, R2.5): one asked for by a
privacy officer with its authority, case and provision, and one as recorded — approved by
another officer, or revoked."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.web.api.schemas.fields import CategoryKey, Strict


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
        return cls(
            id=e.id,
            kind=e.kind,
            authority=e.authority,
            case_reference=e.case_reference,
            legal_provision=e.legal_provision,
            subject_ids=sorted(e.subject_ids),
            categories=sorted(e.categories),
            valid_from=e.valid_from,
            valid_until=e.valid_until,
            requested_by=e.requested_by,
            approved_by=e.approved_by,
            approved_at=e.approved_at,
            revoked_at=e.revoked_at,
        )
