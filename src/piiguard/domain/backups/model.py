"""Backups and restore tests, pure (R5.7, R2.11, R10.2).

A backup is an encrypted copy of one database — the data database (`data`) or the key
store (`keystore`), never both in one file — with a manifest: when, how big, its SHA-256,
the schema revision, the audit chain's head and last checkpoint, the rows per table. A
restore test puts a backup into a scratch database and records each check's result.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from piiguard.domain.errors import InvalidInput

KEYSTORE_TABLE = "subject_keys"  # the key store's table: never in a data backup


class BackupKind(StrEnum):
    DATA = "data"
    KEYSTORE = "keystore"


class BackupStatus(StrEnum):
    OK = "ok"  # written, hashed, manifest beside it
    FAILED = "failed"  # the copy did not finish (the error's type is kept)
    PRUNED = "pruned"  # past its retention: the file is gone, the record stays


@dataclass(frozen=True, slots=True)
class Facts:
    """What the copy itself says, read in the same snapshot the copy was taken in."""

    schema_revision: str
    audit_head_seq: int
    audit_head_hash: str
    checkpoint_seq: int  # last_seq of the newest signed checkpoint, 0 when none
    row_counts: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Backup:
    id: str
    kind: BackupKind
    status: BackupStatus
    created_at: datetime
    by: str  # actor ref (operator:local-operator, system:backups, staff:<id>)
    target: str  # the data-map system key; "" = the default folder
    location: str  # the file's path
    dialect: str  # sqlite | postgresql
    size: int = 0
    sha256: str = ""
    kek_version: str = ""
    facts: Facts | None = None
    expires_at: datetime | None = None
    error: str = ""
    pruned_at: datetime | None = None

    def manifest(self) -> dict[str, object]:
        """The manifest kept beside the file (and in the database): ids, counts and
        hashes only — nothing in it is personal data."""
        f = self.facts
        return {
            "format": MANIFEST_FORMAT,
            "id": self.id,
            "kind": self.kind.value,
            "created_at": self.created_at.isoformat(),
            "by": self.by,
            "target": self.target,
            "file": self.location.rsplit("/", 1)[-1],
            "dialect": self.dialect,
            "size": self.size,
            "sha256": self.sha256,
            "kek_version": self.kek_version,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "schema_revision": f.schema_revision if f else "",
            "audit_head_seq": f.audit_head_seq if f else 0,
            "audit_head_hash": f.audit_head_hash if f else "",
            "checkpoint_seq": f.checkpoint_seq if f else 0,
            "row_counts": dict(f.row_counts) if f else {},
        }


MANIFEST_FORMAT = "piiguard-backup-manifest/1"


def from_manifest(doc: Mapping[str, object], location: str) -> Backup:
    """A backup as its manifest file describes it (a recovery on a host whose database
    is gone reads only the folder)."""
    if doc.get("format") != MANIFEST_FORMAT:
        raise InvalidInput(f"not a piiguard backup manifest ({MANIFEST_FORMAT})", field="id")
    counts = doc.get("row_counts") or {}
    if not isinstance(counts, dict):
        raise InvalidInput("the manifest's row_counts is not a mapping", field="id")
    expires = doc.get("expires_at")
    return Backup(
        str(doc["id"]),
        BackupKind(str(doc["kind"])),
        BackupStatus.OK,
        datetime.fromisoformat(str(doc["created_at"])),
        str(doc.get("by", "")),
        str(doc.get("target", "")),
        location,
        str(doc["dialect"]),
        int(str(doc["size"])),
        str(doc["sha256"]),
        str(doc.get("kek_version", "")),
        Facts(
            str(doc.get("schema_revision", "")),
            int(str(doc.get("audit_head_seq", 0))),
            str(doc.get("audit_head_hash", "")),
            int(str(doc.get("checkpoint_seq", 0))),
            {str(k): int(v) for k, v in counts.items()},
        ),
        datetime.fromisoformat(str(expires)) if expires else None,
    )


def manifest_json(b: Backup) -> str:
    return json.dumps(b.manifest(), indent=2, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Check:
    """One check of a restore test: its name, whether it passed, what it found (counts,
    seqs, hashes, an error's type — never a value)."""

    name: str
    ok: bool
    detail: str = ""


CHECKS = ("file", "decrypt", "restore", "row_counts", "audit", "sample")


@dataclass(frozen=True, slots=True)
class RestoreTest:
    id: str
    backup_id: str
    started_at: datetime
    duration_ms: int
    ok: bool
    by: str
    checks: Sequence[Check] = field(default_factory=tuple)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


@dataclass(frozen=True, slots=True)
class BackupTerms:
    """The schedule (settings PIIGUARD_BACKUP_…; docs/operations.md)."""

    every_hours: float = 24.0
    keep_days: int = 35
    keystore_every_hours: float = 24.0
    keystore_keep_days: int = 7
    restore_test_days: float = 7.0
    sample: int = 20


def check_keystore_keep(keystore_keep_days: int, erasure_days: int) -> None:
    """Crypto-shredding reaches every backup only if no key-store backup outlives the
    erasure deadline: a key-store copy kept longer would still hold an erased person's key."""
    if keystore_keep_days >= erasure_days:
        raise InvalidInput(
            f"key-store backups must be kept fewer days ({keystore_keep_days}) than the "
            f"erasure deadline ({erasure_days} days, PIIGUARD_REQUEST_DUE_DAYS): an older "
            "copy of the key store would still hold an erased person's key",
            field="backup_keystore_keep_days",
        )


def due(last: datetime | None, now: datetime, every: timedelta) -> bool:
    """A scheduled step is due when it never ran or ran `every` ago or longer."""
    return last is None or now - last >= every


class RestoreState(StrEnum):
    OK = "ok"
    FAILED = "failed"  # the newest restore test failed
    OVERDUE = "overdue"  # none within the interval (or never, with a backup to test)
    NO_BACKUP = "no_backup"  # nothing to test yet


@dataclass(frozen=True, slots=True)
class Attention:
    state: RestoreState
    since: datetime | None  # when the newest test ran (None: never)
    test_id: str = ""


def test_state(
    newest: RestoreTest | None, any_backup: bool, now: datetime, interval: timedelta
) -> Attention:
    """Whether the restore tests need a privacy officer's attention: the newest failed,
    or none within `interval` (grace: one interval after the newest, or after start)."""
    if newest is None:
        return Attention(RestoreState.OVERDUE if any_backup else RestoreState.NO_BACKUP, None)
    if not newest.ok:
        return Attention(RestoreState.FAILED, newest.started_at, newest.id)
    if now - newest.started_at > interval:
        return Attention(RestoreState.OVERDUE, newest.started_at, newest.id)
    return Attention(RestoreState.OK, newest.started_at, newest.id)


def to_prune(backups: Sequence[Backup], now: datetime) -> list[Backup]:
    """Backups past their expiry, except the newest good one of each kind (a schedule
    that stopped must not leave nothing to restore)."""
    newest: dict[BackupKind, str] = {}
    for b in sorted(backups, key=lambda b: b.created_at):
        if b.status is BackupStatus.OK:
            newest[b.kind] = b.id
    return [
        b
        for b in backups
        if b.status is BackupStatus.OK
        and b.expires_at is not None
        and b.expires_at <= now
        and (b.kind is BackupKind.KEYSTORE or newest.get(b.kind) != b.id)
    ]
