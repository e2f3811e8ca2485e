"""Carrying out a verified request (R4.1, R4.2) and closing it with a reply (R9.2).

`advance` does what a request of each kind asks, as soon as it is verified (and approved,
when a second step applies) and not waiting on a staff judgement about a charge, with the
request claimed so that it is carried out once:
- access / portability: a recorded decision for legal_compliance that names the request
  (the decision point lets the person's own data go back to them), the package built and
  kept sealed under the key-encryption key, a single-use link that expires
  (services/rights/packages.py);
- correction, objection / restriction, deletion: the changes to the data held, and the
  notices to every holding system, are services/rights/changes.py's; a request with
  notices pending waits on the systems, any other is closed.
Closing (`close_request`, `refuse_request`) sends the reply once (`send_reply`), or records
it as due from staff when the contact is a phone number (`reply_due`, `record_reply`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, MailError
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.rules import (
    RequestDetails,
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    move,
)
from piiguard.services.rights import changes as changes_made
from piiguard.services.rights import mail as request_mail
from piiguard.services.rights._common import (
    RIGHTS_ACTOR,
    event,
    get_request,
    open_details,
    seal_note,
)
from piiguard.services.rights.kit import RequestKit
from piiguard.services.rights.packages import make_package, package_link

log = logging.getLogger(__name__)


def ready(req: RightsRequest) -> bool:
    """Verified, approved where needed, and free or paid: piiguard can carry it out."""
    return req.status is RequestStatus.IN_PROGRESS and (not req.excessive or bool(req.fee))


CLAIM_MINUTES = 15  # a claim older than this is a process that died mid-way


def advance(uow: UnitOfWork, kit: RequestKit, request_id: str) -> RightsRequest:
    """Carry out the request if it is ready; otherwise return it as it is. One process at a
    time: the request is claimed first, so a double submit, the scheduler and a second
    worker never carry it out twice (the loser gets the request as it stands)."""
    with uow:
        req, sealed = get_request(uow, request_id)
    if not ready(req) or not _claim(uow, kit, req.id):
        return req
    try:
        return _carry_out(uow, kit, req, sealed)
    finally:
        with uow:
            uow.requests.release(req.id)
            uow.commit()


def _claim(uow: UnitOfWork, kit: RequestKit, request_id: str) -> bool:
    now = kit.clock.now()
    with uow:
        won = uow.requests.claim(request_id, now, now - timedelta(minutes=CLAIM_MINUTES))
        uow.commit()
    return won


def _carry_out(uow: UnitOfWork, kit: RequestKit, req: RightsRequest, sealed: str) -> RightsRequest:
    details = open_details(kit, req.id, sealed)
    with uow:
        subject = uow.subjects.get(req.subject_id) if req.subject_id else None
    if subject is None or subject.erased_at is not None:
        # nothing (or nothing any more) held: a deletion already done says so
        done = (
            _deleted(req)
            if subject is not None and req.kind is RequestKind.DELETION
            else _none_held(req)
        )
        return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=[done])
    match req.kind:
        case RequestKind.ACCESS | RequestKind.PORTABILITY:
            pid, done = make_package(uow, kit, req)
            return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=[done], package_id=pid)
        case RequestKind.CORRECTION:
            return _correct(uow, kit, req, details)
        case RequestKind.OBJECTION | RequestKind.RESTRICTION:
            return _restrict(uow, kit, req, details)
        case RequestKind.DELETION:
            return _delete(uow, kit, req)


def _deleted(req: RightsRequest) -> str:
    return (
        "您的个人信息已删除。"
        if req.language == "zh"
        else "Your personal information has been deleted."
    )


def _none_held(req: RightsRequest) -> str:
    return (
        "我们未持有与您提供的联系方式相关的个人信息。"
        if req.language == "zh"
        else "We hold no personal information linked to the contact you gave."
    )


# --- the changes to the data (services/rights/changes.py) -------------------------------------


def _correct(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, details: RequestDetails
) -> RightsRequest:
    if not details.changes:
        return req  # a correction told in words: staff apply it (apply_correction)
    return _apply_correction(uow, kit, RIGHTS_ACTOR, req.id, dict(details.changes))


def apply_correction(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, changes: dict[str, str]
) -> RightsRequest:
    """Staff apply a correction told in words: replace the values of the named categories,
    recording old and new as keyed hashes, reset last_confirmed_at, and queue a notice to
    every system holding them. The request is claimed while this runs."""
    with uow:
        req, _ = get_request(uow, request_id)
    if req.kind is not RequestKind.CORRECTION:
        raise Conflict(f"request {req.id} is a {req.kind} request, not a correction", field="kind")
    if not _claim(uow, kit, request_id):
        raise Conflict(f"request {request_id} is not ready or is being carried out", field="status")
    try:
        return _apply_correction(uow, kit, actor, request_id, changes)
    finally:
        with uow:
            uow.requests.release(request_id)
            uow.commit()


def _apply_correction(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, changes: dict[str, str]
) -> RightsRequest:
    with uow:
        req, _ = get_request(uow, request_id)
    if req.kind is not RequestKind.CORRECTION:
        raise Conflict(f"request {req.id} is a {req.kind} request, not a correction", field="kind")
    if not ready(req) or req.subject_id is None:
        raise Conflict(
            f"request {req.id} is {req.status}; it cannot be carried out now", field="status"
        )
    tasks, done = changes_made.correct(uow, kit, actor, req, changes)
    return _after_tasks(uow, kit, actor, req.id, tasks, done)


def _restrict(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, details: RequestDetails
) -> RightsRequest:
    done = changes_made.restrict(uow, kit, req, details)
    return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=done)


def _delete(uow: UnitOfWork, kit: RequestKit, req: RightsRequest) -> RightsRequest:
    tasks, done = changes_made.delete(uow, kit, req)
    return _after_tasks(uow, kit, RIGHTS_ACTOR, req.id, tasks, done)


def _after_tasks(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    request_id: str,
    tasks: list[SystemTask],
    done: list[str],
) -> RightsRequest:
    if not tasks:
        return close_request(uow, kit, actor, request_id, done=done)
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(
            move(req, RequestStatus.WAITING_ON_SYSTEMS, kit.clock.now()), outcome="\n".join(done)
        )
        uow.requests.save(req)
        uow.audit(event(req, actor, "wait.systems", systems=[t.system for t in tasks]))
        uow.commit()
    return req


# --- closing ------------------------------------------------------------------------------------


def close_request(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    request_id: str,
    *,
    done: list[str],
    package_id: str | None = None,
) -> RightsRequest:
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(move(req, RequestStatus.COMPLETED, kit.clock.now()), outcome="\n".join(done))
        uow.requests.save(req)
        uow.audit(event(req, actor, "complete", package_id=package_id))
        uow.commit()
    send_reply(uow, kit, req.id)
    return req


def refuse_request(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, reason: str
) -> RightsRequest:
    """Refuse with reasons (R4.4: excessive or unfounded; or the law does not allow it);
    the reply states them."""
    if not 5 <= len(reason.strip()) <= 2000:
        raise InvalidInput(
            "give the reasons (5–2,000 characters); the reply states them", field="reason"
        )
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(
            move(req, RequestStatus.REFUSED, kit.clock.now()),
            refusal_reason=reason.strip(),
            paused_at=None,
        )
        uow.requests.save(req)
        uow.audit(event(req, actor, "refuse", note_sealed=seal_note(kit, req.id, reason.strip())))
        uow.commit()
    send_reply(uow, kit, req.id)
    return req


REPLY = "reply"


REPLY_GIVEN = "reply_given"  # staff told the person (phone, letter): recorded by hand


def send_reply(uow: UnitOfWork, kit: RequestKit, request_id: str) -> bool:
    """Mail the closing reply once; the job runner retries replies the mail server refused.
    A request whose contact is a phone number is answered by staff: it is recorded as due,
    and stays due on the request's page until staff record how they told the person."""
    with uow:
        req, sealed = get_request(uow, request_id)
        if REPLY in uow.requests.notices_sent([req.id])[req.id]:
            return False
        packages = uow.requests.packages_of(req.id)
    details = open_details(kit, req.id, sealed)
    link = package_link(kit, packages[-1].id) if packages else None
    mailed = details.contact_kind.value == "email"
    if mailed:
        try:
            kit.mailer.send(
                request_mail.reply_mail(
                    kit, req, details.contact, done=req.outcome.splitlines(), link=link
                )
            )
        except MailError as e:  # the scheduler sends it again (unreplied)
            log.warning(
                "request %s: the reply was not sent (%s); it is retried",
                req.id,
                e.reply_code or "server unreachable",
            )
            return False
    with uow:
        if uow.requests.add_notice(req.id, REPLY, kit.clock.now(), mailed):
            uow.audit(
                event(
                    req,
                    RIGHTS_ACTOR,
                    "reply" if mailed else "reply.due",
                    channel=details.contact_kind.value,
                )
            )
        uow.commit()
    return mailed


def reply_due(uow: UnitOfWork, request_id: str) -> bool:
    """A closed request whose reply staff still have to give (phone contact)."""
    with uow:
        req, _ = get_request(uow, request_id)
        sent = uow.requests.notices_sent([req.id])[req.id]
        return (
            req.status.closed
            and REPLY in sent
            and REPLY_GIVEN not in sent
            and not uow.requests.reply_mailed(req.id)
        )


def record_reply(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, how: str
) -> RightsRequest:
    """Staff told the person the outcome another way (a call back, a letter): recorded,
    with how (sealed, like every staff note)."""
    how = how.strip()
    if not 5 <= len(how) <= 500:
        raise InvalidInput("say how and when the person was told (5–500 characters)", field="how")
    if not reply_due(uow, request_id):
        raise Conflict(
            "this request has no reply due from staff (open, or answered by "
            "mail, or already recorded)",
            field="status",
        )
    with uow:
        req, _ = get_request(uow, request_id)
        uow.requests.add_notice(req.id, REPLY_GIVEN, kit.clock.now(), True)
        uow.audit(event(req, actor, "reply.given", note_sealed=seal_note(kit, req.id, how)))
        uow.commit()
    return req
