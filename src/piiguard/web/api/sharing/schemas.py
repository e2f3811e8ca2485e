"""The JSON shapes of sharing (web/api/sharing/; R3.1–R3.6, R7.1). A recipient's contact is
shown to officers and auditors only; no personal value of a subject is in any shape here
except a package the recipient pulls (the package JSON itself, not a shape)."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.sharing.disclosure import (
    Delivery,
    Disclosure,
    PassOn,
    PassOnAction,
    PassOnStatus,
    Share,
    ShareStatus,
)
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
    Treatment,
)
from piiguard.web.api.schemas.decisions import DecisionOut
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict

Text = str  # lengths are checked by the service so that the error names the field


class RecipientIn(Strict):
    kind: RecipientKind
    legal_name: str = Field(max_length=500)
    country: str = Field(max_length=8, description="ISO 3166 alpha-2, e.g. DE")
    law: str = Field(max_length=200, description="the law it follows, e.g. PIPL, GDPR")
    contact: str = Field(max_length=500, description="a role contact for data protection")
    systems: list[str] = Field(default_factory=list, max_length=50)
    status: RecipientStatus = RecipientStatus.ACTIVE


class RecipientOut(BaseModel):
    key: str
    kind: RecipientKind
    legal_name: str
    country: str
    law: str
    contact: str
    systems: list[str]
    status: RecipientStatus
    recorded_by: str
    recorded_at: datetime

    @classmethod
    def of(cls, r: Recipient) -> RecipientOut:
        return cls(
            key=r.key,
            kind=r.kind,
            legal_name=r.legal_name,
            country=r.country,
            law=r.law,
            contact=r.contact,
            systems=sorted(r.systems),
            status=r.status,
            recorded_by=r.recorded_by,
            recorded_at=r.recorded_at,
        )


class AgreementIn(Strict):
    recipient: Slug
    kind: AgreementKind
    title: str = Field(max_length=500)
    parties: list[str] = Field(max_length=20, description="the legal names that signed")
    purposes: list[Slug] = Field(max_length=50)
    categories: list[CategoryKey] = Field(max_length=200)
    valid_from: AwareDatetime
    valid_until: AwareDatetime | None = None
    document_sha256: str = Field(max_length=64, description="SHA-256 of the signed document")
    document_location: str = Field(max_length=500, description="where the document is kept")
    reference: str = Field(
        default="",
        max_length=200,
        description="standard_contract: filing reference; certification: certificate "
        "number; security_assessment: CAC approval reference",
    )


class AgreementOut(BaseModel):
    id: str
    recipient: str
    kind: AgreementKind
    title: str
    parties: list[str]
    purposes: list[str]
    categories: list[str]
    valid_from: datetime
    valid_until: datetime | None
    document_sha256: str
    document_location: str
    reference: str
    state: str = Field(
        description="proposed (waiting for a second officer), pending, active, expired or "
        "terminated (now)"
    )
    recorded_by: str
    recorded_at: datetime
    ended_by: str | None
    ended_at: datetime | None
    end_reason: str
    approved_by: str | None
    approved_at: datetime | None

    @classmethod
    def of(cls, a: Agreement, now: datetime) -> AgreementOut:
        return cls(
            id=a.id,
            recipient=a.recipient,
            kind=a.kind,
            title=a.title,
            parties=list(a.parties),
            purposes=sorted(a.purposes),
            categories=sorted(a.categories),
            valid_from=a.valid_from,
            valid_until=a.valid_until,
            document_sha256=a.document_sha256,
            document_location=a.document_location,
            reference=a.reference,
            state=a.state(now),
            recorded_by=a.recorded_by,
            recorded_at=a.recorded_at,
            ended_by=a.ended_by,
            ended_at=a.ended_at,
            end_reason=a.end_reason,
            approved_by=a.approved_by,
            approved_at=a.approved_at,
        )


class ReasonIn(Strict):
    reason: str = Field(max_length=2000)


class ProfileIn(Strict):
    fields: dict[CategoryKey, Treatment] = Field(
        description="category -> whole, masked, hashed, birth_year or city"
    )


class ProfileOut(BaseModel):
    recipient: str
    purpose: str
    fields: dict[str, Treatment]
    updated_by: str
    updated_at: datetime

    @classmethod
    def of(cls, p: Profile) -> ProfileOut:
        return cls(
            recipient=p.recipient,
            purpose=p.purpose,
            fields=dict(sorted(p.fields.items())),
            updated_by=p.updated_by,
            updated_at=p.updated_at,
        )


class RecipientDetailOut(RecipientOut):
    agreements: list[AgreementOut]
    profiles: list[ProfileOut]
    webhook_url: str | None
    has_api_key: bool


class WebhookIn(Strict):
    url: str = Field(max_length=2000)


class SecretOut(BaseModel):
    secret: str = Field(description="shown once: only a sealed copy is kept")


class KeyOut(BaseModel):
    api_key: str = Field(description="the recipient's own key, shown once")


class ShareIn(Strict):
    recipient: Slug
    purpose: Slug
    subject_ids: list[str] = Field(max_length=1000)
    categories: list[CategoryKey] | None = Field(
        None, max_length=200, description="none: whatever the recipient's profile names"
    )
    delivery: Delivery = Delivery.PULL
    legal_request_id: str | None = Field(None, max_length=64)
    keep_days: int = Field(7, description="how long a package waits to be pulled (1-90)")


class ShareOut(BaseModel):
    id: str
    recipient: str
    purpose: str
    delivery: Delivery
    status: ShareStatus
    subjects: int
    disclosed: int
    created_by: str
    created_at: datetime
    expires_at: datetime
    package_sha256: str
    delivered_at: datetime | None
    attempts: int
    last_error: str

    @classmethod
    def of(cls, s: Share) -> ShareOut:
        return cls(
            id=s.id,
            recipient=s.recipient,
            purpose=s.purpose,
            delivery=s.delivery,
            status=s.status,
            subjects=s.subjects,
            disclosed=s.disclosed,
            created_by=s.created_by,
            created_at=s.created_at,
            expires_at=s.expires_at,
            package_sha256=s.package_sha256,
            delivered_at=s.delivered_at,
            attempts=s.attempts,
            last_error=s.last_error,
        )


class ShareResultOut(BaseModel):
    share: ShareOut
    decisions: list[DecisionOut]
    abroad_notices_queued: int = Field(
        0,
        description="people held back (abroad_notice_not_sent) whose notice this share queued; "
        "share them again once it is sent (GET /abroad-notices)",
    )


class DisclosureOut(BaseModel):
    id: str
    share_id: str
    subject_id: str
    recipient: str
    purpose: str
    categories: dict[str, Treatment]
    decision_id: str
    agreement_id: str
    at: datetime

    @classmethod
    def of(cls, d: Disclosure) -> DisclosureOut:
        return cls(
            id=d.id,
            share_id=d.share_id,
            subject_id=d.subject_id,
            recipient=d.recipient,
            purpose=d.purpose,
            categories=dict(sorted(d.categories.items())),
            decision_id=d.decision_id,
            agreement_id=d.agreement_id,
            at=d.at,
        )


class PassOnOut(BaseModel):
    id: str
    recipient: str
    subject_id: str
    action: PassOnAction
    request_id: str
    categories: list[str]
    status: PassOnStatus
    opened_at: datetime
    sent_at: datetime | None
    confirmed_at: datetime | None
    reference: str
    attempts: int
    last_error: str

    @classmethod
    def of(cls, p: PassOn) -> PassOnOut:
        return cls(
            id=p.id,
            recipient=p.recipient,
            subject_id=p.subject_id,
            action=p.action,
            request_id=p.request_id,
            categories=sorted(p.categories),
            status=p.status,
            opened_at=p.opened_at,
            sent_at=p.sent_at,
            confirmed_at=p.confirmed_at,
            reference=p.reference,
            attempts=p.attempts,
            last_error=p.last_error,
        )


class ConfirmIn(Strict):
    reference: str = Field(default="", max_length=200, description="your own reference")
