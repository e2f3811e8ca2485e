"""Policy versions (R8.1) and the lapse of unrenewed consent (R2.4), pure: the edge rules of
a new version, its number, the renewals a material change makes due, whom a notice asks to
renew, the sections and the section-by-section diff, and the decision point's rule
`consent_renewed` as a decision table and as a property over generated consents and times.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import consent_renewed
from piiguard.domain.consent import Consent, ConsentKind
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.errors import InvalidInput
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.policy.versions import (
    ChangeKind,
    PolicyVersion,
    RenewalDue,
    SectionChange,
    check_draft,
    diff_texts,
    next_version,
    renewal_dues,
    sections,
    to_renew,
)
from piiguard.domain.subjects import Channel
from piiguard.domain.taxonomy import Taxonomy
from tests.assessed import assessed

T0 = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
DAY = timedelta(days=1)
SUB = "sub-1"
PURPOSE = "consultation_recommendation"  # rests on consent
EMAIL = "user.contact.email"
NAME = "user.name"
BANK = "user.financial.bank_account"  # sensitive
TAXONOMY = Taxonomy.default()
REGISTER = PurposeRegister.of(1, seed_purposes())
STAFF = Actor("staff-1", ActorKind.STAFF, frozenset({"staff"}))
LAPSES = T0 + 30 * DAY
DUE = RenewalDue(PURPOSE, "2", LAPSES, frozenset({"1"}))
SYSTEMS = {
    "erp": System("erp", "ERP", "it", "erp", "CN", Approval.APPROVED, None, False),
    "crm_de": System("crm_de", "CRM", "it", "crm", "DE", Approval.APPROVED, None, False),
}
POLICY = assessed(  # every case assessed (R10.4): only the renewal rule speaks here
    PolicyState(
        TAXONOMY,
        REGISTER,
        frozenset({"customer_contact"}),
        SYSTEMS,
        policy_version="2",
        renewals={PURPOSE: (DUE,)},
    )
)


def consent(
    version: str = "1",
    kind: ConsentKind = ConsentKind.GENERAL,
    *,
    purpose: str = PURPOSE,
    granted: datetime = T0 - 100 * DAY,
    withdrawn: datetime | None = None,
    cid: str = "c-1",
) -> Consent:
    return Consent(
        cid, SUB, purpose, kind, granted, Channel.WEB, version, "0" * 64, "x", None, withdrawn
    )


def subject(*consents: Consent) -> SubjectState:
    collected = dict.fromkeys((EMAIL, NAME, BANK), frozenset(REGISTER.rules))
    return SubjectState(SUB, adult_on=date(1980, 1, 1), collected_for=collected, consents=consents)


def ask(
    at: datetime,
    *cats: str,
    purpose: str = PURPOSE,
    system: str | None = None,
) -> AccessRequest:
    return AccessRequest(STAFF, Action.READ, SUB, purpose, frozenset(cats or (EMAIL,)), at, system)


def codes(req: AccessRequest, sub: SubjectState, pol: PolicyState = POLICY) -> list[str]:
    return [r.code for r in decide(req, pol, sub, decision_id="d").reasons]


# -- the rule: a decision table ---------------------------------------------------------------


@pytest.mark.req("R2.4")
@pytest.mark.req("R8.1")
def test_an_unrenewed_consent_counts_until_the_grace_period_ends_and_lapses_at_its_edge() -> None:
    old = subject(consent("1"))
    just_before = LAPSES - timedelta(microseconds=1)
    assert codes(ask(just_before), old) == ["allowed"]
    d = decide(ask(LAPSES, EMAIL, NAME), POLICY, old, decision_id="d")
    assert d.outcome == "denied"
    [r] = d.reasons
    assert r.code == "consent_lapsed_policy_change"
    assert r.categories == (EMAIL, NAME)
    assert "version 2" in r.en and PURPOSE in r.en and "2026-03-31" in r.en
    assert "第 2 版" in r.zh and PURPOSE in r.zh


@pytest.mark.req("R2.4")
def test_a_renewed_consent_stands_and_a_withdrawn_one_is_no_consent_at_all() -> None:
    renewed = subject(consent("1"), consent("2", granted=T0 + DAY, cid="c-2"))
    assert codes(ask(LAPSES + DAY), renewed) == ["allowed"]
    declined = subject(consent("1", withdrawn=T0 + 2 * DAY))
    # declining withdrew it: what refuses is the missing consent, not a lapse
    assert codes(ask(LAPSES + DAY), declined) == ["consent_required"]


@pytest.mark.req("R2.4")
def test_a_consent_given_under_the_new_version_needs_no_renewal() -> None:
    assert codes(ask(LAPSES + DAY), subject(consent("2", granted=T0 + DAY))) == ["allowed"]


@pytest.mark.req("R2.4")
def test_other_purposes_are_untouched_by_a_change_to_one() -> None:
    other = subject(consent("1", purpose="service_improvement"))
    req = ask(LAPSES + DAY, "user.device.ip_address", purpose="service_improvement")
    assert codes(req, other) == ["allowed"]


@pytest.mark.req("R2.4")
def test_a_stale_separate_sensitive_consent_refuses_only_the_sensitive_categories() -> None:
    pol = replace(
        POLICY,
        renewals={
            "order_fulfilment": (RenewalDue("order_fulfilment", "2", LAPSES, frozenset({"1"})),)
        },
    )
    held = subject(
        consent("2", purpose="order_fulfilment", granted=T0 + DAY),
        consent("1", ConsentKind.SENSITIVE, purpose="order_fulfilment", cid="c-s"),
    )
    req = ask(LAPSES, NAME, BANK, purpose="order_fulfilment")
    d = decide(req, pol, held, decision_id="d")
    assert d.outcome == "partly_allowed"
    assert d.allowed == frozenset({NAME})
    assert [r.code for r in d.reasons] == ["partly_allowed", "consent_lapsed_policy_change"]
    assert d.reasons[1].categories == (BANK,)


@pytest.mark.req("R2.4")
def test_a_stale_transfer_consent_refuses_only_a_transfer_abroad() -> None:
    held = subject(
        consent("2", granted=T0 + DAY),
        consent("1", ConsentKind.TRANSFER_ABROAD, cid="c-t"),
    )
    assert codes(ask(LAPSES, system="erp"), held) == ["allowed"]
    assert codes(ask(LAPSES, system="crm_de"), held) == ["consent_lapsed_policy_change"]


@pytest.mark.req("R2.4")
def test_the_lapse_is_lifted_like_every_consent_refusal_by_a_legal_exception_only() -> None:
    verdicts = list(consent_renewed(ask(LAPSES), POLICY, subject(consent("1"))))
    assert [v.liftable for v in verdicts] == [True]


@pytest.mark.req("R8.1")
def test_renewals_follow_the_versions_in_order_from_the_effective_date() -> None:
    v1 = PolicyVersion("1", T0 - 400 * DAY, "a", "one")
    v2 = PolicyVersion(
        "2", T0, "b", "two", "二", date(2026, 3, 10), material=True, renewal=(PURPOSE,)
    )
    v3 = PolicyVersion("3", T0 + 20 * DAY, "c", "three", "三")  # a typo fix: no renewal
    dues = renewal_dues([v1, v2, v3], 30)
    assert dues == {
        PURPOSE: (RenewalDue(PURPOSE, "2", datetime(2026, 4, 9, tzinfo=UTC), frozenset({"1"})),)
    }
    # an effective date before publication counts from publication
    v2_past = PolicyVersion("2", T0, "b", "two", "二", date(2026, 1, 1), renewal=(PURPOSE,))
    assert renewal_dues([v1, v2_past], 1)[PURPOSE][0].lapses_at == T0 + DAY


@pytest.mark.req("R2.4")
def test_a_notice_asks_to_renew_only_consents_in_force_given_under_an_older_version() -> None:
    now = T0 + DAY
    held = [
        consent("1"),
        consent("1", purpose="service_improvement", withdrawn=T0, cid="c-w"),
        consent("2", purpose="order_fulfilment", cid="c-new"),
    ]
    purposes = (PURPOSE, "service_improvement", "order_fulfilment")
    assert to_renew(held, purposes, frozenset({"1"}), now) == (PURPOSE,)
    held.append(consent("2", granted=T0, cid="c-2"))  # renewed already
    assert to_renew(held, purposes, frozenset({"1"}), now) == ()


# -- a property over generated consents and instants -------------------------------------------

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)
offsets = st.integers(-5, 5).map(lambda d: LAPSES + timedelta(days=d))
consents_st = st.lists(
    st.builds(
        consent,
        st.sampled_from(["1", "2"]),
        st.sampled_from([ConsentKind.GENERAL, ConsentKind.SENSITIVE]),
        purpose=st.sampled_from([PURPOSE, "service_improvement"]),
        granted=st.integers(-200, 10).map(lambda d: T0 + timedelta(days=d)),
        withdrawn=st.one_of(st.none(), st.integers(-10, 50).map(lambda d: T0 + timedelta(days=d))),
        cid=st.uuids().map(str),
    ),
    max_size=5,
)


@pytest.mark.req("R2.4")
@pytest.mark.req("R8.1")
@PROPERTY
@given(consents_st, offsets)
def test_property_a_lapse_refuses_exactly_when_every_general_consent_in_force_is_stale(
    held: list[Consent], at: datetime
) -> None:
    sub = subject(*held)
    d = decide(ask(at, EMAIL), POLICY, sub, decision_id="d")
    general = [
        c
        for c in held
        if c.purpose == PURPOSE
        and c.kind is ConsentKind.GENERAL
        and c.granted_at <= at
        and (c.withdrawn_at is None or at < c.withdrawn_at)
    ]
    lapsed = at >= LAPSES and bool(general) and all(c.policy_version == "1" for c in general)
    got = [r.code for r in d.reasons]
    assert ("consent_lapsed_policy_change" in got) == lapsed
    # and never before the edge, never for a consent given under the new version
    if at < LAPSES or any(c.policy_version == "2" for c in general):
        assert "consent_lapsed_policy_change" not in got
    if not general:
        assert got == ["consent_required"]
    # a policy without renewals never gives the code
    plain = decide(
        ask(at, EMAIL), POLICY.__class__(TAXONOMY, REGISTER, frozenset()), sub, decision_id="d"
    )
    assert "consent_lapsed_policy_change" not in [r.code for r in plain.reasons]


# -- the edge rules of a new version ---------------------------------------------------------

GOOD = {
    "text_en": "1. One\nText",
    "text_zh": "一、第一\n正文",
    "effective_on": date(2026, 3, 2),
    "summary_en": "Adds a purpose",
    "summary_zh": "新增目的",
    "material": True,
    "changes": ["purposes"],
    "purposes": [PURPOSE, PURPOSE, " "],
    "today": date(2026, 3, 1),
}


@pytest.mark.req("R8.1")
def test_a_material_draft_says_what_it_changes() -> None:
    assert check_draft(**GOOD) == ((ChangeKind.PURPOSES,), (PURPOSE,))  # type: ignore[arg-type]


@pytest.mark.req("R8.1")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text_zh": "  "}, "text_zh"),
        ({"text_en": ""}, "text_en"),
        ({"summary_en": ""}, "summary_en"),
        ({"summary_zh": "x" * 4001}, "summary_zh"),
        ({"effective_on": date(2026, 2, 28)}, "effective_on"),
        ({"changes": []}, "changes"),
        ({"changes": ["colour"]}, "changes"),
        ({"material": False}, "material"),
    ],
)
def test_a_draft_that_breaks_a_rule_names_its_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        check_draft(**{**GOOD, **change})  # type: ignore[arg-type]
    assert e.value.field == field


@pytest.mark.req("R8.1")
def test_a_typo_fix_changes_nothing_and_the_next_number_follows_the_highest() -> None:
    typo = {**GOOD, "material": False, "changes": [], "purposes": []}
    assert check_draft(**typo) == ((), ())  # type: ignore[arg-type]
    assert next_version([]) == "1"
    assert next_version(["1", "2", "10", "draft"]) == "11"


# -- sections and the diff --------------------------------------------------------------------

OLD = """Privacy policy

1. Introduction

We respect your privacy.

2. Collection

We collect your name.
We collect your email.

3. Sharing

We share nothing.
"""

NEW = """Privacy policy

1. Introduction

We respect your privacy.

2. Collection

We collect your name.
We collect your phone number.

4. Transfers abroad

Some data goes to Germany.
"""


@pytest.mark.req("R8.1")
def test_sections_follow_the_headings_in_english_and_chinese() -> None:
    assert [(s.key, s.title) for s in sections(OLD)] == [
        ("", ""),
        ("1", "1. Introduction"),
        ("2", "2. Collection"),
        ("3", "3. Sharing"),
    ]
    zh = "隐私政策\n一、概述\n正文\n二、收集\n正文二\n第三条 共享\n正文三\n"
    assert [s.key for s in sections(zh)] == ["", "一", "二", "三"]


@pytest.mark.req("R8.1")
def test_the_diff_says_per_section_what_changed_was_added_or_removed() -> None:
    diff = diff_texts(OLD, NEW)
    assert [(d.key, d.change) for d in diff] == [
        ("", SectionChange.SAME),
        ("1", SectionChange.SAME),
        ("2", SectionChange.CHANGED),
        ("4", SectionChange.ADDED),
        ("3", SectionChange.REMOVED),
    ]
    changed = diff[2]
    assert ("-", "We collect your email.") in changed.lines
    assert ("+", "We collect your phone number.") in changed.lines
    assert (" ", "We collect your name.") in changed.lines
    assert ("+", "Some data goes to Germany.") in diff[3].lines
    assert all(op == "-" for op, _ in diff[4].lines)
    # against nothing (the first version, or no Chinese text before), all is added
    assert {d.change for d in diff_texts(None, NEW)} == {SectionChange.ADDED}
