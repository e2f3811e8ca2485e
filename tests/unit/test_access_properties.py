"""Properties of the decision point over generated subjects and requests (R2.4, R2.5, R5.6,
R6.1, R6.2): whatever the consents, restrictions, guardians, systems and exceptions, some
things never happen.

The oracles below restate each rule from the policy's words, independently of the helper
methods in domain/, so a bug there cannot hide by agreeing with itself. Runs are
derandomized and keep no example database, so CI sees the same examples every time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.domain.access import ALLOWED, AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
)
from piiguard.domain.decisions import Action, Actor, ActorKind, Decision
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.subjects import Channel
from piiguard.domain.taxonomy import Taxonomy

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
SUB = "sub-1"
TAXONOMY = Taxonomy.default()
REGISTER = PurposeRegister.of(1, seed_purposes())
PURPOSES = sorted(REGISTER.rules)
CATEGORIES = [c.key for c in TAXONOMY]
GUARDIANS = ("g-1", "g-2", "g-3")
SCOPES = [
    "user",
    "user.contact",
    "user.contact.email",
    "user.financial",
    "user.behavior",
    "user.name",
    "user.device",
    "user.authorization",
]

# Hours around the decision: coarse enough that grants, withdrawals, expiries and the
# decision itself often fall on the same instant, where off-by-one mistakes live.
# The generated states are mostly permissive, with each hazard switched on now and then;
# a generator where nearly everything is refused would make "never allowed" vacuous.
# Strategies are built once here, not inside the composites: that keeps a run to seconds.
hours = st.integers(-72, 72).map(lambda h: timedelta(hours=h))
before = st.integers(0, 72).map(lambda h: timedelta(hours=h))
maybe_later = st.none() | st.integers(0, 96).map(lambda h: timedelta(hours=h))
often = st.integers(0, 9).map(lambda n: n < 7)  # 70 %
sometimes = st.integers(0, 9).map(lambda n: n < 3)  # 30 %
rarely = st.integers(0, 9).map(lambda n: n < 1)  # 10 %
any_purpose = st.sampled_from(PURPOSES)
asked_purposes = st.sampled_from([*PURPOSES, *PURPOSES, "marketing_blast"])
consent_kinds = st.sampled_from(ConsentKind)
restriction_kinds = st.sampled_from(RestrictionKind)
any_guardian = st.sampled_from(GUARDIANS)
purpose_sets = st.frozensets(any_purpose, max_size=3)
any_category = st.sampled_from(CATEGORIES)
near_days = st.integers(-4, 4).map(lambda d: timedelta(days=d))
approvals = st.sampled_from(Approval)
exception_kinds = st.sampled_from(ExceptionKind)
exception_scopes = st.frozensets(st.sampled_from(SCOPES), min_size=1, max_size=3)
approvers = st.sampled_from([None, "po-1"])  # the wrong ones
actor_kinds = st.sampled_from([ActorKind.STAFF, ActorKind.SYSTEM])
any_roles = st.frozensets(
    st.sampled_from(["staff", "privacy_officer", "system", "intern"]), max_size=2
)
actions = st.sampled_from(Action)
exception_ids = st.sampled_from([None, None, None, "ex-1", "ex-404"])  # none on file
up_to_two = st.integers(0, 2)
# per purpose: the categories it may use, so that requests are mostly in scope
IN_SCOPE = {
    p: st.frozensets(
        st.sampled_from([c for c in CATEGORIES if REGISTER.get(p).allows_category(TAXONOMY, c)]),
        min_size=1,
        max_size=3,
    )
    for p in PURPOSES
}
ROLES = {p: st.sampled_from(sorted(REGISTER.get(p).roles)) for p in PURPOSES}


@dataclass(frozen=True)
class Case:
    request: AccessRequest
    policy: PolicyState
    subject: SubjectState

    def decide(self, decision_id: str = "d-1", **changes: object) -> Decision:
        req = replace(self.request, **changes) if changes else self.request  # type: ignore[arg-type]
        return decide(req, self.policy, self.subject, decision_id=decision_id)


def _consent(
    draw: st.DrawFn,
    cid: str,
    purpose: str,
    kind: ConsentKind,
    at: datetime,
    given_by: str | None = None,
) -> Consent:
    # mostly given before the decision; sometimes after it, or withdrawn by then
    granted = at - draw(before) if draw(often) else at + draw(hours)
    later = draw(maybe_later) if draw(sometimes) else None
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
        None if later is None else granted + later,
    )


def _subject(
    draw: st.DrawFn, purpose: str, categories: frozenset[str], at: datetime
) -> SubjectState:
    collected = {}
    for c in sorted(categories):
        if draw(often):
            collected[c] = draw(purpose_sets) | {purpose}
        elif draw(often):
            collected[c] = draw(purpose_sets)
    links = tuple(
        GuardianLink(SUB, g, "staff-1", at - timedelta(days=30))
        if draw(often)
        else GuardianLink(SUB, g, None, None)
        for g in GUARDIANS
        if draw(sometimes)
    )
    consents = []
    for kind in ConsentKind:
        if draw(often):  # one of each kind to the purpose asked for...
            by = draw(any_guardian) if kind is ConsentKind.GUARDIAN else None
            consents.append(_consent(draw, f"c-{kind}", purpose, kind, at, by))
    for i in range(draw(up_to_two)):  # ... and more: duplicates, other purposes, other people
        kind = draw(consent_kinds)
        other = purpose if draw(st.booleans()) else draw(any_purpose)
        consents.append(
            _consent(draw, f"n-{i}", other, kind, at, draw(any_guardian) if draw(often) else None)
        )
    restrictions = []
    if draw(rarely):
        since = at - draw(before) if draw(often) else at + draw(hours)
        later = draw(maybe_later)
        restrictions.append(
            Restriction(
                "r-1",
                SUB,
                draw(restriction_kinds),
                None if draw(sometimes) else (purpose if draw(often) else draw(any_purpose)),
                since,
                None if later is None else since + later,
            )
        )
    adult = (
        None
        if draw(sometimes)
        else at.date() + draw(near_days)
        if draw(sometimes)
        else date(1990, 1, 1)
    )
    return SubjectState(
        SUB,
        adult_on=adult,
        declared_minor=draw(rarely),
        collected_for=collected,
        consents=tuple(consents),
        restrictions=tuple(restrictions),
        guardians=links,
    )


def _system(draw: st.DrawFn) -> System:
    ok = draw(often)
    cloud = "acme-cloud" if draw(sometimes) else None
    return System(
        "sys",
        "System",
        "it-team",
        "erp",
        "DE" if draw(rarely) else "CN",
        Approval.APPROVED if ok else draw(approvals),
        cloud,
        ok or draw(st.booleans()),
    )


def _exception(draw: st.DrawFn, at: datetime) -> LegalException:
    good = draw(often)
    return LegalException(
        "ex-1",
        draw(exception_kinds),
        "authority",
        "case-1",
        "provision",
        frozenset({SUB}) if draw(often) else frozenset({"sub-2"}),
        frozenset({"user"}) if draw(sometimes) else draw(exception_scopes),
        at - draw(before) if good or draw(often) else at + draw(hours),
        at + draw(before) if good or draw(often) else at + draw(hours),
        "po-1",
        "po-2" if good or draw(often) else draw(approvers),
        at - draw(before),
        None if good or draw(often) else at + draw(hours),
    )


@st.composite
def cases(draw: st.DrawFn, *, purpose: st.SearchStrategy[str] = asked_purposes) -> Case:
    p = draw(purpose)
    at = T0 + draw(hours)
    known = p in REGISTER.rules
    cats = draw(IN_SCOPE[p]) if known and draw(often) else frozenset()
    if not cats or draw(rarely):
        cats |= {draw(any_category)}
    register = REGISTER.deactivated(draw(any_purpose)) if draw(rarely) else REGISTER
    exc = _exception(draw, at) if draw(st.booleans()) else None
    named = ("ex-1" if draw(often) else None) if exc else draw(exception_ids)
    pol = PolicyState(
        TAXONOMY,
        register,
        frozenset({"customer_contact"}),
        {"sys": _system(draw)},
        {"ex-1": exc} if exc else {},
    )
    roles = frozenset({draw(ROLES[p])}) if known and draw(often) else draw(any_roles)
    actor = Actor("a-1", draw(actor_kinds), roles)
    target = None if draw(st.booleans()) else "ghost" if draw(rarely) else "sys"
    req = AccessRequest(actor, draw(actions), SUB, p, cats, at, target, named)
    return Case(req, pol, _subject(draw, p, cats, at))


any_case = cases()
known_cases = cases(purpose=any_purpose)


def _cleared(draw: st.DrawFn, case: Case) -> Case:
    """The same case with every hazard but the subject's age and guardians (and the named
    exception) removed, so that a property about those is not hidden by another refusal."""
    req, sub = case.request, case.subject
    rule = REGISTER.get(req.purpose)
    in_scope = frozenset(
        c for c in req.categories | draw(IN_SCOPE[req.purpose]) if rule.allows_category(TAXONOMY, c)
    )
    cats = frozenset(c for c in in_scope if not TAXONOMY.get(c).credential)
    assert cats, "every purpose has a readable category"
    given = tuple(
        Consent(
            f"k-{k}",
            SUB,
            req.purpose,
            k,
            req.at - timedelta(hours=1),
            Channel.WEB,
            "2025-01",
            "0" * 64,
            "staff-1",
        )
        for k in (ConsentKind.GENERAL, ConsentKind.SENSITIVE)
    )
    return Case(
        replace(
            req,
            categories=cats,
            target_system=None,
            actor=replace(req.actor, roles=frozenset({draw(ROLES[req.purpose])})),
        ),
        replace(case.policy, register=REGISTER),
        replace(
            sub,
            restrictions=(),
            collected_for=dict.fromkeys(cats, frozenset({req.purpose})),
            consents=(*sub.consents, *given),
        ),
    )


# -- oracles, from the policy's words ---------------------------------------------------------
def in_force(c: Consent, at: datetime) -> bool:
    return c.granted_at <= at and (c.withdrawn_at is None or at < c.withdrawn_at)


def has_consent(sub: SubjectState, purpose: str, kind: ConsentKind, at: datetime) -> bool:
    return any(c.purpose == purpose and c.kind == kind and in_force(c, at) for c in sub.consents)


def is_child(sub: SubjectState, at: datetime) -> bool:
    return sub.declared_minor or (sub.adult_on is not None and at.date() < sub.adult_on)


def verified_guardian_consented(sub: SubjectState, purpose: str, at: datetime) -> bool:
    verified = {g.guardian_id for g in sub.guardians if g.verified_at is not None}
    return any(
        c.purpose == purpose
        and c.kind == ConsentKind.GUARDIAN
        and in_force(c, at)
        and c.given_by in verified
        for c in sub.consents
    )


def exception_in_force(case: Case) -> LegalException | None:
    req = case.request
    ex = case.policy.legal_exceptions.get(req.exception_id or "")
    if ex is None:
        return None
    ok = (
        ex.approved_by is not None
        and ex.approved_by != ex.requested_by
        and ex.approved_at is not None
        and ex.approved_at <= req.at
        and (ex.revoked_at is None or req.at < ex.revoked_at)
        and ex.valid_from <= req.at < ex.valid_until
    )
    return ex if ok else None


def covered(case: Case) -> frozenset[str]:
    """The requested categories that a legal exception in force could let through."""
    ex = exception_in_force(case)
    if ex is None or SUB not in ex.subject_ids:
        return frozenset()
    return frozenset(
        c
        for c in case.request.categories
        if any(c == s or c.startswith(s + ".") for s in ex.categories)
    )


def system_usable(case: Case) -> bool:
    s = case.policy.systems.get(case.request.target_system or "")
    return (
        s is not None
        and s.status == Approval.APPROVED
        and (s.cloud_provider is None or s.cloud_approved)
    )


def codes(d: Decision) -> list[str]:
    return [r.code for r in d.reasons]


SUMMARIES = {"allowed", "partly_allowed"}  # reasons that sum a decision up, refusing nothing


# -- properties -------------------------------------------------------------------------------
@pytest.mark.req("R2.4")
@PROPERTY
@given(any_case)
def test_allowed_is_a_subset_of_requested_and_every_reason_explains_itself(case: Case) -> None:
    d = case.decide()
    assert d.requested == case.request.categories
    assert d.allowed <= d.requested
    assert d.outcome == (
        "denied" if not d.allowed else "allowed" if d.allowed == d.requested else "partly_allowed"
    )
    assert d.refused == d.requested - d.allowed
    assert d.reasons, "a decision always says why"
    # a partial answer opens with what it allowed and what it refused, never reads as a yes
    assert (codes(d)[0] == "partly_allowed") == (d.outcome == "partly_allowed")
    assert codes(d).count("partly_allowed") <= 1
    if d.outcome == "partly_allowed":
        assert d.reasons[0].categories == tuple(sorted(d.refused))
    for r in d.reasons:
        assert r.code and r.en.strip() and r.zh.strip(), r
        assert set(r.categories) <= d.requested
    if d.allowed == d.requested and case.request.exception_id is None:
        assert d.reasons == (ALLOWED,)
    if not d.allowed:
        assert ALLOWED not in d.reasons
    assert d.policy_version == case.policy.version
    assert (d.subject_id, d.purpose, d.at) == (SUB, case.request.purpose, case.request.at)


@pytest.mark.req("R2.4")
@PROPERTY
@given(any_case)
def test_decide_is_deterministic(case: Case) -> None:
    first, second = case.decide("d-1"), case.decide("d-2")
    assert second.id == "d-2"
    assert replace(second, id="d-1") == first


@pytest.mark.req("R2.4")
@PROPERTY
@given(any_case)
def test_never_allowed_without_a_consent_the_purpose_needs(case: Case) -> None:
    req, sub = case.request, case.subject
    rule = case.policy.register.active(req.purpose)
    if rule is None or not rule.needs_consent:
        return
    if not has_consent(sub, req.purpose, ConsentKind.GENERAL, req.at):
        assert case.decide().allowed <= covered(case)


needing_consent = st.sampled_from(sorted(k for k, r in REGISTER.rules.items() if r.needs_consent))
needing_cases = cases(purpose=needing_consent)
withdrawn_after = st.integers(1, 48).map(lambda h: timedelta(hours=h))
minutes_after = st.integers(0, 60 * 24 * 400).map(lambda m: timedelta(minutes=m))


@st.composite
def withdrawn_cases(draw: st.DrawFn) -> tuple[Case, datetime]:
    """A purpose that needs consent, whose only general consent was withdrawn at `w`."""
    case = draw(needing_cases)
    p = case.request.purpose
    granted = T0 + draw(hours)
    w = granted + draw(withdrawn_after)
    others = tuple(
        c for c in case.subject.consents if not (c.purpose == p and c.kind is ConsentKind.GENERAL)
    )
    mine = Consent(
        "c-w",
        SUB,
        p,
        ConsentKind.GENERAL,
        granted,
        Channel.EMAIL,
        "2025-01",
        "0" * 64,
        "staff-1",
        None,
        w,
    )
    at = w + draw(minutes_after)
    pol = replace(case.policy, register=REGISTER)
    req = replace(case.request, at=at, exception_id=None)
    # an adult: a child's own consent never counts (only a verified guardian's), PIPL Art. 31
    adult = replace(case.subject, declared_minor=False, adult_on=None)
    return Case(req, pol, replace(adult, consents=(*others, mine))), w


@pytest.mark.req("R2.4")
@PROPERTY
@given(withdrawn_cases())
def test_withdrawal_refuses_from_the_withdrawal_on(pair: tuple[Case, datetime]) -> None:
    case, w = pair
    d = case.decide()
    assert d.allowed == frozenset()
    assert "consent_required" in codes(d)
    # the instant before, the same consent was still in force: no consent_required then
    just_before = case.decide(at=w - timedelta(microseconds=1))
    assert "consent_required" not in codes(just_before)


days_ahead = st.integers(1, 9).map(lambda d: timedelta(days=d))


@st.composite
def child_cases(draw: st.DrawFn) -> Case:
    case = draw(known_cases)
    if draw(often):
        case = _cleared(draw, case)
    sub = case.subject
    if draw(st.booleans()):
        sub = replace(sub, declared_minor=True)
    else:
        sub = replace(sub, declared_minor=False, adult_on=case.request.at.date() + draw(days_ahead))
    return replace(case, subject=sub)


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
@PROPERTY
@given(any_case | child_cases())
def test_never_allowed_for_a_child_without_a_verified_guardians_consent(case: Case) -> None:
    req, sub = case.request, case.subject
    if is_child(sub, req.at) and not verified_guardian_consented(sub, req.purpose, req.at):
        assert case.decide().allowed <= covered(case)


@pytest.mark.req("R5.6")
@pytest.mark.req("R2.5")
@PROPERTY
@given(any_case)
def test_never_allowed_to_an_unapproved_system_exception_or_not(case: Case) -> None:
    if case.request.target_system is not None and not system_usable(case):
        d = case.decide()
        assert d.allowed == frozenset()
        assert "system_not_approved" in codes(d)


# The refusals a legal exception may lift (docs/purpose-limitation.md); every other code
# (purpose_unknown, role, credential, system, transfer abroad ...) stands.
LIFTABLE = frozenset(
    {
        "purpose_not_declared_at_collection",
        "consent_required",
        "sensitive_without_separate_consent",
        "child_without_guardian_consent",
        "processing_restricted",
        "processing_objected",
    }
)
DEFECTS = ("self_approved", "unapproved", "revoked", "expired", "not_yet_valid")
defects = st.sampled_from(DEFECTS)
a_second = timedelta(seconds=1)


@st.composite
def exception_cases(draw: st.DrawFn, *, defective: bool = False) -> Case:
    """A case naming an exception that covers the subject, with the refusals it exists to
    lift; in force, or (`defective`) wrong in exactly one way."""
    case = draw(known_cases)
    if draw(often):
        case = _cleared(draw, case)
    at = case.request.at
    ex = LegalException(
        "ex-1",
        draw(exception_kinds),
        "authority",
        "case-1",
        "provision",
        frozenset({SUB}),
        draw(exception_scopes),
        at - draw(before),
        at + draw(before) + a_second,
        "po-1",
        "po-2",
        at,
        None,
    )
    match draw(defects) if defective else None:
        case "self_approved":
            ex = replace(ex, approved_by="po-1")
        case "unapproved":
            ex = replace(ex, approved_by=None, approved_at=None)
        case "revoked":
            ex = replace(ex, revoked_at=at + draw(hours))
        case "expired":
            ex = replace(ex, valid_until=at - draw(before))
        case "not_yet_valid":
            ex = replace(ex, valid_from=at + draw(before) + a_second)
    sub = case.subject
    if draw(often):  # no consents at all, perhaps a child: the refusals it exists to lift
        sub = replace(sub, consents=(), declared_minor=draw(st.booleans()))
    return Case(
        replace(case.request, exception_id="ex-1"),
        replace(case.policy, legal_exceptions={"ex-1": ex}),
        sub,
    )


@pytest.mark.req("R2.5")
@PROPERTY
@given(any_case | exception_cases(defective=True))
def test_an_exception_not_in_force_changes_nothing_it_could_allow(case: Case) -> None:
    if case.request.exception_id is None or exception_in_force(case) is not None:
        return
    with_it, without = case.decide(), case.decide(exception_id=None)
    assert with_it.allowed == without.allowed
    assert codes(with_it) == [
        *(c for c in codes(without) if c == "partly_allowed"),
        "exception_not_in_force",
        *(c for c in codes(without) if c not in SUMMARIES),
    ]
    assert "legal_exception" not in codes(with_it)
    assert not any(o.startswith("expires:") for o in with_it.obligations)


@pytest.mark.req("R2.5")
@PROPERTY
@given(any_case | exception_cases())
def test_an_exception_in_force_lifts_exactly_the_consent_refusals_it_covers(case: Case) -> None:
    ex = exception_in_force(case)
    if ex is None:
        return
    with_it, without = case.decide(), case.decide(exception_id=None)

    def refusals(category: str) -> set[str]:
        return {
            r.code
            for r in without.reasons
            if r.code not in SUMMARIES and (not r.categories or category in r.categories)
        }

    liftable = {c for c in covered(case) - without.allowed if refusals(c) <= LIFTABLE}
    assert with_it.allowed == without.allowed | liftable
    gained = with_it.allowed - without.allowed
    named = [r for r in with_it.reasons if r.code == "legal_exception"]
    expires = f"expires:{ex.valid_until.isoformat()}"
    if gained:
        assert [r.categories for r in named] == [tuple(sorted(gained))]
        assert ex.id in named[0].en
        assert expires in with_it.obligations
        assert not any(TAXONOMY.get(c).credential for c in gained)
    else:
        assert named == []
        assert expires not in with_it.obligations


@pytest.mark.req("R5.5")
@PROPERTY
@given(any_case)
def test_credentials_are_never_allowed(case: Case) -> None:
    assert not any(TAXONOMY.get(c).credential for c in case.decide().allowed)


@pytest.mark.req("R2.4")
@pytest.mark.req("R2.3")
@PROPERTY
@given(any_case)
def test_never_allowed_for_an_unknown_or_inactive_purpose_or_role(case: Case) -> None:
    rule = case.policy.register.active(case.request.purpose)
    if rule is None or not (case.request.actor.roles & rule.roles):
        assert case.decide().allowed == frozenset()


@pytest.mark.req("R2.4")
@PROPERTY
@given(any_case)
def test_sensitive_categories_need_a_sensitive_consent_and_are_masked_for_staff(case: Case) -> None:
    req, sub = case.request, case.subject
    d = case.decide()
    sensitive = {c for c in d.allowed if TAXONOMY.get(c).sensitive}
    if not has_consent(sub, req.purpose, ConsentKind.SENSITIVE, req.at):
        assert sensitive <= covered(case)
    masks = {o.removeprefix("mask:") for o in d.obligations if o.startswith("mask:")}
    assert masks == (sensitive if req.actor.kind is ActorKind.STAFF else set())


@pytest.mark.req("R2.4")
@pytest.mark.req("R7.1")
@PROPERTY
@given(any_case)
def test_never_abroad_without_a_transfer_abroad_consent(case: Case) -> None:
    req = case.request
    s = case.policy.systems.get(req.target_system or "")
    if (
        s is not None
        and s.region != case.policy.home_region
        and not has_consent(case.subject, req.purpose, ConsentKind.TRANSFER_ABROAD, req.at)
    ):
        assert case.decide().allowed == frozenset()
