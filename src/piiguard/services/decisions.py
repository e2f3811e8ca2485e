"""The decision point as a use case (R2.4, R2.10): evaluate and record without reading data,
search recorded decisions, and explain one rule by rule."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.access import RULE_REASONS, AccessRequest, decide
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Action, Actor, Decision
from piiguard.domain.errors import InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.ids import new_id
from piiguard.services.policy import PolicySnapshots, check_categories


def evaluate_access(uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor,
                    subject_id: str, purpose: str, categories: frozenset[str] | None = None,
                    action: Action = Action.USE, *, target_system: str | None = None,
                    exception_id: str | None = None) -> Decision:
    """Decide and record (with its audit entry) — nothing is decrypted. Without categories,
    the decision covers every category held on the subject."""
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, categories or frozenset())
        subject = uow.subjects.get(subject_id)
        if subject is None or subject.erased_at is not None:
            raise NotFound(f"no subject {subject_id}", field="subject_id")
        collected = uow.items.collected(subject_id)
        wanted = categories or frozenset(collected)
        if not wanted:
            raise InvalidInput("the subject holds no data; name the categories to decide on",
                               field="categories")
        subject_state = replace(uow.consents.states([subject_id])[subject_id],
                                collected_for=collected)
        d = decide(AccessRequest(actor, action, subject_id, purpose, frozenset(wanted),
                                 clock.now(), target_system, exception_id),
                   state, subject_state, decision_id=new_id())
        uow.decisions.record(d)
        uow.audit(AuditEvent("decision.evaluate", actor.kind.value, actor.id, "subject",
                             subject_id, subject_id, purpose, d.id,
                             details={"outcome": d.outcome, "action": action.value,
                                      "reasons": [r.code for r in d.reasons]}))
        uow.commit()
    return d


def search_decisions(uow: UnitOfWork, actor: Actor, *, subject_id: str | None = None,
                     actor_id: str | None = None, purpose: str | None = None,
                     outcome: str | None = None, since: datetime | None = None,
                     until: datetime | None = None, limit: int = 100) -> list[Decision]:
    if outcome not in (None, "allowed", "denied"):
        raise InvalidInput("outcome is allowed or denied", field="outcome")
    with uow:
        found = uow.decisions.search(subject_id=subject_id, actor_id=actor_id,
                                     purpose=purpose, outcome=outcome, since=since,
                                     until=until, limit=limit)
        uow.audit(AuditEvent("decision.search", actor.kind.value, actor.id, "subject",
                             subject_id or "", subject_id or "",
                             details={"returned": len(found)}))
        uow.commit()
    return found


@dataclass(frozen=True, slots=True)
class RuleLine:
    rule: str
    passed: bool
    reasons: tuple[str, ...]  # "code: sentence" of what it refused


def explain(decision: Decision) -> list[RuleLine]:
    """Rule by rule, in the order the decision point evaluates them."""
    by_code = {r.code: r for r in decision.reasons}
    exception = by_code.get("legal_exception")
    lines = []
    for rule, codes in RULE_REASONS.items():
        hit = [by_code[c] for c in codes if c in by_code]
        said = [f"{r.code}: {r.en}" + (f" [{', '.join(r.categories)}]" if r.categories else "")
                for r in hit]
        if exception is not None:  # refusals the exception lifted are named in its sentence
            said += [f"{c}: lifted by {decision.exception_id}" for c in codes
                     if c not in by_code and c in exception.en]
        lines.append(RuleLine(rule, not hit, tuple(said)))
    return lines
