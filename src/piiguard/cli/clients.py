"""`piiguard client ...`: the systems (ERP, CRM, ...) that call the API with a key — add one,
scope its key to purposes and categories, rotate the key with an overlap, list, revoke."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import err, open_container, out, refusals

if TYPE_CHECKING:
    from piiguard.bootstrap import Container
    from piiguard.domain.decisions import Scope

app = typer.Typer(
    help="System clients (ERP, CRM, ...) that call the API with a key.", no_args_is_help=True
)

PurposeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--purpose",
        help="a purpose the key may be used for, repeatable (default: every purpose "
        "the register allows systems)",
    ),
]
CategoryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        help="a data category (and its subtree) the key may reach, repeatable, "
        "e.g. user.contact (default: every category)",
    ),
]


def _scope(c: Container, purpose: list[str] | None, category: list[str] | None) -> Scope | None:
    from piiguard.services.clients import api_keys as accounts

    return accounts.check_scope(
        c.state, frozenset(purpose) if purpose else None, frozenset(category) if category else None
    )


def _scope_text(scope: Scope | None) -> str:
    if scope is None:
        return "every purpose and category"
    parts = []
    if scope.purposes is not None:
        parts.append("purposes " + ", ".join(sorted(scope.purposes)))
    if scope.categories is not None:
        parts.append("categories " + ", ".join(sorted(scope.categories)))
    return "; ".join(parts)


@app.command("add")
def client_add(
    name: Annotated[str, typer.Argument(help="system name, e.g. erp or crm")],
    purpose: PurposeOpt = None,
    category: CategoryOpt = None,
) -> None:
    """Register a system client, its key scoped to purposes and categories; the API key is
    printed once, alone on the last line."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.clients import api_keys as accounts

    with open_container() as c, refusals():
        client, key = accounts.add_client(
            c.uow(), c.clock, OPERATOR, name, _scope(c, purpose, category)
        )
    err.print(
        f"client {client.name} ({client.id}) registered for "
        f"{_scope_text(client.scope)}. Its API key follows; it is shown only this "
        "once. Send it as `Authorization: Bearer <key>`."
    )
    typer.echo(key)


@app.command("scope")
def client_scope(name: str, purpose: PurposeOpt = None, category: CategoryOpt = None) -> None:
    """Set what a client's key may be used for (no options: no limit). The next decision
    already holds to it; a running server picks it up within PIIGUARD_API_KEY_CACHE_SECONDS."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.clients import api_keys as accounts

    with open_container() as c, refusals():
        scope = _scope(c, purpose, category)
        accounts.scope_client(c.uow(), OPERATOR, name, scope)
    out.print(f"client {name}: {_scope_text(scope)}")


@app.command("rotate")
def client_rotate(
    name: str,
    overlap_hours: Annotated[
        float,
        typer.Option(
            min=0,
            max=720,
            help="how long the current key keeps working, to switch the system "
            "over without an outage",
        ),
    ] = 24.0,
) -> None:
    """A new API key for a client, printed once on the last line; the current key keeps
    working for --overlap-hours, then stops."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.clients import api_keys as accounts

    with open_container() as c, refusals():
        _, key = accounts.rotate_client_key(
            c.uow(), c.clock, OPERATOR, name, timedelta(hours=overlap_hours)
        )
    err.print(
        f"client {name}: new API key below, shown only this once; the previous key "
        f"works for {overlap_hours:g} more hour(s)."
    )
    typer.echo(key)


@app.command("list")
def client_list() -> None:
    """List system clients with their keys' scope (never the keys)."""
    from rich.table import Table

    from piiguard.services.clients import api_keys as accounts

    with open_container() as c:
        t = Table("name", "id", "key may be used for", "state")
        t.columns[1].no_wrap = True
        t.columns[2].overflow = "fold"
        for cl in accounts.list_clients(c.uow()):
            state = (
                f"revoked {cl.revoked_at:%Y-%m-%d %H:%M}"
                if cl.revoked_at
                else f"previous key until {cl.previous_expires_at:%Y-%m-%d %H:%M}"
                if cl.previous_expires_at and cl.previous_expires_at > c.clock.now()
                else "active"
            )
            t.add_row(cl.name, cl.id, _scope_text(cl.scope), state)
    out.print(t)


@app.command("revoke")
def client_revoke(name: str) -> None:
    """Revoke a system client's key at once."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.clients import api_keys as accounts

    with open_container() as c, refusals():
        accounts.revoke_client(c.uow(), c.clock, OPERATOR, name)
    out.print(f"client {name} revoked")
