"""`piiguard request ...` (issue 5): from the host, the queue of the requests of the person
(rights requests) and where each system receives correction and deletion notices. Each
command calls the same services as the web does."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import fmt_at, open_container, out, print_table, refusals
from piiguard.domain.rights.rules import RequestKind

app = typer.Typer(
    help="Requests of the person (R4, R9): the queue, overdue ones first; where systems "
    "receive correction and deletion notices. 个人信息权利请求。",
    no_args_is_help=True,
)


@app.command("list")
def list_(
    kind: Annotated[RequestKind | None, typer.Option(help="only this kind")] = None,
    overdue: Annotated[bool, typer.Option(help="only overdue requests")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """Open requests, overdue first then by due date (no personal details: the console
    shows those to the staff handling them)."""
    from piiguard.domain.rights.ports import QueueFilter
    from piiguard.services.rights.intake import list_requests, request_counts

    with open_container() as c:
        now = c.clock.now()
        rows = list_requests(
            c.uow(), QueueFilter(kind=kind, limit=limit, overdue_at=now if overdue else None)
        )
        n, late = request_counts(c.uow(), now)
    print_table(
        ["id", "kind", "status", "received", "due", "days left", "assignee", "flags"],
        [
            [
                r.id,
                str(r.kind),
                str(r.status),
                fmt_at(r.received_at),
                fmt_at(r.due_at),
                ("OVERDUE " if r.overdue(now) else "") + str(r.days_left(now)),
                r.assignee or "",
                ("excessive " if r.excessive else "") + r.fee,
            ]
            for r in rows
        ],
    )
    out.print(f"{n} open, {late} overdue")


@app.command("webhook")
def webhook(
    system: Annotated[str, typer.Argument(help="the system's key in the data map")],
    url: Annotated[str, typer.Argument(help="https URL the system receives notices at")],
) -> None:
    """Set where a system receives correction and deletion notices (signed JSON, see
    docs/webhooks.md); prints the signing secret once — give it to the system's owner."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.rights.jobs import register_endpoint

    with open_container() as c, refusals():
        secret = register_endpoint(c.uow(), c.requests, OPERATOR, system, url)
    out.print(
        f"{system}: notices go to the URL given. Signing secret (shown once, "
        f"HMAC-SHA256 key as hex):\n{secret}"
    )
