"""`piiguard backup …` as the operator runs it, on SQLite and PostgreSQL (R5.7, R5.6):
create, list, show, verify (passed, and a damaged file FAILED with exit 1), a target the
data map does not approve refused, and a real recovery — refused over a database in use,
done with --force, after which `piiguard audit verify` passes (the live witness kept aside)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.policy.datamap import save_system
from tests.builders import register
from tests.e2e.cli_runner import piiguard

pytestmark = pytest.mark.req("R5.7")
ID = re.compile(r"backup ([0-9a-f-]{36}) \(data")


def test_backup_cli_round_trip_and_recovery(container: Container) -> None:
    s = container.settings
    register(container)
    assert piiguard(s, "audit", "checkpoint").returncode == 0
    made = piiguard(s, "backup", "create")
    assert made.returncode == 0, made.stderr
    backup_id = ID.search(made.stdout).group(1)  # type: ignore[union-attr]
    assert "SHA-256" in made.stdout and f"piiguard backup verify {backup_id}" in made.stdout
    keys = piiguard(s, "backup", "create", "--keystore")
    assert keys.returncode == 0 and "(keystore" in keys.stdout

    listed = piiguard(s, "backup", "list")
    assert backup_id in listed.stdout and "never" in listed.stdout
    as_json = json.loads(piiguard(s, "backup", "list", "--json").stdout)
    assert {b["kind"] for b in as_json} == {"data", "keystore"}

    checked = piiguard(s, "backup", "verify", backup_id)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "passed" in checked.stdout and "✓ sample" in checked.stdout
    shown = piiguard(s, "backup", "show", backup_id)
    assert '"sha256"' in shown.stdout and "passed" in shown.stdout

    # after the backup: more data, a checkpoint the backup does not hold
    later = register(container)
    assert piiguard(s, "audit", "checkpoint").returncode == 0

    refused = piiguard(s, "backup", "restore", backup_id)
    assert refused.returncode == 1 and "(force)" in refused.stderr and "--force" in refused.stderr
    container.engine.dispose()
    done = piiguard(s, "backup", "restore", backup_id, "--force")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kept aside" in done.stdout
    container.engine.dispose()
    with container.engine.connect() as conn:
        ids = set(conn.exec_driver_sql("SELECT id FROM subjects").scalars())
    assert later.subject.id not in ids and len(ids) == 1
    verified = piiguard(s, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert list(Path(s.witness_file).parent.glob("audit-witness.jsonl.before-restore-*"))
    # nothing personal on the terminal
    for out in (made.stdout, checked.stdout, shown.stdout, done.stdout):
        assert "example.cn" not in out and "李雷" not in out


def test_damaged_backup_fails_verify(container: Container) -> None:
    s = container.settings
    register(container)
    made = piiguard(s, "backup", "create")
    backup_id = ID.search(made.stdout).group(1)  # type: ignore[union-attr]
    path = Path(s.backup_folder) / f"{backup_id}.pgbak"
    raw = bytearray(path.read_bytes())
    raw[200] ^= 0xFF
    path.write_bytes(bytes(raw))
    r = piiguard(s, "backup", "verify", backup_id)
    assert r.returncode == 1
    assert "FAILED" in r.stdout and "✗ file" in r.stdout and "✗ decrypt" in r.stdout
    bad = piiguard(s, "backup", "restore", backup_id, "--force")
    assert bad.returncode == 1 and "does not match its manifest" in bad.stderr


@pytest.mark.req("R5.6")
def test_unapproved_target_is_refused(container: Container, tmp_path: Path) -> None:
    s = container.settings
    system = System(
        "tape", "Tape library", "it", "backup", "CN", Approval.PENDING,
        locations=frozenset({str(tmp_path / "tape")}),
    )  # fmt: skip
    save_system(container.uow(), container.snapshots, container.clock, OPERATOR, system)
    r = piiguard(s, "backup", "create", "--target", "tape")
    assert r.returncode == 1 and "(target)" in r.stderr and "approved" in r.stderr
    missing = piiguard(s, "backup", "create", "--target", "nowhere")
    assert missing.returncode == 1 and "data map" in missing.stderr


def test_retiring_the_kek_of_kept_backups_is_refused(container: Container) -> None:
    s = container.settings
    register(container)
    made = piiguard(s, "backup", "create")
    backup_id = ID.search(made.stdout).group(1)  # type: ignore[union-attr]
    assert piiguard(s, "keys", "rotate").returncode == 0
    # after the rotation the backup still opens: its key is wrapped under version 1, kept
    assert piiguard(s, "backup", "verify", backup_id).returncode == 0
    refused = piiguard(s, "keys", "retire", "1")
    assert refused.returncode == 1 and "(version)" in refused.stderr
    assert "1 kept backup(s)" in refused.stderr and "--abandon-backups" in refused.stderr
    assert piiguard(s, "keys", "retire", "1", "--abandon-backups").returncode == 0
    lost = piiguard(s, "backup", "verify", backup_id)
    assert lost.returncode == 1 and "✗ decrypt" in lost.stdout and "version 1" in lost.stdout
