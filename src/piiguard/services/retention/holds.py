"""Legal holds (R2.11): a hold (reason, case reference, scope by subjects, categories and
systems, until when) suspends disposal of what it covers. Four eyes: one privacy officer
proposes, another approves; lifting likewise. Every step audited.

The reasons (why data must be kept; why a hold is rejected or may be lifted) are the
officers' free text and may name people: sealed at rest under the key provider's KEK
(`SecretBox`, bound to the hold: a sealed reason moved to another hold does not open), as
staff notes on requests are. The holds the store gives hold them sealed; `readable` opens
them for the pages and API answers that show them to officers and auditors."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import (
    Conflict,
    Forbidden,
    FourEyes,
    InvalidInput,
    NotFound,
)
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork
from piiguard.domain.retention.disposal import check_as_of
from piiguard.domain.retention.schedule import HoldStatus, LegalHold
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories
from piiguard.services.retention._common import (
    audited,
    open_text,
    require_officer,
    seal_if_clear,
    seal_text,
)


def _reason_context(hold_id: str) -> str:
    return f"legal-hold-reason:{hold_id}"


def _lift_context(hold_id: str) -> str:
    return f"legal-hold-lift-reason:{hold_id}"


def readable(box: SecretBox, hold: LegalHold) -> LegalHold:
    """The hold with its reasons opened, for those allowed to read it (officers, auditors)."""
    return replace(
        hold,
        reason=open_text(box, hold.reason, _reason_context(hold.id)),
        lift_reason=open_text(box, hold.lift_reason, _lift_context(hold.id)),
    )


def seal_clear_reasons(uow: UnitOfWork, box: SecretBox, actor: Actor) -> int:
    """On start: seal every hold reason still stored in clear (written before reasons
    were sealed); how many were. A sealed reason opens under its hold's context (an AEAD:
    clear text never does), so a reason is sealed once and only once."""
    n = 0
    with uow:
        for h in uow.retention.holds():
            reason = seal_if_clear(box, h.reason, _reason_context(h.id))
            lift = seal_if_clear(box, h.lift_reason, _lift_context(h.id))
            if (reason, lift) != (h.reason, h.lift_reason):
                uow.retention.save_hold(replace(h, reason=reason, lift_reason=lift))
                n += 1
        if n:
            audited(uow, actor, "retention.hold.seal_reasons", "legal_hold", "*", holds=n)
        uow.commit()
    return n


def _second_officer(actor: Actor, first: str | None, what: str) -> None:
    """Four eyes: a privacy officer's personal account (or the operator on the host) other
    than the one who took the first step."""
    require_officer(actor, what)
    if actor.kind not in (ActorKind.STAFF, ActorKind.OPERATOR):
        raise Forbidden(f"a privacy officer's personal staff account {what}")
    if actor.ref == first:
        raise FourEyes(f"another privacy officer {what}: four eyes")


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
    *,
    box: SecretBox,
) -> LegalHold:
    """A hold proposed; in force once another officer approves it. An empty scope on an
    axis covers all of it; at least one axis must be named. The reason is sealed (`box`),
    in the hold returned too (`readable` opens it)."""
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
    if until is not None:  # the console's bound too (a date to 9998-12-31)
        check_as_of(until, "until")
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, set(categories))
        if missing := sorted(set(subject_ids) - uow.subjects.live_ids(sorted(subject_ids))):
            raise NotFound(f"no subject {missing[0]}", field="subject_ids")
        if unknown := sorted(s for s in systems if s not in state.systems):
            raise NotFound(f"no system {unknown[0]} in the data map", field="systems")
        hold_id = new_id()
        hold = LegalHold(
            hold_id,
            HoldStatus.PROPOSED,
            seal_text(box, reason.strip(), _reason_context(hold_id)),
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
        if hold.until is not None and hold.until <= clock.now():
            raise Conflict(
                f"legal hold {hold_id} was to end before it was approved: reject it, and "
                "propose a new one if it is still needed",
                field="until",
            )
        hold = replace(
            hold, status=HoldStatus.ACTIVE, approved_by=actor.ref, approved_at=clock.now()
        )
        uow.retention.save_hold(hold)
        _audit_scope(uow, actor, "retention.hold.approve", hold)
        uow.commit()
    return hold


def reject_hold(
    uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str, reason: str, *, box: SecretBox
) -> LegalHold:
    """A proposed hold refused by another officer (its proposer may withdraw it too); the
    reason sealed."""
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
            lift_reason=seal_text(box, reason.strip(), _lift_context(hold_id)),
        )
        uow.retention.save_hold(hold)
        audited(uow, actor, "retention.hold.reject", "legal_hold", hold.id)
        uow.commit()
    return hold


def request_lift(
    uow: UnitOfWork, clock: Clock, actor: Actor, hold_id: str, reason: str, *, box: SecretBox
) -> LegalHold:
    """The first officer's half of lifting: the hold stays in force until another lifts it
    (the reason sealed)."""
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
            lift_reason=seal_text(box, reason.strip(), _lift_context(hold_id)),
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
