"""Storage of the record of processing's versions (R10.1): the only SQL for them —
`uow.records` (domain/records/ports.py)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from piiguard.adapters.db import tables as t
from piiguard.domain.records.ports import Provenance, RecordVersion

_T = t.processing_records
_I, _S = t.items, t.subjects
_GROUP = (_I.c.collected_for, _S.c.kind, _I.c.source_system, _I.c.channel)
# one pass over the index ix_items_provenance (covers every column it needs from items)
_PROVENANCE = (
    select(*_GROUP)
    .select_from(_I.join(_S, _S.c.id == _I.c.subject_id))
    .where(_S.c.erased_at.is_(None))
    .group_by(*_GROUP)
)
_HEAD = (_T.c.version, _T.c.sha256, _T.c.generated_at, _T.c.generated_by)


def _version(r: Any, body: str = "") -> RecordVersion:
    return RecordVersion(r.version, r.sha256, body, r.generated_at, r.generated_by)


class SqlRecords:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def _one(self, where: Any, order: Any = None, lock: bool = False) -> RecordVersion | None:
        q = select(_T).where(where)
        if order is not None:
            q = q.order_by(order).limit(1)
        if lock:
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else _version(r, r.body)

    def latest(self, *, lock: bool = False) -> RecordVersion | None:
        return self._one(_T.c.version > 0, _T.c.version.desc(), lock)

    def get(self, version: int) -> RecordVersion | None:
        return self._one(_T.c.version == version)

    def as_of(self, at: datetime) -> RecordVersion | None:
        return self._one(_T.c.generated_at <= at, _T.c.version.desc())

    def versions(self, limit: int = 100) -> list[RecordVersion]:
        q = select(*_HEAD).order_by(_T.c.version.desc()).limit(limit)
        return [_version(r) for r in self._c.execute(q)]

    def add(self, v: RecordVersion) -> None:
        self._c.execute(
            _T.insert().values(
                version=v.version,
                sha256=v.sha256,
                body=v.body,
                generated_at=v.generated_at,
                generated_by=v.generated_by,
            )
        )

    def provenance(self) -> list[Provenance]:
        found = {
            Provenance(frozenset(json.loads(r[0] or "[]")), r.kind, r.source_system, r.channel)
            for r in self._c.execute(_PROVENANCE)
        }
        return sorted(found, key=lambda p: (sorted(p.purposes), p.kind, p.source_system, p.channel))


__all__ = ["SqlRecords"]
