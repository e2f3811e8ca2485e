"""Discovery findings (R2.7, R5.6, R6.3): personal data found where the data map does not
say it is held, expired exports, a child's data — each with its lifecycle: open → assigned
(to someone) → fixed, or accepted as a risk with a reason; a fixed or accepted one can be
reopened (domain/policy/datamap.py `move_finding`). The list filters by status, system,
category and age, fifty to a page; one finding's page holds the forms of the moves its
status allows (PATCH /api/v1/findings/{id}: privacy officers). Auditors read both pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, NotFound
from piiguard.domain.policy.datamap import Finding, FindingStatus, System
from piiguard.services.policy import datamap
from piiguard.web.authz import Authorized
from piiguard.web.console.datamap.common import (
    ASSIGNEE_MAX,
    REASON_MAX,
    Param,
    Text,
    finding_system,
    limited,
    page,
    staff_names,
)
from piiguard.web.console.datamap.texts import words
from piiguard.web.console.kit import Pager, done, error_status, form_errors
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)

FILTERS = ("status", "system", "category", "age")
AGES = ("7", "30", "90")  # older than this many days
UNREGISTERED = "-"  # the system filter's value for "held by no registered system"
# the moves a finding's page offers, by the status it is in (domain's _MOVES)
MOVES: dict[FindingStatus, tuple[FindingStatus, ...]] = {
    FindingStatus.OPEN: (FindingStatus.ASSIGNED, FindingStatus.FIXED, FindingStatus.ACCEPTED_RISK),
    FindingStatus.ASSIGNED: (FindingStatus.FIXED, FindingStatus.ACCEPTED_RISK, FindingStatus.OPEN),
    FindingStatus.FIXED: (FindingStatus.OPEN,),
    FindingStatus.ACCEPTED_RISK: (FindingStatus.OPEN,),
}


def _context(c: Container) -> tuple[list[System], dict[str, Any]]:
    state = c.snapshots.read(c.uow(readonly=True))
    exports = {e.id: e for e in datamap.list_exports(c.uow(readonly=True))}
    return list(state.systems.values()), exports


def finding_row(
    f: Finding, now: datetime, system: str | None, names: dict[str, str]
) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "source": f.source,
        "category": f.category,
        "categories": f.category.split(","),
        "detail": f.detail,
        "status": f.status.value,
        "created_at": f.created_at,
        "age_days": (now - f.created_at).days,
        "assignee": names.get(f.assignee, f.assignee) if f.assignee else None,
        "assignee_id": f.assignee,
        "reason": f.reason,
        "system": system,
    }


def _within(category: str, wanted: str) -> bool:
    return any(c == wanted or c.startswith(wanted + ".") for c in category.split(","))


def _check_filters(status: str, age: str) -> None:
    if status and status not in {s.value for s in FindingStatus} | {"active"}:
        raise InvalidInput(f"unknown status {status!r}", field="status")
    if age and age not in AGES:
        raise InvalidInput(f"age: one of {', '.join(AGES)} days", field="age")


@router.get("/findings", response_class=HTMLResponse)
def findings(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    status: Param = "",
    system: Param = "",
    category: Param = "",
    age: Param = "",
) -> HTMLResponse:
    """Findings, oldest first; filters: status ("active": open or assigned), system,
    category (and the categories under it), older than N days."""
    now = c.clock.now()
    t = words(language(request))
    systems, exports = _context(c)
    names = staff_names(c)
    shown = {"status": status, "system": system, "category": category, "age": age}
    errors = []
    try:
        _check_filters(status, age)
        every = datamap.list_findings(c.uow(readonly=True))
    except DomainError as exc:
        every, errors = [], form_errors(exc, request, fields=FILTERS)
    rows = [
        finding_row(f, now, finding_system(f, systems, exports), names)
        for f in sorted(every, key=lambda f: f.created_at)
    ]
    rows = [
        r
        for r in rows
        if (
            not status
            or r["status"] == status
            or (status == "active" and r["status"] in ("open", "assigned"))
        )
        and (not system or (r["system"] or UNREGISTERED) == system)
        and (not category or _within(r["category"], category.strip()))
        and (not age or now - r["created_at"] > timedelta(days=int(age)))
    ]
    pager = Pager.of(request)
    page_rows = pager.slice(rows)
    return page(
        request,
        c,
        actor,
        "findings.html",
        {
            "rows": page_rows,
            "pager": pager.counted(len(rows), len(page_rows)),
            "f": shown,
            "status_choices": [("active", t["fstatus_active"])]
            + [(s.value, t[f"fstatus_{s.value}"]) for s in FindingStatus],
            "system_choices": [(k, k) for k in sorted(s.key for s in systems)]
            + [(UNREGISTERED, t["no_system"])],
            "age_choices": [(a, t["older_than"].format(n=a)) for a in AGES],
        },
        errors=errors,
        values=shown,
        status=422 if errors else 200,
    )


def _finding(c: Container, finding_id: str) -> Finding:
    for f in datamap.list_findings(c.uow(readonly=True)):
        if f.id == finding_id:
            return f
    raise NotFound(f"no finding {finding_id[:40]!r}", field="finding_id")


def _finding_page(
    request: Request, c: Container, actor: Actor, f: Finding, **kw: Any
) -> HTMLResponse:
    systems, exports = _context(c)
    names = staff_names(c)
    return page(
        request,
        c,
        actor,
        "finding.html",
        {
            "r": finding_row(f, c.clock.now(), finding_system(f, systems, exports), names),
            "moves": [m.value for m in MOVES[f.status]],
            "staff": sorted(names.items(), key=lambda kv: kv[1]),
        },
        **kw,
    )


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding(request: Request, c: ContainerDep, actor: Authorized, finding_id: str) -> HTMLResponse:
    return _finding_page(request, c, actor, _finding(c, finding_id))


@router.post("/findings/{finding_id}", response_model=None)
def move(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    finding_id: str,
    status: Text = "",
    assignee: Text = "",
    reason: Text = "",
) -> Response:
    """assign (to a member of staff), fix, accept the risk (with a reason), reopen."""
    f = _finding(c, finding_id)
    try:
        try:
            to = FindingStatus(status)
        except ValueError:
            raise InvalidInput(f"unknown status {status!r}", field="status") from None
        who = limited(assignee, "assignee", ASSIGNEE_MAX, required=False) or None
        why = limited(reason, "reason", REASON_MAX, required=False) or None
        if to is FindingStatus.ASSIGNED and who is not None and who not in staff_names(c):
            raise InvalidInput("assign it to an active member of staff", field="assignee")
        datamap.update_finding(c.uow(), c.clock, actor, finding_id, to, assignee=who, reason=why)
    except DomainError as exc:
        return _finding_page(
            request,
            c,
            actor,
            f,
            errors=form_errors(exc, request, fields=("assignee", "reason")),
            values={"assignee": assignee, "reason": reason},
            status=error_status(exc),
        )
    return done(f"/console/findings/{finding_id}", to.value)
