"""The decision point's sharing rules (R3.1, R3.2, R3.3, R3.6, R7.1), listed in
domain/access_rules.py's `RULES` after the rules every use meets. Each reads the request's
`recipient` (None: not a share, nothing to say) and the recipient register, agreements and
profiles in the policy snapshot (`PolicyState.recipients`, `.agreements`, `.profiles`).
None is liftable: a legal exception lets *us* process without consent, it does not bind a
recipient nor stand in for an agreement.

Seams for the rules that come with the transfer count and the legal-request register
(issue 15's other half): `mechanisms_in_force` says which legal mechanisms for a transfer
abroad (standard contract, certification, CAC assessment) are in force for a recipient —
the rule that compares them with what the yearly count requires goes right after
`shared_abroad_with_consent` in `RULES`; `PolicyState.legal_requests` maps an approved
legal request in force to what it lets the authority receive (the legal-request register,
domain/sharing/legal.py), which `authority_through_legal_request` reads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from piiguard.domain.consent import Consent, ConsentKind
from piiguard.domain.decisions import Verdict, reason
from piiguard.domain.sharing.register import (
    MECHANISMS,
    AgreementKind,
    Recipient,
    RecipientKind,
    RecipientStatus,
)

if TYPE_CHECKING:
    from piiguard.domain.access import AccessRequest, PolicyState, SubjectState


def _recipient(req: AccessRequest, pol: PolicyState) -> Recipient | None:
    r = pol.recipients.get(req.recipient or "")
    return r if r is not None and r.status is RecipientStatus.ACTIVE else None


def recipient_bound(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    """An active recipient, and an agreement in force covering the purpose and each
    category (an authority answers a legal request instead: its own rule)."""
    if req.recipient is None:
        return
    r = _recipient(req, pol)
    if r is None:
        yield Verdict(
            reason(
                "recipient_not_active",
                f"Recipient '{req.recipient}' is not an active recipient in the register.",
                f"接收方“{req.recipient}”不是登记簿中的有效接收方。",
            ),
            req.categories,
        )
        return
    if r.kind is RecipientKind.AUTHORITY:
        return
    within = pol.taxonomy.is_within
    covering = [
        a for a in pol.agreements.get(r.key, ()) if req.purpose in a.purposes and a.in_force(req.at)
    ]
    uncovered = frozenset(
        c for c in req.categories if not any(within(c, k) for a in covering for k in a.categories)
    )
    if uncovered:
        yield Verdict(
            reason(
                "no_agreement_in_force",
                f"No agreement in force binds {r.legal_name} for '{req.purpose}' and "
                "these categories (none signed, expired or terminated).",
                f"没有有效协议约束{r.legal_name}将这些类别用于“{req.purpose}”"
                "（未签订、已到期或已终止）。",
                uncovered,
            ),
            uncovered,
        )


def within_profile(req: AccessRequest, pol: PolicyState, sub: SubjectState) -> Iterable[Verdict]:
    """Only the categories the recipient's minimisation profile for the purpose names; the
    others are dropped (and said so). How the named ones go out is `minimised`'s report."""
    if req.recipient is None or _recipient(req, pol) is None:
        return
    profile = pol.profiles.get((req.recipient, req.purpose))
    if profile is None:
        yield Verdict(
            reason(
                "no_minimisation_profile",
                f"Recipient '{req.recipient}' has no minimisation profile for "
                f"'{req.purpose}': nothing is shared until one says what it gets.",
                f"接收方“{req.recipient}”没有用于“{req.purpose}”的最小化配置，"
                "在配置明确其可获得的信息前不予提供。",
            ),
            req.categories,
        )
        return
    outside = frozenset(c for c in req.categories if profile.treatment(c) is None)
    if outside:
        yield Verdict(
            reason(
                "category_outside_profile",
                f"Not in {req.recipient}'s minimisation profile for '{req.purpose}': "
                "these categories are dropped from the share.",
                f"不在接收方“{req.recipient}”用于“{req.purpose}”的最小化配置内，这些类别不予提供。",
                outside,
            ),
            outside,
        )


def transfer_consent(sub: SubjectState, r: Recipient, purpose: str, at: datetime) -> Consent | None:
    """The person's separate consent to transfer abroad (PIPL Art. 39) for this purpose that
    names this recipient or its destination country; a child's from a verified guardian."""
    guardians = sub.verified_guardians(at) if sub.is_child(at) else None
    for c in sub.consents:
        if (
            c.kind is ConsentKind.TRANSFER_ABROAD
            and c.subject_id == sub.subject_id
            and c.purpose == purpose
            and (c.recipient == r.key or c.destination == r.country)
            and c.in_force(at)
            and (guardians is None or c.given_by in guardians)
        ):
            return c
    return None


def shared_abroad_with_consent(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    """A recipient outside the home region: the person's separate consent naming it or its
    country (group companies included: they are spared the notice, not the consent)."""
    if req.recipient is None:
        return
    r = _recipient(req, pol)
    if r is None or not r.abroad(pol.home_region) or r.kind is RecipientKind.AUTHORITY:
        return
    if transfer_consent(sub, r, req.purpose, req.at) is None:
        yield Verdict(
            reason(
                "share_abroad_without_consent",
                f"{r.legal_name} is in {r.country}, outside {pol.home_region}: the person's "
                f"separate consent to transfer abroad naming this recipient or {r.country} "
                f"for '{req.purpose}' is needed.",
                f"{r.legal_name}位于境外（{r.country}）：须取得本人就“{req.purpose}”"
                f"向该接收方或{r.country}提供的单独同意。",
            ),
            req.categories,
        )


def mechanisms_in_force(pol: PolicyState, recipient: str, at: datetime) -> frozenset[AgreementKind]:
    """The legal mechanisms for a transfer abroad (PIPL Art. 38) in force for a recipient:
    what the rule on the yearly count compares with what the count requires."""
    return frozenset(
        a.kind for a in pol.agreements.get(recipient, ()) if a.kind in MECHANISMS and a.in_force(at)
    )


def authority_through_legal_request(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    """An authority receives personal data only in answer to an approved legal request in
    force that names it (R3.5), and never more than the request demands: the demanded
    subjects, purpose and categories (domain/sharing/legal.py `LegalDemand`)."""
    if req.recipient is None:
        return
    r = _recipient(req, pol)
    if r is None or r.kind is not RecipientKind.AUTHORITY:
        return
    demand = pol.legal_requests.get(req.legal_request_id or "")
    if demand is None or demand.authority != r.key:
        yield Verdict(
            reason(
                "authority_without_legal_request",
                f"{r.legal_name} is an authority: data goes to it only in answer to an "
                "approved legal request in force that names it.",
                f"{r.legal_name}为国家机关：仅可依据经批准、有效且指明该机关的法律请求提供。",
            ),
            req.categories,
        )
        return
    if req.subject_id not in demand.subjects or req.purpose != demand.purpose:
        outside = req.categories
    else:
        outside = frozenset(c for c in req.categories if not demand.covers(c))
    if outside:
        yield Verdict(
            reason(
                "outside_legal_demand",
                f"Legal request {req.legal_request_id} does not demand this: only its "
                "subjects, its purpose and its categories go to the authority.",
                f"法律请求{req.legal_request_id}未要求提供这些信息：仅提供该请求列明的个人、"
                "用途和类别。",
                outside,
            ),
            outside,
        )


SHARING_REASONS: dict[str, tuple[str, ...]] = {
    "recipient_bound": ("recipient_not_active", "no_agreement_in_force"),
    "within_profile": ("no_minimisation_profile", "category_outside_profile"),
    "shared_abroad_with_consent": ("share_abroad_without_consent",),
    "authority_through_legal_request": (
        "authority_without_legal_request",
        "outside_legal_demand",
    ),
}

SHARING_RULES = (
    recipient_bound,
    within_profile,
    shared_abroad_with_consent,
    authority_through_legal_request,
)
