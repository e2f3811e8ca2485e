"""Recorded exemption cases in the decision point (R7.1; art. 5(1)–(3) of the 2024
Provisions): an approved case in force for the recipient and purpose frees a share abroad
from the mechanism the count requires — whatever the count, a CIIO too — and the decision
says so (reason `transfer_exemption`, both languages, obligation `exemption:<id>`); a case
proposed, refused, withdrawn, expired, not yet valid or for another purpose frees nothing;
it never stands in for the consent. Hypothesis: never abroad without the mechanism the
count requires unless an approved case in force covers the recipient and purpose."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.sharing.abroad import Mechanism, TransferTally, required
from piiguard.domain.sharing.exemption import (
    Exemption,
    ExemptionBasis,
    ExemptionStatus,
    exemption_for,
    exemption_of,
)
from piiguard.domain.sharing.register import AgreementKind, RecipientKind
from tests.unit.test_sharing_rules import (
    ADULT,
    BOUND,
    EMAIL,
    NAME,
    PROPERTY,
    PURPOSE,
    T0,
    agreement,
    codes,
    reason_of,
    run,
    share,
    worlds,
)
from tests.unit.test_transfer_abroad import at_count

pytestmark = [pytest.mark.req("R7.1")]
DAY = timedelta(days=1)


def case(
    rcp: str = "acme-de",
    purpose: str = PURPOSE,
    status: ExemptionStatus = ExemptionStatus.APPROVED,
    basis: ExemptionBasis = ExemptionBasis.CONTRACT,
    **kw: object,
) -> Exemption:
    e = Exemption(
        "ex-1",
        basis,
        rcp,
        purpose,
        "Cross-border delivery of orders placed on the global store",
        T0 - DAY,
        None,
        status,
        "staff:alice",
        T0 - 2 * DAY,
        "staff:bob",
    )
    return replace(e, **kw)  # type: ignore[arg-type]


def with_case(e: Exemption, pol: PolicyState = BOUND) -> PolicyState:
    return replace(pol, exemptions={(e.recipient, e.purpose): (e,)})


@pytest.mark.parametrize("basis", list(ExemptionBasis))
def test_an_approved_case_frees_the_share_from_the_mechanism_and_says_so(
    basis: ExemptionBasis,
) -> None:
    d = run(at_count(5_000_000, 50_000), pol=with_case(case(basis=basis)))
    assert d.allowed == {EMAIL, NAME}
    assert "transfer_mechanism_missing" not in codes(d)
    r = reason_of(d, "transfer_exemption")
    assert basis.provision in r.en and "ex-1" in r.en and "not counted" in r.en
    assert "第五条" in r.zh and "不计入累计人数" in r.zh
    assert exemption_of(d.obligations) == "ex-1"


def test_even_a_ciio_and_even_without_a_count() -> None:
    pol = replace(with_case(case()), ciio=True)
    assert run(at_count(1), pol=pol).allowed
    d = run(replace(share(EMAIL), abroad_tally=None), pol=pol)
    assert d.allowed and "transfer_count_unknown" not in codes(d)


@pytest.mark.parametrize(
    "e",
    [
        case(status=ExemptionStatus.PROPOSED),
        case(status=ExemptionStatus.REFUSED),
        case(status=ExemptionStatus.WITHDRAWN),
        case(valid_until=T0),  # expired at that very instant
        case(valid_from=T0 + DAY),  # not yet
        case(purpose="marketing"),
        case(rcp="other"),
    ],
)
def test_a_case_not_in_force_or_for_another_scope_frees_nothing(e: Exemption) -> None:
    d = run(at_count(100_000), pol=with_case(e))
    assert codes(d) == ["transfer_mechanism_missing"]
    assert exemption_of(d.obligations) is None


def test_a_case_never_stands_in_for_the_consent() -> None:
    d = run(at_count(1), pol=with_case(case()), sub=ADULT)
    assert "share_abroad_without_consent" in codes(d) and not d.allowed
    assert "transfer_exemption" not in codes(d)


def test_at_home_a_case_says_nothing() -> None:
    home = replace(BOUND, home_region="DE")
    d = run(at_count(100_000), pol=with_case(case(), home))
    assert d.allowed and "transfer_exemption" not in codes(d)


@PROPERTY
@given(
    worlds(),
    st.integers(0, 2_000_000),
    st.integers(0, 20_000),
    st.booleans(),
    st.sampled_from(list(ExemptionStatus)),
    st.sampled_from([PURPOSE, "marketing"]),
    st.sampled_from([None, 1, -1]),
)
def test_never_abroad_without_the_mechanism_unless_a_case_in_force_covers_it(
    w: tuple[AccessRequest, PolicyState, SubjectState],
    people: int,
    sensitive: int,
    ciio: bool,
    status: ExemptionStatus,
    purpose: str,
    ends: int | None,
) -> None:
    req, pol, sub = w
    tally = TransferTally(2026, people, min(sensitive, people))
    e = case("r", purpose, status, valid_until=None if ends is None else T0 + ends * DAY)
    pol = replace(
        pol,
        ciio=ciio,
        agreements={"r": (*pol.agreements.get("r", ()), agreement("r", aid="x"))},
        exemptions={("r", purpose): (e,)},
    )
    req = replace(req, abroad_tally=tally)
    d = decide(req, pol, sub, decision_id="d")
    r = pol.recipients["r"]
    if d.allowed and r.country != "CN" and r.kind is not RecipientKind.AUTHORITY:
        in_force = {a.kind for a in pol.agreements["r"] if a.in_force(req.at)}
        need = required(tally, ciio)
        met = need is Mechanism.NONE or (
            AgreementKind.SECURITY_ASSESSMENT in in_force
            if need is Mechanism.ASSESSMENT
            else bool(
                in_force
                & {
                    AgreementKind.STANDARD_CONTRACT,
                    AgreementKind.CERTIFICATION,
                    AgreementKind.SECURITY_ASSESSMENT,
                }
            )
        )
        covered = exemption_for(pol, "r", req.purpose, req.at) is not None
        assert met or covered
        assert (exemption_of(d.obligations) is not None) is covered
