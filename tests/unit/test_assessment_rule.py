"""The impact-assessment rule of the decision point and the assessment domain (R10.4; PIPL
Art. 55–56, GB/T 39335-2020): a decision table — one case per situation that needs an
assessment (sensitive data, entrusting, providing, a recipient or a system abroad, a case an
officer designated), what covers it (case, purpose, category subtree, recipient, system) and
what does not; where it does not apply (the company's legal duties, the person's own request,
an authority); the reason code in both languages; a hypothesis property — never processing in
a case needing an assessment without an approved one covering it — with the oracle restated
from the law's words; the risk matrix, the three years kept, and the duties by headcount at
their edges (CAC Measures of 2025, Art. 4–5). Pure: domain objects, fixed times."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import RULE_REASONS, RULES
from piiguard.domain.assessments.duties import ComplianceAudit, check_audit, duties
from piiguard.domain.assessments.model import (
    QUESTION_KEYS,
    Assessment,
    Case,
    Level,
    Scope,
    Status,
    check_answers,
    check_scope,
    expect,
    not_author,
    risk_of,
)
from piiguard.domain.assessments.review import changed_since_approval, fingerprints
from piiguard.domain.assessments.rule import (
    AssessmentIndex,
    Coverage,
    assessed_before_processing,
)
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.sharing.register import Recipient, RecipientKind
from piiguard.domain.taxonomy import Taxonomy
from tests.unit.test_access_properties import PROPERTY
from tests.unit.test_access_rules import SYSTEMS, consent
from tests.unit.test_sharing_rules import recipient

pytestmark = pytest.mark.req("R10.4")

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TAXONOMY = Taxonomy.default()
REGISTER = PurposeRegister.of(1, seed_purposes())
OFFICER = Actor("po-1", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
EMAIL, BANK, PLATE = "user.contact.email", "user.financial.bank_account", "user.name"
RECIPIENTS: dict[str, Recipient] = {
    r.key: r
    for r in (
        recipient("acme-de"),
        recipient("acme-cn", country="CN"),
        recipient("proc-cn", kind=RecipientKind.PROCESSOR, country="CN"),
        recipient("police", kind=RecipientKind.AUTHORITY, country="CN"),
    )
}
BASE = PolicyState(
    TAXONOMY, REGISTER, frozenset({"customer_contact"}), SYSTEMS, recipients=RECIPIENTS
)
ADULT = SubjectState("sub-1", adult_on=date(1990, 1, 1))


def ask(
    purpose: str = "order_fulfilment",
    *cats: str,
    recipient: str | None = None,
    system: str | None = None,
    rights: str | None = None,
    exception: str | None = None,
) -> AccessRequest:
    return AccessRequest(
        OFFICER,
        Action.SHARE if recipient else Action.USE,
        "sub-1",
        purpose,
        frozenset(cats or (EMAIL,)),
        T0,
        target_system=system,
        recipient=recipient,
        rights_request_id=rights,
        exception_id=exception,
    )


def covered(*scopes: Scope, designated: tuple[tuple[str, Case], ...] = ()) -> PolicyState:
    cov = [Coverage(f"a-{i}", s) for i, s in enumerate(scopes)]
    return replace(BASE, assessments=AssessmentIndex.of(cov, designated))


def scope(
    *cases: Case,
    purposes: tuple[str, ...] = ("order_fulfilment",),
    cats: tuple[str, ...] = ("user",),
    recipients: tuple[str, ...] = (),
    systems: tuple[str, ...] = (),
) -> Scope:
    return Scope(
        frozenset(cases),
        frozenset(purposes),
        frozenset(cats),
        frozenset(recipients),
        frozenset(systems),
    )


def refused(req: AccessRequest, pol: PolicyState = BASE) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for v in assessed_before_processing(req, pol, ADULT):
        assert v.reason.code == "impact_assessment_missing" and not v.liftable
        assert v.reason.en.strip() and v.reason.zh.strip() and "第五十五条" in v.reason.zh
        out |= v.refused
    return out


def test_the_rule_is_last_and_names_its_code() -> None:
    assert RULES[-1] is assessed_before_processing
    assert RULE_REASONS["assessed_before_processing"] == ("impact_assessment_missing",)
    assert list(RULE_REASONS)[-1] == "assessed_before_processing"


# -- the cases of PIPL Art. 55 and what covers them --------------------------------------------
@pytest.mark.parametrize(
    ("req", "needed", "cover", "refuses"),
    [
        # (1) sensitive data: only the sensitive categories; ordinary ones pass
        (ask("order_fulfilment", EMAIL, BANK), "sensitive", scope(), {BANK}),
        (ask("order_fulfilment", EMAIL), None, None, set()),
        # a category covers its subtree; a sibling subtree does not
        (ask("order_fulfilment", BANK), "sensitive", scope(cats=("user.financial",)), {BANK}),
        # (3) entrusting (a processor) and providing (anyone else but an authority)
        (
            ask("after_sales", recipient="proc-cn"),
            "entrust",
            scope(recipients=("proc-cn",)),
            {EMAIL},
        ),
        (
            ask("after_sales", recipient="acme-cn"),
            "provide",
            scope(recipients=("acme-cn",)),
            {EMAIL},
        ),
        (ask("after_sales", recipient="police"), None, None, set()),
        # (4) abroad: a recipient abroad (provided and transferred), a system abroad
        (
            ask("after_sales", recipient="acme-de"),
            "provide+abroad",
            scope(recipients=("acme-de",)),
            {EMAIL},
        ),
        (
            ask("after_sales", system="crm_de"),
            "transfer_abroad",
            scope(systems=("crm_de",)),
            {EMAIL},
        ),
        (ask("after_sales", system="erp"), None, None, set()),
    ],
)
def test_each_case_needs_an_assessment_covering_it(
    req: AccessRequest, needed: str | None, cover: Scope | None, refuses: set[str]
) -> None:
    assert refused(req) == refuses
    if needed is None:
        return
    cases = {
        "sensitive": (Case.SENSITIVE,),
        "entrust": (Case.ENTRUST,),
        "provide": (Case.PROVIDE,),
        "provide+abroad": (Case.PROVIDE, Case.TRANSFER_ABROAD),
        "transfer_abroad": (Case.TRANSFER_ABROAD,),
    }[needed]
    assert cover is not None
    purpose_of = replace(cover, purposes=frozenset({req.purpose}))
    ok = replace(purpose_of, cases=frozenset(cases))
    if needed == "sensitive" and cover.categories == {"user.financial"}:
        assert refused(req, covered(ok)) == set()
        wrong_subtree = replace(ok, categories=frozenset({"user.health_and_medical"}))
        assert refused(req, covered(wrong_subtree)) == {BANK}
        return
    assert refused(req, covered(ok)) == set()
    # the wrong case, another purpose, another recipient or system: still refused
    bads = [
        replace(ok, cases=frozenset({Case.OTHER})),
        replace(ok, purposes=frozenset({"business_negotiation"})),
        replace(ok, categories=frozenset({"user.device"})),
    ]
    if needed != "sensitive":  # a share or a transfer: the recipient or system is named
        bads.append(replace(ok, recipients=frozenset({"other"}), systems=frozenset({"other"})))
    for bad in bads:
        assert refused(req, covered(bad)) == refuses, bad
    if len(cases) == 2:  # both cases needed: one of them is not enough
        assert refused(req, covered(replace(ok, cases=frozenset({Case.PROVIDE})))) == refuses


def test_two_assessments_may_cover_a_request_between_them() -> None:
    req = ask("order_fulfilment", BANK, "user.government_id.vehicle_registration")
    half = scope(Case.SENSITIVE, cats=("user.financial",))
    other = scope(Case.SENSITIVE, cats=("user.government_id",))
    assert refused(req, covered(half)) == {"user.government_id.vehicle_registration"}
    assert refused(req, covered(half, other)) == set()


def test_a_case_an_officer_designated_refuses_every_category_of_the_purpose() -> None:
    req = ask("consultation_recommendation", EMAIL)
    designated = (("consultation_recommendation", Case.AUTOMATED_DECISION),)
    assert refused(req, covered(designated=designated)) == {EMAIL}
    ok = scope(Case.AUTOMATED_DECISION, purposes=("consultation_recommendation",))
    assert refused(req, covered(ok, designated=designated)) == set()
    assert refused(ask("after_sales", EMAIL), covered(designated=designated)) == set()


def test_where_the_rule_does_not_apply() -> None:
    # the company's legal duties (legal_compliance), the person's own request, an authority,
    # an unknown purpose (purpose_unknown says it), credentials (never disclosed anyway)
    assert refused(ask("legal_compliance", BANK)) == set()
    assert refused(ask("legal_compliance", BANK, rights="req-1")) == set()
    assert refused(ask("after_sales", recipient="police")) == set()
    assert refused(ask("marketing_blast", BANK)) == set()
    assert refused(ask("order_fulfilment", "user.authorization.credentials.password")) == set()
    # but an officer can bring legal_compliance under it by designating a case
    designated = (("legal_compliance", Case.OTHER),)
    assert refused(ask("legal_compliance", BANK), covered(designated=designated)) == {BANK}


def test_a_legal_exception_does_not_stand_in_for_an_assessment() -> None:
    ex = LegalException(
        "ex-1", ExceptionKind.CRIMINAL_JUSTICE, "court", "case-1", "Art. 13(3)",
        frozenset({"sub-1"}), frozenset({"user"}), T0 - timedelta(days=1), T0 + timedelta(days=1),
        "po-1", "po-2", T0 - timedelta(days=1),
    )  # fmt: skip
    pol = replace(BASE, legal_exceptions={"ex-1": ex})
    sub = replace(ADULT, consents=(consent(ConsentKind.SENSITIVE), consent()))
    d = decide(ask("order_fulfilment", BANK, exception="ex-1"), pol, sub, decision_id="d")
    assert BANK not in d.allowed
    assert "impact_assessment_missing" in [r.code for r in d.reasons]


# -- the property -----------------------------------------------------------------------------
PURPOSES = sorted(REGISTER.rules)
CATS = [EMAIL, BANK, "user.health_and_medical", "user.government_id.vehicle_registration",
        "user.name", "user.device.ip_address"]  # fmt: skip
SCOPE_CATS = ["user", "user.financial", "user.contact", "user.health_and_medical", "user.name"]
scopes = st.builds(
    Scope,
    st.frozensets(st.sampled_from(Case), min_size=1),
    st.frozensets(st.sampled_from(PURPOSES), min_size=1, max_size=3),
    st.frozensets(st.sampled_from(SCOPE_CATS), min_size=1, max_size=2),
    st.frozensets(st.sampled_from(sorted(RECIPIENTS)), max_size=2),
    st.frozensets(st.sampled_from(sorted(SYSTEMS)), max_size=2),
)
requests = st.builds(
    ask,
    st.sampled_from(PURPOSES),
    st.sampled_from(CATS),
    st.sampled_from(CATS),
    recipient=st.none() | st.sampled_from(sorted(RECIPIENTS)),
    system=st.none() | st.sampled_from(sorted(SYSTEMS)),
    rights=st.none() | st.just("req-1"),
)
DESIGNABLE = sorted({Case.AUTOMATED_DECISION, Case.DISCLOSE_PUBLIC, Case.OTHER})
designations = st.lists(
    st.tuples(st.sampled_from(PURPOSES), st.sampled_from(DESIGNABLE)), max_size=2
)


def _covers(
    s: Scope, case: Case, purpose: str, cat: str, rcp: str | None, system: str | None
) -> bool:
    return (
        case in s.cases
        and purpose in s.purposes
        and any(cat == k or cat.startswith(k + ".") for k in s.categories)
        and (rcp is None or rcp in s.recipients)
        and (system is None or system in s.systems)
    )


def _oracle_needs(
    req: AccessRequest, designated: list[tuple[str, Case]], cat: str
) -> list[tuple[Case, str | None, str | None]]:
    """PIPL Art. 55 restated for one category, from the request's facts alone."""
    if req.rights_request_id and req.purpose == "legal_compliance":
        return []
    needs: list[tuple[Case, str | None, str | None]] = []
    c = TAXONOMY.get(cat)
    if c.sensitive and not c.credential and req.purpose != "legal_compliance":
        needs.append((Case.SENSITIVE, None, None))
    needs += [(k, None, None) for p, k in designated if p == req.purpose]
    r = RECIPIENTS.get(req.recipient or "")
    if r is not None and r.kind is not RecipientKind.AUTHORITY:
        needs.append(
            (Case.ENTRUST if r.kind is RecipientKind.PROCESSOR else Case.PROVIDE, r.key, None)
        )
        if r.country != "CN":
            needs.append((Case.TRANSFER_ABROAD, r.key, None))
    s = SYSTEMS.get(req.target_system or "")
    if s is not None and s.region != "CN":
        needs.append((Case.TRANSFER_ABROAD, None, s.key))
    return needs


@st.composite
def situations(draw: st.DrawFn) -> tuple[AccessRequest, list[Scope], list[tuple[str, Case]]]:
    """A request, and assessments mostly about it — its purpose, the cases it falls in, a
    category just beside the one asked — so that near misses are common, not rare."""
    req = draw(requests)
    near = st.builds(
        Scope,
        st.frozensets(st.sampled_from(Case), min_size=1, max_size=3),
        st.just(frozenset({req.purpose})) | st.frozensets(st.sampled_from(PURPOSES), min_size=1),
        st.frozensets(st.sampled_from(SCOPE_CATS), min_size=1, max_size=2),
        st.frozensets(st.sampled_from([req.recipient or "acme-de", "acme-cn"]), max_size=1),
        st.frozensets(st.sampled_from([req.target_system or "crm_de", "erp"]), max_size=1),
    )
    approved = draw(st.lists(near | scopes, max_size=3))
    return req, approved, draw(designations)


@PROPERTY
@given(situation=situations())
def test_never_processing_a_case_needing_an_assessment_without_one_covering_it(
    situation: tuple[AccessRequest, list[Scope], list[tuple[str, Case]]],
) -> None:
    req, approved, designated = situation
    pol = covered(*approved, designated=tuple(designated))
    kinds = (ConsentKind.GENERAL, ConsentKind.SENSITIVE, ConsentKind.TRANSFER_ABROAD)
    sub = replace(
        ADULT,
        consents=tuple(consent(k, p) for p in PURPOSES for k in kinds),
        collected_for=dict.fromkeys(CATS, frozenset(PURPOSES)),
    )
    rule_refused = refused(req, pol)
    d = decide(req, pol, sub, decision_id="d")
    for cat in req.categories:
        ok = all(
            any(_covers(s, case, req.purpose, cat, rcp, system) for s in approved)
            for case, rcp, system in _oracle_needs(req, designated, cat)
        )
        if REGISTER.active(req.purpose) is None:
            continue
        assert (cat not in rule_refused) == ok, (cat, req, approved, designated)
        if cat in d.allowed:
            assert ok


# -- the assessment itself: template, scope, risk, keeping --------------------------------------
def test_the_template_asks_what_article_56_and_gb_t_39335_ask() -> None:
    assert {"purpose", "means", "rights_impact", "security_risks", "measures"} <= set(QUESTION_KEYS)
    with pytest.raises(InvalidInput) as e:
        check_answers({"purpose": "x"}, complete=True)
    assert e.value.field == "answers.means"  # the API's field: not the purposes' (probe)
    with pytest.raises(InvalidInput) as e:
        check_answers({"nonsense": "x"}, complete=False)
    assert e.value.field == "answers"
    assert check_answers({"purpose": "  kept  ", "means": " "}, complete=False) == {
        "purpose": "kept"
    }


@pytest.mark.parametrize(
    ("s", "field"),
    [
        (scope(), "cases"),
        (replace(scope(Case.SENSITIVE), purposes=frozenset()), "purposes"),
        (replace(scope(Case.SENSITIVE), categories=frozenset()), "categories"),
        (scope(Case.PROVIDE), "recipients"),
        (scope(Case.TRANSFER_ABROAD), "systems"),
    ],
)
def test_a_scope_names_what_its_cases_need(s: Scope, field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        check_scope(s)
    assert e.value.field == field


@pytest.mark.parametrize(
    ("impact", "likelihood", "risk"),
    [
        (Level.LOW, Level.LOW, Level.LOW),
        (Level.LOW, Level.MEDIUM, Level.MEDIUM),
        (Level.HIGH, Level.LOW, Level.MEDIUM),
        (Level.HIGH, Level.HIGH, Level.HIGH),
        (Level.SEVERE, Level.MEDIUM, Level.HIGH),
        (Level.SEVERE, Level.SEVERE, Level.SEVERE),
    ],
)
def test_the_risk_follows_from_impact_and_likelihood(
    impact: Level, likelihood: Level, risk: Level
) -> None:
    assert risk_of(impact, likelihood) is risk


def _assessment(**kw: object) -> Assessment:
    base = Assessment(
        "a-1", "t", scope(Case.SENSITIVE), {}, Level.LOW, Level.LOW, Status.APPROVED, "po-1",
        datetime(2024, 2, 29, 12, tzinfo=UTC), decided_at=datetime(2024, 2, 29, 13, tzinfo=UTC),
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def test_kept_three_years_after_it_last_covered_anything() -> None:
    assert _assessment().keep_until() == date(2027, 2, 28)  # from 29 February
    later = datetime(2026, 5, 1, tzinfo=UTC)
    assert _assessment(status=Status.WITHDRAWN, withdrawn_at=later).keep_until() == date(2029, 5, 1)


def test_a_change_to_a_purpose_recipient_or_system_in_scope_makes_it_due_for_review() -> None:
    s = scope(Case.PROVIDE, recipients=("acme-de",))
    keys = ["purpose:order_fulfilment", "recipient:acme-de"]
    at_approval = fingerprints(keys, REGISTER, RECIPIENTS, SYSTEMS)
    a = _assessment(scope=s, fingerprints=at_approval)
    assert changed_since_approval(a, at_approval) == []
    widened = REGISTER.with_rule(
        replace(REGISTER.get("order_fulfilment"), categories=frozenset({"user"}))
    )
    now = fingerprints(keys, widened, RECIPIENTS, SYSTEMS)
    assert changed_since_approval(a, now) == ["purpose:order_fulfilment"]
    moved = {**RECIPIENTS, "acme-de": replace(RECIPIENTS["acme-de"], country="US")}
    assert changed_since_approval(a, fingerprints(keys, REGISTER, moved, SYSTEMS)) == [
        "recipient:acme-de"
    ]
    gone = {k: v for k, v in RECIPIENTS.items() if k != "acme-de"}
    assert changed_since_approval(a, fingerprints(keys, REGISTER, gone, SYSTEMS)) == [
        "recipient:acme-de"
    ]
    assert changed_since_approval(replace(a, status=Status.WITHDRAWN), now) == []


def test_four_eyes_and_status_checks_name_the_field() -> None:
    with pytest.raises(Forbidden) as e:
        not_author(_assessment(), "po-1", "approve")
    assert e.value.field == "assessment_id"
    not_author(_assessment(), "po-2", "approve")
    with pytest.raises(Conflict) as c:
        expect(_assessment(), Status.REVIEWED)
    assert c.value.field == "status"


# -- duties by headcount (R10.2; CAC Measures 2025 Art. 4-5, PIPL Art. 52) -----------------------
NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


def audit(on: date) -> ComplianceAudit:
    return ComplianceAudit("au-1", on, "Internal audit", "all processing", 3, False, "po", NOW)


@pytest.mark.req("R10.2")
@pytest.mark.parametrize(
    ("people", "mandatory", "officer"),
    [
        (0, False, False),
        (999_999, False, False),
        (1_000_000, False, True),  # "100万人以上": from one million
        (10_000_000, False, True),  # "超过1000万人": more than ten million
        (10_000_001, True, True),
    ],
)
def test_the_duties_at_the_thresholds(people: int, mandatory: bool, officer: bool) -> None:
    d = duties(people, [], 2, NOW)
    assert (d.audit_mandatory, d.officer_required, d.officers) == (mandatory, officer, 2)
    assert d.next_audit_due == NOW.date() and d.audit_overdue  # none recorded: due now


@pytest.mark.req("R10.2")
def test_the_next_audit_is_due_two_years_after_the_last() -> None:
    d = duties(20_000_000, [audit(date(2025, 12, 6)), audit(date(2024, 12, 31))], 1, NOW)
    assert d.last_audit is not None and d.last_audit.audited_on == date(2025, 12, 6)
    assert d.next_audit_due == date(2027, 12, 6) and not d.audit_overdue
    late = duties(20_000_000, [audit(date(2024, 12, 5))], 1, NOW)
    assert late.next_audit_due == date(2026, 12, 5) and late.audit_overdue
    on_the_day = duties(20_000_000, [audit(date(2024, 12, 6))], 1, NOW)
    assert not on_the_day.audit_overdue


@pytest.mark.req("R10.2")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"audited_on": date(2026, 12, 7)}, "audited_on"),
        ({"auditor": " "}, "auditor"),
        ({"scope": ""}, "scope"),
        ({"findings": -1}, "findings"),
    ],
)
def test_an_audit_record_is_checked(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        check_audit(replace(audit(date(2026, 1, 1)), **change), NOW.date())  # type: ignore[arg-type]
    assert e.value.field == field
