"""Disposal on pages (R2.11, R5.5, R10.2): the preview (what would go on a date, by
purpose, category and system — nothing written), the disposal batches with their status,
one batch (counts, its items by category and system — ids only —, approval after a recent
sign-in, rejection with a reason, disposal), its certificate on a page and as the HTML file
an auditor keeps, and the deletion notices to systems with their confirmation or waiver.
Services: services/retention/sweep.py, batches.py, certificate.py, tasks.py."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotFound
from piiguard.domain.retention.disposal import BatchStatus, DisposalBatch, DisposalTask
from piiguard.services.retention import batches as uc
from piiguard.services.retention.certificate import certificate_html, certificate_of
from piiguard.services.retention.refresh import preview_current, propose_current
from piiguard.services.retention.tasks import confirm_disposal_task, waive_disposal_task
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, recent_auth
from piiguard.web.console.retention.common import (
    Check,
    Param,
    Text,
    check_id,
    day_start,
    page,
    staff_names,
    time_tag,
    who,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/retention", include_in_schema=False)

STATUSES = tuple(s.value for s in BatchStatus)
B = "/batches/{batch_id}"


@router.get("/preview", response_class=HTMLResponse)
def preview(
    request: Request, c: ContainerDep, actor: Authorized, as_of: Param = ""
) -> HTMLResponse:
    """What would be disposed of on a date (today when none is given); writes nothing but
    the stored retain-until, brought up to date."""
    check = Check(request)
    day = check.day("as_of", as_of)  # 1970-01-01 to 9998-12-31 (common.py)
    result = None
    if not check.errors:  # changes since the sweep's last pass count (refresh.py)
        when = day_start(day) + timedelta(days=1) - timedelta(microseconds=1) if day else None
        result = preview_current(c.uow(), c.clock, when or c.clock.now())
    return page(
        request,
        c,
        actor,
        "preview.html",
        {"result": result, "as_of": as_of or c.clock.now().date().isoformat()},
        errors=check.errors,
        values={"as_of": as_of},
        status=422 if check.errors else 200,
    )


def _batch_row(b: DisposalBatch, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": b.id,
        "status": b.status.value,
        "as_of": b.as_of,
        "created_at": b.created_at,
        "created_by": who(b.created_by, names),
        "items": b.item_count,
        "auto_dispose_at": b.auto_dispose_at,
        "approved_by": who(b.approved_by, names) if b.approved_by else None,
        "approved_at": b.approved_at,
        "rejected_by": who(b.rejected_by, names) if b.rejected_by else None,
        "rejected_at": b.rejected_at,
        "reason": b.reason,
        "disposed_at": b.disposed_at,
        "list_hash": b.list_hash,
    }


def _batches(
    request: Request,
    c: Container,
    actor: Actor,
    status: str = "",
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    names = staff_names(c)
    found = uc.list_batches(c.uow(readonly=True), (BatchStatus(wanted),) if wanted else (), 1000)
    rows = sorted(
        (_batch_row(b, names) for b in found),
        key=lambda r: (r["status"] != "proposed", -r["created_at"].timestamp()),
    )
    pager = Pager.of(request, 25)
    shown = pager.slice(rows)
    return page(
        request,
        c,
        actor,
        "batches.html",
        {
            "rows": shown,
            "pager": pager.counted(len(rows), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "auto_days": c.settings.retention_auto_dispose_days,
        },
        errors=[*check.errors, *(errors or [])],
        status=422 if check.errors and code == 200 else code,
    )


@router.get("/batches", response_class=HTMLResponse)
def batches(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = ""
) -> HTMLResponse:
    """Disposal batches, those waiting for approval first."""
    return _batches(request, c, actor, status)


@router.post("/batches", response_class=HTMLResponse)
def propose(request: Request, c: ContainerDep, actor: Authorized) -> Response:
    """Run the sweep's proposal now, as its pass does: the stored retain-until brought up
    to date under the schedule as it stands (what changed since the last pass; every item
    after a schedule change), then what is due and not held goes on a new batch."""
    try:  # the stored dates brought up to date first, one refresh at a time (refresh.py)
        batch = propose_current(
            c.uow(), c.clock, actor, auto_dispose_days=c.settings.retention_auto_dispose_days
        )
    except DomainError as exc:
        return _batches(request, c, actor, errors=form_errors(exc, request), code=error_status(exc))
    if batch is None:
        return done("/console/retention/batches", "nothing_due")
    return done(f"/console/retention/batches/{batch.id}", "batch_proposed")


def _detail(c: Container, batch_id: str) -> uc.BatchDetail:
    return uc.batch_detail(c.uow(readonly=True), check_id(batch_id, "batch_id"), box=c.requests.box)


def _task_row(t: DisposalTask, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": t.id,
        "system": t.system,
        "categories": sorted(t.categories),
        "subjects": len(t.subject_ids),
        "status": t.status.value,
        "settled": t.status.settled,
        "created_at": t.created_at,
        "attempts": t.attempts,
        "next_attempt_at": t.next_attempt_at,
        "last_error": t.last_error,
        "settled_at": t.settled_at,
        "settled_by": who(t.settled_by, names) if t.settled_by else None,
        "note": t.note,
    }


def _batch(
    request: Request,
    c: Container,
    actor: Actor,
    detail: uc.BatchDetail,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    names = staff_names(c)
    entries = sorted(detail.entries, key=lambda e: (e.category, e.system, e.record_id))
    pager = Pager.of(request, 100)
    shown = pager.slice(entries)
    return page(
        request,
        c,
        actor,
        "batch.html",
        {
            "b": _batch_row(detail.batch, names),
            "entries": shown,
            "pager": pager.counted(len(entries), len(shown)),
            "by_category": sorted(Counter(e.category for e in entries).items()),
            "by_system": sorted(Counter(e.system for e in entries).items()),
            "subjects": len({e.subject_id for e in entries if e.subject_id}),
            "disposed": sum(1 for e in entries if e.disposed_at is not None),
            "tasks": [_task_row(t, names) for t in detail.tasks],
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get(B, response_class=HTMLResponse)
def batch(request: Request, c: ContainerDep, actor: Authorized, batch_id: str) -> HTMLResponse:
    """One batch: its counts, its items (ids, categories, systems), its deletion notices."""
    return _batch(request, c, actor, _detail(c, batch_id))


@router.post(B + "/approve", response_class=HTMLResponse)
def approve(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    batch_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Approve a proposed batch after a recent sign-in; it is disposed of now or by the
    sweep's next pass."""
    detail = _detail(c, batch_id)
    try:
        recent_auth(request, c, password, code)
        uc.approve_batch(c.uow(), c.clock, actor, detail.batch.id)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("password", "code"))
        return _batch(request, c, actor, detail, errors=errors, code=error_status(exc))
    return done(f"/console/retention/batches/{detail.batch.id}", "batch_approved")


@router.post(B + "/reject", response_class=HTMLResponse)
def reject(
    request: Request, c: ContainerDep, actor: Authorized, batch_id: str, reason: Text = ""
) -> Response:
    """Object to a proposed batch, saying why: nothing on it is disposed of."""
    detail = _detail(c, batch_id)
    values = {"reason": reason}
    check = Check(request)
    text = check.text("reason", reason, required=True, most=1000)
    if check.errors:
        return _batch(request, c, actor, detail, errors=check.errors, values=values, code=422)
    try:
        uc.reject_batch(c.uow(), c.clock, actor, detail.batch.id, text)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("reason",))
        return _batch(
            request, c, actor, detail, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/retention/batches/{detail.batch.id}", "batch_rejected")


@router.post(B + "/dispose", response_class=HTMLResponse)
def dispose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    batch_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Dispose of an approved batch now, after a recent sign-in; its certificate follows."""
    detail = _detail(c, batch_id)
    try:
        recent_auth(request, c, password, code)
        uc.dispose_batch(c.uow(), c.vault, c.clock, actor, c.snapshots, detail.batch.id)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("password", "code"))
        return _batch(request, c, actor, detail, errors=errors, code=error_status(exc))
    return done(f"/console/retention/batches/{detail.batch.id}/certificate", "batch_disposed")


@router.get(B + "/certificate", response_class=HTMLResponse)
def certificate(
    request: Request, c: ContainerDep, actor: Authorized, batch_id: str
) -> HTMLResponse:
    """The disposed batch's certificate: counts, period, people, systems, the ids' hash."""
    cert = certificate_of(c.uow(readonly=True), check_id(batch_id, "batch_id"))
    f, names = cert.facts, staff_names(c)
    return page(
        request,
        c,
        actor,
        "certificate.html",
        {
            "cert": cert,
            "f": f,
            "proposed_by": who(f.get("proposed_by"), names),
            "approved_by": who(f.get("approved_by"), names),
            "disposed_by": who(f.get("disposed_by"), names),
            "period": f.get("period") or {},
            "skipped": sorted((f.get("skipped") or {}).items()),
            "systems": sorted(cert.systems.items()),
            "when": lambda value: time_tag(value, language(request)),
        },
    )


@router.get(B + "/certificate.html")
def certificate_download(c: ContainerDep, actor: Authorized, batch_id: str) -> Response:
    """The certificate as a self-contained HTML file to download and keep."""
    del actor
    cert = certificate_of(c.uow(readonly=True), check_id(batch_id, "batch_id"))
    return Response(
        certificate_html(cert),
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": (
                f'attachment; filename="disposal-certificate-{cert.batch_id[:8]}.html"'
            )
        },
    )


def _task(detail: uc.BatchDetail, task_id: str) -> DisposalTask:
    found = next((t for t in detail.tasks if t.id == task_id), None)
    if found is None:
        raise NotFound("no such deletion notice on this batch", field="task_id")
    return found


def _on_task(errors: list[FieldError], field: str, task: DisposalTask) -> list[FieldError]:
    """A task's form field is `<field>-<task id>` on the page (one form per task)."""
    return [
        FieldError(f"{field}-{task.id}" if e.field == field else e.field, e.message) for e in errors
    ]


@router.post(B + "/tasks/{task_id}/confirm", response_class=HTMLResponse)
def confirm(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    batch_id: str,
    task_id: str,
    reference: Text = "",
) -> Response:
    """Record that the system confirmed the deletion (by mail, phone, its ticket …)."""
    detail = _detail(c, batch_id)
    task = _task(detail, task_id)
    values = {f"reference-{task.id}": reference}
    check = Check(request)
    text = check.text("reference", reference, required=True, most=200)
    if check.errors:
        errors = _on_task(check.errors, "reference", task)
        return _batch(request, c, actor, detail, errors=errors, values=values, code=422)
    try:
        confirm_disposal_task(c.uow(), c.requests, actor, task.id, text)
    except DomainError as exc:
        errors = _on_task(form_errors(exc, request, fields=("reference",)), "reference", task)
        return _batch(
            request, c, actor, detail, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/retention/batches/{detail.batch.id}", "task_confirmed")


@router.post(B + "/tasks/{task_id}/waive", response_class=HTMLResponse)
def waive(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    batch_id: str,
    task_id: str,
    reason: Text = "",
) -> Response:
    """Record why the system need not confirm (deleted by hand, retired …)."""
    detail = _detail(c, batch_id)
    task = _task(detail, task_id)
    values = {f"reason-{task.id}": reason}
    check = Check(request)
    text = check.text("reason", reason, required=True, most=1000)
    if check.errors:
        errors = _on_task(check.errors, "reason", task)
        return _batch(request, c, actor, detail, errors=errors, values=values, code=422)
    try:
        waive_disposal_task(c.uow(), c.requests, actor, task.id, text)
    except DomainError as exc:
        errors = _on_task(form_errors(exc, request, fields=("reason",)), "reason", task)
        return _batch(
            request, c, actor, detail, errors=errors, values=values, code=error_status(exc)
        )
    return done(f"/console/retention/batches/{detail.batch.id}", "task_waived")
