"""`piiguard scan`: the discovery scanner (scanner/, which stands beside the core) with the
data map plugged in for `--report` (R2.7, R6.3). The scanner's engines load when a scan runs,
so `piiguard scan --help` starts at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from piiguard.scanner.cli import configure_report, scan

if TYPE_CHECKING:
    from piiguard.scanner.cli import Seen

__all__ = ["scan"]


def _report_to_data_map(seen: list[Seen]) -> str:
    """`piiguard scan --report`: what the scan saw, against the data map (R2.7, R6.3)."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.cli.common import open_container  # rich's console: only where it is used
    from piiguard.services.policy.discovery import Discovered, report_discoveries

    with open_container() as c:
        r = report_discoveries(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            [Discovered(s.source, s.category, s.child) for s in seen],
        )
    lines = [
        f"data map: {len(r.opened)} new finding(s), {r.already_known} already known, "
        f"{r.registered} where a designated system registers it"
    ]
    lines += [f"  {f.kind}: {f.category} at {f.source} (finding {f.id})" for f in r.opened]
    if r.opened:
        lines.append("follow them up: GET /api/v1/findings (assign, fix or accept the risk)")
    return "\n".join(lines)


def _child_age() -> int:
    """PIIGUARD_CHILD_AGE, read when `scan --report` asks: read at import, a setting that
    does not parse would break every command with a traceback before it could say which."""
    from rich.markup import escape

    from piiguard.cli.common import err
    from piiguard.config import Settings

    try:
        return Settings().child_age
    except ValueError as exc:  # pydantic's ValidationError names the setting
        err.print(f"[red]piiguard could not start:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


configure_report(_report_to_data_map, _child_age)
