"""The decision point's foundation rules (R2.10, R5.5): a declared purpose, known categories,
credentials never disclosed; every decision says who asked, what for, and why."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import pytest

from piiguard.domain.access import AccessRequest, PolicyState, Verdict, decide
from piiguard.domain.decisions import Action, Actor, ActorKind, Reason, seal_message
from piiguard.domain.errors import UnknownCategory
from piiguard.domain.purposes import PURPOSE_KEYS
from piiguard.domain.subjects import DEFAULT_SUBJECT_KINDS
from piiguard.domain.taxonomy import Category, Taxonomy

AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
STAFF = Actor("staff-7", ActorKind.STAFF, frozenset({"service_desk"}))
EMAIL, PHONE = "user.contact.email", "user.contact.phone_number"
PASSWORD = "user.authorization.credentials.password"
STATE = PolicyState(version="v1", taxonomy=Taxonomy.default(), purposes=PURPOSE_KEYS,
                    subject_kinds=DEFAULT_SUBJECT_KINDS)


def ask(*categories: str, purpose: str = "after_sales", actor: Actor = STAFF,
        action: Action = Action.READ) -> AccessRequest:
    return AccessRequest(actor, action, "subj-1", purpose, frozenset(categories))


@pytest.mark.req("R2.10")
def test_a_declared_purpose_is_allowed_and_the_decision_is_attributable() -> None:
    d = decide(ask(EMAIL, PHONE), STATE, decision_id="dec-1", at=AT)
    assert d.outcome == "allowed"
    assert d.allowed == d.requested == frozenset({EMAIL, PHONE})
    assert [r.code for r in d.reasons] == ["allowed"]
    assert (d.id, d.at, d.actor, d.action, d.subject_id, d.purpose, d.policy_version) == (
        "dec-1", AT, STAFF, Action.READ, "subj-1", "after_sales", "v1")
    assert d.actor.ref == "staff:staff-7"


@pytest.mark.req("R2.10")
def test_an_undeclared_purpose_refuses_everything_with_its_reason() -> None:
    d = decide(ask(EMAIL, PHONE, purpose="marketing_resale"), STATE, decision_id="d", at=AT)
    assert d.outcome == "denied"
    assert d.allowed == frozenset()
    [reason] = d.reasons
    assert reason.code == "purpose_unknown"
    assert "marketing_resale" in reason.en and "marketing_resale" in reason.zh


@pytest.mark.req("R5.5")
def test_credentials_are_never_disclosed_even_for_a_declared_purpose() -> None:
    d = decide(ask(EMAIL, PASSWORD), STATE, decision_id="d", at=AT)
    assert d.allowed == frozenset({EMAIL})
    assert d.outcome == "allowed"
    [reason] = d.reasons
    assert reason.code == "credential_not_readable"
    assert reason.categories == (PASSWORD,)
    assert not d.covers("subj-1", PASSWORD)


@pytest.mark.req("R5.5")
@pytest.mark.parametrize("actor", [
    Actor("root", ActorKind.OPERATOR, frozenset({"admin", "privacy_officer"})),
    Actor("subj-1", ActorKind.SUBJECT),
    Actor("erp", ActorKind.SYSTEM),
])
@pytest.mark.parametrize("action", list(Action))
def test_no_actor_and_no_action_can_read_a_credential(actor: Actor, action: Action) -> None:
    d = decide(ask(PASSWORD, actor=actor, action=action), STATE, decision_id="d", at=AT)
    assert d.outcome == "denied"
    assert [r.code for r in d.reasons] == ["credential_not_readable"]


@pytest.mark.req("R5.5")
def test_a_company_credential_category_is_never_disclosed() -> None:
    tax = STATE.taxonomy.extend([Category("user.authorization.credentials.pin", "PIN", "PIN")])
    state = PolicyState("v1", tax, STATE.purposes, STATE.subject_kinds)
    d = decide(ask("user.authorization.credentials.pin"), state, decision_id="d", at=AT)
    assert d.outcome == "denied"


@pytest.mark.req("R2.10")
def test_every_refusal_is_listed_when_several_rules_refuse() -> None:
    d = decide(ask(EMAIL, PASSWORD, purpose="nope"), STATE, decision_id="d", at=AT)
    assert d.allowed == frozenset()
    assert sorted(r.code for r in d.reasons) == ["credential_not_readable", "purpose_unknown"]


@pytest.mark.req("R2.10")
def test_an_unknown_category_is_refused_as_input() -> None:
    with pytest.raises(UnknownCategory, match=r"user\.shoe_size"):
        decide(ask("user.shoe_size"), STATE, decision_id="d", at=AT)


@pytest.mark.req("R2.10")
def test_further_rules_refuse_without_changing_the_shape_of_a_decision() -> None:
    def no_phone_for_systems(request: AccessRequest, state: PolicyState) -> Iterable[Verdict]:
        del state
        if request.actor.kind is ActorKind.SYSTEM and PHONE in request.categories:
            yield Verdict(Reason("system_no_phone", "no phone for systems", "系统不可取电话",
                                 (PHONE,)), frozenset({PHONE}))

    erp = Actor("erp", ActorKind.SYSTEM)
    d = decide(ask(EMAIL, PHONE, actor=erp), STATE, decision_id="d", at=AT,
               rules=(no_phone_for_systems,))
    assert d.allowed == frozenset({EMAIL})
    assert [r.code for r in d.reasons] == ["system_no_phone"]
    staff = decide(ask(EMAIL, PHONE), STATE, decision_id="d", at=AT, rules=(no_phone_for_systems,))
    assert staff.allowed == frozenset({EMAIL, PHONE})


@pytest.mark.req("R2.10")
def test_covers_only_the_subject_and_categories_allowed() -> None:
    d = decide(ask(EMAIL), STATE, decision_id="d", at=AT)
    assert d.covers("subj-1", EMAIL)
    assert not d.covers("subj-2", EMAIL)
    assert not d.covers("subj-1", PHONE)


@pytest.mark.req("R2.10")
def test_the_seal_covers_everything_the_vault_relies_on() -> None:
    base = decide(ask(EMAIL), STATE, decision_id="d", at=AT)
    variants = [
        decide(ask(EMAIL), STATE, decision_id="d2", at=AT),
        decide(AccessRequest(STAFF, Action.READ, "subj-2", "after_sales", frozenset({EMAIL})),
               STATE, decision_id="d", at=AT),
        decide(ask(EMAIL, purpose="legal_compliance"), STATE, decision_id="d", at=AT),
        decide(ask(EMAIL, action=Action.EXPORT), STATE, decision_id="d", at=AT),
        decide(ask(EMAIL, PHONE), STATE, decision_id="d", at=AT),
    ]
    messages = {seal_message(v) for v in variants}
    assert seal_message(base) not in messages
    assert len(messages) == len(variants)
