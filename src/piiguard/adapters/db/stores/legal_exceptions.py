"""The legal exceptions (R2.5): processing without consent that the policy allows in
named circumstances, each with its authority, case reference and legal provision, the
subjects and categories it covers, its validity, and who requested, approved or revoked
it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException

_X = t.legal_exceptions


def _legal_exception(r: Any) -> LegalException:
    return LegalException(
        r.id,
        ExceptionKind(r.kind),
        r.authority,
        r.case_reference,
        r.legal_provision,
        as_set(r.subject_ids),
        as_set(r.categories),
        r.valid_from,
        r.valid_until,
        r.requested_by,
        r.approved_by,
        r.approved_at,
        r.revoked_at,
    )


class SqlLegalExceptions:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def list(self) -> list[LegalException]:
        q = select(_X).order_by(_X.c.created_at)
        return [_legal_exception(r) for r in self._c.execute(q)]

    def get(self, exception_id: str) -> LegalException | None:
        r = self._c.execute(select(_X).where(_X.c.id == exception_id)).first()
        return None if r is None else _legal_exception(r)

    def save(self, e: LegalException, at: datetime) -> None:
        """Insert a new exception, or record its approval or revocation (the rest of an
        exception never changes once requested)."""
        row = {
            "approved_by": e.approved_by,
            "approved_at": e.approved_at,
            "revoked_at": e.revoked_at,
        }
        if not self._c.execute(update(_X).where(_X.c.id == e.id).values(**row)).rowcount:
            self._c.execute(
                _X.insert().values(
                    id=e.id,
                    kind=e.kind.value,
                    authority=e.authority,
                    case_reference=e.case_reference,
                    legal_provision=e.legal_provision,
                    subject_ids=as_json(e.subject_ids),
                    categories=as_json(e.categories),
                    valid_from=e.valid_from,
                    valid_until=e.valid_until,
                    requested_by=e.requested_by,
                    created_at=at,
                    **row,
                )
            )
