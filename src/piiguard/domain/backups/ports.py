"""What the backup use cases need from storage and from the machinery that copies,
encrypts and restores databases (adapters/db/backup/, adapters/vault/backup_cipher.py)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from piiguard.domain.backups.model import Backup, BackupKind, Facts, RestoreTest
from piiguard.domain.ports import UnitOfWork


class BackupStore(Protocol):
    """The backup register and its restore tests (uow.backups; adapters/db/stores/backups/)."""

    def add(self, b: Backup) -> None: ...
    def save(self, b: Backup) -> None: ...
    def get(self, backup_id: str) -> Backup | None: ...
    def recent(self, kind: BackupKind | None = None, limit: int = 100) -> list[Backup]: ...
    def newest(self, kind: BackupKind) -> Backup | None:
        """The newest backup of this kind that succeeded and is not pruned."""

    def add_test(self, t: RestoreTest) -> None: ...
    def tests(self, backup_id: str | None = None, limit: int = 100) -> list[RestoreTest]: ...
    def test(self, test_id: str) -> RestoreTest | None: ...
    def claim(self, name: str, now: datetime, until: datetime) -> bool:
        """Take the named step until `until` unless another process holds it."""

    def release(self, name: str) -> None: ...
    def note(self, name: str) -> str:
        """A small marker kept per step (the last escalation sent), "" when none."""

    def set_note(self, name: str, note: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Written:
    """A backup file as written: where, how big, its SHA-256, the KEK version its key is
    wrapped under, and what the copy held."""

    location: str
    size: int
    sha256: str
    kek_version: str
    facts: Facts


class BackupUnreadable(Exception):
    """The file is not a whole, unaltered backup this installation's keys open (flipped
    byte, truncated, another key). The message names what failed, never the content."""


class BackupEngine(Protocol):
    """Copies a database into an encrypted file and back (the database's own tools)."""

    def dialect(self, kind: BackupKind) -> str: ...
    def folder_ok(self, folder: str) -> str:
        """The folder, created if needed; raises InvalidInput when it cannot be used."""

    def create(self, kind: BackupKind, backup_id: str, folder: str) -> Written: ...
    def write_manifest(self, location: str, text: str) -> None: ...
    def read_manifest(self, folder: str, backup_id: str) -> tuple[str, dict[str, object]] | None:
        """(location, manifest) of a backup in a folder, None when absent."""

    def digest(self, location: str) -> tuple[int, str]:
        """(size, SHA-256) of the file as it is now; raises BackupUnreadable when missing."""

    def decrypt(self, location: str, backup_id: str) -> AbstractContextManager[Path]:
        """The plaintext copy in a private temporary file, removed when the block ends."""

    def scratch(self, kind: BackupKind, plain: Path) -> AbstractContextManager[str]:
        """The copy restored into a fresh scratch database (a temporary SQLite file, a new
        PostgreSQL database); yields its URL; dropped when the block ends."""

    def facts_of(self, kind: BackupKind, url: str) -> Facts: ...
    def is_empty(self, kind: BackupKind) -> bool: ...
    def restore(self, kind: BackupKind, plain: Path) -> None:
        """Replace the live database's content with the copy."""

    def delete(self, location: str) -> None: ...
    def witness_upto(self, seq: int) -> str | None:
        """After a data restore: keep the live audit witness file aside and leave in its
        place only the checkpoints up to `seq` (the restored trail's head); the path kept
        aside, None when there was no witness file."""


class BackupUnitOfWork(UnitOfWork, Protocol):
    """The unit of work with the backup register on it (adapters/db/uow.py)."""

    @property
    def backups(self) -> BackupStore: ...
