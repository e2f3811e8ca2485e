"""Legal holds (R2.11): a hold (reason, case reference, scope by subjects, categories and
systems, until when) suspends disposal of what it covers. Four eyes: one privacy officer
proposes, another approves; lifting likewise. Every step audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.retention.schedule import HoldStatus, LegalHold
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories
from piiguard.services.retention._common import audited, require_officer


def _second_officer(actor: Actor, first: str | None, what: str) -> None:
    """Four eyes: a privacy officer's personal account (or the operator on the host) other
    than the one who took the first step."""
    require_officer(actor, what)
    if actor.kind not in (ActorKind.STAFF, ActorKind.OPERATOR):
        raise Forbidden(f"a privacy officer's personal staff account {what}")
    if actor.ref == first:
        raise Forbidden(f"another privacy officer {what}: four eyes")


def _get(uow: UnitOfWork, hold_id: str) -> LegalHold:
    hold = uow.retention.hold(hold_id)
    if hold is None:
        raise NotFound(f"no legal hold {hold_id}", field="hold_id")
    return hold


def _audit_scope(uow: UnitOfWork, actor: Actor, action: str, h: LegalHold) -> None:
    audited(
        uow,
        actor,
        action,
        "legal_hold",
        h.id,
        subjects=sorted(h.subject_ids),
        categories=sorted(h.categories),
        systems=sorted(h.systems),
        until=h.until.isoformat() if h.until else None,
    )


def propose_hold(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    reason: str,
    case_reference: str,
    subject_ids: frozenset[str] = frozenset(),
    categories: frozenset[str] = frozenset(),
    systems: frozenset[str] = frozenset(),
    until: datetime | None = None,
) -> LegalHold:
    """A hold proposed; in force once another officer approves it. An empty scope on an
    axis covers all of it; at least one axis must be named."""
    require_officer(actor, "places a legal hold")
    if not reason.strip():
        raise InvalidInput("a legal hold records its reason", field="reason")
    if not case_reference.strip():
        raise InvalidInput("a legal hold records its case reference", field="case_reference")
    if not (subject_ids or categories or systems):
        raise InvalidInput(
            "name the subjects, categories or systems the hold covers", field="subject_ids"
        )
    if until is not None and until <= clock.now():
        raise InvalidInput("until is already past", field="until")
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, set(categories))
        if missing := sorted(set(subject_ids) - uow.subjects.live_ids(sorted(subject_ids))):
            raise NotFound(f"no subject {missing[0]}", field="subject_ids")
        if unknown := sorted(s for s in systems if s not in state.systems):
            raise NotFound(f"no system {unknown[0]} in the data map", field="systems")
        hold = LegalHold(
            new_id(),
            HoldStatus.PROPOSED,
            reason.strip(),
            case_reference.strip(),
            subject_ids,
            categories,
            systems,
            until,
            actor.ref,
            clock.now(),
        )
        uow.retention.save_hold(hold)
        _audit_scope(uow, actor, "retention.hold.propose", hold)
        uow.commit()
    return hold


def approve_hold(uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str) -> LegalHold:
    with uow:
        hold = _get(uow, hold_id)
        _second_officer(actor, hold.placed_by, "approves a legal hold")
        if hold.status is not HoldStatus.PROPOSED:
            raise Conflict(f"legal hold {hold_id} is {hold.status}", field="hold_id")
        hold = replace(
            hold, status=HoldStatus.ACTIVE, approved_by=actor.ref, approved_at=clock.now()
        )
        uow.retention.save_hold(hold)
        _audit_scope(uow, actor, "retention.hold.approve", hold)
        uow.commit()
    return hold


def reject_hold(
    uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str, reason: str
) -> LegalHold:
    """A proposed hold refused by another officer (its proposer may withdraw it too)."""
    require_officer(actor, "rejects a legal hold")
    if not reason.strip():
        raise InvalidInput("say why the hold is rejected", field="reason")
    with uow:
        hold = _get(uow, hold_id)
        if hold.status is not HoldStatus.PROPOSED:
            raise Conflict(f"legal hold {hold_id} is {hold.status}", field="hold_id")
        hold = replace(
            hold,
            status=HoldStatus.REJECTED,
            lifted_by=actor.ref,
            lifted_at=clock.now(),
            lift_reason=reason.strip(),
        )
        uow.retention.save_hold(hold)
        audited(uow, actor, "retention.hold.reject", "legal_hold", hold.id)
        uow.commit()
    return hold


def request_lift(
    uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str, reason: str
) -> LegalHold:
    """The first officer's half of lifting: the hold stays in force until another lifts it."""
    require_officer(actor, "asks for a legal hold to be lifted")
    if not reason.strip():
        raise InvalidInput("say why the hold may be lifted", field="reason")
    with uow:
        hold = _get(uow, hold_id)
        if hold.status is not HoldStatus.ACTIVE:
            raise Conflict(f"legal hold {hold_id} is {hold.status}", field="hold_id")
        hold = replace(
            hold,
            status=HoldStatus.LIFT_PROPOSED,
            lift_requested_by=actor.ref,
            lift_requested_at=clock.now(),
            lift_reason=reason.strip(),
        )
        uow.retention.save_hold(hold)
        audited(uow, actor, "retention.hold.lift_request", "legal_hold", hold.id)
        uow.commit()
    return hold


def lift_hold(uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str) -> LegalHold:
    with uow:
        hold = _get(uow, hold_id)
        _second_officer(actor, hold.lift_requested_by, "lifts a legal hold")
        if hold.status is not HoldStatus.LIFT_PROPOSED:
            raise Conflict(
                f"legal hold {hold_id} is {hold.status}: ask for it to be lifted first",
                field="hold_id",
            )
        hold = replace(hold, status=HoldStatus.LIFTED, lifted_by=actor.ref, lifted_at=clock.now())
        uow.retention.save_hold(hold)
        audited(uow, actor, "retention.hold.lift", "legal_hold", hold.id)
        uow.commit()
    return hold


def list_holds(uow: UnitOfWork, statuses: tuple[HoldStatus, ...] = ()) -> list[LegalHold]:
    with uow:
        return uow.retention.holds(statuses)


def get_hold(uow: UnitOfWork, hold_id: str) -> LegalHold:
    with uow:
        return _get(uow, hold_id)


def holds_in_force(uow: UnitOfWork, at: datetime) -> list[LegalHold]:
    """Inside an open unit of work: the holds that suspend disposal at `at`."""
    return [
        h
        for h in uow.retention.holds([HoldStatus.ACTIVE, HoldStatus.LIFT_PROPOSED])
        if h.in_force(at)
    ]
