"""Disposal (R2.11, R5.5, R10.2; docs/retention.md): what would go on any date, the batches
the sweep proposes, an officer's approval (then disposal, now or on the sweep's next pass)
or rejection, the certificate (JSON, or the HTML page an auditor keeps), and the deletion
notices systems confirm or officers waive. No value in any answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Query, Response

from piiguard.domain.errors import InvalidInput
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.services.retention import batches as uc
from piiguard.services.retention.certificate import certificate_html, certificate_of
from piiguard.services.retention.refresh import preview_current, propose_current
from piiguard.services.retention.tasks import confirm_disposal_task, waive_disposal_task
from piiguard.web.api.schemas.retention_disposal import (
    BatchDetailOut,
    BatchOut,
    CertificateOut,
    DisposalConfirmIn,
    DisposalReasonIn,
    DisposalTaskOut,
    PreviewOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/retention", tags=["retention"])
B = "/batches/{batch_id}"


@router.get("/preview", response_model=PreviewOut)
def preview(
    c: ContainerDep,
    actor: Authorized,
    as_of: Annotated[
        str | None,
        Query(
            max_length=40,
            description="YYYY-MM-DD (the end of that day, UTC, as on the console) or a "
            "time with its offset (2026-12-07T10:00:00+08:00); 1970 to 9998; default now",
        ),
    ] = None,
) -> PreviewOut:
    """What would be disposed of on `as_of`, by purpose, category and system, without
    disposing; items a legal hold covers are counted apart. Changes since the sweep's last
    pass count (the stored retain-until is brought up to date first)."""
    del actor
    when = _as_of(as_of) if as_of else c.clock.now()
    return PreviewOut.of(preview_current(c.uow(), c.clock, when))


def _as_of(text: str) -> datetime:
    """A date means the end of that day (UTC); a time must carry its offset."""
    try:
        if len(text) == len("YYYY-MM-DD"):
            return datetime.combine(date.fromisoformat(text), time.max, UTC)
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise InvalidInput(
            "as_of is a date, YYYY-MM-DD, or a time with its offset, "
            "e.g. 2026-12-07T10:00:00+08:00",
            field="as_of",
        )
    return value


@router.get("/batches", response_model=list[BatchOut])
def list_batches(
    c: ContainerDep,
    actor: Authorized,
    status: BatchStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[BatchOut]:
    """Disposal batches, newest first."""
    del actor
    found = uc.list_batches(c.uow(readonly=True), (status,) if status else (), limit)
    return [BatchOut.of(b) for b in found]


@router.post("/batches", response_model=BatchOut | None)
def propose(c: ContainerDep, actor: Authorized) -> BatchOut | None:
    """Run the sweep's proposal now: what is due and not held goes on a new batch (null
    when nothing is due)."""
    batch = propose_current(
        c.uow(), c.clock, actor, auto_dispose_days=c.settings.retention_auto_dispose_days
    )
    return BatchOut.of(batch) if batch else None


@router.get(B, response_model=BatchDetailOut)
def batch(batch_id: str, c: ContainerDep, actor: Authorized) -> BatchDetailOut:
    """A batch with its entries (ids, categories, systems, due dates) and deletion tasks."""
    del actor
    return BatchDetailOut.of(uc.batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box))


@router.post(B + "/approve", response_model=BatchOut)
def approve(batch_id: str, c: ContainerDep, actor: Authorized) -> BatchOut:
    """Approve a proposed batch; the sweep disposes of it on its next pass (`/dispose`:
    now)."""
    return BatchOut.of(uc.approve_batch(c.uow(), c.clock, actor, batch_id))


@router.post(B + "/reject", response_model=BatchOut)
def reject(batch_id: str, body: DisposalReasonIn, c: ContainerDep, actor: Authorized) -> BatchOut:
    """Object to a proposed batch: nothing on it is disposed of."""
    return BatchOut.of(uc.reject_batch(c.uow(), c.clock, actor, batch_id, body.reason))


@router.post(B + "/dispose", response_model=BatchOut)
def dispose(batch_id: str, c: ContainerDep, actor: Authorized) -> BatchOut:
    """Approve (if still proposed) and dispose of the batch now; its certificate follows."""
    if (
        uc.batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).batch.status
        is BatchStatus.PROPOSED
    ):
        uc.approve_batch(c.uow(), c.clock, actor, batch_id)
    return BatchOut.of(uc.dispose_batch(c.uow(), c.vault, c.clock, actor, c.snapshots, batch_id))


@router.get(B + "/certificate", response_model=CertificateOut)
def certificate(batch_id: str, c: ContainerDep, actor: Authorized) -> CertificateOut:
    """The disposed batch's certificate, with the systems' confirmations as they stand."""
    del actor
    return CertificateOut.of(certificate_of(c.uow(readonly=True), batch_id))


@router.get(B + "/certificate.html")
def certificate_page(batch_id: str, c: ContainerDep, actor: Authorized) -> Response:
    """The certificate as a self-contained HTML page to download and keep."""
    del actor
    page = certificate_html(certificate_of(c.uow(readonly=True), batch_id))
    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": (
                f'attachment; filename="disposal-certificate-{batch_id[:8]}.html"'
            )
        },
    )


@router.post("/tasks/{task_id}/confirm", response_model=DisposalTaskOut)
def confirm(
    task_id: str, body: DisposalConfirmIn, c: ContainerDep, actor: Authorized
) -> DisposalTaskOut:
    """The system has deleted what it was told of (its own API key, or an officer)."""
    return DisposalTaskOut.of(
        confirm_disposal_task(c.uow(), c.requests, actor, task_id, body.reference)
    )


@router.post("/tasks/{task_id}/waive", response_model=DisposalTaskOut)
def waive(
    task_id: str, body: DisposalReasonIn, c: ContainerDep, actor: Authorized
) -> DisposalTaskOut:
    """Record why a system need not confirm (deleted by hand, retired …)."""
    return DisposalTaskOut.of(waive_disposal_task(c.uow(), c.requests, actor, task_id, body.reason))
