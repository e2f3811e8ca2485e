"""What every `piiguard` command shares: the consoles, starting the container, printing a
refusal, tables and times. The command modules import from here, never from each other
(a package's own helpers aside, e.g. cli/policy/findings.py's table for cli/policy/exports.py).

Cheap to import on purpose (typer and the domain's errors; rich's console, about 35 ms of
CPU, when something is printed through it): `piiguard --help` and every group's help load no
more than this. What a command needs to run — the container
(bootstrap, SQLAlchemy, Alembic), the services, rich's tables — is imported when it runs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer

from piiguard.domain.errors import AccessDenied, DomainError, Forbidden

if TYPE_CHECKING:
    from rich.console import Console

    from piiguard.bootstrap import Container
    from piiguard.domain.decisions import Actor


class _RunConsole:
    """A rich console made at its first use in each run of the command, so that its width
    and colours follow the environment of that run (COLUMNS, NO_COLOR, ...) — not the one
    this module happened to be imported in, which differs when commands run in process, as
    the tests run them."""

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr)
        return getattr(self._console, name)

    def new_run(self) -> None:
        self._console = None


_out, _err = _RunConsole(stderr=False), _RunConsole(stderr=True)
out = cast("Console", _out)
err = cast("Console", _err)


def new_run() -> None:
    """A run of the command starts (the `piiguard` group's callback): fresh consoles."""
    _out.new_run()
    _err.new_run()


@contextmanager
def open_container(**overrides: Any) -> Iterator[Container]:
    """Start piiguard for one command (migrating on the way), with the settings from the
    environment and `overrides` (a command's options), and close it when the command is done
    (`with open_container() as c:`); a start that fails says what to check and exits 2."""
    from piiguard.bootstrap import bootstrap
    from piiguard.config import Settings

    try:
        c = bootstrap(Settings(**overrides))
    except Exception as exc:
        err.print(
            f"[red]piiguard could not start:[/red] {type(exc).__name__}: {exc}\n"
            "Check PIIGUARD_DATABASE_URL / PIIGUARD_KEYSTORE_URL and that ./var is "
            "writable."
        )
        raise typer.Exit(2) from None
    try:
        yield c
    finally:
        c.close()


def fail(exc: DomainError) -> typer.Exit:
    """Print a refusal with its code and field (and a denied decision's reasons): exit 1.
    In English — the service's own message, which says what to do next — and in Chinese,
    the console's sentence for its code naming the field by its Chinese label
    (web/console/messages.py `message_for`, imported only when something is refused)."""
    from piiguard.web.console.messages import label, message_for, shown_code

    where = f" ({exc.field})" if exc.field else ""
    err.print(f"[red]{exc.code}{where}:[/red] {exc.message}")
    zh = message_for(shown_code(exc), exc.field or "", "zh-CN")
    named = f"「{label(exc.field, 'zh-CN')}」" if exc.field else ""
    if named not in zh:  # the sentence does not name the field: say which it is about
        zh = f"{named}{zh}"
    err.print(zh, soft_wrap=True, markup=False, highlight=False)
    if isinstance(exc, AccessDenied):
        err.print(f"decision {exc.decision_id} (see it: GET /api/v1/decisions/{exc.decision_id})")
        for r in exc.reasons:
            err.print(f"  - {r.code}: {r.en} / {r.zh}")
    return typer.Exit(1)


@contextmanager
def refusals() -> Iterator[None]:
    """A refusal raised inside (a DomainError) is printed as `fail` prints it: exit 1."""
    try:
        yield
    except DomainError as exc:
        raise fail(exc) from None


@contextmanager
def signed_in_officer(c: Container, email: str, password: str, code: str) -> Iterator[Actor]:
    """A member of staff's own account, signed in for a step only a person may take (four
    eyes; the shell's operator is a shared identity): a session opened with their password
    and authenticator code — the sign-in's own throttling, lock-out and audit — and ended
    after the step. The step's service checks the roles."""
    from piiguard.services.staff.kit import staff_actor
    from piiguard.services.staff.login import login_staff, logout_staff

    signed = login_staff(
        c.staff, c.uow(), email, password, totp=code.strip() or None, address="cli"
    )
    who = staff_actor(signed.account)
    try:
        if signed.pending:
            raise Forbidden(
                f"{email} must first finish setting up their account on the console "
                f"({signed.pending})"
            )
        yield who
    finally:
        logout_staff(c.staff, c.uow(), who, signed.token)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], whole: int = 1) -> None:
    """Print a table whose first `whole` columns (ids, keys: for copying) are never wrapped
    or cut; the others wrap, folding long words rather than cutting them. When the whole
    columns and a readable share of the others do not fit the terminal (ids are 36
    characters: two of them and a few more columns at 80), each row is printed as a block
    of `header  value` lines instead — nothing squeezed to nothing, no id cut."""
    from rich.table import Table

    def width(i: int) -> int:
        longest = max((len(r[i]) for r in rows), default=0)
        return max(longest, len(headers[i])) if i < whole else min(max(longest, 5), _READABLE)

    if sum(width(i) + 3 for i in range(len(headers))) + 1 > out.width:
        _print_records(headers, rows)
        return
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


_READABLE = 12  # a column narrower than this is read a few letters a line


def _print_records(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from rich.table import Table

    for n, row in enumerate(rows):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for header, value in zip(headers, row, strict=True):
            if value:
                grid.add_row(header, value)
        if n:
            out.print()
        out.print(grid)


def fmt_at(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def parse_when(text: str, name: str) -> datetime:
    """ISO date or date-time; without a zone it is this machine's local time."""
    try:  # a year the local zone cannot reach (0001-01-01 east of UTC) is a bad value too
        value = datetime.fromisoformat(text.strip())
        return (value if value.tzinfo else value.astimezone()).astimezone(UTC)
    except (ValueError, OverflowError):
        raise typer.BadParameter(
            f"{text!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00] / 请按 YYYY-MM-DD 或 "
            "YYYY-MM-DDTHH:MM[+08:00] 填写日期",
            param_hint=name,
        ) from None


# control characters a text may not hold (tab, line feed and carriage return may): the web's
# rule (web/inputs.py) for what comes in by file — PostgreSQL refuses NUL in text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def read_text_arg(path: Path, hint: str) -> str:
    """The UTF-8 text of a file option ('-': stdin); a missing or unreadable file, or one
    holding a control character, is a usage error naming the option (exit 2), never a
    traceback."""
    try:
        text = (
            typer.get_text_stream("stdin").read()
            if str(path) == "-"
            else path.read_text(encoding="utf-8")
        )
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"{path}: {exc}", param_hint=hint) from None
    found = _CONTROL.search(text)
    if found is not None:
        raise typer.BadParameter(
            f"{path} holds a control character (U+{ord(found.group()):04X})", param_hint=hint
        )
    return text


def read_json_arg(path: Path, hint: str) -> Any:
    """A JSON file option, read as `read_text_arg` reads it; not JSON is a usage error."""
    try:
        return json.loads(read_text_arg(path, hint))
    except ValueError as exc:
        raise typer.BadParameter(f"{path} is not JSON: {exc}", param_hint=hint) from None
