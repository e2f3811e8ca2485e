"""The recipient register, agreements and minimisation profiles: the only SQL for them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
    Treatment,
)

_R, _A, _P = t.recipients, t.agreements, t.sharing_profiles


def _recipient(r: Any) -> Recipient:
    return Recipient(
        r.key,
        RecipientKind(r.kind),
        r.legal_name,
        r.country,
        r.law,
        r.contact,
        as_set(r.systems),
        RecipientStatus(r.status),
        r.recorded_by,
        r.recorded_at,
    )


def _agreement(r: Any) -> Agreement:
    return Agreement(
        r.id,
        r.recipient,
        AgreementKind(r.kind),
        r.title,
        tuple(json.loads(r.parties)),
        as_set(r.purposes),
        as_set(r.categories),
        r.valid_from,
        r.valid_until,
        r.document_sha256,
        r.document_location,
        r.reference,
        AgreementStatus(r.status),
        r.recorded_by,
        r.recorded_at,
        r.ended_by,
        r.ended_at,
        r.end_reason,
        r.reminded_at,
        r.approved_by,
        r.approved_at,
    )


def _profile(r: Any) -> Profile:
    fields = {c: Treatment(v) for c, v in json.loads(r.fields).items()}
    return Profile(r.recipient, r.purpose, fields, r.updated_by, r.updated_at)


class SqlSharingRegister:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def _upsert(self, table: Any, key: dict[str, Any], values: dict[str, Any]) -> None:
        where = [table.c[k] == v for k, v in key.items()]
        if not self._c.execute(update(table).where(*where).values(**values)).rowcount:
            self._c.execute(table.insert().values(**key, **values))

    # -- recipients ----------------------------------------------------------------------
    def recipients(self) -> list[Recipient]:
        return [_recipient(r) for r in self._c.execute(select(_R).order_by(_R.c.key))]

    def recipient(self, key: str) -> Recipient | None:
        r = self._c.execute(select(_R).where(_R.c.key == key)).first()
        return _recipient(r) if r else None

    def save_recipient(self, r: Recipient) -> None:
        self._upsert(
            _R,
            {"key": r.key},
            {
                "kind": r.kind.value,
                "legal_name": r.legal_name,
                "country": r.country,
                "law": r.law,
                "contact": r.contact,
                "systems": as_json(r.systems),
                "status": r.status.value,
                "recorded_by": r.recorded_by,
                "recorded_at": r.recorded_at,
            },
        )

    def set_client(self, recipient: str, client_id: str | None) -> None:
        self._c.execute(update(_R).where(_R.c.key == recipient).values(client_id=client_id))

    def client_of(self, recipient: str) -> str | None:
        found = self._c.execute(select(_R.c.client_id).where(_R.c.key == recipient)).scalar()
        return str(found) if found else None

    def recipient_of_client(self, client_id: str) -> str | None:
        found = self._c.execute(select(_R.c.key).where(_R.c.client_id == client_id)).scalar()
        return str(found) if found else None

    def set_endpoint(self, recipient: str, url: str, secret_sealed: str) -> None:
        self._c.execute(
            update(_R)
            .where(_R.c.key == recipient)
            .values(webhook_url=url, webhook_secret=secret_sealed)
        )

    def endpoint(self, recipient: str) -> tuple[str, str] | None:
        q = select(_R.c.webhook_url, _R.c.webhook_secret).where(_R.c.key == recipient)
        r = self._c.execute(q).first()
        return (r.webhook_url, r.webhook_secret) if r and r.webhook_url else None

    # -- agreements ----------------------------------------------------------------------
    def agreements(self, recipient: str | None = None) -> list[Agreement]:
        q = select(_A).order_by(_A.c.recipient, _A.c.valid_from, _A.c.id)
        if recipient is not None:
            q = q.where(_A.c.recipient == recipient)
        return [_agreement(r) for r in self._c.execute(q)]

    def agreement(self, agreement_id: str) -> Agreement | None:
        r = self._c.execute(select(_A).where(_A.c.id == agreement_id)).first()
        return _agreement(r) if r else None

    def save_agreement(self, a: Agreement) -> None:
        self._upsert(
            _A,
            {"id": a.id},
            {
                "recipient": a.recipient,
                "kind": a.kind.value,
                "title": a.title,
                "parties": json.dumps(list(a.parties), ensure_ascii=False),
                "purposes": as_json(a.purposes),
                "categories": as_json(a.categories),
                "valid_from": a.valid_from,
                "valid_until": a.valid_until,
                "document_sha256": a.document_sha256,
                "document_location": a.document_location,
                "reference": a.reference,
                "status": a.status.value,
                "recorded_by": a.recorded_by,
                "recorded_at": a.recorded_at,
                "ended_by": a.ended_by,
                "ended_at": a.ended_at,
                "end_reason": a.end_reason,
                "reminded_at": a.reminded_at,
                "approved_by": a.approved_by,
                "approved_at": a.approved_at,
            },
        )

    def expiring(self, before: datetime) -> list[Agreement]:
        q = (
            select(_A)
            .where(
                _A.c.status == AgreementStatus.ACTIVE.value,
                _A.c.valid_until.is_not(None),
                _A.c.valid_until <= before,
                _A.c.reminded_at.is_(None),
            )
            .order_by(_A.c.valid_until)
        )
        return [_agreement(r) for r in self._c.execute(q)]

    # -- profiles ------------------------------------------------------------------------
    def profiles(self, recipient: str | None = None) -> list[Profile]:
        q = select(_P).order_by(_P.c.recipient, _P.c.purpose)
        if recipient is not None:
            q = q.where(_P.c.recipient == recipient)
        return [_profile(r) for r in self._c.execute(q)]

    def save_profile(self, p: Profile) -> None:
        fields = json.dumps({c: v.value for c, v in sorted(p.fields.items())})
        self._upsert(
            _P,
            {"recipient": p.recipient, "purpose": p.purpose},
            {"fields": fields, "updated_by": p.updated_by, "updated_at": p.updated_at},
        )

    def delete_profile(self, recipient: str, purpose: str) -> bool:
        q = delete(_P).where(_P.c.recipient == recipient, _P.c.purpose == purpose)
        return bool(self._c.execute(q).rowcount)
