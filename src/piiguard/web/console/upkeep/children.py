"""A child's data found, on pages (R6.3; policy §6: deleted "as soon as possible"): the
child-data tasks with their deadline — overdue ones flagged and first — and one task with
the three ways to close it, each with a note (kept sealed): dispose of the child's data
(after signing in again when the sign-in is old, as the API's re-authentication), a
verified guardian's consent in force (checked by the service), or the officer's finding
that the person is not a child. Privacy officers only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.retention.upkeep import ChildDataTask, ChildStatus
from piiguard.services.retention.upkeep import children as kids
from piiguard.services.retention.upkeep.views import child_task
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, recent_auth
from piiguard.web.console.upkeep.common import Check, Param, Text, check_id, page, staff_names, who
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console/children", include_in_schema=False)
HERE = "/console/children"
STATUSES = tuple(s.value for s in ChildStatus)


def _row(t: ChildDataTask, now: datetime, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": t.id,
        "subject_id": t.subject_id,
        "source": t.source.value,
        "reference": t.reference,
        "status": t.status.value,
        "open": t.open,
        "overdue": t.overdue(now),
        "opened_at": t.opened_at,
        "due_at": t.due_at,
        "escalated_at": t.escalated_at,
        "closed_at": t.closed_at,
        "closed_by": who(t.closed_by, names) if t.closed_by else "",
        "closure": t.closure.value if t.closure else "",
    }


@router.get("", response_class=HTMLResponse)
def tasks(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = "", overdue: Param = ""
) -> HTMLResponse:
    """Child-data tasks: open ones first, the earliest deadline first; `overdue=1`: only
    open ones past their deadline."""
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    late = check.choice("overdue", overdue, ("1",)) == "1"
    now = c.clock.now()
    if late:
        found = kids.overdue_child_tasks(c.uow(readonly=True), c.clock)
        found = [t for t in found if not wanted or t.status.value == wanted]
    else:
        found = kids.list_child_tasks(
            c.uow(readonly=True), (ChildStatus(wanted),) if wanted else (), 5000
        )
    found.sort(key=lambda t: (not t.open, t.due_at))
    pager = Pager.of(request, 50)
    shown = pager.slice(found)
    names = staff_names(c)
    n_overdue = len(kids.overdue_child_tasks(c.uow(readonly=True), c.clock))
    return page(
        request,
        c,
        actor,
        "children.html",
        {
            "rows": [_row(t, now, names) for t in shown],
            "pager": pager.counted(len(found), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "overdue": late,
            "n_overdue": n_overdue,
            "hours": c.settings.child_data_hours,
        },
        errors=check.errors,
        status=422 if check.errors else 200,
    )


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    task_id: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    t = child_task(c.uow(readonly=True), check_id(task_id, "task_id"))
    return page(
        request,
        c,
        actor,
        "child.html",
        {"task": _row(t, c.clock.now(), staff_names(c))},
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{task_id}", response_class=HTMLResponse)
def task(request: Request, c: ContainerDep, actor: Authorized, task_id: str) -> HTMLResponse:
    """One task: where it came from, its deadline, and the three ways to close it."""
    return _detail(request, c, actor, task_id)


def _close(
    request: Request,
    c: Container,
    actor: Actor,
    task_id: str,
    field: str,
    note: str,
    act: Callable[[str, str], object],
    flash: str,
    extra: tuple[str, ...] = (),
) -> Response:
    tid = check_id(task_id, "task_id")
    values = {field: note}
    check = Check(request)
    text = check.text(field, note, most=2000)
    if check.errors:
        return _detail(request, c, actor, tid, errors=check.errors, values=values, code=422)
    try:
        act(tid, text)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=(field, *extra), aliases={"note": field})
        return _detail(request, c, actor, tid, errors=errors, values=values, code=error_status(exc))
    return done(f"{HERE}/{tid}", flash)


@router.post("/{task_id}/dispose", response_class=HTMLResponse)
def dispose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    task_id: str,
    dispose_note: Text = "",
    password: Text = "",
    code: Text = "",
) -> Response:
    """Dispose of the child's data for good and close the task, after a recent sign-in."""

    def act(tid: str, note: str) -> None:
        recent_auth(request, c, password, code)
        kids.dispose_child_data(c.uow(), c.vault, c.requests, actor, tid, note)

    return _close(
        request,
        c,
        actor,
        task_id,
        "dispose_note",
        dispose_note,
        act,
        "disposed",
        ("password", "code"),
    )


@router.post("/{task_id}/guardian", response_class=HTMLResponse)
def guardian(
    request: Request, c: ContainerDep, actor: Authorized, task_id: str, guardian_note: Text = ""
) -> Response:
    """Close: a verified guardian's consent is in force (the service checks it)."""

    def act(tid: str, note: str) -> None:
        kids.close_by_guardian_consent(c.uow(), c.requests, actor, tid, note)

    return _close(request, c, actor, task_id, "guardian_note", guardian_note, act, "guardian")


@router.post("/{task_id}/not-a-child", response_class=HTMLResponse)
def not_a_child(
    request: Request, c: ContainerDep, actor: Authorized, task_id: str, finding_note: Text = ""
) -> Response:
    """Close: the officer's finding that the person is not a child, and how it was made."""

    def act(tid: str, note: str) -> None:
        kids.close_not_a_child(c.uow(), c.requests, actor, tid, note)

    return _close(request, c, actor, task_id, "finding_note", finding_note, act, "not_a_child")
