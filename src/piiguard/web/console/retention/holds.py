"""Legal holds on pages (R2.11): the list, the proposal (reason, case reference, scope by
subjects, categories and systems, until), the approval by another privacy officer after a
recent sign-in (four eyes, enforced by services/retention/holds.py), the rejection, and
lifting — asked for by one officer, done by another (re-authenticated). Auditors read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, Forbidden
from piiguard.domain.retention.schedule import HoldStatus, LegalHold
from piiguard.services.retention import holds as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, recent_auth
from piiguard.web.console.retention.common import (
    ID,
    Check,
    Long,
    Many,
    Param,
    Text,
    category_options,
    check_id,
    day_start,
    page,
    split_ids,
    staff_names,
    system_options,
    who,
)
from piiguard.web.console.retention.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/retention/holds", include_in_schema=False)

STATUSES = tuple(s.value for s in HoldStatus)
FORM = ("reason", "case_reference", "subject_ids", "categories", "systems", "until")
MAX_SUBJECTS = 10_000


def waiting(c: Container) -> list[LegalHold]:
    """Holds waiting for a second officer: proposed, or asked to be lifted."""
    return uc.list_holds(c.uow(readonly=True), (HoldStatus.PROPOSED, HoldStatus.LIFT_PROPOSED))


def row(h: LegalHold, now: datetime, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": h.id,
        "status": h.status.value,
        "in_force": h.in_force(now),
        "reason": h.reason,
        "case_reference": h.case_reference,
        "subjects": sorted(h.subject_ids),
        "categories": sorted(h.categories),
        "systems": sorted(h.systems),
        "until": h.until,
        "placed_by": who(h.placed_by, names),
        "placed_at": h.placed_at,
        "approved_by": who(h.approved_by, names) if h.approved_by else None,
        "approved_at": h.approved_at,
        "lift_requested_by": who(h.lift_requested_by, names) if h.lift_requested_by else None,
        "lift_requested_at": h.lift_requested_at,
        "lift_reason": h.lift_reason,
        "lifted_by": who(h.lifted_by, names) if h.lifted_by else None,
        "lifted_at": h.lifted_at,
    }


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
    lang = language(request)
    now, names = c.clock.now(), staff_names(c)
    found = uc.list_holds(c.uow(readonly=True), (HoldStatus(wanted),) if wanted else ())
    found = [uc.readable(c.requests.box, h) for h in found]  # reasons sealed at rest
    rows = sorted(
        (row(h, now, names) for h in found),
        key=lambda r: (
            r["status"] not in ("proposed", "lift_proposed"),
            -r["placed_at"].timestamp(),
        ),
    )
    pager = Pager.of(request, 25)
    shown = pager.slice(rows)
    return page(
        request,
        c,
        actor,
        "holds.html",
        {
            "rows": shown,
            "pager": pager.counted(len(rows), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "category_options": category_options(c, lang),
            "system_options": system_options(c),
        },
        errors=[*check.errors, *(errors or [])],
        values=values or {},
        status=422 if check.errors and code == 200 else code,
    )


@router.get("", response_class=HTMLResponse)
def holds(request: Request, c: ContainerDep, actor: Authorized, status: Param = "") -> HTMLResponse:
    """Legal holds, those waiting for a second officer first."""
    return _list(request, c, actor, status)


@router.post("", response_class=HTMLResponse)
def propose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    reason: Text = "",
    case_reference: Text = "",
    subject_ids: Long = "",
    categories: Many = None,
    systems: Many = None,
    until: Text = "",
) -> Response:
    """Propose a hold; it is in force once another privacy officer approves it."""
    values = {
        "reason": reason,
        "case_reference": case_reference,
        "subject_ids": subject_ids,
        "categories": categories or [],
        "systems": systems or [],
        "until": until,
    }
    check = Check(request)
    why = check.text("reason", reason, required=True, most=2000)
    case = check.text("case_reference", case_reference, required=True, most=300)
    ids = split_ids(subject_ids)
    if len(ids) > MAX_SUBJECTS:
        check.fail("subject_ids", "too_long")
    elif not all(ID.fullmatch(x) for x in ids):
        check.fail("subject_ids", "bad_id")
    cats = frozenset(categories or [])
    if cats - {k for k, _ in category_options(c, "en")}:
        check.fail("categories", "unknown_value")
    syss = frozenset(systems or [])
    if syss - set(c.state.systems):
        check.fail("systems", "unknown_value")
    if not (ids or cats or syss) and not check.errors:
        check.fail("subject_ids", "scope_needed")
    end = check.day("until", until)
    if end and day_start(end + timedelta(days=1)) <= c.clock.now():  # with the other errors
        check.fail("until", "until_past")
    if check.errors:
        return _list(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        hold = uc.propose_hold(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            why,
            case,
            frozenset(ids),
            cats,
            syss,
            day_start(end + timedelta(days=1)) if end else None,
            box=c.requests.box,
        )
    except DomainError as exc:
        return _list(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=FORM, aliases={"category": "categories"}),
            values=values,
            code=error_status(exc),
        )
    return done(f"/console/retention/holds/{hold.id}", "hold_proposed")


def _find(c: Container, hold_id: str) -> LegalHold:
    """The hold with its reasons opened (sealed at rest) for the officer or auditor."""
    return uc.readable(
        c.requests.box, uc.get_hold(c.uow(readonly=True), check_id(hold_id, "hold_id"))
    )


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    h: LegalHold,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        c,
        actor,
        "hold.html",
        {
            "h": row(h, c.clock.now(), staff_names(c)),
            "own": h.placed_by == actor.ref,
            "own_lift": h.lift_requested_by == actor.ref,
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{hold_id}", response_class=HTMLResponse)
def hold(request: Request, c: ContainerDep, actor: Authorized, hold_id: str) -> HTMLResponse:
    """One hold: reason, case, scope, until, who placed, approved, asked to lift, lifted."""
    return _detail(request, c, actor, _find(c, hold_id))


def _four_eyes(request: Request, exc: DomainError, mine: bool, key: str) -> list[FieldError]:
    if isinstance(exc, Forbidden) and mine:
        return [FieldError("", words(language(request))[key])]
    return form_errors(exc, request, fields=("password", "code"))


@router.post("/{hold_id}/approve", response_class=HTMLResponse)
def approve(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    hold_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """The second officer's approval, after a recent sign-in: the hold is in force."""
    h = _find(c, hold_id)
    try:
        recent_auth(request, c, password, code)
        uc.approve_hold(c.uow(), c.clock, actor, h.id)
    except DomainError as exc:
        errors = _four_eyes(request, exc, h.placed_by == actor.ref, "own_hold")
        return _detail(request, c, actor, h, errors=errors, code=error_status(exc))
    return done(f"/console/retention/holds/{h.id}", "hold_approved")


def _reasoned(request: Request, reason: str, field: str) -> tuple[str, list[FieldError]]:
    check = Check(request)
    text = check.text(field, reason, required=True, most=1000)
    return text, check.errors


def _reasoned_step(
    request: Request,
    c: Container,
    actor: Actor,
    hold_id: str,
    field: str,
    given: str,
    step: Callable[[str, str], object],
    flash: str,
) -> Response:
    """A step on a hold that needs a reason (`field` on the form): the reason checked, then
    `step(hold id, reason)`; 303 back with `flash`, or the hold's page with the error."""
    h = _find(c, hold_id)
    values = {field: given}
    text, errors = _reasoned(request, given, field)
    if errors:
        return _detail(request, c, actor, h, errors=errors, values=values, code=422)
    try:
        step(h.id, text)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=(field,), aliases={"reason": field})
        return _detail(request, c, actor, h, errors=errors, values=values, code=error_status(exc))
    return done(f"/console/retention/holds/{h.id}", flash)


@router.post("/{hold_id}/reject", response_class=HTMLResponse)
def reject(
    request: Request, c: ContainerDep, actor: Authorized, hold_id: str, reject_reason: Text = ""
) -> Response:
    """Refuse a proposed hold, saying why."""
    return _reasoned_step(
        request,
        c,
        actor,
        hold_id,
        "reject_reason",
        reject_reason,
        lambda hid, why: uc.reject_hold(c.uow(), c.clock, actor, hid, why, box=c.requests.box),
        "hold_rejected",
    )


@router.post("/{hold_id}/lift-request", response_class=HTMLResponse)
def request_lift(
    request: Request, c: ContainerDep, actor: Authorized, hold_id: str, lift_reason: Text = ""
) -> Response:
    """The first half of lifting: the hold stays in force until another officer lifts it."""
    return _reasoned_step(
        request,
        c,
        actor,
        hold_id,
        "lift_reason",
        lift_reason,
        lambda hid, why: uc.request_lift(c.uow(), c.clock, actor, hid, why, box=c.requests.box),
        "lift_requested",
    )


@router.post("/{hold_id}/lift", response_class=HTMLResponse)
def lift(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    hold_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Another officer lifts the hold, after a recent sign-in."""
    h = _find(c, hold_id)
    try:
        recent_auth(request, c, password, code)
        uc.lift_hold(c.uow(), c.clock, actor, h.id)
    except DomainError as exc:
        errors = _four_eyes(request, exc, h.lift_requested_by == actor.ref, "own_lift")
        return _detail(request, c, actor, h, errors=errors, code=error_status(exc))
    return done(f"/console/retention/holds/{h.id}", "hold_lifted")
