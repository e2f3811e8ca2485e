"""`piiguard category ...`: the company's own data categories (R2.1), each under an existing
one and never weaker than it — add, retire."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import open_container, out, refusals
from piiguard.domain.taxonomy import Lookup, Tier

app = typer.Typer(
    help="The company's own data categories (R2.1), each under an existing one and never "
    "weaker than it: add, retire. 公司数据类别。",
    no_args_is_help=True,
)


@app.command("add")
def category_add(
    key: Annotated[
        str, typer.Argument(help="dotted, under an existing category, e.g. user.contact.wechat_id")
    ],
    name: Annotated[str, typer.Option(help="name in English")],
    name_zh: Annotated[str, typer.Option(help="name in Chinese")],
    tier: Annotated[
        Tier | None, typer.Option(help="sensitivity; default: its parent's (never weaker)")
    ] = None,
    lookup: Annotated[
        Lookup, typer.Option(help="how values are normalised for look-up")
    ] = Lookup.NONE,
    description: Annotated[str, typer.Option(help="what it covers")] = "",
) -> None:
    """Add a company data category under an existing one. 新增公司数据类别。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.taxonomy import Category
    from piiguard.services.policy import snapshot as policy

    with open_container() as c, refusals():
        cat = policy.add_category(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            Category(
                key, name, name_zh, tier or Tier.ORDINARY, description, lookup, origin="company"
            ),
        )
    out.print(f"category {cat.key} added ({cat.tier})")


@app.command("retire")
def category_retire(key: str) -> None:
    """Retire a company category: deleted when no data has it, otherwise deprecated (kept
    for the data that has it, refused for new data). 停用公司数据类别。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import snapshot as policy

    with open_container() as c, refusals():
        outcome = policy.retire_category(c.uow(), c.snapshots, c.clock, OPERATOR, key)
    out.print(f"category {key} {outcome}")
