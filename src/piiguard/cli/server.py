"""`piiguard init` and `piiguard serve`: create ./var, migrate, seed the policy, print the
first login link and how to back up each store; then serve the API and pages."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import err, open_container, out

if TYPE_CHECKING:
    from piiguard.bootstrap import Container
    from piiguard.config import Settings


def _init(c: Container, base_url: str, *, backups: bool = True) -> None:
    from piiguard.bootstrap import OPERATOR, policy_text
    from piiguard.services.setup import initialise

    done = initialise(
        c.uow(), c.vault, c.clock, OPERATOR, policy_text(), c.settings.setup_token_hours
    )
    s = c.settings
    typer.echo(f"piiguard ready — data: {s.data_url.split('@')[-1]}")
    typer.echo(f"                 keys: {s.keys_url.split('@')[-1]}")
    for path in c.created:
        out.print(f"  created {path} (mode 0600) — keep it out of the data backups")
    if done.policy_published:
        out.print("  published the shipped privacy policy as version 1")
    if done.keys_swept:
        out.print(f"  finished shredding the keys of {done.keys_swept} erased subject(s)")
    if done.setup_token:
        out.print(
            "\n[bold]First login[/bold]: open this one-time link (valid "
            f"{s.setup_token_hours:g} h) and create the privacy officer's account:"
        )
        typer.echo(f"  {base_url}/setup?token={done.setup_token}")  # never wrapped: copy it whole
        out.print(
            "Systems get API keys with: piiguard client add NAME "
            "(the command is in .venv/bin after `make run`)"
        )
    if backups:
        _backups_note(s)


def _copy_command(url: str, name: str) -> str:
    """How to copy one database while piiguard writes to it, consistent to a transaction."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        return f'sqlite3 {shlex.quote(path)} ".backup /backups/{name}/{name}-$(date +%F).db"'
    if url.startswith("postgresql"):
        plain = re.sub(r"^postgresql\+\w+://", "postgresql://", url.split("?", 1)[0])
        plain = re.sub(r"://([^:/@]+):[^@/]*@", r"://\1@", plain)  # never print a password
        return f"pg_dump -Fc -f /backups/{name}/{name}-$(date +%F).dump {shlex.quote(plain)}"
    return "the database's own online backup tool"


def _backups_note(s: Settings) -> None:
    """How the stores are backed up: `piiguard backup` (docs/backups.md), or by hand with
    each database's own online copy (docs/operations.md). A plain `cp` of a live SQLite
    file misses what sits in its -wal file."""
    out.print(
        f"\n[bold]Backups[/bold] — the worker's `backups` job takes them (daily, encrypted, "
        f"to {s.backup_folder}) and restore-tests them weekly; now: `piiguard backup create` "
        "and `piiguard backup create --keystore` (keep the key store's on other storage). "
        "/ 备份：worker 的 backups 任务每日加密备份并每周做恢复测试。"
    )
    out.print(
        "By hand: each store on its own, never with a plain `cp` of a live "
        "SQLite file (its latest writes sit in the -wal file beside it) / 手工备份：各存储分别"
        "备份，切勿直接 cp 运行中的 SQLite 文件（最新写入在 -wal 文件中）:"
    )
    typer.echo(f"  data:      {_copy_command(s.data_url, 'piiguard')}")
    typer.echo(f"  key store: {_copy_command(s.keys_url, 'keystore')}")
    typer.echo(
        f"  key files: {s.key_file}, {s.signing_key_file}, {s.witness_file} — "
        "copied to a third place"
    )
    out.print(
        "  (or VACUUM INTO 'file' on a SQLite file.) Never keep the key store or the key "
        "files with the data backups; keep key-store copies 7 days at most. Restoring "
        "and upgrades: docs/operations.md."
    )


def _requests_line(c: Container) -> None:
    """Where people make requests, and where their mail goes (R9.1)."""
    s = c.settings
    inbox = (
        f"; requests by mail to {', '.join(s.privacy_mailboxes)} on port {s.inbox_port}"
        if s.inbox_port
        else ""
    )
    out.print(
        f"Privacy centre for the people whose data it is: {s.public_url}/privacy{inbox}.\n"
        f"Codes and replies go out through SMTP {s.smtp_host}:{s.smtp_port} "
        "(PIIGUARD_SMTP_HOST / PIIGUARD_SMTP_PORT); their links start with "
        f"{s.public_url} (PIIGUARD_PUBLIC_URL).",
        markup=False,
    )


def init() -> None:
    """Create ./var (database, key store, master key, audit signing key), migrate, seed the
    policy, print the one-time link that sets up the first staff account and how to back up
    each store."""
    with open_container() as c:
        _init(c, f"http://{c.settings.host}:{c.settings.port}")


def serve(
    host: Annotated[str | None, typer.Option(help="bind address")] = None,
    port: Annotated[int | None, typer.Option(help="port (PIIGUARD_PORT)")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="server processes sharing the port (PIIGUARD_WORKERS); "
            "on PostgreSQL one per core, on SQLite keep 1",
        ),
    ] = None,
    access_log: Annotated[
        bool,
        typer.Option(
            help="log every HTTP request (off: the audit trail records every use of "
            "personal data, and request paths carry subject ids)"
        ),
    ] = False,
) -> None:
    """Initialise (as `init`) and serve the API and pages. Ctrl-C stops it (exit 0)."""
    from rich.markup import escape

    from piiguard.bootstrap import bootstrap
    from piiguard.config import public_url_warnings
    from piiguard.web.app import create_app
    from piiguard.web.server import serve as run_server

    # the options are settings too, so that the links in mail follow --host and --port
    with open_container(**{k: v for k, v in (("host", host), ("port", port)) if v}) as c:
        host, port = c.settings.host, c.settings.port
        workers = workers or c.settings.workers
        url = f"http://{host}:{port}"
        _init(c, url, backups=bool(c.created))  # the backup note at the first start
        _requests_line(c)
        for warning in public_url_warnings(c.settings, host, port):
            err.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        processes = f" with {workers} processes" if workers > 1 else ""
        out.print(f"\nServing on [bold]{url}[/bold]{processes}")
        out.print(
            f"  Staff console / 员工控制台: [bold]{url}/console[/bold]\n"
            f"  Privacy centre / 隐私中心:  {url}/privacy\n"
            f"  API docs: {url}/docs   health: {url}/healthz"
        )
        if workers == 1:
            run_server(lambda: create_app(c), host, port, access_log=access_log)
            return
        settings = c.settings
        if settings.data_url.startswith("sqlite"):
            err.print(
                "[yellow]note:[/yellow] SQLite has one writer: several processes take "
                "turns at its lock with polling back-off, which shows as tail latency. "
                "One process is the better choice on SQLite; --workers pays off on "
                "PostgreSQL."
            )
    # closed: each worker opens its own connections after the fork
    run_server(
        lambda: create_app(bootstrap(settings, migrate=False)),
        host,
        port,
        workers=workers,
        access_log=access_log,
    )
