"""`piiguard retention ...` and `piiguard hold ...` in process (R2.11, R10.2): the schedule
shown and changed (a refusal names the field and writes nothing), legal minimums, reviews,
an item's retain-until without its value, a hold proposed by a staff officer and approved
by the operator (four eyes), its lifting asked and done by different officers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.retention import holds
from tests.builders import register
from tests.e2e.cli_runner import piiguard

pytestmark = [pytest.mark.req("R2.11")]
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def test_the_schedule_from_the_command_line(settings: Settings, container: Container) -> None:
    shown = ok(settings, "retention", "rules")
    assert "after_sales" in shown and "register" in shown and "never reviewed" in shown
    assert "accounting_vouchers" in ok(settings, "retention", "minimums")
    bad = piiguard(settings, "retention", "rule", "after_sales", "--days", "0")
    assert bad.returncode == 1 and "(days)" in bad.stderr
    out = ok(
        settings,
        "retention",
        "rule",
        "after_sales",
        "--category",
        "user.contact",
        "--days",
        "400",
        "--anchor",
        "confirmed",
    )
    assert "after_sales/user.contact 400 d from confirmed" in out
    assert "override" in ok(settings, "retention", "rules")
    ok(
        settings,
        "retention",
        "record-rule",
        "data_request",
        "--days",
        "1095",
        "--anchor",
        "request_closed",
    )
    ok(
        settings,
        "retention",
        "minimum",
        "payroll",
        "--en",
        "Payroll",
        "--zh",
        "工资",
        "--source",
        "some law",
        "--category",
        "user.financial.salary",
        "--permanent",
    )
    assert "payroll" in ok(settings, "retention", "minimums")
    assert "next due" in ok(settings, "retention", "review", "--changes", "none")
    history = ok(settings, "retention", "history")
    assert "operator:local-operator" in history and "payroll" in history
    ok(settings, "retention", "rule-remove", "after_sales", "--category", "user.contact")

    s = register(container)
    shown = ok(settings, "retention", "item", s.subject.id)
    assert "user.contact.email" in shown and "li.lei@example.cn" not in shown


@pytest.mark.req("R10.2")
def test_holds_take_two_officers(settings: Settings, container: Container) -> None:
    s = register(container)
    h = holds.propose_hold(
        container.uow(),
        container.snapshots,
        container.clock,
        ALICE,
        "lawsuit brought by Li Lei",  # free text may name a person
        "(2026)1",
        frozenset({s.subject.id}),
        box=container.requests.box,
    )
    listed = ok(settings, "hold", "list")
    assert "proposed" in listed and f"/console/retention/holds/{h.id}" in listed
    assert "Li Lei" not in listed  # the reason stays off the terminal
    assert "approved by operator:local-operator" in ok(settings, "hold", "approve", h.id)
    ok(settings, "retention", "hold", "lift-request", h.id, "--reason", "case closed")
    refused = piiguard(settings, "hold", "lift", h.id)  # the same officer asked
    assert refused.returncode == 1 and "four eyes" in refused.stderr
    holds.lift_hold(container.uow(), container.clock, ALICE, h.id)
    assert "lifted" in ok(settings, "hold", "list", "--status", "lifted")
    hid = ok(
        settings,
        "hold",
        "propose",
        "--reason",
        "audit",
        "--case",
        "A-1",
        "--category",
        "user.contact",
    ).strip()
    refused = piiguard(settings, "hold", "approve", hid)
    assert refused.returncode == 1 and "four eyes" in refused.stderr
    # a hold approved ten minutes ago that ended five minutes ago: listed as ended
    clock = container.clock
    clock.advance(-timedelta(minutes=10))  # type: ignore[attr-defined]
    try:
        ended = holds.propose_hold(
            container.uow(),
            container.snapshots,
            clock,
            ALICE,
            "audit",
            "A-2",
            categories=frozenset({"user.name"}),
            until=clock.now() + timedelta(minutes=5),
            box=container.requests.box,
        )
        holds.approve_hold(container.uow(), clock, OPERATOR, ended.id)
    finally:
        clock.advance(timedelta(minutes=10))  # type: ignore[attr-defined]
    [line] = [x for x in ok(settings, "hold", "list").splitlines() if x.startswith(ended.id)]
    assert "active" in line and "(ended, no longer in force)" in line
    for until in ("0001-01-01", "0001-01-01T00:00", "someday"):
        bad = piiguard(
            settings, "hold", "propose", "--reason", "r", "--case", "c", "--until", until
        )
        assert bad.returncode == 2 and "--until" in bad.stderr, (until, bad.stderr)
        assert "Traceback" not in bad.stdout + bad.stderr
