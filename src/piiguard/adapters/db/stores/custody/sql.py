"""Paper records, removable media, their movements and inventories (R5.2, R5.4): the only
place with their SQL. domain/custody/ports.py `CustodyStore`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.custody.records import (
    Disposal,
    Inventory,
    InventoryLine,
    InventoryStatus,
    LineOutcome,
    MediaKind,
    MediaStatus,
    Medium,
    MoveKind,
    Movement,
    PaperRecord,
    PaperStatus,
    Witnessing,
)

_P, _M, _MV, _I, _L = (
    t.paper_records,
    t.media,
    t.media_movements,
    t.media_inventories,
    t.inventory_lines,
)


def _witnessing_of(r: Any, prefix: str) -> Witnessing | None:
    if getattr(r, f"{prefix}_done_on") is None:
        return None
    return Witnessing(
        getattr(r, f"{prefix}_done_on"),
        getattr(r, f"{prefix}_method"),
        getattr(r, f"{prefix}_done_by"),
        getattr(r, f"{prefix}_witness"),
        getattr(r, f"{prefix}_recorded_at"),
        getattr(r, f"{prefix}_witnessed_at"),
    )


def _witnessing_row(w: Witnessing | None, prefix: str) -> dict[str, Any]:
    return {
        f"{prefix}_done_on": w.done_on if w else None,
        f"{prefix}_method": w.method if w else None,
        f"{prefix}_done_by": w.done_by if w else None,
        f"{prefix}_witness": w.witness if w else None,
        f"{prefix}_recorded_at": w.recorded_at if w else None,
        f"{prefix}_witnessed_at": w.witnessed_at if w else None,
    }


def _paper(r: Any) -> PaperRecord:
    return PaperRecord(
        r.id,
        r.label,
        as_set(r.categories),
        r.people,
        r.system,
        r.printed_by,
        r.printed_at,
        r.custodian,
        r.location,
        r.cabinet,
        PaperStatus(r.status),
        r.registered_by,
        r.registered_at,
        r.updated_at,
        _witnessing_of(r, "shred"),
        r.escalated_at,
        r.in_use_since,
    )


def _paper_row(p: PaperRecord) -> dict[str, Any]:
    return {
        "id": p.id,
        "label": p.label,
        "categories": as_json(p.categories),
        "people": p.people,
        "system": p.system,
        "printed_by": p.printed_by,
        "printed_at": p.printed_at,
        "custodian": p.custodian,
        "location": p.location,
        "cabinet": p.cabinet,
        "status": p.status.value,
        "registered_by": p.registered_by,
        "registered_at": p.registered_at,
        "updated_at": p.updated_at,
        "escalated_at": p.escalated_at,
        "in_use_since": p.in_use_since or p.printed_at,
        **_witnessing_row(p.shredding, "shred"),
    }


def _medium(r: Any) -> Medium:
    return Medium(
        r.id,
        r.identifier,
        MediaKind(r.kind),
        r.encrypted,
        r.encryption,
        as_set(r.categories),
        r.system,
        r.custodian,
        r.location,
        MediaStatus(r.status),
        r.registered_by,
        r.registered_at,
        r.updated_at,
        r.holder,
        r.checked_out_at,
        r.missing_since,
        r.incident,
        r.alarmed_at,
        Disposal(r.disposal) if r.disposal else None,
        _witnessing_of(r, "destroy"),
    )


def _medium_row(m: Medium) -> dict[str, Any]:
    return {
        "id": m.id,
        "identifier": m.identifier,
        "kind": m.kind.value,
        "encrypted": m.encrypted,
        "encryption": m.encryption,
        "categories": as_json(m.categories),
        "system": m.system,
        "custodian": m.custodian,
        "location": m.location,
        "status": m.status.value,
        "registered_by": m.registered_by,
        "registered_at": m.registered_at,
        "updated_at": m.updated_at,
        "holder": m.holder,
        "checked_out_at": m.checked_out_at,
        "missing_since": m.missing_since,
        "incident": m.incident,
        "alarmed_at": m.alarmed_at,
        "disposal": m.disposal.value if m.disposal else None,
        **_witnessing_row(m.destruction, "destroy"),
    }


def _inventory(r: Any) -> Inventory:
    return Inventory(
        r.id, r.started_at, r.started_by, InventoryStatus(r.status), r.closed_at, r.closed_by
    )


def _line(r: Any) -> InventoryLine:
    return InventoryLine(
        r.inventory_id, r.medium_id, LineOutcome(r.outcome), r.actor, r.at, r.seen_at
    )


class SqlCustody:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def _locked(self, query: Any, lock: bool) -> Any:
        return query.with_for_update() if lock else query

    # -- paper ---------------------------------------------------------------------------
    def add_paper(self, p: PaperRecord) -> None:
        self._c.execute(insert(_P).values(_paper_row(p)))

    def paper(self, record_id: str, *, lock: bool = False) -> PaperRecord | None:
        q = self._locked(select(_P).where(_P.c.id == record_id), lock)
        r = self._c.execute(q).first()
        return _paper(r) if r else None

    def save_paper(self, p: PaperRecord) -> None:
        self._c.execute(update(_P).where(_P.c.id == p.id).values(_paper_row(p)))

    def papers(
        self,
        statuses: Sequence[PaperStatus] = (),
        limit: int = 1000,
        *,
        in_use_before: datetime | None = None,
        witness: str | None = None,
    ) -> list[PaperRecord]:
        q = select(_P)
        if statuses:
            q = q.where(_P.c.status.in_([s.value for s in statuses]))
        if in_use_before is not None:
            q = q.where(_P.c.in_use_since <= in_use_before)
        if witness is not None:
            q = q.where(_P.c.shred_witness == witness, _P.c.shred_witnessed_at.is_(None))
        q = q.order_by(_P.c.printed_at.desc(), _P.c.id).limit(limit)
        return [_paper(r) for r in self._c.execute(q)]

    # -- media ---------------------------------------------------------------------------
    def add_medium(self, m: Medium) -> None:
        self._c.execute(insert(_M).values(_medium_row(m)))

    def medium(self, medium_id: str, *, lock: bool = False) -> Medium | None:
        q = self._locked(select(_M).where(_M.c.id == medium_id), lock)
        r = self._c.execute(q).first()
        return _medium(r) if r else None

    def medium_by_identifier(self, identifier: str) -> Medium | None:
        r = self._c.execute(select(_M).where(_M.c.identifier == identifier)).first()
        return _medium(r) if r else None

    def save_medium(self, m: Medium) -> None:
        self._c.execute(update(_M).where(_M.c.id == m.id).values(_medium_row(m)))

    def media(
        self, statuses: Sequence[MediaStatus] = (), limit: int = 1000, *, witness: str | None = None
    ) -> list[Medium]:
        q = select(_M)
        if statuses:
            q = q.where(_M.c.status.in_([s.value for s in statuses]))
        if witness is not None:
            q = q.where(_M.c.destroy_witness == witness, _M.c.destroy_witnessed_at.is_(None))
        q = q.order_by(_M.c.identifier).limit(limit)
        return [_medium(r) for r in self._c.execute(q)]

    def add_movement(self, mv: Movement) -> None:
        self._c.execute(
            insert(_MV).values(
                medium_id=mv.medium_id,
                at=mv.at,
                kind=mv.kind.value,
                actor=mv.by,
                holder=mv.holder,
                location=mv.location,
                inventory_id=mv.inventory_id,
            )
        )

    def movements(self, medium_id: str) -> list[Movement]:
        q = select(_MV).where(_MV.c.medium_id == medium_id).order_by(_MV.c.id)
        return [
            Movement(
                r.medium_id, r.at, MoveKind(r.kind), r.actor, r.holder, r.location, r.inventory_id
            )
            for r in self._c.execute(q)
        ]

    # -- inventories ---------------------------------------------------------------------
    def add_inventory(self, inv: Inventory, lines: Sequence[InventoryLine]) -> None:
        self._c.execute(
            insert(_I).values(
                id=inv.id,
                started_at=inv.started_at,
                started_by=inv.started_by,
                status=inv.status.value,
                closed_at=inv.closed_at,
                closed_by=inv.closed_by,
            )
        )
        if lines:
            self._c.execute(
                insert(_L),
                [
                    {
                        "inventory_id": x.inventory_id,
                        "medium_id": x.medium_id,
                        "outcome": x.outcome.value,
                        "actor": x.by,
                        "at": x.at,
                        "seen_at": x.seen_at,
                    }
                    for x in lines
                ],
            )

    def inventory(self, inventory_id: str, *, lock: bool = False) -> Inventory | None:
        q = self._locked(select(_I).where(_I.c.id == inventory_id), lock)
        r = self._c.execute(q).first()
        return _inventory(r) if r else None

    def inventories(self, limit: int = 100) -> list[Inventory]:
        q = select(_I).order_by(_I.c.started_at.desc(), _I.c.id).limit(limit)
        return [_inventory(r) for r in self._c.execute(q)]

    def save_inventory(self, inv: Inventory) -> None:
        self._c.execute(
            update(_I)
            .where(_I.c.id == inv.id)
            .values(status=inv.status.value, closed_at=inv.closed_at, closed_by=inv.closed_by)
        )

    def lines(self, inventory_id: str) -> list[InventoryLine]:
        q = select(_L).where(_L.c.inventory_id == inventory_id).order_by(_L.c.medium_id)
        return [_line(r) for r in self._c.execute(q)]

    def save_line(self, line: InventoryLine) -> None:
        self._c.execute(
            update(_L)
            .where(_L.c.inventory_id == line.inventory_id, _L.c.medium_id == line.medium_id)
            .values(outcome=line.outcome.value, actor=line.by, at=line.at, seen_at=line.seen_at)
        )
