"""Recorded exemption cases for transfers abroad (R7.1; docs/sharing.md "Recorded exemption
cases"): art. 5(1)–(3) of the 2024 Provisions on Cross-Border Data Flows — a contract the
person is party to, cross-border HR management, an emergency. Officers record a case;
another officer approves or refuses it (four eyes; 403 for the same person); officers
withdraw one; officers and auditors read them."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.sharing.exemption import Exemption, ExemptionBasis, ExemptionStatus
from piiguard.services.sharing import exemption as uc
from piiguard.web.api.schemas.fields import Slug, Strict
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])


class ExemptionIn(Strict):
    basis: ExemptionBasis = Field(
        description="contract (art. 5(1)), hr (art. 5(2)) or emergency (art. 5(3))"
    )
    recipient: Slug
    purpose: str = Field(max_length=64)
    scope: str = Field(max_length=2000, description="the case: what goes abroad and why")
    valid_from: AwareDatetime
    valid_until: AwareDatetime | None = None


class ExemptionOut(BaseModel):
    id: str
    basis: ExemptionBasis
    provision: str
    recipient: str
    purpose: str
    scope: str
    valid_from: datetime
    valid_until: datetime | None
    status: ExemptionStatus
    in_force: bool
    recorded_by: str
    recorded_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    ended_by: str | None
    ended_at: datetime | None

    @classmethod
    def of(cls, e: Exemption, now: datetime) -> ExemptionOut:
        return cls(
            id=e.id,
            basis=e.basis,
            provision=e.provision,
            recipient=e.recipient,
            purpose=e.purpose,
            scope=e.scope,
            valid_from=e.valid_from,
            valid_until=e.valid_until,
            status=e.status,
            in_force=e.in_force(now),
            recorded_by=e.recorded_by,
            recorded_at=e.recorded_at,
            reviewed_by=e.reviewed_by,
            reviewed_at=e.reviewed_at,
            ended_by=e.ended_by,
            ended_at=e.ended_at,
        )


@router.get("/transfer-exemptions", response_model=list[ExemptionOut])
def exemptions(
    c: ContainerDep, actor: Authorized, status: ExemptionStatus | None = None
) -> list[ExemptionOut]:
    del actor
    now = c.clock.now()
    found = uc.list_exemptions(c.uow(readonly=True), (status,) if status else ())
    return [ExemptionOut.of(e, now) for e in found]


@router.post(
    "/transfer-exemptions", status_code=status.HTTP_201_CREATED, response_model=ExemptionOut
)
def record(body: ExemptionIn, c: ContainerDep, actor: Authorized) -> ExemptionOut:
    """Record a case (proposed): it frees nothing until another officer approves it."""
    given = uc.ExemptionInput(
        body.basis, body.recipient, body.purpose, body.scope, body.valid_from, body.valid_until
    )
    return ExemptionOut.of(
        uc.record_exemption(c.uow(), c.snapshots, c.clock, actor, given), c.clock.now()
    )


@router.get("/transfer-exemptions/{exemption_id}", response_model=ExemptionOut)
def one(exemption_id: str, c: ContainerDep, actor: Authorized) -> ExemptionOut:
    del actor
    return ExemptionOut.of(uc.get_exemption(c.uow(readonly=True), exemption_id), c.clock.now())


@router.post("/transfer-exemptions/{exemption_id}/approve", response_model=ExemptionOut)
def approve(exemption_id: str, c: ContainerDep, actor: Authorized) -> ExemptionOut:
    """Another officer approves: shares to that recipient for that purpose need no
    mechanism from the next decision on, and their people are counted apart."""
    e = uc.review_exemption(c.uow(), c.clock, actor, exemption_id, approve=True)
    return ExemptionOut.of(e, c.clock.now())


@router.post("/transfer-exemptions/{exemption_id}/refuse", response_model=ExemptionOut)
def refuse(exemption_id: str, c: ContainerDep, actor: Authorized) -> ExemptionOut:
    e = uc.review_exemption(c.uow(), c.clock, actor, exemption_id, approve=False)
    return ExemptionOut.of(e, c.clock.now())


@router.post("/transfer-exemptions/{exemption_id}/withdraw", response_model=ExemptionOut)
def withdraw(exemption_id: str, c: ContainerDep, actor: Authorized) -> ExemptionOut:
    e = uc.withdraw_exemption(c.uow(), c.clock, actor, exemption_id)
    return ExemptionOut.of(e, c.clock.now())
