"""`piiguard audit ...`: the tamper-evident audit trail — verify it whole, sign a checkpoint."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from piiguard.cli.common import err, open_container, out

app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)


@app.command("verify")
def audit_verify(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Check the whole trail: exit 0 when intact, 1 naming the first bad entry."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.audit import note_verification, verify_audit

    with open_container() as c:
        report = verify_audit(c.uow(readonly=True), c.signer)
        note_verification(c.uow(), OPERATOR, report)
    first = report.first
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "ok": report.ok,
                    "entries": report.entries,
                    "checkpoints": report.checkpoints,
                    "first_bad_seq": first.seq if first else None,
                    "problems": [p.what for p in report.problems],
                }
            )
        )
    elif first is None:
        out.print(
            f"audit trail intact: {report.entries} entries, "
            f"{report.checkpoints} signed checkpoint(s)"
        )
    else:
        err.print(f"[red]audit trail NOT intact[/red] — first bad entry {first.seq}: {first.what}")
    raise typer.Exit(0 if report.ok else 1)


@app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign a checkpoint over the entries since the last one (the server does this on a
    timer and at shutdown)."""
    from piiguard.services.audit import record_checkpoint

    with open_container() as c:
        cp = record_checkpoint(c.uow(), c.signer, c.clock)
    out.print(
        "nothing new to checkpoint"
        if cp is None
        else f"checkpoint signed over entries {cp.first_seq}–{cp.last_seq}"
    )
