"""Edge cases found in review: order-independence of guardian consent, a child's own
consent, exceptions that do not apply, several restrictions at once, data-map locations."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
)
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.policy.datamap import Approval, System, system_for
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.subjects import Channel
from piiguard.domain.taxonomy import Taxonomy
from piiguard.services.decisions import explain

AT = datetime(2026, 6, 1, 10, tzinfo=UTC)
EMAIL = "user.contact.email"
SUB = "child-1"
OFFICER = Actor("po-1", ActorKind.STAFF, frozenset({"privacy_officer"}))
POLICY = PolicyState(
    Taxonomy.default(), PurposeRegister.of(1, seed_purposes()), frozenset({"child"})
)


def consent(
    kind: ConsentKind, given_by: str | None, purpose: str = "order_fulfilment", subject: str = SUB
) -> Consent:
    return Consent(
        f"c-{given_by}-{kind.value}",
        subject,
        purpose,
        kind,
        AT - timedelta(days=1),
        Channel.WEB,
        "1",
        "0" * 64,
        "staff:s-1",
        given_by,
    )


def child(*consents: Consent, guardians: tuple[GuardianLink, ...] = ()) -> SubjectState:
    return SubjectState(
        SUB,
        declared_minor=True,
        collected_for={EMAIL: frozenset({"order_fulfilment"})},
        consents=consents,
        guardians=guardians,
    )


def decide_for(
    sub: SubjectState,
    purpose: str = "order_fulfilment",
    exception_id: str | None = None,
    policy: PolicyState = POLICY,
):
    return decide(
        AccessRequest(
            OFFICER,
            Action.USE,
            sub.subject_id,
            purpose,
            frozenset({EMAIL}),
            AT,
            exception_id=exception_id,
        ),
        policy,
        sub,
        decision_id="d-1",
    )


LINKS = (
    GuardianLink(SUB, "g-1", None, None),
    GuardianLink(SUB, "g-2", "staff:s-1", AT - timedelta(days=2)),
)


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
@pytest.mark.parametrize("order", [("g-1", "g-2"), ("g-2", "g-1")])
def test_a_verified_guardians_consent_counts_whatever_the_order(order: tuple[str, str]) -> None:
    sub = child(*(consent(ConsentKind.GUARDIAN, g) for g in order), guardians=LINKS)
    assert decide_for(sub).allowed == {EMAIL}


@pytest.mark.req("R6.1")
def test_a_guardian_verified_after_the_decision_does_not_count() -> None:
    late = (GuardianLink(SUB, "g-2", "staff:s-1", AT + timedelta(minutes=1)),)
    sub = child(consent(ConsentKind.GUARDIAN, "g-2"), guardians=late)
    assert [r.code for r in decide_for(sub).reasons] == ["child_without_guardian_consent"]


@pytest.mark.req("R6.2")
def test_a_childs_own_consent_never_stands_in_for_the_guardians() -> None:
    own = consent(ConsentKind.GENERAL, None, "consultation_recommendation")
    sub = child(
        own, consent(ConsentKind.GUARDIAN, "g-2", "consultation_recommendation"), guardians=LINKS
    )
    codes = [r.code for r in decide_for(sub, "consultation_recommendation").reasons]
    assert "consent_required" in codes  # the child's general consent does not count
    by_guardian = replace(own, given_by="g-2")
    sub = replace(sub, consents=(*sub.consents, by_guardian))
    assert decide_for(sub, "consultation_recommendation").allowed == {EMAIL}


@pytest.mark.req("R2.4")
def test_another_persons_consent_does_not_count() -> None:
    adult = SubjectState(
        "adult-1",
        collected_for={EMAIL: frozenset()},
        consents=(consent(ConsentKind.GENERAL, None, "order_fulfilment", subject="someone-else"),),
    )
    codes = [r.code for r in decide_for(adult).reasons]
    assert codes == ["purpose_not_declared_at_collection"]


@pytest.mark.req("R2.4")
def test_restriction_and_objection_are_both_reported() -> None:
    adult = SubjectState(
        "adult-1",
        collected_for={EMAIL: frozenset({"order_fulfilment"})},
        restrictions=(
            Restriction(
                "r-1",
                "adult-1",
                RestrictionKind.OBJECTION,
                "order_fulfilment",
                AT - timedelta(days=1),
            ),
            Restriction(
                "r-2", "adult-1", RestrictionKind.RESTRICTION, None, AT - timedelta(days=1)
            ),
        ),
    )
    codes = {r.code for r in decide_for(adult).reasons}
    assert codes == {"processing_objected", "processing_restricted"}


@pytest.mark.req("R2.5")
def test_an_exception_that_does_not_cover_the_request_says_so() -> None:
    ex = LegalException(
        "ex-1",
        ExceptionKind.CRIMINAL_JUSTICE,
        "Foshan PSB",
        "2026-001",
        "Criminal Procedure Law art. 54",
        frozenset({"someone-else"}),
        frozenset({EMAIL}),
        AT - timedelta(days=1),
        AT + timedelta(days=1),
        "staff:po-1",
        "staff:po-2",
        AT - timedelta(hours=1),
    )
    policy = replace(POLICY, legal_exceptions={"ex-1": ex})
    d = decide_for(child(), exception_id="ex-1", policy=policy)
    codes = [r.code for r in d.reasons]
    assert "exception_not_applicable" in codes and not d.allowed


@pytest.mark.req("R2.5")
def test_an_exception_approved_or_revoked_later_is_judged_at_the_decision_time() -> None:
    ex = LegalException(
        "ex-1",
        ExceptionKind.VITAL_INTERESTS,
        "hospital",
        "case-9",
        "PIPL art. 13(4)",
        frozenset({SUB}),
        frozenset({EMAIL}),
        AT - timedelta(days=1),
        AT + timedelta(days=1),
        "staff:po-1",
        "staff:po-2",
        AT + timedelta(hours=1),
    )
    assert not ex.in_force(AT)  # approved only after the decision time
    ex = replace(ex, approved_at=AT - timedelta(hours=1), revoked_at=AT + timedelta(hours=1))
    assert ex.in_force(AT) and not ex.in_force(AT + timedelta(hours=2))


@pytest.mark.req("R2.7")
def test_a_location_holds_what_lies_below_it_only() -> None:
    erp = System(
        "erp", "ERP", "it", "erp", "CN", Approval.APPROVED, locations=frozenset({"/srv/erp"})
    )
    assert erp.holds("/srv/erp/orders.csv") and erp.holds("/srv/erp")
    assert not erp.holds("/srv/erp.old/dump.csv") and not erp.holds("/srv/erpbackup/x")


@pytest.mark.req("R2.7")
def test_the_most_specific_matching_location_wins() -> None:
    broad = System(
        "share",
        "Share",
        "it",
        "file_share",
        "CN",
        Approval.APPROVED,
        locations=frozenset({"/srv", "/a/very/long/unrelated/location/indeed"}),
    )
    erp = System(
        "erp", "ERP", "it", "erp", "CN", Approval.APPROVED, locations=frozenset({"/srv/erp/"})
    )
    found = system_for([broad, erp], "/srv/erp/x.csv")
    assert found is not None and found.key == "erp"


@pytest.mark.req("R2.5")
@pytest.mark.req("R2.10")
def test_explain_shows_what_a_legal_exception_lifted() -> None:
    ex = LegalException(
        "ex-7",
        ExceptionKind.VITAL_INTERESTS,
        "hospital",
        "case-9",
        "PIPL art. 13(4)",
        frozenset({SUB}),
        frozenset({"user"}),
        AT - timedelta(days=1),
        AT + timedelta(days=1),
        "staff:po-1",
        "staff:po-2",
        AT - timedelta(hours=1),
    )
    d = decide_for(
        child(),
        "consultation_recommendation",
        exception_id="ex-7",
        policy=replace(POLICY, legal_exceptions={"ex-7": ex}),
    )
    assert d.allowed == {EMAIL}
    lines = {x.rule: x for x in explain(d)}
    assert lines["child_guardian"].passed
    assert lines["child_guardian"].reasons == ("child_without_guardian_consent: lifted by ex-7",)
    assert lines["consent_required"].reasons == ("consent_required: lifted by ex-7",)
    assert lines["purpose_known"].reasons == ()
