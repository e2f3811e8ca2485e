"""The JSON shapes of subjects and their personal data (web/api/subjects.py): a subject
with its items as recorded (with their provenance: channel, legal basis, source system,
purposes at collection), a value corrected, a lookup by exact value, a credential checked,
and a read's answer — the recorded decision and the values it allows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from piiguard.domain.decisions import Decision
from piiguard.domain.subjects import Channel, ItemRecord, LegalBasis, RevealedItem, Subject
from piiguard.services.subjects.register import MAX_VALUE_CHARS, ItemInput
from piiguard.web.api.schemas.decisions import DecisionOut
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict

Value = Annotated[str, StringConstraints(min_length=1, max_length=MAX_VALUE_CHARS)]


class ItemIn(Strict):
    category: CategoryKey = Field(examples=["user.contact.email"])
    value: Value
    channel: Channel
    legal_basis: LegalBasis
    source_system: Slug = Field(examples=["crm"])
    collected_at: AwareDatetime | None = None
    held_in: Slug | None = Field(None, description="designated system holding it")
    purposes: list[Slug] | None = Field(
        None,
        description="purposes declared to the person at collection, each one the "
        "register allows for this category (else 422 naming purposes[k]); "
        "default: the register's purposes for this category that need no "
        "consent",
    )

    def to_input(self) -> ItemInput:
        return ItemInput(
            self.category,
            self.value,
            self.channel,
            self.legal_basis,
            self.source_system,
            self.collected_at,
            self.held_in,
            None if self.purposes is None else tuple(self.purposes),
        )


class SubjectIn(Strict):
    kind: Slug = Field(examples=["customer_contact"])
    items: list[ItemIn] = Field(default_factory=list, max_length=500)


class ItemCorrectionIn(Strict):
    value: Value


class LookupIn(Strict):
    category: CategoryKey
    value: Value


class CredentialCheckIn(Strict):
    value: Value


class ItemOut(BaseModel):
    id: str
    category: str
    channel: Channel
    collected_at: datetime
    legal_basis: LegalBasis
    source_system: str
    recorded_by: str
    held_in: str
    collected_for: list[str]
    last_confirmed_at: datetime
    credential: bool
    # the retention schedule's date (R2.11), on GET /subjects/{id}; null there: kept
    # indefinitely (a permanent legal minimum). GET /subjects/{id}/retention says why.
    retain_until: datetime | None = None

    @classmethod
    def of(cls, r: ItemRecord, retain_until: datetime | None = None) -> ItemOut:
        p = r.provenance
        return cls(
            id=r.id,
            category=r.category,
            channel=p.channel,
            collected_at=p.collected_at,
            legal_basis=p.legal_basis,
            source_system=p.source_system,
            recorded_by=p.recorded_by,
            held_in=r.held_in,
            collected_for=sorted(p.purposes),
            last_confirmed_at=r.last_confirmed_at,
            credential=r.credential,
            retain_until=retain_until,
        )


class SubjectOut(BaseModel):
    id: str
    kind: str
    created_at: datetime
    items: list[ItemOut]

    @classmethod
    def of(
        cls,
        s: Subject,
        items: list[ItemRecord],
        retain_until: Mapping[str, datetime | None] | None = None,
    ) -> SubjectOut:
        until = retain_until or {}
        return cls(
            id=s.id,
            kind=s.kind,
            created_at=s.created_at,
            items=[ItemOut.of(i, until.get(i.id)) for i in items],
        )


class RevealedItemOut(ItemOut):
    value: str | None


class DataOut(BaseModel):
    decision: DecisionOut
    items: list[RevealedItemOut]

    @classmethod
    def of(cls, d: Decision, items: list[RevealedItem]) -> DataOut:
        return cls(
            decision=DecisionOut.of(d),
            items=[
                RevealedItemOut(**ItemOut.of(i.record).model_dump(), value=i.value) for i in items
            ],
        )


class ErasureOut(BaseModel):
    subject_id: str
    items_deleted: int
    key_shredded: bool


class LookupOut(BaseModel):
    subject_ids: list[str]


class CredentialCheckOut(BaseModel):
    match: bool
