"""The staff console's queue of requests of the person (R9.2): overdue first (red, with the
days overdue), then by due date; filtered by kind, status, due date, assignee ("mine") and
overdue, every filter a GET form; fifty to a page. A row is web/console/rights.py's
`request_row`, and the page frame is rights.py's `requests_page`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.domain.decisions import Actor
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestKind, RequestStatus
from piiguard.services.rights import intake as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.rights import (
    FormError,
    Param,
    request_row,
    requests_page,
    staff_names,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console/requests", include_in_schema=False)
PAGE_SIZE = 50


def _parse_filters(
    actor: Actor,
    now: datetime,
    kind: str,
    status: str,
    due_before: str,
    assignee: str,
    overdue: str,
    offset: int,
    subject_id: str = "",
) -> tuple[QueueFilter, FormError | None]:
    error = None
    if subject_id and not re.fullmatch(r"[0-9a-f-]{36}", subject_id):
        error, subject_id = FormError("filters", "", "subject_id: a person's id"), ""
    try:
        k = RequestKind(kind) if kind else None
    except ValueError:
        k, error = None, FormError("filters", "kind", f"unknown kind {kind!r}")
    try:
        statuses = (
            frozenset({RequestStatus(status)})
            if status
            else frozenset(RequestStatus)  # one person's requests: closed ones too
            if subject_id
            else None
        )
    except ValueError:
        statuses, error = None, FormError("filters", "status", f"unknown status {status!r}")
    try:
        before = (
            datetime.combine(date.fromisoformat(due_before), time.min, UTC) if due_before else None
        )
    except ValueError:
        before, error = None, FormError("filters", "due_before", "a date: YYYY-MM-DD")
    return QueueFilter(
        statuses,
        k,
        actor.id if assignee == "me" else None,
        before,
        now if overdue else None,
        PAGE_SIZE + 1,
        offset,
        subject_id or None,
    ), error


@router.get("", response_class=HTMLResponse)
def queue(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    kind: Param = "",
    status: Param = "",
    due_before: Param = "",
    assignee: Param = "",
    overdue: Param = "",
    subject_id: Param = "",
    page: Param = "1",
) -> HTMLResponse:
    """The queue: overdue first (red, with the days overdue), then by due date."""
    now = c.clock.now()
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    f, error = _parse_filters(
        actor,
        now,
        kind,
        status,
        due_before,
        assignee,
        overdue,
        (number - 1) * PAGE_SIZE,
        subject_id,
    )
    found = [] if error else uc.list_requests(c.uow(readonly=True), f)
    staff = staff_names(c)
    shown = {
        "kind": kind,
        "status": status,
        "due_before": due_before,
        "assignee": "me" if assignee == "me" else "",
        "overdue": "1" if overdue else "",
        "subject_id": subject_id,
    }
    kept = {k: v for k, v in shown.items() if v}
    return requests_page(
        request,
        c,
        actor,
        "queue.html",
        {
            "rows": [request_row(r, now, staff, c) for r in found[:PAGE_SIZE]],
            "f": shown,
            "page": number,
            "error": error,
            "prev": f"?{urlencode({**kept, 'page': number - 1})}" if number > 1 else None,
            "next": (
                f"?{urlencode({**kept, 'page': number + 1})}" if len(found) > PAGE_SIZE else None
            ),
        },
        422 if error else 200,
    )
