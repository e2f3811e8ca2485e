"""Incidents on pages (R5.8): the list, reporting one, an incident's page — facts, clocks,
timeline (and adding to it), updating what is known (the clocks follow), who is affected
from the audit trail, asking for review, and the review by a privacy officer who did not
handle it (four eyes, enforced by services/incidents/register.py) after a recent sign-in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, Forbidden
from piiguard.domain.incidents.model import (
    JURISDICTIONS,
    IncidentKind,
    IncidentStatus,
    Severity,
    Stage,
    Trail,
    suggest_severity,
)
from piiguard.services.incidents import affected, register
from piiguard.services.incidents.register import IncidentFacts
from piiguard.web.authz import Authorized
from piiguard.web.console.incidents.common import (
    Check,
    Many,
    Param,
    Text,
    category_options,
    check_id,
    page,
    staff_names,
    system_options,
    who,
)
from piiguard.web.console.incidents.texts import words
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, recent_auth
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/incidents", include_in_schema=False)
STATUSES = tuple(s.value for s in IncidentStatus)
NEW_FORM = (
    "title",
    "description",
    "kind",
    "severity",
    "jurisdictions",
    "detected_at",
    "systems",
    "categories",
    "affected_estimate",
)


@router.get("", response_class=HTMLResponse)
def incidents(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = ""
) -> HTMLResponse:
    """Incidents, newest first, with their running clocks (overdue marked)."""
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    found = register.list_incidents(
        c.security_uow(readonly=True), (IncidentStatus(wanted),) if wanted else (), 1000
    )
    now = c.clock.now()
    pager = Pager.of(request, 25)
    shown = pager.slice(found)
    rows = []
    for i in shown:
        v = register.view_incident(c.security_uow(readonly=True), i.id)
        running = [k for k in v.clocks if k.status.value == "running"]
        rows.append({"i": i, "clocks": running, "now": now})
    return page(
        request,
        c,
        actor,
        "list.html",
        {
            "rows": rows,
            "pager": pager.counted(len(found), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
        },
        errors=check.errors,
        status=422 if check.errors else 200,
    )


def _new(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    return page(
        request,
        c,
        actor,
        "new.html",
        {
            "kinds": [k.value for k in IncidentKind],
            "severities": [s.value for s in Severity],
            "jurisdictions": sorted(JURISDICTIONS),
            "category_options": category_options(c, lang),
            "system_options": system_options(c),
        },
        errors=errors or [],
        values=values or {"jurisdictions": ["CN"]},
        status=code,
    )


@router.get("/new", response_class=HTMLResponse)
def new_form(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _new(request, c, actor)


@router.post("/new", response_class=HTMLResponse)
def report(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    title: Text = "",
    description: Text = "",
    kind: Text = "",
    severity: Text = "",
    jurisdictions: Many = None,
    detected_at: Text = "",
    cii: Text = "",
    high_risk: Text = "",
    systems: Many = None,
    categories: Many = None,
    affected_estimate: Text = "",
) -> Response:
    """Report an incident; its clocks start from the detection time."""
    values = {
        "title": title,
        "description": description,
        "kind": kind,
        "severity": severity,
        "jurisdictions": jurisdictions or [],
        "detected_at": detected_at,
        "cii": cii,
        "high_risk": high_risk,
        "systems": systems or [],
        "categories": categories or [],
        "affected_estimate": affected_estimate,
    }
    check = Check(request)
    t = check.text("title", title, required=True, most=300)
    d = check.text("description", description, required=True, most=20_000)
    k = check.choice("kind", kind, [x.value for x in IncidentKind])
    s = check.choice("severity", severity, [x.value for x in Severity])
    for name, v in (("kind", kind), ("severity", severity)):
        if not v:
            check.fail(name, "required")
    when = check.when("detected_at", detected_at)
    if when is None and not detected_at.strip():
        check.fail("detected_at", "required")
    people = check.number("affected_estimate", affected_estimate)
    if check.errors:
        return _new(request, c, actor, errors=check.errors, values=values, code=422)
    assert k and s and when  # noqa: S101 (checked above)
    f = IncidentFacts(
        t,
        d,
        IncidentKind(k),
        Severity(s),
        frozenset(jurisdictions or ()),
        cii == "on",
        high_risk == "on",
        frozenset(systems or ()),
        frozenset(categories or ()),
        when,
        people,
    )
    try:
        i = register.report_incident(c.security_uow(), c.snapshots, c.clock, actor, f)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=NEW_FORM, aliases={"category": "categories"})
        return _new(request, c, actor, errors=errors, values=values, code=error_status(exc))
    target = f"/console/incidents/{i.id}" if _may_read(actor) else "/console/incidents/new"
    return done(target, "reported")


def _may_read(actor: Actor) -> bool:
    from piiguard.web.console.kit import may_open  # noqa: PLC0415

    return may_open(actor, "/console/incidents/{incident_id}")


def detail(
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
    names = staff_names(c)
    lang = language(request)
    i = v.incident
    return page(
        request,
        c,
        actor,
        "incident.html",
        {
            "v": v,
            "i": i,
            "now": c.clock.now(),
            "suggested": suggest_severity(i.people).value,
            "who": lambda ref: who(ref, names) if ref else "—",
            "own": actor.ref in i.handled_by(),
            "stages": [s.value for s in Stage],
            "severities": [s.value for s in Severity],
            "jurisdictions": sorted(JURISDICTIONS),
            "category_options": category_options(c, lang),
            "system_options": system_options(c),
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{incident_id}", response_class=HTMLResponse)
def incident(
    request: Request, c: ContainerDep, actor: Authorized, incident_id: str
) -> HTMLResponse:
    """An incident: facts, clocks, timeline, people affected, review."""
    return detail(request, c, actor, incident_id)


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    incident_id: str,
    values: dict[str, Any],
    fields: tuple[str, ...],
    run: Any,
    flash: str,
) -> Response:
    try:
        run()
    except DomainError as exc:
        errors = form_errors(exc, request, fields=fields, aliases={"category": "categories"})
        return detail(
            request, c, actor, incident_id, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/incidents/{incident_id}", flash)


@router.post("/{incident_id}/update", response_class=HTMLResponse)
def update(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    severity: Text = "",
    jurisdictions: Many = None,
    cii: Text = "",
    high_risk: Text = "",
    systems: Many = None,
    categories: Many = None,
    affected_estimate: Text = "",
) -> Response:
    """Change what is known; the clocks follow."""
    values = {
        "severity": severity,
        "jurisdictions": jurisdictions or [],
        "cii": cii,
        "high_risk": high_risk,
        "systems": systems or [],
        "categories": categories or [],
        "affected_estimate": affected_estimate,
    }
    check = Check(request)
    s = check.choice("severity", severity, [x.value for x in Severity])
    people = check.number("affected_estimate", affected_estimate)
    if check.errors:
        return detail(request, c, actor, incident_id, errors=check.errors, values=values, code=422)
    f = IncidentFacts(
        severity=Severity(s) if s else None,
        jurisdictions=frozenset(jurisdictions) if jurisdictions else None,
        cii=cii == "on",
        high_risk=high_risk == "on",
        systems=frozenset(systems or ()),
        categories=frozenset(categories or ()),
        affected_estimate=people,
    )
    return _step(
        request,
        c,
        actor,
        incident_id,
        values,
        ("severity", "jurisdictions", "systems", "categories", "affected_estimate"),
        lambda: register.update_incident(
            c.security_uow(), c.snapshots, c.clock, actor, incident_id, f
        ),
        "updated",
    )


@router.post("/{incident_id}/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    stage: Text = "",
    at: Text = "",
    note: Text = "",
) -> Response:
    """Add containment, eradication, recovery or a note."""
    values = {"stage": stage, "at": at, "note": note}
    check = Check(request)
    st = check.choice("stage", stage, [s.value for s in Stage])
    if not stage:
        check.fail("stage", "required")
    when = check.when("at", at)
    text = check.text("note", note, required=True, most=5000)
    if check.errors:
        return detail(request, c, actor, incident_id, errors=check.errors, values=values, code=422)
    return _step(
        request,
        c,
        actor,
        incident_id,
        values,
        ("stage", "at", "note"),
        lambda: register.add_entry(
            c.security_uow(),
            c.clock,
            actor,
            incident_id,
            Stage(st or "note"),
            when or c.clock.now(),
            text,
        ),
        "entry",
    )


@router.post("/{incident_id}/affected", response_class=HTMLResponse)
def from_trail(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    reader: Text = "",
    start: Text = "",
    end: Text = "",
) -> Response:
    """Everyone whose data `reader` read in the window, listed as affected."""
    values = {"reader": reader, "start": start, "end": end}
    check = Check(request)
    who_ = check.text("reader", reader, required=True, most=120)
    a, b = check.when("start", start), check.when("end", end)
    for name, v in (("start", start), ("end", end)):
        if not v.strip():
            check.fail(name, "required")
    if check.errors:
        return detail(request, c, actor, incident_id, errors=check.errors, values=values, code=422)
    assert a and b  # noqa: S101
    return _step(
        request,
        c,
        actor,
        incident_id,
        values,
        ("reader", "start", "end"),
        lambda: affected.compute_affected(c.security_uow(), actor, incident_id, Trail(who_, a, b)),
        "affected",
    )


@router.post("/{incident_id}/review", response_class=HTMLResponse)
def review(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    root_cause: Text = "",
    lessons: Text = "",
) -> Response:
    """Handling done: root cause and lessons; another officer reviews."""
    values = {"root_cause": root_cause, "lessons": lessons}
    return _step(
        request,
        c,
        actor,
        incident_id,
        values,
        ("root_cause", "lessons"),
        lambda: register.request_review(
            c.security_uow(), c.clock, actor, incident_id, root_cause, lessons
        ),
        "review",
    )


@router.post("/{incident_id}/close", response_class=HTMLResponse)
def close(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    incident_id: str,
    decision: Text = "",
    closing_note: Text = "",
    password: Text = "",
    code: Text = "",
) -> Response:
    """The review, after a recent sign-in: close, or send back with a note."""
    approve = decision != "return"
    values = {"closing_note": closing_note}
    try:
        recent_auth(request, c, password, code)
        register.close_incident(
            c.security_uow(), c.clock, actor, incident_id, approve, closing_note
        )
    except DomainError as exc:
        if isinstance(exc, Forbidden):
            errors = [FieldError("", words(language(request))["own_incident"])]
        else:
            errors = form_errors(
                exc, request, fields=("password", "code", "note"), aliases={"note": "closing_note"}
            )
        return detail(
            request, c, actor, incident_id, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/incidents/{incident_id}", "closed" if approve else "returned")
