"""The decision point over HTTP: evaluate (without reading data), search, explain."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime

from piiguard.domain.decisions import Outcome
from piiguard.services import decisions as uc
from piiguard.services.audit import get_decision
from piiguard.web.api.schemas.decisions import (
    DecisionIn,
    DecisionOut,
    ExplanationOut,
    RuleLineOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/decisions", tags=["decisions"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=DecisionOut)
async def evaluate(body: DecisionIn, c: ContainerDep, actor: Authorized) -> DecisionOut:
    """Decide and record a use of personal data, without reading any value. The answer is
    a recorded decision (201) whether allowed, partly allowed or denied: read `outcome`
    (`partly_allowed`: only the categories in `allowed`; those in `refused` are not) and
    `reasons`.
    Concurrent calls share a commit (group commit); each answer comes after its commit."""
    decided = await asyncio.wrap_future(
        c.decisions.submit(
            uc.DecisionRequest(
                actor,
                body.subject_id,
                body.purpose,
                frozenset(body.categories) if body.categories else None,
                body.action,
                body.target_system,
                body.exception_id,
            )
        )
    )
    return DecisionOut.of(decided.decision.decision)


@router.get("", response_model=list[DecisionOut])
def search(
    c: ContainerDep,
    actor: Authorized,
    subject_id: str | None = None,
    actor_id: str | None = None,
    purpose: str | None = None,
    outcome: Outcome | None = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[DecisionOut]:
    """Recorded decisions, newest first: by subject, actor, purpose, outcome and time."""
    return [
        DecisionOut.of(d)
        for d in uc.search_decisions(
            c.uow(),
            actor,
            subject_id=subject_id,
            actor_id=actor_id,
            purpose=purpose,
            outcome=outcome,
            since=since,
            until=until,
            limit=limit,
        )
    ]


@router.get("/{decision_id}", response_model=DecisionOut)
def decision(decision_id: str, c: ContainerDep, actor: Authorized) -> DecisionOut:
    """A recorded decision: who, what, which purpose, allowed, partly allowed or denied,
    and why."""
    return DecisionOut.of(get_decision(c.uow(), actor, decision_id))


@router.get("/{decision_id}/explain", response_model=ExplanationOut)
def explain(decision_id: str, c: ContainerDep, actor: Authorized) -> ExplanationOut:
    """Why, rule by rule, in the order the decision point evaluates them."""
    d = get_decision(c.uow(), actor, decision_id)
    return ExplanationOut(
        decision=DecisionOut.of(d),
        rules=[
            RuleLineOut(rule=x.rule, passed=x.passed, reasons=list(x.reasons))
            for x in uc.explain(d)
        ],
    )
