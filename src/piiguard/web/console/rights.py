"""The staff console's page of one request of the person (R4.3, R4.4, R9.2): what the
person asked, its timeline, the notices to systems, and the forms of the steps its status
allows; with what the request pages share: `requests_page` (the page frame: words,
flashes, lock timer, the form in error), `request_page`, `request_row` (a request's row in
the queue and its summary here), `back_to_request`, `form_error`. Server-rendered, usable
without JavaScript. Beside it: web/console/rights_queue.py (the queue: overdue first,
filters, paging), web/console/rights_intake.py (the mail the inbox could not read, and the
form that records a request made by phone, letter or email) and
web/console/rights_steps.py (the step forms: POST with the session's CSRF token, answered
303 back to the request with a message, or this page again with the error next to the
field).

Who may do what is web/authz.py's rules: staff, privacy officers and auditors see the
queue and a request — an auditor only its metadata and timeline, never what the person
wrote (this module does not open the details for them); staff and officers take the steps;
officers alone approve, refuse, charge, waive, flag as unfounded and read the triage.
Approving (the second half of the four-eyes second step) needs a recent sign-in: when the
session's is older than `reauth_minutes`, the approve form asks for the password (and
code) again and the route re-authenticates before approving."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.audit import AuditEntry
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotAuthenticated
from piiguard.domain.ports import AuditQuery
from piiguard.domain.rights.rules import (
    RequestKind,
    RequestStatus,
    RightsRequest,
    needs_second_step,
)
from piiguard.services.audit import list_audit
from piiguard.services.rights import fulfilment as fulfil
from piiguard.services.rights import intake as uc
from piiguard.services.staff.accounts import list_staff
from piiguard.services.staff.login import require_recent_auth
from piiguard.web.authz import OFFICER, STAFF, Authorized
from piiguard.web.console.messages import message_for
from piiguard.web.console.rights_texts import names, words
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.html import language, render, see
from piiguard.web.problems import STATUS
from piiguard.web.session import seconds_until_lock, staff_session

router = APIRouter(prefix="/console/requests", include_in_schema=False)
HANDLERS = frozenset({STAFF, OFFICER})
# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Long = Text
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=64)]

# the fields of the forms that are not step forms (those are in rights_steps.STEPS): an
# error on one of them is shown next to it, any other error at the top of the form
FIELDS: dict[str, frozenset[str]] = {
    "resolve": frozenset({"request_id"}),
    "new": frozenset(
        {
            "kind",
            "channel",
            "contact",
            "language",
            "name",
            "text",
            "concerns",
            "purposes",
            "changes",
            "received",
        }
    ),
    "filters": frozenset({"kind", "status", "due_before"}),
}
# a service's field name -> the form's
FIELD_ALIASES = {"fee": "amount", "received_at": "received", "staff_id": "assignee"}
FLASH_ALSO = ("code", "callback", "resolved")


@dataclass(frozen=True, slots=True)
class FormError:
    form: str  # which form on the page ("task:<id>" for a task's)
    field: str  # "" when the error is about the form as a whole
    message: str  # the service's (English); shown translated on a Chinese page
    code: str = "invalid-input"  # the error's code, for the translation (messages.py)


def form_error(form: str, exc: DomainError, fields: frozenset[str] | None = None) -> FormError:
    """The error shown on `form`: next to its field when the field is one of the form's
    (`fields`, else FIELDS'), else at the top of the form."""
    base = form.split(":", 1)[0]
    field = exc.field or ""
    if base == "correct" and field == "changes":
        field = "value"
    field = FIELD_ALIASES.get(field, field)
    if isinstance(exc, NotAuthenticated):
        field = "password"  # the approve form's re-authentication
    fields = FIELDS.get(base, frozenset()) if fields is None else fields
    return FormError(form, field if field in fields else "", exc.message, exc.code)


def error_status(exc: DomainError) -> int:
    """The status of the page shown again with an error: problems.py's table."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls][0]
    return 400


# --- rendering -------------------------------------------------------------------------------


def _fmt(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if at else "—"


def _day(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d") if at else "—"


def _flashes(request: Request, t: dict[str, str]) -> tuple[list[str], list[str]]:
    q = request.query_params
    done = [t[f"done_{q['done']}"]] if f"done_{q.get('done')}" in t else []
    done += [t[f"done_{a}"] for a in q.get("also", "").split(",") if a in FLASH_ALSO]
    warn = q.get("warn", "")
    warnings = (
        [t["warn_mail"]]
        if warn == "mail"
        else [t["warn_advance"].format(code=warn)]
        if re.fullmatch(r"[a-z-]{1,40}", warn)
        else []
    )
    return done, warnings


def requests_page(
    request: Request,
    c: Container,
    actor: Actor,
    name: str,
    context: dict[str, Any],
    status: int = 200,
) -> HTMLResponse:
    """One of the request pages (templates/console/requests/`name`): the console's and the
    request pages' words, the flashes of the step just taken, the lock timer, the form
    that failed (`error`) and what was typed in it (`values`)."""
    lang = language(request)
    session = staff_session(request)
    done, warnings = _flashes(request, words(lang))
    error = context.get("error")
    if isinstance(error, FormError) and lang == "zh-CN":  # no English sentence on a zh page
        shown = message_for(error.code, error.field, lang)
        context = {**context, "error": dataclasses.replace(error, message=shown)}
    return render(
        request,
        f"console/requests/{name}",
        {
            "n": names(lang),
            "csrf": c.staff.csrf_token(request_token(request) or ""),
            "lock_in": round(seconds_until_lock(c, request), 1),
            "mfa": session is not None and session.staff.mfa_enrolled,
            "officer": OFFICER in actor.roles,
            "handler": bool(actor.roles & HANDLERS),
            "me": actor.id,
            "flashes": done,
            "warnings": warnings,
            "fmt": _fmt,
            "day": _day,
            "days": lambda seconds: f"{seconds / 86400:.1f}",
            "error": None,
            "values": {},
            **context,
        },
        status,
        words=words,
    )


def staff_names(c: Container) -> dict[str, str]:
    """Staff ids -> display names, for the queue, the timeline and the assign form."""
    return {a.account.id: a.account.display_name for a in list_staff(c.staff, c.uow(readonly=True))}


def back_to_request(request_id: str, done: str, **extra: str) -> Response:
    """303 to the request's page with the flash of the step `done` (and `warn`, `also`)."""
    query = urlencode({"done": done, **{k: v for k, v in extra.items() if v}})
    return see(f"/console/requests/{request_id}?{query}")


def request_row(
    r: RightsRequest, now: datetime, staff: dict[str, str], c: Container
) -> dict[str, Any]:
    """A request as one row of the queue and the summary atop its page: status, due date,
    days left or overdue, assignee, flags (excessive, fee, second step due)."""
    overdue = r.overdue(now)
    # whole days: "29 days left" the day it arrives, "10 days overdue" ten days after
    left = max(0, math.ceil((r.due_at - now).total_seconds() / 86400))
    flags = (
        (["excessive"] if r.excessive else [])
        + (["fee_flag"] if r.fee else [])
        + (
            ["second_step"]
            if not r.status.closed
            and r.approved_by is None
            and (r.verified_at is None or r.subject_id is not None)  # none held: no second step
            and needs_second_step(r.kind, r.sensitive, c.requests.terms)
            else []
        )
    )
    return {
        "id": r.id,
        "short": r.id[:8],
        "kind": r.kind.value,
        "channel": r.channel.value,
        "status": r.status.value,
        "received": _day(r.received_at),
        "due": _day(r.due_at),
        "days_left": left,
        "overdue": overdue,
        "overdue_days": max(1, (now - r.due_at).days),
        "paused": r.paused_at is not None,
        "closed": r.status.closed,
        "assignee": staff.get(r.assignee, r.assignee[:8]) if r.assignee else None,
        "flags": flags,
    }


def choices(c: Container) -> dict[str, Any]:
    """The categories and active purposes a form may name (new request, correction)."""
    state = c.requests.policy.read(c.uow(readonly=True))
    return {
        "categories": [x for x in state.taxonomy if not x.credential],
        "purposes": [p for p in state.register.rules.values() if p.active],
    }


# --- one request -------------------------------------------------------------------------------


def _who(e: AuditEntry, staff: dict[str, str], who: dict[str, str]) -> str:
    ref = f"{e.actor_kind}:{e.actor_id}"
    if e.actor_kind == "staff":
        return staff.get(e.actor_id, e.actor_id[:8])
    return who.get(ref) or who.get(e.actor_kind) or ref


def _timeline(
    entries: list[AuditEntry], staff: dict[str, str], n: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        details = json.loads(e.details) if e.details else {}
        step = e.action.removeprefix("request.")
        if details.pop("note_sealed", None):  # a staff note, opened only for its handlers
            details["note"] = "🔒"
        notes = [
            f"{k}: {staff.get(v, v) if isinstance(v, str) else v}"
            for k, v in sorted(details.items())
            if k not in ("kind", "status", "contact_hash") and v not in (None, "", [])
        ]
        out.append(
            {
                "at": datetime.fromtimestamp(e.at_us / 1_000_000, UTC),
                "who": _who(e, staff, n["who"]),
                "step": n["step"].get(step, step),
                "status": details.get("status", ""),
                "notes": notes,
            }
        )
    return out


def _forms(req: RightsRequest, actor: Actor) -> set[str]:
    """The step forms this request's status allows, for this member of staff."""
    s, officer = req.status, OFFICER in actor.roles
    if s.closed or not actor.roles & HANDLERS:
        return set()
    forms = {"assign"}
    if s is RequestStatus.AWAITING_VERIFICATION:
        forms.add("verify")
    if s is RequestStatus.AWAITING_SECOND_STEP:
        forms |= {"document", "approve"} if officer else {"document"}
    if s in (RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_SECOND_STEP):
        forms.add("pause")
    if s is RequestStatus.WAITING_ON_REQUESTER:
        forms.add("resume")
    if req.kind is RequestKind.CORRECTION and fulfil.ready(req) and req.subject_id:
        forms.add("correct")
    if officer:
        forms.add("refuse")
        if not req.excessive:
            forms.add("unfounded")
        elif s in (RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_SECOND_STEP):
            forms |= {"waive", "fee"}
    return forms


def _reauth_needed(request: Request, c: Container) -> bool:
    session = staff_session(request)
    try:
        if session is None:
            return True
        require_recent_auth(c.staff, session)
    except NotAuthenticated:
        return True
    return False


def request_page(
    request: Request,
    c: Container,
    actor: Actor,
    request_id: str,
    *,
    error: FormError | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    if actor.roles & HANDLERS:
        v = uc.view_request(c.uow(), c.requests, actor, request_id)
        req, details, entries, tasks, packages = (
            v.request,
            v.details,
            v.timeline,
            v.tasks,
            v.packages,
        )
    else:  # the auditor: metadata and the timeline, never what the person wrote
        req = uc.request_status(c.uow(readonly=True), request_id)
        details, tasks, packages = None, [], []
        entries = list_audit(c.uow(), actor, AuditQuery(target=("request", req.id), limit=1000))
    staff = staff_names(c)
    now = c.clock.now()
    forms = _forms(req, actor)
    if actor.roles & HANDLERS and req.status.closed and fulfil.reply_due(c.uow(), req.id):
        forms.add("replied")
    context: dict[str, Any] = {
        "r": req,
        "row": request_row(req, now, staff, c),
        "details": details,
        "tasks": tasks,
        "packages": packages,
        "timeline": _timeline(entries, staff, names(lang)),
        "forms": forms,
        "staff": staff,
        "error": error,
        "values": values or {},
        "reauth_needed": "approve" in forms and _reauth_needed(request, c),
        "reauth_minutes": f"{c.staff.policy.reauth_minutes:g}",
    }
    if "assign" in forms:
        context["assignees"] = [
            a.account
            for a in list_staff(c.staff, c.uow(readonly=True))
            if a.account.active and a.account.roles & HANDLERS
        ]
    if "correct" in forms:
        context.update(choices(c))
    return requests_page(request, c, actor, "request.html", context, status)


@router.get("/{request_id}", response_class=HTMLResponse)
def view_request(
    request: Request, request_id: str, c: ContainerDep, actor: Authorized
) -> HTMLResponse:
    return request_page(request, c, actor, request_id)
