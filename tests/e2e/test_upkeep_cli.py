"""`piiguard retention confirm-interval|confirmations|child-tasks|child-close` in process,
on both backends (R2.8, R6.3): the intervals listed, set (a bad number named as the field,
nothing written) and removed; the confirmation queue with who is due and since when, no
value printed; child-data tasks with the overdue one flagged, closed by the operator each
way (a refusal names the field)."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.retention.upkeep import ChildClosure
from piiguard.services.retention.upkeep.views import child_task
from tests.e2e.cli_runner import piiguard
from tests.e2e.test_upkeep_api import EMAIL, PHONE, child_of, staff_queued


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


@pytest.mark.req("R2.8")
def test_intervals_and_the_queue_from_the_command_line(
    settings: Settings, container: Container
) -> None:
    assert "user.contact" in ok(settings, "retention", "confirm-interval", "list")
    bad = piiguard(settings, "retention", "confirm-interval", "set", "user.name", "--days", "0")
    assert bad.returncode == 1 and "(days)" in bad.stderr
    assert "user.name" not in ok(settings, "retention", "confirm-interval", "list")
    shown = ok(settings, "retention", "confirm-interval", "set", "user.name", "--days", "1095")
    assert "user.name: confirm every 1095 d" in shown
    assert "user.name" in ok(settings, "retention", "confirm-interval", "list")
    ok(settings, "retention", "confirm-interval", "remove", "user.name")
    gone = piiguard(settings, "retention", "confirm-interval", "remove", "user.name")
    assert gone.returncode == 1 and "(category)" in gone.stderr

    assert "no confirmation request" in ok(settings, "retention", "confirmations")
    sid, q = staff_queued(container)
    shown = ok(settings, "retention", "confirmations", "--status", "staff_queue")
    assert q.id in shown and sid in shown and "staff_queue" in shown
    assert EMAIL not in shown and PHONE not in shown
    assert q.id in ok(settings, "retention", "confirmations")  # open ones by default
    assert "no confirmation" in ok(settings, "retention", "confirmations", "--status", "answered")
    assert piiguard(settings, "retention", "confirmations", "--status", "soon").returncode == 2


@pytest.mark.req("R6.3")
def test_child_data_tasks_from_the_command_line(settings: Settings, container: Container) -> None:
    c = container
    _, late = child_of(c, hours_ago=80)
    gone, fresh = child_of(c, email="kid2@example.cn")
    shown = ok(settings, "retention", "child-tasks")
    assert late in shown and fresh in shown and "OVERDUE" in shown
    overdue = ok(settings, "retention", "child-tasks", "--overdue")
    assert late in overdue and fresh not in overdue
    assert "kid@example.cn" not in shown

    how = piiguard(settings, "retention", "child-close", late, "--how", "maybe")
    assert how.returncode == 2
    bare = piiguard(settings, "retention", "child-close", late, "--how", "not-a-child")
    assert bare.returncode == 1 and "(note)" in bare.stderr
    ok(settings, "retention", "child-close", late, "--how", "not-a-child", "--note", "ID seen")
    assert child_task(c.uow(readonly=True), late).closure is ChildClosure.NOT_A_CHILD
    guardian = piiguard(settings, "retention", "child-close", fresh, "--how", "guardian")
    assert guardian.returncode == 1 and "(closure)" in guardian.stderr
    ok(settings, "retention", "child-close", fresh, "--how", "dispose")
    assert child_task(c.uow(readonly=True), fresh).closure is ChildClosure.DISPOSED
    with c.uow(readonly=True) as uow:
        assert uow.items.records(gone) == []
    assert "OVERDUE" not in ok(settings, "retention", "child-tasks")
