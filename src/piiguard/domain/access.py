"""The decision point (R2.4, R2.5, R2.10, R5.6, R6.1, R6.2): one pure function decides
every use of personal data — allowed, partly allowed or denied, with every reason as a
stable code and a sentence in English and Chinese, and obligations where they apply.

`decide(request, policy, subject)` reads nothing but its arguments. Each rule is a function
yielding `Verdict`s (a reason and the categories it refuses); new rules — sharing,
recipients' agreements, transfers abroad — are new functions in `RULES`, not a rewrite.
A legal exception in force whose scope covers the request lifts the consent-type refusals
(never an unknown purpose, an unapproved system, a role, or a credential).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from piiguard.domain.consent import Consent, ConsentKind, GuardianLink, Restriction, RestrictionKind
from piiguard.domain.decisions import Action, Actor, ActorKind, Decision, Reason
from piiguard.domain.policy.datamap import System
from piiguard.domain.policy.legal_exceptions import LegalException
from piiguard.domain.policy.register import PurposeRegister
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
    deprecated: frozenset[str] = frozenset()  # categories kept for old data, refused for new

    @property
    def version(self) -> str:
        return f"register-{self.register.version}/policy-{self.policy_version}"


@dataclass(frozen=True, slots=True)
class Verdict:
    reason: Reason
    refused: frozenset[str]
    liftable: bool = False  # a legal exception in force may lift it


Rule = Callable[[AccessRequest, PolicyState, SubjectState], Iterable[Verdict]]


def _r(code: str, en: str, zh: str, cats: Iterable[str] = ()) -> Reason:
    return Reason(code, en, zh, tuple(sorted(cats)))


def purpose_known(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    if pol.register.active(req.purpose) is None:
        yield Verdict(
            _r(
                "purpose_unknown",
                f"Purpose '{req.purpose}' is not an active purpose in the register.",
                f"用途“{req.purpose}”不是登记簿中有效的用途。",
            ),
            req.categories,
        )


def role_allowed(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    rule = pol.register.active(req.purpose)
    if rule is not None and not (req.actor.roles & rule.roles):
        yield Verdict(
            _r(
                "role_not_allowed_for_purpose",
                f"None of the actor's roles may use purpose '{req.purpose}'.",
                f"操作者的角色均无权将数据用于“{req.purpose}”。",
            ),
            req.categories,
        )


def within_actor_scope(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    """A system client's API key is scoped to purposes and categories: nothing outside
    them, whatever else would allow it (no legal exception widens a key)."""
    scope = req.actor.scope
    if scope is None:
        return
    if scope.purposes is not None and req.purpose not in scope.purposes:
        yield Verdict(
            _r(
                "purpose_outside_actor_scope",
                f"This API key is not scoped to purpose '{req.purpose}'.",
                f"此 API 密钥的授权范围不包括用途“{req.purpose}”。",
            ),
            req.categories,
        )
        return
    if scope.categories is not None:
        outside = frozenset(
            c
            for c in req.categories
            if not any(pol.taxonomy.is_within(c, allowed) for allowed in scope.categories)
        )
        if outside:
            yield Verdict(
                _r(
                    "category_outside_actor_scope",
                    "These categories are outside this API key's scope.",
                    "这些数据类别超出此 API 密钥的授权范围。",
                    outside,
                ),
                outside,
            )


def category_allowed(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    rule = pol.register.active(req.purpose)
    if rule is None:
        return
    outside = frozenset(c for c in req.categories if not rule.allows_category(pol.taxonomy, c))
    if outside:
        yield Verdict(
            _r(
                "category_not_allowed_for_purpose",
                f"These categories are not registered for purpose '{req.purpose}'.",
                f"这些数据类别未登记用于“{req.purpose}”。",
                outside,
            ),
            outside,
        )


def credentials_never_disclosed(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    creds = frozenset(c for c in req.categories if pol.taxonomy.get(c).credential)
    if creds:
        yield Verdict(
            _r(
                "credential_not_readable",
                "Credentials are stored as one-way hashes and are never disclosed.",
                "账户凭证仅以不可逆散列保存，任何情况下均不披露。",
                creds,
            ),
            creds,
        )


def system_approved(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    if req.target_system is None:
        return
    system = pol.systems.get(req.target_system)
    if system is None or not system.usable:
        yield Verdict(
            _r(
                "system_not_approved",
                f"System '{req.target_system}' is not an approved designated system "
                "(or its cloud provider is not approved).",
                f"系统“{req.target_system}”不是经批准的指定系统（或其云服务商未获批准）。",
            ),
            req.categories,
        )


def transfer_abroad(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    system = pol.systems.get(req.target_system or "")
    if system is None or system.region == pol.home_region:
        return
    if sub.consent(req.purpose, ConsentKind.TRANSFER_ABROAD, req.at) is None:
        yield Verdict(
            _r(
                "transfer_abroad_without_consent",
                f"System '{system.key}' is in {system.region}, outside "
                f"{pol.home_region}: a separate consent to transfer abroad is needed.",
                f"系统“{system.key}”位于境外（{system.region}），向境外提供需取得单独同意。",
            ),
            req.categories,
        )


def not_restricted(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    kinds = {
        r.kind
        for r in sub.restrictions
        if r.subject_id == sub.subject_id and r.applies(req.purpose, req.at)
    }
    if RestrictionKind.OBJECTION in kinds:
        yield Verdict(
            _r(
                "processing_objected",
                f"The person objected to use for '{req.purpose}'.",
                f"本人已拒绝将其信息用于“{req.purpose}”。",
            ),
            req.categories,
            liftable=True,
        )
    if RestrictionKind.RESTRICTION in kinds:
        yield Verdict(
            _r(
                "processing_restricted",
                "The person asked to restrict the processing of their data.",
                "本人已要求限制对其个人信息的处理。",
            ),
            req.categories,
            liftable=True,
        )


def child_guardian(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    if not sub.is_child(req.at):
        return
    if sub.consent(req.purpose, ConsentKind.GUARDIAN, req.at) is None:
        yield Verdict(
            _r(
                "child_without_guardian_consent",
                f"The person is under {pol.child_age}: a verified guardian's consent "
                "is needed first.",
                f"本人为不满{pol.child_age}周岁的未成年人，须先取得经核实的监护人同意。",
            ),
            req.categories,
            liftable=True,
        )


def declared_at_collection(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    if pol.register.active(req.purpose) is None:
        return  # purpose_unknown says it all
    if sub.consent(req.purpose, ConsentKind.GENERAL, req.at) is not None:
        return
    undeclared = frozenset(
        c for c in req.categories if req.purpose not in sub.collected_for.get(c, frozenset())
    )
    if undeclared:
        yield Verdict(
            _r(
                "purpose_not_declared_at_collection",
                f"This data was not collected for '{req.purpose}' and the person has "
                "not consented to that use.",
                f"收集这些信息时未声明用于“{req.purpose}”，且本人未同意此用途。",
                undeclared,
            ),
            undeclared,
            liftable=True,
        )


def consent_required(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    rule = pol.register.active(req.purpose)
    if rule is None or not rule.needs_consent:
        return
    if sub.consent(req.purpose, ConsentKind.GENERAL, req.at) is None:
        yield Verdict(
            _r(
                "consent_required",
                f"Purpose '{req.purpose}' needs the person's consent, which is absent "
                "or withdrawn.",
                f"用途“{req.purpose}”需要本人同意，目前未同意或已撤回。",
            ),
            req.categories,
            liftable=True,
        )


def sensitive_separate_consent(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    if pol.register.active(req.purpose) is None:
        return
    sensitive = frozenset(
        c
        for c in req.categories
        if pol.taxonomy.get(c).sensitive and not pol.taxonomy.get(c).credential
    )
    if sensitive and sub.consent(req.purpose, ConsentKind.SENSITIVE, req.at) is None:
        yield Verdict(
            _r(
                "sensitive_without_separate_consent",
                "Sensitive personal information needs its own, separate consent.",
                "处理敏感个人信息须取得本人的单独同意。",
                sensitive,
            ),
            sensitive,
            liftable=True,
        )


# Which reason codes each rule can give: `piiguard explain` walks the rules in order.
RULE_REASONS: dict[str, tuple[str, ...]] = {
    "purpose_known": ("purpose_unknown",),
    "role_allowed": ("role_not_allowed_for_purpose",),
    "within_actor_scope": ("purpose_outside_actor_scope", "category_outside_actor_scope"),
    "category_allowed": ("category_not_allowed_for_purpose",),
    "credentials_never_disclosed": ("credential_not_readable",),
    "system_approved": ("system_not_approved",),
    "transfer_abroad": ("transfer_abroad_without_consent",),
    "not_restricted": ("processing_restricted", "processing_objected"),
    "child_guardian": ("child_without_guardian_consent",),
    "declared_at_collection": ("purpose_not_declared_at_collection",),
    "consent_required": ("consent_required",),
    "sensitive_separate_consent": ("sensitive_without_separate_consent",),
}

RULES: tuple[Rule, ...] = (
    purpose_known,
    role_allowed,
    within_actor_scope,
    category_allowed,
    credentials_never_disclosed,
    system_approved,
    transfer_abroad,
    not_restricted,
    child_guardian,
    declared_at_collection,
    consent_required,
    sensitive_separate_consent,
)

ALLOWED = Reason("allowed", "Allowed for a declared purpose.", "用于已声明的用途，允许。")


def _partly_allowed(allowed: frozenset[str], refused: frozenset[str]) -> Reason:
    ok, no = ", ".join(sorted(allowed)), ", ".join(sorted(refused))
    return _r(
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
        return None, _r(
            "exception_not_in_force",
            f"Legal exception {req.exception_id} is unknown, unapproved, revoked "
            "or expired; it lifts nothing.",
            f"法定例外 {req.exception_id} 不存在、未经批准、已撤销或已过期，不予适用。",
        )
    return ex, None


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
            _r(
                "exception_not_applicable",
                f"Legal exception {exception.id} does not cover this subject or these "
                "categories; it lifts nothing.",
                f"法定例外 {exception.id} 的范围不包括该主体或这些类别，不予适用。",
            )
        )
    if exception is not None and lifted & allowed:
        reasons.append(
            _r(
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
            _r(
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
