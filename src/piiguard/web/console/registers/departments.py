"""The department register's pages (R2.10): each department and the purposes its staff may
use (web/authz.py holds staff to them), and the officers' forms — add a department and change
one's name and purposes (PUT /api/v1/staff/departments/{key}, the same service call as
web/api/staff.py, so the same checks and audit entry)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.accounts import Department
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, DomainError
from piiguard.domain.subjects import check_slug
from piiguard.services.staff import accounts as staff
from piiguard.web.api.schemas.staff import DepartmentIn
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, done
from piiguard.web.console.registers.common import (
    Key,
    Many,
    Text,
    checked,
    failed,
    page,
    purpose_name,
    router,
)
from piiguard.web.console.registers.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

FIELDS = ("key", "name", "purposes")


def _purposes(c: Container, lang: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The register's purposes as choices (inactive ones said so) and their names."""
    t = words(lang)
    rules = sorted(c.state.register.rules.values(), key=lambda r: r.key)
    names = {r.key: purpose_name(r, lang) for r in rules}
    options = [
        (r.key, f"{names[r.key]} ({r.key})" + ("" if r.active else t["inactive_suffix"]))
        for r in rules
    ]
    return options, names


def _list_page(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    options, names = _purposes(c, lang)
    rows = [
        {"d": d, "purposes": [names.get(p, p) for p in sorted(d.purposes)]}
        for d in staff.list_departments(c.uow(readonly=True))
    ]
    return page(
        request,
        c,
        actor,
        "departments.html",
        {"rows": rows, "purpose_options": options},
        errors=errors or (),
        values=values,
        status=status,
    )


@router.get("/departments")
def departments(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _list_page(request, c, actor)


def _find(c: Container, key: str) -> Department | None:
    return next((d for d in staff.list_departments(c.uow(readonly=True)) if d.key == key), None)


def _unknown(request: Request, c: Container, actor: Actor) -> HTMLResponse:
    t = words(language(request))
    return _list_page(
        request, c, actor, errors=[FieldError("", t["unknown_department"])], status=404
    )


def _department_page(
    request: Request,
    c: Container,
    actor: Actor,
    key: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    d = _find(c, key)
    if d is None:
        return _unknown(request, c, actor)
    options, names = _purposes(c, language(request))
    return page(
        request,
        c,
        actor,
        "department.html",
        {
            "d": d,
            "purposes": [names.get(p, p) for p in sorted(d.purposes)],
            "purpose_options": options,
        },
        errors=errors or (),
        values=values or {"name": d.name, "purposes": sorted(d.purposes)},
        status=status,
    )


@router.get("/departments/{key}")
def department(request: Request, c: ContainerDep, actor: Authorized, key: Key) -> HTMLResponse:
    return _department_page(request, c, actor, key)


def _save(c: Container, actor: Actor, key: str, form: dict[str, Any]) -> None:
    body = checked(DepartmentIn, {"name": form["name"], "purposes": form["purposes"]}, {})
    staff.save_department(c.staff, c.uow(), actor, key, body.name, frozenset(body.purposes))


@router.post("/departments")
def add_department(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Text = "",
    name: Text = "",
    purposes: Many = None,
) -> Response:
    """A new department (PUT /api/v1/staff/departments/{key} for a key not yet known)."""
    form: dict[str, Any] = {"key": key.strip(), "name": name, "purposes": purposes or []}
    try:
        check_slug(form["key"], "key")
        if _find(c, form["key"]) is not None:
            raise Conflict(
                f"the department {form['key']!r} exists: change it on its own page", field="key"
            )
        _save(c, actor, form["key"], form)
    except (DomainError, RequestValidationError) as exc:
        return _list_page(request, c, actor, values=form, **failed(request, exc, FIELDS))
    return done(f"/console/departments/{form['key']}", "department_added")


@router.post("/departments/{key}")
def save_department(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Key,
    name: Text = "",
    purposes: Many = None,
) -> Response:
    """Change a department's name and the purposes its staff may use."""
    if _find(c, key) is None:
        return _unknown(request, c, actor)
    form = {"name": name, "purposes": purposes or []}
    try:
        _save(c, actor, key, form)
    except (DomainError, RequestValidationError) as exc:
        return _department_page(request, c, actor, key, values=form, **failed(request, exc, FIELDS))
    return done(f"/console/departments/{key}", "department_saved")
