"""SQLite: a consistent copy through the online backup API (readers and the writer go on
meanwhile; WAL), restored the same way into a temporary file or over the live file."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from piiguard.adapters.db.backup.facts import Sink, in_use, private_dir, read_facts
from piiguard.domain.backups.model import Facts
from piiguard.domain.backups.ports import BackupUnreadable
from piiguard.domain.errors import InvalidInput

_READ = 1 << 20


def sqlite_path(url: str) -> Path:
    db = make_url(url).database
    if not db or db == ":memory:":
        raise InvalidInput("an in-memory SQLite database cannot be backed up", field="database")
    return Path(db)


def _copy(src: Path, dst: Path, *, durable: bool = True) -> None:
    """`durable=False`: a private temporary copy, read at once and removed — no fsync."""
    with closing(sqlite3.connect(src)) as s, closing(sqlite3.connect(dst)) as d:
        s.execute("PRAGMA busy_timeout=30000")
        if not durable:
            d.execute("PRAGMA synchronous=OFF")
            d.execute("PRAGMA journal_mode=OFF")
        s.backup(d)  # one step: the copy is one consistent snapshot


def facts_at(path: Path) -> Facts:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return read_facts(conn)
    finally:
        engine.dispose()


def copy_to(url: str, sink: Sink, workdir: Path) -> Facts:
    """Copy the database at `url` into a private temporary file, read its facts there (the
    copy's own snapshot), stream it into `sink`, remove it."""
    src = sqlite_path(url)
    wal = src.with_name(src.name + "-wal")
    need = src.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    with tempfile.TemporaryDirectory(dir=private_dir(need, workdir), prefix="copy-") as tmp:
        dst = Path(tmp) / "copy.db"
        _copy(src, dst, durable=False)
        facts = facts_at(dst)
        with dst.open("rb") as fh:
            while block := fh.read(_READ):
                sink.write(block)
    return facts


@contextmanager
def scratch(plain: Path) -> Iterator[str]:
    """The decrypted copy is itself the scratch database: a private temporary file (removed
    with its folder when the restore test ends), opened as it is — no second copy. A file
    that is not a SQLite database fails here (BackupUnreadable)."""
    try:
        with closing(sqlite3.connect(plain)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise BackupUnreadable(f"the copy is not a SQLite database ({type(e).__name__})") from None
    yield f"sqlite:///{plain}"


def is_empty(url: str) -> bool:
    path = sqlite_path(url)
    if not path.exists() or path.stat().st_size == 0:
        return True
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return not in_use(conn)
    finally:
        engine.dispose()


def restore_over(plain: Path, url: str) -> None:
    """Replace the live file's content with the copy (the backup API writes every page of
    the destination; its log is folded in). Servers using the file must be stopped."""
    path = sqlite_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    _copy(plain, path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
