"""Backups on both databases with the real tools (R5.7, R5.6, R2.11, R10.2): SQLite's
online backup API and pg_dump / pg_restore; encrypted files; restore tests into scratch
databases; corrupted files fail loudly and are recorded; an erased person stays erased in
every backup once the key store has moved on."""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db.backup import DatabaseBackups
from piiguard.adapters.vault.keyfile import LocalKeyProvider, ensure_key_file
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.audit import AuditEvent
from piiguard.domain.backups.model import BackupKind, BackupStatus
from piiguard.domain.errors import Conflict, Forbidden, KeyShredded
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery
from piiguard.services.backups._common import BackupKit
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.job import prune
from piiguard.services.backups.restore import restore_backup
from piiguard.services.backups.verify import restore_test
from piiguard.services.policy.datamap import save_system
from piiguard.services.retention.sweep import dispose_subject_items
from piiguard.services.subjects.erase import erase_subject
from piiguard.services.subjects.read import read_subject_data
from tests.builders import register

pytestmark = pytest.mark.req("R5.7")


def kit(c: Container) -> BackupKit:
    assert c.backups is not None
    return c.backups


def trail(c: Container) -> list[str]:
    with c.uow(readonly=True) as uow:
        return [e.action for e in uow.audit_log.entries(AuditQuery(limit=1000))]


@pytest.mark.req("R10.2")
def test_backup_restore_test_round_trip(c: Container) -> None:
    people = [register(c) for _ in range(3)]
    k = kit(c)
    b = create_backup(k, OPERATOR)
    assert b.status is BackupStatus.OK and b.kind is BackupKind.DATA
    assert b.dialect == c.engine.dialect.name
    assert b.facts is not None
    # the manifest: counts per table, the audit head, the schema revision, size and hash
    assert b.facts.row_counts["subjects"] == 3
    assert b.facts.row_counts["items"] == 9
    assert "subject_keys" not in b.facts.row_counts  # the keys are never in a data backup
    assert b.facts.audit_head_seq > 0 and len(b.facts.audit_head_hash) == 64
    assert b.facts.schema_revision
    path = Path(b.location)
    assert path.stat().st_size == b.size and path.stat().st_mode & 0o077 == 0
    manifest = json.loads(path.with_name(f"{b.id}.manifest.json").read_text())
    assert manifest["sha256"] == b.sha256 and manifest["row_counts"]["items"] == 9
    # encrypted at rest: no table name, no keyed hash of the register in clear
    raw = path.read_bytes()
    assert b"CREATE TABLE" not in raw and b"subjects" not in raw

    # decrypted, the copy holds no key: neither the key store's table nor the key file's keys
    keyfile = json.loads(c.settings.key_file.read_text())
    secrets = [base64.b64decode(v) for v in keyfile["keks"].values()]
    secrets += [base64.b64decode(keyfile[k]) for k in ("blind_index_key", "keyed_hash_key")]
    with k.engine.decrypt(b.location, b.id) as plain:
        copy = plain.read_bytes()
    assert copy and b"subject_keys" not in copy
    assert not [s for s in secrets if s in copy]

    t = restore_test(k, OPERATOR, b.id)
    assert t.ok, t.checks
    assert [ch.name for ch in t.checks] == [
        "file", "decrypt", "restore", "row_counts", "audit", "sample"
    ]  # fmt: skip
    assert t.checks[-1].detail.startswith("9 items of 3 people decrypted")
    assert t.duration_ms >= 0
    with k.units() as uow:
        assert uow.backups.tests(b.id)[0].id == t.id
    done = trail(c)
    assert "backup.create" in done and "backup.restore_test" in done
    # the scratch database is gone
    if c.engine.dialect.name == "postgresql":
        with c.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT datname FROM pg_database").scalars().all()
        mine = f"{c.engine.url.database}_rt_"
        assert not [n for n in names if n.startswith(mine)]
    else:
        assert not list((path.parent / ".work").iterdir())
    assert people


def test_keystore_backup_is_apart(c: Container) -> None:
    register(c)
    k = kit(c)
    data = create_backup(k, OPERATOR, BackupKind.DATA)
    keys = create_backup(k, OPERATOR, BackupKind.KEYSTORE)
    assert keys.facts is not None and keys.facts.row_counts["subject_keys"] == 1
    assert keys.expires_at is not None and data.expires_at is not None
    assert keys.expires_at - keys.created_at == timedelta(days=c.settings.backup_keystore_keep_days)
    assert keys.expires_at < data.expires_at
    t = restore_test(k, OPERATOR, keys.id)
    assert t.ok and [ch.name for ch in t.checks] == ["file", "decrypt", "restore", "row_counts"]


def _corrupt_flip(p: Path) -> None:
    raw = bytearray(p.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    p.write_bytes(bytes(raw))


def _corrupt_truncate(p: Path) -> None:
    raw = p.read_bytes()
    p.write_bytes(raw[: len(raw) - 40])


@pytest.mark.parametrize("damage", [_corrupt_flip, _corrupt_truncate], ids=["flipped", "truncated"])
def test_damaged_backup_fails_its_restore_test_loudly(c: Container, damage: object) -> None:
    register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    damage(Path(b.location))  # type: ignore[operator]
    t = restore_test(k, OPERATOR, b.id)
    assert not t.ok
    by_name = {ch.name: ch for ch in t.checks}
    assert not by_name["file"].ok and "manifest" in by_name["file"].detail
    assert not by_name["decrypt"].ok
    assert "restore" not in by_name  # nothing is restored from a file that does not open
    with k.units() as uow:
        recorded = uow.backups.tests(b.id)
    assert recorded and not recorded[0].ok
    assert "backup.restore_test" in trail(c)


def test_backup_under_another_key_fails(c: Container, tmp_path: Path) -> None:
    register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    other = tmp_path / "other.key"
    ensure_key_file(other)
    wrong = DatabaseBackups(
        {BackupKind.DATA: c.settings.data_url, BackupKind.KEYSTORE: c.settings.keys_url},
        LocalKeyProvider(other),
    )
    t = restore_test(dataclasses.replace(k, engine=wrong), OPERATOR, b.id)
    assert not t.ok
    decrypt = next(ch for ch in t.checks if ch.name == "decrypt")
    assert not decrypt.ok and "key-encryption key" in decrypt.detail
    assert next(ch for ch in t.checks if ch.name == "file").ok  # the file itself is whole


@pytest.mark.req("R2.11")
def test_backup_before_an_erasure_cannot_yield_the_erased_values(
    c: Container, clock: FixedClock
) -> None:
    gone, kept = register(c), register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    keys = create_backup(k, OPERATOR, BackupKind.KEYSTORE)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, gone.subject.id)
    t = restore_test(k, OPERATOR, b.id)
    assert t.ok
    sample = next(ch for ch in t.checks if ch.name == "sample")
    assert "1 people erased since" in sample.detail
    # the restored copy still holds the erased person's ciphertexts; the live key store
    # has no key for them: through a recorded decision in the copy, nothing opens
    with (
        k.engine.decrypt(b.location, b.id) as plain,
        k.engine.scratch(b.kind, plain) as url,
        k.scratch(url) as s,
    ):
        with pytest.raises(KeyShredded):
            read_subject_data(
                s.units(), c.vault, c.clock, OPERATOR, s.policy, gone.subject.id, "after_sales"
            )
        _, items = read_subject_data(
            s.units(), c.vault, c.clock, OPERATOR, s.policy, kept.subject.id, "after_sales"
        )
        assert len(items) == 3
    # the key-store copy taken before the erasure is pruned within its retention, shorter
    # than the erasure deadline: after that no copy anywhere holds the key
    clock.advance(timedelta(days=c.settings.backup_keystore_keep_days, seconds=1))
    assert prune(k) == 1
    assert not Path(keys.location).exists()
    with k.units() as uow:
        assert uow.backups.get(keys.id).status is BackupStatus.PRUNED  # type: ignore[union-attr]
        assert uow.backups.get(b.id).status is BackupStatus.OK  # type: ignore[union-attr]


@pytest.mark.req("R2.11")
def test_a_restore_test_of_a_backup_older_than_a_disposal_passes(c: Container) -> None:
    """Found by the black-box walk: a retention disposal re-keys the people it leaves
    with items (docs/retention.md) — the copy's values of such a person are under a key
    the live key store no longer holds, kept items included. The weekly restore test of
    a backup taken before it counted them as failures and failed; they are counted apart,
    as erased people are."""
    rekeyed, other = register(c), register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    with c.uow(readonly=True) as uow:
        email = next(
            r.id for r in uow.items.records(rekeyed.subject.id) if r.category.endswith("email")
        )
    dispose_subject_items(c.uow(), c.vault, c.clock, OPERATOR, rekeyed.subject.id, [email])
    t = restore_test(k, OPERATOR, b.id)
    sample = next(ch for ch in t.checks if ch.name == "sample")
    assert t.ok and sample.ok, sample.detail
    assert "1 people re-keyed since" in sample.detail and "0 failed" in sample.detail
    assert other.subject.id  # whose items still open: "… of 1 people decrypted"
    assert "of 1 people decrypted" in sample.detail
    assert "vault.integrity_failure" not in trail(c)  # no false alarm to the officers


@pytest.mark.req("R5.6")
def test_target_must_be_an_approved_backup_system(c: Container, tmp_path: Path) -> None:
    register(c)
    k = kit(c)
    folder = tmp_path / "nas"
    system = System(
        "nas-backup", "NAS", "it", "backup", "CN", Approval.PENDING,
        locations=frozenset({str(folder)}),
    )  # fmt: skip
    save_system(c.uow(), c.snapshots, c.clock, OPERATOR, system)
    with pytest.raises(Forbidden) as refused:
        create_backup(k, OPERATOR, target="nas-backup")
    assert refused.value.field == "target" and "approved" in str(refused.value)
    assert "backup.refused" in trail(c)
    assert not folder.exists()
    crm = dataclasses.replace(system, key="crm", kind="crm", status=Approval.APPROVED)
    save_system(c.uow(), c.snapshots, c.clock, OPERATOR, crm)
    with pytest.raises(Forbidden):
        create_backup(k, OPERATOR, target="crm")
    approved = dataclasses.replace(system, status=Approval.APPROVED)
    save_system(c.uow(), c.snapshots, c.clock, OPERATOR, approved)
    b = create_backup(k, OPERATOR, target="nas-backup")
    assert Path(b.location).parent == folder and b.target == "nas-backup"
    assert restore_test(k, OPERATOR, b.id).ok


def test_restore_refuses_a_database_in_use_and_restores_with_force(c: Container) -> None:
    register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    register(c)  # after the backup
    with pytest.raises(Conflict) as refused:
        restore_backup(k.engine, str(Path(b.location).parent), b.id, force=False)
    assert refused.value.field == "force"
    c.engine.dispose()
    restored = restore_backup(k.engine, str(Path(b.location).parent), b.id, force=True)
    assert restored.id == b.id
    c.engine.dispose()
    with c.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM subjects").scalar() == 1
    with c.uow() as uow:
        uow.audit(AuditEvent("test.after_restore", "operator", "x"))
        uow.commit()
