"""Business transfers (R3.4): the only SQL for them; their per-person notices are the
notices' store (adapters/db/stores/notices/sql.py) on business_transfer_notices."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.adapters.db.stores.notices.sql import SqlNotices
from piiguard.domain.sharing.business import BusinessTransfer, TransferKind, TransferStatus

_B = t.business_transfers


def _transfer(r: Any) -> BusinessTransfer:
    return BusinessTransfer(
        r.id,
        TransferKind(r.kind),
        r.acquirer,
        r.undertaking,
        r.title,
        r.effective_at,
        as_set(r.purposes),
        as_set(r.categories),
        as_set(r.subjects),
        TransferStatus(r.status),
        r.recorded_by,
        r.recorded_at,
        r.reviewed_by,
        r.reviewed_at,
        r.review_note,
        r.transferred_by,
        r.transferred_at,
        r.share_id,
        r.people,
    )


def _values(b: BusinessTransfer) -> dict[str, Any]:
    return {
        "kind": b.kind.value,
        "acquirer": b.acquirer,
        "undertaking": b.undertaking,
        "title": b.title,
        "effective_at": b.effective_at,
        "purposes": as_json(b.purposes),
        "categories": as_json(b.categories),
        "subjects": as_json(b.subjects),
        "status": b.status.value,
        "recorded_by": b.recorded_by,
        "recorded_at": b.recorded_at,
        "reviewed_by": b.reviewed_by,
        "reviewed_at": b.reviewed_at,
        "review_note": b.review_note,
        "transferred_by": b.transferred_by,
        "transferred_at": b.transferred_at,
        "share_id": b.share_id,
        "people": b.people,
    }


class SqlSharingBusiness:
    _c: Connection

    def add_business_transfer(self, b: BusinessTransfer) -> None:
        self._c.execute(_B.insert().values(id=b.id, **_values(b)))

    def save_business_transfer(self, b: BusinessTransfer) -> None:
        self._c.execute(update(_B).where(_B.c.id == b.id).values(**_values(b)))

    def business_transfer(self, transfer_id: str, *, lock: bool = False) -> BusinessTransfer | None:
        q = select(_B).where(_B.c.id == transfer_id)
        if lock:
            q = q.with_for_update()
        row = self._c.execute(q).first()
        return None if row is None else _transfer(row)

    def business_transfers(self, limit: int = 500) -> list[BusinessTransfer]:
        q = select(_B).order_by(_B.c.recorded_at.desc(), _B.c.id).limit(limit)
        return [_transfer(r) for r in self._c.execute(q)]

    def transfer_notices(self) -> SqlNotices:
        """The per-person notices of business transfers, on this connection."""
        return SqlNotices(self._c, t.business_transfer_notices)
