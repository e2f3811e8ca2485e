"""The legal-request register (R3.5): the only SQL for it. The demand's own words are
stored sealed (the service seals them); subjects and categories are JSON lists of ids and
keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.sharing.legal import LegalRequest, LegalRequestStatus

_L = t.legal_requests


def _request(r: Any) -> LegalRequest:
    return LegalRequest(
        r.id,
        r.authority,
        ExceptionKind(r.basis),
        r.provision,
        r.case_reference,
        r.purpose,
        as_set(r.subjects),
        as_set(r.categories),
        r.demand,
        r.deadline,
        bool(r.may_tell),
        r.tell_from,
        LegalRequestStatus(r.status),
        r.received_by,
        r.received_at,
        r.reviewed_by,
        r.reviewed_at,
        r.review_note,
        r.share_id,
        r.disclosed_at,
        r.told_by,
        r.told_at,
        r.closed_by,
        r.closed_at,
    )


def _values(r: LegalRequest) -> dict[str, Any]:
    return {
        "authority": r.authority,
        "basis": r.basis.value,
        "provision": r.provision,
        "case_reference": r.case_reference,
        "purpose": r.purpose,
        "subjects": as_json(r.subjects),
        "categories": as_json(r.categories),
        "demand": r.demand_sealed,
        "deadline": r.deadline,
        "may_tell": r.may_tell,
        "tell_from": r.tell_from,
        "status": r.status.value,
        "received_by": r.received_by,
        "received_at": r.received_at,
        "reviewed_by": r.reviewed_by,
        "reviewed_at": r.reviewed_at,
        "review_note": r.review_note,
        "share_id": r.share_id,
        "disclosed_at": r.disclosed_at,
        "told_by": r.told_by,
        "told_at": r.told_at,
        "closed_by": r.closed_by,
        "closed_at": r.closed_at,
    }


class SqlSharingLegal:
    _c: Connection

    def add_legal_request(self, r: LegalRequest) -> None:
        self._c.execute(_L.insert().values(id=r.id, **_values(r)))

    def save_legal_request(self, r: LegalRequest) -> None:
        self._c.execute(update(_L).where(_L.c.id == r.id).values(**_values(r)))

    def legal_request(self, request_id: str, *, lock: bool = False) -> LegalRequest | None:
        q = select(_L).where(_L.c.id == request_id)
        if lock:
            q = q.with_for_update()
        row = self._c.execute(q).first()
        return None if row is None else _request(row)

    def legal_requests(
        self,
        statuses: Sequence[LegalRequestStatus] = (),
        authority: str | None = None,
        limit: int = 500,
    ) -> list[LegalRequest]:
        q = select(_L)
        if statuses:
            q = q.where(_L.c.status.in_([s.value for s in statuses]))
        if authority:
            q = q.where(_L.c.authority == authority)
        q = q.order_by(_L.c.received_at.desc(), _L.c.id).limit(limit)
        return [_request(r) for r in self._c.execute(q)]
