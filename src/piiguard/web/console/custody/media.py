"""Removable media on pages (R5.4, R5.6): the register, a medium registered from a form
(encryption required for sensitive categories: the refusal marks the field), one medium
with its history and its steps — check out, check in, wipe or destroy with a witness and
the witness's confirmation, report missing, record found, record the incident."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.custody.records import (
    DESTROY_METHODS,
    WIPE_METHODS,
    Disposal,
    MediaKind,
    MediaStatus,
    Medium,
    Movement,
)
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.services.custody import inventory as inv
from piiguard.services.custody import media as md
from piiguard.web.authz import Authorized
from piiguard.web.console.custody.common import (
    Check,
    Param,
    Text,
    act,
    check_id,
    lines,
    page,
    staff_names,
    who,
)
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors
from piiguard.web.deps import ContainerDep

HERE = "/console/custody/media"
router = APIRouter(prefix=HERE, include_in_schema=False)
STATUSES = tuple(s.value for s in MediaStatus)
KINDS = tuple(k.value for k in MediaKind)
NEW_FIELDS = (
    "identifier",
    "kind",
    "encrypted",
    "encryption",
    "categories",
    "system",
    "custodian",
    "location",
)


def row(m: Medium, names: dict[str, str]) -> dict[str, Any]:
    w = m.destruction
    return {
        "id": m.id,
        "identifier": m.identifier,
        "kind": m.kind.value,
        "encrypted": m.encrypted,
        "encryption": m.encryption,
        "categories": sorted(m.categories),
        "system": m.system,
        "custodian": who(m.custodian, names),
        "location": m.location,
        "status": m.status.value,
        "holder": who(m.holder, names) if m.holder else "",
        "checked_out_at": m.checked_out_at,
        "missing_since": m.missing_since,
        "incident": m.incident,
        "alarm": m.status is MediaStatus.MISSING and m.personal and not m.incident,
        "disposal": m.disposal.value if m.disposal else "",
        "destruction": None
        if w is None
        else {
            "done_on": w.done_on.isoformat(),
            "method": w.method,
            "done_by": who(w.done_by, names),
            "witness": who(w.witness, names),
            "witness_id": w.witness,
            "witnessed_at": w.witnessed_at,
        },
    }


def _move(mv: Movement, names: dict[str, str]) -> dict[str, Any]:
    return {
        "at": mv.at,
        "kind": mv.kind.value,
        "by": who(mv.by, names),
        "holder": who(mv.holder, names) if mv.holder else "",
        "location": mv.location,
        "inventory_id": mv.inventory_id,
    }


@router.get("", response_class=HTMLResponse)
def media(request: Request, c: ContainerDep, actor: Authorized, status: Param = "") -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    found = md.list_media(c.custody, (MediaStatus(wanted),) if wanted else (), 5000)
    names = staff_names(c)
    pager = Pager.of(request, 50)
    shown = pager.slice(found)
    return page(
        request,
        c,
        actor,
        "media.html",
        {
            "rows": [row(m, names) for m in shown],
            "pager": pager.counted(len(found), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
        },
        errors=check.errors,
        status=422 if check.errors else 200,
    )


def _new_form(
    request: Request,
    c: Container,
    actor: Actor,
    errors: list[FieldError],
    values: dict[str, str],
    code: int,
) -> HTMLResponse:
    return page(
        request,
        c,
        actor,
        "medium_new.html",
        {"kinds": KINDS},
        errors=errors,
        values=values,
        status=code,
    )


@router.get("/new", response_class=HTMLResponse)
def new_medium(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _new_form(request, c, actor, [], {}, 200)


@router.post("/new", response_class=HTMLResponse)
def register(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    identifier: Text = "",
    kind: Text = "",
    encrypted: Text = "",
    encryption: Text = "",
    categories: Text = "",
    system: Text = "",
    custodian: Text = "",
    location: Text = "",
) -> Response:
    values = {
        "identifier": identifier,
        "kind": kind,
        "encrypted": encrypted,
        "encryption": encryption,
        "categories": categories,
        "system": system,
        "custodian": custodian,
        "location": location,
    }
    check = Check(request)
    chosen = check.choice("kind", kind, KINDS)
    if chosen is None and not check.errors:
        check.fail("kind", "required")
    check.choice("encrypted", encrypted, ("1",))
    if check.errors:
        return _new_form(request, c, actor, check.errors, values, 422)
    try:
        m = md.register_medium(
            c.custody,
            actor,
            identifier=identifier,
            kind=MediaKind(chosen or ""),
            encrypted=encrypted == "1",
            encryption=encryption,
            categories=lines(categories),
            system=system.strip(),
            custodian=custodian,
            location=location,
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=NEW_FIELDS)
        return _new_form(request, c, actor, errors, values, error_status(exc))
    return done(f"{HERE}/{m.id}", "registered")


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    medium_id: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    m, history = md.view_medium(c.custody, check_id(medium_id, "medium_id"))
    names = staff_names(c)
    return page(
        request,
        c,
        actor,
        "medium.html",
        {
            "m": row(m, names),
            "history": [_move(x, names) for x in history],
            "methods": (("wipe", WIPE_METHODS), ("destroy", DESTROY_METHODS)),
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{medium_id}", response_class=HTMLResponse)
def medium(request: Request, c: ContainerDep, actor: Authorized, medium_id: str) -> HTMLResponse:
    return _detail(request, c, actor, medium_id)


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    medium_id: str,
    message: str,
    values: dict[str, str],
    run: Any,
    errors: list[FieldError] | None = None,
    fields: tuple[str, ...] = (),
) -> Response:
    mid = check_id(medium_id, "medium_id")

    def again(errs: list[FieldError], code: int) -> HTMLResponse:
        return _detail(request, c, actor, mid, errs, values, code)

    return act(
        request, f"{HERE}/{mid}", message, again, fields or tuple(values), lambda: run(mid), errors
    )


@router.post("/{medium_id}/check-out", response_class=HTMLResponse)
def check_out(
    request: Request, c: ContainerDep, actor: Authorized, medium_id: str, holder: Text = ""
) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "checked_out",
        {"holder": holder},
        lambda mid: md.check_out(c.custody, actor, mid, holder.strip()),
    )


@router.post("/{medium_id}/check-in", response_class=HTMLResponse)
def check_in(
    request: Request, c: ContainerDep, actor: Authorized, medium_id: str, location: Text = ""
) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "checked_in",
        {"location": location},
        lambda mid: md.check_in(c.custody, actor, mid, location),
    )


@router.post("/{medium_id}/dispose", response_class=HTMLResponse)
def dispose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    medium_id: str,
    how: Text = "",
    done_on: Text = "",
    method: Text = "",
    witness: Text = "",
) -> Response:
    values = {"how": how, "done_on": done_on, "method": method, "witness": witness}
    check = Check(request)
    chosen = check.choice("how", how, ("wipe", "destroy"))
    day = check.day("done_on", done_on)
    if chosen is None and not any(e.field == "how" for e in check.errors):
        check.fail("how", "required")
    if day is None and not any(e.field == "done_on" for e in check.errors):
        check.fail("done_on", "required")
    on: date = day or date.min
    return _step(
        request,
        c,
        actor,
        medium_id,
        "disposed",
        values,
        lambda mid: md.dispose_medium(
            c.custody,
            actor,
            mid,
            how=Disposal(chosen or "wipe"),
            done_on=on,
            method=method.strip(),
            witness=witness,
        ),
        check.errors,
    )


@router.post("/{medium_id}/witness", response_class=HTMLResponse)
def witness(request: Request, c: ContainerDep, actor: Authorized, medium_id: str) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "witnessed",
        {},
        lambda mid: md.witness_medium(c.custody, actor, mid),
        fields=("witness",),
    )


@router.post("/{medium_id}/missing", response_class=HTMLResponse)
def missing(request: Request, c: ContainerDep, actor: Authorized, medium_id: str) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "missing",
        {},
        lambda mid: inv.report_missing(c.custody, actor, mid),
        fields=("medium_id",),
    )


@router.post("/{medium_id}/found", response_class=HTMLResponse)
def found(
    request: Request, c: ContainerDep, actor: Authorized, medium_id: str, found_location: Text = ""
) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "found",
        {"found_location": found_location},
        lambda mid: inv.record_found(c.custody, actor, mid, found_location),
        fields=("found_location",),
    )


@router.post("/{medium_id}/incident", response_class=HTMLResponse)
def incident(
    request: Request, c: ContainerDep, actor: Authorized, medium_id: str, incident: Text = ""
) -> Response:
    return _step(
        request,
        c,
        actor,
        medium_id,
        "incident",
        {"incident": incident},
        lambda mid: inv.link_incident(c.custody, actor, mid, incident),
    )
