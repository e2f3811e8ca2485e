"""The decision point's rule on the notice before a first transfer abroad (R7.1, R3.6):
`abroad_notice_given` as a decision table over the recipient's kind, country and whether the
person was told (its reason code, both languages), which categories a held decision would
have let go (what the notice names), and a hypothesis property: never to a recipient
abroad other than a group company or an authority without the notice. Pure: no database."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import RULE_REASONS, RULES
from piiguard.domain.sharing.notice import AbroadNoticeStatus, held_only_for_notice, needs_notice
from piiguard.domain.sharing.register import RecipientKind
from tests.unit.test_sharing_rules import (
    CONSENTED,
    EMAIL,
    NAME,
    PHONE,
    PROPERTY,
    agreement,
    codes,
    policy,
    profile,
    reason_of,
    recipient,
    run,
    share,
    worlds,
)

pytestmark = [pytest.mark.req("R7.1"), pytest.mark.req("R3.6")]
K = RecipientKind


def bound(kind: RecipientKind, country: str = "US") -> PolicyState:
    return policy(
        recipient("acme-de", kind, country), agreements=(agreement(),), profiles=(profile(),)
    )


def test_the_rule_follows_the_count_and_names_its_code() -> None:
    names = [r.__name__ for r in RULES]
    assert names.index("abroad_notice_given") == names.index("mechanism_for_count") + 1
    assert RULE_REASONS["abroad_notice_given"] == ("abroad_notice_not_sent",)


@pytest.mark.parametrize(
    ("kind", "country", "told", "held"),
    [
        (K.BUSINESS_PARTNER, "US", None, True),  # nobody checked: held
        (K.BUSINESS_PARTNER, "US", False, True),
        (K.BUSINESS_PARTNER, "US", True, False),
        (K.PROCESSOR, "DE", False, True),
        (K.PROCESSOR, "DE", True, False),
        (K.ACQUIRER, "SG", False, True),
        (K.GROUP_COMPANY, "DE", False, False),  # spared the notice (not the consent)
        (K.GROUP_COMPANY, "DE", None, False),
        (K.BUSINESS_PARTNER, "CN", False, False),  # at home: no transfer abroad
        (K.PROCESSOR, "CN", None, False),
    ],
)
def test_held_abroad_until_told_except_group_companies_and_at_home(
    kind: RecipientKind, country: str, told: bool | None, held: bool
) -> None:
    req = replace(share(EMAIL, NAME), abroad_notice=told)
    d = run(req, pol=bound(kind, country))
    assert ("abroad_notice_not_sent" in codes(d)) is held
    if held:
        assert d.allowed == frozenset()
        r = reason_of(d, "abroad_notice_not_sent")
        assert "acme-de GmbH" in r.en and country in r.en and "rights" in r.en
        assert "境外" in r.zh and "告知" in r.zh
    else:
        assert d.allowed == {EMAIL, NAME}


def test_an_authority_answers_its_own_register_not_the_notice() -> None:
    pol = bound(K.AUTHORITY, "US")
    assert "abroad_notice_not_sent" not in codes(run(share(EMAIL), pol=pol))


def test_not_a_share_meets_no_notice() -> None:
    assert "abroad_notice_not_sent" not in codes(
        run(share(EMAIL, rcp=None), pol=bound(K.PROCESSOR))
    )


def test_a_held_decision_names_what_would_go_once_told() -> None:
    pol = bound(K.BUSINESS_PARTNER)
    # the phone is outside the profile: dropped either way; the rest waits for the notice
    d = run(replace(share(EMAIL, NAME, PHONE), abroad_notice=False), pol=pol)
    assert held_only_for_notice(d) == {EMAIL, NAME}
    # no consent to the transfer: nothing would go, nobody is mailed about it
    d = run(
        replace(share(EMAIL), abroad_notice=False), pol=pol, sub=replace(CONSENTED, consents=())
    )
    assert "share_abroad_without_consent" in codes(d) and held_only_for_notice(d) == frozenset()
    # told: nothing held
    assert held_only_for_notice(run(replace(share(EMAIL), abroad_notice=True), pol=pol)) == set()


def test_sent_and_told_let_the_share_go_the_rest_do_not() -> None:
    assert {s for s in AbroadNoticeStatus if s.told} == {
        AbroadNoticeStatus.SENT,
        AbroadNoticeStatus.TOLD,
    }
    assert needs_notice(recipient(kind=K.PROCESSOR), "CN")
    assert not needs_notice(recipient(kind=K.GROUP_COMPANY), "CN")


@PROPERTY
@given(worlds(), st.sampled_from([None, False, True]))
def test_never_abroad_to_other_than_a_group_company_without_the_notice(
    w: tuple[AccessRequest, PolicyState, SubjectState], told: bool | None
) -> None:
    req, pol, sub = w
    req = replace(req, abroad_notice=told)
    d = decide(req, pol, sub, decision_id="d")
    r = pol.recipients["r"]
    if d.allowed and r.country != pol.home_region and r.kind is not K.AUTHORITY:
        assert r.kind is K.GROUP_COMPANY or told is True
