"""What a database copy holds, read through one connection (one snapshot): its Alembic
revision, the audit chain's head and newest checkpoint, and the rows of every table."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, inspect, text

from piiguard.domain.backups.model import Facts


class Sink(Protocol):
    """Where a copy is streamed (the encrypting writer)."""

    def write(self, data: bytes, /) -> int: ...


def private_dir(need: int, fallback: Path) -> Path:
    """Where a plaintext copy of `need` bytes is kept for the moment it is read: the
    memory-backed /dev/shm when it holds four times that in free memory (the copy then never
    reaches a disk, and the extra write costs no I/O), else `fallback` (the target's .work/).
    Either way inside a 0700 temporary directory removed at once."""
    shm = Path("/dev/shm")  # noqa: S108 - a private 0700 directory is made inside
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = next(
            int(line.split()[1])
            for line in meminfo.splitlines()
            if line.startswith("MemAvailable:")
        )
    except (OSError, StopIteration, ValueError):
        return fallback
    if shm.is_dir() and os.access(shm, os.W_OK) and need * 4 < kb * 1024:
        return shm
    return fallback


def _quoted(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def read_facts(conn: Connection) -> Facts:
    tables = sorted(inspect(conn).get_table_names())
    counts = {
        name: int(conn.execute(text(f"SELECT COUNT(*) FROM {_quoted(conn, name)}")).scalar_one())  # noqa: S608 - names from the catalogue
        for name in tables
    }
    revision = ""
    if "alembic_version" in tables:
        revision = str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or "")
    seq, head = 0, ""
    if "audit_head" in tables:
        row = conn.execute(text("SELECT seq, entry_hash FROM audit_head WHERE id = 1")).first()
        if row is not None:
            seq, head = int(row[0]), str(row[1])
    checkpoint = 0
    if "audit_checkpoints" in tables:
        checkpoint = int(
            conn.execute(text("SELECT COALESCE(MAX(last_seq), 0) FROM audit_checkpoints")).scalar()
            or 0
        )
    return Facts(revision, seq, head, checkpoint, counts)


# what makes a data database "in use": any of these holding a row (docs/operations.md)
IN_USE = ("subjects", "items", "staff_accounts", "data_requests", "decisions", "subject_keys")


def in_use(conn: Connection) -> bool:
    tables = set(inspect(conn).get_table_names())
    for name in IN_USE:
        if name in tables:
            q = text(f"SELECT 1 FROM {_quoted(conn, name)} LIMIT 1")  # noqa: S608 - fixed names
            if conn.execute(q).first() is not None:
                return True
    return False
