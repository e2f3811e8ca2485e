"""The inventory of removable media on pages (R5.4): the inventories and when the next is
due, one started by a privacy officer, each medium settled (seen where or with whom, or
missing), the inventory closed when every medium is settled."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.custody.records import LineOutcome
from piiguard.domain.decisions import Actor
from piiguard.services.custody import inventory as inv
from piiguard.web.authz import Authorized
from piiguard.web.console.custody.common import Check, Text, act, check_id, page, staff_names, who
from piiguard.web.console.kit import FieldError
from piiguard.web.deps import ContainerDep

HERE = "/console/custody/inventories"
router = APIRouter(prefix=HERE, include_in_schema=False)


def _state(c: Container) -> dict[str, Any]:
    s = inv.inventory_state(c.custody)
    return {
        "next_due": s.next_due,
        "overdue": s.overdue,
        "open_id": s.open.id if s.open else "",
        "never": s.last_closed is None,
    }


def _list(
    request: Request, c: Container, actor: Actor, errors: list[FieldError], code: int
) -> HTMLResponse:
    names = staff_names(c)
    rows = [
        {
            "id": i.id,
            "status": i.status.value,
            "started_at": i.started_at,
            "started_by": who(i.started_by, names),
            "closed_at": i.closed_at,
            "closed_by": who(i.closed_by, names) if i.closed_by else "",
        }
        for i in inv.list_inventories(c.custody)
    ]
    return page(
        request,
        c,
        actor,
        "inventories.html",
        {"rows": rows, "state": _state(c)},
        errors=errors,
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def inventories(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _list(request, c, actor, [], 200)


@router.post("", response_class=HTMLResponse)
def start(request: Request, c: ContainerDep, actor: Authorized) -> Response:
    started: list[str] = []

    def step() -> None:
        started.append(inv.start_inventory(c.custody, actor).inventory.id)

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _list(request, c, actor, errors, code)

    answer = act(request, HERE, "started", again, (), step)
    if started:
        return act(request, f"{HERE}/{started[0]}", "started", again, (), lambda: None)
    return answer


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    inventory_id: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    view = inv.view_inventory(c.custody, check_id(inventory_id, "inventory_id"))
    names = staff_names(c)
    lines = [
        {
            "medium_id": x.medium_id,
            "identifier": view.media[x.medium_id].identifier,
            "kind": view.media[x.medium_id].kind.value,
            "personal": view.media[x.medium_id].personal,
            "outcome": x.outcome.value,
            "by": who(x.by, names) if x.by else "",
            "at": x.at,
            "seen_at": x.seen_at,
        }
        for x in view.lines
    ]
    i = view.inventory
    return page(
        request,
        c,
        actor,
        "inventory.html",
        {
            "inv": {
                "id": i.id,
                "status": i.status.value,
                "started_at": i.started_at,
                "started_by": who(i.started_by, names),
                "closed_at": i.closed_at,
                "closed_by": who(i.closed_by, names) if i.closed_by else "",
            },
            "lines": lines,
            "pending": view.pending,
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{inventory_id}", response_class=HTMLResponse)
def inventory(
    request: Request, c: ContainerDep, actor: Authorized, inventory_id: str
) -> HTMLResponse:
    return _detail(request, c, actor, inventory_id)


@router.post("/{inventory_id}/lines/{medium_id}", response_class=HTMLResponse)
def settle(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    inventory_id: str,
    medium_id: str,
    outcome: Text = "",
    seen_at: Text = "",
) -> Response:
    iid = check_id(inventory_id, "inventory_id")
    mid = check_id(medium_id, "medium_id")
    check = Check(request)
    chosen = check.choice("seen_at", outcome, ("confirmed", "missing"))
    if chosen is None and not check.errors:
        check.fail("seen_at", "required")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _detail(request, c, actor, iid, errors, {"seen_at": seen_at}, code)

    return act(
        request,
        f"{HERE}/{iid}",
        "settled",
        again,
        ("seen_at",),
        lambda: inv.settle_line(
            c.custody, actor, iid, mid, LineOutcome(chosen or "pending"), seen_at
        ),
        check.errors,
    )


@router.post("/{inventory_id}/close", response_class=HTMLResponse)
def close(request: Request, c: ContainerDep, actor: Authorized, inventory_id: str) -> Response:
    iid = check_id(inventory_id, "inventory_id")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _detail(request, c, actor, iid, errors, {}, code)

    return act(
        request,
        f"{HERE}/{iid}",
        "closed",
        again,
        (),
        lambda: inv.close_inventory(c.custody, actor, iid),
    )
