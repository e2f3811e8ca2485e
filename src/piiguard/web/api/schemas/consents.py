"""The JSON shapes of what the person decided (web/api/consents.py): consents with their
evidence (the text shown, as a SHA-256), restrictions and objections, guardians of children,
a person declared a minor."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from piiguard.domain.consent import Consent, ConsentKind, Restriction, RestrictionKind
from piiguard.domain.subjects import Channel
from piiguard.web.api.schemas.fields import Slug, Strict


class ConsentIn(Strict):
    purpose: Slug
    kind: ConsentKind = ConsentKind.GENERAL
    channel: Channel
    text_shown: str = Field(
        min_length=1,
        max_length=20_000,
        description="the exact text the person agreed to; its SHA-256 is kept as evidence",
    )
    given_by: str | None = Field(None, max_length=36, description="guardian's subject id")
    recipient: str | None = Field(
        None, max_length=64, description="transfer_abroad: the recipient (register key) named"
    )
    destination: str | None = Field(
        None,
        pattern=r"^[A-Z]{2}$",
        description="transfer_abroad: the destination country named (ISO 3166 alpha-2)",
    )


class ConsentOut(BaseModel):
    id: str
    purpose: str
    kind: ConsentKind
    channel: Channel
    granted_at: datetime
    withdrawn_at: datetime | None
    policy_version: str
    text_hash: str
    recorded_by: str
    given_by: str | None
    recipient: str | None = None
    destination: str | None = None

    @classmethod
    def of(cls, c: Consent) -> ConsentOut:
        return cls(
            id=c.id,
            purpose=c.purpose,
            kind=c.kind,
            channel=c.channel,
            granted_at=c.granted_at,
            withdrawn_at=c.withdrawn_at,
            policy_version=c.policy_version,
            text_hash=c.text_hash,
            recorded_by=c.recorded_by,
            given_by=c.given_by,
            recipient=c.recipient,
            destination=c.destination,
        )


class RestrictionIn(Strict):
    kind: RestrictionKind
    purpose: Slug | None = None


class RestrictionOut(BaseModel):
    id: str
    kind: RestrictionKind
    purpose: str | None  # None: every purpose
    since: datetime
    lifted_at: datetime | None = None

    @classmethod
    def of(cls, r: Restriction) -> RestrictionOut:
        return cls(id=r.id, kind=r.kind, purpose=r.purpose, since=r.since, lifted_at=r.lifted_at)


class GuardianIn(Strict):
    guardian_id: str = Field(min_length=1, max_length=36)


class MinorIn(Strict):
    minor: bool
