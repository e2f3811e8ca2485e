"""What the console's retention pages read beyond the use cases (web/console/retention/):
the deletion notices still waiting for a system's confirmation, across disposed batches,
and which of them are overdue. Reads only."""

from __future__ import annotations

from datetime import datetime, timedelta

from piiguard.domain.ports import UnitOfWork
from piiguard.domain.retention.disposal import BatchStatus, DisposalTask


def open_disposal_tasks(uow: UnitOfWork, limit: int = 1000) -> list[DisposalTask]:
    """Deletion notices of disposed batches that no system confirmed and no officer waived,
    oldest first (the newest `limit` batches are looked at)."""
    with uow:
        batches = uow.retention.batches((BatchStatus.DISPOSED,), limit)
        tasks = [t for b in batches for t in uow.retention.tasks_of(b.id)]
    return sorted((t for t in tasks if not t.status.settled), key=lambda t: t.created_at)


def overdue_disposal_tasks(uow: UnitOfWork, now: datetime, within: timedelta) -> list[DisposalTask]:
    """Open deletion notices older than `within` (the console uses the rights requests'
    due days): a system that has not confirmed in that time needs an officer."""
    return [t for t in open_disposal_tasks(uow) if t.created_at + within <= now]
