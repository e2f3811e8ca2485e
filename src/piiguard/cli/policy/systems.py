"""`piiguard system ...`: the data map's designated systems (R2.7, R5.6) — register one
(pending), approve it (and its cloud provider), retire it, list them."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, open_container, out, print_table, refusals

app = typer.Typer(
    help="The data map's designated systems (R2.7, R5.6): register, approve, retire, list. "
    "Personal data flows only to an approved system. 指定系统。",
    no_args_is_help=True,
)


@app.command("add")
def system_add(
    key: Annotated[str, typer.Argument(help="short name, e.g. crm or erp-de")],
    name: Annotated[str, typer.Option(help="display name")],
    owner: Annotated[str, typer.Option(help="who answers for it (a team or a person)")],
    kind: Annotated[str, typer.Option(help="erp, crm, after_sales, email, file_share, ...")],
    region: Annotated[str, typer.Option(help="country it runs in, ISO code: CN, DE, ...")],
    cloud_provider: Annotated[
        str | None, typer.Option(help="its cloud provider, if any; it must be approved too")
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(help="a data category it holds, repeatable (user.contact.email)"),
    ] = None,
    purpose: Annotated[
        list[str] | None, typer.Option(help="a purpose it serves, repeatable (after_sales)")
    ] = None,
    location: Annotated[
        list[str] | None,
        typer.Option(
            help="where it keeps data, repeatable: a path prefix or a database URL without "
            "password (the scanner uses it)"
        ),
    ] = None,
) -> None:
    """Register a designated system in the data map. It starts pending: nothing flows to it
    until `piiguard system approve`. 登记指定系统（待批准）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.errors import Conflict
    from piiguard.domain.policy.datamap import Approval, System
    from piiguard.services.policy import datamap

    with open_container() as c, refusals():
        if key in c.state.systems:
            raise Conflict(
                f"system {key!r} is already in the data map; approve or retire "
                "it, or change it with PUT /api/v1/systems/{key}",
                field="key",
            )
        s = datamap.register_system(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            System(
                key,
                name,
                owner,
                kind,
                region,
                Approval.PENDING,
                cloud_provider,
                False,
                frozenset(category or ()),
                frozenset(purpose or ()),
                frozenset(location or ()),
            ),
        )
    out.print(
        f"system {s.key} registered ({s.region}), pending approval: piiguard system approve {s.key}"
    )


@app.command("approve")
def system_approve(
    key: str,
    cloud_approved: Annotated[
        bool, typer.Option("--cloud-approved", help="approve its cloud provider as well")
    ] = False,
) -> None:
    """Approve a system: personal data may flow to it (and, with --cloud-approved, through
    its cloud provider). 批准指定系统。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.policy.datamap import Approval
    from piiguard.services.policy import datamap

    with open_container() as c, refusals():
        s = datamap.set_system_status(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            key,
            Approval.APPROVED,
            cloud_approved=True if cloud_approved else None,
        )
    out.print(f"system {s.key} approved ({s.region})")
    if not s.usable:
        err.print(
            f"its cloud provider {s.cloud_provider} is not approved: nothing flows to "
            "it until you run this again with --cloud-approved"
        )


@app.command("retire")
def system_retire(key: str) -> None:
    """Retire a system: no personal data flows to it any more. 停用指定系统。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.policy.datamap import Approval
    from piiguard.services.policy import datamap

    with open_container() as c, refusals():
        s = datamap.set_system_status(
            c.uow(), c.snapshots, c.clock, OPERATOR, key, Approval.RETIRED
        )
    out.print(f"system {s.key} retired")


@app.command("list")
def system_list() -> None:
    """List the data map's systems with their approval, region, categories and purposes.
    列出指定系统。"""
    from piiguard.services.policy import datamap

    with open_container() as c:
        found = datamap.list_systems(c.uow(), c.snapshots)
    rows = []
    for s in found:
        cloud = (
            f"{s.cloud_provider} ({'approved' if s.cloud_approved else 'not approved'})"
            if s.cloud_provider
            else ""
        )
        rows.append(
            (
                s.key,
                s.status.value,
                s.region,
                s.name,
                s.owner,
                s.kind,
                cloud,
                ", ".join(sorted(s.categories)),
                ", ".join(sorted(s.purposes)),
            )
        )
    print_table(
        ("system", "status", "region", "name", "owner", "kind", "cloud", "categories", "purposes"),
        rows,
    )
