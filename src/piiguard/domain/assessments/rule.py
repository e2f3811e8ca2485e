"""The decision point's rule `assessed_before_processing` (R10.4; PIPL Art. 55): processing
in a case that needs an impact assessment is refused unless an approved assessment in force
covers it — its case, its purpose, each category (with its subtree), and for a share or a
transfer abroad the recipient or the system.

When it applies (docs/accountability.md, "Impact assessments"):
- `sensitive`: sensitive categories (not credentials, which are never disclosed) used for any
  purpose but `legal_compliance` — the company's own legal duties (answering a person's
  request, correcting data, verifying a backup, notifying an incident), whose means the law
  itself sets; an officer who wants those assessed designates the purpose (case `other`);
- `entrust` / `provide`: a share to a recipient — a processor is entrusted, any other
  non-authority recipient is provided with the data (an authority answers a legal request:
  its own rule);
- `transfer_abroad`: a share to a recipient abroad, or a use on a system outside the home
  region;
- `automated_decision`, `disclose_public`, `other`: the cases a privacy officer designated
  for a purpose (`PolicyState.assessments.designated`): every category asked for it.
Never for the person's own verified request (PIPL Art. 45: their data goes back to them).
Not liftable: a legal exception lets us process without consent, it does not assess."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from piiguard.domain.assessments.model import Case, Scope
from piiguard.domain.decisions import Verdict, reason
from piiguard.domain.sharing.register import RecipientKind, RecipientStatus

if TYPE_CHECKING:
    from piiguard.domain.access import AccessRequest, PolicyState, SubjectState

COMPLIANCE_PURPOSE = "legal_compliance"  # = domain/access.py RIGHTS_PURPOSE


@dataclass(frozen=True, slots=True)
class Need:
    """One case a request falls in, and what an assessment must name to cover it."""

    case: Case
    categories: frozenset[str]
    recipient: str | None = None
    system: str | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    """An approved assessment in force, reduced to what the rule reads."""

    id: str
    scope: Scope


@dataclass(frozen=True, slots=True)
class AssessmentIndex:
    """In the policy snapshot: the approved assessments in force by (purpose, case) — what
    the rule looks up, so a decision reads only those that could cover it — and the cases
    officers designated per purpose. Built once per policy epoch."""

    covering: Mapping[tuple[str, Case], tuple[Coverage, ...]] = field(default_factory=dict)
    designated: Mapping[str, frozenset[Case]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, covering: Iterable[Coverage], designated: Iterable[tuple[str, Case]]
    ) -> AssessmentIndex:
        by: dict[tuple[str, Case], list[Coverage]] = {}
        for cov in covering:
            for p in cov.scope.purposes:
                for case in cov.scope.cases:
                    by.setdefault((p, case), []).append(cov)
        des: dict[str, set[Case]] = {}
        for purpose, case in designated:
            des.setdefault(purpose, set()).add(case)
        return cls({k: tuple(v) for k, v in by.items()}, {p: frozenset(v) for p, v in des.items()})


def needs(req: AccessRequest, pol: PolicyState) -> list[Need]:
    """The cases of PIPL Art. 55 this request falls in (module docstring)."""
    if req.rights_request_id is not None and req.purpose == COMPLIANCE_PURPOSE:
        return []
    if pol.register.active(req.purpose) is None:
        return []  # purpose_unknown says it all
    out: list[Need] = []
    if req.purpose != COMPLIANCE_PURPOSE:
        get = pol.taxonomy.get
        sensitive = [c for c in req.categories if (k := get(c)).sensitive and not k.credential]
        if sensitive:
            out.append(Need(Case.SENSITIVE, frozenset(sensitive)))
    designated = pol.assessments.designated.get(req.purpose)
    if designated:
        out.extend(Need(case, req.categories) for case in designated)
    r = pol.recipients.get(req.recipient or "")
    if (
        r is not None
        and r.status is RecipientStatus.ACTIVE
        and r.kind is not RecipientKind.AUTHORITY
    ):
        kind = Case.ENTRUST if r.kind is RecipientKind.PROCESSOR else Case.PROVIDE
        out.append(Need(kind, req.categories, recipient=r.key))
        if r.abroad(pol.home_region):
            out.append(Need(Case.TRANSFER_ABROAD, req.categories, recipient=r.key))
    s = pol.systems.get(req.target_system or "")
    if s is not None and s.region != pol.home_region:
        out.append(Need(Case.TRANSFER_ABROAD, req.categories, system=s.key))
    return out


def uncovered(need: Need, purpose: str, pol: PolicyState) -> frozenset[str]:
    """The categories of `need` no approved assessment in force covers."""
    within = pol.taxonomy.is_within
    left = set(need.categories)
    for cov in pol.assessments.covering.get((purpose, need.case), ()):
        sc = cov.scope
        if need.recipient is not None and need.recipient not in sc.recipients:
            continue
        if need.system is not None and need.system not in sc.systems:
            continue
        left -= {c for c in left if any(within(c, k) for k in sc.categories)}
        if not left:
            break
    return frozenset(left)


def assessed_before_processing(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    missing: dict[Case, frozenset[str]] = {}
    for need in needs(req, pol):
        left = uncovered(need, req.purpose, pol)
        if left:
            missing[need.case] = missing.get(need.case, frozenset()) | left
    if not missing:
        return
    refused = frozenset().union(*missing.values())
    cases = ", ".join(sorted(missing))
    yield Verdict(
        reason(
            "impact_assessment_missing",
            f"No approved impact assessment covers this processing for '{req.purpose}' "
            f"({cases}): PIPL Art. 55 asks for it before the processing starts.",
            f"没有经批准且有效的个人信息保护影响评估覆盖“{req.purpose}”的此项处理（{cases}）："
            "《个人信息保护法》第五十五条要求事前评估。",
            refused,
        ),
        refused,
    )


ASSESSMENT_REASONS: dict[str, tuple[str, ...]] = {
    "assessed_before_processing": ("impact_assessment_missing",),
}
