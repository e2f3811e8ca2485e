"""The register of exemption cases for transfers abroad (R7.1; docs/sharing.md "Recorded
exemption cases"): one privacy officer records a case under art. 5(1)–(3) of the 2024
Provisions — its basis, one recipient abroad and one purpose, the case described, valid
from/until — and another approves (or refuses) it: four eyes. Approving or withdrawing one
moves the policy epoch in the same transaction, so the next decision sees it. Every step
is an audit entry (ids, keys, the basis — not the case's words)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.sharing.exemption import (
    Exemption,
    ExemptionBasis,
    ExemptionStatus,
    check_exemption,
)
from piiguard.domain.sharing.register import RecipientKind, RecipientStatus
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.sharing._common import (
    audited,
    get_recipient,
    require_officer,
    require_second_officer,
)

_S = ExemptionStatus


@dataclass(frozen=True, slots=True)
class ExemptionInput:
    basis: ExemptionBasis
    recipient: str
    purpose: str
    scope: str
    valid_from: datetime
    valid_until: datetime | None = None


def _audit(uow: UnitOfWork, actor: Actor, action: str, e: Exemption) -> None:
    audited(
        uow,
        actor,
        action,
        "transfer_exemption",
        e.id,
        purpose=e.purpose,
        recipient=e.recipient,
        basis=e.basis.value,
        provision=e.provision,
    )


def record_exemption(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, given: ExemptionInput
) -> Exemption:
    """Record a case (proposed): it frees nothing until another officer approves it."""
    require_officer(actor, "records an exemption case")
    now = clock.now()
    with uow:
        state = policy.current(uow)
        r = get_recipient(uow, given.recipient)
        if r.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"recipient {r.key} is {r.status.value}", field="recipient")
        if not r.abroad(state.home_region) or r.kind is RecipientKind.AUTHORITY:
            raise InvalidInput(
                f"an exemption case is for a transfer abroad: {r.key} is in {r.country}"
                + (" and an authority" if r.kind is RecipientKind.AUTHORITY else ""),
                field="recipient",
            )
        if state.register.active(given.purpose) is None:
            raise InvalidInput(
                f"unknown purpose {given.purpose!r}; see piiguard purpose list", field="purpose"
            )
        if given.valid_until is not None and given.valid_until <= now:
            raise InvalidInput("valid_until is already past", field="valid_until")
        e = check_exemption(
            Exemption(
                new_id(),
                given.basis,
                r.key,
                given.purpose,
                given.scope.strip(),
                given.valid_from,
                given.valid_until,
                _S.PROPOSED,
                actor.ref,
                now,
            )
        )
        uow.sharing.save_exemption(e)
        _audit(uow, actor, "sharing.exemption.record", e)
        uow.commit()
    return e


def _get(uow: UnitOfWork, exemption_id: str) -> Exemption:
    e = uow.sharing.exemption(exemption_id)
    if e is None:
        raise NotFound(f"no exemption case {exemption_id}", field="exemption_id")
    return e


def review_exemption(
    uow: UnitOfWork, clock: Clock, actor: Actor, exemption_id: str, *, approve: bool
) -> Exemption:
    """Four eyes: a privacy officer other than the one who recorded it approves (from the
    next decision on, shares in its scope need no mechanism and are counted apart) or
    refuses it."""
    with uow:
        e = _get(uow, exemption_id)
        require_second_officer(actor, e.recorded_by, "reviews an exemption case")
        if e.status is not _S.PROPOSED:
            raise Conflict(
                f"exemption case {exemption_id} is {e.status.value}, not waiting for review",
                field="exemption_id",
            )
        e = replace(
            e,
            status=_S.APPROVED if approve else _S.REFUSED,
            reviewed_by=actor.ref,
            reviewed_at=clock.now(),
        )
        uow.sharing.save_exemption(e)
        if approve:
            uow.registers.bump()
        _audit(uow, actor, f"sharing.exemption.{'approve' if approve else 'refuse'}", e)
        uow.commit()
    return e


def withdraw_exemption(uow: UnitOfWork, clock: Clock, actor: Actor, exemption_id: str) -> Exemption:
    """End a case early (or withdraw a proposed one): from the next decision on, shares in
    its scope need the mechanism the count requires again."""
    require_officer(actor, "withdraws an exemption case")
    with uow:
        e = _get(uow, exemption_id)
        if e.status not in (_S.PROPOSED, _S.APPROVED):
            raise Conflict(
                f"exemption case {exemption_id} is already {e.status.value}",
                field="exemption_id",
            )
        e = replace(e, status=_S.WITHDRAWN, ended_by=actor.ref, ended_at=clock.now())
        uow.sharing.save_exemption(e)
        uow.registers.bump()
        _audit(uow, actor, "sharing.exemption.withdraw", e)
        uow.commit()
    return e


def list_exemptions(uow: UnitOfWork, statuses: tuple[ExemptionStatus, ...] = ()) -> list[Exemption]:
    with uow:
        return uow.sharing.exemptions(statuses)


def get_exemption(uow: UnitOfWork, exemption_id: str) -> Exemption:
    with uow:
        return _get(uow, exemption_id)
