"""Vulnerabilities on pages (R5.9): the register (earliest deadline first, overdue marked),
recording one, importing a pasted pip-audit or SARIF report, a vulnerability's page with its
status changes, and accepting its risk — proposed with a reason, approved or refused by
another privacy officer (four eyes, enforced by services/incidents/vulns.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, Forbidden
from piiguard.domain.incidents.vulns import VulnSeverity, VulnSource, VulnStatus
from piiguard.services.incidents import vuln_import, vulns
from piiguard.services.incidents.vulns import VulnFacts
from piiguard.web.authz import Authorized
from piiguard.web.console.incidents.common import (
    Check,
    Param,
    Report,
    Text,
    check_id,
    page,
    staff_names,
    system_options,
    who,
)
from piiguard.web.console.incidents.texts import words
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/vulnerabilities", include_in_schema=False)
STATUSES = tuple(s.value for s in VulnStatus)
SEVERITIES = tuple(s.value for s in VulnSeverity)
SOURCES = tuple(s.value for s in VulnSource)
RECORD = ("vuln_identifier", "system", "title", "owner", "source", "severity", "cvss")
IMPORT = ("format", "report", "report_system", "report_owner")


def _list(
    request: Request,
    c: Container,
    actor: Actor,
    status: str = "",
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    found = vulns.list_vulns(
        c.security_uow(readonly=True), (VulnStatus(wanted),) if wanted else (), 5000
    )
    now = c.clock.now()
    found.sort(key=lambda v: (not v.overdue(now), v.status.settled, v.due_at))
    pager = Pager.of(request, 50)
    shown = pager.slice(found)
    return page(
        request,
        c,
        actor,
        "vulns.html",
        {
            "rows": shown,
            "pager": pager.counted(len(found), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "severities": SEVERITIES,
            "sources": SOURCES,
            "now": now,
            "system_options": system_options(c),
        },
        errors=[*check.errors, *(errors or [])],
        values=values or {},
        status=422 if check.errors and code == 200 else code,
    )


@router.get("", response_class=HTMLResponse)
def register_page(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = ""
) -> HTMLResponse:
    return _list(request, c, actor, status)


@router.post("", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    vuln_identifier: Text = "",
    system: Text = "",
    title: Text = "",
    owner: Text = "",
    source: Text = "",
    severity: Text = "",
    cvss: Text = "",
) -> Response:
    """Record a vulnerability; its deadline from its severity or CVSS score."""
    identifier = vuln_identifier
    values = {
        "vuln_identifier": identifier,
        "system": system,
        "title": title,
        "owner": owner,
        "source": source,
        "severity": severity,
        "cvss": cvss,
    }
    check = Check(request)
    check.text("vuln_identifier", identifier, required=True, most=200)
    check.text("title", title, required=True, most=300)
    check.text("owner", owner, required=True, most=200)
    src = check.choice("source", source, SOURCES)
    sev = check.choice("severity", severity, SEVERITIES)
    if not system:
        check.fail("system", "required")
    score = None
    if cvss.strip():
        try:
            score = float(cvss)
        except ValueError:
            check.fail("cvss", "bad_number")
    if check.errors:
        return _list(request, c, actor, errors=check.errors, values=values, code=422)
    f = VulnFacts(
        identifier,
        system,
        title,
        VulnSource(src or "report"),
        owner,
        VulnSeverity(sev) if sev else None,
        score,
    )
    try:
        v = vulns.record_vuln(
            c.security_uow(), c.snapshots, c.clock, actor, f, c.security.vuln_days
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=RECORD, aliases={"identifier": "vuln_identifier"})
        return _list(request, c, actor, errors=errors, values=values, code=error_status(exc))
    return done(f"/console/vulnerabilities/{v.id}", "vuln")


@router.post("/import", response_class=HTMLResponse)
def import_report(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    format: Text = "",
    report: Report = "",
    report_system: Text = "",
    report_owner: Text = "",
) -> Response:
    """A pasted pip-audit or SARIF report filed for one system, deduplicated."""
    values = {"format": format, "report_system": report_system, "report_owner": report_owner}
    values["report"] = report  # kept on the form refused: a pasted report is not pasted twice
    check = Check(request)
    check.choice("format", format, ("pip-audit", "sarif"))
    for name, v in (("format", format), ("report", report), ("report_system", report_system)):
        if not v.strip():
            check.fail(name, "required")
    check.text("report_owner", report_owner, required=True, most=200)
    if check.errors:
        return _list(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        vuln_import.import_report(
            c.security_uow(),
            c.snapshots,
            c.clock,
            actor,
            format,
            report,
            report_system,
            report_owner,
            c.security.vuln_days,
        )
    except DomainError as exc:
        errors = form_errors(
            exc,
            request,
            fields=IMPORT,
            aliases={"system": "report_system", "owner": "report_owner"},
        )
        return _list(request, c, actor, errors=errors, values=values, code=error_status(exc))
    return done("/console/vulnerabilities", "imported")


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    vuln_id: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    with c.security_uow(readonly=True) as uow:
        v = vulns.get_vuln(uow, check_id(vuln_id, "vuln_id"))
        linked = uow.incidents.incidents_of(v.id)
    names = staff_names(c)
    moves = {
        "open": ("in_progress", "fixed"),
        "in_progress": ("open", "fixed"),
        "fixed": ("verified", "open"),
        "verified": ("open",),
        "risk_proposed": (),
        "accepted_risk": ("open",),
    }[v.status.value]
    return page(
        request,
        c,
        actor,
        "vuln.html",
        {
            "v": v,
            "now": c.clock.now(),
            "linked": linked,
            "moves": moves,
            "own_risk": v.risk_proposed_by == actor.ref,
            "who": lambda ref: who(ref, names) if ref else "—",
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{vuln_id}", response_class=HTMLResponse)
def vuln(request: Request, c: ContainerDep, actor: Authorized, vuln_id: str) -> HTMLResponse:
    return _detail(request, c, actor, vuln_id)


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    vuln_id: str,
    values: dict[str, Any],
    fields: tuple[str, ...],
    run: Any,
    flash: str,
) -> Response:
    try:
        run()
    except DomainError as exc:
        if isinstance(exc, Forbidden) and "four eyes" in exc.message:
            errors = [FieldError("", words(language(request))["own_risk"])]
        else:
            errors = form_errors(exc, request, fields=fields, aliases={"note": "reject_note"})
        return _detail(
            request, c, actor, vuln_id, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/vulnerabilities/{vuln_id}", flash)


@router.post("/{vuln_id}/update", response_class=HTMLResponse)
def update(
    request: Request, c: ContainerDep, actor: Authorized, vuln_id: str, status: Text = ""
) -> Response:
    check = Check(request)
    st = check.choice("status", status, STATUSES)
    if not status:
        check.fail("status", "required")
    if check.errors:
        return _detail(request, c, actor, vuln_id, errors=check.errors, code=422)
    assert st  # noqa: S101
    return _step(
        request,
        c,
        actor,
        vuln_id,
        {},
        ("status",),
        lambda: vulns.update_vuln(
            c.security_uow(),
            c.clock,
            actor,
            vuln_id,
            status=VulnStatus(st),
            days=c.security.vuln_days,
        ),
        "moved",
    )


@router.post("/{vuln_id}/accept-risk", response_class=HTMLResponse)
def propose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    vuln_id: str,
    reason: Text = "",
    until: Text = "",
) -> Response:
    values = {"reason": reason, "until": until}
    check = Check(request)
    check.text("reason", reason, required=True, most=5000)
    end = check.day("until", until)
    if check.errors:
        return _detail(request, c, actor, vuln_id, errors=check.errors, values=values, code=422)
    from piiguard.web.console.oversight.common import start_of  # noqa: PLC0415

    return _step(
        request,
        c,
        actor,
        vuln_id,
        values,
        ("reason", "until"),
        lambda: vulns.propose_risk(
            c.security_uow(), c.clock, actor, vuln_id, reason, start_of(end)
        ),
        "risk",
    )


@router.post("/{vuln_id}/accept-risk/approve", response_class=HTMLResponse)
def approve(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    vuln_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Another privacy officer approves, after a recent sign-in."""
    from piiguard.web.console.kit import recent_auth  # noqa: PLC0415

    def run() -> None:
        recent_auth(request, c, password, code)
        vulns.decide_risk(c.security_uow(), c.clock, actor, vuln_id, True)

    return _step(request, c, actor, vuln_id, {}, ("password", "code"), run, "risk_approved")


@router.post("/{vuln_id}/accept-risk/reject", response_class=HTMLResponse)
def reject(
    request: Request, c: ContainerDep, actor: Authorized, vuln_id: str, reject_note: Text = ""
) -> Response:
    values = {"reject_note": reject_note}
    return _step(
        request,
        c,
        actor,
        vuln_id,
        values,
        ("reject_note",),
        lambda: vulns.decide_risk(c.security_uow(), c.clock, actor, vuln_id, False, reject_note),
        "risk_rejected",
    )
