"""The decision point's rules as a decision table (R2.4, R2.5, R5.6, R6.1, R6.2): one case (or
a small group) per reason code, each asserting the exact code, that it explains itself in
English and Chinese, which categories it concerns, and what stays allowed. Also the purpose
register (R2.3), the finding lifecycle (R2.7) and the date a child becomes an adult.

Everything here is pure: domain objects built directly, fixed UTC times, no database.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from piiguard.domain.access import ALLOWED, AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import RULE_REASONS, RULES
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
    adult_on,
)
from piiguard.domain.decisions import (
    Action,
    Actor,
    ActorKind,
    Decision,
    Reason,
    RecordedDecision,
    Scope,
    seal_message,
)
from piiguard.domain.errors import Conflict, InvalidInput, NotFound, UnknownCategory
from piiguard.domain.policy.datamap import (
    Approval,
    Export,
    Finding,
    FindingStatus,
    System,
    move_finding,
)
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.purposes import POLICY_PURPOSES, PURPOSE_KEYS
from piiguard.domain.policy.register import (
    PurposeRegister,
    PurposeRule,
    check_purpose,
    seed_purposes,
)
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.domain.taxonomy import Taxonomy
from tests.assessed import assessed

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
SUB = "sub-1"

EMAIL = "user.contact.email"
PHONE = "user.contact.phone_number"
NAME = "user.name"
BANK = "user.financial.bank_account"  # sensitive, registered for order_fulfilment
IP = "user.device.ip_address"  # ordinary, not registered for order_fulfilment
HEALTH = "user.health_and_medical"
PASSWORD = "user.authorization.credentials.password"
CREDENTIALS = "user.authorization.credentials"

TAXONOMY = Taxonomy.default()
REGISTER = PurposeRegister.of(1, seed_purposes())
ALL_PURPOSES = frozenset(REGISTER.rules)

STAFF = Actor("staff-1", ActorKind.STAFF, frozenset({"staff"}))
OFFICER = Actor("po-9", ActorKind.STAFF, frozenset({"privacy_officer"}))
ERP = Actor("erp", ActorKind.SYSTEM, frozenset({"system"}))


def _system(
    key: str,
    region: str = "CN",
    status: Approval = Approval.APPROVED,
    cloud: str | None = None,
    cloud_ok: bool = False,
) -> System:
    return System(key, key.upper(), "it-team", "erp", region, status, cloud, cloud_ok)


SYSTEMS = {
    s.key: s
    for s in (
        _system("erp"),
        _system("crm_de", region="DE"),
        _system("pending", status=Approval.PENDING),
        _system("retired", status=Approval.RETIRED),
        _system("cloud_unapproved", cloud="acme-cloud", cloud_ok=False),
        _system("cloud_approved", cloud="acme-cloud", cloud_ok=True),
    )
}

POLICY = PolicyState(TAXONOMY, REGISTER, frozenset({"customer_contact"}), SYSTEMS)

# Everything this subject holds was declared at collection for every purpose, so that a
# case only meets the rule it is about.
COLLECTED = dict.fromkeys((EMAIL, PHONE, NAME, BANK, IP, HEALTH, PASSWORD), ALL_PURPOSES)
ADULT = SubjectState(SUB, adult_on=date(1990, 1, 1), collected_for=COLLECTED)


def consent(
    kind: ConsentKind = ConsentKind.GENERAL,
    purpose: str = "order_fulfilment",
    *,
    granted: datetime = T0 - 10 * DAY,
    withdrawn: datetime | None = None,
    given_by: str | None = None,
    cid: str = "c-1",
) -> Consent:
    return Consent(
        cid,
        SUB,
        purpose,
        kind,
        granted,
        Channel.WEB,
        "2025-01",
        "0" * 64,
        "staff-1",
        given_by,
        withdrawn,
    )


def ask(
    purpose: str = "order_fulfilment",
    *cats: str,
    actor: Actor = STAFF,
    at: datetime = T0,
    system: str | None = None,
    exception: str | None = None,
) -> AccessRequest:
    return AccessRequest(
        actor, Action.READ, SUB, purpose, frozenset(cats or (EMAIL,)), at, system, exception
    )


def run(req: AccessRequest, sub: SubjectState = ADULT, pol: PolicyState = POLICY) -> Decision:
    # every case assessed (R10.4): its own rule's tests are tests/unit/test_assessment_rule.py
    return decide(req, assessed(pol), sub, decision_id="d-1")


def codes(d: Decision) -> list[str]:
    return [r.code for r in d.reasons]


def explained(r: Reason) -> Reason:
    assert r.code and r.en.strip() and r.zh.strip(), r
    return r


def rule_reasons(d: Decision) -> tuple[Reason, ...]:
    """The reasons after the summary a partly allowed decision opens with, which names what
    was allowed and what refused in both languages."""
    if d.outcome != "partly_allowed":
        assert "partly_allowed" not in codes(d)
        return d.reasons
    summary = explained(d.reasons[0])
    assert summary.code == "partly_allowed"
    assert summary.categories == tuple(sorted(d.refused))
    for cat in d.requested:
        assert cat in summary.en and cat in summary.zh
    return d.reasons[1:]


def only(d: Decision, code: str, cats: tuple[str, ...] = ()) -> Reason:
    """The decision gives exactly one reason, `code`, concerning `cats` (() = all asked) —
    after the summary when it allowed the other categories."""
    [r] = rule_reasons(d)
    assert r.code == code
    explained(r)
    assert r.categories == tuple(sorted(cats))
    return r


def assert_allowed(d: Decision, *cats: str) -> None:
    assert d.allowed == frozenset(cats)
    assert d.reasons == (ALLOWED,)
    assert d.outcome == "allowed"


# -- the baseline: nothing to refuse ----------------------------------------------------------
@pytest.mark.req("R2.4")
def test_declared_purpose_with_nothing_against_it_is_allowed() -> None:
    d = run(ask("order_fulfilment", EMAIL, PHONE))
    assert_allowed(d, EMAIL, PHONE)
    explained(d.reasons[0])
    assert d.requested == frozenset({EMAIL, PHONE})
    assert (d.id, d.at, d.actor, d.action, d.subject_id, d.purpose) == (
        "d-1",
        T0,
        STAFF,
        Action.READ,
        SUB,
        "order_fulfilment",
    )
    assert d.obligations == ()
    assert (d.target_system, d.exception_id) == (None, None)


# The reason codes of docs/purpose-limitation.md, each with its cases below.
REFUSALS = {
    "purpose_unknown",
    "role_not_allowed_for_purpose",
    "category_not_allowed_for_purpose",
    "credential_not_readable",
    "system_not_approved",
    "transfer_abroad_without_consent",
    "processing_restricted",
    "processing_objected",
    "child_without_guardian_consent",
    "purpose_not_declared_at_collection",
    "consent_required",
    "sensitive_without_separate_consent",
    # sharing (tests/unit/test_sharing_rules.py)
    "recipient_not_active",
    "no_agreement_in_force",
    "no_minimisation_profile",
    "category_outside_profile",
    "share_abroad_without_consent",
    "authority_without_legal_request",
    "outside_legal_demand",
    "transfer_count_unknown",
    "transfer_mechanism_missing",
    "abroad_notice_not_sent",
    "purpose_outside_actor_scope",
    "category_outside_actor_scope",
    "consent_lapsed_policy_change",
    # impact assessments (tests/unit/test_assessment_rule.py)
    "impact_assessment_missing",
}


@pytest.mark.req("R2.4")
def test_explain_knows_every_rule_and_every_refusal_code() -> None:
    # `piiguard explain` walks RULES and names each rule's codes from RULE_REASONS
    assert [r.__name__ for r in RULES] == list(RULE_REASONS)
    codes_given = [c for cs in RULE_REASONS.values() for c in cs]
    assert len(codes_given) == len(set(codes_given))
    assert set(codes_given) == REFUSALS


# -- purpose_unknown --------------------------------------------------------------------------
@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
def test_purpose_not_in_the_register_refuses_everything() -> None:
    d = run(ask("marketing_blast", EMAIL, PHONE))
    r = only(d, "purpose_unknown")
    assert "marketing_blast" in r.en and "marketing_blast" in r.zh
    assert d.allowed == frozenset()
    assert d.outcome == "denied"


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
def test_inactive_purpose_refuses_everything_and_active_ones_stay_allowed() -> None:
    pol = replace(POLICY, register=REGISTER.deactivated("after_sales"))
    only(run(ask("after_sales", EMAIL), pol=pol), "purpose_unknown")
    assert_allowed(run(ask("order_fulfilment", EMAIL), pol=pol), EMAIL)


# -- purpose_outside_actor_scope, category_outside_actor_scope ---------------------------------
@pytest.mark.req("R2.10")
@pytest.mark.req("R2.4")
def test_a_scoped_api_key_is_held_to_its_purposes_and_categories() -> None:
    scoped = replace(ERP, scope=Scope(frozenset({"order_fulfilment"}), frozenset({"user.contact"})))
    # inside the scope: as for any system
    assert_allowed(run(ask("order_fulfilment", EMAIL, PHONE, actor=scoped)), EMAIL, PHONE)
    # another purpose the register would allow a system: refused for every category
    assert_allowed(run(ask("after_sales", EMAIL, actor=ERP)), EMAIL)
    r = only(run(ask("after_sales", EMAIL, actor=scoped)), "purpose_outside_actor_scope")
    assert "after_sales" in r.en
    # a category outside the key's subtree: refused for that category only
    d = run(ask("order_fulfilment", EMAIL, NAME, actor=scoped))
    assert d.allowed == frozenset({EMAIL})
    assert "category_outside_actor_scope" in codes(d)
    assert next(x for x in d.reasons if x.code == "category_outside_actor_scope").categories == (
        NAME,
    )
    # a scope on one axis only
    purposes_only = replace(ERP, scope=Scope(purposes=frozenset({"order_fulfilment"})))
    assert_allowed(run(ask("order_fulfilment", NAME, actor=purposes_only)), NAME)


# -- role_not_allowed_for_purpose -------------------------------------------------------------
@pytest.mark.req("R2.4")
@pytest.mark.req("R2.10")
def test_role_not_allowed_for_the_purpose() -> None:
    # legal_compliance is open to privacy officers and systems, not to ordinary staff
    r = only(run(ask("legal_compliance", EMAIL, PHONE)), "role_not_allowed_for_purpose")
    assert "legal_compliance" in r.en
    assert_allowed(run(ask("legal_compliance", EMAIL, PHONE, actor=OFFICER)), EMAIL, PHONE)
    assert_allowed(run(ask("legal_compliance", EMAIL, actor=ERP)), EMAIL)
    nobody = Actor("x", ActorKind.STAFF, frozenset())
    only(run(ask("order_fulfilment", EMAIL, actor=nobody)), "role_not_allowed_for_purpose")


# -- category_not_allowed_for_purpose ---------------------------------------------------------
@pytest.mark.req("R2.4")
@pytest.mark.req("R2.1")
def test_category_outside_the_purpose_is_refused_alone() -> None:
    d = run(ask("order_fulfilment", EMAIL, IP))
    only(d, "category_not_allowed_for_purpose", (IP,))
    assert d.allowed == frozenset({EMAIL})
    # not "allowed": a caller reading only the outcome must not miss the refusal (issue 11)
    assert (d.outcome, d.refused) == ("partly_allowed", frozenset({IP}))
    summary = d.reasons[0]
    assert summary.code == "partly_allowed" and summary.categories == (IP,)
    assert summary.en.startswith("Partly allowed") and summary.zh.startswith("部分允许")


@pytest.mark.req("R2.1")
@pytest.mark.req("R2.4")
def test_a_registered_category_allows_its_subtree_only() -> None:
    city = "user.contact.address.city"
    sub = replace(
        ADULT,
        collected_for={**COLLECTED, city: ALL_PURPOSES, "user.device.device_id": ALL_PURPOSES},
    )
    # important_notices registers user.contact.address: its children come with it
    assert_allowed(run(ask("important_notices", city), sub), city)
    # ... but not a sibling such as user.device.* (service_improvement has user.device)
    only(
        run(ask("important_notices", "user.device.device_id"), sub),
        "category_not_allowed_for_purpose",
        ("user.device.device_id",),
    )


# -- credential_not_readable ------------------------------------------------------------------
@pytest.mark.req("R5.5")
@pytest.mark.req("R2.4")
@pytest.mark.parametrize("purpose", sorted(ALL_PURPOSES))
@pytest.mark.parametrize(
    "actor",
    [
        STAFF,
        OFFICER,
        ERP,
        Actor("root", ActorKind.OPERATOR, frozenset({"staff", "privacy_officer", "system"})),
    ],
    ids=lambda a: a.id,
)
def test_no_actor_and_no_purpose_can_read_a_credential(purpose: str, actor: Actor) -> None:
    every = tuple(consent(k, purpose, cid=f"c-{k}") for k in ConsentKind)
    sub = replace(ADULT, consents=every)
    for cred in (PASSWORD, CREDENTIALS):
        d = run(ask(purpose, cred, actor=actor), sub)
        assert d.allowed == frozenset()
        assert "credential_not_readable" in codes(d)
        [r] = [r for r in d.reasons if r.code == "credential_not_readable"]
        assert explained(r).categories == (cred,)


@pytest.mark.req("R5.5")
def test_a_credential_alongside_other_data_refuses_only_the_credential() -> None:
    d = run(ask("legal_compliance", EMAIL, PASSWORD, actor=OFFICER))
    only(d, "credential_not_readable", (PASSWORD,))
    assert d.allowed == frozenset({EMAIL})


# -- system_not_approved ----------------------------------------------------------------------
@pytest.mark.req("R5.6")
@pytest.mark.req("R2.7")
@pytest.mark.parametrize("system", ["pending", "retired", "no_such_system", "cloud_unapproved"])
def test_data_never_flows_to_a_system_that_is_not_approved(system: str) -> None:
    d = run(ask("order_fulfilment", EMAIL, PHONE, system=system))
    r = only(d, "system_not_approved")
    assert system in r.en and system in r.zh
    assert d.target_system == system


@pytest.mark.req("R5.6")
@pytest.mark.parametrize("system", ["erp", "cloud_approved", None])
def test_approved_systems_and_no_target_are_allowed(system: str | None) -> None:
    assert_allowed(run(ask("order_fulfilment", EMAIL, system=system)), EMAIL)


# -- transfer_abroad_without_consent ----------------------------------------------------------
@pytest.mark.req("R5.6")
@pytest.mark.req("R7.1")
@pytest.mark.req("R2.4")
def test_system_outside_the_home_region_needs_a_transfer_abroad_consent() -> None:
    r = only(
        run(ask("order_fulfilment", EMAIL, system="crm_de")), "transfer_abroad_without_consent"
    )
    assert "DE" in r.en and "DE" in r.zh
    abroad = consent(ConsentKind.TRANSFER_ABROAD)
    assert_allowed(
        run(ask("order_fulfilment", EMAIL, system="crm_de"), replace(ADULT, consents=(abroad,))),
        EMAIL,
    )


@pytest.mark.req("R7.1")
@pytest.mark.req("R2.4")
@pytest.mark.parametrize(
    "given",
    [
        (consent(ConsentKind.GENERAL),),  # a general consent never implies transfer abroad
        (consent(ConsentKind.SENSITIVE),),
        (consent(ConsentKind.TRANSFER_ABROAD, "after_sales"),),  # to another purpose
        (consent(ConsentKind.TRANSFER_ABROAD, withdrawn=T0),),  # withdrawn
    ],
    ids=["general", "sensitive", "other-purpose", "withdrawn"],
)
def test_only_a_transfer_abroad_consent_to_this_purpose_counts(given: tuple[Consent, ...]) -> None:
    only(
        run(ask("order_fulfilment", EMAIL, system="crm_de"), replace(ADULT, consents=given)),
        "transfer_abroad_without_consent",
    )


@pytest.mark.req("R7.1")
def test_home_region_is_the_policys() -> None:
    pol = replace(POLICY, home_region="DE")
    assert_allowed(run(ask("order_fulfilment", EMAIL, system="crm_de"), pol=pol), EMAIL)
    only(
        run(ask("order_fulfilment", EMAIL, system="erp"), pol=pol),
        "transfer_abroad_without_consent",
    )


# -- processing_restricted / processing_objected ----------------------------------------------
def _restriction(
    kind: RestrictionKind,
    purpose: str | None,
    *,
    since: datetime = T0 - DAY,
    lifted: datetime | None = None,
) -> Restriction:
    return Restriction("r-1", SUB, kind, purpose, since, lifted)


@pytest.mark.req("R2.4")
@pytest.mark.parametrize("purpose", ["order_fulfilment", "after_sales", "important_notices"])
def test_a_restriction_for_all_purposes_refuses_each(purpose: str) -> None:
    sub = replace(ADULT, restrictions=(_restriction(RestrictionKind.RESTRICTION, None),))
    only(run(ask(purpose, EMAIL, PHONE), sub), "processing_restricted")


@pytest.mark.req("R2.4")
def test_an_objection_refuses_its_purpose_only() -> None:
    sub = replace(ADULT, restrictions=(_restriction(RestrictionKind.OBJECTION, "after_sales"),))
    r = only(run(ask("after_sales", EMAIL), sub), "processing_objected")
    assert "after_sales" in r.en
    assert_allowed(run(ask("order_fulfilment", EMAIL), sub), EMAIL)


@pytest.mark.req("R2.4")
def test_a_restriction_for_one_purpose_refuses_that_purpose_only() -> None:
    sub = replace(ADULT, restrictions=(_restriction(RestrictionKind.RESTRICTION, "after_sales"),))
    only(run(ask("after_sales", EMAIL), sub), "processing_restricted")
    assert_allowed(run(ask("order_fulfilment", EMAIL), sub), EMAIL)


@pytest.mark.req("R2.4")
@pytest.mark.parametrize("kind", list(RestrictionKind))
def test_lifted_or_future_restrictions_no_longer_apply(kind: RestrictionKind) -> None:
    lifted = _restriction(
        kind,
        None if kind is RestrictionKind.RESTRICTION else "after_sales",
        since=T0 - 5 * DAY,
        lifted=T0,
    )
    assert_allowed(run(ask("after_sales", EMAIL), replace(ADULT, restrictions=(lifted,))), EMAIL)
    # in force up to the moment it is lifted
    sub = replace(ADULT, restrictions=(lifted,))
    assert run(ask("after_sales", EMAIL, at=T0 - timedelta(seconds=1)), sub).allowed == set()
    later = _restriction(
        kind, None if kind is RestrictionKind.RESTRICTION else "after_sales", since=T0 + DAY
    )
    assert_allowed(run(ask("after_sales", EMAIL), replace(ADULT, restrictions=(later,))), EMAIL)


# -- child_without_guardian_consent -----------------------------------------------------------
def _link(guardian: str, *, verified: bool) -> GuardianLink:
    return GuardianLink(
        SUB, guardian, "staff-1" if verified else None, T0 - 30 * DAY if verified else None
    )


def _guardian_consent(
    guardian: str | None, purpose: str = "order_fulfilment", *, withdrawn: datetime | None = None
) -> Consent:
    return consent(
        ConsentKind.GUARDIAN, purpose, given_by=guardian, withdrawn=withdrawn, cid=f"gc-{guardian}"
    )


CHILD = replace(ADULT, declared_minor=True)
YOUNG = replace(ADULT, adult_on=T0.date() + DAY)  # reaches the age tomorrow


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
@pytest.mark.parametrize("sub", [CHILD, YOUNG], ids=["declared-minor", "adult-tomorrow"])
def test_a_child_without_guardian_consent_is_refused(sub: SubjectState) -> None:
    only(run(ask("order_fulfilment", EMAIL, PHONE), sub), "child_without_guardian_consent")


@pytest.mark.req("R6.1")
def test_a_person_is_an_adult_from_their_adult_on_date() -> None:
    on_the_day = replace(ADULT, adult_on=T0.date())
    assert not on_the_day.is_child(T0)
    assert not on_the_day.is_child(datetime(2025, 6, 1, 0, 0, tzinfo=UTC))
    assert on_the_day.is_child(datetime(2025, 5, 31, 23, 59, 59, tzinfo=UTC))
    assert_allowed(run(ask("order_fulfilment", EMAIL), on_the_day), EMAIL)
    assert not ADULT.is_child(T0)
    assert not replace(ADULT, adult_on=None).is_child(T0)  # no date of birth: not presumed


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
@pytest.mark.parametrize("sub", [CHILD, YOUNG], ids=["declared-minor", "adult-tomorrow"])
def test_consent_from_a_verified_guardian_lets_the_childs_data_be_used(sub: SubjectState) -> None:
    ok = replace(
        sub, guardians=(_link("g-1", verified=True),), consents=(_guardian_consent("g-1"),)
    )
    assert_allowed(run(ask("order_fulfilment", EMAIL, PHONE), ok), EMAIL, PHONE)


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
@pytest.mark.parametrize(
    ("links", "given"),
    [
        ((_link("g-1", verified=False),), (_guardian_consent("g-1"),)),  # link not verified
        ((), (_guardian_consent("g-1"),)),  # no link at all
        ((_link("g-1", verified=True),), (_guardian_consent("g-2"),)),  # someone else consented
        ((_link("g-1", verified=True),), (_guardian_consent(None),)),  # nobody named
        ((_link("g-1", verified=True),), (_guardian_consent("g-1", withdrawn=T0),)),  # withdrawn
        (
            (_link("g-1", verified=True),),
            (_guardian_consent("g-1", purpose="after_sales"),),
        ),  # to another purpose
        (
            (_link("g-1", verified=True),),
            (consent(ConsentKind.GENERAL, given_by="g-1"),),
        ),  # a general consent is not it
        ((_link("g-1", verified=True),), ()),  # verified guardian, no consent
    ],
    ids=[
        "unverified",
        "unlinked",
        "other-person",
        "anonymous",
        "withdrawn",
        "other-purpose",
        "general-kind",
        "none",
    ],
)
def test_guardian_consent_that_does_not_count(
    links: tuple[GuardianLink, ...], given: tuple[Consent, ...]
) -> None:
    sub = replace(CHILD, guardians=links, consents=given)
    only(run(ask("order_fulfilment", EMAIL), sub), "child_without_guardian_consent")


# -- purpose_not_declared_at_collection -------------------------------------------------------
@pytest.mark.req("R2.4")
def test_data_collected_for_other_purposes_is_refused_without_consent() -> None:
    sub = replace(
        ADULT,
        collected_for={
            EMAIL: frozenset({"order_fulfilment"}),
            PHONE: frozenset({"order_fulfilment", "after_sales"}),
        },
    )
    d = run(ask("after_sales", EMAIL, PHONE), sub)
    r = only(d, "purpose_not_declared_at_collection", (EMAIL,))
    assert "after_sales" in r.en
    assert d.allowed == frozenset({PHONE})
    # nothing declared at all (an item without collected_for)
    only(run(ask("after_sales", NAME), sub), "purpose_not_declared_at_collection", (NAME,))


@pytest.mark.req("R2.4")
def test_a_general_consent_to_the_purpose_lifts_undeclared_collection() -> None:
    sub = replace(ADULT, collected_for={EMAIL: frozenset({"order_fulfilment"})})
    given = replace(sub, consents=(consent(ConsentKind.GENERAL, "after_sales"),))
    assert_allowed(run(ask("after_sales", EMAIL), given), EMAIL)
    for other in (
        consent(ConsentKind.GENERAL, "order_fulfilment"),  # another purpose
        consent(ConsentKind.SENSITIVE, "after_sales"),  # another kind
        consent(ConsentKind.GENERAL, "after_sales", withdrawn=T0),
    ):  # withdrawn
        only(
            run(ask("after_sales", EMAIL), replace(sub, consents=(other,))),
            "purpose_not_declared_at_collection",
            (EMAIL,),
        )


# -- consent_required -------------------------------------------------------------------------
@pytest.mark.req("R2.4")
@pytest.mark.parametrize("purpose", sorted(k for k, r in REGISTER.rules.items() if r.needs_consent))
def test_a_purpose_that_needs_consent_is_refused_without_it(purpose: str) -> None:
    cat = "user.behavior.purchase_history"
    sub = replace(ADULT, collected_for={cat: ALL_PURPOSES})
    r = only(run(ask(purpose, cat), sub), "consent_required")
    assert purpose in r.en and purpose in r.zh
    assert_allowed(run(ask(purpose, cat), replace(sub, consents=(consent(purpose=purpose),))), cat)


@pytest.mark.req("R2.4")
def test_withdrawal_takes_effect_on_the_next_decision() -> None:
    withdrawn_at = T0 + timedelta(hours=2)
    sub = replace(
        ADULT, consents=(consent(purpose="consultation_recommendation", withdrawn=withdrawn_at),)
    )
    before = withdrawn_at - timedelta(microseconds=1)
    assert_allowed(run(ask("consultation_recommendation", EMAIL, at=before), sub), EMAIL)
    for at in (withdrawn_at, withdrawn_at + timedelta(seconds=1), withdrawn_at + 400 * DAY):
        only(run(ask("consultation_recommendation", EMAIL, at=at), sub), "consent_required")


@pytest.mark.req("R2.4")
def test_a_consent_counts_only_from_when_it_was_given() -> None:
    sub = replace(
        ADULT, consents=(consent(purpose="consultation_recommendation", granted=T0 + DAY),)
    )
    only(run(ask("consultation_recommendation", EMAIL), sub), "consent_required")
    assert_allowed(run(ask("consultation_recommendation", EMAIL, at=T0 + DAY), sub), EMAIL)


@pytest.mark.req("R2.4")
def test_purposes_that_do_not_need_consent_do_not_ask_for_it() -> None:
    for key, rule in REGISTER.rules.items():
        if rule.needs_consent:
            continue
        actor = OFFICER if key == "legal_compliance" else STAFF
        assert "consent_required" not in codes(run(ask(key, EMAIL, actor=actor))), key


# -- sensitive_without_separate_consent -------------------------------------------------------
@pytest.mark.req("R2.4")
@pytest.mark.req("R2.1")
def test_sensitive_data_needs_its_own_consent() -> None:
    d = run(ask("order_fulfilment", EMAIL, BANK))
    only(d, "sensitive_without_separate_consent", (BANK,))
    assert d.allowed == frozenset({EMAIL})
    given = replace(ADULT, consents=(consent(ConsentKind.SENSITIVE),))
    d = run(ask("order_fulfilment", EMAIL, BANK), given)
    assert d.allowed == frozenset({EMAIL, BANK})
    assert d.reasons == (ALLOWED,)


@pytest.mark.req("R2.4")
@pytest.mark.parametrize(
    "given",
    [
        (consent(ConsentKind.GENERAL),),  # a general consent never implies it
        (consent(ConsentKind.GENERAL), consent(ConsentKind.TRANSFER_ABROAD, cid="c-2")),
        (consent(ConsentKind.SENSITIVE, "after_sales"),),  # to another purpose
        (consent(ConsentKind.SENSITIVE, withdrawn=T0 - DAY),),  # withdrawn
    ],
    ids=["general", "general+abroad", "other-purpose", "withdrawn"],
)
def test_a_general_consent_never_implies_a_sensitive_one(given: tuple[Consent, ...]) -> None:
    d = run(ask("order_fulfilment", BANK), replace(ADULT, consents=given))
    only(d, "sensitive_without_separate_consent", (BANK,))


# -- legal exceptions (R2.5) ------------------------------------------------------------------
EXC = LegalException(
    "ex-1",
    ExceptionKind.CRIMINAL_JUSTICE,
    "Shanghai Public Security Bureau",
    "沪公刑(2025)17",
    "Criminal Procedure Law Art. 54; PIPL Art. 13(3)",
    frozenset({SUB}),
    frozenset({"user"}),
    T0 - 30 * DAY,
    T0 + 30 * DAY,
    "po-1",
    "po-2",
    T0 - 29 * DAY,
)
EXPIRES = f"expires:{EXC.valid_until.isoformat()}"


def with_exc(ex: LegalException = EXC) -> PolicyState:
    return replace(POLICY, legal_exceptions={ex.id: ex})


NO_PURPOSE_FOR = replace(ADULT, collected_for={EMAIL: frozenset({"order_fulfilment"})})
LIFTABLE = [
    ("consent_required", "consultation_recommendation", EMAIL, ADULT),
    ("purpose_not_declared_at_collection", "after_sales", EMAIL, NO_PURPOSE_FOR),
    ("sensitive_without_separate_consent", "order_fulfilment", BANK, ADULT),
    ("child_without_guardian_consent", "order_fulfilment", EMAIL, CHILD),
    (
        "processing_restricted",
        "order_fulfilment",
        EMAIL,
        replace(ADULT, restrictions=(_restriction(RestrictionKind.RESTRICTION, None),)),
    ),
    (
        "processing_objected",
        "order_fulfilment",
        EMAIL,
        replace(ADULT, restrictions=(_restriction(RestrictionKind.OBJECTION, "order_fulfilment"),)),
    ),
]


@pytest.mark.req("R2.5")
@pytest.mark.parametrize(("code", "purpose", "cat", "sub"), LIFTABLE, ids=[c[0] for c in LIFTABLE])
def test_an_exception_in_force_lifts_the_consent_refusals_and_is_named(
    code: str, purpose: str, cat: str, sub: SubjectState
) -> None:
    per_category = code in {
        "purpose_not_declared_at_collection",
        "sensitive_without_separate_consent",
    }
    only(run(ask(purpose, cat), sub, with_exc()), code, (cat,) if per_category else ())
    d = run(ask(purpose, cat, exception="ex-1"), sub, with_exc())
    assert d.allowed == frozenset({cat})
    r = only(d, "legal_exception", (cat,))
    assert "ex-1" in r.en and "ex-1" in r.zh
    assert "criminal_justice" in r.en
    assert EXPIRES in d.obligations
    assert d.exception_id == "ex-1"  # the decision names the exception it relied on


@pytest.mark.req("R2.5")
def test_an_exception_lifts_only_the_categories_it_covers() -> None:
    ex = replace(EXC, categories=frozenset({"user.contact"}))
    d = run(ask("consultation_recommendation", EMAIL, NAME, exception="ex-1"), ADULT, with_exc(ex))
    assert d.allowed == frozenset({EMAIL})
    assert codes(d) == ["partly_allowed", "consent_required", "legal_exception"]
    assert [r.code for r in rule_reasons(d)] == ["consent_required", "legal_exception"]
    [lifted] = [r for r in d.reasons if r.code == "legal_exception"]
    assert lifted.categories == (EMAIL,)
    assert d.obligations == (EXPIRES,)


@pytest.mark.req("R2.5")
def test_exception_scope_is_by_category_subtree_not_by_prefix() -> None:
    ex = replace(EXC, categories=frozenset({"user.con"}))
    assert not ex.covers(SUB, EMAIL)
    assert replace(EXC, categories=frozenset({"user.contact"})).covers(SUB, EMAIL)
    assert replace(EXC, categories=frozenset({EMAIL})).covers(SUB, EMAIL)
    assert not EXC.covers("sub-2", EMAIL)
    d = run(ask("consultation_recommendation", EMAIL, exception="ex-1"), ADULT, with_exc(ex))
    assert d.allowed == frozenset()


NOT_IN_FORCE = {
    "self-approved": {"approved_by": "po-1"},
    "unapproved": {"approved_by": None, "approved_at": None},
    "revoked": {"revoked_at": T0 - DAY},
    "expired": {"valid_until": T0 - DAY},
    "expires-now": {"valid_until": T0},
    "not-yet-valid": {"valid_from": T0 + timedelta(seconds=1)},
}


@pytest.mark.req("R2.5")
@pytest.mark.parametrize("defect", sorted(NOT_IN_FORCE))
def test_an_exception_not_in_force_lifts_nothing_and_says_so(defect: str) -> None:
    ex = replace(EXC, **NOT_IN_FORCE[defect])  # type: ignore[arg-type]
    assert not ex.in_force(T0)
    d = run(ask("consultation_recommendation", EMAIL, exception="ex-1"), ADULT, with_exc(ex))
    assert d.allowed == frozenset()
    assert codes(d) == ["exception_not_in_force", "consent_required"]
    r = explained(d.reasons[0])
    assert "ex-1" in r.en and "ex-1" in r.zh
    assert d.obligations == ()


@pytest.mark.req("R2.5")
def test_an_unknown_exception_lifts_nothing_and_says_so() -> None:
    d = run(ask("consultation_recommendation", EMAIL, exception="ex-404"), ADULT, with_exc())
    assert d.allowed == frozenset()
    assert codes(d) == ["exception_not_in_force", "consent_required"]
    assert "ex-404" in d.reasons[0].en


@pytest.mark.req("R2.5")
@pytest.mark.parametrize(
    "scope",
    [
        {"subject_ids": frozenset({"sub-2"})},
        {"categories": frozenset({"user.financial"})},
    ],
    ids=["other-subject", "other-category"],
)
def test_an_exception_that_does_not_cover_the_request_lifts_nothing(
    scope: dict[str, object],
) -> None:
    ex = replace(EXC, **scope)  # type: ignore[arg-type]
    d = run(ask("consultation_recommendation", EMAIL, exception="ex-1"), ADULT, with_exc(ex))
    assert d.allowed == frozenset()
    assert "consent_required" in codes(d)
    assert "legal_exception" not in codes(d)
    assert d.obligations == ()


@pytest.mark.req("R2.5")
def test_an_exception_named_on_a_use_that_needs_none_adds_no_legal_exception_reason() -> None:
    d = run(ask("order_fulfilment", EMAIL, exception="ex-1"), ADULT, with_exc())
    assert_allowed(d, EMAIL)
    assert d.obligations == ()


NEVER_LIFTED = [
    ("purpose_unknown", ask("marketing_blast", EMAIL, exception="ex-1")),
    ("system_not_approved", ask("order_fulfilment", EMAIL, system="pending", exception="ex-1")),
    (
        "system_not_approved",
        ask("order_fulfilment", EMAIL, system="cloud_unapproved", exception="ex-1"),
    ),
    ("role_not_allowed_for_purpose", ask("legal_compliance", EMAIL, exception="ex-1")),
    ("credential_not_readable", ask("legal_compliance", PASSWORD, actor=OFFICER, exception="ex-1")),
    (
        "transfer_abroad_without_consent",
        ask("order_fulfilment", EMAIL, system="crm_de", exception="ex-1"),
    ),
]


@pytest.mark.req("R2.5")
@pytest.mark.req("R5.6")
@pytest.mark.parametrize(
    ("code", "req"),
    NEVER_LIFTED,
    ids=[f"{c}-{r.target_system or r.purpose}" for c, r in NEVER_LIFTED],
)
@pytest.mark.parametrize("sub", [ADULT, CHILD], ids=["adult", "child"])
def test_an_exception_never_lifts_the_non_consent_rules(
    code: str, req: AccessRequest, sub: SubjectState
) -> None:
    d = run(req, sub, with_exc())
    assert d.allowed == frozenset()
    assert code in codes(d)
    assert "legal_exception" not in codes(d)
    assert not any(o.startswith("expires:") for o in d.obligations)


# -- obligations ------------------------------------------------------------------------------
@pytest.mark.req("R2.4")
@pytest.mark.req("R5.5")
def test_sensitive_categories_shown_to_staff_are_masked() -> None:
    sub = replace(ADULT, consents=(consent(ConsentKind.SENSITIVE),))
    d = run(ask("order_fulfilment", EMAIL, BANK), sub)
    assert d.allowed == frozenset({EMAIL, BANK})
    assert d.obligations == (f"mask:{BANK}",)


@pytest.mark.req("R2.4")
def test_a_system_actor_gets_no_masking_obligation() -> None:
    sub = replace(ADULT, consents=(consent(ConsentKind.SENSITIVE),))
    d = run(ask("order_fulfilment", EMAIL, BANK, actor=ERP), sub)
    assert d.allowed == frozenset({EMAIL, BANK})
    assert d.obligations == ()


@pytest.mark.req("R2.4")
def test_refused_sensitive_categories_carry_no_mask() -> None:
    d = run(ask("order_fulfilment", EMAIL, BANK))
    assert d.allowed == frozenset({EMAIL})
    assert d.obligations == ()


# -- the version a decision used ---------------------------------------------------------------
@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
def test_a_decision_records_the_register_and_policy_version() -> None:
    assert run(ask()).policy_version == "register-1/policy-1" == POLICY.version
    changed = REGISTER.with_rule(replace(REGISTER.get("after_sales"), retention_days=400))
    pol = replace(POLICY, register=changed, policy_version="2025-06")
    d = run(ask(), pol=pol)
    assert d.policy_version == "register-2/policy-2025-06"


# -- the decision record: covers() and the seal -----------------------------------------------
@pytest.mark.req("R2.4")
def test_a_decision_covers_only_its_subject_and_allowed_categories() -> None:
    d = run(ask("order_fulfilment", EMAIL, IP))
    assert d.covers(SUB, EMAIL)
    assert not d.covers(SUB, IP)  # refused
    assert not d.covers(SUB, PHONE)  # never asked
    assert not d.covers("sub-2", EMAIL)
    assert not d.covers(SUB, "user.contact")  # a parent is not its allowed child


@pytest.mark.req("R2.4")
def test_the_seal_message_covers_what_the_vault_relies_on() -> None:
    d = run(ask("order_fulfilment", PHONE, EMAIL))
    expected = "\x1f".join(["d-1", SUB, "order_fulfilment", "read", f"{EMAIL},{PHONE}"]).encode()
    assert seal_message(d) == expected
    assert RecordedDecision(d, b"mac").seal_message() == expected
    # any change to what the vault trusts changes the message
    for other in (
        replace(d, id="d-2"),
        replace(d, subject_id="sub-2"),
        replace(d, purpose="after_sales"),
        replace(d, action=Action.EXPORT),
        replace(d, allowed=frozenset({EMAIL})),
    ):
        assert seal_message(other) != expected
    denied = run(ask("marketing_blast", EMAIL))
    assert seal_message(denied).endswith(b"\x1f")


# -- the purpose register (R2.3) --------------------------------------------------------------
@pytest.mark.req("R2.3")
def test_the_register_is_seeded_with_the_policys_eight_purposes() -> None:
    seeded = seed_purposes()
    assert [r.key for r in seeded] == [p.key for p in POLICY_PURPOSES]
    assert (
        {r.key for r in seeded}
        == PURPOSE_KEYS
        == {
            "order_fulfilment",
            "business_negotiation",
            "requested_services",
            "after_sales",
            "consultation_recommendation",
            "important_notices",
            "legal_compliance",
            "service_improvement",
        }
    )
    for r in seeded:
        assert r.en.strip() and r.zh.strip(), r.key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.zh), r.key
        assert r.retention_days >= 1 and r.roles and r.categories and r.active
        assert check_purpose(r, TAXONOMY) is r
        # consent as the legal basis and needing the subject's consent go together
        assert r.needs_consent == (r.legal_basis is LegalBasis.CONSENT), r.key


def _rule(**kw: object) -> PurposeRule:
    return replace(REGISTER.get("after_sales"), **kw)  # type: ignore[arg-type]


@pytest.mark.req("R2.3")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"key": "After Sales"}, "key"),
        ({"key": ""}, "key"),
        ({"en": "  "}, "en"),
        ({"zh": ""}, "zh"),
        ({"retention_days": 0}, "retention_days"),
        ({"roles": frozenset()}, "roles"),
    ],
)
def test_check_purpose_names_the_field_at_fault(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        check_purpose(_rule(**change), TAXONOMY)
    assert err.value.field == field


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.1")
def test_check_purpose_refuses_an_unknown_category() -> None:
    with pytest.raises(UnknownCategory) as err:
        check_purpose(_rule(categories=frozenset({"user.contact", "user.shoe_size"})), TAXONOMY)
    assert "user.shoe_size" in err.value.message


@pytest.mark.req("R2.3")
def test_register_changes_make_new_versions() -> None:
    changed = REGISTER.with_rule(_rule(retention_days=10))
    assert (REGISTER.version, changed.version) == (1, 2)
    assert REGISTER.get("after_sales").retention_days == 5 * 365  # the old one is untouched
    off = changed.deactivated("after_sales")
    assert off.version == 3
    assert off.active("after_sales") is None
    assert off.get("after_sales").active is False
    with pytest.raises(NotFound) as err:
        REGISTER.get("marketing_blast")
    assert err.value.field == "purpose"
    assert REGISTER.active("marketing_blast") is None


# -- the data map (R2.7) ----------------------------------------------------------------------
FINDING = Finding(
    "f-1",
    "fp-1",
    "unregistered_location",
    "share://finance/list.xlsx",
    EMAIL,
    "12 email addresses",
    FindingStatus.OPEN,
    T0,
)


@pytest.mark.req("R2.7")
def test_a_finding_moves_through_its_lifecycle() -> None:
    assigned = move_finding(FINDING, FindingStatus.ASSIGNED, assignee="staff-7")
    assert (assigned.status, assigned.assignee) == (FindingStatus.ASSIGNED, "staff-7")
    assert FINDING.status is FindingStatus.OPEN  # values, not mutation
    fixed = move_finding(assigned, FindingStatus.FIXED)
    assert fixed.status is FindingStatus.FIXED
    back = move_finding(fixed, FindingStatus.OPEN)  # it came back
    accepted = move_finding(back, FindingStatus.ACCEPTED_RISK, reason="legacy archive, sealed")
    assert (accepted.status, accepted.reason) == (
        FindingStatus.ACCEPTED_RISK,
        "legacy archive, sealed",
    )
    assert move_finding(accepted, FindingStatus.OPEN).status is FindingStatus.OPEN


@pytest.mark.req("R2.7")
def test_assigning_needs_an_assignee_and_accepting_a_risk_needs_a_reason() -> None:
    for assignee in (None, ""):
        with pytest.raises(InvalidInput) as err:
            move_finding(FINDING, FindingStatus.ASSIGNED, assignee=assignee)
        assert err.value.field == "assignee"
    for reason in (None, "", "   "):
        with pytest.raises(InvalidInput) as err:
            move_finding(FINDING, FindingStatus.ACCEPTED_RISK, reason=reason)
        assert err.value.field == "reason"


@pytest.mark.req("R2.7")
@pytest.mark.parametrize(
    ("start", "to"),
    [
        (FindingStatus.OPEN, FindingStatus.OPEN),
        (FindingStatus.FIXED, FindingStatus.ASSIGNED),
        (FindingStatus.FIXED, FindingStatus.ACCEPTED_RISK),
        (FindingStatus.FIXED, FindingStatus.FIXED),
        (FindingStatus.ACCEPTED_RISK, FindingStatus.FIXED),
        (FindingStatus.ACCEPTED_RISK, FindingStatus.ASSIGNED),
        (FindingStatus.ASSIGNED, FindingStatus.ASSIGNED),
    ],
)
def test_illegal_finding_moves_conflict(start: FindingStatus, to: FindingStatus) -> None:
    with pytest.raises(Conflict) as err:
        move_finding(replace(FINDING, status=start), to, assignee="staff-7", reason="why")
    assert err.value.field == "status"


@pytest.mark.req("R2.7")
def test_an_export_expires_at_its_expiry() -> None:
    ex = Export(
        "x-1",
        "erp",
        "auditor@example.cn",
        "staff-1",
        frozenset({EMAIL}),
        "legal_compliance",
        T0,
        T0 + 7 * DAY,
    )
    assert not ex.expired(T0 + 7 * DAY - timedelta(seconds=1))
    assert ex.expired(T0 + 7 * DAY)


@pytest.mark.req("R5.6")
def test_a_system_is_usable_only_when_it_and_its_cloud_are_approved() -> None:
    assert {k for k, s in SYSTEMS.items() if s.usable} == {"erp", "crm_de", "cloud_approved"}


# -- the date a child becomes an adult (R6.1) -------------------------------------------------
@pytest.mark.req("R6.1")
@pytest.mark.parametrize(
    ("born", "age", "adult"),
    [
        (date(2012, 2, 29), 14, date(2026, 3, 1)),  # no 29 Feb in 2026
        (date(2008, 2, 29), 16, date(2024, 2, 29)),  # 2024 has one
        (date(2011, 6, 1), 14, date(2025, 6, 1)),
        (date(2011, 12, 31), 14, date(2025, 12, 31)),
    ],
)
def test_adult_on(born: date, age: int, adult: date) -> None:
    assert adult_on(born, age) == adult


# -- a verified request of the person (issue 5) -------------------------------------------


@pytest.mark.req("R4.1")
def test_a_verified_request_gets_the_persons_own_data_back_whatever_they_restricted() -> None:
    restricted = replace(
        ADULT,
        restrictions=(
            Restriction("r-1", SUB, RestrictionKind.RESTRICTION, None, T0 - DAY),
            Restriction("r-2", SUB, RestrictionKind.OBJECTION, "legal_compliance", T0 - DAY),
        ),
    )
    plain = ask("legal_compliance", EMAIL, HEALTH, PASSWORD, actor=ERP)
    refused = run(plain, restricted)
    assert refused.allowed == frozenset()
    assert {"processing_restricted", "processing_objected"} <= set(codes(refused))
    answered = run(replace(plain, rights_request_id="req-7"), restricted)
    # restriction, objection and the sensitive-consent refusal are lifted; a credential never
    assert answered.allowed == frozenset({EMAIL, HEALTH})
    assert codes(answered) == ["partly_allowed", "credential_not_readable", "rights_request"]
    assert "req-7" in explained(answered.reasons[-1]).en
    # only for legal compliance: the request id lifts nothing for another purpose
    other = run(
        replace(ask("after_sales", EMAIL, actor=ERP), rights_request_id="req-7"), restricted
    )
    assert other.allowed == frozenset()


@pytest.mark.req("R2.4")
def test_the_console_names_every_rule_and_every_refusal_in_both_languages() -> None:
    # the console's explain page (web/console/oversight/decisions.py) shows these names; a
    # rule without one showed its bare function name
    from piiguard.web.console.oversight.texts import TEXT  # noqa: PLC0415

    keys = [f"rule_{r.__name__}" for r in RULES]
    keys += [f"reason_{c}" for cs in RULE_REASONS.values() for c in cs]
    assert [k for k in keys if k not in TEXT] == []
    assert all(TEXT[k][0] and TEXT[k][1] and TEXT[k][0] != TEXT[k][1] for k in keys)


@pytest.mark.req("R10.2")
def test_the_readme_explains_a_decision_with_every_rule_in_order() -> None:
    # README's step 6 shows `piiguard explain`'s "rule by rule" listing: it stays the
    # decision point's list, in the order it evaluates them
    from pathlib import Path  # noqa: PLC0415

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("rule by rule:\n", 1)[1].split("```", 1)[0]
    shown = [ln.split()[1] for ln in block.splitlines() if ln.lstrip()[:1] in ("✓", "✗")]
    assert shown == [r.__name__ for r in RULES]
