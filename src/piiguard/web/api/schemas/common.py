"""The JSON API's request and response shapes (pydantic v2). Unknown fields are refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from piiguard.domain.audit import AuditEntry, VerifyReport
from piiguard.domain.decisions import Decision, Outcome
from piiguard.domain.subjects import Channel, ItemRecord, LegalBasis, RevealedItem, Subject
from piiguard.services.subjects.register import MAX_VALUE_CHARS, ItemInput

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]{0,63}$")]
CategoryKey = Annotated[str, StringConstraints(min_length=1, max_length=128)]
Value = Annotated[str, StringConstraints(min_length=1, max_length=MAX_VALUE_CHARS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemIn(Strict):
    category: CategoryKey = Field(examples=["user.contact.email"])
    value: Value
    channel: Channel
    legal_basis: LegalBasis
    source_system: Slug = Field(examples=["crm"])
    collected_at: AwareDatetime | None = None
    held_in: Slug | None = Field(None, description="designated system holding it")
    purposes: list[Slug] | None = Field(
        None, description="purposes declared to the person at collection, each one the "
                          "register allows for this category (else 422 naming purposes[k]); "
                          "default: the register's purposes for this category that need no "
                          "consent")

    def to_input(self) -> ItemInput:
        return ItemInput(self.category, self.value, self.channel, self.legal_basis,
                         self.source_system, self.collected_at, self.held_in,
                         None if self.purposes is None else tuple(self.purposes))


class SubjectIn(Strict):
    kind: Slug = Field(examples=["customer_contact"])
    items: list[ItemIn] = Field(default_factory=list, max_length=500)


class CorrectionIn(Strict):
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

    @classmethod
    def of(cls, r: ItemRecord) -> ItemOut:
        p = r.provenance
        return cls(id=r.id, category=r.category, channel=p.channel, collected_at=p.collected_at,
                   legal_basis=p.legal_basis, source_system=p.source_system,
                   recorded_by=p.recorded_by, held_in=r.held_in,
                   collected_for=sorted(p.purposes),
                   last_confirmed_at=r.last_confirmed_at, credential=r.credential)


class SubjectOut(BaseModel):
    id: str
    kind: str
    created_at: datetime
    items: list[ItemOut]

    @classmethod
    def of(cls, s: Subject, items: list[ItemRecord]) -> SubjectOut:
        return cls(id=s.id, kind=s.kind, created_at=s.created_at,
                   items=[ItemOut.of(i) for i in items])


class ReasonOut(BaseModel):
    code: str
    en: str
    zh: str
    categories: list[str]


class DecisionOut(BaseModel):
    id: str
    at: datetime
    outcome: Outcome = Field(description="allowed: every requested category; partly_allowed: "
                             "those in `allowed`, not those in `refused` (see `reasons`); "
                             "denied: none")
    actor: str
    action: str
    subject_id: str
    purpose: str
    requested: list[str]
    allowed: list[str]
    refused: list[str]
    reasons: list[ReasonOut]
    policy_version: str
    obligations: list[str]
    target_system: str | None
    exception_id: str | None

    @classmethod
    def of(cls, d: Decision) -> DecisionOut:
        return cls(id=d.id, at=d.at, outcome=d.outcome, actor=d.actor.ref,
                   action=d.action.value, subject_id=d.subject_id, purpose=d.purpose,
                   requested=sorted(d.requested), allowed=sorted(d.allowed),
                   refused=sorted(d.refused),
                   reasons=[ReasonOut(code=r.code, en=r.en, zh=r.zh,
                                      categories=list(r.categories)) for r in d.reasons],
                   policy_version=d.policy_version, obligations=list(d.obligations),
                   target_system=d.target_system, exception_id=d.exception_id)


class RevealedItemOut(ItemOut):
    value: str | None


class DataOut(BaseModel):
    decision: DecisionOut
    items: list[RevealedItemOut]

    @classmethod
    def of(cls, d: Decision, items: list[RevealedItem]) -> DataOut:
        return cls(decision=DecisionOut.of(d), items=[
            RevealedItemOut(**ItemOut.of(i.record).model_dump(), value=i.value) for i in items])


class ErasureOut(BaseModel):
    subject_id: str
    items_deleted: int
    key_shredded: bool


class LookupOut(BaseModel):
    subject_ids: list[str]


class CredentialCheckOut(BaseModel):
    match: bool


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
        return cls(seq=e.seq, at=datetime.fromtimestamp(e.at_us / 1e6, tz=UTC),
                   actor=f"{e.actor_kind}:{e.actor_id}", action=e.action,
                   target_type=e.target_type, target_id=e.target_id, subject_id=e.subject_id,
                   purpose=e.purpose, decision_id=e.decision_id, details=e.details,
                   entry_hash=e.entry_hash)


class VerifyOut(BaseModel):
    ok: bool
    entries: int
    checkpoints: int
    first_bad_seq: int | None
    problems: list[str]

    @classmethod
    def of(cls, r: VerifyReport) -> VerifyOut:
        first = r.first
        return cls(ok=r.ok, entries=r.entries, checkpoints=r.checkpoints,
                   first_bad_seq=first.seq if first else None,
                   problems=[p.what for p in r.problems])


class PolicyOut(BaseModel):
    version: str
    published_at: datetime
    sha256: str
    text: str | None = None
