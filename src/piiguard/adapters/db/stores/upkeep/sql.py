"""Storage of data kept up to date (R2.8) and a child's data found (R6.3): confirmation
intervals, confirmation requests, child-data tasks (tables of migration 0009). Part of
`SqlRetention` (uow.retention). No column holds a personal value: ids, categories, keyed
hashes, a sealed note."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, or_, select, update

from piiguard.adapters.db import tables as t
from piiguard.domain.retention.upkeep import (
    ChildClosure,
    ChildDataTask,
    ChildSource,
    ChildStatus,
    ConfirmationInterval,
    ConfirmationRequest,
    ConfirmationStatus,
)

_CI, _CR, _CT = t.confirmation_intervals, t.confirmation_requests, t.child_data_tasks
_ITEMS, _SUBJECTS, _V = t.items, t.subjects, t.retention_versions
_OPEN = [s.value for s in ConfirmationStatus if s.open]


def _request(r: Any) -> ConfirmationRequest:
    return ConfirmationRequest(
        r.id,
        r.subject_id,
        ConfirmationStatus(r.status),
        tuple(json.loads(r.item_ids)),
        r.language,
        r.queued_at,
        r.mailed_at,
        r.token_hash,
        r.code_hash,
        r.code_expires_at,
        r.attempts,
        r.escalated_at,
        r.answered_at,
        r.answered_by,
        r.method,
        json.loads(r.outcome) if r.outcome else {},
    )


def _request_values(q: ConfirmationRequest) -> dict[str, Any]:
    return {
        "subject_id": q.subject_id,
        "status": q.status.value,
        "item_ids": json.dumps(list(q.item_ids)),
        "language": q.language,
        "queued_at": q.queued_at,
        "mailed_at": q.mailed_at,
        "token_hash": q.token_hash,
        "code_hash": q.code_hash,
        "code_expires_at": q.code_expires_at,
        "attempts": q.attempts,
        "escalated_at": q.escalated_at,
        "answered_at": q.answered_at,
        "answered_by": q.answered_by,
        "method": q.method,
        "outcome": json.dumps(q.outcome, sort_keys=True) if q.outcome else "",
    }


def _child(r: Any) -> ChildDataTask:
    return ChildDataTask(
        r.id,
        r.subject_id,
        ChildSource(r.source),
        r.reference,
        ChildStatus(r.status),
        r.opened_at,
        r.due_at,
        r.escalated_at,
        r.closed_at,
        r.closed_by,
        ChildClosure(r.closure) if r.closure else None,
        r.note,
    )


def _child_values(k: ChildDataTask) -> dict[str, Any]:
    return {
        "subject_id": k.subject_id,
        "source": k.source.value,
        "reference": k.reference,
        "status": k.status.value,
        "opened_at": k.opened_at,
        "due_at": k.due_at,
        "escalated_at": k.escalated_at,
        "closed_at": k.closed_at,
        "closed_by": k.closed_by,
        "closure": k.closure.value if k.closure else None,
        "note": k.note,
        "open": k.open,
    }


class SqlUpkeep:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- confirmation intervals -------------------------------------------------------------
    def intervals(self) -> list[ConfirmationInterval]:
        q = select(_CI).order_by(_CI.c.category)
        return [
            ConfirmationInterval(r.category, r.interval_days, r.version, r.updated_at, r.updated_by)
            for r in self._c.execute(q)
        ]

    def save_interval(self, i: ConfirmationInterval, version: int, at: datetime, by: str) -> None:
        values = {"interval_days": i.days, "version": version, "updated_at": at, "updated_by": by}
        done = self._c.execute(update(_CI).where(_CI.c.category == i.category).values(**values))
        if not done.rowcount:
            self._c.execute(_CI.insert().values(category=i.category, **values))

    def delete_interval(self, category: str) -> bool:
        return bool(self._c.execute(delete(_CI).where(_CI.c.category == category)).rowcount)

    def intervals_ever_set(self) -> bool:
        """Whether an interval was ever written (seeded or by an officer): seeding runs once."""
        q = select(exists().where(_V.c.kind == "interval"))
        return bool(self._c.execute(q).scalar())

    # -- confirmation requests ----------------------------------------------------------------
    def stale_subjects(
        self, prefixes: Sequence[str], confirmed_before: datetime, limit: int
    ) -> list[str]:
        """Live subjects holding an item of one of these categories (each with its subtree)
        not confirmed since `confirmed_before`, with no open confirmation request; the
        caller applies each category's own interval (domain/retention/upkeep.py)."""
        if not prefixes:
            return []
        within = or_(
            *(or_(_ITEMS.c.category == p, _ITEMS.c.category.like(p + ".%")) for p in prefixes)
        )
        open_request = exists().where(
            _CR.c.subject_id == _ITEMS.c.subject_id, _CR.c.status.in_(_OPEN)
        )
        q = (
            select(_ITEMS.c.subject_id)
            .join(_SUBJECTS, _SUBJECTS.c.id == _ITEMS.c.subject_id)
            .where(
                within,
                _ITEMS.c.last_confirmed_at <= confirmed_before,
                _SUBJECTS.c.erased_at.is_(None),
                ~open_request,
            )
            .group_by(_ITEMS.c.subject_id)
            .order_by(_ITEMS.c.subject_id)
            .limit(limit)
        )
        return list(self._c.execute(q).scalars())

    def add_confirmation(self, q: ConfirmationRequest) -> None:
        self._c.execute(_CR.insert().values(id=q.id, **_request_values(q)))

    def confirmation(self, request_id: str, *, lock: bool = False) -> ConfirmationRequest | None:
        q = select(_CR).where(_CR.c.id == request_id)
        r = self._c.execute(q.with_for_update() if lock else q).first()
        return None if r is None else _request(r)

    def confirmation_by_token(self, token_hash: str) -> ConfirmationRequest | None:
        r = self._c.execute(select(_CR).where(_CR.c.token_hash == token_hash)).first()
        return None if r is None else _request(r)

    def save_confirmation(self, q: ConfirmationRequest) -> None:
        self._c.execute(update(_CR).where(_CR.c.id == q.id).values(**_request_values(q)))

    def confirmations(
        self,
        statuses: Sequence[ConfirmationStatus] = (),
        limit: int = 100,
        *,
        subject_id: str | None = None,
        queued_before: datetime | None = None,
        mailed_before: datetime | None = None,
    ) -> list[ConfirmationRequest]:
        """Oldest first (the staleness queue's order, and the mailing job's)."""
        q = select(_CR).order_by(_CR.c.queued_at, _CR.c.id).limit(limit)
        if statuses:
            q = q.where(_CR.c.status.in_([s.value for s in statuses]))
        if subject_id is not None:
            q = q.where(_CR.c.subject_id == subject_id)
        if queued_before is not None:
            q = q.where(_CR.c.queued_at <= queued_before)
        if mailed_before is not None:
            q = q.where(_CR.c.mailed_at <= mailed_before)
        return [_request(r) for r in self._c.execute(q)]

    def confirm_items(self, subject_id: str, item_ids: Sequence[str], at: datetime) -> int:
        """The items' last_confirmed_at set to `at` (the person or staff confirmed them)."""
        if not item_ids:
            return 0
        stmt = (
            update(_ITEMS)
            .where(_ITEMS.c.subject_id == subject_id, _ITEMS.c.id.in_(list(item_ids)))
            .values(last_confirmed_at=at)
        )
        return int(self._c.execute(stmt).rowcount)

    def live_items(self, item_ids: Sequence[str]) -> set[str]:
        """Which of these items still exist (by primary key, 1,000 at a time)."""
        ids = list(dict.fromkeys(item_ids))
        found: set[str] = set()
        for at in range(0, len(ids), 1000):
            q = select(_ITEMS.c.id).where(_ITEMS.c.id.in_(ids[at : at + 1000]))
            found.update(self._c.execute(q).scalars())
        return found

    # -- child-data tasks ---------------------------------------------------------------------
    def add_child_task(self, k: ChildDataTask) -> None:
        self._c.execute(_CT.insert().values(id=k.id, **_child_values(k)))

    def child_task(self, task_id: str, *, lock: bool = False) -> ChildDataTask | None:
        q = select(_CT).where(_CT.c.id == task_id)
        r = self._c.execute(q.with_for_update() if lock else q).first()
        return None if r is None else _child(r)

    def open_child_task(
        self, *, subject_id: str | None = None, reference: str | None = None
    ) -> ChildDataTask | None:
        """The open task on this subject (or, for a scanner finding, this reference)."""
        q = select(_CT).where(_CT.c.open.is_(True))
        if subject_id is not None:
            q = q.where(_CT.c.subject_id == subject_id)
        if reference is not None:
            q = q.where(_CT.c.reference == reference)
        r = self._c.execute(q.order_by(_CT.c.opened_at).limit(1)).first()
        return None if r is None else _child(r)

    def child_task_stands(self, subject_id: str) -> bool:
        """A task on this person is open, or one was closed on an officer's finding that
        they are not a child: the decision point opens no other."""
        q = select(
            exists().where(
                _CT.c.subject_id == subject_id,
                or_(_CT.c.open.is_(True), _CT.c.closure == ChildClosure.NOT_A_CHILD.value),
            )
        )
        return bool(self._c.execute(q).scalar())

    def save_child_task(self, k: ChildDataTask) -> None:
        self._c.execute(update(_CT).where(_CT.c.id == k.id).values(**_child_values(k)))

    def child_tasks(
        self,
        statuses: Sequence[ChildStatus] = (),
        limit: int = 100,
        *,
        due_by: datetime | None = None,
        subject_id: str | None = None,
    ) -> list[ChildDataTask]:
        """Deadline first; `due_by`: open tasks due by then (index (open, due_at))."""
        q = select(_CT).order_by(_CT.c.due_at, _CT.c.id).limit(limit)
        if statuses:
            q = q.where(_CT.c.status.in_([s.value for s in statuses]))
        if due_by is not None:
            q = q.where(_CT.c.open.is_(True), _CT.c.due_at <= due_by)
        if subject_id is not None:
            q = q.where(_CT.c.subject_id == subject_id)
        return [_child(r) for r in self._c.execute(q)]
