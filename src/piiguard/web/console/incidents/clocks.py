"""Reporting clocks and notifications on pages (R5.8): every running clock across incidents
(earliest due first), one obligation's report draft in its authority's fields and recording
its submission, and the notification to the people affected — each person's status, the
words in Chinese and English, starting it after a recent sign-in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotFound
from piiguard.domain.incidents.notify import MailingText, RecipientStatus
from piiguard.domain.incidents.obligations import ClockStatus
from piiguard.services.incidents import clocks, notify, register
from piiguard.web.authz import Authorized
from piiguard.web.console.incidents.common import Check, Text, check_id, page, staff_names, who
from piiguard.web.console.kit import FieldError, done, error_status, form_errors, recent_auth
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console/incidents", include_in_schema=False)
MAILING = ("what_happened", "measures_taken", "what_you_can_do", "contact")


@router.get("/clocks", response_class=HTMLResponse)
def running(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """Every running reporting clock, the earliest due first."""
    with c.security_uow(readonly=True) as uow:
        found = uow.incidents.clocks_by_status((ClockStatus.RUNNING,), 1000)
        obligations = {o.key: o for o in uow.incidents.obligations()}
        severities = {k.incident_id: uow.incidents.incident(k.incident_id) for k in found}
    rows = [
        {"k": k, "o": obligations.get(k.obligation), "i": severities[k.incident_id]} for k in found
    ]
    return page(request, c, actor, "clocks.html", {"rows": rows, "now": c.clock.now()})


def _clock(
    request: Request,
    c: Container,
    actor: Actor,
    incident_id: str,
    obligation: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    v = register.view_incident(c.security_uow(readonly=True), check_id(incident_id, "incident_id"))
    k = next((x for x in v.clocks if x.obligation == obligation), None)
    if k is None:
        raise NotFound(
            f"obligation {obligation} does not apply to this incident", field="obligation"
        )
    o = next(
        x for x in clocks.list_obligations(c.security_uow(readonly=True)) if x.key == obligation
    )
    draft = clocks.draft_report(c.security_uow(readonly=True), c.requests, incident_id, obligation)
    names = staff_names(c)
    return page(
        request,
        c,
        actor,
        "clock.html",
        {
            "i": v.incident,
            "k": k,
            "o": o,
            "draft": draft,
            "now": c.clock.now(),
            "who": lambda ref: who(ref, names) if ref else "—",
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{incident_id}/clocks/{obligation}", response_class=HTMLResponse)
def clock(
    request: Request, c: ContainerDep, actor: Authorized, incident_id: str, obligation: str
) -> HTMLResponse:
    """One obligation: its source, to whom, the due time, the report draft, the submission."""
    return _clock(request, c, actor, incident_id, obligation)


@router.post("/{incident_id}/clocks/{obligation}/submit", response_class=HTMLResponse)
async def submit(
    request: Request, c: ContainerDep, actor: Authorized, incident_id: str, obligation: str
) -> Response:
    """Record the submission: to whom, reference, when, and the report's fields as sent."""
    form = await request.form()
    given = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    fields = {k[len("field_") :]: v for k, v in given.items() if k.startswith("field_")}
    check = Check(request)
    to = check.text("submitted_to", given.get("submitted_to", ""), required=True, most=300)
    ref = check.text("reference", given.get("reference", ""), most=200)
    at = check.when("submitted_at", given.get("submitted_at", ""))
    for name, value in fields.items():
        check.text(f"field_{name}", value, most=20_000)
    if check.errors:
        return _clock(
            request, c, actor, incident_id, obligation, errors=check.errors, values=given, code=422
        )
    try:
        from starlette.concurrency import run_in_threadpool  # noqa: PLC0415

        await run_in_threadpool(
            clocks.submit_report,
            c.security_uow(),
            c.requests,
            actor,
            incident_id,
            obligation,
            to,
            ref,
            at,
            fields,
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("submitted_to", "reference", "submitted_at"))
        return _clock(
            request,
            c,
            actor,
            incident_id,
            obligation,
            errors=errors,
            values=given,
            code=error_status(exc),
        )
    return done(f"/console/incidents/{incident_id}", "submitted")


def _notifications(
    request: Request,
    c: Container,
    actor: Actor,
    incident_id: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    v = register.view_incident(c.security_uow(readonly=True), check_id(incident_id, "incident_id"))
    with c.security_uow(readonly=True) as uow:
        m = uow.incidents.mailing(incident_id)
        unknown = uow.incidents.recipients(incident_id, (RecipientStatus.UNKNOWN,), 200)
    if values is None and m is not None:
        values = {
            f"{f}_{lang}": getattr(getattr(m, lang), f) for f in MAILING for lang in ("zh", "en")
        }
    names = staff_names(c)
    return page(
        request,
        c,
        actor,
        "notifications.html",
        {
            "i": v.incident,
            "counts": v.recipients,
            "mailing": m,
            "unknown": unknown,
            "statuses": [s.value for s in RecipientStatus],
            "fields": MAILING,
            "who": lambda ref: who(ref, names) if ref else "—",
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{incident_id}/notifications", response_class=HTMLResponse)
def notifications(
    request: Request, c: ContainerDep, actor: Authorized, incident_id: str
) -> HTMLResponse:
    """Telling the people affected: who is at which step, the words, starting."""
    return _notifications(request, c, actor, incident_id)


@router.post("/{incident_id}/mailing", response_class=HTMLResponse)
async def mailing(
    request: Request, c: ContainerDep, actor: Authorized, incident_id: str
) -> Response:
    """The notification's words, in Chinese and English."""
    form = await request.form()
    values = {
        f"{f}_{lang}": str(form.get(f"{f}_{lang}", "")) for f in MAILING for lang in ("zh", "en")
    }
    check = Check(request)
    for name, value in values.items():
        check.text(name, value, required=True, most=500 if name.startswith("contact") else 4000)
    if check.errors:
        return _notifications(
            request, c, actor, incident_id, errors=check.errors, values=values, code=422
        )
    zh = MailingText(*(values[f"{f}_zh"] for f in MAILING))
    en = MailingText(*(values[f"{f}_en"] for f in MAILING))
    try:
        from starlette.concurrency import run_in_threadpool  # noqa: PLC0415

        await run_in_threadpool(
            notify.write_mailing, c.security_uow(), c.clock, actor, incident_id, zh, en
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=tuple(values))
        return _notifications(
            request, c, actor, incident_id, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/incidents/{incident_id}/notifications", "mailing")


@router.post("/{incident_id}/mailing/start", response_class=HTMLResponse)
def start(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Start sending, after a recent sign-in."""
    try:
        recent_auth(request, c, password, code)
        notify.start_mailing(c.security_uow(), c.clock, actor, incident_id)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("password", "code"))
        return _notifications(request, c, actor, incident_id, errors=errors, code=error_status(exc))
    return done(f"/console/incidents/{incident_id}/notifications", "started")
