"""`piiguard export ...`: exports of personal data out of a system (R2.7) — register one
(who gets what, for which purpose, until when), list them, review the expired ones (each
becomes a finding)."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, parse_when, print_table, refusals
from piiguard.cli.policy.findings import print_findings

app = typer.Typer(
    help="Exports of personal data out of a system (R2.7): who gets what, for which purpose, "
    "until when. An expired export becomes a finding. 数据导出登记。",
    no_args_is_help=True,
)


@app.command("add")
def export_add(
    system: Annotated[str, typer.Option(help="the data map's system it leaves, e.g. crm")],
    recipient: Annotated[str, typer.Option(help="who receives it")],
    purpose: Annotated[str, typer.Option(help="the purpose it serves, e.g. after_sales")],
    expires: Annotated[
        str, typer.Option(help="when the copy must be gone, YYYY-MM-DD[THH:MM][+08:00]")
    ],
    category: Annotated[
        list[str] | None,
        typer.Option(help="a data category exported, repeatable (user.contact.email)"),
    ] = None,
) -> None:
    """Register an export of personal data; prints its id. 登记数据导出。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.errors import InvalidInput
    from piiguard.services.policy import datamap

    until = parse_when(expires, "--expires")
    with open_container() as c, refusals():
        if not category:
            raise InvalidInput(
                "name the categories exported with --category, one each", field="categories"
            )
        e = datamap.register_export(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            system,
            recipient,
            frozenset(category),
            purpose,
            until,
        )
    err.print(
        f"export from {e.system} to {e.recipient} for {e.purpose} registered, expires "
        f"{fmt_at(e.expires_at)} UTC",
        soft_wrap=True,
    )
    typer.echo(e.id)


@app.command("list")
def export_list() -> None:
    """Registered exports: system, recipient, categories, purpose, expiry. 列出数据导出。"""
    from piiguard.services.policy import datamap

    with open_container() as c:
        now = c.clock.now()
        found = datamap.list_exports(c.uow())
    print_table(
        (
            "export",
            "system",
            "recipient",
            "categories",
            "purpose",
            "expires (UTC)",
            "expired",
            "by",
        ),
        [
            (
                e.id,
                e.system,
                e.recipient,
                ", ".join(sorted(e.categories)),
                e.purpose,
                fmt_at(e.expires_at),
                "yes" if e.expired(now) else "no",
                e.requested_by,
            )
            for e in found
        ],
    )


@app.command("review")
def export_review() -> None:
    """Open a finding for every expired export (the copy should be gone) and print the
    findings opened. 检查过期导出。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import datamap

    with open_container() as c:
        opened = datamap.review_exports(c.uow(), c.clock, OPERATOR)
    out.print(f"{len(opened)} finding(s) opened")
    if opened:
        print_findings(opened)
