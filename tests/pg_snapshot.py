"""The PostgreSQL half's seeded state, captured once per test process and put back per test.

The SQLite half copies a seeded template (files); PostgreSQL had each test delete every row
and the container seed the reference data again (the purposes, retention minimums,
departments, obligations, ... : seven units of work, ~0.09 s of client CPU a test). Here the
pair is seeded once, as the SQLite template is (`bootstrap` on the system clock), its rows,
sequences and key files captured, and each test gets them back in one transaction: every
table emptied, one multi-row INSERT per seeded table, the sequences set where they were.
The container a test then bootstraps finds its reference data there and adds nothing, as on
SQLite (tests/integration/test_pg_snapshot.py compares the two row for row).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, insert, select, text

from piiguard.adapters.db.tables import metadata
from piiguard.adapters.vault.keystore_tables import keystore_metadata
from piiguard.bootstrap import bootstrap
from piiguard.config import Settings

KEY_FILES = ("master.key", "audit-signing.key")  # what `bootstrap` makes in var/ (as SQLite)
_SEQUENCES = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"

Rows = list[tuple[Table, list[dict[str, Any]]]]


def empty(data: Connection, keys: Connection) -> None:
    """Both databases back to just migrated: every row deleted, the sequences restarted, the
    rows the migrations seed put back. DELETE rather than TRUNCATE: on tables of a few rows
    one DELETE statement for all of them takes ~2 ms where TRUNCATE takes ~200 ms (it makes
    new files for every table), and every PostgreSQL test pays it."""
    data.exec_driver_sql(f"{_deletes(metadata)}; {_restart()}")
    data.execute(
        text("INSERT INTO audit_head (id, seq, entry_hash) VALUES (1, 0, :h)"), {"h": "0" * 64}
    )
    data.execute(text("INSERT INTO policy_epoch (id, epoch, register_version) VALUES (1, 0, 0)"))
    keys.exec_driver_sql(_deletes(keystore_metadata))


def _deletes(meta: MetaData) -> str:
    return "; ".join(f'DELETE FROM "{t.name}"' for t in reversed(meta.sorted_tables))


def _restart() -> str:
    return "SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S'"


def _rows(conn: Connection, meta: MetaData) -> Rows:
    """Every non-empty table's rows, in the order their foreign keys need."""
    found = []
    for table in meta.sorted_tables:
        rows = [dict(r._mapping) for r in conn.execute(select(table))]
        if rows:
            found.append((table, rows))
    return found


def _setvals(conn: Connection) -> str:
    """One statement that sets every sequence where it stands now."""
    calls = [
        f"setval('\"{name}\"', {value}, true)"
        if value is not None
        else f"setval('\"{name}\"', 1, false)"
        for name, value in conn.exec_driver_sql(_SEQUENCES)
    ]
    return "SELECT " + ", ".join(calls) if calls else "SELECT 1"


@dataclass(frozen=True)
class SeededPair:
    """A PostgreSQL pair's seeded rows and key files, restorable per test."""

    data_url: str
    keys_url: str
    data_rows: Rows
    keys_rows: Rows
    data_sequences: str
    keys_sequences: str
    var: Path
    data: Engine
    keys: Engine

    @classmethod
    def seed(cls, data_url: str, keys_url: str, var: Path) -> SeededPair:
        data, keys = create_engine(data_url), create_engine(keys_url)
        with data.begin() as d, keys.begin() as k:
            empty(d, k)
        bootstrap(Settings(var_dir=var, database_url=data_url, keystore_url=keys_url)).close()
        with data.connect() as d, keys.connect() as k:
            return cls(
                data_url, keys_url, _rows(d, metadata), _rows(k, keystore_metadata),
                _setvals(d), _setvals(k), var, data, keys,
            )  # fmt: skip

    def restore(self, var: Path) -> None:
        """The pair back to the seeded state, the key files it was seeded with in `var`."""
        with self.data.begin() as d, self.keys.begin() as k:
            d.exec_driver_sql(_deletes(metadata))
            k.exec_driver_sql(_deletes(keystore_metadata))
            for conn, captured in ((d, self.data_rows), (k, self.keys_rows)):
                for table, rows in captured:
                    conn.execute(insert(table), rows)
            d.exec_driver_sql(self.data_sequences)
            k.exec_driver_sql(self.keys_sequences)
        var.mkdir(parents=True, exist_ok=True)
        for name in KEY_FILES:
            shutil.copy2(self.var / name, var / name)

    def dispose(self) -> None:
        self.data.dispose()
        self.keys.dispose()
