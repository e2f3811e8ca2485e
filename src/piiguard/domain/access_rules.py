"""The decision point's rules (R2.4, R2.5, R8.1, R5.6, R6.1, R6.2, R10.4), one function each, in the
order `decide()` (domain/access.py) evaluates them: `RULES`. A rule reads the request, the
policy snapshot and the subject's state and yields a `Verdict` for what it refuses — a
`Reason` (a stable code, a sentence in English and Chinese, the categories concerned) and
whether a legal exception in force, or the person's own verified request, may lift it
(`liftable`: the consent-type refusals, never an unknown purpose, a role, an API key's
scope, an unapproved system or a credential). `RULE_REASONS` names the codes each rule can
give, for `piiguard explain`.

A new rule (sharing, recipients' agreements, ...) is a new function here, added to `RULES`
and `RULE_REASONS`, with its reason code and zh/en text and its unit tests in
tests/unit/test_access_rules.py. What a rule reads — `AccessRequest`, `PolicyState`,
`SubjectState` — and `decide()` itself are domain/access.py's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from piiguard.domain.assessments.rule import ASSESSMENT_REASONS, assessed_before_processing
from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.decisions import Verdict, reason
from piiguard.domain.sharing.abroad import ABROAD_REASONS, mechanism_for_count
from piiguard.domain.sharing.notice import NOTICE_REASONS, abroad_notice_given
from piiguard.domain.sharing.rules import SHARING_REASONS, SHARING_RULES

if TYPE_CHECKING:  # access.py imports the rules; the rules only name its types
    from piiguard.domain.access import AccessRequest, PolicyState, Rule, SubjectState

__all__ = ["RULES", "RULE_REASONS", "Verdict", "reason"]


def purpose_known(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    if pol.register.active(req.purpose) is None:
        yield Verdict(
            reason(
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
            reason(
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
            reason(
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
                reason(
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
            reason(
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
            reason(
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
            reason(
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
            reason(
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
            reason(
                "processing_objected",
                f"The person objected to use for '{req.purpose}'.",
                f"本人已拒绝将其信息用于“{req.purpose}”。",
            ),
            req.categories,
            liftable=True,
        )
    if RestrictionKind.RESTRICTION in kinds:
        yield Verdict(
            reason(
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
            reason(
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
            reason(
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
            reason(
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
            reason(
                "sensitive_without_separate_consent",
                "Sensitive personal information needs its own, separate consent.",
                "处理敏感个人信息须取得本人的单独同意。",
                sensitive,
            ),
            sensitive,
            liftable=True,
        )


def consent_renewed(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    """R2.4, R8.1: a material policy change touching this purpose made the consents given
    under earlier versions due for renewal; once its grace period is over, a consent of a
    kind that was not renewed (no consent of that kind given since) has lapsed. The general
    (or a guardian's) consent refuses every category, a separate sensitive one the
    sensitive categories, a transfer-abroad one the transfer."""
    due = [d for d in pol.renewals.get(req.purpose, ()) if req.at >= d.lapses_at]
    if not due:
        return
    stale: set[ConsentKind] = set()
    for kind in ConsentKind:
        held = [
            c
            for c in sub.consents
            if c.subject_id == sub.subject_id
            and c.purpose == req.purpose
            and c.kind is kind
            and c.in_force(req.at)
        ]
        if held and any(all(c.policy_version in d.older for c in held) for d in due):
            stale.add(kind)
    refused: frozenset[str] = frozenset()
    if stale & {ConsentKind.GENERAL, ConsentKind.GUARDIAN}:
        refused = req.categories
    if ConsentKind.SENSITIVE in stale:
        refused |= frozenset(c for c in req.categories if pol.taxonomy.get(c).sensitive)
    system = pol.systems.get(req.target_system or "")
    if ConsentKind.TRANSFER_ABROAD in stale and system and system.region != pol.home_region:
        refused = req.categories
    if refused:
        d = max(due, key=lambda x: x.lapses_at)
        lapsed = d.lapses_at.strftime("%Y-%m-%d %H:%M UTC")
        yield Verdict(
            reason(
                "consent_lapsed_policy_change",
                f"The person's consent to '{req.purpose}' was given under an earlier policy "
                f"version; version {d.version} changed this purpose materially and the "
                f"consent was not renewed by {lapsed}, so it has lapsed.",
                f"本人对“{req.purpose}”的同意系在此前的隐私政策版本下作出；第 {d.version} 版"
                f"对该用途作了重大变更，本人未在 {lapsed} 前重新同意，原同意已失效。",
                refused,
            ),
            refused,
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
    "consent_renewed": ("consent_lapsed_policy_change",),
    **SHARING_REASONS,
    **ABROAD_REASONS,
    **NOTICE_REASONS,
    **ASSESSMENT_REASONS,
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
    consent_renewed,
    # shares to a recipient (domain/sharing/rules.py), then the legal mechanism the
    # yearly transfer count requires (domain/sharing/abroad.py)
    *SHARING_RULES,
    mechanism_for_count,
    abroad_notice_given,  # the notice before a first transfer abroad (domain/sharing/notice.py)
    # R10.4: an approved impact assessment covers the processing (domain/assessments/rule.py)
    assessed_before_processing,
)
