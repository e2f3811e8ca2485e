"""The duties by headcount on the console (R10.2): the people held, the compliance-audit and
PI-protection-officer duties the count triggers (CAC Measures of 2025 Art. 4–5, PIPL Art. 52,
54), the last audit and when the next is due, the audits recorded and the form to record one
(privacy officers). Rules: web/rules/assessments/."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.assessments.model import Status
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput
from piiguard.services.assessments import duties as du
from piiguard.services.assessments import register as reg
from piiguard.web.authz import Authorized
from piiguard.web.console.assessments.texts import words
from piiguard.web.console.kit import (
    FieldError,
    console_page,
    done,
    error_status,
    form_errors,
    may_open,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console/accountability", include_in_schema=False)
Text = Annotated[str, Form(max_length=100_000)]  # the service checks each field's own limit
FIELDS = ("audited_on", "auditor", "scope", "findings", "external")


def _page(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    d, audits = du.current_duties(c.uow(readonly=True), c.clock)
    return console_page(
        request,
        c,
        actor,
        "console/assessments/duties.html",
        {"d": d, "audits": audits},
        words=words,
        errors=errors or [],
        values=values or {},
        status=code,
    )


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """For the front page: assessments waiting for a second officer or due for review; the
    compliance audit after the last one recorded, overdue (the people are counted on the
    duties page, not on every front-page load)."""
    if not may_open(actor, "/console/accountability"):
        return []
    late = du.audit_overdue(c.uow(readonly=True), c.clock)
    views = reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock)
    waiting = [v for v in views if v.assessment.status in (Status.SUBMITTED, Status.REVIEWED)]
    return [
        {"key": "audit_overdue", "count": int(late), "href": "/console/accountability"},
        {"key": "assessments_waiting", "count": len(waiting), "href": "/console/assessments"},
        {
            "key": "assessments_review_due",
            "count": sum(v.review_due for v in views),
            "href": "/console/assessments",
        },
    ]


@router.get("", response_class=HTMLResponse)
def duties(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _page(request, c, actor)


@router.post("/audits", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    audited_on: Text = "",
    auditor: Text = "",
    scope: Text = "",
    findings: Text = "",
    external: Text = "",
) -> Response:
    values = {
        "audited_on": audited_on,
        "auditor": auditor,
        "scope": scope,
        "findings": findings,
        "external": bool(external),
    }
    try:
        try:
            day = date.fromisoformat(audited_on.strip())
        except ValueError:
            raise InvalidInput("the date as YYYY-MM-DD", field="audited_on") from None
        if not findings.strip().isdigit():
            raise InvalidInput("the number of findings, 0 or more", field="findings")
        given = du.AuditInput(day, auditor, scope, int(findings.strip()[:7]), bool(external))
        du.record_audit(c.uow(), c.clock, actor, given)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=FIELDS)
        return _page(request, c, actor, errors=errors, values=values, code=error_status(exc))
    return done("/console/accountability", "du_recorded")
