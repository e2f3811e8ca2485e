"""The JSON shapes of paper records and removable media (web/api/custody/): categories,
counts, staff ids, places and dates — never a personal value."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pydantic import BaseModel, Field

from piiguard.domain.custody.records import (
    Disposal,
    Inventory,
    InventoryLine,
    InventoryStatus,
    LineOutcome,
    MediaKind,
    MediaStatus,
    Medium,
    Movement,
    PaperRecord,
    PaperStatus,
    Witnessing,
)
from piiguard.web.api.schemas.fields import CategoryKey, Strict

Place = Field(default="", max_length=200)


class WitnessingOut(BaseModel):
    done_on: date
    method: str
    done_by: str
    witness: str = Field(description="the staff account id named as witness")
    recorded_at: datetime
    witnessed_at: datetime | None = Field(description="when the witness confirmed it")

    @classmethod
    def of(cls, w: Witnessing | None) -> WitnessingOut | None:
        if w is None:
            return None
        return cls(
            done_on=w.done_on,
            method=w.method,
            done_by=w.done_by,
            witness=w.witness,
            recorded_at=w.recorded_at,
            witnessed_at=w.witnessed_at,
        )


class PaperIn(Strict):
    label: str = Field(
        max_length=200,
        description="what the document is (a reference, e.g. a run name; no names)",
    )
    categories: list[CategoryKey] = Field(min_length=1, max_length=100)
    people: int = Field(description="how many people it is about (1–10,000,000)")
    system: str = Field(max_length=64, description="the data-map system it was printed from")
    custodian: str = Field(max_length=254, description="staff account id or e-mail")
    location: str = Field(max_length=200)
    cabinet: str = Field(max_length=200, description="the lock it belongs in (cabinet, safe)")
    printed_by: str = Field(
        default="",
        max_length=254,
        description="who printed it (staff id or e-mail); required when a system registers it",
    )
    printed_at: datetime | None = None


class PaperMoveIn(Strict):
    location: str = Place
    cabinet: str = Place
    custodian: str = Field(default="", max_length=254)


class ShredIn(Strict):
    shredded_on: date
    method: str = Field(
        max_length=32,
        description="cross_cut, micro_cut, strip_cut, pulping, incineration or contractor",
    )
    witness: str = Field(max_length=254, description="a second person: staff id or e-mail")


class PaperOut(BaseModel):
    id: str
    label: str
    categories: list[str]
    people: int
    system: str
    printed_by: str
    printed_at: datetime
    custodian: str
    location: str
    cabinet: str
    status: PaperStatus
    due_at: datetime = Field(description="locked away or shredded by then")
    overdue: bool
    escalated_at: datetime | None
    registered_by: str
    registered_at: datetime
    updated_at: datetime
    shredding: WitnessingOut | None

    @classmethod
    def of(cls, p: PaperRecord, now: datetime, hours: int) -> PaperOut:
        limit = timedelta(hours=hours)
        return cls(
            id=p.id,
            label=p.label,
            categories=sorted(p.categories),
            people=p.people,
            system=p.system,
            printed_by=p.printed_by,
            printed_at=p.printed_at,
            custodian=p.custodian,
            location=p.location,
            cabinet=p.cabinet,
            status=p.status,
            due_at=p.due_at(limit),
            overdue=p.overdue(now, limit),
            escalated_at=p.escalated_at,
            registered_by=p.registered_by,
            registered_at=p.registered_at,
            updated_at=p.updated_at,
            shredding=WitnessingOut.of(p.shredding),
        )


class MediumIn(Strict):
    identifier: str = Field(max_length=120, description="asset tag or serial number")
    kind: MediaKind
    encrypted: bool
    encryption: str = Field(default="", max_length=200, description="how, e.g. LUKS2 AES-256")
    categories: list[CategoryKey] = Field(default_factory=list, max_length=100)
    system: str = Field(default="", max_length=64)
    custodian: str = Field(max_length=254)
    location: str = Field(max_length=200, description="where it is locked away")


class CheckOutIn(Strict):
    holder: str = Field(default="", max_length=254, description="default: the caller")


class CheckInIn(Strict):
    location: str = Place


class DisposeIn(Strict):
    done_on: date
    method: str = Field(max_length=32)
    witness: str = Field(max_length=254, description="a second person: staff id or e-mail")


class FoundIn(Strict):
    location: str = Field(max_length=200)


class IncidentIn(Strict):
    incident: str = Field(max_length=80, description="the incident's id or reference")


class MovementOut(BaseModel):
    at: datetime
    kind: str
    by: str
    holder: str
    location: str
    inventory_id: str

    @classmethod
    def of(cls, m: Movement) -> MovementOut:
        return cls(
            at=m.at,
            kind=m.kind.value,
            by=m.by,
            holder=m.holder,
            location=m.location,
            inventory_id=m.inventory_id,
        )


class MediumOut(BaseModel):
    id: str
    identifier: str
    kind: MediaKind
    encrypted: bool
    encryption: str
    categories: list[str]
    system: str
    custodian: str
    location: str
    status: MediaStatus
    holder: str
    checked_out_at: datetime | None
    missing_since: datetime | None
    incident: str
    alarmed_at: datetime | None
    disposal: Disposal | None
    destruction: WitnessingOut | None
    registered_by: str
    registered_at: datetime
    updated_at: datetime
    history: list[MovementOut] | None = None

    @classmethod
    def of(cls, m: Medium, history: list[Movement] | None = None) -> MediumOut:
        return cls(
            id=m.id,
            identifier=m.identifier,
            kind=m.kind,
            encrypted=m.encrypted,
            encryption=m.encryption,
            categories=sorted(m.categories),
            system=m.system,
            custodian=m.custodian,
            location=m.location,
            status=m.status,
            holder=m.holder,
            checked_out_at=m.checked_out_at,
            missing_since=m.missing_since,
            incident=m.incident,
            alarmed_at=m.alarmed_at,
            disposal=m.disposal,
            destruction=WitnessingOut.of(m.destruction),
            registered_by=m.registered_by,
            registered_at=m.registered_at,
            updated_at=m.updated_at,
            history=None if history is None else [MovementOut.of(x) for x in history],
        )


class LineIn(Strict):
    outcome: LineOutcome
    seen_at: str = Field(default="", max_length=200, description="where, or with whom")


class LineOut(BaseModel):
    medium_id: str
    identifier: str
    outcome: LineOutcome
    by: str
    at: datetime | None
    seen_at: str

    @classmethod
    def of(cls, x: InventoryLine, identifier: str) -> LineOut:
        return cls(
            medium_id=x.medium_id,
            identifier=identifier,
            outcome=x.outcome,
            by=x.by,
            at=x.at,
            seen_at=x.seen_at,
        )


class InventoryOut(BaseModel):
    id: str
    started_at: datetime
    started_by: str
    status: InventoryStatus
    closed_at: datetime | None
    closed_by: str
    lines: list[LineOut] | None = None

    @classmethod
    def of(cls, i: Inventory, lines: list[LineOut] | None = None) -> InventoryOut:
        return cls(
            id=i.id,
            started_at=i.started_at,
            started_by=i.started_by,
            status=i.status,
            closed_at=i.closed_at,
            closed_by=i.closed_by,
            lines=lines,
        )
