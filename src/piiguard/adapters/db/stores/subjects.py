"""The subjects: who personal data is about. Erasure leaves a tombstone (the id stays
for the audit trail)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import id_chunks, in_ids
from piiguard.domain.subjects import Subject

_LIVE = select(t.subjects.c.id).where(in_ids(t.subjects.c.id), t.subjects.c.erased_at.is_(None))


class SqlSubjects:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add_many(self, subjects: Sequence[Subject], created_by: str) -> None:
        self._c.execute(
            t.subjects.insert(),
            [
                {"id": s.id, "kind": s.kind, "created_at": s.created_at, "created_by": created_by}
                for s in subjects
            ],
        )

    def get(self, subject_id: str) -> Subject | None:
        row = self._c.execute(select(t.subjects).where(t.subjects.c.id == subject_id)).first()
        return None if row is None else Subject(row.id, row.kind, row.created_at, row.erased_at)

    def live_ids(self, subject_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in id_chunks(self._c, subject_ids):
            found.update(self._c.execute(_LIVE, {"ids": chunk}).scalars())
        return found

    def mark_erased(self, subject_id: str, at: datetime) -> None:
        self._c.execute(
            update(t.subjects).where(t.subjects.c.id == subject_id).values(erased_at=at)
        )

    def list(self, *, limit: int, offset: int) -> list[Subject]:
        q = (
            select(t.subjects)
            .where(t.subjects.c.erased_at.is_(None))
            .order_by(t.subjects.c.created_at, t.subjects.c.id)
            .limit(limit)
            .offset(offset)
        )
        return [Subject(r.id, r.kind, r.created_at, r.erased_at) for r in self._c.execute(q)]

    def erased_ids(self) -> Iterator[str]:
        q = select(t.subjects.c.id).where(t.subjects.c.erased_at.is_not(None))
        yield from self._c.execute(q).scalars()
