"""What every `piiguard` command shares: the consoles, starting the container, printing a
refusal, tables and times. The command modules (cli/main.py, cli/policy.py, cli/registers.py,
cli/staff.py, cli/rights.py) import from here, never from each other."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.errors import AccessDenied, DomainError

out = Console()
err = Console(stderr=True)


def open_container(**overrides: Any) -> Container:
    """Start piiguard for one command (migrating on the way), with the settings from the
    environment and `overrides` (a command's options); a start that fails says what to
    check and exits 2."""
    try:
        return bootstrap(Settings(**overrides))
    except Exception as exc:
        err.print(f"[red]piiguard could not start:[/red] {type(exc).__name__}: {exc}\n"
                  "Check PIIGUARD_DATABASE_URL / PIIGUARD_KEYSTORE_URL and that ./var is "
                  "writable.")
        raise typer.Exit(2) from None


def fail(exc: DomainError) -> typer.Exit:
    """Print a refusal with its code and field (and a denied decision's reasons): exit 1."""
    where = f" ({exc.field})" if exc.field else ""
    err.print(f"[red]{exc.code}{where}:[/red] {exc.message}")
    if isinstance(exc, AccessDenied):
        err.print(f"decision {exc.decision_id} (see it: GET /api/v1/decisions/{exc.decision_id})")
        for r in exc.reasons:
            err.print(f"  - {r.code}: {r.en} / {r.zh}")
    return typer.Exit(1)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], whole: int = 1) -> None:
    """Print a table whose first `whole` columns (ids, keys: for copying) are never wrapped
    or cut; the others wrap, folding long words rather than cutting them."""
    t = Table(*headers)
    for i, col in enumerate(t.columns):
        if i < whole:
            col.no_wrap = True
            col.min_width = max((len(r[i]) for r in rows), default=len(headers[i]))
        else:
            col.overflow = "fold"
    for row in rows:
        t.add_row(*row)
    out.print(t)


def fmt_at(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def parse_when(text: str, name: str) -> datetime:
    """ISO date or date-time; without a zone it is this machine's local time."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(f"{text!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]",
                                 param_hint=name) from None
    return (value if value.tzinfo else value.astimezone()).astimezone(UTC)
