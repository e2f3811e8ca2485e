"""Read helpers over the upkeep records for the API, the CLI and the console (R2.8, R6.3):
one child-data task by id, and since when each confirmation request's items have been
stale (the oldest item's last confirmation plus its category's interval). Metadata only:
no value, no contact, no note (it stays sealed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from piiguard.domain.ports import UnitOfWork
from piiguard.domain.retention.upkeep import (
    ChildDataTask,
    ConfirmationInterval,
    ConfirmationRequest,
    interval_for,
)
from piiguard.domain.subjects import ItemRecord
from piiguard.services.retention.upkeep.children import get_child_task


def child_task(uow: UnitOfWork, task_id: str) -> ChildDataTask:
    """One child-data task (NotFound, field task_id, when there is none)."""
    with uow:
        return get_child_task(uow, task_id)


def due_since(
    records: Sequence[ItemRecord], intervals: Sequence[ConfirmationInterval]
) -> datetime | None:
    """When the first of these items went unconfirmed past its interval."""
    found = [
        r.last_confirmed_at + timedelta(days=days)
        for r in records
        if (days := interval_for(intervals, r.category)) is not None
    ]
    return min(found) if found else None


def stale_since(
    uow: UnitOfWork, requests: Sequence[ConfirmationRequest]
) -> dict[str, datetime | None]:
    """For each request: since when its items have been stale (None: its items are gone
    or no interval covers them any more)."""
    with uow:
        intervals = uow.retention.intervals()
        out: dict[str, datetime | None] = {}
        for q in requests:
            wanted = set(q.item_ids)
            records = [r for r in uow.items.records(q.subject_id) if r.id in wanted]
            out[q.id] = due_since(records, intervals)
    return out
