"""`piiguard purpose ...`: the purpose register (R2.3) and its history."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from piiguard.cli.common import open_container, out, print_table, refusals

app = typer.Typer(
    help="The purpose register (R2.3): the purposes personal data may be used for, each with "
    "its legal basis, categories, retention and whether it needs consent. "
    "用途登记簿。",
    no_args_is_help=True,
)


@app.command("list")
def purpose_list() -> None:
    """List the purpose register: its version and each purpose's legal basis, consent,
    retention, roles and whether it is active. 列出用途登记簿。"""
    with open_container() as c:
        reg = c.state.register
    out.print(f"purpose register version {reg.version}")
    print_table(
        ("purpose", "description", "legal basis", "needs consent", "retention", "roles", "active"),
        [
            (
                r.key,
                f"{r.en}\n{r.zh}",
                r.legal_basis.value,
                "yes" if r.needs_consent else "no",
                f"{r.retention_days} days",
                ", ".join(sorted(r.roles)),
                "yes" if r.active else "no",
            )
            for r in sorted(reg.rules.values(), key=lambda r: r.key)
        ],
    )


@app.command("history")
def purpose_history(
    key: Annotated[
        str | None, typer.Argument(help="one purpose, e.g. after_sales; without it, every change")
    ] = None,
) -> None:
    """Every version of the register (or of one purpose): what changed, when and by whom.
    用途登记簿的版本历史。"""
    from piiguard.services.policy import snapshot as policy

    with open_container() as c, refusals():
        if key is not None:
            c.state.register.get(key)
        rows = policy.purpose_history(c.uow(), key)
    table = []
    for version, definition, at, by in rows:
        d = json.loads(definition)
        table.append(
            (
                str(version),
                d["key"],
                at[:16].replace("T", " "),
                by,
                d["legal_basis"],
                "yes" if d["needs_consent"] else "no",
                f"{d['retention_days']} days",
                "yes" if d["active"] else "no",
            )
        )
    print_table(
        (
            "version",
            "purpose",
            "changed at (UTC)",
            "by",
            "legal basis",
            "needs consent",
            "retention",
            "active",
        ),
        table,
        whole=2,
    )
