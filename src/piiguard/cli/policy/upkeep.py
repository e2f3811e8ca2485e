"""`piiguard retention confirm-interval list|set|remove`, `piiguard retention
confirmations`, `piiguard retention child-tasks [--overdue]` and `piiguard retention
child-close TASK --how dispose|guardian|not-a-child --note …`: data kept up to date (R2.8)
and a child's data found (R6.3; docs/retention.md) from the host, as the local operator.
Ids, categories, statuses and dates only: no value is ever printed, and the note is kept
sealed. cli/policy/retention.py adds these commands to its `retention` group."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals

app = typer.Typer(
    help="Data kept up to date (R2.8) and a child's data found (R6.3). 信息核对与儿童信息处置。",
    no_args_is_help=True,
)
interval_app = typer.Typer(
    help="Confirmation intervals (R2.8): per data category (its subtree included), how long "
    "an item may go unconfirmed before the person is asked. 核对期限。",
    no_args_is_help=True,
)
app.add_typer(interval_app, name="confirm-interval")
HOW = ("dispose", "guardian", "not-a-child")


@interval_app.command("list")
def list_intervals() -> None:
    """The intervals per category, with the schedule version that set each. 查看核对期限。"""
    from piiguard.services.retention.upkeep.intervals import list_intervals as listed

    with open_container() as c:
        found = listed(c.uow(readonly=True))
    if not found:
        out.print("no confirmation interval is set")
        return
    print_table(
        ["category", "interval", "version", "changed", "by"],
        [
            [i.category, f"{i.days} d", str(i.version), fmt_at(i.updated_at), i.updated_by]
            for i in sorted(found, key=lambda i: i.category)
        ],
    )


@interval_app.command("set")
def set_interval(
    category: str,
    days: Annotated[int, typer.Option(help="how long an item may go unconfirmed (days)")],
) -> None:
    """Set a category's interval (a new schedule version, audited). 设定核对期限。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.upkeep.intervals import save_interval

    with open_container() as c, refusals():
        version = save_interval(c.uow(), c.snapshots, c.clock, OPERATOR, category, days)
    out.print(f"{category}: confirm every {days} d (schedule version {version})")


@interval_app.command("remove")
def remove_interval(category: str) -> None:
    """Stop asking about a category (a parent's interval, if any, covers it). 删除核对期限。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.upkeep.intervals import remove_interval as removed

    with open_container() as c, refusals():
        version = removed(c.uow(), c.clock, OPERATOR, category)
    out.print(f"{category}: interval removed (schedule version {version})")


@app.command("confirmations")
def confirmations(
    status: Annotated[
        str | None,
        typer.Option(help="queued, mailed, staff_queue, answered or closed (default: open ones)"),
    ] = None,
) -> None:
    """The confirmation queue, oldest first: who is due (person id), since when their items
    are stale, where the request stands. 信息核对队列。"""
    from piiguard.domain.retention.upkeep import ConfirmationStatus
    from piiguard.services.retention.upkeep.confirmations import list_confirmations
    from piiguard.services.retention.upkeep.views import stale_since

    try:
        statuses = (
            (ConfirmationStatus(status),)
            if status
            else tuple(s for s in ConfirmationStatus if s.open)
        )
    except ValueError:
        raise typer.BadParameter(f"{status!r}: no such status", param_hint="--status") from None
    with open_container() as c:
        found = list_confirmations(c.uow(readonly=True), statuses, 1000)
        since = stale_since(c.uow(readonly=True), found)
    if not found:
        out.print("no confirmation request")
        return
    print_table(
        ["request", "person", "status", "items", "stale since", "mailed", "staff queue", "how"],
        [
            [
                q.id,
                q.subject_id,
                q.status.value,
                str(len(q.item_ids)),
                fmt_at(since[q.id]),
                fmt_at(q.mailed_at),
                fmt_at(q.escalated_at),
                q.method,
            ]
            for q in found
        ],
    )


@app.command("child-tasks")
def child_tasks(
    overdue: Annotated[bool, typer.Option("--overdue", help="only open ones past the deadline")] = (
        False
    ),
) -> None:
    """Child-data tasks, the earliest deadline first: where found, the person (or the
    scanner's finding), the deadline, how it was closed. 儿童个人信息处置任务。"""
    from piiguard.services.retention.upkeep.children import list_child_tasks, overdue_child_tasks

    with open_container() as c:
        found = (
            overdue_child_tasks(c.uow(readonly=True), c.clock)
            if overdue
            else list_child_tasks(c.uow(readonly=True), (), 1000)
        )
        now = c.clock.now()
    if not found:
        out.print("no child-data task" + (" past its deadline" if overdue else ""))
        return
    print_table(
        ["task", "status", "source", "person / finding", "opened", "deadline", "closed"],
        [
            [
                t.id,
                t.status.value + (" OVERDUE" if t.overdue(now) else ""),
                t.source.value,
                t.subject_id or f"finding {t.reference}",
                fmt_at(t.opened_at),
                fmt_at(t.due_at),
                f"{t.closure.value} {fmt_at(t.closed_at)}" if t.closure else "",
            ]
            for t in found
        ],
    )


@app.command("child-close")
def child_close(
    task_id: str,
    how: Annotated[str, typer.Option(help="dispose, guardian or not-a-child")],
    note: Annotated[
        str, typer.Option(help="what was found or done (kept sealed); needed for not-a-child")
    ] = "",
) -> None:
    """Close a child-data task: dispose of the child's data for good (a scanner finding:
    record that it was deleted at the source), a verified guardian's consent in force
    (checked), or the finding that the person is not a child. 关闭儿童个人信息处置任务。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention.upkeep import children as kids

    if how not in HOW:
        raise typer.BadParameter(f"{how!r}: one of {', '.join(HOW)}", param_hint="--how")
    with open_container() as c, refusals():
        if how == "dispose":
            done = kids.dispose_child_data(c.uow(), c.vault, c.requests, OPERATOR, task_id, note)
            err.print(f"{done.items_disposed} items disposed of; person erased: {done.erased}")
        elif how == "guardian":
            kids.close_by_guardian_consent(c.uow(), c.requests, OPERATOR, task_id, note)
        else:
            kids.close_not_a_child(c.uow(), c.requests, OPERATOR, task_id, note)
    out.print(f"child-data task {task_id} closed ({how})")
