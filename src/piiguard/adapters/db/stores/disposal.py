"""Disposal batches (R2.11, R10.2): what the sweep proposes, approval or rejection, what was
disposed of and the deletion tasks opened for systems. Part of `SqlRetention`
(uow.retention, stores/retention.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import driver_rows, execute_planned, id_chunks, in_ids
from piiguard.adapters.db.statistics import analyze_stale
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.adapters.db.stores.sweep import SqlSweep
from piiguard.domain.retention.disposal import (
    BatchStatus,
    DisposalBatch,
    DisposalEntry,
    DisposalTask,
    DisposalTaskStatus,
)
from piiguard.domain.retention.schedule import RecordType

_B, _I, _T = t.disposal_batches, t.disposal_items, t.disposal_tasks
_OPEN = (BatchStatus.PROPOSED.value, BatchStatus.APPROVED.value)
_ON_OPEN = (
    select(_I.c.record_id)
    .join(_B, _B.c.id == _I.c.batch_id)
    .where(in_ids(_I.c.record_id), _B.c.status.in_(_OPEN))
)

_MARK_OF_PG = (
    "UPDATE disposal_items SET disposed_at = %s WHERE batch_id = %s AND record_type = %s "
    "AND record_id = ANY(%b::text[]) AND subject_id = ANY(%b::text[])"
)
_ENTRIES = (
    select(
        _I.c.batch_id,
        _I.c.record_type,
        _I.c.record_id,
        _I.c.subject_id,
        _I.c.category,
        _I.c.system,
        _I.c.purposes,
        _I.c.retain_until,
        _I.c.disposed_at,
    )
    .where(_I.c.batch_id == bindparam("batch_id"))
    .order_by(_I.c.record_type, _I.c.record_id)
)


def _batch(r: Any) -> DisposalBatch:
    return DisposalBatch(
        r.id,
        BatchStatus(r.status),
        r.as_of,
        r.created_at,
        r.created_by,
        r.item_count,
        r.auto_dispose_at,
        r.approved_by,
        r.approved_at,
        r.rejected_by,
        r.rejected_at,
        r.reason,
        r.disposed_at,
        r.list_hash,
        r.certificate,
    )


def _task(r: Any) -> DisposalTask:
    return DisposalTask(
        r.id,
        r.batch_id,
        r.system,
        as_set(r.categories),
        as_set(r.subject_ids),
        DisposalTaskStatus(r.status),
        r.created_at,
        r.attempts,
        r.next_attempt_at,
        r.last_error,
        r.settled_at,
        r.settled_by,
        r.note,
    )


def _batch_values(b: DisposalBatch) -> dict[str, Any]:
    return {
        "status": b.status.value,
        "as_of": b.as_of,
        "created_at": b.created_at,
        "created_by": b.created_by,
        "item_count": b.item_count,
        "auto_dispose_at": b.auto_dispose_at,
        "approved_by": b.approved_by,
        "approved_at": b.approved_at,
        "rejected_by": b.rejected_by,
        "rejected_at": b.rejected_at,
        "reason": b.reason,
        "disposed_at": b.disposed_at,
        "list_hash": b.list_hash,
        "certificate": b.certificate,
    }


def _task_values(k: DisposalTask) -> dict[str, Any]:
    return {
        "batch_id": k.batch_id,
        "system": k.system,
        "categories": as_json(k.categories),
        "subject_ids": as_json(k.subject_ids),
        "status": k.status.value,
        "created_at": k.created_at,
        "attempts": k.attempts,
        "next_attempt_at": k.next_attempt_at,
        "last_error": k.last_error,
        "settled_at": k.settled_at,
        "settled_by": k.settled_by,
        "note": k.note,
    }


class SqlDisposal(SqlSweep):
    """Batches and tasks; with the sweep's own records and refresh state (stores/sweep.py)."""

    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- batches --------------------------------------------------------------------------
    def add_batch(self, batch: DisposalBatch, entries: Sequence[DisposalEntry]) -> None:
        self._c.execute(_B.insert().values(id=batch.id, **_batch_values(batch)))
        if entries:
            self._c.execute(
                _I.insert(),
                [
                    {
                        "batch_id": batch.id,
                        "record_type": e.record_type.value,
                        "record_id": e.record_id,
                        "subject_id": e.subject_id,
                        "category": e.category,
                        "system": e.system,
                        "purposes": as_json(e.purposes),
                        "retain_until": e.retain_until,
                        "disposed_at": e.disposed_at,
                    }
                    for e in entries
                ],
            )

    def batch(self, batch_id: str, *, lock: bool = False) -> DisposalBatch | None:
        """`lock`: the row is held until commit (approve and dispose take turns)."""
        q = select(_B).where(_B.c.id == batch_id)
        r = self._c.execute(q.with_for_update() if lock else q).first()
        return None if r is None else _batch(r)

    def batches(
        self, statuses: Sequence[BatchStatus] = (), limit: int = 100
    ) -> list[DisposalBatch]:
        q = select(_B).order_by(_B.c.created_at.desc(), _B.c.id).limit(limit)
        if statuses:
            q = q.where(_B.c.status.in_([s.value for s in statuses]))
        return [_batch(r) for r in self._c.execute(q)]

    def save_batch(self, batch: DisposalBatch) -> None:
        self._c.execute(update(_B).where(_B.c.id == batch.id).values(**_batch_values(batch)))

    def entries(self, batch_id: str) -> list[DisposalEntry]:
        """A batch's entries (up to 10,000 a batch, read twice by its disposal): through
        the driver, the few distinct purpose lists and record types parsed once."""
        rows, conv = driver_rows(self._c, _ENTRIES, {"batch_id": batch_id})
        purposes = {p: as_set(p) for p in {r[6] for r in rows}}  # few distinct lists
        kinds = {k: RecordType(k) for k in {r[1] for r in rows}}
        date = conv[7]
        return [
            DisposalEntry(b, kinds[k], rid, sid, cat, sys_, purposes[p], date(u), date(d))
            for b, k, rid, sid, cat, sys_, p, u, d in rows
        ]

    def on_open_batches(self, record_type: RecordType, record_ids: Sequence[str]) -> set[str]:
        """Which of these records are already on a proposed or approved batch."""
        q = _ON_OPEN.where(_I.c.record_type == record_type.value)
        found: set[str] = set()
        for chunk in id_chunks(self._c, record_ids):
            found.update(self._c.execute(q, {"ids": chunk}).scalars())
        return found

    def mark_disposed(
        self,
        batch_id: str,
        record_type: RecordType,
        record_ids: Sequence[str],
        at: datetime,
        *,
        of: Sequence[str] = (),
    ) -> None:
        """The record type too: with it the ids are looked up in the primary key (batch,
        type, id); without it every entry of the batch was read for each statement (a
        100,000-entry batch read 20 times over by a disposal, docs/benchmarks.md). `of`:
        the records' people, when known (a disposal's chunk): on PostgreSQL the entries
        are then found by their people (ix_disposal_items_subject_id), on the few pages
        the batch stored them on in that order (add_batch), where the primary key walked
        every entry of the batch for each chunk (twelfth round)."""
        if of and self._c.dialect.name == "postgresql":
            params = (at, batch_id, record_type.value, list(record_ids), list(of))
            execute_planned(self._c, _MARK_OF_PG, params)
            return
        stmt = (
            update(_I)
            .where(
                _I.c.batch_id == batch_id,
                _I.c.record_type == record_type.value,
                in_ids(_I.c.record_id),
            )
            .values(disposed_at=at)
        )
        for chunk in id_chunks(self._c, record_ids):
            self._c.execute(stmt, {"ids": chunk})

    def gather_statistics(self) -> list[str]:
        """The planner's statistics of `items`, `item_retention` and `disposal_items`,
        where missing or stale (PostgreSQL; adapters/db/statistics.py): the tables
        analysed. Without them a chunk read the whole table (its people's rows, by a
        column that is not unique) or walked the whole batch's entries (docs/benchmarks.md
        "Retention", tenth and twelfth rounds). `subjects` is read by a sequential scan
        with statistics or without."""
        return analyze_stale(self._c, (t.items, t.item_retention, _I))

    # -- deletion tasks -------------------------------------------------------------------
    def add_tasks(self, tasks: Sequence[DisposalTask]) -> None:
        if tasks:
            self._c.execute(_T.insert(), [{"id": k.id, **_task_values(k)} for k in tasks])

    def tasks_of(self, batch_id: str) -> list[DisposalTask]:
        q = select(_T).where(_T.c.batch_id == batch_id).order_by(_T.c.system, _T.c.id)
        return [_task(r) for r in self._c.execute(q)]

    def tasks_settled_as(self, status: DisposalTaskStatus) -> list[DisposalTask]:
        q = select(_T).where(_T.c.status == status.value).order_by(_T.c.id)
        return [_task(r) for r in self._c.execute(q)]

    def task(self, task_id: str) -> DisposalTask | None:
        r = self._c.execute(select(_T).where(_T.c.id == task_id)).first()
        return None if r is None else _task(r)

    def tasks_due(self, now: datetime, limit: int) -> list[DisposalTask]:
        q = (
            select(_T)
            .where(_T.c.next_attempt_at <= now)
            .order_by(_T.c.next_attempt_at, _T.c.id)
            .limit(limit)
        )
        return [_task(r) for r in self._c.execute(q)]

    def retry_tasks_of(self, system: str, at: datetime) -> int:
        """Pending deletion notices to a system that waited for its endpoint: due at `at`."""
        return int(
            self._c.execute(
                update(_T)
                .where(
                    _T.c.system == system,
                    _T.c.status == DisposalTaskStatus.PENDING.value,
                    _T.c.next_attempt_at.is_(None),
                )
                .values(next_attempt_at=at)
            ).rowcount
        )

    def save_task(self, task: DisposalTask) -> None:
        self._c.execute(update(_T).where(_T.c.id == task.id).values(**_task_values(task)))
