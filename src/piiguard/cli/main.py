"""The `piiguard` command: the same use cases as the web API, for the operator on the host.

Every command migrates the database on start and acts as the local operator (audited as
operator:local-operator).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from datetime import timedelta
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from piiguard.bootstrap import OPERATOR, Container, bootstrap, policy_text
from piiguard.cli.common import err, fail, open_container, out
from piiguard.cli.policy import register as register_policy_commands
from piiguard.cli.registers import register as register_register_commands
from piiguard.cli.rights import register as register_request_commands
from piiguard.cli.staff import register as register_staff_commands
from piiguard.config import Settings, public_url_warnings
from piiguard.domain.decisions import Scope
from piiguard.domain.errors import DomainError
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.scanner.cli import Seen, configure_report, scan
from piiguard.services import keys
from piiguard.services.audit import note_verification, record_checkpoint, verify_audit
from piiguard.services.clients import api_keys as accounts
from piiguard.services.policy.discovery import Discovered, report_discoveries
from piiguard.services.setup import initialise
from piiguard.services.subjects.erase import erase_subject, sweep_keys
from piiguard.services.subjects.read import describe_subject, read_subject_data
from piiguard.services.subjects.register import ItemInput, SubjectInput, register_subjects

app = typer.Typer(help="piiguard — personal data held, used and proved as the privacy policy "
                       "promises. Settings come from PIIGUARD_* environment variables "
                       "(see docs/operations.md).", no_args_is_help=True,
                  pretty_exceptions_enable=False)
client_app = typer.Typer(help="System clients (ERP, CRM, ...) that call the API with a key.",
                         no_args_is_help=True)
subject_app = typer.Typer(help="Subjects (the people the data is about) and their data.",
                          no_args_is_help=True)
keys_app = typer.Typer(help="Key-encryption keys: rotate, retire, status.", no_args_is_help=True)
audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
app.add_typer(client_app, name="client")
app.add_typer(subject_app, name="subject")
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")
register_policy_commands(app)
register_register_commands(app)
register_staff_commands(app)
register_request_commands(app)



def _init(c: Container, base_url: str, *, backups: bool = True) -> None:
    done = initialise(c.uow(), c.vault, c.clock, OPERATOR, policy_text(),
                      c.settings.setup_token_hours)
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
        out.print("\n[bold]First login[/bold]: open this one-time link (valid "
                  f"{s.setup_token_hours:g} h) and create the privacy officer's account:")
        typer.echo(f"  {base_url}/setup?token={done.setup_token}")  # never wrapped: copy it whole
        out.print("Systems get API keys with: piiguard client add NAME "
                  "(the command is in .venv/bin after `make run`)")
    if backups:
        _backups_note(s)


def _copy_command(url: str, name: str) -> str:
    """How to copy one database while piiguard writes to it, consistent to a transaction."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        return (f"sqlite3 {shlex.quote(path)} "
                f"\".backup /backups/{name}/{name}-$(date +%F).db\"")
    if url.startswith("postgresql"):
        plain = re.sub(r"^postgresql\+\w+://", "postgresql://", url.split("?", 1)[0])
        plain = re.sub(r"://([^:/@]+):[^@/]*@", r"://\1@", plain)  # never print a password
        return f"pg_dump -Fc -f /backups/{name}/{name}-$(date +%F).dump {shlex.quote(plain)}"
    return "the database's own online backup tool"


def _backups_note(s: Settings) -> None:
    """How to back up each store safely, until `piiguard backup` exists (docs/operations.md).
    A plain `cp` of a live SQLite file misses what sits in its -wal file."""
    out.print("\n[bold]Backups[/bold] — each store on its own, never with a plain `cp` of a live "
              "SQLite file (its latest writes sit in the -wal file beside it) / 备份：各存储分别"
              "备份，切勿直接 cp 运行中的 SQLite 文件（最新写入在 -wal 文件中）:")
    typer.echo(f"  data:      {_copy_command(s.data_url, 'piiguard')}")
    typer.echo(f"  key store: {_copy_command(s.keys_url, 'keystore')}")
    typer.echo(f"  key files: {s.key_file}, {s.signing_key_file}, {s.witness_file} — "
               "copied to a third place")
    out.print("  (or VACUUM INTO 'file' on a SQLite file.) Never keep the key store or the key "
              "files with the data backups; keep key-store copies 7 days at most. Restoring "
              "and upgrades: docs/operations.md.")


def _requests_line(c: Container) -> None:
    """Where people make requests, and where their mail goes (R9.1)."""
    s = c.settings
    inbox = (f"; requests by mail to {', '.join(s.privacy_mailboxes)} on port {s.inbox_port}"
             if s.inbox_port else "")
    out.print(f"Privacy centre for the people whose data it is: {s.public_url}/privacy{inbox}.\n"
              f"Codes and replies go out through SMTP {s.smtp_host}:{s.smtp_port} "
              "(PIIGUARD_SMTP_HOST / PIIGUARD_SMTP_PORT); their links start with "
              f"{s.public_url} (PIIGUARD_PUBLIC_URL).", markup=False)


@app.command()
def init() -> None:
    """Create ./var (database, key store, master key, audit signing key), migrate, seed the
    policy, print the one-time link that sets up the first staff account and how to back up
    each store."""
    c = open_container()
    _init(c, f"http://{c.settings.host}:{c.settings.port}")
    c.close()


@app.command()
def serve(host: Annotated[str | None, typer.Option(help="bind address")] = None,
          port: Annotated[int | None, typer.Option(help="port (PIIGUARD_PORT)")] = None,
          workers: Annotated[int | None, typer.Option(
              min=1, max=64, help="server processes sharing the port (PIIGUARD_WORKERS); "
              "on PostgreSQL one per core, on SQLite keep 1")] = None,
          access_log: Annotated[bool, typer.Option(
              help="log every HTTP request (off: the audit trail records every use of "
              "personal data, and request paths carry subject ids)")] = False) -> None:
    """Initialise (as `init`) and serve the API and pages. Ctrl-C stops it (exit 0)."""
    # Imported here: the web stack costs ~0.3 s that every other command would pay.
    from piiguard.web.app import create_app  # noqa: PLC0415
    from piiguard.web.server import serve as run_server  # noqa: PLC0415

    # the options are settings too, so that the links in mail follow --host and --port
    c = open_container(**{k: v for k, v in (("host", host), ("port", port)) if v})
    host, port = c.settings.host, c.settings.port
    workers = workers or c.settings.workers
    url = f"http://{host}:{port}"
    _init(c, url, backups=bool(c.created))  # the backup note at the first start
    _requests_line(c)
    for warning in public_url_warnings(c.settings, host, port):
        err.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    out.print(f"\nServing on [bold]{url}[/bold]  (API docs: {url}/docs, health: {url}/healthz)"
              + (f" with {workers} processes" if workers > 1 else ""))
    if workers == 1:
        run_server(lambda: create_app(c), host, port, access_log=access_log)
        return
    settings = c.settings
    if settings.data_url.startswith("sqlite"):
        err.print("[yellow]note:[/yellow] SQLite has one writer: several processes take turns "
                  "at its lock with polling back-off, which shows as tail latency. One process "
                  "is the better choice on SQLite; --workers pays off on PostgreSQL.")
    c.close()  # each worker opens its own connections after the fork
    run_server(lambda: create_app(bootstrap(settings, migrate=False)), host, port,
               workers=workers, access_log=access_log)


PurposeOpt = Annotated[list[str] | None, typer.Option(
    "--purpose", help="a purpose the key may be used for, repeatable (default: every purpose "
                      "the register allows systems)")]
CategoryOpt = Annotated[list[str] | None, typer.Option(
    "--category", help="a data category (and its subtree) the key may reach, repeatable, "
                       "e.g. user.contact (default: every category)")]


def _scope(c: Container, purpose: list[str] | None, category: list[str] | None
           ) -> Scope | None:
    return accounts.check_scope(c.state, frozenset(purpose) if purpose else None,
                                frozenset(category) if category else None)


def _scope_text(scope: Scope | None) -> str:
    if scope is None:
        return "every purpose and category"
    parts = []
    if scope.purposes is not None:
        parts.append("purposes " + ", ".join(sorted(scope.purposes)))
    if scope.categories is not None:
        parts.append("categories " + ", ".join(sorted(scope.categories)))
    return "; ".join(parts)


@client_app.command("add")
def client_add(name: Annotated[str, typer.Argument(help="system name, e.g. erp or crm")],
               purpose: PurposeOpt = None, category: CategoryOpt = None) -> None:
    """Register a system client, its key scoped to purposes and categories; the API key is
    printed once, alone on the last line."""
    c = open_container()
    try:
        client, key = accounts.add_client(c.uow(), c.clock, OPERATOR, name,
                                          _scope(c, purpose, category))
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"client {client.name} ({client.id}) registered for "
              f"{_scope_text(client.scope)}. Its API key follows; it is shown only this "
              "once. Send it as `Authorization: Bearer <key>`.")
    typer.echo(key)


@client_app.command("scope")
def client_scope(name: str, purpose: PurposeOpt = None, category: CategoryOpt = None) -> None:
    """Set what a client's key may be used for (no options: no limit). The next decision
    already holds to it; a running server picks it up within PIIGUARD_API_KEY_CACHE_SECONDS."""
    c = open_container()
    try:
        scope = _scope(c, purpose, category)
        accounts.scope_client(c.uow(), OPERATOR, name, scope)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"client {name}: {_scope_text(scope)}")


@client_app.command("rotate")
def client_rotate(name: str, overlap_hours: Annotated[float, typer.Option(
        min=0, max=720, help="how long the current key keeps working, to switch the system "
                             "over without an outage")] = 24.0) -> None:
    """A new API key for a client, printed once on the last line; the current key keeps
    working for --overlap-hours, then stops."""
    c = open_container()
    try:
        _, key = accounts.rotate_client_key(c.uow(), c.clock, OPERATOR, name,
                                            timedelta(hours=overlap_hours))
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"client {name}: new API key below, shown only this once; the previous key "
              f"works for {overlap_hours:g} more hour(s).")
    typer.echo(key)


@client_app.command("list")
def client_list() -> None:
    """List system clients with their keys' scope (never the keys)."""
    c = open_container()
    t = Table("name", "id", "key may be used for", "state")
    t.columns[1].no_wrap = True
    t.columns[2].overflow = "fold"
    for cl in accounts.list_clients(c.uow()):
        state = (f"revoked {cl.revoked_at:%Y-%m-%d %H:%M}" if cl.revoked_at else
                 f"previous key until {cl.previous_expires_at:%Y-%m-%d %H:%M}"
                 if cl.previous_expires_at and cl.previous_expires_at > c.clock.now()
                 else "active")
        t.add_row(cl.name, cl.id, _scope_text(cl.scope), state)
    out.print(t)


@client_app.command("revoke")
def client_revoke(name: str) -> None:
    """Revoke a system client's key at once."""
    c = open_container()
    try:
        accounts.revoke_client(c.uow(), c.clock, OPERATOR, name)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"client {name} revoked")


def _parse_item(spec: str, channel: Channel, basis: LegalBasis, source: str,
                purposes: tuple[str, ...] | None) -> ItemInput:
    if "=" not in spec:
        raise typer.BadParameter(f"{spec!r}: use CATEGORY=VALUE, e.g. user.contact.email=a@b.cn")
    cat, value = spec.split("=", 1)
    return ItemInput(cat.strip(), value, channel, basis, source, purposes=purposes)


@subject_app.command("add")
def subject_add(
    kind: Annotated[str, typer.Option(help="customer_contact, partner_contact, guardian, ...")],
    item: Annotated[list[str] | None, typer.Option(
        help="CATEGORY=VALUE, repeatable; `-` reads one per line from stdin (keeps values "
             "out of shell history)")] = None,
    channel: Annotated[Channel, typer.Option(help="how the data was collected")] = Channel.PHONE,
    legal_basis: Annotated[LegalBasis, typer.Option()] = LegalBasis.CONTRACT,
    source: Annotated[str, typer.Option(help="source system")] = "piiguard-cli",
    purpose: Annotated[list[str] | None, typer.Option(
        help="a purpose declared to the person at collection, repeatable, for every item; "
             "each must be one the purpose register allows for every item's category; "
             "default: the register's purposes for each category that need no consent")] = None,
) -> None:
    """Register a subject with its items; prints the subject id."""
    specs = list(item or [])
    if specs == ["-"]:
        specs = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    c = open_container()
    try:
        [r] = register_subjects(
            c.uow(), c.vault, c.clock, OPERATOR, c.state,
            [SubjectInput(kind, [
                _parse_item(s, channel, legal_basis, source,
                            tuple(purpose) if purpose else None) for s in specs])],
            default_system=c.settings.default_system)
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"subject registered with {len(r.items)} item(s)")
    typer.echo(r.subject.id)


@subject_app.command("show")
def subject_show(
    subject_id: str,
    purpose: Annotated[str | None, typer.Option(
        help="show values for this declared purpose (the read is decided and recorded); "
             "without it, only categories and provenance")] = None,
) -> None:
    """Show what is held on a subject."""
    c = open_container()
    try:
        if purpose is None:
            _, records = describe_subject(c.uow(), OPERATOR, subject_id)
            rows = [(r.category, r.provenance.channel.value, r.held_in, "", r.id)
                    for r in records]
        else:
            recorded, items = read_subject_data(
                c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, subject_id, purpose)
            d = recorded.decision
            err.print(f"decision {d.id}: {d.outcome}"
                      + (f" (refused: {', '.join(sorted(d.refused))})" if d.refused else ""),
                      soft_wrap=True)
            rows = [(i.record.category, i.record.provenance.channel.value, i.record.held_in,
                     i.value if i.value is not None else "(credential)", i.record.id)
                    for i in items]
    except DomainError as exc:
        raise fail(exc) from None
    t = Table("category", "channel", "held in", "value", "item")
    t.columns[4].no_wrap = True  # ids are for copying: never cut
    t.columns[4].min_width = 36
    for row in rows:
        t.add_row(*row)
    out.print(t)


@subject_app.command("erase")
def subject_erase(subject_id: str,
                  yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False) -> None:
    """Erase a subject: delete its items and destroy its data key (crypto-shredding)."""
    if not yes:
        typer.confirm(f"Erase subject {subject_id}? This cannot be undone", abort=True)
    c = open_container()
    try:
        e = erase_subject(c.uow(), c.vault, c.clock, OPERATOR, subject_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"erased {subject_id}: {e.items_deleted} item(s) deleted, key "
              f"{'shredded' if e.key_shredded else 'pending (run `piiguard keys sweep`)'}")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Re-wrap every subject key under a new KEK version (data ciphertexts untouched)."""
    c = open_container()
    r = keys.rotate_keys(c.uow(), c.vault, OPERATOR, c.staff.box)
    out.print(f"KEK version {r.new_version} is current; {r.rewrapped} subject key(s) re-wrapped;"
              f" in use: {r.versions_in_use or '{}'}")


@keys_app.command("retire")
def keys_retire(version: str) -> None:
    """Destroy an old KEK version once no subject key uses it."""
    c = open_container()
    try:
        keys.retire_key(c.uow(), c.vault, OPERATOR, version)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"KEK version {version} retired")


@keys_app.command("sweep")
def keys_sweep() -> None:
    """Finish crypto-shredding for erased subjects whose key is still stored."""
    c = open_container()
    out.print(f"shredded {sweep_keys(c.uow(), c.vault, OPERATOR)} key(s)")


@audit_app.command("verify")
def audit_verify(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Check the whole trail: exit 0 when intact, 1 naming the first bad entry."""
    c = open_container()
    report = verify_audit(c.uow(readonly=True), c.signer)
    note_verification(c.uow(), OPERATOR, report)
    first = report.first
    if as_json:
        typer.echo(json.dumps({"ok": report.ok, "entries": report.entries,
                               "checkpoints": report.checkpoints,
                               "first_bad_seq": first.seq if first else None,
                               "problems": [p.what for p in report.problems]}))
    elif first is None:
        out.print(f"audit trail intact: {report.entries} entries, "
                  f"{report.checkpoints} signed checkpoint(s)")
    else:
        err.print(f"[red]audit trail NOT intact[/red] — first bad entry {first.seq}: "
                  f"{first.what}")
    raise typer.Exit(0 if report.ok else 1)


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign a checkpoint over the entries since the last one (the server does this on a
    timer and at shutdown)."""
    c = open_container()
    cp = record_checkpoint(c.uow(), c.signer, c.clock)
    out.print("nothing new to checkpoint" if cp is None else
              f"checkpoint signed over entries {cp.first_seq}–{cp.last_seq}")


def _report_to_data_map(seen: list[Seen]) -> str:
    """`piiguard scan --report`: what the scan saw, against the data map (R2.7, R6.3)."""
    c = open_container()
    r = report_discoveries(c.uow(), c.snapshots, c.clock, OPERATOR,
                           [Discovered(s.source, s.category, s.child) for s in seen])
    lines = [f"data map: {len(r.opened)} new finding(s), {r.already_known} already known, "
             f"{r.registered} where a designated system registers it"]
    lines += [f"  {f.kind}: {f.category} at {f.source} (finding {f.id})" for f in r.opened]
    if r.opened:
        lines.append("follow them up: GET /api/v1/findings (assign, fix or accept the risk)")
    return "\n".join(lines)


def _child_age() -> int:
    """PIIGUARD_CHILD_AGE, read when `scan --report` asks: read at import, a setting that
    does not parse would break every command with a traceback before it could say which."""
    try:
        return Settings().child_age
    except ValueError as exc:  # pydantic's ValidationError names the setting
        err.print(f"[red]piiguard could not start:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


# The discovery scanner stands beside the core (scanner/); its command joins here, with the
# data map plugged in for --report.
configure_report(_report_to_data_map, _child_age)
app.command("scan")(scan)
