"""An item's retain-until, pure (R2.11): each combination — declared purposes, category
overrides, anchors reported or not, a consent withdrawn, an objection, a restriction (only
stored: no change), a purpose needing consent without one, legal minimums (days and
permanent, by purpose) — and which legal holds cover an item."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from piiguard.domain.consent import Consent, ConsentKind, Restriction, RestrictionKind
from piiguard.domain.errors import InvalidInput
from piiguard.domain.retention.rules import (
    ItemFacts,
    PersonFacts,
    Schedule,
    holds_covering,
    record_until,
    retain_until,
)
from piiguard.domain.retention.schedule import (
    Anchor,
    HoldStatus,
    LegalHold,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
    check_days,
    seed_minimums,
)
from piiguard.domain.subjects import Channel

T0 = datetime(2026, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 6, 1, tzinfo=UTC)
DAY = timedelta(days=1)

pytestmark = pytest.mark.req("R2.11")

SCHEDULE = Schedule.of(
    3,
    {"after_sales": 1825, "marketing": 730, "order_fulfilment": 1825},
    needs_consent={"marketing"},
    rules=[
        RetentionRule("after_sales", "user.contact", 365, Anchor.CONFIRMED),
        RetentionRule("after_sales", "user.contact.email", 200, Anchor.CONFIRMED),
        RetentionRule("order_fulfilment", "", 90, Anchor.CONTRACT_END),
    ],
)


def item(category: str = "user.contact.email", *purposes: str) -> ItemFacts:
    return ItemFacts("i1", "s1", category, "crm", T0, T0 + 10 * DAY, frozenset(purposes))


def consent(purpose: str, withdrawn: datetime | None = None) -> Consent:
    return Consent(
        "c1",
        "s1",
        purpose,
        ConsentKind.GENERAL,
        T0,
        Channel.WEB,
        "1",
        "h",
        "staff:x",
        withdrawn_at=withdrawn,
    )


def test_the_most_specific_override_counts_from_its_anchor() -> None:
    r = retain_until(item("user.contact.email", "after_sales"), PersonFacts(), SCHEDULE, NOW)
    assert (r.retain_until, r.basis) == (
        T0 + 10 * DAY + 200 * DAY,
        "override:after_sales/user.contact.email",
    )
    r = retain_until(item("user.contact.phone_number", "after_sales"), PersonFacts(), SCHEDULE, NOW)
    assert r.basis == "override:after_sales/user.contact"
    r = retain_until(item("user.name", "after_sales"), PersonFacts(), SCHEDULE, NOW)
    assert (r.retain_until, r.basis) == (T0 + 1825 * DAY, "purpose:after_sales")


def test_the_longest_purpose_wins() -> None:
    r = retain_until(
        item("user.contact.email", "after_sales", "order_fulfilment"), PersonFacts(), SCHEDULE, NOW
    )
    assert r.retain_until == T0 + 10 * DAY + 200 * DAY  # order_fulfilment: 90 from contract end
    assert r.held_for == {"after_sales", "order_fulfilment"}


def test_a_reported_anchor_moves_the_count_and_until_then_collection_counts() -> None:
    i = item("user.name", "order_fulfilment")
    assert retain_until(i, PersonFacts(), SCHEDULE, NOW).retain_until == T0 + 90 * DAY
    ended = PersonFacts(anchors={Anchor.CONTRACT_END: T0 + 100 * DAY})
    assert retain_until(i, ended, SCHEDULE, NOW).retain_until == T0 + 190 * DAY


def test_a_withdrawn_consent_drops_its_purpose() -> None:
    i = item("user.name", "marketing", "order_fulfilment")
    given = PersonFacts(consents=[consent("marketing")])
    assert retain_until(i, given, SCHEDULE, NOW).retain_until == T0 + 730 * DAY
    gone = PersonFacts(consents=[consent("marketing", T0 + 5 * DAY)])
    r = retain_until(i, gone, SCHEDULE, NOW)
    assert r.held_for == {"order_fulfilment"} and r.retain_until == T0 + 90 * DAY


def test_no_purpose_left_is_due_since_the_last_one_dropped() -> None:
    i = item("user.name", "marketing")
    r = retain_until(i, PersonFacts(consents=[consent("marketing", T0 + 5 * DAY)]), SCHEDULE, NOW)
    assert (r.retain_until, r.basis, r.held_for) == (T0 + 5 * DAY, "none", frozenset())
    assert r.due(NOW)
    never = retain_until(i, PersonFacts(), SCHEDULE, NOW)  # needs consent, never given
    assert (never.retain_until, never.basis) == (T0, "none")


def test_an_objection_drops_a_purpose_a_restriction_does_not() -> None:
    i = item("user.name", "after_sales", "order_fulfilment")
    objection = Restriction("r1", "s1", RestrictionKind.OBJECTION, "after_sales", T0 + DAY)
    r = retain_until(i, PersonFacts(restrictions=[objection]), SCHEDULE, NOW)
    assert r.held_for == {"order_fulfilment"} and r.retain_until == T0 + 90 * DAY
    restricted = Restriction("r2", "s1", RestrictionKind.RESTRICTION, None, T0 + DAY)
    kept = retain_until(i, PersonFacts(restrictions=[restricted]), SCHEDULE, NOW)
    assert kept == retain_until(i, PersonFacts(), SCHEDULE, NOW)  # only stored: unchanged


def test_legal_minimums_keep_longer_by_category_and_purpose() -> None:
    tax = LegalMinimum(
        "tax",
        "Tax",
        "税",
        "art. 29",
        3653,
        Anchor.COLLECTED,
        frozenset({"user.financial"}),
        frozenset({"order_fulfilment"}),
    )
    s = Schedule.of(1, {"order_fulfilment": 1825, "marketing": 730}, minimums=[tax])
    bank = item("user.financial.bank_account", "order_fulfilment")
    r = retain_until(bank, PersonFacts(), s, NOW)
    assert (r.retain_until, r.basis) == (T0 + 3653 * DAY, "minimum:tax")
    other_purpose = item("user.financial.bank_account", "marketing")
    assert retain_until(other_purpose, PersonFacts(), s, NOW).basis == "purpose:marketing"
    forever = Schedule.of(
        1,
        {},
        minimums=[
            LegalMinimum(
                "reports",
                "R",
                "R",
                "art. 14",
                None,
                Anchor.COLLECTED,
                frozenset({"user.financial"}),
            )
        ],
    )
    r = retain_until(bank, PersonFacts(), forever, NOW)
    assert r.retain_until is None and not r.due(NOW + 10_000 * DAY)
    inactive = Schedule.of(
        1,
        {},
        minimums=[
            LegalMinimum(
                "x", "X", "X", "s", None, Anchor.COLLECTED, frozenset({"user"}), active=False
            )
        ],
    )
    assert retain_until(bank, PersonFacts(), inactive, NOW).basis == "none"


def test_a_minimum_still_applies_after_the_purpose_is_dropped() -> None:
    tax = LegalMinimum(
        "tax",
        "T",
        "T",
        "s",
        3653,
        Anchor.COLLECTED,
        frozenset({"user.financial"}),
        frozenset({"order_fulfilment"}),
    )
    s = Schedule.of(1, {"order_fulfilment": 1825}, minimums=[tax])
    objection = Restriction("r1", "s1", RestrictionKind.OBJECTION, "order_fulfilment", T0)
    r = retain_until(
        item("user.financial.bank_account", "order_fulfilment"),
        PersonFacts(restrictions=[objection]),
        s,
        NOW,
    )
    assert r.held_for == frozenset() and r.basis == "minimum:tax"


def test_holds_cover_by_subject_category_and_system_while_in_force() -> None:
    base = LegalHold(
        "h", HoldStatus.ACTIVE, "r", "c", frozenset(), frozenset(), frozenset(), None, "a", T0
    )

    def hold(**kw: Any) -> LegalHold:
        return replace(base, **kw)

    i = item("user.contact.email", "after_sales")
    assert holds_covering([hold(subject_ids=frozenset({"s1"}))], i, NOW)
    assert not holds_covering([hold(subject_ids=frozenset({"s2"}))], i, NOW)
    assert holds_covering([hold(categories=frozenset({"user.contact"}))], i, NOW)
    assert not holds_covering([hold(categories=frozenset({"user.name"}))], i, NOW)
    assert not holds_covering([hold(systems=frozenset({"erp"}))], i, NOW)
    assert not holds_covering([hold(status=HoldStatus.PROPOSED)], i, NOW)
    assert holds_covering([hold(status=HoldStatus.LIFT_PROPOSED)], i, NOW)
    assert not holds_covering([hold(until=NOW)], i, NOW)


def test_records_and_seeds() -> None:
    rule = RecordRule(RecordType.DATA_REQUEST, 30, Anchor.REQUEST_CLOSED)
    assert record_until(rule, T0) == T0 + 30 * DAY
    assert record_until(rule, None) is None and record_until(None, T0) is None
    seeded = {m.key: m for m in seed_minimums()}
    assert seeded["accounting_vouchers"].days == 10958 and seeded["tax_records"].days == 3653
    assert seeded["financial_reports"].days is None and not seeded["financial_reports"].active
    with pytest.raises(InvalidInput) as e:
        check_days(0, "days")
    assert e.value.field == "days"
