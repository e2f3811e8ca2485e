"""`piiguard evidence ...`: the signed evidence report (R10.2, R10.3; docs/accountability.md)
— make one (HTML or PDF) from this installation's live state, check one's signature."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import err, open_container, out, refusals

app = typer.Typer(
    help="The signed evidence report (R10.2, R10.3): for every requirement the control, the "
    "tests that prove it and this installation's live evidence; HTML or PDF, signed with the "
    "audit signing key. 合规证据报告（签名）。",
    no_args_is_help=True,
)


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"


@app.command("report")
def evidence_report(
    fmt: Annotated[Format, typer.Option("--format", help="html or pdf")] = Format.HTML,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="write the report here (default: piiguard-evidence-<time>.<format> in the "
            "current folder)",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Make a signed evidence report from the live state (recorded on the audit trail). The
    file's last line is its Ed25519 signature over the SHA-256 of the rest: check it with
    `piiguard evidence verify FILE`. 生成签名的合规证据报告。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.bootstrap.evidence import evidence_report as make
    from piiguard.services.evidence.sign import Format as Kind

    with open_container() as c, refusals():
        made = make(c, OPERATOR, Kind(fmt.value))
    target = out_file or Path(made.filename)
    target.write_bytes(made.data)
    counts = made.report.counts
    out.print(f"Wrote {target} ({len(made.data)} bytes).", markup=False, highlight=False)
    out.print(
        f"report {made.report.id}  sha256 {made.signed.sha256}  key {made.signed.key_id}\n"
        f"{counts['requirements']} requirements, {counts['with_tests']} proved by a test, "
        f"{counts['attention']} live item(s) needing attention.",
        markup=False,
        highlight=False,
    )


@app.command("verify")
def evidence_verify(
    file: Annotated[
        Path, typer.Argument(help="the report (HTML or PDF)", exists=True, dir_okay=False)
    ],
) -> None:
    """Check that FILE is a report this installation signed and that not one byte of it has
    changed since. Exit 0 when it holds, 1 when it does not (saying why). 校验报告签名。"""
    from piiguard.bootstrap.evidence import verify_evidence

    with open_container() as c, refusals():
        verdict = verify_evidence(c, file.read_bytes())
    s = verdict.signed
    if s is not None:
        out.print(
            f"report {s.report_id} ({s.format}), signed {s.signed_at} with key {s.key_id}\n"
            f"sha256 {s.sha256}",
            markup=False,
            highlight=False,
        )
    if not verdict.ok:
        err.print(f"NOT VALID: {verdict.problem}", markup=False, highlight=False)
        raise typer.Exit(1)
    out.print("OK: the signature is valid and the report is unchanged.")
