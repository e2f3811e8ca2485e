"""What the console's retention pages read (services/retention/console_views.py), on both
backends (issue 14; R2.11): deletion notices no system confirmed, and those overdue."""

from __future__ import annotations

from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.policy.datamap import register_system, set_system_status
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import approve_batch, dispose_batch
from piiguard.services.retention.console_views import (
    open_disposal_tasks,
    overdue_disposal_tasks,
)
from piiguard.services.retention.sweep import propose_batch
from piiguard.services.retention.tasks import waive_disposal_task
from tests.builders import register
from tests.integration.test_disposal import ALICE, TEN_YEARS

DAY = timedelta(days=1)


def crm_disposed_batch(c: Container, clock: FixedClock) -> str:
    """A person whose contact the CRM holds, disposed of ten years on: the batch's id (its
    one deletion task is the CRM's, waiting: the CRM has no endpoint)."""
    crm = System(
        "crm", "CRM", "sales", "crm", "CN", Approval.PENDING, categories=frozenset({"user.contact"})
    )
    register_system(c.uow(), c.snapshots, c.clock, OPERATOR, crm)
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, "crm", Approval.APPROVED)
    register(c)
    assert open_disposal_tasks(c.uow(readonly=True)) == []
    clock.advance(TEN_YEARS)
    sch.refresh_all(c.uow(), c.clock)
    batch = propose_batch(c.uow(), c.clock, ALICE)
    assert batch is not None
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    return batch.id


@pytest.mark.req("R2.11")
def test_open_and_overdue_deletion_notices(c: Container, clock: FixedClock) -> None:
    batch_id = crm_disposed_batch(c, clock)
    [task] = open_disposal_tasks(c.uow(readonly=True))
    assert (task.batch_id, task.system) == (batch_id, "crm")
    assert overdue_disposal_tasks(c.uow(readonly=True), clock.now(), 30 * DAY) == []
    late = overdue_disposal_tasks(c.uow(readonly=True), clock.now() + 31 * DAY, 30 * DAY)
    assert [t.id for t in late] == [task.id]
    waive_disposal_task(c.uow(), c.requests, ALICE, task.id, "deleted by hand in the CRM")
    assert open_disposal_tasks(c.uow(readonly=True)) == []
    assert overdue_disposal_tasks(c.uow(readonly=True), clock.now() + 31 * DAY, 30 * DAY) == []
