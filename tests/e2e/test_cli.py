"""The `piiguard` command against the test's SQLite files or PostgreSQL databases: init,
client add, subject add/show/erase, keys rotate, audit verify (intact and tampered), help, and
bad input. The commands run in process (tests/e2e/cli_runner.py); `init` and the top level's
help run the installed entry point as a user runs it (a subprocess), proving it starts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer
from sqlalchemy import select, update
from typer.testing import CliRunner

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.cli.main import app
from piiguard.config import Settings
from piiguard.services.staff import accounts as staff_accounts
from piiguard.web.app import create_app
from tests.builders import register
from tests.e2e import cli_runner
from tests.e2e.conftest import PIIGUARD, TestClient, cli_env, counts

KEY_LINE = re.compile(r"^pgk_[0-9a-f]{12}_\S+$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL, NAME = "han.meimei@example.cn", "韩梅梅"


def installed(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a user would; it never shows a traceback."""
    r = subprocess.run(
        [str(PIIGUARD), *args],
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


def piiguard(
    settings: Settings, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command in process, as the installed one runs; it never shows a traceback."""
    r = cli_runner.piiguard(settings, *args, stdin=stdin)
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


@pytest.mark.req("R2.10")
def test_init_prints_a_setup_link_that_works(settings: Settings, container: Container) -> None:
    r = installed(settings, "init")
    assert r.returncode == 0, r.stderr
    links = re.findall(r"http://127\.0\.0\.1:8000/setup\?token=(\S+)", r.stdout)
    assert len(links) == 1, r.stdout
    account = staff_accounts.complete_setup(
        container.staff,
        container.uow(),
        links[0],
        "officer@example.com",
        "Wang Fang",
        "correct horse battery staple",
    )
    assert account.roles == {"admin", "privacy_officer"}


@pytest.mark.req("R2.10")
def test_client_add_prints_the_key_alone_on_the_last_line(
    settings: Settings, container: Container
) -> None:
    r = piiguard(settings, "client", "add", "erp")
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith("\n")
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and KEY_LINE.match(lines[0]), r.stdout
    assert "shown only this once" in r.stderr
    key = lines[0]
    with container.engine.connect() as conn:  # only a hash of the key is stored
        [(client_id, stored)] = conn.execute(
            select(t.system_clients.c.id, t.system_clients.c.key_hash)
        )
    assert key not in stored
    with TestClient(create_app(container)) as api:  # the key opens the API as that client
        res = api.post(
            "/api/v1/subjects",
            headers={"Authorization": f"Bearer {key}"},
            json={"kind": "customer_contact", "items": []},
        )
    assert res.status_code == 201, res.text
    with container.engine.connect() as conn:
        actors = conn.execute(
            select(t.audit_entries.c.actor_kind, t.audit_entries.c.actor_id).where(
                t.audit_entries.c.action == "subject.create"
            )
        ).all()
    assert actors == [("system", client_id)]

    again = piiguard(settings, "client", "add", "erp")  # a second key is never printed
    assert again.returncode == 1
    assert again.stdout == ""
    assert "erp" in again.stderr and "exists" in again.stderr


@pytest.mark.req("R2.2")
@pytest.mark.req("R5.5")
def test_subject_add_show_rotate_erase(settings: Settings, container: Container) -> None:
    r = piiguard(
        settings,
        "subject",
        "add",
        "--kind",
        "customer_contact",
        "--item",
        f"user.contact.email={EMAIL}",
        "--item",
        f"user.name={NAME}",
        "--channel",
        "email",
    )
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 1 and UUID.match(r.stdout.strip()), r.stdout
    sid = r.stdout.strip()

    shown = piiguard(settings, "subject", "show", sid)
    assert shown.returncode == 0, shown.stderr
    assert "user.contact.email" in shown.stdout and "user.name" in shown.stdout
    assert re.search(r"│ email\s+│", shown.stdout), shown.stdout  # the channel, not a value
    assert EMAIL not in shown.stdout + shown.stderr and NAME not in shown.stdout + shown.stderr

    with container.engine.connect() as conn:
        before = dict(conn.execute(select(t.items.c.id, t.items.c.ciphertext)).all())
    rotated = piiguard(settings, "keys", "rotate")
    assert rotated.returncode == 0, rotated.stderr
    assert "re-wrapped" in rotated.stdout
    with container.engine.connect() as conn:  # data ciphertexts untouched by rotation
        assert dict(conn.execute(select(t.items.c.id, t.items.c.ciphertext)).all()) == before
    with container.keys_engine.connect() as conn:
        versions = set(conn.execute(select(subject_keys.c.kek_version)).scalars())
    assert len(versions) == 1 and f"KEK version {versions.pop()} is current" in rotated.stdout

    read = piiguard(settings, "subject", "show", sid, "--purpose", "after_sales")
    assert read.returncode == 0, read.stderr
    assert EMAIL in read.stdout and NAME in read.stdout
    assert re.search(r"decision [0-9a-f-]{36}: allowed", read.stderr), read.stderr

    erased = piiguard(settings, "subject", "erase", sid, "--yes")
    assert erased.returncode == 0, erased.stderr
    assert "2 item(s) deleted" in erased.stdout and "shredded" in erased.stdout
    gone = piiguard(settings, "subject", "show", sid)
    assert gone.returncode == 1
    assert "not-found" in gone.stderr and sid in gone.stderr

    with container.engine.connect() as conn:
        trail = conn.execute(
            select(
                t.audit_entries.c.action, t.audit_entries.c.actor_kind, t.audit_entries.c.actor_id
            )
            .where(t.audit_entries.c.subject_id == sid)
            .order_by(t.audit_entries.c.seq)
        ).all()
    assert [a for a, _, _ in trail] == [
        "subject.create",
        "subject.describe",
        "data.read",
        "subject.erase",
        "key.shred",
    ]
    assert {(k, i) for _, k, i in trail} == {("operator", OPERATOR.id)}


@pytest.mark.req("R5.1")
def test_audit_verify_passes_then_names_the_tampered_entry(
    settings: Settings, container: Container
) -> None:
    for _ in range(3):
        register(container)
    ok = piiguard(settings, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "intact" in ok.stdout

    with container.engine.begin() as conn:
        conn.execute(
            update(t.audit_entries)
            .where(t.audit_entries.c.seq == 2)
            .values(details='{"kind":"customer_contact","items":[]}')
        )
    bad = piiguard(settings, "audit", "verify")
    assert bad.returncode == 1
    assert "NOT intact" in bad.stderr
    assert re.search(r"first bad entry 2\b", bad.stderr), bad.stderr


# --- help and bad input --------------------------------------------------------------------


def _leaves(cmd: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every command that does something, by its path (typer's groups have `commands`)."""
    subs: dict[str, Any] | None = getattr(cmd, "commands", None)
    if subs is None:
        return {path: cmd}
    return {k: v for name, sub in subs.items() for k, v in _leaves(sub, (*path, name)).items()}


@pytest.mark.req("R5.1")
def test_every_command_explains_itself(tmp_path: Path) -> None:
    root = typer.main.get_command(app)
    leaves = _leaves(root)
    for expected in (
        ("init",),
        ("serve",),
        ("client", "add"),
        ("subject", "add"),
        ("subject", "show"),
        ("subject", "erase"),
        ("keys", "rotate"),
        ("audit", "verify"),
    ):
        assert expected in leaves
    # the top level (the installed command) and each group list their commands with help
    settings = Settings(var_dir=tmp_path / "var")
    # every group of the command tree, the top level first (read from the tree: a new group
    # is covered the day it lands)
    groups = sorted({leaf[:-1] for leaf in leaves})
    outs = [installed(settings, "--help")] + [piiguard(settings, *g, "--help") for g in groups[1:]]
    for group, r in zip(groups, outs, strict=True):
        assert r.returncode == 0, (group, r.stderr)
        assert "Usage: piiguard" in r.stdout
    listed = {g: r.stdout for g, r in zip(groups, outs, strict=True)}
    for leaf in leaves:
        assert re.search(rf"│ {leaf[-1]}\s+\S", listed[leaf[:-1]]), (leaf, listed[leaf[:-1]])
    # every leaf's own --help (in process: one interpreter start per command is slow)
    runner = CliRunner()
    for leaf, cmd in leaves.items():
        r = runner.invoke(app, [*leaf, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0, (leaf, r.output)
        assert re.search(rf"Usage: \S+ {' '.join(leaf)}\b", r.output), (leaf, r.output)
        summary = " ".join((cmd.help or "").split())
        assert len(summary) > 20, leaf  # a sentence, not a word
        assert summary[:40] in " ".join(r.output.split()), (leaf, r.output)


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("backend", ["sqlite"])
def test_bad_input_says_what_to_do_and_writes_nothing(
    settings: Settings, container: Container
) -> None:
    sid = register(container).subject.id
    before = counts(container)
    cases = [
        (
            ["subject", "add", "--kind", "customer_contact", "--item", "nodelimiter"],
            2,
            ["CATEGORY=VALUE", "user.contact.email="],
        ),
        (
            ["subject", "add", "--kind", "customer_contact", "--item", "user.shoe_size=42"],
            1,
            ["unknown-category", "user.shoe_size", "taxonomy"],
        ),
        (
            ["subject", "add", "--kind", "martian", "--item", f"user.contact.email={EMAIL}"],
            1,
            ["martian", "customer_contact"],
        ),
        (
            [
                "subject",
                "add",
                "--kind",
                "customer_contact",
                "--item",
                "user.contact.email=",
                "--channel",
                "fax",
            ],
            2,
            ["--channel", "web"],
        ),
    ]
    outs = [piiguard(settings, *args) for args, _, _ in cases]
    for (args, code, words), r in zip(cases, outs, strict=True):
        assert r.returncode == code, (args, r.stdout, r.stderr)
        assert r.stdout == "", (args, r.stdout)
        for w in words:
            assert w in r.stderr, (args, w, r.stderr)
    refused = piiguard(settings, "subject", "erase", sid, stdin="n\n")  # asks first
    assert refused.returncode == 1
    assert "Aborted" in refused.stderr
    with container.engine.connect() as conn:
        assert (
            conn.execute(select(t.subjects.c.erased_at).where(t.subjects.c.id == sid)).scalar_one()
            is None
        )
    assert counts(container) == before
