"""Impact assessments on both databases (R10.4): the workflow with four eyes (the author
neither reviews nor approves), every question answered before review, the decision point
refusing sensitive data until an approved assessment covers it and again once withdrawn,
"review due" after the purpose it covers changes, the answers and notes sealed at rest and
off the audit trail, disposal refused before three years and allowed after; the cases an
officer designates per purpose; the duties by headcount with audits recorded (R10.2)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.assessments.model import Status
from piiguard.domain.consent import ConsentKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.subjects import Channel
from piiguard.services.assessments import duties as du
from piiguard.services.assessments import register as reg
from piiguard.services.decisions import evaluate_access
from piiguard.services.policy.consents import grant_consent
from piiguard.services.policy.snapshot import save_purpose
from tests.assessed import ANSWERS, APPROVER, AUTHOR
from tests.builders import contact, item, register

pytestmark = pytest.mark.req("R10.4")
BANK = "user.financial.bank_account"
SECRET_ANSWER = "Refunds go to the account the customer named; 退款至客户指定账户"


def given(**kw: object) -> reg.AssessmentInput:
    base: dict[str, object] = {
        "title": "Refunds to bank accounts",
        "cases": frozenset({"sensitive"}),
        "purposes": frozenset({"order_fulfilment"}),
        "categories": frozenset({"user.financial"}),
        "answers": {**ANSWERS, "purpose": SECRET_ANSWER},
        "impact": "high",
        "likelihood": "low",
    }
    base.update(kw)
    return reg.AssessmentInput(**base)  # type: ignore[arg-type]


def person_with_a_bank_account(c: Container) -> str:
    sid = register(c, *contact(), item(BANK, "6222020200112233445")).subject.id
    for kind in (ConsentKind.GENERAL, ConsentKind.SENSITIVE):
        grant_consent(
            c.uow(), c.snapshots, c.clock, AUTHOR, sid, "order_fulfilment", kind,
            Channel.WEB, "I agree to refunds to my bank account.",
        )  # fmt: skip
    return sid


def bank_allowed(c: Container, sid: str) -> bool:
    d = evaluate_access(
        c.uow(), c.snapshots, c.clock, AUTHOR, sid, "order_fulfilment", frozenset({BANK})
    )
    codes = [r.code for r in d.reasons]
    assert (BANK in d.allowed) is ("impact_assessment_missing" not in codes), codes
    return BANK in d.allowed


def actions(c: Container) -> list[str]:
    with c.uow(readonly=True) as uow:
        return [e.action for e in uow.audit_log.entries(AuditQuery(limit=1000))]


def test_assess_before_processing_with_four_eyes(c: Container) -> None:
    sid = person_with_a_bank_account(c)
    assert not bank_allowed(c, sid)  # consented, but nobody assessed it
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given(answers={}))
    assert a.status is Status.DRAFT and a.risk.value == "medium"
    with pytest.raises(InvalidInput) as e:  # every question answered before review
        reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    assert e.value.field == "answers.purpose"
    with pytest.raises(Forbidden):  # only its author changes a draft
        reg.update_draft(c.uow(), c.snapshots, c.clock, APPROVER, a.id, given())
    reg.update_draft(c.uow(), c.snapshots, c.clock, AUTHOR, a.id, given())
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    assert not bank_allowed(c, sid)  # submitted is not approved
    for step in (
        lambda: reg.review_assessment(c.uow(), c.clock, AUTHOR, a.id, "fine by me"),
        lambda: reg.approve_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, a.id),
    ):
        with pytest.raises((Forbidden, Conflict)):
            step()
    with pytest.raises(Conflict):  # approved only once reviewed
        reg.approve_assessment(c.uow(), c.snapshots, c.clock, APPROVER, a.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, a.id, "measures proportionate")
    with pytest.raises(Forbidden) as four_eyes:
        reg.approve_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, a.id)
    assert four_eyes.value.field == "assessment_id"
    with pytest.raises(InvalidInput) as e:
        reg.approve_assessment(
            c.uow(), c.snapshots, c.clock, APPROVER, a.id, review_by=c.clock.now().date()
        )
    assert e.value.field == "review_by"
    done = reg.approve_assessment(c.uow(), c.snapshots, c.clock, APPROVER, a.id, "ok")
    assert (done.status, done.approver) == (Status.APPROVED, APPROVER.ref)
    assert bank_allowed(c, sid)  # the very next decision
    v = reg.view_assessment(c.uow(readonly=True), c.snapshots, c.clock, a.id)
    assert not v.review_due and v.assessment.answers["purpose"] == SECRET_ANSWER
    assert v.assessment.keep_until() == (c.clock.now().date().replace(year=2029))
    reg.withdraw_assessment(c.uow(), c.clock, APPROVER, a.id, "processing stopped")
    assert not bank_allowed(c, sid)
    assert [x for x in actions(c) if x.startswith("assessment.")] == [
        "assessment.draft",
        "assessment.update",
        "assessment.submit",
        "assessment.review",
        "assessment.approve",
        "assessment.withdraw",
    ]


def test_answers_and_notes_are_sealed_at_rest_and_off_the_trail(c: Container) -> None:
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given())
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, a.id, "审查意见：措施充分 Wang Fang")
    with c.uow(readonly=True) as uow:
        row = uow.connection.execute(
            select(t.impact_assessments).where(t.impact_assessments.c.id == a.id)
        ).one()
        trail = json.dumps(
            [e.details for e in uow.audit_log.entries(AuditQuery(limit=100))], ensure_ascii=False
        )
    for raw in (row.answers, row.review_note):
        assert SECRET_ANSWER not in raw and "Wang Fang" not in raw and "退款" not in raw
    assert SECRET_ANSWER not in trail and "Wang Fang" not in trail
    # the scope stays in the clear: register keys, what an auditor filters by
    assert json.loads(row.purposes) == ["order_fulfilment"]
    opened = reg.view_assessment(c.uow(readonly=True), c.snapshots, c.clock, a.id).assessment
    assert opened.review_note.startswith("审查意见")


def test_a_change_to_the_purpose_it_covers_makes_it_due_for_review(c: Container) -> None:
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given())
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, a.id, "ok")
    reg.approve_assessment(
        c.uow(), c.snapshots, c.clock, APPROVER, a.id, review_by=date(2027, 3, 2)
    )
    [v] = reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock)
    assert not v.review_due
    rule = c.state.register.get("order_fulfilment")
    save_purpose(
        c.uow(),
        c.snapshots,
        c.clock,
        APPROVER,
        replace(rule, retention_days=rule.retention_days + 1),
    )
    [v] = reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock)
    assert v.review_due and v.changed == ("purpose:order_fulfilment",)
    # an untouched one, once its review date has come
    b = reg.draft_assessment(
        c.uow(), c.snapshots, c.clock, AUTHOR, given(purposes=frozenset({"after_sales"}))
    )
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, b.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, b.id, "ok")
    reg.approve_assessment(
        c.uow(), c.snapshots, c.clock, APPROVER, b.id, review_by=date(2026, 4, 1)
    )
    clock = c.clock
    assert isinstance(clock, FixedClock)
    assert not reg.view_assessment(c.uow(readonly=True), c.snapshots, clock, b.id).review_due
    clock.advance(timedelta(days=30))
    assert reg.view_assessment(c.uow(readonly=True), c.snapshots, clock, b.id).review_due


def test_kept_three_years_before_it_may_be_disposed_of(c: Container, clock: FixedClock) -> None:
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given())
    with pytest.raises(Conflict):  # a draft is withdrawn first
        reg.dispose_assessment(c.uow(), c.clock, APPROVER, a.id)
    reg.withdraw_assessment(c.uow(), c.clock, AUTHOR, a.id, "not pursued")
    keep = reg.view_assessment(c.uow(readonly=True), c.snapshots, clock, a.id).assessment
    clock.advance(timedelta(days=3 * 365))  # 2029-03-01: one day short (2028 is a leap year)
    with pytest.raises(Conflict) as e:
        reg.dispose_assessment(c.uow(), c.clock, APPROVER, a.id)
    assert e.value.field == "assessment_id" and keep.keep_until().isoformat() in e.value.message
    clock.advance(timedelta(days=1))
    reg.dispose_assessment(c.uow(), c.clock, APPROVER, a.id)
    with pytest.raises(NotFound):
        reg.view_assessment(c.uow(readonly=True), c.snapshots, clock, a.id)
    assert "assessment.dispose" in actions(c)  # the trail keeps that it existed


def test_bad_input_names_the_field_and_records_nothing(c: Container) -> None:
    for bad, field in (
        (given(title=" "), "title"),
        (given(cases=frozenset({"whatever"})), "cases"),
        (given(purposes=frozenset({"nope"})), "purposes"),
        (given(categories=frozenset({"user.nope"})), "categories"),
        (given(cases=frozenset({"provide"})), "recipients"),
        (given(recipients=frozenset({"nobody"})), "recipients"),
        (given(systems=frozenset({"nowhere"})), "systems"),
        (given(impact="huge"), "impact"),
        (given(answers={"purpose": "x" * 8001}), "answers.purpose"),
    ):
        with pytest.raises(InvalidInput) as e:
            reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, bad)
        assert e.value.field == field, (bad, e.value)
    assert reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock) == []
    assert not [a for a in actions(c) if a.startswith("assessment.")]


def test_a_case_designated_for_a_purpose_needs_its_own_assessment(c: Container) -> None:
    sid = register(c, *contact()).subject.id
    ask = frozenset({"user.contact.email"})

    def allowed() -> bool:
        d = evaluate_access(c.uow(), c.snapshots, c.clock, AUTHOR, sid, "after_sales", ask)
        return bool(d.allowed)

    assert allowed()
    with pytest.raises(InvalidInput) as e:  # the decision point sees the others itself
        reg.designate_case(c.uow(), c.snapshots, c.clock, AUTHOR, "after_sales", "sensitive")
    assert e.value.field == "case"
    assert reg.designate_case(
        c.uow(), c.snapshots, c.clock, AUTHOR, "after_sales", "automated_decision"
    )
    assert not reg.designate_case(
        c.uow(), c.snapshots, c.clock, AUTHOR, "after_sales", "automated_decision"
    )
    assert not allowed()
    a = reg.draft_assessment(
        c.uow(), c.snapshots, c.clock, AUTHOR,
        given(cases=frozenset({"automated_decision"}), purposes=frozenset({"after_sales"}),
              categories=frozenset({"user.contact"})),
    )  # fmt: skip
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, a.id, "ok")
    reg.approve_assessment(c.uow(), c.snapshots, c.clock, APPROVER, a.id)
    assert allowed()
    assert reg.undesignate_case(c.uow(), AUTHOR, "after_sales", "automated_decision")
    assert {"assessment.designate", "assessment.undesignate"} <= set(actions(c))


@pytest.mark.req("R10.2")
def test_the_duties_follow_the_people_held(c: Container) -> None:
    d, audits = du.current_duties(c.uow(readonly=True), c.clock)
    assert (d.people, d.audit_mandatory, d.officer_required, audits) == (0, False, False, [])
    assert d.audit_overdue and d.last_audit is None
    register(c, *contact("a@example.cn"))
    register(c, *contact("b@example.cn"))
    assert du.current_duties(c.uow(readonly=True), c.clock)[0].people == 2
    with pytest.raises(InvalidInput) as e:
        du.record_audit(c.uow(), c.clock, AUTHOR, du.AuditInput(date(2030, 1, 1), "IA", "all", 0))
    assert e.value.field == "audited_on"
    du.record_audit(
        c.uow(), c.clock, AUTHOR, du.AuditInput(date(2026, 2, 1), "Internal audit", "all", 4)
    )
    d, audits = du.current_duties(c.uow(readonly=True), c.clock)
    assert d.last_audit is not None and d.last_audit.findings == 4
    assert (d.next_audit_due, d.audit_overdue) == (date(2028, 2, 1), False)
    assert "compliance_audit.record" in actions(c)
    assert not du.audit_overdue(c.uow(readonly=True), c.clock)  # the front page's question
    clock = c.clock
    assert isinstance(clock, FixedClock)
    clock.advance(timedelta(days=2 * 365 + 1))  # 2028-03-02: past 2028-02-01, the due date
    assert du.audit_overdue(c.uow(readonly=True), clock)
