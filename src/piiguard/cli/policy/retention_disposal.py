"""`piiguard retention preview|batches|batch|approve|reject|dispose|certificate|waive`: the
disposal side of the retention schedule (R2.11, R5.5, R10.2; docs/retention.md) — what
would go on a date, the batches the sweep proposed, their approval and disposal, the
certificate, deletion notices waived with a reason. No value is ever printed: ids, counts
and categories only. cli/policy/retention.py adds these commands to its `retention`
group."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals

app = typer.Typer(
    help="Disposal (R2.11): what would go on a date, the sweep's batches, their approval and\n"
    "disposal, certificates. 保存期限届满数据的销毁。",
    no_args_is_help=True,
)


def _as_of(text: str) -> datetime:
    """A date means the end of that day in UTC, as the API and the console take it (not the
    machine's local time zone); a date-time is taken as it is, in UTC when it carries no
    offset; from 1970 to 9998 (a usage error otherwise, never a traceback)."""
    from piiguard.domain.errors import InvalidInput
    from piiguard.domain.retention.disposal import check_as_of

    try:
        if "T" in text or " " in text.strip():
            value = datetime.fromisoformat(text.strip())
        else:
            day = datetime.fromisoformat(text.strip()).date()
            value = datetime.combine(day + timedelta(days=1), time()) - timedelta(microseconds=1)
        return check_as_of(value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC))
    except (ValueError, OverflowError, InvalidInput):
        raise typer.BadParameter(
            f"{text!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00], from 1970 to 9998 / 请按 "
            "YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[+08:00] 填写 1970 至 9998 年间的日期",
            param_hint="--as-of",
        ) from None


def _counts(title: str, counts: dict[str, int]) -> None:
    if counts:
        print_table([title, "items"], [[k, str(v)] for k, v in counts.items()])


@app.command("preview")
def preview(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="YYYY-MM-DD: the end of that day in UTC (as the API and the console), "
            "not local time; or a time, UTC unless it carries its offset "
            "(2030-01-01T10:00+08:00). 日期按 UTC 当日结束计。",
        ),
    ] = None,
) -> None:
    """What would be disposed of on a date (default now), by purpose, category and
    system, without disposing of anything; items a legal hold covers are counted apart;
    changes since the sweep's last pass count. 预览某日将被销毁的数据（不执行销毁）。"""
    from piiguard.services.retention.refresh import preview_current

    when = _as_of(as_of) if as_of else None
    with open_container() as c:
        p = preview_current(c.uow(), c.clock, when or c.clock.now())
    out.print(
        f"due by {fmt_at(p.as_of)} UTC: {p.items} items of {p.subjects} people; "
        f"{p.held} more kept by a legal hold"
    )
    _counts("purpose", p.by_purpose)
    _counts("category", p.by_category)
    _counts("system", p.by_system)


@app.command("batches")
def batches(
    status: Annotated[
        str | None, typer.Option(help="proposed, approved, disposed or rejected")
    ] = None,
) -> None:
    """Disposal batches, newest first: status, items, when proposed, approved, disposed.
    列出销毁批次。"""
    from piiguard.domain.retention.disposal import BatchStatus
    from piiguard.services.retention.batches import list_batches

    try:
        statuses = (BatchStatus(status),) if status else ()
    except ValueError:
        raise typer.BadParameter(
            f"{status!r}: no such status ({', '.join(BatchStatus)}) / 没有这个状态",
            param_hint="--status",
        ) from None
    with open_container() as c:
        found = list_batches(c.uow(readonly=True), statuses)
    if not found:
        out.print("no disposal batches")
        return
    print_table(
        ["batch", "status", "items", "proposed", "approved by", "disposed", "auto-dispose"],
        [
            [
                b.id,
                b.status.value,
                str(b.item_count),
                fmt_at(b.created_at),
                b.approved_by or "",
                fmt_at(b.disposed_at),
                fmt_at(b.auto_dispose_at),
            ]
            for b in found
        ],
    )


@app.command("batch")
def batch(batch_id: str) -> None:
    """One batch: its items (ids, category, system, due date) and deletion notices.
    查看一个销毁批次。"""
    from piiguard.services.retention.batches import batch_detail

    with open_container() as c, refusals():
        d = batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box)
    out.print(f"{d.batch.id}  {d.batch.status.value}  {d.batch.item_count} items")
    print_table(
        ["item", "subject", "category", "system", "due", "disposed"],
        [
            [
                e.record_id,
                e.subject_id or "",
                e.category,
                e.system,
                fmt_at(e.retain_until),
                fmt_at(e.disposed_at),
            ]
            for e in d.entries
        ],
        whole=2,
    )
    if d.tasks:
        print_table(
            ["task", "system", "status", "attempts", "last error"],
            [[t.id, t.system, t.status.value, str(t.attempts), t.last_error] for t in d.tasks],
        )


@app.command("approve")
def approve(batch_id: str) -> None:
    """Approve a proposed batch as the local operator (the sweep disposes of it on its
    next pass; `dispose` does it now). 批准销毁批次。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.batches import approve_batch

    with open_container() as c, refusals():
        approve_batch(c.uow(), c.clock, OPERATOR, batch_id)
    out.print(f"disposal batch {batch_id} approved")


@app.command("reject")
def reject(
    batch_id: str, reason: Annotated[str, typer.Option(help="why (5–1,000 characters)")]
) -> None:
    """Object to a proposed batch: nothing on it is disposed of. 驳回销毁批次。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.batches import reject_batch

    with open_container() as c, refusals():
        reject_batch(c.uow(), c.clock, OPERATOR, batch_id, reason)
    out.print(f"disposal batch {batch_id} rejected")


@app.command("dispose")
def dispose(batch_id: str) -> None:
    """Approve (if proposed) and dispose of a batch now: the items removed for good —
    every copy, backups included, made unreadable by re-keying the people's kept data —
    a person left with nothing erased, every system holding a disposed category told.
    Prints the certificate's hash of the disposed ids. 批准并立即执行销毁。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.retention.disposal import BatchStatus
    from piiguard.services.retention.batches import approve_batch, batch_detail, dispose_batch

    with open_container() as c, refusals():
        if (
            batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).batch.status
            is BatchStatus.PROPOSED
        ):
            approve_batch(c.uow(), c.clock, OPERATOR, batch_id)
        done = dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch_id)
        tasks = batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).tasks
    err.print(
        f"disposal batch {batch_id} disposed of; deletion notices to "
        f"{', '.join(t.system for t in tasks) or 'no system'}",
        soft_wrap=True,
    )
    typer.echo(done.list_hash)


@app.command("certificate")
def certificate(
    batch_id: str,
    html: Annotated[
        Path | None, typer.Option(help="also write the certificate page an auditor keeps")
    ] = None,
) -> None:
    """A disposed batch's certificate: counts by category, purpose and system, the period,
    who approved, the systems told and confirmed, the SHA-256 of the sorted disposed ids.
    销毁证明。"""
    import json

    from piiguard.services.retention.certificate import certificate_html, certificate_of

    with open_container() as c, refusals():
        cert = certificate_of(c.uow(readonly=True), batch_id)
    typer.echo(
        json.dumps(
            {**cert.facts, "systems": cert.systems, "confirmed": cert.confirmed},
            ensure_ascii=False,
            indent=2,
        )
    )
    if html is not None:
        html.write_text(certificate_html(cert), encoding="utf-8")
        err.print(f"written to {html}")


@app.command("waive")
def waive(
    task_id: str, reason: Annotated[str, typer.Option(help="why the system need not confirm")]
) -> None:
    """Record why a system need not confirm a deletion notice (deleted by hand, retired).
    豁免系统删除确认。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.tasks import waive_disposal_task

    with open_container() as c, refusals():
        waive_disposal_task(c.uow(), c.requests, OPERATOR, task_id, reason)
    out.print(f"deletion notice {task_id} waived")
