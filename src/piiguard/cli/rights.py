"""`piiguard worker` and `piiguard request ...` (issue 5): the background worker for the
requests of the person — reminders and escalations, webhooks to systems, replies, the SMTP
listener — and, from the host, the queue, a webhook endpoint per system. Each command calls
the same services as the web does; `register(app)` adds them to the `piiguard` command."""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Annotated

import typer

from piiguard.bootstrap import OPERATOR, Background
from piiguard.cli.common import fail, fmt_at, open_container, out, print_table
from piiguard.domain.errors import DomainError
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestKind
from piiguard.services.rights.intake import list_requests, request_counts
from piiguard.services.rights.jobs import register_endpoint

request_app = typer.Typer(
    help="Requests of the person (R4, R9): the queue, overdue ones first; where systems "
         "receive correction and deletion notices. 个人信息权利请求。",
    no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(request_app, name="request")
    app.command("worker")(worker)


def worker(once: Annotated[bool, typer.Option(
               help="run every job once (catching up on anything due) and exit — for cron "
                    "or a check")] = False,
           inbox: Annotated[bool, typer.Option(
               help="run the SMTP listener for the privacy mailboxes (PIIGUARD_INBOX_PORT, "
                    "PIIGUARD_PRIVACY_MAILBOXES)")] = True) -> None:
    """Run the request jobs every PIIGUARD_SCHEDULER_SECONDS: reminders 7/3/1 days before a
    request is due, escalation to the privacy officers when overdue, signed webhooks to the
    systems holding corrected or deleted data (retried until confirmed), replies the mail
    server refused. Set PIIGUARD_SCHEDULER=off on the `serve` processes when this runs
    apart. Ctrl-C stops it."""
    c = open_container()
    bg = Background(c, jobs=not once, inbox=inbox and not once)
    try:
        if once:
            r = bg.run_once()
            out.print(f"notices {r.notices}, webhook deliveries {r.deliveries}, replies "
                      f"{r.replies}, requests carried out {r.advanced}, unconfirmed requests "
                      f"closed {r.expired}, failed jobs {r.errors}")
            if r.errors:
                raise typer.Exit(1)
            return
        bg.start()
        where = (f"SMTP listener on {c.settings.inbox_host}:{bg.inbox.port}"
                 if bg.inbox is not None else "no SMTP listener")
        out.print(f"piiguard worker: jobs every {c.settings.scheduler_seconds:.0f} s, {where}. "
                  "Ctrl-C stops.")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    finally:
        bg.stop()
        c.close()


@request_app.command("list")
def list_(kind: Annotated[RequestKind | None, typer.Option(help="only this kind")] = None,
          overdue: Annotated[bool, typer.Option(help="only overdue requests")] = False,
          limit: Annotated[int, typer.Option(min=1, max=1000)] = 50) -> None:
    """Open requests, overdue first then by due date (no personal details: the console
    shows those to the staff handling them)."""
    c = open_container()
    try:
        now = c.clock.now()
        rows = list_requests(c.uow(), QueueFilter(kind=kind, limit=limit,
                                                  overdue_at=now if overdue else None))
        n, late = request_counts(c.uow(), now)
    finally:
        c.close()
    print_table(["id", "kind", "status", "received", "due", "days left", "assignee", "flags"],
           [[r.id, str(r.kind), str(r.status), fmt_at(r.received_at), fmt_at(r.due_at),
             ("OVERDUE " if r.overdue(now) else "") + str(r.days_left(now)),
             r.assignee or "", ("excessive " if r.excessive else "") + r.fee] for r in rows])
    out.print(f"{n} open, {late} overdue")


@request_app.command("webhook")
def webhook(system: Annotated[str, typer.Argument(help="the system's key in the data map")],
            url: Annotated[str, typer.Argument(help="https URL the system receives notices "
                                                    "at")]) -> None:
    """Set where a system receives correction and deletion notices (signed JSON, see
    docs/webhooks.md); prints the signing secret once — give it to the system's owner."""
    c = open_container()
    try:
        secret = register_endpoint(c.uow(), c.requests, OPERATOR, system, url)
    except DomainError as exc:
        raise fail(exc) from None
    finally:
        c.close()
    out.print(f"{system}: notices go to the URL given. Signing secret (shown once, "
              f"HMAC-SHA256 key as hex):\n{secret}")
