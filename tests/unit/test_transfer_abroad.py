"""Transfers abroad counted per calendar year (R7.1): the mechanism the count requires under
the 2024 Provisions on Cross-Border Data Flows at the edges of each threshold (99,999 /
100,000 / 999,999 / 1,000,000 people; 9,999 / 10,000 sensitive; a CIIO), the company's
year in Asia/Shanghai (the boundary on 31 December 16:00 UTC), the 80 % warning, the
decision point's `mechanism_for_count` rule as a decision table (both reason codes, both
languages) and a hypothesis property: never abroad without the mechanism the count
requires. Pure: no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import RULE_REASONS, RULES
from piiguard.domain.sharing.abroad import (
    Mechanism,
    TransferTally,
    company_year,
    nearness,
    required,
    year_start,
)
from piiguard.domain.sharing.register import AgreementKind, AgreementStatus, RecipientKind
from tests.unit.test_sharing_rules import (
    BOUND,
    CONSENTED,
    EMAIL,
    NAME,
    PROPERTY,
    T0,
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

SENS = "sensitive_assessment"
C, A, N = Mechanism.CONTRACT, Mechanism.ASSESSMENT, Mechanism.NONE


@pytest.mark.req("R7.1")
@pytest.mark.parametrize(
    ("people", "sensitive", "need"),
    [
        (0, 0, N),
        (1, 0, N),
        (99_999, 0, N),  # art. 5(4): under 100,000, no sensitive data — exempt
        (100_000, 0, C),  # art. 8: "10万人以上" includes 100,000
        (999_999, 0, C),
        (1_000_000, 0, A),  # art. 7(2): "100万人以上" includes 1,000,000
        (5_000_000, 0, A),
        (1, 1, C),  # art. 8: any sensitive data under 10,000 people — contract
        (99_999, 9_999, C),
        (10_000, 10_000, A),  # art. 7(2): 10,000 people's sensitive data
        (50_000, 9_999, C),
        (50_000, 10_000, A),
    ],
)
def test_the_mechanism_the_count_requires_at_the_edges(
    people: int, sensitive: int, need: Mechanism
) -> None:
    assert required(TransferTally(2026, people, sensitive)) is need


@pytest.mark.req("R7.1")
@pytest.mark.parametrize("people", [0, 1, 99_999, 100_000])
def test_a_ciio_always_needs_the_assessment(people: int) -> None:
    assert required(TransferTally(2026, people, 0), ciio=True) is A


@pytest.mark.req("R7.1")
def test_the_year_is_the_companys_calendar_year_in_china_time() -> None:
    new_year = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # 2027-01-01 00:00 +08:00
    assert company_year(new_year - timedelta(microseconds=1)) == 2026
    assert company_year(new_year) == 2027
    assert year_start(2027) == new_year
    assert year_start(2026) == datetime(2025, 12, 31, 16, 0, tzinfo=UTC)


@pytest.mark.req("R7.1")
@pytest.mark.parametrize(
    ("people", "sensitive", "warned", "reached"),
    [
        (79_999, 7_999, set(), set()),
        (80_000, 8_000, {"people_contract", "sensitive_assessment"}, set()),
        (99_999, 0, {"people_contract"}, set()),
        (100_000, 0, set(), {"people_contract"}),
        (800_000, 0, {"people_assessment"}, {"people_contract"}),
        (
            1_000_000,
            10_000,
            set(),
            {"people_contract", "people_assessment", "sensitive_assessment"},
        ),
    ],
)
def test_a_warning_from_80_percent_of_a_threshold_not_yet_reached(
    people: int, sensitive: int, warned: set[str], reached: set[str]
) -> None:
    near = nearness(TransferTally(2026, people, sensitive))
    assert {n.key for n in near if n.warn} == warned
    assert {n.key for n in near if n.reached} == reached


# -- the rule in the decision point ---------------------------------------------------------
def at_count(people: int, sensitive: int = 0, **kw: object) -> AccessRequest:
    return replace(share(EMAIL, NAME, **kw), abroad_tally=TransferTally(2026, people, sensitive))  # type: ignore[arg-type]


def with_kinds(*kinds: AgreementKind) -> PolicyState:
    extra = tuple(replace(agreement(kind=k), id=f"m-{i}") for i, k in enumerate(kinds))
    return replace(BOUND, agreements={"acme-de": (agreement(), *extra)})


@pytest.mark.req("R7.1")
def test_the_rule_sits_after_the_consent_abroad_and_names_its_codes() -> None:
    names = [r.__name__ for r in RULES]
    assert names.index("mechanism_for_count") == names.index("shared_abroad_with_consent") + 2
    assert RULE_REASONS["mechanism_for_count"] == (
        "transfer_count_unknown",
        "transfer_mechanism_missing",
    )


@pytest.mark.req("R7.1")
def test_under_100000_people_a_group_agreement_is_enough() -> None:
    d = run(at_count(99_999))
    assert d.allowed == {EMAIL, NAME}


@pytest.mark.req("R7.1")
def test_from_100000_people_a_transfer_without_the_standard_contract_is_refused() -> None:
    d = run(at_count(100_000))
    assert d.allowed == frozenset()
    assert codes(d) == ["transfer_mechanism_missing"]
    r = reason_of(d, "transfer_mechanism_missing")
    assert "standard contract" in r.en and "100,000" in r.en and "art. 7–8" in r.en
    assert "标准合同" in r.zh and "100000" in r.zh and "第八条" in r.zh


@pytest.mark.req("R7.1")
@pytest.mark.parametrize(
    ("people", "sensitive", "kinds", "allowed"),
    [
        (100_000, 0, (AgreementKind.STANDARD_CONTRACT,), True),
        (100_000, 0, (AgreementKind.CERTIFICATION,), True),
        (100_000, 0, (AgreementKind.SECURITY_ASSESSMENT,), True),  # the stronger one serves
        (1, 1, (), False),  # one person's sensitive data already needs the contract
        (1, 1, (AgreementKind.STANDARD_CONTRACT,), True),
        (1_000_000, 0, (AgreementKind.STANDARD_CONTRACT,), False),
        (1_000_000, 0, (AgreementKind.CERTIFICATION, AgreementKind.STANDARD_CONTRACT), False),
        (999_999, 9_999, (AgreementKind.CERTIFICATION,), True),
        (20, 10_000, (AgreementKind.STANDARD_CONTRACT,), False),
        (20, 10_000, (AgreementKind.SECURITY_ASSESSMENT,), True),
    ],
)
def test_the_mechanism_in_force_must_meet_the_count(
    people: int, sensitive: int, kinds: tuple[AgreementKind, ...], allowed: bool
) -> None:
    d = run(at_count(people, sensitive), pol=with_kinds(*kinds))
    assert bool(d.allowed) is allowed
    assert ("transfer_mechanism_missing" in codes(d)) is not allowed


@pytest.mark.req("R7.1")
def test_a_mechanism_expired_or_terminated_counts_for_nothing() -> None:
    for a in (
        replace(agreement(kind=AgreementKind.STANDARD_CONTRACT), valid_until=T0),
        replace(agreement(kind=AgreementKind.STANDARD_CONTRACT), status=AgreementStatus.TERMINATED),
    ):
        pol = replace(BOUND, agreements={"acme-de": (agreement(), replace(a, id="m"))})
        assert codes(run(at_count(100_000), pol=pol)) == ["transfer_mechanism_missing"]


@pytest.mark.req("R7.1")
def test_a_ciio_needs_the_assessment_from_the_first_person() -> None:
    pol = replace(with_kinds(AgreementKind.STANDARD_CONTRACT), ciio=True)
    d = run(at_count(1), pol=pol)
    assert codes(d) == ["transfer_mechanism_missing"]
    assert "critical information infrastructure" in reason_of(d, "transfer_mechanism_missing").en
    assert run(
        at_count(1), pol=replace(with_kinds(AgreementKind.SECURITY_ASSESSMENT), ciio=True)
    ).allowed


@pytest.mark.req("R7.1")
def test_a_share_abroad_without_its_count_is_refused() -> None:
    d = run(replace(share(EMAIL), abroad_tally=None))
    assert codes(d) == ["transfer_count_unknown"]
    reason_of(d, "transfer_count_unknown")


@pytest.mark.req("R7.1")
def test_at_home_or_to_an_authority_the_count_asks_nothing() -> None:
    home = policy(recipient(country="CN"), agreements=(agreement(),), profiles=(profile(),))
    assert run(at_count(5_000_000, 50_000), pol=home, sub=CONSENTED).allowed
    assert "transfer_count_unknown" not in codes(
        run(replace(share(EMAIL), abroad_tally=None), pol=home)
    )
    authority = policy(recipient(kind=RecipientKind.AUTHORITY), profiles=(profile(),))
    d = run(at_count(5_000_000), pol=authority)
    assert "transfer_mechanism_missing" not in codes(d)


@pytest.mark.req("R7.1")
@PROPERTY
@given(
    worlds(),
    st.integers(0, 2_000_000),
    st.integers(0, 20_000),
    st.booleans(),
    st.sets(st.sampled_from(list(AgreementKind)), max_size=3),
)
def test_never_abroad_without_the_mechanism_the_count_requires(
    w: tuple[AccessRequest, PolicyState, SubjectState],
    people: int,
    sensitive: int,
    ciio: bool,
    kinds: set[AgreementKind],
) -> None:
    req, pol, sub = w
    tally = TransferTally(2026, people, min(sensitive, people))
    extra = tuple(replace(agreement("r", kind=k), id=f"m-{i}") for i, k in enumerate(sorted(kinds)))
    pol = replace(
        pol,
        ciio=ciio,
        agreements={"r": (*pol.agreements.get("r", ()), *extra)},
    )
    req = replace(req, abroad_tally=tally)
    d = decide(req, pol, sub, decision_id="d")
    r = pol.recipients["r"]
    if d.allowed and r.country != "CN" and r.kind is not RecipientKind.AUTHORITY:
        in_force = {a.kind for a in pol.agreements["r"] if a.in_force(req.at)}
        need = required(tally, ciio)
        if need is Mechanism.ASSESSMENT:
            assert AgreementKind.SECURITY_ASSESSMENT in in_force
        elif need is Mechanism.CONTRACT:
            assert in_force & {
                AgreementKind.STANDARD_CONTRACT,
                AgreementKind.CERTIFICATION,
                AgreementKind.SECURITY_ASSESSMENT,
            }
