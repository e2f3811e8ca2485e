"""What the person decided, recorded with its evidence: consents, restrictions and
objections, guardians of children (R2.4, R4.2, R6.1, R6.2)."""

from __future__ import annotations

from fastapi import APIRouter, status

from piiguard.services.policy import consents as uc
from piiguard.web.api.schemas.consents import (
    ConsentIn,
    ConsentOut,
    GuardianIn,
    MinorIn,
    RestrictionIn,
    RestrictionOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/subjects/{subject_id}", tags=["consent"])


@router.post("/consents", status_code=status.HTTP_201_CREATED, response_model=ConsentOut)
def grant(subject_id: str, body: ConsentIn, c: ContainerDep, actor: Authorized) -> ConsentOut:
    """Record a consent. Sensitive categories and transfers abroad need their own kind
    (`sensitive`, `transfer_abroad`); a child's data needs `guardian` consent. A share to a
    recipient abroad needs a `transfer_abroad` consent naming the `recipient` or its country
    (`destination`)."""
    return ConsentOut.of(
        uc.grant_consent(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            subject_id,
            body.purpose,
            body.kind,
            body.channel,
            body.text_shown,
            body.given_by,
            recipient=body.recipient,
            destination=body.destination,
        )
    )


@router.get("/consents", response_model=list[ConsentOut])
def consents(subject_id: str, c: ContainerDep, actor: Authorized) -> list[ConsentOut]:
    return [ConsentOut.of(x) for x in uc.list_consents(c.uow(), actor, subject_id)]


@router.delete("/consents/{consent_id}", status_code=status.HTTP_204_NO_CONTENT)
def withdraw(subject_id: str, consent_id: str, c: ContainerDep, actor: Authorized) -> None:
    """Withdraw a consent: the next decision already refuses what needed it."""
    uc.withdraw_consent(c.uow(), c.clock, actor, subject_id, consent_id)


@router.post("/restrictions", status_code=status.HTTP_201_CREATED, response_model=RestrictionOut)
def restrict(
    subject_id: str, body: RestrictionIn, c: ContainerDep, actor: Authorized
) -> RestrictionOut:
    """`restriction` (all purposes, or one) or `objection` to one purpose."""
    r = uc.restrict_processing(
        c.uow(), c.snapshots, c.clock, actor, subject_id, body.kind, body.purpose
    )
    return RestrictionOut.of(r)


@router.get("/restrictions", response_model=list[RestrictionOut])
def restrictions(subject_id: str, c: ContainerDep, actor: Authorized) -> list[RestrictionOut]:
    """Restrictions and objections, in force (`lifted_at` empty) and lifted."""
    return [RestrictionOut.of(r) for r in uc.list_restrictions(c.uow(), actor, subject_id)]


@router.delete("/restrictions/{restriction_id}", status_code=status.HTTP_204_NO_CONTENT)
def lift(subject_id: str, restriction_id: str, c: ContainerDep, actor: Authorized) -> None:
    uc.lift_restriction(c.uow(), c.clock, actor, subject_id, restriction_id)


@router.post("/guardians", status_code=status.HTTP_201_CREATED)
def link_guardian(
    subject_id: str, body: GuardianIn, c: ContainerDep, actor: Authorized
) -> dict[str, str]:
    """Link a guardian (a subject) to a child; staff verify the link before it counts."""
    uc.link_guardian(c.uow(), c.clock, actor, subject_id, body.guardian_id)
    return {"child_id": subject_id, "guardian_id": body.guardian_id, "verified": "no"}


@router.post("/guardians/{guardian_id}/verify")
def verify_guardian(
    subject_id: str, guardian_id: str, c: ContainerDep, actor: Authorized
) -> dict[str, str]:
    uc.verify_guardian(c.uow(), c.clock, actor, subject_id, guardian_id)
    return {"child_id": subject_id, "guardian_id": guardian_id, "verified": "yes"}


@router.put("/minor", status_code=status.HTTP_204_NO_CONTENT)
def declare_minor(subject_id: str, body: MinorIn, c: ContainerDep, actor: Authorized) -> None:
    """Declare a person a minor (or not) when no date of birth says so."""
    uc.declare_minor(c.uow(), actor, subject_id, body.minor)
