"""The decision point's rules: pure, deterministic, no I/O (R2.4, R2.10).

This is the foundation's rule set: a purpose must be one the policy declares, categories
must exist, and credentials are never disclosed. The purpose-limitation work adds its rules
(consent, exceptions, children, systems, roles) as further checks in `RULES` — each a
function from the request to reasons — without changing the shape of a decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from piiguard.domain.decisions import Action, Actor, Decision, Reason
from piiguard.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class AccessRequest:
    actor: Actor
    action: Action
    subject_id: str
    purpose: str
    categories: frozenset[str]  # what the caller asks for (already expanded to leaf keys)


@dataclass(frozen=True, slots=True)
class PolicyState:
    """A snapshot of what the decision depends on, besides the subject."""

    version: str
    taxonomy: Taxonomy
    purposes: frozenset[str]
    subject_kinds: frozenset[str]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A rule's answer: the categories it refuses (all when `categories` is empty)."""

    reason: Reason
    refused: frozenset[str]


Rule = Callable[[AccessRequest, PolicyState], Iterable[Verdict]]


def purpose_declared(request: AccessRequest, state: PolicyState) -> Iterable[Verdict]:
    if request.purpose not in state.purposes:
        yield Verdict(
            Reason("purpose_unknown",
                   f"Purpose '{request.purpose}' is not a declared purpose.",
                   f"用途“{request.purpose}”不是已声明的用途。"),
            request.categories,
        )


def credentials_never_disclosed(request: AccessRequest, state: PolicyState) -> Iterable[Verdict]:
    creds = frozenset(c for c in request.categories if state.taxonomy.get(c).credential)
    if creds:
        yield Verdict(
            Reason("credential_not_readable",
                   "Credentials are stored as one-way hashes and are never disclosed.",
                   "账户凭证仅以不可逆散列保存，任何情况下均不披露。",
                   tuple(sorted(creds))),
            creds,
        )


RULES: tuple[Rule, ...] = (purpose_declared, credentials_never_disclosed)

ALLOWED = Reason("allowed", "Allowed for a declared purpose.", "用于已声明的用途，允许。")


def decide(request: AccessRequest, state: PolicyState, *, decision_id: str,
           at: datetime, rules: Iterable[Rule] = RULES) -> Decision:
    """Evaluate every rule; a category is allowed when no rule refuses it."""
    reasons: list[Reason] = []
    refused: set[str] = set()
    for rule in rules:
        for verdict in rule(request, state):
            reasons.append(verdict.reason)
            refused |= verdict.refused
    allowed = request.categories - refused
    if allowed and not reasons:
        reasons.append(ALLOWED)
    return Decision(
        id=decision_id, at=at, actor=request.actor, action=request.action,
        subject_id=request.subject_id, purpose=request.purpose,
        requested=request.categories, allowed=frozenset(allowed),
        reasons=tuple(reasons), policy_version=state.version,
    )
