"""Recorded exemption cases for transfers abroad and the people counted apart under them
(R7.1): the only SQL for them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from piiguard.adapters.db import tables as t
from piiguard.domain.sharing.exemption import Exemption, ExemptionBasis, ExemptionStatus

_E, _P = t.transfer_exemptions, t.transfer_exempt_people


def _exemption(r: Any) -> Exemption:
    return Exemption(
        r.id,
        ExemptionBasis(r.basis),
        r.recipient,
        r.purpose,
        r.scope,
        r.valid_from,
        r.valid_until,
        ExemptionStatus(r.status),
        r.recorded_by,
        r.recorded_at,
        r.reviewed_by,
        r.reviewed_at,
        r.ended_by,
        r.ended_at,
    )


class SqlSharingExemptions:
    _c: Connection

    def save_exemption(self, e: Exemption) -> None:
        values = {
            "basis": e.basis.value,
            "recipient": e.recipient,
            "purpose": e.purpose,
            "scope": e.scope,
            "valid_from": e.valid_from,
            "valid_until": e.valid_until,
            "status": e.status.value,
            "recorded_by": e.recorded_by,
            "recorded_at": e.recorded_at,
            "reviewed_by": e.reviewed_by,
            "reviewed_at": e.reviewed_at,
            "ended_by": e.ended_by,
            "ended_at": e.ended_at,
        }
        if not self._c.execute(update(_E).where(_E.c.id == e.id).values(**values)).rowcount:
            self._c.execute(_E.insert().values(id=e.id, **values))

    def exemption(self, exemption_id: str) -> Exemption | None:
        r = self._c.execute(select(_E).where(_E.c.id == exemption_id)).first()
        return _exemption(r) if r else None

    def exemptions(self, statuses: Sequence[ExemptionStatus] = ()) -> list[Exemption]:
        q = select(_E).order_by(_E.c.recorded_at, _E.c.id)
        if statuses:
            q = q.where(_E.c.status.in_([s.value for s in statuses]))
        return [_exemption(r) for r in self._c.execute(q)]

    def count_exempt(self, year: int, people: Mapping[str, str], at: datetime) -> None:
        """Count these people (subject -> exemption id) apart for the year, once each."""
        if not people:
            return
        ins = pg_insert(_P) if self._c.dialect.name == "postgresql" else sqlite_insert(_P)
        self._c.execute(
            ins.on_conflict_do_nothing(),
            [
                {"year": year, "subject_id": s, "exemption_id": e, "first_at": at}
                for s, e in people.items()
            ],
        )

    def exempt_tally(self, year: int) -> int:
        """Distinct people transferred under a recorded exemption this year."""
        q = select(func.count(func.distinct(_P.c.subject_id))).where(_P.c.year == year)
        return int(self._c.execute(q).scalar_one())
