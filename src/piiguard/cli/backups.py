"""`piiguard backup ...`: backups of the data database and of the key store, encrypted,
restore-tested and restored (R5.7; docs/backups.md, docs/operations.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals

if TYPE_CHECKING:
    from piiguard.bootstrap import Container
    from piiguard.domain.backups.model import RestoreTest
    from piiguard.services.backups._common import BackupKit

app = typer.Typer(
    help="Backups (R5.7): the data database and the key store, each apart, encrypted, "
    "restore-tested with evidence, restored when needed. 备份、恢复测试与恢复。",
    no_args_is_help=True,
)


def _kit(c: Container) -> BackupKit:
    assert c.backups is not None  # noqa: S101 - bootstrap always sets it
    return c.backups


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _print_test(t: RestoreTest) -> None:
    verdict = "[green]passed[/green]" if t.ok else "[red]FAILED[/red]"
    out.print(
        f"restore test {t.id} of backup {t.backup_id}: {verdict} "
        f"({t.duration_ms} ms, {fmt_at(t.started_at)} UTC)"
    )
    for ch in t.checks:
        mark = "✓" if ch.ok else "✗"
        out.print(f"  {mark} {ch.name}: {ch.detail}")


@app.command("create")
def create(
    keystore: Annotated[
        bool, typer.Option("--keystore", help="back up the key store (apart from the data)")
    ] = False,
    target: Annotated[
        str | None,
        typer.Option(
            help="a data-map system of kind backup, approved (default: "
            "PIIGUARD_BACKUP_TARGET, else the folder PIIGUARD_BACKUP_DIR)"
        ),
    ] = None,
) -> None:
    """Take a backup now: a consistent copy with the database's own tool, encrypted, its
    manifest beside it. Prints the id, the file and its SHA-256."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.backups.model import BackupKind
    from piiguard.services.backups.create import create_backup

    kind = BackupKind.KEYSTORE if keystore else BackupKind.DATA
    with open_container() as c, refusals():
        b = create_backup(_kit(c), OPERATOR, kind, target)
    f = b.facts
    out.print(f"backup {b.id} ({b.kind.value}, {b.dialect}) written: {b.location}")
    out.print(f"  {_size(b.size)}, SHA-256 {b.sha256}")
    if f is not None:
        out.print(
            f"  {len(f.row_counts)} tables, {sum(f.row_counts.values())} rows; audit head "
            f"{f.audit_head_seq}; schema {f.schema_revision or '-'}; kept until "
            f"{fmt_at(b.expires_at)} UTC"
        )
    out.print(f"Test it: piiguard backup verify {b.id}")


@app.command("list")
def list_backups(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The backups, newest first, with their newest restore test."""
    with open_container() as c, _kit(c).units() as uow:
        backups = uow.backups.recent(limit=200)
        tests = {}
        for t in reversed(uow.backups.tests(limit=1000)):
            tests[t.backup_id] = t
    if as_json:
        rows = [b.manifest() | {"status": b.status.value, "location": b.location} for b in backups]
        typer.echo(json.dumps(rows, indent=2))
        return
    if not backups:
        out.print("no backups yet: piiguard backup create")
        return
    print_table(
        ["id", "kind", "status", "taken (UTC)", "size", "target", "last restore test"],
        [
            [
                b.id,
                b.kind.value,
                b.status.value,
                fmt_at(b.created_at),
                _size(b.size),
                b.target or "(folder)",
                (
                    ("passed " if tests[b.id].ok else "FAILED ") + fmt_at(tests[b.id].started_at)
                    if b.id in tests
                    else "never"
                ),
            ]
            for b in backups
        ],
    )


@app.command("show")
def show(backup_id: Annotated[str, typer.Argument(help="the backup's id")]) -> None:
    """A backup's manifest and every restore test of it."""
    from piiguard.domain.errors import NotFound

    with open_container() as c, refusals(), _kit(c).units() as uow:
        b = uow.backups.get(backup_id)
        if b is None:
            raise NotFound(f"no backup {backup_id}: piiguard backup list", field="id")
        tests = uow.backups.tests(backup_id)
    out.print(json.dumps(b.manifest() | {"status": b.status.value}, indent=2))
    for t in tests:
        _print_test(t)


@app.command("verify")
def verify(
    backup_id: Annotated[
        str | None, typer.Argument(help="the backup to test (default: the newest data backup)")
    ] = None,
) -> None:
    """Run a restore test now: restore into a scratch database, check the hash, the rows per
    table, the audit trail up to the backup's head and a decrypted sample; record the
    evidence; drop the scratch database. Exit 0 when every check passed, 1 otherwise."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.backups.verify import restore_test

    with open_container() as c, refusals():
        t = restore_test(_kit(c), OPERATOR, backup_id)
    _print_test(t)
    raise typer.Exit(0 if t.ok else 1)


@app.command("restore")
def restore(
    backup_id: Annotated[str, typer.Argument(help="the backup to put back")],
    folder: Annotated[
        str | None,
        typer.Option(help="where the backup is (default: PIIGUARD_BACKUP_DIR)"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="replace a database that is in use (stop the servers first)"),
    ] = False,
) -> None:
    """Put a backup back over the live database (a real recovery; runbook: docs/operations.md,
    Restoring). Needs only the backup's folder and the master key file; refuses a database
    in use without --force. Stop every server and worker first."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.bootstrap.backups import backup_engine
    from piiguard.config import Settings
    from piiguard.domain.backups.model import BackupKind
    from piiguard.domain.backups.ports import BackupUnreadable
    from piiguard.services.backups.restore import note_restore, restore_backup

    try:
        settings = Settings()
        engine = backup_engine(settings)
    except Exception as exc:
        err.print(f"[red]piiguard could not start:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from None
    where = folder or str(settings.backup_folder)
    try:
        with refusals():
            b = restore_backup(engine, where, backup_id, force=force)
    except BackupUnreadable as e:
        err.print(f"[red]backup {backup_id} does not open:[/red] {e}. Nothing was changed.")
        raise typer.Exit(1) from None
    aside = ""
    if b.kind is BackupKind.DATA and b.facts is not None:
        aside = engine.witness_upto(b.facts.audit_head_seq) or ""
    out.print(f"restored backup {b.id} ({b.kind.value}, taken {fmt_at(b.created_at)} UTC)")
    if aside:
        out.print(f"  the live audit witness file was kept aside: {aside}")
    with open_container() as c:
        note_restore(_kit(c), OPERATOR, b, forced=force, witness=aside)
    out.print(
        "Next: piiguard audit verify; piiguard backup verify; then start the servers. "
        "Redo the erasures and corrections made after the backup (docs/operations.md)."
    )


@app.command("run")
def run() -> None:
    """One pass of the backup schedule now (what the worker does every
    PIIGUARD_BACKUP_CHECK_MINUTES): backups and a restore test if due, pruning, escalation."""
    from piiguard.services.backups.job import run_backups

    with open_container() as c:
        report = run_backups(_kit(c))
    out.print(report.summary())
    raise typer.Exit(1 if report.errors or report.failed_tests else 0)
