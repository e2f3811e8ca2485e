"""Incidents on their legal clocks (R5.8), on SQLite and PostgreSQL: the CAC clock at its
edges (3 h 59 min: reminders only; 4 h 01 min: escalated), the 1-hour CII clock, GDPR's
72 hours, clocks following severity and jurisdiction, the report draft and its submission,
the people affected computed from the audit trail, and closing under four eyes."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput
from piiguard.domain.incidents.model import IncidentKind, IncidentStatus, Severity, Stage, Trail
from piiguard.domain.incidents.obligations import ClockStatus
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.clients.api_keys import add_client
from piiguard.services.incidents import affected, clocks, register
from piiguard.services.incidents.register import IncidentFacts
from piiguard.services.policy.datamap import register_system
from piiguard.services.subjects.read import read_subjects_data
from tests.builders import contact
from tests.builders import register as register_subject
from tests.mailserver import SmtpSink, body_text

pytestmark = pytest.mark.req("R5.8")

ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
CAROL = Actor("carol", ActorKind.STAFF, frozenset({"privacy_officer"}))
CLERK = Actor("clerk", ActorKind.STAFF, frozenset({"staff"}))


def facts(**kw: object) -> IncidentFacts:
    base: dict[str, object] = {
        "title": "CRM export found on a public share",
        "description": "A CSV export of the CRM was reachable without sign-in.",
        "kind": IncidentKind.CONFIDENTIALITY,
        "severity": Severity.RELATIVELY_MAJOR,
        "jurisdictions": frozenset({"CN"}),
    }
    base.update(kw)
    return IncidentFacts(**base)  # type: ignore[arg-type]


def report(c: Container, **kw: object) -> str:
    f = facts(detected_at=c.clock.now(), **kw)
    return register.report_incident(c.security_uow(), c.snapshots, c.clock, CLERK, f).id


def clock_of(c: Container, incident_id: str, key: str) -> object:
    view = register.view_incident(c.security_uow(), incident_id)
    return next(x for x in view.clocks if x.obligation == key)


def add_system(c: Container, key: str = "crm") -> str:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(key, key.upper(), "sales", key, "CN", Approval.APPROVED),
    )
    return key


def notices(c: Container) -> int:
    return clocks.notice_pass(c.security_uow(), c.requests)


def subjects(box: SmtpSink) -> list[str]:
    return [str(m["Subject"]) for m in box.messages]


def test_cac_four_hours_at_its_edges(container: Container, mailbox: SmtpSink) -> None:
    """Relatively major, in China, not CII: 4 hours to the provincial CAC office. At 3 h 59
    min the officers have had their reminders and nothing is overdue; at 4 h 01 min the
    clock is overdue and escalated, once."""
    c = container
    iid = report(c)
    view = register.view_incident(c.security_uow(), iid)
    assert [x.obligation for x in view.clocks] == ["cac"]
    cac = view.clocks[0]
    assert cac.due_at - cac.started_at == timedelta(hours=4)

    c.clock.advance(timedelta(hours=3, minutes=59))
    assert not clock_of(c, iid, "cac").overdue(c.clock.now())  # type: ignore[attr-defined]
    assert notices(c) == 1  # the 15-minute reminder (the earlier ones recorded as passed)
    assert all("Reminder" in s for s in subjects(mailbox))
    assert not any("OVERDUE" in s for s in subjects(mailbox))

    c.clock.advance(timedelta(minutes=2))  # 4 h 01 min
    assert clock_of(c, iid, "cac").overdue(c.clock.now())  # type: ignore[attr-defined]
    assert notices(c) == 1
    assert any("OVERDUE" in s and "due" in s for s in subjects(mailbox))
    assert notices(c) == 0  # escalated once
    text = body_text(mailbox.messages[-1])
    assert iid in text and "属地省级网信部门" in text
    assert "CRM export" not in text  # what happened stays in the register


def test_reminders_come_in_order_before_the_due_time(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    report(c)
    c.clock.advance(timedelta(hours=1, minutes=59))
    assert notices(c) == 0  # 2 h before: not yet
    c.clock.advance(timedelta(minutes=2))
    assert notices(c) == 1  # the 120-minute reminder
    c.clock.advance(timedelta(hours=1))
    assert notices(c) == 1  # the 60-minute one
    assert notices(c) == 0


def test_critical_information_infrastructure_has_one_hour(container: Container) -> None:
    c = container
    iid = report(c, cii=True)
    [clock] = register.view_incident(c.security_uow(), iid).clocks
    assert clock.obligation == "cac_cii" and clock.due_at - clock.started_at == timedelta(hours=1)
    c.clock.advance(timedelta(minutes=59))
    assert not clock.overdue(c.clock.now())
    c.clock.advance(timedelta(minutes=2))
    assert clock.overdue(c.clock.now())


def test_a_general_incident_has_no_cac_clock_until_it_is_graded_up(container: Container) -> None:
    c = container
    iid = report(c, severity=Severity.GENERAL)
    assert register.view_incident(c.security_uow(), iid).clocks == []
    register.update_incident(
        c.security_uow(), c.snapshots, c.clock, ALICE, iid, IncidentFacts(severity=Severity.MAJOR)
    )
    [clock] = register.view_incident(c.security_uow(), iid).clocks
    assert clock.obligation == "cac" and clock.status is ClockStatus.RUNNING
    # from detection, not from the re-grading
    assert clock.started_at == register.view_incident(c.security_uow(), iid).incident.detected_at
    register.update_incident(
        c.security_uow(), c.snapshots, c.clock, ALICE, iid, IncidentFacts(severity=Severity.GENERAL)
    )
    [clock] = register.view_incident(c.security_uow(), iid).clocks
    assert clock.status is ClockStatus.NOT_APPLICABLE


def test_gdpr_72_hours_for_a_breach_of_personal_data(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    iid = report(
        c,
        severity=Severity.GENERAL,
        jurisdictions=frozenset({"EU"}),
        categories=frozenset({"user.contact.email"}),
    )
    [clock] = register.view_incident(c.security_uow(), iid).clocks
    assert clock.obligation == "gdpr_33" and clock.due_at - clock.started_at == timedelta(hours=72)
    c.clock.advance(timedelta(hours=71, minutes=59))
    assert not clock.overdue(c.clock.now())
    notices(c)
    assert not any("OVERDUE" in s for s in subjects(mailbox))
    c.clock.advance(timedelta(minutes=2))
    assert notices(c) == 1
    assert "OVERDUE" in subjects(mailbox)[-1]
    # high risk adds Art. 34 (the people); in China too: PIPL Art. 57 both ways, and CAC
    register.update_incident(
        c.security_uow(),
        c.snapshots,
        c.clock,
        ALICE,
        iid,
        IncidentFacts(
            high_risk=True,
            jurisdictions=frozenset({"EU", "CN"}),
            severity=Severity.RELATIVELY_MAJOR,
        ),
    )
    keys = {x.obligation for x in register.view_incident(c.security_uow(), iid).clocks}
    assert keys == {"gdpr_33", "gdpr_34", "pipl_57_authority", "pipl_57_people", "cac"}


def test_the_report_draft_and_its_submission(container: Container) -> None:
    c = container
    iid = report(c, systems=frozenset({add_system(c)}))
    register.add_entry(
        c.security_uow(), c.clock, ALICE, iid, Stage.CONTAINMENT, c.clock.now(), "share closed"
    )
    draft = clocks.draft_report(c.security_uow(), c.requests, iid, "cac")
    assert list(draft)[:3] == ["organisation", "systems", "detected_at"]
    assert "share closed" in draft["measures_taken"]
    assert draft["systems"] == "crm"
    with pytest.raises(InvalidInput) as e:
        clocks.submit_report(c.security_uow(), c.requests, ALICE, iid, "cac", "", "X")
    assert e.value.field == "submitted_to"
    with pytest.raises(Forbidden):
        clocks.submit_report(c.security_uow(), c.requests, CLERK, iid, "cac", "网信办", "X")
    c.clock.advance(timedelta(hours=5))
    done = clocks.submit_report(
        c.security_uow(),
        c.requests,
        ALICE,
        iid,
        "cac",
        "省网信办",
        "CAC-2026-0042",
        fields={"trend": "contained"},
    )
    assert done.status is ClockStatus.SUBMITTED and done.late()
    assert json.loads(done.report)["trend"] == "contained"
    assert notices(c) == 0  # a submitted clock no longer reminds
    with pytest.raises(Conflict):
        clocks.submit_report(c.security_uow(), c.requests, ALICE, iid, "cac", "x", "y")


def test_the_people_affected_from_the_audit_trail(container: Container) -> None:
    """Every subject a compromised API key read in the window — not those it read before
    or after, nor those another client read, nor a read the decision point refused."""
    c = container
    people = [register_subject(c, *contact(email=f"p{n}@example.cn")).subject.id for n in range(5)]
    crm, _ = add_client(c.uow(), c.clock, ALICE, "crm-x")
    erp, _ = add_client(c.uow(), c.clock, ALICE, "erp-x")
    as_crm = Actor(crm.id, ActorKind.SYSTEM, frozenset({"system"}))
    as_erp = Actor(erp.id, ActorKind.SYSTEM, frozenset({"system"}))

    def read(actor: Actor, sids: list[str], purpose: str = "after_sales") -> None:
        read_subjects_data(c.uow(), c.vault, c.clock, actor, c.snapshots, sids, purpose)

    read(as_crm, [people[0]])  # before the window
    c.clock.advance(timedelta(minutes=10))
    start = c.clock.now()
    read(as_crm, people[1:3])
    read(as_crm, [people[3]], "marketing")  # refused: no consent to marketing
    read(as_erp, [people[4]])  # another client
    end = c.clock.now() + timedelta(seconds=1)
    c.clock.advance(timedelta(minutes=10))
    read(as_crm, [people[4]])  # after the window

    iid = report(c)
    got = affected.compute_affected(
        c.security_uow(), ALICE, iid, Trail(f"system:{crm.id}", start, end)
    )
    assert (got.revealed, got.total) == (2, 2)
    view = register.view_incident(c.security_uow(), iid)
    assert view.incident.affected_computed == 2 and view.recipients == {"queued": 2}
    # computing again adds no one twice
    again = affected.compute_affected(
        c.security_uow(), ALICE, iid, Trail(f"system:{crm.id}", start, end)
    )
    assert again.added == 0
    with pytest.raises(InvalidInput):
        affected.compute_affected(c.security_uow(), ALICE, iid, Trail("crm", start, end))


def test_closing_needs_a_review_by_an_officer_who_did_not_handle_it(container: Container) -> None:
    c = container
    iid = report(c)
    register.update_incident(
        c.security_uow(), c.snapshots, c.clock, ALICE, iid, IncidentFacts(title="Renamed")
    )
    with pytest.raises(Conflict):  # no containment or recovery yet
        register.request_review(c.security_uow(), c.clock, ALICE, iid, "weak ACL", "review shares")
    for stage in (Stage.CONTAINMENT, Stage.ERADICATION, Stage.RECOVERY):
        register.add_entry(c.security_uow(), c.clock, ALICE, iid, stage, c.clock.now(), stage.value)
    register.request_review(c.security_uow(), c.clock, ALICE, iid, "weak ACL", "review shares")
    with pytest.raises(Forbidden):  # asked for the review
        register.close_incident(c.security_uow(), c.clock, ALICE, iid, True, "")
    closed = register.close_incident(c.security_uow(), c.clock, BOB, iid, True, "")
    assert closed.status is IncidentStatus.CLOSED and closed.closed_by == "staff:bob"
    with pytest.raises(Conflict):
        register.add_entry(c.security_uow(), c.clock, ALICE, iid, Stage.NOTE, c.clock.now(), "x")


def test_the_reporter_may_not_review_and_a_return_reopens(container: Container) -> None:
    c = container
    f = facts(detected_at=c.clock.now())
    iid = register.report_incident(c.security_uow(), c.snapshots, c.clock, CAROL, f).id
    for stage in (Stage.CONTAINMENT, Stage.RECOVERY):
        register.add_entry(c.security_uow(), c.clock, ALICE, iid, stage, c.clock.now(), "done")
    register.request_review(c.security_uow(), c.clock, ALICE, iid, "cause", "lessons")
    with pytest.raises(Forbidden):
        register.close_incident(c.security_uow(), c.clock, CAROL, iid, True, "")
    with pytest.raises(InvalidInput):  # sending it back says why
        register.close_incident(c.security_uow(), c.clock, BOB, iid, False, "")
    back = register.close_incident(c.security_uow(), c.clock, BOB, iid, False, "root cause thin")
    assert back.status is IncidentStatus.OPEN


def test_the_officers_words_are_sealed_at_rest(container: Container) -> None:
    """What happened, the notes, the root cause may name people: sealed under the KEK in
    the database (R5.5), clear to those who read the register."""
    c = container
    iid = report(c, title="Laptop of 王伟 stolen", description="王伟's laptop, unencrypted")
    register.add_entry(
        c.security_uow(), c.clock, ALICE, iid, Stage.CONTAINMENT, c.clock.now(), "王伟 called"
    )
    register.add_entry(
        c.security_uow(), c.clock, ALICE, iid, Stage.RECOVERY, c.clock.now(), "wiped remotely"
    )
    register.request_review(c.security_uow(), c.clock, ALICE, iid, "王伟 kept no backup", "encrypt")
    from sqlalchemy import select  # noqa: PLC0415

    from piiguard.adapters.db import tables as t  # noqa: PLC0415

    with c.engine.connect() as conn:
        rows = " ".join(
            str(r) for tb in (t.incidents, t.incident_timeline) for r in conn.execute(select(tb))
        )
    assert "王伟" not in rows and "wiped" not in rows and "encrypt" not in rows
    view = register.view_incident(c.security_uow(readonly=True), iid)
    assert view.incident.title == "Laptop of 王伟 stolen"
    assert view.incident.root_cause == "王伟 kept no backup"
    assert [e.note for e in view.timeline][1:] == ["王伟 called", "wiped remotely"]
