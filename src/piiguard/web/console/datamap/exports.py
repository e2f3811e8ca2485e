"""The data map's registered exports (R2.7): copies of personal data taken out of a system,
with who asked, the recipient, purpose, categories and expiry, and their review state
(active, expiring within 14 days, expired and not yet reviewed, or the finding the review
opened). The list, filtered by system and state, is for privacy officers and auditors (read
only); officers run the review, which turns every expired export into a finding (POST
/api/v1/exports/review). Staff and officers register an export (POST /api/v1/exports): a
purpose their department may use (web/authz.py checks the form's `purpose`), after a recent
sign-in — the form asks for the password (and code) again when it is older than
`reauth_minutes` (web/console/kit.py `recent_auth`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput
from piiguard.domain.policy.datamap import Export, Finding
from piiguard.services.policy import datamap
from piiguard.web.authz import Authorized
from piiguard.web.console.datamap.common import (
    RECIPIENT_MAX,
    SOON,
    Many,
    Param,
    Text,
    department_purposes,
    export_findings,
    keys,
    limited,
    options,
    page,
    slug,
    staff_names,
)
from piiguard.web.console.datamap.texts import words
from piiguard.web.console.kit import (
    Pager,
    done,
    error_status,
    form_errors,
    may_open,
    recent_auth,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)

FIELDS = ("system", "recipient", "purpose", "categories", "expires_at", "password", "code")
STATES = ("active", "soon", "expired", "reviewed")


def state_of(e: Export, now: datetime, finding: Finding | None) -> str:
    """active | soon (expires within 14 days) | expired (no finding yet) | reviewed."""
    if e.expired(now):
        return "reviewed" if finding is not None else "expired"
    return "soon" if e.expires_at - now <= SOON else "active"


def export_row(
    e: Export, now: datetime, finding: Finding | None, names: dict[str, str]
) -> dict[str, Any]:
    kind, _, who = e.requested_by.partition(":")
    return {
        "id": e.id,
        "system": e.system,
        "recipient": e.recipient,
        "requested_by": names.get(who, e.requested_by) if kind == "staff" else e.requested_by,
        "categories": sorted(e.categories),
        "purpose": e.purpose,
        "created_at": e.created_at,
        "expires_at": e.expires_at,
        "days_left": (e.expires_at - now).days,
        "state": state_of(e, now, finding),
        "finding": finding,
    }


@router.get("/exports", response_class=HTMLResponse)
def exports(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    system: Param = "",
    state: Param = "",
) -> HTMLResponse:
    """Registered exports, soonest expiry first; filters: system, state."""
    now = c.clock.now()
    t = words(language(request))
    findings = export_findings(c)
    names = staff_names(c)
    errors = []
    if state and state not in STATES:
        errors = form_errors(
            InvalidInput(f"unknown state {state!r}", field="state"), request, fields=("state",)
        )
    every = sorted(datamap.list_exports(c.uow(readonly=True)), key=lambda e: e.expires_at)
    everyone = [export_row(e, now, findings.get(e.id), names) for e in every]
    rows = [
        r
        for r in everyone
        if (not system or r["system"] == system) and (not state or r["state"] == state)
    ]
    pager = Pager.of(request)
    shown = pager.slice([] if errors else rows)
    return page(
        request,
        c,
        actor,
        "exports.html",
        {
            "rows": shown,
            "pager": pager.counted(0 if errors else len(rows), len(shown)),
            "f": {"system": system, "state": state},
            "system_choices": [(k, k) for k in sorted({e.system for e in every})],
            "state_choices": [(s, t[f"state_filter_{s}"]) for s in STATES],
            "unreviewed": sum(1 for r in everyone if r["state"] == "expired"),
        },
        errors=errors,
        values={"system": system, "state": state},
        status=422 if errors else 200,
    )


@router.post("/exports/review", response_model=None)
def review(c: ContainerDep, actor: Authorized) -> Response:
    """Every expired export becomes a finding (deduplicated)."""
    opened = datamap.review_exports(c.uow(), c.clock, actor)
    return done("/console/exports", "reviewed" if opened else "reviewed_none")


def _new_page(request: Request, c: Container, actor: Actor, **kw: Any) -> HTMLResponse:
    offered = options(c, language(request))
    allowed = department_purposes(c, request, actor)
    if allowed is not None:  # staff name only their department's purposes
        offered["purpose_options"] = [p for p in offered["purpose_options"] if p[0] in allowed]
    return page(request, c, actor, "export_new.html", offered, **kw)


@router.get("/exports/new", response_class=HTMLResponse)
def new_export(
    request: Request, c: ContainerDep, actor: Authorized, system: Param = ""
) -> HTMLResponse:
    """The form that registers an export (from a system's page: that system chosen)."""
    return _new_page(request, c, actor, values={"system": system})


def _expiry(value: str) -> datetime:
    """The last second of the day given (UTC)."""
    try:
        day = date.fromisoformat(limited(value, "expires_at", 10))
    except ValueError:
        raise InvalidInput("expires at: a date, YYYY-MM-DD", field="expires_at") from None
    return datetime.combine(day, time(23, 59, 59), UTC)


@router.post("/exports/new", response_model=None)
def register_export(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    system: Text = "",
    recipient: Text = "",
    purpose: Text = "",
    expires_at: Text = "",
    categories: Many = None,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Register an export (POST /api/v1/exports), after a recent sign-in."""
    typed = {
        "system": system,
        "recipient": recipient,
        "purpose": purpose,
        "expires_at": expires_at,
        "categories": list(categories or []),
    }
    try:
        recent_auth(request, c, password, code)
        export = datamap.register_export(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            slug(system, "system"),
            limited(recipient, "recipient", RECIPIENT_MAX),
            keys(categories, "categories"),
            slug(purpose, "purpose"),
            _expiry(expires_at),
        )
    except DomainError as exc:
        return _new_page(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=FIELDS),
            values=typed,
            status=error_status(exc),
        )
    back = "/console/exports"
    return done(back if may_open(actor, back) else f"/console/systems/{export.system}", "export")
