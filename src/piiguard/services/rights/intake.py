"""Requests of the person, intake to verification (R4.3, R4.4, R9.1, R9.2): open a request
from any channel, send and check the one-time code, the queue and a request's view and
timeline.

The staff steps (assign, second step, wait on the requester, fee or refusal) are
services/rights/steps.py; carrying a request out is fulfilment.py; reminders and webhooks
run in jobs.py, mail intake in mail_intake.py; what they share is _common.py. Every step
writes an audit entry on target request/<id>, in the same transaction — the timeline the
console shows is those entries.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from piiguard.domain.access import PolicyState
from piiguard.domain.audit import AuditEntry
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, MailError, TooManyAttempts, at_most
from piiguard.domain.ports import AuditQuery, UnitOfWork
from piiguard.domain.rights.ports import QueueFilter, StoredPackage
from piiguard.domain.rights.rules import (
    ContactKind,
    RequestChannel,
    RequestDetails,
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    Verification,
    check_language,
    due_date,
    excessive_reason,
    may_send_code,
    move,
    needs_second_step,
)
from piiguard.services.ids import new_id
from piiguard.services.rights import mail as request_mail
from piiguard.services.rights._common import (
    event,
    get_request,
    open_details,
    open_note,
    parse_contact,
    seal_details,
    seal_note,
)
from piiguard.services.rights.kit import RequestKit

log = logging.getLogger(__name__)
MAX_TEXT = 5000
EMAIL_CATEGORY = "user.contact.email"
PHONE_CATEGORY = "user.contact.phone_number"


@dataclass(frozen=True, slots=True)
class RequestInput:
    kind: RequestKind
    channel: RequestChannel
    contact: str
    language: str | None = None
    name: str = ""
    text: str = ""
    concerns: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    changes: dict[str, str] | None = None
    received_at: datetime | None = None  # a letter's date of receipt, entered by staff


@dataclass(frozen=True, slots=True)
class Opened:
    request: RightsRequest
    code_sent: bool  # False: the contact is a phone number; staff verify by call-back


def _check_input(state: PolicyState, inp: RequestInput) -> RequestDetails:
    contact, kind = parse_contact(inp.contact)
    if len(inp.text) > MAX_TEXT:
        raise InvalidInput(f"text is at most {MAX_TEXT} characters", field="text")
    at_most(inp.name, 200, "name")  # the API's limit (its schema), for the console too
    for c in inp.concerns:
        if c not in state.taxonomy:
            raise InvalidInput(f"unknown data category {c!r}", field="concerns")
    for p in inp.purposes:
        if state.register.active(p) is None:
            raise InvalidInput(f"purpose {p!r} is not an active purpose", field="purposes")
    changes = dict(inp.changes or {})
    if inp.kind is RequestKind.CORRECTION:
        if not changes and not inp.text.strip():
            raise InvalidInput(
                "a correction says what is wrong: `changes` (category -> correct value) or a text",
                field="changes",
            )
        for c, v in changes.items():
            if c not in state.taxonomy or state.taxonomy.get(c).credential:
                raise InvalidInput(f"cannot correct category {c!r}", field="changes")
            if not v or len(v) > 10_000:
                raise InvalidInput("a corrected value is 1–10,000 characters", field="changes")
    elif changes:
        raise InvalidInput("only a correction carries changes", field="changes")
    return RequestDetails(
        contact,
        kind,
        inp.name.strip(),
        inp.text.strip(),
        tuple(inp.concerns),
        tuple(inp.purposes),
        changes,
    )


# --- intake --------------------------------------------------------------------------------


def open_request(uow: UnitOfWork, kit: RequestKit, actor: Actor | str, inp: RequestInput) -> Opened:
    """Record a written request (R4.3: the record is the written request, whatever the
    channel) and send a one-time code to the contact. The answer is the same whether or not
    the contact belongs to anyone we hold data on."""
    state = kit.policy.read(uow)
    details = _check_input(state, inp)
    now = kit.clock.now()
    received = inp.received_at or now
    if received > now:
        raise InvalidInput("received_at cannot be in the future", field="received_at")
    category = EMAIL_CATEGORY if details.contact_kind is ContactKind.EMAIL else PHONE_CATEGORY
    token = kit.vault.lookup_token(state.taxonomy.get(category), details.contact)
    sensitive = any(state.taxonomy.get(c).sensitive for c in details.concerns)
    rid = new_id()
    req = RightsRequest(
        rid,
        inp.kind,
        inp.channel,
        RequestStatus.AWAITING_VERIFICATION,
        received,
        due_date(received, kit.terms),
        kit.vault.keyed_hash(details.contact),
        check_language(inp.language),
        actor.ref if isinstance(actor, Actor) else actor,
        sensitive=sensitive,
    )
    code = None
    with uow:
        if (
            uow.requests.opened_since(req.contact_hash, now - timedelta(days=1))
            >= kit.terms.opened_per_day
        ):
            raise TooManyAttempts(
                "too many requests for this contact today; try again "
                "tomorrow or write to the privacy officer",
                retry_after=86400,
            )
        matches = uow.items.subjects_by_token(category, token) if token else []
        req = replace(req, subject_id=matches[0] if matches else None)
        uow.requests.add(req, seal_details(kit, rid, details))
        uow.audit(
            event(
                req,
                actor,
                "open",
                channel=req.channel.value,
                contact_hash=req.contact_hash,
                matches=len(matches),
            )
        )
        if details.contact_kind is ContactKind.EMAIL:
            code = _new_code(uow, kit, req, actor)
        uow.commit()
    sent = code is not None and _send_code(uow, kit, req, details.contact, code)
    return Opened(req, sent)


def _send_code(uow: UnitOfWork, kit: RequestKit, req: RightsRequest, to: str, code: str) -> bool:
    """Mail the code. The request is already recorded: if the mail server refuses, that is
    recorded and the person (or staff) asks for a new code — nothing is lost."""
    try:
        kit.mailer.send(request_mail.code_mail(kit, req, to, code))
    except MailError as e:
        log.warning(
            "request %s: the code mail was not sent (%s); check PIIGUARD_SMTP_HOST "
            "and PIIGUARD_SMTP_PORT, then the person asks for a new code",
            req.id,
            e.reply_code or "server unreachable",
        )
        with uow:
            uow.audit(event(req, "system:mailer", "code.mail_failed", reply_code=e.reply_code))
            uow.commit()
        return False
    return True


def _new_code(uow: UnitOfWork, kit: RequestKit, req: RightsRequest, actor: Actor | str) -> str:
    now = kit.clock.now()
    if not may_send_code([v.sent_at for v in uow.requests.codes(req.id)], now, kit.terms):
        raise TooManyAttempts(
            "too many codes sent for this request in the last hour; wait, then ask for a new code",
            retry_after=3600,
        )
    code = f"{secrets.randbelow(1_000_000):06d}"
    uow.requests.add_code(
        Verification(
            req.id,
            _code_hash(kit, req.id, code),
            now,
            now + timedelta(minutes=kit.terms.code_minutes),
        )
    )
    uow.audit(event(req, actor, "code.send"))
    return code


def _code_hash(kit: RequestKit, request_id: str, code: str) -> str:
    return kit.vault.keyed_hash(f"request-code:{request_id}:{code}")


def resend_code(uow: UnitOfWork, kit: RequestKit, request_id: str) -> None:
    with uow:
        req, sealed = get_request(uow, request_id, lock=True)
        if req.status is not RequestStatus.AWAITING_VERIFICATION:
            raise Conflict("this request is already verified", field="status")
        details = open_details(kit, req.id, sealed)
        if details.contact_kind is not ContactKind.EMAIL:
            raise Conflict("a phone request is verified by staff calling back", field="contact")
        code = _new_code(uow, kit, req, "subject:requester")
        uow.commit()
    kit.mailer.send(request_mail.code_mail(kit, req, details.contact, code))


def verify_code(uow: UnitOfWork, kit: RequestKit, request_id: str, code: str) -> RightsRequest:
    """Check the one-time code (5 attempts per code, expiring). On success the request
    moves on — to the second step, or to fulfilment (request_fulfil.advance)."""
    now = kit.clock.now()
    code = code.strip().replace(" ", "")
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        if req.status is not RequestStatus.AWAITING_VERIFICATION:
            raise Conflict("this request is already verified", field="status")
        live = [v for v in uow.requests.codes(req.id) if v.usable(now, kit.terms)]
        if not live:
            uow.audit(event(req, "subject:requester", "verify.failed", why="no_live_code"))
            uow.commit()
            raise InvalidInput(
                "the code has expired or was tried too often: ask for a new code", field="code"
            )
        # any code still live matches (a mail may arrive late); a wrong guess counts
        # against every live code, so asking for new codes adds no guesses
        wanted = _code_hash(kit, req.id, code)
        match = next((v for v in live if secrets.compare_digest(v.code_hash, wanted)), None)
        if match is None:
            for v in live:
                uow.requests.save_code(replace(v, attempts=v.attempts + 1))
            left = kit.terms.code_attempts - max(v.attempts for v in live) - 1
            uow.audit(
                event(
                    req, "subject:requester", "verify.failed", why="wrong_code", attempts_left=left
                )
            )
            uow.commit()
            raise InvalidInput(f"wrong code; {left} attempt(s) left", field="code")
        uow.requests.save_code(replace(match, used_at=now))
        req = _verified(uow, kit, req, "subject:requester", method="one_time_code")
        uow.commit()
    return req


def verify_by_staff(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, method: str
) -> RightsRequest:
    """Staff verified the requester another way (called back the number on file, saw an
    ID at the counter): recorded with the method."""
    if not 3 <= len(method.strip()) <= 200:
        raise InvalidInput("say how the identity was verified (3–200 characters)", field="method")
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        if req.status is not RequestStatus.AWAITING_VERIFICATION:
            raise Conflict("this request is already verified", field="status")
        req = _verified(uow, kit, req, actor, method=method.strip())
        uow.commit()
    return req


def _verified(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, actor: Actor | str, *, method: str
) -> RightsRequest:
    now = kit.clock.now()
    req = replace(req, verified_at=now)
    reason = excessive_reason(
        req.kind,
        uow.requests.earlier(req.contact_hash, req.subject_id, req.received_at),
        req.received_at,
        kit.terms,
    )
    if reason:
        req = replace(req, excessive=True, excessive_reason=reason)
    if (
        req.subject_id is not None
        and not req.sensitive
        and req.kind in (RequestKind.ACCESS, RequestKind.PORTABILITY)
    ):
        # a copy holds everything on the person, whatever they ticked: sensitive if any
        # item held is (the second step then applies, PIIGUARD_REQUEST_SECOND_STEP_SENSITIVE)
        taxonomy = kit.policy.current(uow).taxonomy
        held = {r.category for r in uow.items.records(req.subject_id)}
        req = replace(req, sensitive=any(taxonomy.get(c).sensitive for c in held))
    second = req.subject_id is not None and needs_second_step(req.kind, req.sensitive, kit.terms)
    req = move(
        req, RequestStatus.AWAITING_SECOND_STEP if second else RequestStatus.IN_PROGRESS, now
    )
    uow.requests.save(req)
    uow.audit(
        event(
            req,
            actor,
            "verify",
            note_sealed=seal_note(kit, req.id, method),
            excessive=req.excessive,
            second_step=second,
        )
    )
    return req


# --- views -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestView:
    request: RightsRequest
    details: RequestDetails
    timeline: list[AuditEntry]
    tasks: list[SystemTask] = field(default_factory=list)  # notices to holding systems
    packages: list[StoredPackage] = field(default_factory=list)  # download links made


def view_request(uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str) -> RequestView:
    """A request with what the person wrote (staff handling it), and its timeline with the
    staff's sealed notes opened."""
    with uow:
        req, sealed = get_request(uow, request_id)
        timeline = uow.audit_log.entries(AuditQuery(target=("request", req.id), limit=1000))
        tasks = uow.requests.tasks_of(req.id)
        packages = uow.requests.packages_of(req.id)
        uow.audit(event(req, actor, "view"))
        uow.commit()
    return RequestView(
        req,
        open_details(kit, req.id, sealed),
        [_with_note(kit, req.id, e) for e in timeline],
        tasks,
        packages,
    )


def _with_note(kit: RequestKit, request_id: str, e: AuditEntry) -> AuditEntry:
    if '"note_sealed"' not in e.details:
        return e
    details = json.loads(e.details)
    sealed = details.pop("note_sealed")
    if sealed:
        details["note"] = open_note(kit, request_id, sealed)
    return replace(e, details=json.dumps(details, ensure_ascii=False, sort_keys=True))


def request_status(uow: UnitOfWork, request_id: str) -> RightsRequest:
    """The status the requester follows (the request id is their reference)."""
    with uow:
        req, _ = get_request(uow, request_id)
    return req


def list_requests(uow: UnitOfWork, f: QueueFilter) -> list[RightsRequest]:
    with uow:
        return uow.requests.queue(f)


def request_counts(uow: UnitOfWork, now: datetime) -> tuple[int, int]:
    with uow:
        return uow.requests.counts(now)
