"""The decision point's sharing rules as a decision table (R3.1, R3.2, R3.3, R3.6, R7.1):
one case per reason code — the exact code, both languages, the categories concerned, what
stays allowed — plus the minimisation report, what a profile does to values, and
hypothesis properties: never shared without an agreement in force covering it, never a
category outside the profile, never abroad without the person's consent naming the
recipient or its country, never to an authority without a legal request.

Pure: domain objects built directly, fixed UTC times, no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.consent import Consent, ConsentKind, GuardianLink
from piiguard.domain.decisions import Action, Actor, ActorKind, Decision
from piiguard.domain.errors import InvalidInput
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.sharing import minimise
from piiguard.domain.sharing.abroad import TransferTally
from piiguard.domain.sharing.legal import LegalDemand
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
    Treatment,
    check_agreement,
    check_profile,
    check_recipient,
)
from piiguard.domain.sharing.rules import mechanisms_in_force
from piiguard.domain.subjects import Channel
from piiguard.domain.taxonomy import Taxonomy
from tests.assessed import assessed

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
SUB = "sub-1"
PURPOSE = "after_sales"
EMAIL, PHONE, NAME = "user.contact.email", "user.contact.phone_number", "user.name"
DOB, ADDRESS = "user.demographic.date_of_birth", "user.contact.address"
BANK = "user.financial.bank_account"
TAXONOMY = Taxonomy.default()
# after-sales here also covers the date of birth, so that a generalisation can be shown
REGISTER = PurposeRegister.of(
    1,
    [
        replace(r, categories=r.categories | {"user.demographic"}) if r.key == PURPOSE else r
        for r in seed_purposes()
    ],
)
OFFICER = Actor("po-1", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))


def recipient(
    key: str = "acme-de",
    kind: RecipientKind = RecipientKind.GROUP_COMPANY,
    country: str = "DE",
    status: RecipientStatus = RecipientStatus.ACTIVE,
) -> Recipient:
    return Recipient(
        key, kind, f"{key} GmbH", country, "GDPR", "dpo@example.com", frozenset(), status, "op", T0
    )


def agreement(
    rcp: str = "acme-de",
    cats: tuple[str, ...] = ("user.contact", "user.name", "user.demographic"),
    purposes: tuple[str, ...] = (PURPOSE,),
    *,
    kind: AgreementKind = AgreementKind.INTRA_GROUP,
    until: datetime | None = T0 + 365 * DAY,
    status: AgreementStatus = AgreementStatus.ACTIVE,
    aid: str = "a-1",
) -> Agreement:
    return Agreement(
        aid,
        rcp,
        kind,
        "Intra-group agreement",
        ("Us Co", "Acme GmbH"),
        frozenset(purposes),
        frozenset(cats),
        T0 - 30 * DAY,
        until,
        "a" * 64,
        "DMS 42",
        "CN-SC-2026-1" if kind is AgreementKind.STANDARD_CONTRACT else "",
        status,
        "op",
        T0 - 30 * DAY,
    )


FIELDS = {EMAIL: Treatment.MASKED, NAME: Treatment.WHOLE, DOB: Treatment.BIRTH_YEAR}


def profile(rcp: str = "acme-de", fields: dict[str, Treatment] | None = None) -> Profile:
    return Profile(rcp, PURPOSE, dict(fields or FIELDS), "op", T0)


def policy(
    *recipients: Recipient,
    agreements: tuple[Agreement, ...] = (),
    profiles: tuple[Profile, ...] = (),
) -> PolicyState:
    by: dict[str, list[Agreement]] = {}
    for a in agreements:
        by.setdefault(a.recipient, []).append(a)
    state = PolicyState(
        TAXONOMY,
        REGISTER,
        frozenset({"customer_contact"}),
        recipients={r.key: r for r in recipients},
        agreements={k: tuple(v) for k, v in by.items()},
        profiles={(p.recipient, p.purpose): p for p in profiles},
    )
    return assessed(state)  # every share assessed (R10.4): tests/unit/test_assessment_rule.py


def transfer(
    rcp: str | None = "acme-de", dest: str | None = None, *, withdrawn: datetime | None = None
) -> Consent:
    return Consent(
        "c-t",
        SUB,
        PURPOSE,
        ConsentKind.TRANSFER_ABROAD,
        T0 - DAY,
        Channel.WEB,
        "1",
        "0" * 64,
        "op",
        None,
        withdrawn,
        rcp,
        dest,
    )


ALL = frozenset({EMAIL, PHONE, NAME, DOB, ADDRESS, BANK, "user.contact.address.city"})
COLLECTED = dict.fromkeys(ALL, frozenset(REGISTER.rules))
ADULT = SubjectState(SUB, adult_on=date(1990, 1, 1), collected_for=COLLECTED)
CONSENTED = replace(ADULT, consents=(transfer(),))
BOUND = policy(recipient(), agreements=(agreement(),), profiles=(profile(),))


def share(
    *cats: str, rcp: str | None = "acme-de", legal: str | None = None, at: datetime = T0
) -> AccessRequest:
    return AccessRequest(
        OFFICER,
        Action.SHARE,
        SUB,
        PURPOSE,
        frozenset(cats or (EMAIL,)),
        at,
        recipient=rcp,
        legal_request_id=legal,
        abroad_tally=TransferTally(2026, 1, 0),  # exempt: the count's rule has its own tests
    )


def run(req: AccessRequest, pol: PolicyState = BOUND, sub: SubjectState = CONSENTED) -> Decision:
    return decide(req, pol, sub, decision_id="d-1")


def codes(d: Decision) -> list[str]:
    return [r.code for r in d.reasons]


def reason_of(d: Decision, code: str):  # type: ignore[no-untyped-def]
    [r] = [r for r in d.reasons if r.code == code]
    assert r.en.strip() and r.zh.strip()
    return r


# -- the baseline --------------------------------------------------------------------------
@pytest.mark.req("R3.1")
@pytest.mark.req("R3.6")
def test_a_bound_recipient_with_consent_gets_what_its_profile_names_minimised() -> None:
    d = run(share(EMAIL, NAME, DOB))
    assert d.allowed == {EMAIL, NAME, DOB}
    assert codes(d) == ["allowed", "minimised"]
    r = reason_of(d, "minimised")
    assert r.categories == (EMAIL, DOB)  # the whole one is not "minimised"
    assert "masked" in r.en and "birth_year" in r.zh
    assert set(d.obligations) >= {f"minimise:{EMAIL}:masked", f"minimise:{DOB}:birth_year"}


def test_a_use_without_a_recipient_meets_none_of_the_sharing_rules() -> None:
    d = run(replace(share(EMAIL, PHONE), recipient=None), pol=policy())
    assert d.allowed == {EMAIL, PHONE}


# -- recipient_bound -------------------------------------------------------------------------
@pytest.mark.req("R3.6")
@pytest.mark.parametrize("status", [RecipientStatus.SUSPENDED, RecipientStatus.ENDED, None])
def test_an_unknown_suspended_or_ended_recipient_gets_nothing(
    status: RecipientStatus | None,
) -> None:
    pol = (
        BOUND
        if status is None
        else replace(BOUND, recipients={"acme-de": recipient(status=status)})
    )
    d = run(share(EMAIL, rcp="acme-de" if status else "nobody"), pol=pol)
    assert d.allowed == frozenset()
    assert codes(d) == ["recipient_not_active"]
    assert reason_of(d, "recipient_not_active").categories == ()


@pytest.mark.req("R3.6")
def test_no_agreement_at_all_is_denied() -> None:
    d = run(share(EMAIL, NAME), pol=replace(BOUND, agreements={}))
    assert d.allowed == frozenset()
    assert reason_of(d, "no_agreement_in_force").categories == (EMAIL, NAME)
    assert "acme-de GmbH" in reason_of(d, "no_agreement_in_force").zh


@pytest.mark.req("R3.6")
@pytest.mark.parametrize(
    "a",
    [
        agreement(until=T0),  # expired at the very instant
        agreement(until=T0 - DAY),
        agreement(status=AgreementStatus.TERMINATED),
        agreement(purposes=("marketing",)),  # another purpose
        replace(agreement(), valid_from=T0 + DAY),  # not yet valid
    ],
    ids=["expires-now", "expired", "terminated", "other-purpose", "not-yet"],
)
def test_an_agreement_not_in_force_or_not_for_the_purpose_covers_nothing(a: Agreement) -> None:
    d = run(share(EMAIL), pol=replace(BOUND, agreements={"acme-de": (a,)}))
    assert d.allowed == frozenset()
    assert "no_agreement_in_force" in codes(d)


@pytest.mark.req("R3.6")
def test_categories_outside_the_agreement_are_refused_the_others_shared() -> None:
    pol = replace(BOUND, agreements={"acme-de": (agreement(cats=("user.contact.email",)),)})
    d = run(share(EMAIL, NAME), pol=pol)
    assert d.allowed == {EMAIL}
    assert d.outcome == "partly_allowed"
    assert reason_of(d, "no_agreement_in_force").categories == (NAME,)


# -- within_profile --------------------------------------------------------------------------
@pytest.mark.req("R3.1")
def test_no_profile_for_the_purpose_shares_nothing() -> None:
    d = run(share(EMAIL), pol=replace(BOUND, profiles={}))
    assert d.allowed == frozenset()
    assert codes(d) == ["no_minimisation_profile"]


@pytest.mark.req("R3.1")
def test_categories_outside_the_profile_are_dropped_and_said_so() -> None:
    d = run(share(EMAIL, PHONE))  # phone: under the agreement, not in the profile
    assert d.allowed == {EMAIL}
    r = reason_of(d, "category_outside_profile")
    assert r.categories == (PHONE,)
    assert "dropped" in r.en and "不予提供" in r.zh


@pytest.mark.req("R3.1")
def test_a_profile_row_covers_its_subtree() -> None:
    pol = replace(
        BOUND, profiles={("acme-de", PURPOSE): profile(fields={"user.contact": Treatment.HASHED})}
    )
    d = run(share(EMAIL, PHONE), pol=pol)
    assert d.allowed == {EMAIL, PHONE}
    assert f"minimise:{PHONE}:hashed" in d.obligations


# -- shared_abroad_with_consent --------------------------------------------------------------
@pytest.mark.req("R7.1")
@pytest.mark.parametrize(
    "consents",
    [
        (),
        (transfer(rcp=None, dest=None),),  # names nobody
        (transfer(rcp="other"),),  # names another recipient
        (transfer(rcp=None, dest="US"),),  # names another country
        (transfer(withdrawn=T0),),  # withdrawn at the instant
        (replace(transfer(), kind=ConsentKind.GENERAL),),  # not the separate kind
        (replace(transfer(), purpose="marketing"),),  # another purpose
    ],
    ids=["none", "unnamed", "other-recipient", "other-country", "withdrawn", "general", "purpose"],
)
def test_abroad_without_a_consent_naming_recipient_or_country_is_denied(
    consents: tuple[Consent, ...],
) -> None:
    d = run(share(EMAIL, NAME), sub=replace(ADULT, consents=consents))
    assert d.allowed == frozenset()
    r = reason_of(d, "share_abroad_without_consent")
    assert "DE" in r.en and "DE" in r.zh


@pytest.mark.req("R7.1")
@pytest.mark.parametrize(
    "c", [transfer(), transfer(rcp=None, dest="DE")], ids=["recipient", "country"]
)
def test_a_consent_naming_the_recipient_or_its_country_is_enough(c: Consent) -> None:
    d = run(share(EMAIL), sub=replace(ADULT, consents=(c,)))
    assert d.allowed == {EMAIL}


@pytest.mark.req("R7.1")
def test_a_group_company_is_spared_the_notice_not_the_consent() -> None:
    assert recipient().kind is RecipientKind.GROUP_COMPANY
    assert run(share(EMAIL), sub=ADULT).allowed == frozenset()


@pytest.mark.req("R7.1")
def test_a_recipient_at_home_needs_no_transfer_consent() -> None:
    home = recipient("svc-cn", RecipientKind.BUSINESS_PARTNER, "CN")
    pol = policy(
        home,
        agreements=(agreement("svc-cn", kind=AgreementKind.DPA),),
        profiles=(profile("svc-cn"),),
    )
    assert run(share(EMAIL, rcp="svc-cn"), pol=pol, sub=ADULT).allowed == {EMAIL}


@pytest.mark.req("R7.1")
def test_a_child_needs_the_guardians_transfer_consent() -> None:
    child = replace(
        CONSENTED,
        declared_minor=True,
        guardians=(GuardianLink(SUB, "g-1", "po", T0 - DAY),),
    )
    assert "share_abroad_without_consent" in codes(run(share(EMAIL), sub=child))
    by_guardian = replace(child, consents=(replace(transfer(), given_by="g-1"),))
    assert "share_abroad_without_consent" not in codes(run(share(EMAIL), sub=by_guardian))


# -- authority_through_legal_request ---------------------------------------------------------
POLICE = recipient("police", RecipientKind.AUTHORITY, "CN")
AUTH = policy(POLICE, profiles=(profile("police"),))


def demand(authority: str, cats: frozenset[str] = ALL) -> LegalDemand:
    return LegalDemand(authority, PURPOSE, frozenset({SUB}), cats)


@pytest.mark.req("R3.5")
@pytest.mark.parametrize("legal", [None, "lr-unknown"])
def test_an_authority_gets_nothing_without_an_approved_legal_request(legal: str | None) -> None:
    d = run(share(EMAIL, rcp="police", legal=legal), pol=AUTH, sub=ADULT)
    assert d.allowed == frozenset()
    assert codes(d) == ["authority_without_legal_request"]


@pytest.mark.req("R3.5")
def test_an_approved_legal_request_naming_the_authority_lets_its_demand_through() -> None:
    pol = replace(AUTH, legal_requests={"lr-1": demand("police"), "lr-2": demand("tax-office")})
    assert run(share(EMAIL, rcp="police", legal="lr-1"), pol=pol, sub=ADULT).allowed == {EMAIL}
    assert run(share(EMAIL, rcp="police", legal="lr-2"), pol=pol, sub=ADULT).allowed == frozenset()


@pytest.mark.req("R3.5")
def test_nothing_beyond_the_demand_goes_to_the_authority() -> None:
    pol = replace(AUTH, legal_requests={"lr-1": demand("police", frozenset({"user.contact"}))})
    d = run(share(EMAIL, NAME, rcp="police", legal="lr-1"), pol=pol, sub=ADULT)
    assert d.allowed == {EMAIL}
    [r] = [r for r in d.reasons if r.code == "outside_legal_demand"]
    assert r.categories == (NAME,)
    assert "lr-1" in r.en and "lr-1" in r.zh
    # a subject the request does not name, or another purpose: nothing at all
    other = replace(ADULT, subject_id="sub-2")
    d = run(replace(share(EMAIL, rcp="police", legal="lr-1"), subject_id="sub-2"), pol, other)
    assert (d.allowed, codes(d)) == (frozenset(), ["outside_legal_demand"])
    d = run(replace(share(EMAIL, rcp="police", legal="lr-1"), purpose="marketing"), pol, ADULT)
    assert d.allowed == frozenset()
    assert "outside_legal_demand" in codes(d)


def test_mechanisms_in_force_are_the_seam_for_the_transfer_count() -> None:
    pol = replace(
        BOUND,
        agreements={
            "acme-de": (
                agreement(),
                agreement(kind=AgreementKind.STANDARD_CONTRACT, aid="a-2"),
                agreement(kind=AgreementKind.CERTIFICATION, aid="a-3", until=T0 - DAY),
            )
        },
    )
    assert mechanisms_in_force(pol, "acme-de", T0) == {AgreementKind.STANDARD_CONTRACT}


def test_no_legal_exception_lifts_a_sharing_refusal() -> None:
    d = run(share(EMAIL), pol=replace(BOUND, agreements={}))
    assert "no_agreement_in_force" in codes(d)  # the verdicts are not liftable
    assert all(c != "legal_exception" for c in codes(d))


# -- the register's own checks ---------------------------------------------------------------
@pytest.mark.req("R3.2")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"key": "A"}, "key"),
        ({"country": "de"}, "country"),
        ({"legal_name": " "}, "legal_name"),
        ({"law": ""}, "law"),
        ({"contact": ""}, "contact"),
    ],
)
def test_a_recipient_names_itself_properly(change: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        check_recipient(replace(recipient(), **change))  # type: ignore[arg-type]
    assert e.value.field == field


@pytest.mark.req("R3.6")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"document_sha256": "xyz"}, "document_sha256"),
        ({"document_location": ""}, "document_location"),
        ({"purposes": frozenset()}, "purposes"),
        ({"categories": frozenset()}, "categories"),
        ({"parties": ()}, "parties"),
        ({"valid_until": T0 - 60 * DAY}, "valid_until"),
        ({"kind": AgreementKind.STANDARD_CONTRACT, "reference": ""}, "reference"),
        ({"kind": AgreementKind.SECURITY_ASSESSMENT, "reference": " "}, "reference"),
    ],
)
def test_an_agreement_records_what_it_needs(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        check_agreement(replace(agreement(), **change))  # type: ignore[arg-type]
    assert e.value.field == field


@pytest.mark.req("R3.1")
def test_generalisations_apply_only_to_their_categories() -> None:
    check_profile(profile(fields={"user.contact.address.city": Treatment.CITY}))
    with pytest.raises(InvalidInput):
        check_profile(profile(fields={EMAIL: Treatment.BIRTH_YEAR}))
    with pytest.raises(InvalidInput):
        check_profile(Profile("acme-de", PURPOSE, {}, "op", T0))


# -- what a profile does to a value ----------------------------------------------------------
@pytest.mark.req("R3.1")
@pytest.mark.parametrize(
    ("t", "value", "out"),
    [
        (Treatment.WHOLE, "Li Wei", "Li Wei"),
        (Treatment.MASKED, "13800138000", "1*********0"),
        (Treatment.MASKED, "li.wei@example.com", "l****i@example.com"),
        (Treatment.MASKED, "ab", "**"),
        (Treatment.BIRTH_YEAR, "1990-05-17", "1990"),
        (Treatment.BIRTH_YEAR, "17.05.1990", "1990"),
        (Treatment.BIRTH_YEAR, "1990年5月17日", "1990"),
        (Treatment.BIRTH_YEAR, "unknown", ""),
        (Treatment.CITY, "上海市浦东新区世纪大道100号", "上海市"),
        (Treatment.CITY, "广东省深圳市南山区科技园", "深圳市"),
        (Treatment.CITY, "Hauptstr. 5, 80331 München, DE", "München"),
        (Treatment.CITY, "somewhere", ""),
        (Treatment.HASHED, "x", "H(x)"),
    ],
)
def test_treatments(t: Treatment, value: str, out: str) -> None:
    assert minimise.apply(t, value, lambda v: f"H({v})") == out


# -- properties ------------------------------------------------------------------------------
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)
# what every other rule allows for after-sales, so that the sharing rules decide alone
CATS = [EMAIL, PHONE, NAME, DOB, ADDRESS, "user.contact.address.city"]
SCOPES = ["user.contact", "user.name", "user.demographic", EMAIL, PHONE, "user.financial"]
hours = st.integers(-48, 48).map(lambda h: timedelta(hours=h))


def sometimes(draw: st.DrawFn) -> bool:
    """A hazard switched on about one time in four: mostly permissive worlds, so that
    "never allowed unless ..." is not vacuous."""
    return draw(st.integers(0, 3)) == 3  # hypothesis leans to 0: the hazard is 3


@st.composite
def worlds(draw: st.DrawFn) -> tuple[AccessRequest, PolicyState, SubjectState]:
    country = draw(st.sampled_from(["CN", "DE", "US"]))
    kind = draw(st.sampled_from(list(RecipientKind)))
    status = (
        draw(st.sampled_from(list(RecipientStatus))) if sometimes(draw) else RecipientStatus.ACTIVE
    )
    rcp = recipient("r", kind, country, status)
    agreements = tuple(
        replace(
            agreement("r", tuple(draw(st.sets(st.sampled_from(SCOPES), min_size=1))), aid=f"a-{i}"),
            purposes=frozenset({"marketing"} if sometimes(draw) else {PURPOSE}),
            valid_from=T0 + draw(hours) if sometimes(draw) else T0 - 60 * DAY,
            valid_until=T0 + draw(hours) if sometimes(draw) else None,
            status=AgreementStatus.TERMINATED if sometimes(draw) else AgreementStatus.ACTIVE,
        )
        for i in range(draw(st.integers(0, 3)))
    )
    fields = draw(
        st.dictionaries(
            st.sampled_from([*CATS, "user.contact", "user.demographic"]),
            st.sampled_from([Treatment.WHOLE, Treatment.MASKED, Treatment.HASHED]),
            min_size=1,
            max_size=5,
        )
    )
    profiles = () if sometimes(draw) else (Profile("r", PURPOSE, fields, "op", T0),)
    pol = policy(rcp, agreements=agreements, profiles=profiles)
    if not sometimes(draw):
        asked = draw(st.sets(st.sampled_from(CATS)))
        lr = LegalDemand(
            draw(st.sampled_from(["r", "other"])),
            draw(st.sampled_from([PURPOSE, "marketing"])),
            frozenset({draw(st.sampled_from([SUB, "sub-2"]))}),
            frozenset(asked),
        )
        pol = replace(pol, legal_requests={"lr": lr})
    consents = tuple(
        replace(
            transfer(
                draw(st.sampled_from(["x", None])) if sometimes(draw) else "r",
                draw(st.sampled_from(["DE", "US", None])),
            ),
            id=f"c-{i}",
            granted_at=T0 + draw(hours) if sometimes(draw) else T0 - DAY,
            withdrawn_at=T0 + draw(hours) if sometimes(draw) else None,
            purpose="marketing" if sometimes(draw) else PURPOSE,
        )
        for i in range(draw(st.integers(0, 2)))
    )
    sub = replace(ADULT, consents=consents)
    cats = draw(st.sets(st.sampled_from(CATS), min_size=1))
    legal = draw(st.sampled_from([None, "lr"])) if sometimes(draw) else "lr"
    return share(*cats, rcp="r", legal=legal), pol, sub


@pytest.mark.req("R3.6")
@PROPERTY
@given(worlds())
def test_never_shared_without_an_agreement_in_force_covering_it(
    w: tuple[AccessRequest, PolicyState, SubjectState],
) -> None:
    req, pol, sub = w
    d = decide(req, pol, sub, decision_id="d")
    r = pol.recipients["r"]
    for c in d.allowed:
        assert r.status is RecipientStatus.ACTIVE
        if r.kind is RecipientKind.AUTHORITY:
            continue
        assert any(
            req.purpose in a.purposes
            and a.status is AgreementStatus.ACTIVE
            and a.valid_from <= req.at
            and (a.valid_until is None or req.at < a.valid_until)
            and any(c == k or c.startswith(k + ".") for k in a.categories)
            for a in pol.agreements.get("r", ())
        )


@pytest.mark.req("R3.1")
@PROPERTY
@given(worlds())
def test_never_a_category_outside_the_profile(
    w: tuple[AccessRequest, PolicyState, SubjectState],
) -> None:
    req, pol, sub = w
    d = decide(req, pol, sub, decision_id="d")
    prof = pol.profiles.get(("r", PURPOSE))
    for c in d.allowed:
        assert prof is not None
        assert any(c == k or c.startswith(k + ".") for k in prof.fields)


@pytest.mark.req("R7.1")
@PROPERTY
@given(worlds())
def test_never_abroad_without_the_consent_naming_it(
    w: tuple[AccessRequest, PolicyState, SubjectState],
) -> None:
    req, pol, sub = w
    d = decide(req, pol, sub, decision_id="d")
    r = pol.recipients["r"]
    if d.allowed and r.country != "CN" and r.kind is not RecipientKind.AUTHORITY:
        assert any(
            c.kind is ConsentKind.TRANSFER_ABROAD
            and c.purpose == req.purpose
            and (c.recipient == "r" or c.destination == r.country)
            and c.granted_at <= req.at
            and (c.withdrawn_at is None or req.at < c.withdrawn_at)
            for c in sub.consents
        )


@pytest.mark.req("R3.5")
@PROPERTY
@given(worlds())
def test_never_to_an_authority_without_its_legal_request(
    w: tuple[AccessRequest, PolicyState, SubjectState],
) -> None:
    req, pol, sub = w
    d = decide(req, pol, sub, decision_id="d")
    if d.allowed and pol.recipients["r"].kind is RecipientKind.AUTHORITY:
        # R3.5: an approved legal request in force naming it, and never beyond its demand
        assert req.legal_request_id is not None
        lr = pol.legal_requests[req.legal_request_id]
        assert (lr.authority, lr.purpose) == ("r", req.purpose)
        assert req.subject_id in lr.subjects
        assert all(lr.covers(c) for c in d.allowed)
