"""The JSON shapes of the retention schedule, legal holds, reviews and an item's retention
(web/api/retention.py; R2.11). No personal value in any of them: ids, keys, dates."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field, StrictInt

from piiguard.domain.retention.schedule import (
    Anchor,
    HoldStatus,
    LegalHold,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
    ScheduleChange,
    ScheduleReview,
)
from piiguard.services.retention.schedule import ItemRetentionView, ScheduleView
from piiguard.web.api.schemas.fields import CategoryKey, RecordId, Slug, Strict

# A JSON integer (true, "30" are refused: pydantic's lax mode read true as 1 day); its
# range is checked by the service (1 .. 100 years), so the error names the field
Days = StrictInt


class RuleIn(Strict):
    days: Days
    anchor: Anchor = Anchor.COLLECTED
    note: str = Field(default="", max_length=2000)


class RuleOut(BaseModel):
    purpose: str
    category: str  # "" = the purpose's own rule
    days: int
    anchor: Anchor
    note: str
    source: str  # "schedule" (a stored rule) or "register" (the purpose's retention_days)

    @classmethod
    def of(cls, r: RetentionRule, source: str = "schedule") -> RuleOut:
        return cls(
            purpose=r.purpose,
            category=r.category,
            days=r.days,
            anchor=r.anchor,
            note=r.note,
            source=source,
        )


class RecordRuleOut(BaseModel):
    record_type: RecordType
    days: int
    anchor: Anchor
    note: str

    @classmethod
    def of(cls, r: RecordRule) -> RecordRuleOut:
        return cls(record_type=r.record_type, days=r.days, anchor=r.anchor, note=r.note)


class MinimumIn(Strict):
    en: str = Field(min_length=1, max_length=300)
    zh: str = Field(min_length=1, max_length=300)
    legal_source: str = Field(min_length=1, max_length=1000)
    days: Days | None  # null: permanently
    anchor: Anchor = Anchor.COLLECTED
    categories: list[CategoryKey] = Field(default_factory=list, max_length=200)
    purposes: list[Slug] = Field(default_factory=list, max_length=50)
    active: bool = True

    def minimum(self, key: str) -> LegalMinimum:
        return LegalMinimum(
            key,
            self.en,
            self.zh,
            self.legal_source,
            self.days,
            self.anchor,
            frozenset(self.categories),
            frozenset(self.purposes),
            self.active,
        )


class MinimumOut(BaseModel):
    key: str
    en: str
    zh: str
    legal_source: str
    days: int | None
    anchor: Anchor
    categories: list[str]
    purposes: list[str]
    active: bool

    @classmethod
    def of(cls, m: LegalMinimum) -> MinimumOut:
        return cls(
            key=m.key,
            en=m.en,
            zh=m.zh,
            legal_source=m.legal_source,
            days=m.days,
            anchor=m.anchor,
            categories=sorted(m.categories),
            purposes=sorted(m.purposes),
            active=m.active,
        )


class ReviewIn(Strict):
    changes: str = Field(min_length=1, max_length=2000)
    interval_days: Days = 365


class ReviewOut(BaseModel):
    id: str
    reviewed_at: datetime
    reviewed_by: str
    schedule_version: int
    changes: str
    next_due_at: datetime

    @classmethod
    def of(cls, r: ScheduleReview) -> ReviewOut:
        return cls(
            id=r.id,
            reviewed_at=r.reviewed_at,
            reviewed_by=r.reviewed_by,
            schedule_version=r.schedule_version,
            changes=r.changes,
            next_due_at=r.next_due_at,
        )


class ScheduleOut(BaseModel):
    version: int
    purposes: list[RuleOut]  # each purpose's own rule (stored, or the register's days)
    overrides: list[RuleOut]
    record_rules: list[RecordRuleOut]
    minimums: list[MinimumOut]
    last_review: ReviewOut | None
    next_review_due: datetime | None  # null: never reviewed (due now)

    @classmethod
    def of(cls, v: ScheduleView) -> ScheduleOut:
        own = {r.purpose: r for r in v.rules if not r.category}
        purposes = [
            RuleOut.of(own[p])
            if p in own
            else RuleOut.of(RetentionRule(p, "", d, Anchor.COLLECTED), "register")
            for p, d in sorted(v.schedule.purpose_days.items())
        ]
        return cls(
            version=v.schedule.version,
            purposes=purposes,
            overrides=[RuleOut.of(r) for r in v.rules if r.category],
            record_rules=[RecordRuleOut.of(r) for r in v.record_rules],
            minimums=[MinimumOut.of(m) for m in v.minimums],
            last_review=ReviewOut.of(v.last_review) if v.last_review else None,
            next_review_due=v.next_review_due,
        )


class ChangeOut(BaseModel):
    version: int
    kind: str
    target: str
    definition: str
    changed_at: datetime
    changed_by: str

    @classmethod
    def of(cls, ch: ScheduleChange) -> ChangeOut:
        return cls(
            version=ch.version,
            kind=ch.kind,
            target=ch.target,
            definition=ch.definition,
            changed_at=ch.changed_at,
            changed_by=ch.changed_by,
        )


class HoldIn(Strict):
    reason: str = Field(min_length=1, max_length=2000)
    case_reference: str = Field(min_length=1, max_length=300)
    subject_ids: list[RecordId] = Field(default_factory=list, max_length=10_000)
    categories: list[CategoryKey] = Field(default_factory=list, max_length=200)
    systems: list[Slug] = Field(default_factory=list, max_length=200)
    until: AwareDatetime | None = None


class ReasonIn(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class HoldOut(BaseModel):
    id: str
    status: HoldStatus
    in_force: bool  # false once its end has passed, whatever its status
    reason: str
    case_reference: str
    subject_ids: list[str]
    categories: list[str]
    systems: list[str]
    until: datetime | None
    placed_by: str
    placed_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    lift_requested_by: str | None
    lift_requested_at: datetime | None
    lift_reason: str
    lifted_by: str | None
    lifted_at: datetime | None

    @classmethod
    def of(cls, h: LegalHold, now: datetime) -> HoldOut:
        return cls(
            id=h.id,
            status=h.status,
            in_force=h.in_force(now),
            reason=h.reason,
            case_reference=h.case_reference,
            subject_ids=sorted(h.subject_ids),
            categories=sorted(h.categories),
            systems=sorted(h.systems),
            until=h.until,
            placed_by=h.placed_by,
            placed_at=h.placed_at,
            approved_by=h.approved_by,
            approved_at=h.approved_at,
            lift_requested_by=h.lift_requested_by,
            lift_requested_at=h.lift_requested_at,
            lift_reason=h.lift_reason,
            lifted_by=h.lifted_by,
            lifted_at=h.lifted_at,
        )


class AnchorIn(Strict):
    subject_id: str = Field(min_length=1, max_length=36)
    event: Anchor
    at: AwareDatetime


class ItemRetentionOut(BaseModel):
    item_id: str
    category: str
    held_in: str
    retain_until: datetime | None  # null: kept indefinitely (a permanent legal minimum)
    basis: str  # purpose:<p>, override:<p>/<category>, minimum:<key>, none
    held_for: list[str]
    holds: list[str]  # holds in force covering it: not disposed of while they last

    @classmethod
    def of(cls, v: ItemRetentionView) -> ItemRetentionOut:
        return cls(
            item_id=v.item.item_id,
            category=v.item.category,
            held_in=v.item.held_in,
            retain_until=v.retention.retain_until,
            basis=v.retention.basis,
            held_for=sorted(v.retention.held_for),
            holds=list(v.holds),
        )
