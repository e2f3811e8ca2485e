"""The console's pages for requests that arrive outside the privacy centre (R9.1): the mail
the inbox could not read (triage — officers only: read one, link it to a request or set it
aside) and the form that records a request made by phone, letter or email, with the member
of staff as its author (an officer may open it from a triaged mail, which it then resolves).
The page frame and the form errors are web/console/rights.py's.

Its router is included before rights.py's, so that "triage" and "new" are not taken for a
request's id by GET /console/requests/{request_id} (web/app.py)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, MailError, NotFound
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.services.rights import intake as uc
from piiguard.services.rights import mail_intake as intake
from piiguard.web.authz import OFFICER, Authorized
from piiguard.web.console.rights import (
    FormError,
    Long,
    Many,
    Param,
    Text,
    back_to_request,
    choices,
    error_status,
    form_error,
    requests_page,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, see

router = APIRouter(prefix="/console/requests", include_in_schema=False)
STAFF_CHANNELS = (RequestChannel.PHONE, RequestChannel.LETTER, RequestChannel.EMAIL)


# --- mail the inbox could not read (R9.1) ---------------------------------------------------


@router.get("/triage", response_class=HTMLResponse)
def triage(
    request: Request, c: ContainerDep, actor: Authorized, resolved: Param = ""
) -> HTMLResponse:
    mails = intake.list_triage(c.uow(readonly=True), open_only=not resolved)
    return requests_page(
        request,
        c,
        actor,
        "triage.html",
        {
            "mails": sorted(mails, key=lambda m: m.received_at, reverse=True),
            "resolved": bool(resolved),
        },
    )


def _triage_page(
    request: Request,
    c: Container,
    actor: Actor,
    triage_id: str,
    *,
    error: FormError | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    mail, text = intake.read_triage(c.uow(), c.requests, actor, triage_id)
    return requests_page(
        request,
        c,
        actor,
        "triage_mail.html",
        {"mail": mail, "text": text, "error": error, "values": values or {}},
        status,
    )


@router.get("/triage/{triage_id}", response_class=HTMLResponse)
def triage_mail(
    request: Request, triage_id: str, c: ContainerDep, actor: Authorized
) -> HTMLResponse:
    """One mail, decoded (the read is on the audit trail), and what to do with it."""
    return _triage_page(request, c, actor, triage_id)


@router.post("/triage/{triage_id}/resolve", response_class=HTMLResponse)
def resolve_triage(
    request: Request, triage_id: str, c: ContainerDep, actor: Authorized, request_id: Text = ""
) -> Response:
    rid = request_id.strip() or None
    try:
        intake.resolve_triage(c.uow(), c.requests, actor, triage_id, rid)
    except NotFound as exc:
        if exc.field != "request_id":
            raise
        return _triage_page(
            request,
            c,
            actor,
            triage_id,
            error=form_error("resolve", exc),
            values={"request_id": request_id},
            status=422,
        )
    return see("/console/requests/triage?done=resolved")


# --- a request by phone, letter or email, entered by staff (R9.1) ----------------------------


def _new_form(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    triage_id: str = "",
    error: FormError | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = "en" if language(request) == "en" else "zh"
    return requests_page(
        request,
        c,
        actor,
        "new.html",
        {
            **choices(c),
            "channels": [ch.value for ch in STAFF_CHANNELS],
            "triage_id": triage_id,
            "error": error,
            "values": values or {"language": lang, "channel": "phone"},
        },
        status,
    )


@router.get("/new", response_class=HTMLResponse)
def new_request(
    request: Request, c: ContainerDep, actor: Authorized, triage: Param = ""
) -> HTMLResponse:
    return _new_form(request, c, actor, triage_id=triage if OFFICER in actor.roles else "")


_CHANGE = re.compile(r"^\s*([^=:：]+?)\s*[=:：]\s*(.+?)\s*$")


def _changes(text: str) -> dict[str, str]:
    """A correction's changes, one per line: `category = correct value`."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        found = _CHANGE.match(line)
        if found is None:
            raise InvalidInput("one change per line: category = correct value", field="changes")
        out[found.group(1)] = found.group(2)
    return out


def _received(value: str, now: datetime) -> datetime | None:
    if not value.strip():
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("a date: YYYY-MM-DD", field="received") from None
    # a later day is passed on as it is: open_request refuses a date in the future
    return now if day == now.date() else datetime.combine(day, time.min, UTC)


@router.post("/new", response_class=HTMLResponse)
def new_submit(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    kind: Text = "",
    channel: Text = "",
    contact: Text = "",
    reply_language: Text = "zh",
    name: Text = "",
    received: Text = "",
    text: Long = "",
    concerns: Many = None,
    purposes: Many = None,
    changes: Long = "",
    triage_id: Text = "",
) -> Response:
    """Record the request with the member of staff as its author (R4.3: the record is the
    written request); an email contact gets the one-time code."""
    values: dict[str, Any] = {
        "kind": kind,
        "channel": channel,
        "contact": contact,
        "language": reply_language,
        "name": name,
        "received": received,
        "text": text,
        "concerns": concerns or [],
        "purposes": purposes or [],
        "changes": changes,
    }
    triage_id = triage_id if OFFICER in actor.roles else ""
    try:
        try:
            k = RequestKind(kind)
        except ValueError:
            raise InvalidInput("choose the kind of request", field="kind") from None
        if channel not in {ch.value for ch in STAFF_CHANNELS}:
            raise InvalidInput("choose phone, letter or email", field="channel")
        opened = uc.open_request(
            c.uow(),
            c.requests,
            actor,
            uc.RequestInput(
                k,
                RequestChannel(channel),
                contact,
                reply_language if reply_language in ("zh", "en") else "zh",
                name,
                text,
                tuple(concerns or ()),
                tuple(purposes or ()),
                _changes(changes) or None,
                _received(received, c.clock.now()),
            ),
        )
    except MailError:  # recorded; the code mail failed (the requester may ask again)
        return see("/console/requests?warn=mail")
    except DomainError as exc:
        if isinstance(exc, NotFound):
            raise
        return _new_form(
            request,
            c,
            actor,
            triage_id=triage_id,
            error=form_error("new", exc),
            values=values,
            status=error_status(exc),
        )
    rid = opened.request.id
    also = ["code" if opened.code_sent else "callback"]
    if triage_id:
        try:
            intake.resolve_triage(c.uow(), c.requests, actor, triage_id, rid)
            also.append("resolved")
        except DomainError:
            pass  # already dealt with meanwhile; the request stands
    return back_to_request(rid, "new", also=",".join(also))
