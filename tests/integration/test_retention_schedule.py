"""The retention schedule, holds and reviews through their use cases on both backends
(R2.11, R10.2): the legal minimums seeded on start, rules versioned and audited, errors
naming the field at fault, four-eyes holds, reviews and when the next is due, each item's
retain-until (a withdrawn consent, an objection, a minimum, a hold) and its stored copy for
the sweep, and the access package's retain_until from the same function."""

from __future__ import annotations

from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.retention.schedule import Anchor, HoldStatus, LegalMinimum, RetentionRule
from piiguard.domain.subjects import Channel
from piiguard.services.policy.consents import grant_consent, restrict_processing, withdraw_consent
from piiguard.services.retention import holds, reviews
from piiguard.services.retention import schedule as sch
from tests.builders import item, register
from tests.integration.conftest import START

DAY = timedelta(days=1)
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
CLERK = Actor("carol", ActorKind.STAFF, frozenset({"staff"}))


def actions(c: Container, target_type: str) -> list[str]:
    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    return [e.action for e in entries if e.target_type == target_type]


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_rules_are_versioned_audited_and_checked(c: Container) -> None:
    view = sch.schedule_view(c.uow(readonly=True), box=c.requests.box)
    assert {m.key for m in view.minimums} == {
        "accounting_vouchers",
        "tax_records",
        "financial_reports",
    }
    # the seeds (three minimums, the confirmation intervals) made the first versions
    v = view.schedule.version
    assert v >= 3 and view.next_review_due is None
    rule = RetentionRule("after_sales", "user.contact", 730, Anchor.CONFIRMED, "two years")
    assert sch.save_rule(c.uow(), c.snapshots, c.clock, ALICE, rule) == v + 1
    with pytest.raises(Forbidden):
        sch.save_rule(c.uow(), c.snapshots, c.clock, CLERK, rule)
    for bad, field in (
        (RetentionRule("nope", "", 10, Anchor.COLLECTED), "purpose"),
        (RetentionRule("after_sales", "user.nope", 10, Anchor.COLLECTED), "category"),
        (RetentionRule("after_sales", "", 0, Anchor.COLLECTED), "days"),
        (RetentionRule("after_sales", "", 10, Anchor.REQUEST_CLOSED), "anchor"),
    ):
        with pytest.raises((InvalidInput, NotFound)) as e:
            sch.save_rule(c.uow(), c.snapshots, c.clock, ALICE, bad)
        assert e.value.field == field
    m = LegalMinimum(
        "social_insurance",
        "Social insurance",
        "社保",
        "some law",
        None,
        Anchor.COLLECTED,
        frozenset({"user.financial.salary"}),
    )
    assert sch.save_minimum(c.uow(), c.snapshots, c.clock, ALICE, m) == v + 2
    assert sch.remove_rule(c.uow(), c.clock, ALICE, "after_sales", "user.contact") == v + 3
    with pytest.raises(NotFound):
        sch.remove_rule(c.uow(), c.clock, ALICE, "after_sales", "user.contact")
    history = sch.schedule_history(c.uow(readonly=True))
    assert [(h.version, h.kind, h.changed_by) for h in history[:3]] == [
        (v + 3, "rule", "staff:alice"),
        (v + 2, "minimum", "staff:alice"),
        (v + 1, "rule", "staff:alice"),
    ]
    assert actions(c, "retention_rule") == ["retention.rule.save", "retention.rule.remove"]
    assert actions(c, "legal_minimum") == ["retention.minimum.save"]


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_holds_are_four_eyes(c: Container, clock: FixedClock) -> None:
    s = register(c)
    with pytest.raises(InvalidInput) as e:
        holds.propose_hold(c.uow(), c.snapshots, c.clock, ALICE, "lawsuit", "", box=c.requests.box)
    assert e.value.field == "case_reference"
    with pytest.raises(NotFound) as e2:
        holds.propose_hold(
            c.uow(),
            c.snapshots,
            c.clock,
            ALICE,
            "lawsuit",
            "(2026)1",
            frozenset({"ghost"}),
            box=c.requests.box,
        )
    assert e2.value.field == "subject_ids"
    h = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "lawsuit",
        "(2026)1",
        frozenset({s.subject.id}),
        box=c.requests.box,
    )
    with pytest.raises(Forbidden):
        holds.approve_hold(c.uow(), c.clock, ALICE, h.id)  # not by its proposer
    with pytest.raises(Forbidden):
        holds.approve_hold(c.uow(), c.clock, CLERK, h.id)
    h = holds.approve_hold(c.uow(), c.clock, BOB, h.id)
    assert h.status is HoldStatus.ACTIVE
    views = sch.subject_retention(c.uow(readonly=True), c.clock, s.subject.id)
    assert all(v.holds == (h.id,) for v in views)
    with pytest.raises(Conflict):
        holds.lift_hold(c.uow(), c.clock, ALICE, h.id)  # ask first
    clock.advance(DAY)
    holds.request_lift(c.uow(), c.clock, BOB, h.id, "case closed", box=c.requests.box)
    with pytest.raises(Forbidden):
        holds.lift_hold(c.uow(), c.clock, BOB, h.id)
    lifted = holds.lift_hold(c.uow(), c.clock, ALICE, h.id)
    assert lifted.status is HoldStatus.LIFTED and lifted.lifted_at == START + DAY
    views = sch.subject_retention(c.uow(readonly=True), c.clock, s.subject.id)
    assert all(v.holds == () for v in views)
    assert actions(c, "legal_hold") == [
        "retention.hold.propose",
        "retention.hold.approve",
        "retention.hold.lift_request",
        "retention.hold.lift",
    ]


@pytest.mark.req("R2.11")
def test_reviews_say_when_the_next_is_due(c: Container) -> None:
    assert reviews.review_state(c.uow(readonly=True), c.clock).overdue
    with pytest.raises(InvalidInput) as e:
        reviews.record_review(c.uow(), c.clock, ALICE, " ", box=c.requests.box)
    assert e.value.field == "changes"
    version = sch.schedule_view(c.uow(readonly=True), box=c.requests.box).schedule.version
    r = reviews.record_review(
        c.uow(), c.clock, ALICE, "no change", interval_days=180, box=c.requests.box
    )
    state = reviews.review_state(c.uow(readonly=True), c.clock)
    assert state.next_due_at == START + 180 * DAY and not state.overdue
    assert r.schedule_version == version  # a review records the version it looked at
    assert actions(c, "retention_schedule") == ["retention.review"]


@pytest.mark.req("R2.11")
def test_an_items_retain_until_follows_consent_objection_and_minimums(
    c: Container, clock: FixedClock
) -> None:
    s = register(
        c,
        item("user.name", "李雷"),
        item("user.financial.bank_account", "6222020200112233445"),
    )
    sid = s.subject.id
    consent = grant_consent(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        sid,
        "consultation_recommendation",
        ConsentKind.GENERAL,
        Channel.WEB,
        "we may recommend products",
    )
    by_cat = {v.item.category: v for v in sch.subject_retention(c.uow(readonly=True), c.clock, sid)}
    bank = by_cat["user.financial.bank_account"].retention
    assert bank.basis == "minimum:accounting_vouchers"
    assert bank.retain_until == START + 10958 * DAY
    name = by_cat["user.name"].retention
    assert "consultation_recommendation" in name.held_for
    clock.advance(DAY)
    withdraw_consent(c.uow(), c.clock, OPERATOR, sid, consent.id)
    restrict_processing(
        c.uow(), c.snapshots, c.clock, OPERATOR, sid, RestrictionKind.OBJECTION, "after_sales"
    )
    name2 = {v.item.category: v for v in sch.subject_retention(c.uow(readonly=True), c.clock, sid)}[
        "user.name"
    ].retention
    assert "consultation_recommendation" not in name2.held_for
    assert "after_sales" not in name2.held_for
    sch.report_anchor(c.uow(), c.clock, OPERATOR, sid, Anchor.CONTRACT_END, START)
    with pytest.raises(InvalidInput) as e:
        sch.report_anchor(c.uow(), c.clock, OPERATOR, sid, Anchor.COLLECTED, START)
    assert e.value.field == "event"
    with c.uow() as uow:
        assert sch.refresh_retention(uow, c.clock, [sid]) == 2
        uow.commit()
    with c.uow(readonly=True) as uow:
        stored = uow.retention.retention_of([v.item.item_id for v in by_cat.values()])
    assert stored[by_cat["user.financial.bank_account"].item.item_id].retain_until == (
        START + 10958 * DAY
    )
    assert sch.refresh_all(c.uow(), c.clock, page=1) == 2
