"""Shares (with the sealed package while it waits), the disclosure log and the corrections
and deletions passed on to recipients: the only SQL for them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.sharing.disclosure import (
    Delivery,
    Disclosure,
    PassOn,
    PassOnAction,
    PassOnStatus,
    RecipientOfSubject,
    Share,
    ShareStatus,
)
from piiguard.domain.sharing.register import Treatment

_S, _D, _PO, _R = t.shares, t.disclosure_log, t.pass_ons, t.recipients


def _share(r: Any) -> Share:
    return Share(
        r.id,
        r.recipient,
        r.purpose,
        Delivery(r.delivery),
        ShareStatus(r.status),
        r.subjects,
        r.disclosed,
        r.created_by,
        r.created_at,
        r.expires_at,
        r.package_sha256,
        r.delivered_at,
        r.attempts,
        r.last_error,
    )


def _share_values(s: Share) -> dict[str, Any]:
    return {
        "recipient": s.recipient,
        "purpose": s.purpose,
        "delivery": s.delivery.value,
        "status": s.status.value,
        "subjects": s.subjects,
        "disclosed": s.disclosed,
        "created_by": s.created_by,
        "created_at": s.created_at,
        "expires_at": s.expires_at,
        "package_sha256": s.package_sha256,
        "delivered_at": s.delivered_at,
        "attempts": s.attempts,
        "last_error": s.last_error,
    }


def _disclosure(r: Any) -> Disclosure:
    cats = {c: Treatment(v) for c, v in json.loads(r.categories).items()}
    return Disclosure(
        r.id,
        r.share_id,
        r.subject_id,
        r.recipient,
        r.purpose,
        cats,
        r.decision_id,
        r.agreement_id,
        r.at,
    )


def _pass_on(r: Any) -> PassOn:
    return PassOn(
        r.id,
        r.recipient,
        r.subject_id,
        PassOnAction(r.action),
        r.request_id,
        as_set(r.categories),
        PassOnStatus(r.status),
        r.opened_at,
        r.sent_at,
        r.confirmed_at,
        r.reference,
        r.attempts,
        r.last_error,
    )


def _pass_on_values(p: PassOn) -> dict[str, Any]:
    return {
        "recipient": p.recipient,
        "subject_id": p.subject_id,
        "action": p.action.value,
        "request_id": p.request_id,
        "categories": as_json(p.categories),
        "status": p.status.value,
        "opened_at": p.opened_at,
        "sent_at": p.sent_at,
        "confirmed_at": p.confirmed_at,
        "reference": p.reference,
        "attempts": p.attempts,
        "last_error": p.last_error,
    }


class SqlSharingLog:
    _c: Connection

    # -- shares --------------------------------------------------------------------------
    def add_share(self, s: Share, package_sealed: str | None) -> None:
        self._c.execute(_S.insert().values(id=s.id, package=package_sealed, **_share_values(s)))

    def share(self, share_id: str, *, lock: bool = False) -> Share | None:
        q = select(_S).where(_S.c.id == share_id)
        r = self._c.execute(q.with_for_update() if lock else q).first()
        return _share(r) if r else None

    def save_share(self, s: Share) -> None:
        self._c.execute(update(_S).where(_S.c.id == s.id).values(**_share_values(s)))

    def package(self, share_id: str) -> str | None:
        found = self._c.execute(select(_S.c.package).where(_S.c.id == share_id)).scalar()
        return str(found) if found else None

    def drop_package(self, share_id: str) -> None:
        self._c.execute(update(_S).where(_S.c.id == share_id).values(package=None))

    def shares(
        self, recipient: str | None = None, statuses: Sequence[ShareStatus] = (), limit: int = 100
    ) -> list[Share]:
        q = select(_S).order_by(_S.c.created_at.desc(), _S.c.id).limit(limit)
        if recipient is not None:
            q = q.where(_S.c.recipient == recipient)
        if statuses:
            q = q.where(_S.c.status.in_([s.value for s in statuses]))
        return [_share(r) for r in self._c.execute(q)]

    # -- the disclosure log --------------------------------------------------------------
    def add_disclosures(self, rows: Sequence[Disclosure]) -> None:
        if not rows:
            return
        self._c.execute(
            _D.insert(),
            [
                {
                    "id": d.id,
                    "share_id": d.share_id,
                    "subject_id": d.subject_id,
                    "recipient": d.recipient,
                    "purpose": d.purpose,
                    "categories": json.dumps({c: v.value for c, v in sorted(d.categories.items())}),
                    "decision_id": d.decision_id,
                    "agreement_id": d.agreement_id,
                    "at": d.at,
                }
                for d in rows
            ],
        )

    def disclosures(
        self,
        subject_id: str | None = None,
        recipient: str | None = None,
        share_id: str | None = None,
        limit: int = 100,
    ) -> list[Disclosure]:
        q = select(_D).order_by(_D.c.at.desc(), _D.c.id).limit(limit)
        if subject_id is not None:
            q = q.where(_D.c.subject_id == subject_id)
        if recipient is not None:
            q = q.where(_D.c.recipient == recipient)
        if share_id is not None:
            q = q.where(_D.c.share_id == share_id)
        return [_disclosure(r) for r in self._c.execute(q)]

    def recipients_of(self, subject_id: str) -> list[RecipientOfSubject]:
        q = (
            select(_D, _R.c.legal_name, _R.c.country)
            .join(_R, _R.c.key == _D.c.recipient)
            .where(_D.c.subject_id == subject_id)
            .order_by(_D.c.at)
        )
        out: dict[str, RecipientOfSubject] = {}
        for r in self._c.execute(q):
            cats = frozenset(json.loads(r.categories))
            was = out.get(r.recipient)
            out[r.recipient] = (
                RecipientOfSubject(
                    r.recipient,
                    r.legal_name,
                    r.country,
                    frozenset({r.purpose}),
                    cats,
                    r.at,
                    r.at,
                )
                if was is None
                else RecipientOfSubject(
                    was.recipient,
                    was.legal_name,
                    was.country,
                    was.purposes | {r.purpose},
                    was.categories | cats,
                    was.first_at,
                    r.at,
                )
            )
        return sorted(out.values(), key=lambda x: x.recipient)

    # -- corrections and deletions passed on ---------------------------------------------
    def add_pass_ons(self, rows: Sequence[PassOn]) -> None:
        if rows:
            self._c.execute(_PO.insert(), [{"id": p.id, **_pass_on_values(p)} for p in rows])

    def pass_on(self, pass_on_id: str) -> PassOn | None:
        r = self._c.execute(select(_PO).where(_PO.c.id == pass_on_id)).first()
        return _pass_on(r) if r else None

    def save_pass_on(self, p: PassOn) -> None:
        self._c.execute(update(_PO).where(_PO.c.id == p.id).values(**_pass_on_values(p)))

    def pass_ons(
        self,
        statuses: Sequence[PassOnStatus] = (),
        recipient: str | None = None,
        request_id: str | None = None,
        limit: int = 100,
    ) -> list[PassOn]:
        q = select(_PO).order_by(_PO.c.opened_at, _PO.c.id).limit(limit)
        if statuses:
            q = q.where(_PO.c.status.in_([s.value for s in statuses]))
        if recipient is not None:
            q = q.where(_PO.c.recipient == recipient)
        if request_id is not None:
            q = q.where(_PO.c.request_id == request_id)
        return [_pass_on(r) for r in self._c.execute(q)]
