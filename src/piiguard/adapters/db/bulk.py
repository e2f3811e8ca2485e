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
from typing import Any

from sqlalchemy import ARRAY, BindParameter, Boolean, Connection, Table, Text, any_, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


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


class _InIds(ColumnElement[bool]):
    """`col IN (:ids)` with the expanding IDS parameter on SQLite; `col = ANY(:ids)`, one
    array parameter, on PostgreSQL, where 900 expanded placeholders made each statement's
    text unique to the driver and a plan of its own to the server (a third of a disposal's
    time, docs/benchmarks.md "Retention"). Executed the same way: {"ids": a_list}."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a comparison: no "= 1" on SQLite, which has no boolean
    _traverse_internals = [("col", InternalTraversal.dp_clauseelement)]  # noqa: RUF012 - SQLAlchemy's own shape

    def __init__(self, col: ColumnElement[Any]) -> None:
        self.col = col


_ANY_IDS = bindparam("ids", type_=ARRAY(Text()))


@compiles(_InIds)
def _in_ids(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.col.in_(IDS), **kw)


@compiles(_InIds, "postgresql")
def _any_ids(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.col == any_(_ANY_IDS), **kw)


def in_ids(col: ColumnElement[Any]) -> ColumnElement[bool]:
    """`col` is one of the ids given as {"ids": [...]} at execution (see _InIds)."""
    return _InIds(col)
