"""Paper records on pages (R5.2, R5.6): the register (status filter, overdue ones first
marked), a printout registered from a form, one record with its steps — lock away,
archive, take out, shred with a witness — and the witness's own confirmation."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.custody.records import SHRED_METHODS, PaperRecord, PaperStatus
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.services.custody import paper as pp
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

HERE = "/console/custody/paper"
router = APIRouter(prefix=HERE, include_in_schema=False)
STATUSES = tuple(s.value for s in PaperStatus)
NEW_FIELDS = (
    "label",
    "categories",
    "people",
    "system",
    "custodian",
    "printed_by",
    "location",
    "cabinet",
)


def row(c: Container, p: PaperRecord, names: dict[str, str]) -> dict[str, Any]:
    now, limit = c.clock.now(), c.custody.paper_limit
    w = p.shredding
    return {
        "id": p.id,
        "label": p.label,
        "categories": sorted(p.categories),
        "people": p.people,
        "system": p.system,
        "printed_by": who(p.printed_by, names),
        "printed_at": p.printed_at,
        "custodian": who(p.custodian, names),
        "custodian_id": p.custodian,
        "location": p.location,
        "cabinet": p.cabinet,
        "status": p.status.value,
        "due_at": p.due_at(limit),
        "overdue": p.overdue(now, limit),
        "escalated_at": p.escalated_at,
        "shredding": None
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


@router.get("", response_class=HTMLResponse)
def papers(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = "", overdue: Param = ""
) -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    late = check.choice("overdue", overdue, ("1",)) == "1"
    if late:
        found = pp.overdue_papers(c.custody)
    else:
        found = pp.list_papers(c.custody, (PaperStatus(wanted),) if wanted else (), 5000)
    names = staff_names(c)
    rows = [row(c, p, names) for p in found if not wanted or p.status.value == wanted]
    rows.sort(key=lambda r: not r["overdue"])
    pager = Pager.of(request, 50)
    shown = pager.slice(rows)
    return page(
        request,
        c,
        actor,
        "papers.html",
        {
            "rows": shown,
            "pager": pager.counted(len(rows), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "overdue": late,
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
    return page(request, c, actor, "paper_new.html", {}, errors=errors, values=values, status=code)


@router.get("/new", response_class=HTMLResponse)
def new_paper(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _new_form(request, c, actor, [], {}, 200)


@router.post("/new", response_class=HTMLResponse)
def register(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    label: Text = "",
    categories: Text = "",
    people: Text = "",
    system: Text = "",
    custodian: Text = "",
    printed_by: Text = "",
    location: Text = "",
    cabinet: Text = "",
) -> Response:
    values = {
        "label": label,
        "categories": categories,
        "people": people,
        "system": system,
        "custodian": custodian,
        "printed_by": printed_by,
        "location": location,
        "cabinet": cabinet,
    }
    check = Check(request)
    count = 0
    try:
        count = int(people.strip())
    except ValueError:
        check.fail("people", "bad_number")
    if check.errors:
        return _new_form(request, c, actor, check.errors, values, 422)
    try:
        p = pp.register_print(
            c.custody,
            actor,
            label=label,
            categories=lines(categories),
            people=count,
            system=system.strip(),
            custodian=custodian,
            location=location,
            cabinet=cabinet,
            printed_by=printed_by,
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=NEW_FIELDS)
        return _new_form(request, c, actor, errors, values, error_status(exc))
    return done(f"{HERE}/{p.id}", "registered")


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    record_id: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    p = pp.view_paper(c.custody, check_id(record_id, "record_id"))
    return page(
        request,
        c,
        actor,
        "paper.html",
        {"p": row(c, p, staff_names(c)), "methods": SHRED_METHODS, "today": c.clock.now().date()},
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{record_id}", response_class=HTMLResponse)
def paper(request: Request, c: ContainerDep, actor: Authorized, record_id: str) -> HTMLResponse:
    return _detail(request, c, actor, record_id)


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    record_id: str,
    message: str,
    fields: tuple[str, ...],
    values: dict[str, str],
    run: Any,
    errors: list[FieldError] | None = None,
) -> Response:
    rid = check_id(record_id, "record_id")

    def again(errs: list[FieldError], code: int) -> HTMLResponse:
        return _detail(request, c, actor, rid, errs, values, code)

    return act(request, f"{HERE}/{rid}", message, again, fields, lambda: run(rid), errors)


@router.post("/{record_id}/lock", response_class=HTMLResponse)
def lock(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    record_id: str,
    location: Text = "",
    cabinet: Text = "",
    custodian: Text = "",
) -> Response:
    values = {"location": location, "cabinet": cabinet, "custodian": custodian}
    return _step(
        request,
        c,
        actor,
        record_id,
        "locked",
        tuple(values),
        values,
        lambda rid: pp.lock_paper(
            c.custody, actor, rid, location=location, cabinet=cabinet, custodian=custodian
        ),
    )


@router.post("/{record_id}/archive", response_class=HTMLResponse)
def archive(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    record_id: str,
    location: Text = "",
    cabinet: Text = "",
    custodian: Text = "",
) -> Response:
    values = {"location": location, "cabinet": cabinet, "custodian": custodian}
    return _step(
        request,
        c,
        actor,
        record_id,
        "archived",
        tuple(values),
        values,
        lambda rid: pp.archive_paper(
            c.custody, actor, rid, location=location, cabinet=cabinet, custodian=custodian
        ),
    )


@router.post("/{record_id}/take-out", response_class=HTMLResponse)
def take_out(request: Request, c: ContainerDep, actor: Authorized, record_id: str) -> Response:
    return _step(
        request,
        c,
        actor,
        record_id,
        "taken_out",
        (),
        {},
        lambda rid: pp.take_out_paper(c.custody, actor, rid),
    )


@router.post("/{record_id}/shred", response_class=HTMLResponse)
def shred(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    record_id: str,
    shredded_on: Text = "",
    method: Text = "",
    witness: Text = "",
) -> Response:
    values = {"shredded_on": shredded_on, "method": method, "witness": witness}
    check = Check(request)
    day = check.day("shredded_on", shredded_on)
    if day is None and not check.errors:
        check.fail("shredded_on", "required")
    on: date = day or date.min
    return _step(
        request,
        c,
        actor,
        record_id,
        "shredded",
        tuple(values),
        values,
        lambda rid: pp.shred_paper(
            c.custody, actor, rid, shredded_on=on, method=method, witness=witness
        ),
        check.errors,
    )


@router.post("/{record_id}/witness", response_class=HTMLResponse)
def witness(request: Request, c: ContainerDep, actor: Authorized, record_id: str) -> Response:
    return _step(
        request,
        c,
        actor,
        record_id,
        "witnessed",
        ("witness",),
        {},
        lambda rid: pp.witness_paper(c.custody, actor, rid),
    )
