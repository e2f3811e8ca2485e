"""`piiguard worker`: the background jobs apart from the server — reminders and escalations
of the requests of the person, webhooks to systems, replies, the SMTP listener (issue 5)."""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Annotated

import typer

from piiguard.cli.common import open_container, out


def worker(
    once: Annotated[
        bool,
        typer.Option(
            help="run every job once (catching up on anything due) and exit — for cron or a check"
        ),
    ] = False,
    inbox: Annotated[
        bool,
        typer.Option(
            help="run the SMTP listener for the privacy mailboxes (PIIGUARD_INBOX_PORT, "
            "PIIGUARD_PRIVACY_MAILBOXES)"
        ),
    ] = True,
) -> None:
    """Run the request jobs every PIIGUARD_SCHEDULER_SECONDS: reminders 7/3/1 days before a
    request is due, escalation to the privacy officers when overdue, signed webhooks to the
    systems holding corrected or deleted data (retried until confirmed), replies the mail
    server refused. Set PIIGUARD_SCHEDULER=off on the `serve` processes when this runs
    apart. Ctrl-C stops it."""
    from piiguard.bootstrap.jobs import Background

    with open_container() as c:
        bg = Background(c, jobs=not once, inbox=inbox and not once)
        try:
            if once:
                reports = bg.run_once()
                for r in reports.values():
                    out.print(r.summary())
                if any(r.errors for r in reports.values()):
                    raise typer.Exit(1)
                return
            bg.start()
            where = (
                f"SMTP listener on {c.settings.inbox_host}:{bg.inbox.port}"
                if bg.inbox is not None
                else "no SMTP listener"
            )
            out.print(f"piiguard worker: {bg.describe()}, {where}. Ctrl-C stops.", soft_wrap=True)
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            with contextlib.suppress(KeyboardInterrupt):
                stop.wait()
        finally:
            bg.stop()
