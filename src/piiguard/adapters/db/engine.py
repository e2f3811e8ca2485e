"""Engines for SQLite (embedded default) and PostgreSQL (production). Nothing else in the
code differs between the two."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """`hide_parameters`: SQLAlchemy's errors (and its echo log, if ever turned on) never
    list a statement's parameters, which are personal data; piiguard/safe_logging.py keeps
    the errors' messages out of the logs anyway."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            # owner-only, like the key files: SQLite gives -wal/-shm the same mode
            os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )
        _sqlite_transactions(engine)
        return engine
    # sessions in UTC: psycopg then hands timestamptz values back under `timezone.utc`
    # itself, which UtcDateTime passes through (a server in "Etc/UTC" or any other zone
    # cost an astimezone per value: a tenth of a disposal's time, docs/benchmarks.md)
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"options": "-c TimeZone=UTC"},
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, start transactions, so a writing unit of work
    can take the write lock up front (BEGIN IMMEDIATE) instead of failing to upgrade a read
    lock later. WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode
    survives a killed process (not a power cut: see docs/security.md)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")
