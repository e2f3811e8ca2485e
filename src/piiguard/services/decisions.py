"""The decision point as a use case (R2.4, R2.10): evaluate and record without reading data,
search recorded decisions, and explain one rule by rule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.access_rules import RULE_REASONS
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Action, Actor, Decision, Outcome, RecordedDecision
from piiguard.domain.errors import DomainError, InvalidInput, NotFound
from piiguard.domain.ports import Clock, SealedItem, UnitOfWork
from piiguard.domain.retention.upkeep import (
    CHILD_REASON,
    ChildSource,
    child_task,
    guardian_consent_in_force,
)
from piiguard.domain.sharing.abroad import TransferTally
from piiguard.services.ids import new_id, new_time_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories


@dataclass(frozen=True, slots=True)
class DecisionRequest:
    """One use of one subject's data to decide. `reveal`: the caller will decrypt what is
    allowed, so the subject's sealed items are loaded and the allowed ones handed back."""

    actor: Actor
    subject_id: str
    purpose: str
    categories: frozenset[str] | None = None  # None: every category held on the subject
    action: Action = Action.USE
    target_system: str | None = None
    exception_id: str | None = None
    reveal: bool = False
    rights_request_id: str | None = None  # set only by services/rights/intake.py
    recipient: str | None = None  # a share (services/sharing/share.py): to whom
    legal_request_id: str | None = None  # a share to an authority: the request it answers
    abroad_tally: TransferTally | None = None  # a share abroad: the year's count after it
    abroad_notice: bool | None = None  # a share abroad: the person was told of the recipient


@dataclass(frozen=True, slots=True)
class Decided:
    decision: RecordedDecision
    allowed_items: list[SealedItem]  # reveal requests: what the decision allows, still sealed


def decide_many(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    requests: Sequence[DecisionRequest],
    *,
    atomic: bool = False,
) -> list[Decided | DomainError]:
    """Decide a batch and record every decision with its audit entry in one transaction;
    the answers come back in order, each a recorded decision or the error of that request
    alone (unknown subject, unknown category) — one bad request fails no other. `atomic`:
    the first error is raised instead and nothing is recorded.

    A few queries for the whole batch: the policy epoch, live subjects, their items'
    categories (or sealed items, to reveal), consents/restrictions/guardians/age. This is
    what group commit (services/group_commit.py) runs for many concurrent callers."""
    at = clock.now()
    out: list[Decided | DomainError | None] = [None] * len(requests)
    with uow:
        state = policy.current(uow)
        subject_states = uow.consents.states(list(dict.fromkeys(r.subject_id for r in requests)))
        live = subject_states.keys()  # erased or unknown subjects have no state
        ids = list(live)
        revealing = [
            i for i in dict.fromkeys(r.subject_id for r in requests if r.reveal) if i in live
        ]
        sealed_by = uow.items.sealed_many(revealing) if revealing else {}
        others = [i for i in ids if i not in sealed_by]
        collected_by = uow.items.collected_many(others) if others else {}
        for sid, sealed in sealed_by.items():  # what the sealed items' provenance says
            collected_by[sid] = _collected(sealed)
        made: list[tuple[int, Decision, list[SealedItem]]] = []
        for n, r in enumerate(requests):
            try:
                d, allowed = _decide_one(
                    r,
                    state,
                    at,
                    r.subject_id in live,
                    collected_by.get(r.subject_id, {}),
                    sealed_by.get(r.subject_id, []),
                    subject_states.get(r.subject_id),
                )
            except DomainError as e:
                if atomic:
                    raise
                out[n] = e
                continue
            made.append((n, d, allowed))
        recorded = uow.decisions.record_many([d for _, d, _ in made])
        for (n, d, allowed), rec in zip(made, recorded, strict=True):
            r = requests[n]
            details: dict[str, str | int | bool | list[str] | None] = {
                "outcome": d.outcome.value,
                "action": r.action.value,
                "reasons": [x.code for x in d.reasons],
            }
            if r.reveal:
                details["items"] = [s.record.id for s in allowed]
            if r.recipient is not None:
                details["recipient"] = r.recipient
            uow.audit(
                AuditEvent(
                    f"data.{r.action.value}" if r.reveal else "decision.evaluate",
                    r.actor.kind.value,
                    r.actor.id,
                    "subject",
                    d.subject_id,
                    d.subject_id,
                    d.purpose,
                    d.id,
                    details=details,
                )
            )
            out[n] = Decided(rec, allowed)
        _children_found(uow, state, at, [d for _, d, _ in made], subject_states)
        uow.commit()
    return [x for x in out if x is not None]


def _children_found(
    uow: UnitOfWork,
    state: PolicyState,
    at: datetime,
    made: Sequence[Decision],
    subject_states: Mapping[str, SubjectState],
) -> None:
    """R6.3: a child's data used with no verified guardian's consent in force at all opens
    a child-data task (docs/retention.md), in the decision's transaction — one open task a
    child, none after an officer found the person is not a child;
    services/retention/upkeep/children.py closes and escalates it."""
    for d in made:
        if not any(x.code == CHILD_REASON for x in d.reasons):
            continue
        sub = subject_states[d.subject_id]
        if guardian_consent_in_force(sub, at) is not None:
            continue
        if uow.retention.child_task_stands(d.subject_id):
            continue
        task = child_task(
            new_id(), d.subject_id, ChildSource.DECISION, d.id, at, state.child_data_hours
        )
        uow.retention.add_child_task(task)
        uow.audit(
            AuditEvent(
                "child_data.open",
                "system",
                "decision-point",
                "child_data_task",
                task.id,
                d.subject_id,
                d.purpose,
                d.id,
                details={"source": task.source.value, "due_at": task.due_at.isoformat()},
            )
        )


def _collected(sealed: list[SealedItem]) -> dict[str, frozenset[str]]:
    """Category -> purposes declared when it was collected, from the items' provenance."""
    out: dict[str, frozenset[str]] = {}
    for item in sealed:
        cat, purposes = item.record.category, item.record.provenance.purposes
        was = out.get(cat)
        out[cat] = purposes if was is None else was | purposes
    return out


def _decide_one(
    r: DecisionRequest,
    state: PolicyState,
    at: datetime,
    live: bool,
    collected: dict[str, frozenset[str]],
    sealed: list[SealedItem],
    subject_state: SubjectState | None,
) -> tuple[Decision, list[SealedItem]]:
    if r.categories:  # the read route's query parameter is `category`, repeated
        check_categories(state.taxonomy, r.categories, "category" if r.reveal else "categories")
    if not live or subject_state is None:
        raise NotFound(f"no subject {r.subject_id}", field="subject_id")
    if r.reveal:
        if r.categories:
            within = state.taxonomy.is_within
            sealed = [s for s in sealed if any(within(s.record.category, c) for c in r.categories)]
        wanted = frozenset(s.record.category for s in sealed)
    else:
        wanted = r.categories or frozenset(collected)
        if not wanted:
            raise InvalidInput(
                "the subject holds no data; name the categories to decide on", field="categories"
            )
    d = decide(
        AccessRequest(
            r.actor,
            r.action,
            r.subject_id,
            r.purpose,
            wanted,
            at,
            r.target_system,
            r.exception_id,
            r.rights_request_id,
            r.recipient,
            r.legal_request_id,
            r.abroad_tally,
            r.abroad_notice,
        ),
        state,
        replace(subject_state, collected_for=collected),
        decision_id=new_time_id(),
    )
    return d, [s for s in sealed if s.record.category in d.allowed] if r.reveal else []


def evaluate_access(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    subject_id: str,
    purpose: str,
    categories: frozenset[str] | None = None,
    action: Action = Action.USE,
    *,
    target_system: str | None = None,
    exception_id: str | None = None,
) -> Decision:
    """Decide and record (with its audit entry) — nothing is decrypted. Without categories,
    the decision covers every category held on the subject."""
    [found] = decide_many(
        uow,
        policy,
        clock,
        [
            DecisionRequest(
                actor, subject_id, purpose, categories, action, target_system, exception_id
            )
        ],
    )
    if isinstance(found, DomainError):
        raise found
    return found.decision.decision


def search_decisions(
    uow: UnitOfWork,
    actor: Actor,
    *,
    subject_id: str | None = None,
    actor_id: str | None = None,
    purpose: str | None = None,
    outcome: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
) -> list[Decision]:
    if outcome is not None and outcome not in set(Outcome):
        raise InvalidInput(f"outcome is one of {', '.join(Outcome)}", field="outcome")
    with uow:
        found = uow.decisions.search(
            subject_id=subject_id,
            actor_id=actor_id,
            purpose=purpose,
            outcome=outcome,
            since=since,
            until=until,
            limit=limit,
        )
        uow.audit(
            AuditEvent(
                "decision.search",
                actor.kind.value,
                actor.id,
                "subject",
                subject_id or "",
                subject_id or "",
                details={"returned": len(found)},
            )
        )
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
        said = [
            f"{r.code}: {r.en}" + (f" [{', '.join(r.categories)}]" if r.categories else "")
            for r in hit
        ]
        if exception is not None:  # refusals the exception lifted are named in its sentence
            said += [
                f"{c}: lifted by {decision.exception_id}"
                for c in codes
                if c not in by_code and c in exception.en
            ]
        lines.append(RuleLine(rule, not hit, tuple(said)))
    return lines
