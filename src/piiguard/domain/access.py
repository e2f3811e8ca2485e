"""The decision point (R2.4, R2.5, R2.10, R5.6, R6.1, R6.2): one pure function decides
every use of personal data — allowed, partly allowed or denied, with every reason as a
stable code and a sentence in English and Chinese, and obligations where they apply.

`decide(request, policy, subject)` reads nothing but its arguments: the request
(`AccessRequest`), the policy snapshot (`PolicyState`) and the subject's state
(`SubjectState`), all defined here. Each rule is a function yielding `Verdict`s (a reason
and the categories it refuses); the rules are domain/access_rules.py's `RULES`, and new
rules — sharing, recipients' agreements, transfers abroad — are new functions there, not a
rewrite. A legal exception in force whose scope covers the request lifts the consent-type
refusals (never an unknown purpose, an unapproved system, a role, or a credential); so does
the person's own verified request (`RIGHTS_PURPOSE`). The reasons about the exception and
the request, and the partial answer, are given here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from piiguard.domain.access_rules import RULES
from piiguard.domain.assessments.rule import AssessmentIndex
from piiguard.domain.consent import Consent, ConsentKind, GuardianLink, Restriction
from piiguard.domain.decisions import Action, Actor, ActorKind, Decision, Reason, Verdict, reason
from piiguard.domain.policy.datamap import System
from piiguard.domain.policy.legal_exceptions import LegalException
from piiguard.domain.policy.register import PurposeRegister
from piiguard.domain.policy.versions import RenewalDue
from piiguard.domain.sharing.abroad import TransferTally
from piiguard.domain.sharing.exemption import Exemption, exempted
from piiguard.domain.sharing.legal import LegalDemand
from piiguard.domain.sharing.register import Agreement, Profile, Recipient, Treatment
from piiguard.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class AccessRequest:
    actor: Actor
    action: Action
    subject_id: str
    purpose: str
    categories: frozenset[str]  # the leaf categories asked for
    at: datetime
    target_system: str | None = None
    exception_id: str | None = None
    # a verified request of the person (R4.1): their own data goes back to them whatever
    # they restricted, objected to or never consented to (PIPL Art. 44–45)
    rights_request_id: str | None = None
    # a share (R3.1): the recipient (register key) it goes to; for an authority, the
    # approved legal request it answers (domain/sharing/rules.py)
    recipient: str | None = None
    legal_request_id: str | None = None
    # a share abroad (R7.1): this year's count of people whose data went abroad as it
    # stands after this share (services/sharing/abroad.py), for `mechanism_for_count`
    abroad_tally: TransferTally | None = None
    # a share to a recipient abroad that is not a group company (R7.1): whether the person
    # was told of this recipient (domain/sharing/notice.py); None: nobody checked
    abroad_notice: bool | None = None


RIGHTS_PURPOSE = "legal_compliance"


@dataclass(frozen=True, slots=True)
class SubjectState:
    """Everything about one subject that a decision may depend on — loaded per decision."""

    subject_id: str
    adult_on: date | None = None
    declared_minor: bool = False
    collected_for: Mapping[str, frozenset[str]] = field(default_factory=dict)
    consents: tuple[Consent, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    guardians: tuple[GuardianLink, ...] = ()

    def is_child(self, at: datetime) -> bool:
        return self.declared_minor or (self.adult_on is not None and at.date() < self.adult_on)

    def verified_guardians(self, at: datetime) -> frozenset[str]:
        return frozenset(
            g.guardian_id
            for g in self.guardians
            if g.child_id == self.subject_id and g.verified_at is not None and g.verified_at <= at
        )

    def consent(self, purpose: str, kind: ConsentKind, at: datetime) -> Consent | None:
        """A consent of this kind to this purpose in force at `at`. For a child (PIPL
        Art. 31), and for guardian consent, only one given by a guardian whose link staff
        had verified by then counts — whatever order consents are stored in."""
        by_guardian = kind is ConsentKind.GUARDIAN or self.is_child(at)
        guardians = self.verified_guardians(at) if by_guardian else frozenset()
        for c in self.consents:
            if (
                c.subject_id == self.subject_id
                and c.purpose == purpose
                and c.kind is kind
                and c.in_force(at)
                and (not by_guardian or c.given_by in guardians)
            ):
                return c
        return None


@dataclass(frozen=True, slots=True)
class PolicyState:
    """A snapshot of what decisions depend on besides the subject; rebuilt when the policy
    epoch changes (any register, data-map or legal-exception change)."""

    taxonomy: Taxonomy
    register: PurposeRegister
    subject_kinds: frozenset[str]
    systems: Mapping[str, System] = field(default_factory=dict)
    legal_exceptions: Mapping[str, LegalException] = field(default_factory=dict)
    home_region: str = "CN"
    policy_version: str = "1"
    epoch: int = 0
    child_age: int = 14  # R6.1: under this age a person is a child
    child_data_hours: int = 72  # R6.3: deadline of a child's data found without consent
    deprecated: frozenset[str] = frozenset()  # categories kept for old data, refused for new
    # sharing (R3.1–R3.3): the recipient register, agreements by recipient, profiles by
    # (recipient, purpose); approved legal requests in force -> what they let an authority
    # receive (domain/sharing/legal.py)
    recipients: Mapping[str, Recipient] = field(default_factory=dict)
    agreements: Mapping[str, tuple[Agreement, ...]] = field(default_factory=dict)
    profiles: Mapping[tuple[str, str], Profile] = field(default_factory=dict)
    legal_requests: Mapping[str, LegalDemand] = field(default_factory=dict)
    # R7.1: recorded exemption cases (art. 5(1)–(3) of the 2024 Provisions) approved, by
    # (recipient, purpose) (domain/sharing/exemption.py)
    exemptions: Mapping[tuple[str, str], tuple[Exemption, ...]] = field(default_factory=dict)
    ciio: bool = False  # R7.1: a critical information infrastructure operator (PIIGUARD_CIIO)
    # R2.4, R8.1: per purpose, the policy versions that made earlier consents due for renewal
    renewals: Mapping[str, tuple[RenewalDue, ...]] = field(default_factory=dict)
    # R10.4: approved impact assessments in force, and officer-designated cases, by purpose
    assessments: AssessmentIndex = field(default_factory=AssessmentIndex)

    @property
    def version(self) -> str:
        return f"register-{self.register.version}/policy-{self.policy_version}"


# what every rule is (domain/access_rules.py)
Rule = Callable[[AccessRequest, PolicyState, SubjectState], Iterable[Verdict]]


ALLOWED = Reason("allowed", "Allowed for a declared purpose.", "用于已声明的用途，允许。")


def _partly_allowed(allowed: frozenset[str], refused: frozenset[str]) -> Reason:
    ok, no = ", ".join(sorted(allowed)), ", ".join(sorted(refused))
    return reason(
        "partly_allowed",
        f"Partly allowed: {ok} may be used; {no} may not — the reasons that follow say why.",
        f"部分允许：{ok} 可以使用；{no} 不得使用，原因见下文。",
        refused,
    )


def _exception(req: AccessRequest, pol: PolicyState) -> tuple[LegalException | None, Reason | None]:
    if req.exception_id is None:
        return None, None
    ex = pol.legal_exceptions.get(req.exception_id)
    if ex is None or not ex.in_force(req.at):
        return None, reason(
            "exception_not_in_force",
            f"Legal exception {req.exception_id} is unknown, unapproved, revoked "
            "or expired; it lifts nothing.",
            f"法定例外 {req.exception_id} 不存在、未经批准、已撤销或已过期，不予适用。",
        )
    return ex, None


def _minimised(
    req: AccessRequest, pol: PolicyState, allowed: frozenset[str], reasons: list[Reason]
) -> list[str]:
    """A share's categories that go out other than whole (R3.1): one obligation each
    (`minimise:<category>:<treatment>`) and one reason saying so."""
    profile = pol.profiles.get((req.recipient or "", req.purpose))
    if profile is None:
        return []
    how = {c: profile.treatment(c) for c in sorted(allowed)}
    changed = {c: t for c, t in how.items() if t is not None and t is not Treatment.WHOLE}
    if changed:
        said = ", ".join(f"{c} {t.value}" for c, t in changed.items())
        reasons.append(
            reason(
                "minimised",
                f"Shared minimised as {req.recipient}'s profile for '{req.purpose}' says: {said}.",
                f"按接收方“{req.recipient}”用于“{req.purpose}”的最小化配置处理后提供：{said}。",
                changed,
            )
        )
    return [f"minimise:{c}:{t.value}" for c, t in changed.items()]


def decide(
    request: AccessRequest,
    policy: PolicyState,
    subject: SubjectState,
    *,
    decision_id: str,
    rules: Iterable[Rule] = RULES,
) -> Decision:
    """Evaluate every rule; a category is allowed when nothing refuses it, or when every
    refusal is liftable and a legal exception in force covers the subject and category."""
    exception, bad_exception = _exception(request, policy)
    reasons: list[Reason] = [bad_exception] if bad_exception else []
    refused: set[str] = set()
    lifted: set[str] = set()
    lifted_codes: set[str] = set()
    answering = request.rights_request_id is not None and request.purpose == RIGHTS_PURPOSE
    for rule in rules:
        for v in rule(request, policy, subject):
            liftable = frozenset(
                c
                for c in v.refused
                if v.liftable
                and (
                    answering or (exception is not None and exception.covers(request.subject_id, c))
                )
            )
            lifted |= liftable
            if liftable:
                lifted_codes.add(v.reason.code)
            if v.refused - liftable:
                reasons.append(v.reason)
                refused |= v.refused - liftable
    lifted -= refused
    allowed = request.categories - refused
    obligations: list[str] = []
    if (
        exception is not None
        and not lifted
        and not any(exception.covers(request.subject_id, c) for c in request.categories)
    ):
        reasons.append(
            reason(
                "exception_not_applicable",
                f"Legal exception {exception.id} does not cover this subject or these "
                "categories; it lifts nothing.",
                f"法定例外 {exception.id} 的范围不包括该主体或这些类别，不予适用。",
            )
        )
    if exception is not None and lifted & allowed:
        reasons.append(
            reason(
                "legal_exception",
                f"Allowed without consent under legal exception {exception.id} "
                f"({exception.kind.value}: {exception.authority}, "
                f"{exception.case_reference}); it lifted: "
                f"{', '.join(sorted(lifted_codes))}.",
                f"依据法定例外 {exception.id}（{exception.kind.value}）无需同意即可处理。",
                lifted & allowed,
            )
        )
        obligations.append(f"expires:{exception.valid_until.isoformat()}")
    if answering and lifted & allowed:
        reasons.append(
            reason(
                "rights_request",
                f"Disclosed to the person in answer to their verified request "
                f"{request.rights_request_id} (PIPL Art. 45); it lifted: "
                f"{', '.join(sorted(lifted_codes))}.",
                f"应本人经核验的请求 {request.rights_request_id} 向其本人提供"
                "（《个人信息保护法》第四十五条）。",
                lifted & allowed,
            )
        )
    if allowed and not reasons:
        reasons.append(ALLOWED)
    if request.recipient is not None and allowed:
        obligations.extend(_minimised(request, policy, frozenset(allowed), reasons))
        obligations.extend(exempted(request, policy, reasons))
    if allowed and refused:  # said first, so that nobody reads a partial answer as a yes
        reasons.insert(0, _partly_allowed(frozenset(allowed), frozenset(refused)))
    if request.actor.kind is ActorKind.STAFF:
        obligations.extend(f"mask:{c}" for c in sorted(allowed) if policy.taxonomy.get(c).sensitive)
    return Decision(
        id=decision_id,
        at=request.at,
        actor=request.actor,
        action=request.action,
        subject_id=request.subject_id,
        purpose=request.purpose,
        requested=request.categories,
        allowed=frozenset(allowed),
        reasons=tuple(reasons),
        policy_version=policy.version,
        obligations=tuple(obligations),
        target_system=request.target_system,
        exception_id=request.exception_id,
    )
