"""The staff steps on a request (R4.3, R4.4, R9.2): assign it, the second step (document
checked by one member of staff, approval by another), wait on the requester and resume (the
due date moves by the time waited), and the charge decisions on an excessive or unfounded
request (fee, waiver). Each is one transaction: the request locked, changed by a domain
rule, saved, and its audit entry on the request's timeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from piiguard.domain.audit import DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, FourEyes, InvalidInput
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.rules import (
    RequestStatus,
    RightsRequest,
    check_fee,
    move,
    needs_second_step,
    pause,
    resume,
)
from piiguard.services.rights._common import HANDLER_ROLES, event, get_request, seal_note
from piiguard.services.rights.kit import RequestKit


def _change(
    uow: UnitOfWork,
    actor: Actor,
    request_id: str,
    action: str,
    change: Callable[[RightsRequest], RightsRequest],
    *,
    after: Callable[[RightsRequest], Mapping[str, DetailValue]] | None = None,
    **details: DetailValue,
) -> RightsRequest:
    """`after`: details read off the changed request (a new due date)."""
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = change(req)
        uow.requests.save(req)
        uow.audit(event(req, actor, action, **details, **(after(req) if after else {})))
        uow.commit()
    return req


def _text(value: str, field: str, low: int, high: int, what: str) -> str:
    value = value.strip()
    if not low <= len(value) <= high:
        raise InvalidInput(f"{what} ({low}–{high:,} characters)", field=field)
    return value


def _reasons(reason: str) -> str:
    return _text(reason, "reason", 5, 2000, "give the reasons; the reply states them")


def assign_request(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, staff_id: str
) -> RightsRequest:
    def change(req: RightsRequest) -> RightsRequest:
        found = uow.staff.get(staff_id)
        if found is None or found[0].deactivated_at is not None:
            raise InvalidInput(f"no active staff account {staff_id}", field="assignee")
        if not found[0].roles & HANDLER_ROLES:
            raise InvalidInput(
                "requests are assigned to staff or a privacy officer (an "
                "administrator or auditor does not handle personal data)",
                field="assignee",
            )
        return replace(req, assignee=staff_id)

    return _change(uow, actor, request_id, "assign", change, assignee=staff_id)


def _second_step(req: RightsRequest) -> None:
    if req.status is not RequestStatus.AWAITING_SECOND_STEP:
        raise Conflict("this request is not waiting for its second step", field="status")


def check_document(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, document: str
) -> RightsRequest:
    """Second step, first half: a member of staff checked an identity document."""
    document = _text(document, "document", 3, 200, "name the document checked, not its number")

    def change(req: RightsRequest) -> RightsRequest:
        _second_step(req)
        return replace(req, document_checked_by=actor.id)

    return _change(
        uow,
        actor,
        request_id,
        "document.check",
        change,
        note_sealed=seal_note(kit, request_id, document),
    )


def approve_request(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str
) -> RightsRequest:
    """Second step, second half: a different member of staff approves (four eyes)."""

    def change(req: RightsRequest) -> RightsRequest:
        _second_step(req)
        if req.document_checked_by is None:
            raise Conflict("a document must be checked before approval", field="status")
        if req.document_checked_by == actor.id:
            raise FourEyes(
                "four eyes: approval must come from someone other than the "
                "person who checked the document"
            )
        return move(replace(req, approved_by=actor.id), RequestStatus.IN_PROGRESS, kit.clock.now())

    return _change(uow, actor, request_id, "approve", change)


def wait_on_requester(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, why: str
) -> RightsRequest:
    """Pause the clock while waiting for the requester (recorded, with the reason)."""
    why = _text(why, "reason", 3, 500, "say what the requester must provide")
    return _change(
        uow,
        actor,
        request_id,
        "pause",
        lambda req: pause(req, kit.clock.now()),
        note_sealed=seal_note(kit, request_id, why),
    )


def resume_request(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str
) -> RightsRequest:
    def change(req: RightsRequest) -> RightsRequest:
        back = (
            RequestStatus.AWAITING_SECOND_STEP
            if needs_second_step(req.kind, req.sensitive, kit.terms)
            and req.subject_id is not None
            and req.approved_by is None
            else RequestStatus.IN_PROGRESS
        )
        return resume(req, kit.clock.now(), back)

    return _change(
        uow,
        actor,
        request_id,
        "resume",
        change,
        after=lambda req: {"due_at": req.due_at.isoformat(), "paused_seconds": req.paused_seconds},
    )


def _excessive_only(req: RightsRequest) -> None:
    if not req.excessive:
        raise Conflict(
            "only a request flagged as excessive or unfounded can be charged "
            "or waived; it is free of charge",
            field="excessive",
        )
    if req.status not in (RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_SECOND_STEP):
        raise Conflict(f"this request is {req.status}", field="status")


def charge_fee(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, fee: str, reason: str
) -> RightsRequest:
    """R4.4: an excessive request may carry a fee; the clock waits for payment."""
    fee, reason = check_fee(fee.strip()), _reasons(reason)

    def change(req: RightsRequest) -> RightsRequest:
        _excessive_only(req)
        return pause(replace(req, fee=fee), kit.clock.now())

    return _change(
        uow,
        actor,
        request_id,
        "fee",
        change,
        fee=fee,
        note_sealed=seal_note(kit, request_id, reason),
    )


def waive_excessive(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, reason: str
) -> RightsRequest:
    """Staff judge a flagged request reasonable after all: it goes ahead free."""
    reason = _reasons(reason)

    def change(req: RightsRequest) -> RightsRequest:
        _excessive_only(req)
        return replace(req, excessive=False)

    return _change(
        uow,
        actor,
        request_id,
        "excessive.waive",
        change,
        note_sealed=seal_note(kit, request_id, reason),
    )


def flag_unfounded(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, reason: str
) -> RightsRequest:
    """Staff judge a request manifestly unfounded: flagged like a repetitive one."""
    reason = _reasons(reason)

    def change(req: RightsRequest) -> RightsRequest:
        if req.status.closed:
            raise Conflict("this request is closed", field="status")
        return replace(req, excessive=True, excessive_reason=f"manifestly unfounded: {reason}")

    return _change(
        uow,
        actor,
        request_id,
        "excessive.flag",
        change,
        note_sealed=seal_note(kit, request_id, reason),
    )
