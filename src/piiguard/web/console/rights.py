"""The staff console's pages for requests of the person (R4.3, R4.4, R9.1, R9.2): the queue
(overdue first, filters, paging), one request (what the person asked, its timeline, the
notices to systems, and the forms of the steps its status allows), the mail the inbox
could not read (triage), and the form that records a request made by phone, letter or
email. Server-rendered, usable without JavaScript: every filter is a GET form. The step
forms (POST, answered by web/console/rights_steps.py) carry the session's CSRF token and
answer 303 back to the request with a message, or this page again with the error next to
the field.

Who may do what is web/authz.py's rules: staff, privacy officers and auditors see the
queue and a request — an auditor only its metadata and timeline, never what the person
wrote (this module does not open the details for them); staff and officers take the steps;
officers alone approve, refuse, charge, waive, flag as unfounded and read the triage.
Approving (the second half of the four-eyes second step) needs a recent sign-in: when the
session's is older than `reauth_minutes`, the approve form asks for the password (and
code) again and the route re-authenticates before approving."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.audit import AuditEntry
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, MailError, NotAuthenticated, NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import (
    RequestChannel,
    RequestKind,
    RequestStatus,
    RightsRequest,
    needs_second_step,
)
from piiguard.services.audit import list_audit
from piiguard.services.rights import fulfilment as fulfil
from piiguard.services.rights import intake as uc
from piiguard.services.rights import mail_intake as intake
from piiguard.services.staff.accounts import list_staff
from piiguard.services.staff.login import require_recent_auth
from piiguard.web.authz import OFFICER, STAFF, Authorized
from piiguard.web.console.pages import _lock_in, _render, _see
from piiguard.web.console.rights_texts import names, words
from piiguard.web.console.texts import language
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.problems import STATUS
from piiguard.web.session import staff_session

router = APIRouter(prefix="/console/requests", include_in_schema=False)
PAGE_SIZE = 50
HANDLERS = frozenset({STAFF, OFFICER})
STAFF_CHANNELS = (RequestChannel.PHONE, RequestChannel.LETTER, RequestChannel.EMAIL)
Text = Annotated[str, Form(max_length=1024)]
Long = Annotated[str, Form(max_length=10_000)]
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=64)]

# the fields of each step form: an error on one of them is shown next to it, any other
# error at the top of the form
FIELDS: dict[str, frozenset[str]] = {
    "assign": frozenset({"assignee"}), "verify": frozenset({"method"}),
    "document": frozenset({"document"}), "approve": frozenset({"password", "code"}),
    "pause": frozenset({"reason"}), "resume": frozenset(),
    "correct": frozenset({"category", "value"}), "unfounded": frozenset({"reason"}),
    "waive": frozenset({"reason"}), "fee": frozenset({"amount", "currency", "reason"}),
    "refuse": frozenset({"reason"}), "task": frozenset({"reason"}),
    "resolve": frozenset({"request_id"}),
    "new": frozenset({"kind", "channel", "contact", "language", "name", "text",
                      "concerns", "purposes", "changes", "received"}),
    "filters": frozenset({"kind", "status", "due_before"}),
}
# a service's field name -> the form's
FIELD_ALIASES = {"fee": "amount", "received_at": "received", "staff_id": "assignee"}
FLASH_ALSO = ("code", "callback", "resolved")


@dataclass(frozen=True, slots=True)
class FormError:
    form: str  # which form on the page ("task:<id>" for a task's)
    field: str  # "" when the error is about the form as a whole
    message: str


def _form_error(form: str, exc: DomainError) -> FormError:
    base = form.split(":", 1)[0]
    field = exc.field or ""
    if base == "correct" and field == "changes":
        field = "value"
    field = FIELD_ALIASES.get(field, field)
    if isinstance(exc, NotAuthenticated):
        field = "password"  # the approve form's re-authentication
    return FormError(form, field if field in FIELDS.get(base, frozenset()) else "",
                     exc.message)


def _status(exc: DomainError) -> int:
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
    warnings = ([t["warn_mail"]] if warn == "mail" else
                [t["warn_advance"].format(code=warn)] if re.fullmatch(r"[a-z-]{1,40}", warn)
                else [])
    return done, warnings


def _page(request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any],
          status: int = 200) -> HTMLResponse:
    lang = language(request)
    t = words(lang)
    session = staff_session(request)
    done, warnings = _flashes(request, t)
    return _render(request, f"console/requests/{name}", {
        "t": t, "n": names(lang), "csrf": c.staff.csrf_token(request_token(request) or ""),
        "lock_in": round(_lock_in(c, request), 1),
        "mfa": session is not None and session.staff.mfa_enrolled,
        "officer": OFFICER in actor.roles, "handler": bool(actor.roles & HANDLERS),
        "me": actor.id, "flashes": done, "warnings": warnings, "fmt": _fmt, "day": _day,
        "days": lambda seconds: f"{seconds / 86400:.1f}",
        "error": None, "values": {}, **context}, status)


def _staff_names(c: Container) -> dict[str, str]:
    return {a.account.id: a.account.display_name
            for a in list_staff(c.staff, c.uow(readonly=True))}


def _back(request_id: str, done: str, **extra: str) -> Response:
    query = urlencode({"done": done, **{k: v for k, v in extra.items() if v}})
    return _see(f"/console/requests/{request_id}?{query}")


# --- the queue (R9.2) --------------------------------------------------------------------------

def _parse_filters(actor: Actor, now: datetime, kind: str, status: str, due_before: str,
                   assignee: str, overdue: str, offset: int
                   ) -> tuple[QueueFilter, FormError | None]:
    error = None
    try:
        k = RequestKind(kind) if kind else None
    except ValueError:
        k, error = None, FormError("filters", "kind", f"unknown kind {kind!r}")
    try:
        statuses = frozenset({RequestStatus(status)}) if status else None
    except ValueError:
        statuses, error = None, FormError("filters", "status", f"unknown status {status!r}")
    try:
        before = (datetime.combine(date.fromisoformat(due_before), time.min, UTC)
                  if due_before else None)
    except ValueError:
        before, error = None, FormError("filters", "due_before", "a date: YYYY-MM-DD")
    return QueueFilter(statuses, k, actor.id if assignee == "me" else None, before,
                       now if overdue else None, PAGE_SIZE + 1, offset), error


def _row(r: RightsRequest, now: datetime, staff: dict[str, str], c: Container
         ) -> dict[str, Any]:
    overdue = r.overdue(now)
    # whole days: "29 days left" the day it arrives, "10 days overdue" ten days after
    left = max(0, math.ceil((r.due_at - now).total_seconds() / 86400))
    flags = (["excessive"] if r.excessive else []) + (["fee_flag"] if r.fee else []) + (
        ["second_step"] if not r.status.closed and r.approved_by is None
        and (r.verified_at is None or r.subject_id is not None)  # none held: no second step
        and needs_second_step(r.kind, r.sensitive, c.requests.terms) else [])
    return {"id": r.id, "short": r.id[:8], "kind": r.kind.value, "channel": r.channel.value,
            "status": r.status.value, "received": _day(r.received_at), "due": _day(r.due_at),
            "days_left": left, "overdue": overdue,
            "overdue_days": max(1, (now - r.due_at).days),
            "paused": r.paused_at is not None, "closed": r.status.closed,
            "assignee": staff.get(r.assignee, r.assignee[:8]) if r.assignee else None,
            "flags": flags}


@router.get("", response_class=HTMLResponse)
def queue(request: Request, c: ContainerDep, actor: Authorized, kind: Param = "",
          status: Param = "", due_before: Param = "", assignee: Param = "",
          overdue: Param = "", page: Param = "1") -> HTMLResponse:
    """The queue: overdue first (red, with the days overdue), then by due date."""
    now = c.clock.now()
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    f, error = _parse_filters(actor, now, kind, status, due_before, assignee, overdue,
                              (number - 1) * PAGE_SIZE)
    found = [] if error else uc.list_requests(c.uow(readonly=True), f)
    staff = _staff_names(c)
    shown = {"kind": kind, "status": status, "due_before": due_before,
             "assignee": "me" if assignee == "me" else "", "overdue": "1" if overdue else ""}
    kept = {k: v for k, v in shown.items() if v}
    return _page(request, c, actor, "queue.html", {
        "rows": [_row(r, now, staff, c) for r in found[:PAGE_SIZE]], "f": shown,
        "page": number, "error": error,
        "prev": f"?{urlencode({**kept, 'page': number - 1})}" if number > 1 else None,
        "next": (f"?{urlencode({**kept, 'page': number + 1})}"
                 if len(found) > PAGE_SIZE else None)}, 422 if error else 200)


# --- mail the inbox could not read (R9.1) ---------------------------------------------------
# (declared before /{request_id} so that "triage" and "new" are not taken for ids)

@router.get("/triage", response_class=HTMLResponse)
def triage(request: Request, c: ContainerDep, actor: Authorized, resolved: Param = ""
           ) -> HTMLResponse:
    mails = intake.list_triage(c.uow(readonly=True), open_only=not resolved)
    return _page(request, c, actor, "triage.html", {
        "mails": sorted(mails, key=lambda m: m.received_at, reverse=True),
        "resolved": bool(resolved)})


def _triage_page(request: Request, c: Container, actor: Actor, triage_id: str, *,
                 error: FormError | None = None, values: dict[str, str] | None = None,
                 status: int = 200) -> HTMLResponse:
    mail, text = intake.read_triage(c.uow(), c.requests, actor, triage_id)
    return _page(request, c, actor, "triage_mail.html", {
        "mail": mail, "text": text, "error": error, "values": values or {}}, status)


@router.get("/triage/{triage_id}", response_class=HTMLResponse)
def triage_mail(request: Request, triage_id: str, c: ContainerDep, actor: Authorized
                ) -> HTMLResponse:
    """One mail, decoded (the read is on the audit trail), and what to do with it."""
    return _triage_page(request, c, actor, triage_id)


@router.post("/triage/{triage_id}/resolve", response_class=HTMLResponse)
def resolve_triage(request: Request, triage_id: str, c: ContainerDep, actor: Authorized,
                   request_id: Text = "") -> Response:
    rid = request_id.strip() or None
    try:
        intake.resolve_triage(c.uow(), c.requests, actor, triage_id, rid)
    except NotFound as exc:
        if exc.field != "request_id":
            raise
        return _triage_page(request, c, actor, triage_id,
                            error=_form_error("resolve", exc),
                            values={"request_id": request_id}, status=422)
    return _see("/console/requests/triage?done=resolved")


# --- a request by phone, letter or email, entered by staff (R9.1) ----------------------------

def _choices(c: Container) -> dict[str, Any]:
    state = c.requests.policy.read(c.uow(readonly=True))
    return {"categories": [x for x in state.taxonomy if not x.credential],
            "purposes": [p for p in state.register.rules.values() if p.active]}


def _new_form(request: Request, c: Container, actor: Actor, *, triage_id: str = "",
              error: FormError | None = None, values: dict[str, Any] | None = None,
              status: int = 200) -> HTMLResponse:
    lang = "en" if language(request) == "en" else "zh"
    return _page(request, c, actor, "new.html", {
        **_choices(c), "channels": [ch.value for ch in STAFF_CHANNELS], "triage_id": triage_id,
        "error": error, "values": values or {"language": lang, "channel": "phone"}}, status)


@router.get("/new", response_class=HTMLResponse)
def new_request(request: Request, c: ContainerDep, actor: Authorized, triage: Param = ""
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
            raise InvalidInput("one change per line: category = correct value",
                               field="changes")
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
def new_submit(request: Request, c: ContainerDep, actor: Authorized, kind: Text = "",
               channel: Text = "", contact: Text = "", reply_language: Text = "zh",
               name: Text = "", received: Text = "", text: Long = "",
               concerns: Many = None, purposes: Many = None, changes: Long = "",
               triage_id: Text = "") -> Response:
    """Record the request with the member of staff as its author (R4.3: the record is the
    written request); an email contact gets the one-time code."""
    values: dict[str, Any] = {
        "kind": kind, "channel": channel, "contact": contact, "language": reply_language,
        "name": name, "received": received, "text": text, "concerns": concerns or [],
        "purposes": purposes or [], "changes": changes}
    triage_id = triage_id if OFFICER in actor.roles else ""
    try:
        try:
            k = RequestKind(kind)
        except ValueError:
            raise InvalidInput("choose the kind of request", field="kind") from None
        if channel not in {ch.value for ch in STAFF_CHANNELS}:
            raise InvalidInput("choose phone, letter or email", field="channel")
        opened = uc.open_request(c.uow(), c.requests, actor, uc.RequestInput(
            k, RequestChannel(channel), contact,
            reply_language if reply_language in ("zh", "en") else "zh", name, text,
            tuple(concerns or ()), tuple(purposes or ()), _changes(changes) or None,
            _received(received, c.clock.now())))
    except MailError:  # recorded; the code mail failed (the requester may ask again)
        return _see("/console/requests?warn=mail")
    except DomainError as exc:
        if isinstance(exc, NotFound):
            raise
        return _new_form(request, c, actor, triage_id=triage_id,
                         error=_form_error("new", exc), values=values, status=_status(exc))
    rid = opened.request.id
    also = ["code" if opened.code_sent else "callback"]
    if triage_id:
        try:
            intake.resolve_triage(c.uow(), c.requests, actor, triage_id, rid)
            also.append("resolved")
        except DomainError:
            pass  # already dealt with meanwhile; the request stands
    return _back(rid, "new", also=",".join(also))


# --- one request -------------------------------------------------------------------------------

def _who(e: AuditEntry, staff: dict[str, str], who: dict[str, str]) -> str:
    ref = f"{e.actor_kind}:{e.actor_id}"
    if e.actor_kind == "staff":
        return staff.get(e.actor_id, e.actor_id[:8])
    return who.get(ref) or who.get(e.actor_kind) or ref


def _timeline(entries: list[AuditEntry], staff: dict[str, str], n: dict[str, dict[str, str]]
              ) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        details = json.loads(e.details) if e.details else {}
        step = e.action.removeprefix("request.")
        if details.pop("note_sealed", None):  # a staff note, opened only for its handlers
            details["note"] = "🔒"
        notes = [f"{k}: {staff.get(v, v) if isinstance(v, str) else v}"
                 for k, v in sorted(details.items())
                 if k not in ("kind", "status", "contact_hash") and v not in (None, "", [])]
        out.append({"at": datetime.fromtimestamp(e.at_us / 1_000_000, UTC),
                    "who": _who(e, staff, n["who"]), "step": n["step"].get(step, step),
                    "status": details.get("status", ""), "notes": notes})
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


def _request_page(request: Request, c: Container, actor: Actor, request_id: str, *,
                  error: FormError | None = None, values: dict[str, str] | None = None,
                  status: int = 200) -> HTMLResponse:
    lang = language(request)
    if actor.roles & HANDLERS:
        v = uc.view_request(c.uow(), c.requests, actor, request_id)
        req, details, entries, tasks, packages = (v.request, v.details, v.timeline, v.tasks,
                                                  v.packages)
    else:  # the auditor: metadata and the timeline, never what the person wrote
        req = uc.request_status(c.uow(readonly=True), request_id)
        details, tasks, packages = None, [], []
        entries = list_audit(c.uow(), actor, AuditQuery(target=("request", req.id),
                                                        limit=1000))
    staff = _staff_names(c)
    now = c.clock.now()
    forms = _forms(req, actor)
    if actor.roles & HANDLERS and req.status.closed and fulfil.reply_due(c.uow(), req.id):
        forms.add("replied")
    context: dict[str, Any] = {
        "r": req, "row": _row(req, now, staff, c), "details": details, "tasks": tasks,
        "packages": packages, "timeline": _timeline(entries, staff, names(lang)),
        "forms": forms, "staff": staff, "error": error, "values": values or {},
        "reauth_needed": "approve" in forms and _reauth_needed(request, c),
        "reauth_minutes": f"{c.staff.policy.reauth_minutes:g}"}
    if "assign" in forms:
        context["assignees"] = [a.account for a in list_staff(c.staff, c.uow(readonly=True))
                                if a.account.active and a.account.roles & HANDLERS]
    if "correct" in forms:
        context.update(_choices(c))
    return _page(request, c, actor, "request.html", context, status)


@router.get("/{request_id}", response_class=HTMLResponse)
def view_request(request: Request, request_id: str, c: ContainerDep, actor: Authorized
                 ) -> HTMLResponse:
    return _request_page(request, c, actor, request_id)
