"""The yearly count of people whose data went abroad (R7.1): one row per person per
calendar year, the only SQL for it (docs/sharing.md, "Transfers abroad")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Connection, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from piiguard.adapters.db import tables as t
from piiguard.domain.sharing.abroad import TransferTally

_T = t.transfer_people
_I = t.items
CHUNK = 1000


class SqlSharingAbroad:
    _c: Connection

    def transfer_tally(self, year: int) -> TransferTally:
        people, sensitive = self._c.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((_T.c.sensitive, 1), else_=0)), 0),
            ).where(_T.c.year == year)
        ).one()
        return TransferTally(year, int(people), int(sensitive))

    def transfer_counted(self, year: int, subject_ids: Sequence[str]) -> dict[str, bool]:
        """Of these people, those already counted this year, and whether as sensitive."""
        out: dict[str, bool] = {}
        for i in range(0, len(subject_ids), CHUNK):
            rows = self._c.execute(
                select(_T.c.subject_id, _T.c.sensitive).where(
                    _T.c.year == year, _T.c.subject_id.in_(subject_ids[i : i + CHUNK])
                )
            )
            out.update({r.subject_id: bool(r.sensitive) for r in rows})
        return out

    def count_transfers(self, year: int, people: Mapping[str, bool], at: datetime) -> None:
        """Count these people for the year (once each); `True`: sensitive data went too."""
        if not people:
            return
        ins = pg_insert(_T) if self._c.dialect.name == "postgresql" else sqlite_insert(_T)
        self._c.execute(
            ins.on_conflict_do_nothing(),
            [
                {"year": year, "subject_id": s, "sensitive": v, "first_at": at}
                for s, v in people.items()
            ],
        )
        flagged = sorted(s for s, v in people.items() if v)
        for i in range(0, len(flagged), CHUNK):
            self._c.execute(
                update(_T)
                .where(_T.c.year == year, _T.c.subject_id.in_(flagged[i : i + CHUNK]))
                .values(sensitive=True)
            )

    def holding(self, subject_ids: Sequence[str], categories: Sequence[str]) -> set[str]:
        """Of these people, those holding an item in one of `categories` (each with its
        subtree)."""
        within = or_(*(or_(_I.c.category == c, _I.c.category.like(c + ".%")) for c in categories))
        out: set[str] = set()
        for i in range(0, len(subject_ids), CHUNK):
            rows = self._c.execute(
                select(_I.c.subject_id)
                .where(_I.c.subject_id.in_(subject_ids[i : i + CHUNK]), within)
                .distinct()
            )
            out.update(rows.scalars())
        return out
