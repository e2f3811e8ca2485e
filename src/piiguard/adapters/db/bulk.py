"""Bulk inserts on the hot path, through the driver.

The decision ledger and the audit trail take a row per decision; SQLAlchemy's executemany
builds each row's parameters through the compiled statement (~15 µs a row, measured in
docs/benchmarks.md), more than the insert itself. Their tables hold plain columns (text and
integers, no type processors), so the rows go to the driver's executemany as tuples, in the
table's column order, with SQL built once per dialect and table. Still one transaction,
the unit of work's."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from sqlalchemy import BindParameter, Connection, Table, bindparam
from sqlalchemy.engine import Dialect


@functools.cache
def _insert_sql(dialect: Dialect, table: Table) -> str:
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    cols = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join(mark for _ in table.columns)
    return f"INSERT INTO {quote(table.name)} ({cols}) VALUES ({marks})"  # noqa: S608 - names from our own metadata


def insert_rows(conn: Connection, table: Table, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert `rows`, each a tuple in `table.columns` order."""
    if rows:
        width = len(table.columns)
        if any(len(r) != width for r in rows):
            raise ValueError(f"{table.name}: every row needs {width} values")
        conn.exec_driver_sql(_insert_sql(conn.dialect, table), list(rows))


# Lookups of a batch of subjects: `col.in_(IDS)` in a statement built once (module level),
# executed per chunk with {"ids": chunk}. An expanding parameter costs nothing per id at
# build time, where `col.in_(a_list)` coerces every element into its own bind each call.
IDS: BindParameter[str] = bindparam("ids", expanding=True)
CHUNK = 900  # below SQLite's bound-parameter limit


def chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])
