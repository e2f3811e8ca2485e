"""Data kept up to date on pages (R2.8): the confirmation queue — who is due, since when
their items are stale, where their request stands (queued, mailed, in the staff queue,
answered) — one request's items (metadata only), staff recording a confirmation made by
phone, in person, by letter or email; and, for privacy officers, the confirmation
intervals per category with their edit form. Staff and officers work the queue; the
intervals are the officers'. A correction the person gives goes through the rights queue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.retention.upkeep import ConfirmationRequest, ConfirmationStatus, interval_for
from piiguard.services.retention.upkeep import confirmations as conf
from piiguard.services.retention.upkeep import intervals as iv
from piiguard.services.retention.upkeep.views import stale_since
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, may_open
from piiguard.web.console.upkeep.common import (
    Check,
    Many,
    Param,
    Text,
    check_id,
    page,
    staff_names,
    who,
)
from piiguard.web.console.upkeep.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/confirmations", include_in_schema=False)
HERE = "/console/confirmations"
STATUSES = tuple(s.value for s in ConfirmationStatus)
OPEN = tuple(s for s in ConfirmationStatus if s.open)
MAX_DAYS = 36_500


def _row(q: ConfirmationRequest, since: Any, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": q.id,
        "subject_id": q.subject_id,
        "status": q.status.value,
        "open": q.status.open,
        "items": len(q.item_ids),
        "stale_since": since,
        "queued_at": q.queued_at,
        "mailed_at": q.mailed_at,
        "escalated_at": q.escalated_at,
        "answered_at": q.answered_at,
        "answered_by": who(q.answered_by, names) if q.answered_by else "",
        "method": q.method,
    }


def _intervals(c: Container, actor: Actor, lang: str) -> dict[str, Any]:
    if not may_open(actor, HERE + "/intervals", "POST"):
        return {"intervals": None}
    names = staff_names(c)
    rows = [
        {
            "category": i.category,
            "days": i.days,
            "version": i.version,
            "updated_at": i.updated_at,
            "updated_by": who(i.updated_by, names) if i.updated_by else "—",
        }
        for i in sorted(iv.list_intervals(c.uow(readonly=True)), key=lambda i: i.category)
    ]
    options = [
        (cat.key, f"{cat.key} — {cat.name_zh if lang == 'zh-CN' else cat.name}")
        for cat in sorted(c.state.taxonomy, key=lambda x: x.key)
    ]
    return {"intervals": rows, "category_options": options}


def _queue(
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
    found = conf.list_confirmations(
        c.uow(readonly=True), (ConfirmationStatus(wanted),) if wanted else OPEN, 5000
    )
    # the staff queue first, then the oldest
    found.sort(key=lambda q: (q.status is not ConfirmationStatus.STAFF_QUEUE, q.queued_at))
    pager = Pager.of(request, 50)
    shown = pager.slice(found)
    since = stale_since(c.uow(readonly=True), shown)
    names = staff_names(c)
    edit = request.query_params.get("edit", "")
    lang = language(request)
    context = _intervals(c, actor, lang)
    if context["intervals"] is not None and not values and edit:
        current = next((r for r in context["intervals"] if r["category"] == edit), None)
        if current:
            values = {"category": current["category"], "confirm_days": str(current["days"])}
    return page(
        request,
        c,
        actor,
        "queue.html",
        {
            "rows": [_row(q, since[q.id], names) for q in shown],
            "pager": pager.counted(len(found), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "counts": conf.confirmation_counts(c.uow(readonly=True)),
            **context,
        },
        errors=[*check.errors, *(errors or [])],
        values=values or {},
        status=422 if check.errors and code == 200 else code,
    )


@router.get("", response_class=HTMLResponse)
def queue(request: Request, c: ContainerDep, actor: Authorized, status: Param = "") -> HTMLResponse:
    """The confirmation queue (open requests unless a status is chosen), the staff queue
    first; the intervals for officers."""
    return _queue(request, c, actor, status)


@router.post("/intervals", response_class=HTMLResponse)
def save_interval(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    category: Text = "",
    confirm_days: Text = "",
) -> Response:
    """Set a category's confirmation interval (a new schedule version)."""
    values = {"category": category, "confirm_days": confirm_days}
    check = Check(request)
    key = check.text("category", category, required=True, most=128)
    raw = confirm_days.strip()
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        check.fail("confirm_days", "bad_days")
    if check.errors:
        return _queue(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        iv.save_interval(c.uow(), c.snapshots, c.clock, actor, key, int(raw))
    except DomainError as exc:
        errors = form_errors(
            exc,
            request,
            fields=("category", "confirm_days"),
            aliases={"days": "confirm_days"},
        )
        return _queue(request, c, actor, errors=errors, values=values, code=error_status(exc))
    return done(HERE, "interval_saved")


@router.post("/intervals/remove", response_class=HTMLResponse)
def remove_interval(
    request: Request, c: ContainerDep, actor: Authorized, category: Text = ""
) -> Response:
    """Stop asking about a category (a parent category's interval, if any, covers it)."""
    check = Check(request)
    key = check.text("category", category, required=True, most=128)
    if check.errors:
        return _queue(request, c, actor, errors=check.errors, code=422)
    try:
        iv.remove_interval(c.uow(), c.clock, actor, key)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("category",))
        return _queue(request, c, actor, errors=errors, code=error_status(exc))
    return done(HERE, "interval_removed")


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    confirmation_id: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    v = conf.view_confirmation(c.uow(readonly=True), check_id(confirmation_id, "confirmation_id"))
    q = v.request
    intervals = iv.list_intervals(c.uow(readonly=True))
    [since] = stale_since(c.uow(readonly=True), [q]).values()
    items = []
    for r in v.items:
        days = interval_for(intervals, r.category)
        items.append(
            {
                "id": r.id,
                "category": r.category,
                "held_in": r.held_in,
                "collected": r.created_at,
                "last_confirmed": r.last_confirmed_at,
                "interval": days,
                "outcome": q.outcome.get(r.id, ""),
            }
        )
    gone = len(q.item_ids) - len(v.items)
    t = words(language(request))
    return page(
        request,
        c,
        actor,
        "confirmation.html",
        {
            "q": _row(q, since, staff_names(c)),
            "items": items,
            "gone": gone,
            "methods_options": [(m, t[f"u_method_{m}"]) for m in conf.METHODS],
            "item_options": [(i["id"], i["category"]) for i in items if not i["outcome"]],
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{confirmation_id}", response_class=HTMLResponse)
def confirmation(
    request: Request, c: ContainerDep, actor: Authorized, confirmation_id: str
) -> HTMLResponse:
    """One request: its items' categories, systems, collection and last confirmation; the
    form to record a confirmation made with the person another way."""
    return _detail(request, c, actor, confirmation_id)


@router.post("/{confirmation_id}/record", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    confirmation_id: str,
    method: Text = "",
    item_ids: Many = None,
) -> Response:
    """Staff confirmed the checked items with the person by `method`."""
    cid = check_id(confirmation_id, "confirmation_id")
    values = {"method": method, "item_ids": item_ids or [], "sent": True}
    check = Check(request)
    if not method:
        check.fail("method", "required")
    else:
        check.choice("method", method, conf.METHODS)
    if not item_ids:
        check.fail("item_ids", "no_items")
    if check.errors:
        return _detail(request, c, actor, cid, errors=check.errors, values=values, code=422)
    try:
        conf.record_by_staff(c.uow(), c.clock, actor, cid, method, list(item_ids or []))
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("method", "item_ids"))
        return _detail(request, c, actor, cid, errors=errors, values=values, code=error_status(exc))
    return done(f"{HERE}/{cid}", "recorded")
