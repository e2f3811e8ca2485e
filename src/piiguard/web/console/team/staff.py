"""The register of staff accounts on pages (R2.6, R5.1, R5.3): every account with its roles,
department, state, lock, two-step sign-in and password age, filtered by GET; inviting a
colleague (the single-use link shown once on the answer, as the API hands it back); one
account's page with its forms — roles and department (re-authentication on the form),
unlock, deactivate, TOTP reset (re-authentication on the form).

The same services as the JSON API's staff routes (web/api/staff.py), so the same rules and
audit entries; who may do what: web/rules/team.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.accounts import ROLES
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput
from piiguard.domain.staff_security import StaffPolicy, needs_mfa, password_expired
from piiguard.services.staff import accounts as uc
from piiguard.services.staff import mfa
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import (
    FieldError,
    Pager,
    console_page,
    done,
    error_status,
    form_errors,
    recent_auth,
)
from piiguard.web.console.team.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/staff", include_in_schema=False)

# Lengths are checked here, not by Form(max_length=...), so that a value too long shows on
# its form with the field marked instead of an error page.
Field = Annotated[str, Form(max_length=100_000)]
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=256)]
StaffId = Annotated[str, Path(max_length=64)]

ROLE_ORDER = ("privacy_officer", "admin", "staff", "auditor")
STATES = ("active", "deactivated", "locked", "no_mfa", "password_old")
FILTERS = ("q", "role", "dept", "status")
INVITE = ("email", "department", "roles")
REAUTH = ("password", "code")
LOOK = ("no_mfa", "password_old", "locked")  # what the front page is told


def check_length(value: str, field: str, most: int) -> str:
    if len(value) > most:
        raise InvalidInput(f"{field} is at most {most} characters", field=field)
    return value


@dataclass(frozen=True, slots=True)
class Row:
    """One account as the list and its page show it (no secret, no personal data but the
    colleague's name and work email, which the register is for)."""

    id: str
    name: str
    email: str
    roles: tuple[str, ...]
    department: str
    active: bool
    locked: bool
    mfa: bool
    mfa_required: bool
    password_days: int
    password_old: bool
    created_at: datetime
    password_changed_at: datetime | None
    deactivated_at: datetime | None
    purposes: tuple[str, ...]

    @property
    def states(self) -> frozenset[str]:
        found = {"active" if self.active else "deactivated"}
        if self.locked:
            found.add("locked")
        if self.active and self.mfa_required and not self.mfa:
            found.add("no_mfa")
        if self.active and self.password_old:
            found.add("password_old")
        return frozenset(found)

    @property
    def needs_look(self) -> bool:
        return bool(self.states & frozenset(LOOK))


def row(view: uc.AccountView, now: datetime, policy: StaffPolicy) -> Row:
    a = view.account
    changed = a.password_changed_at or a.created_at
    return Row(
        a.id,
        a.display_name,
        a.email,
        tuple(r for r in ROLE_ORDER if r in a.roles),
        a.department or "",
        a.active,
        view.locked,
        a.mfa_enrolled,
        needs_mfa(a.roles, policy),
        max(0, (now - changed).days),
        password_expired(a, now, policy),
        a.created_at,
        a.password_changed_at,
        a.deactivated_at,
        tuple(sorted(view.purposes)),
    )


def rows(c: Container) -> list[Row]:
    now = c.clock.now()
    return [row(v, now, c.staff.policy) for v in uc.list_staff(c.staff, c.uow(readonly=True))]


def _departments(c: Container) -> list[tuple[str, str]]:
    return [(d.key, d.name) for d in uc.list_departments(c.uow(readonly=True))]


def _filtered(found: list[Row], f: dict[str, str], departments: Sequence[str]) -> list[Row]:
    for name, allowed in (("role", ROLES), ("dept", departments), ("status", STATES)):
        if f[name] and f[name] not in allowed:
            raise InvalidInput(f"choose a {name} from the list", field=name)
    check_length(f["q"], "q", 128)
    q = f["q"].strip().casefold()
    return [
        r
        for r in found
        if (not q or q in r.name.casefold() or q in r.email.casefold())
        and (not f["role"] or f["role"] in r.roles)
        and (not f["dept"] or f["dept"] == r.department)
        and (not f["status"] or f["status"] in r.states)
    ]


def _list_page(
    request: Request,
    c: Container,
    actor: Actor,
    f: dict[str, str],
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    departments = _departments(c)
    pager = Pager.of(request)
    everyone = rows(c)
    t = words(language(request))
    try:
        found = _filtered(everyone, f, [k for k, _ in departments])
    except InvalidInput as exc:
        found = everyone
        errors, status = [*errors, *form_errors(exc, request, fields=FILTERS)], 422
    return console_page(
        request,
        c,
        actor,
        "console/team/staff.html",
        {
            "rows": pager.slice(found),
            "total": len(found),
            "pager": pager.counted(len(found), len(pager.slice(found))),
            "f": f,
            "departments": departments,
            "dept_names": dict(departments),
            "role_options": [(r, t[f"role_{r}"]) for r in ROLE_ORDER],
            "state_options": [(s, t[f"state_{s}"]) for s in STATES],
            "policy": c.staff.policy,
        },
        words=words,
        errors=errors,
        values=values,
        status=status,
    )


@router.get("", response_class=HTMLResponse)
def staff_list(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    q: Param = "",
    role: Param = "",
    dept: Param = "",
    status: Param = "",
) -> HTMLResponse:
    """Every account, filtered by name or email, role, department and state."""
    f = {"q": q, "role": role, "dept": dept, "status": status}
    return _list_page(request, c, actor, f)


@router.post("/invitations", response_class=HTMLResponse)
def invite(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    email: Field = "",
    department: Field = "",
    roles: Many = None,
) -> HTMLResponse:
    """A single-use, expiring link for one person's own work email: shown on this answer
    alone (only its hash is kept), as the API hands it back."""
    chosen = roles or []
    try:
        check_length(email, "email", 254)
        check_length(department, "department", 64)
        got = uc.invite_staff(c.staff, c.uow(), actor, email, department, frozenset(chosen))
    except DomainError as exc:
        return _list_page(
            request,
            c,
            actor,
            dict.fromkeys(FILTERS, ""),
            errors=form_errors(exc, request, fields=INVITE),
            values={"email": email, "department": department, "roles": chosen},
            status=error_status(exc),
        )
    i = got.invitation
    return console_page(
        request,
        c,
        actor,
        "console/team/invited.html",
        {
            "invitation": i,
            "roles_of": [r for r in ROLE_ORDER if r in i.roles],
            "dept_names": dict(_departments(c)),
            "link": f"{c.settings.public_url.rstrip('/')}/console/invite?token={got.token}",
        },
        words=words,
        status=201,
    )


# --- one account -----------------------------------------------------------------------------


def _account_page(
    request: Request,
    c: Container,
    actor: Actor,
    staff_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    view = uc.view_staff(c.staff, c.uow(readonly=True), staff_id)
    r = row(view, c.clock.now(), c.staff.policy)
    departments = _departments(c)
    return console_page(
        request,
        c,
        actor,
        "console/team/account.html",
        {
            "r": r,
            "departments": departments,
            "dept_names": dict(departments),
            "role_options": [(r, words(language(request))[f"role_{r}"]) for r in ROLE_ORDER],
            "policy": c.staff.policy,
            "base": f"/console/staff/{r.id}",
            "base_rule": "/console/staff/{staff_id}",
        },
        words=words,
        errors=errors,
        values=values or {"roles": list(r.roles), "department": r.department},
        status=status,
    )


def _refused(
    request: Request,
    c: Container,
    actor: Actor,
    staff_id: str,
    exc: DomainError,
    fields: Sequence[str],
    *,
    prefix: str = "",
    values: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The account's page again with the form's error at its field (`prefix`: the form's
    re-authentication fields carry it, when another form on the page has its own)."""
    errors = [
        FieldError(prefix + e.field if e.field in REAUTH else e.field, e.message)
        for e in form_errors(exc, request, fields=fields)
    ]
    return _account_page(
        request, c, actor, staff_id, errors=errors, values=values, status=error_status(exc)
    )


@router.get("/{staff_id}", response_class=HTMLResponse)
def account(request: Request, c: ContainerDep, actor: Authorized, staff_id: StaffId) -> Response:
    """One account: its facts, and the forms the reader's roles may use."""
    return _account_page(request, c, actor, staff_id)


@router.post("/{staff_id}/roles", response_class=HTMLResponse)
def set_roles(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    staff_id: StaffId,
    roles: Many = None,
    department: Field = "",
    password: Field = "",
    code: Field = "",
) -> Response:
    """Roles and department; needs a recent sign-in (the password on the form otherwise)."""
    chosen = roles or []
    try:
        check_length(department, "department", 64)
        recent_auth(request, c, password, code)
        uc.set_roles(
            c.staff, c.uow(), actor, staff_id, frozenset(chosen), department.strip() or None
        )
    except DomainError as exc:
        values = {"roles": chosen, "department": department}
        fields = ("roles", "department", *REAUTH)
        return _refused(request, c, actor, staff_id, exc, fields, values=values)
    return done(f"/console/staff/{staff_id}", "roles")


@router.post("/{staff_id}/unlock", response_class=HTMLResponse)
def unlock(request: Request, c: ContainerDep, actor: Authorized, staff_id: StaffId) -> Response:
    try:
        uc.unlock_staff(c.staff, c.uow(), actor, staff_id)
    except DomainError as exc:
        return _refused(request, c, actor, staff_id, exc, ())
    return done(f"/console/staff/{staff_id}", "unlocked")


@router.post("/{staff_id}/deactivate", response_class=HTMLResponse)
def deactivate(request: Request, c: ContainerDep, actor: Authorized, staff_id: StaffId) -> Response:
    try:
        uc.deactivate_staff(c.staff, c.uow(), actor, staff_id)
    except DomainError as exc:
        return _refused(request, c, actor, staff_id, exc, ())
    return done(f"/console/staff/{staff_id}", "deactivated")


@router.post("/{staff_id}/mfa-reset", response_class=HTMLResponse)
def reset_mfa(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    staff_id: StaffId,
    password: Field = "",
    code: Field = "",
) -> Response:
    """Lost phone and codes: TOTP off, sessions ended; needs a recent sign-in."""
    try:
        uc.view_staff(c.staff, c.uow(readonly=True), staff_id)  # an unknown id: not found
        recent_auth(request, c, password, code)
        mfa.reset_totp(c.staff, c.uow(), actor, staff_id)
    except DomainError as exc:
        return _refused(request, c, actor, staff_id, exc, REAUTH, prefix="mfa_")
    return done(f"/console/staff/{staff_id}", "mfa_reset")


def attention(c: Container) -> list[dict[str, Any]]:
    """Accounts needing a look: active without the TOTP their role needs, active with a
    password past `max_age_days`, locked."""
    found = rows(c)
    counts = {state: sum(1 for r in found if state in r.states) for state in LOOK}
    return [
        {"key": f"staff_{state}", "count": n, "href": f"/console/staff?status={state}"}
        for state, n in counts.items()
        if n
    ]
