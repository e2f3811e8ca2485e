"""The JSON shapes of the decision point (web/api/decisions.py): a decision asked for, a
recorded decision with its reasons, and its explanation rule by rule. `DecisionOut` is also
part of a read's answer (web/api/schemas/subjects.py, `DataOut`)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from piiguard.domain.decisions import Action, Decision, Outcome
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict


class DecisionIn(Strict):
    subject_id: str = Field(min_length=1, max_length=36)
    purpose: Slug
    categories: list[CategoryKey] | None = Field(None, max_length=200)
    action: Action = Action.USE
    target_system: Slug | None = None
    exception_id: str | None = Field(None, max_length=36)


class ReasonOut(BaseModel):
    code: str
    en: str
    zh: str
    categories: list[str]


class DecisionOut(BaseModel):
    id: str
    at: datetime
    outcome: Outcome = Field(
        description="allowed: every requested category; partly_allowed: "
        "those in `allowed`, not those in `refused` (see `reasons`); "
        "denied: none"
    )
    actor: str
    action: str
    subject_id: str
    purpose: str
    requested: list[str]
    allowed: list[str]
    refused: list[str]
    reasons: list[ReasonOut]
    policy_version: str
    obligations: list[str]
    target_system: str | None
    exception_id: str | None

    @classmethod
    def of(cls, d: Decision) -> DecisionOut:
        return cls(
            id=d.id,
            at=d.at,
            outcome=d.outcome,
            actor=d.actor.ref,
            action=d.action.value,
            subject_id=d.subject_id,
            purpose=d.purpose,
            requested=sorted(d.requested),
            allowed=sorted(d.allowed),
            refused=sorted(d.refused),
            reasons=[
                ReasonOut(code=r.code, en=r.en, zh=r.zh, categories=list(r.categories))
                for r in d.reasons
            ],
            policy_version=d.policy_version,
            obligations=list(d.obligations),
            target_system=d.target_system,
            exception_id=d.exception_id,
        )


class RuleLineOut(BaseModel):
    rule: str
    passed: bool
    reasons: list[str]


class ExplanationOut(BaseModel):
    decision: DecisionOut
    rules: list[RuleLineOut]
