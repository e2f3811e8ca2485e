"""Bulk inserts on the hot path, through the driver.

The decision ledger and the audit trail take a row per decision; SQLAlchemy's executemany
builds each row's parameters through the compiled statement (~15 µs a row, measured in
docs/benchmarks.md), more than the insert itself. Their tables hold plain columns (text and
integers, no type processors), so the rows go to the driver's executemany as tuples, in the
table's column order, with SQL built once per dialect and table. On PostgreSQL more than a
few rows go as one COPY instead: a disposal appends two audit entries a person (8,000 for
4,000 people), and an executemany's statement per row cost 7x the client CPU and 2x the
server's of one COPY (docs/benchmarks.md "Retention", sixth round). Still one transaction,
the unit of work's: COPY inserts like INSERT does (constraints, triggers, rollback)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    BindParameter,
    Boolean,
    Connection,
    Select,
    Table,
    Text,
    any_,
    bindparam,
    func,
    select,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator, TypeEngine


@functools.cache
def _insert_sql(dialect: Dialect, table: Table) -> str:
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    cols = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join(mark for _ in table.columns)
    return f"INSERT INTO {quote(table.name)} ({cols}) VALUES ({marks})"  # noqa: S608 - names from our own metadata


@functools.cache
def _copy_sql(dialect: Dialect, table: Table) -> str:
    quote = dialect.identifier_preparer.quote
    cols = ", ".join(quote(c.name) for c in table.columns)
    return f"COPY {quote(table.name)} ({cols}) FROM STDIN"


COPY_FROM = 8  # rows: fewer go as one executemany (a single decision, a single audit entry)


def insert_rows(conn: Connection, table: Table, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert `rows`, each a tuple in `table.columns` order."""
    if rows:
        width = len(table.columns)
        if any(len(r) != width for r in rows):
            raise ValueError(f"{table.name}: every row needs {width} values")
        if conn.dialect.name == "postgresql" and len(rows) >= COPY_FROM:
            _copy_rows(conn, table, rows)
        else:
            conn.exec_driver_sql(_insert_sql(conn.dialect, table), list(rows))


def _copy_rows(conn: Connection, table: Table, rows: Sequence[tuple[object, ...]]) -> None:
    """The rows through COPY … FROM STDIN on the unit of work's own connection and
    transaction (psycopg adapts each value as for a query parameter)."""
    raw = conn.connection.dbapi_connection
    if raw is None:
        raise RuntimeError("the unit of work's connection is closed")
    sql = _copy_sql(conn.dialect, table)
    dbapi = conn.dialect.loaded_dbapi
    try:
        with raw.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as exc:  # as SQLAlchemy's own statements raise it (IntegrityError …)
        raise DBAPIError.instance(sql, None, exc, dbapi.Error) from exc


# Lookups of a batch of subjects: `col.in_(IDS)` in a statement built once (module level),
# executed per chunk with {"ids": chunk}. An expanding parameter costs nothing per id at
# build time, where `col.in_(a_list)` coerces every element into its own bind each call.
IDS: BindParameter[str] = bindparam("ids", expanding=True)
CHUNK = 900  # below SQLite's bound-parameter limit


def chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


class _InIds(ColumnElement[bool]):
    """`col = ANY(:ids)`, one array parameter, on PostgreSQL, where 900 expanded
    placeholders made each statement's text unique to the driver and a plan of its own to
    the server (a third of a disposal's time, docs/benchmarks.md "Retention"); on SQLite
    `col IN (SELECT value FROM json_each(:ids))`, the list as one JSON text, where
    SQLAlchemy's expanding parameter rendered and bound every id anew at each execution
    (~20 µs an id: a tenth of a disposal's time) and SQLite's limit cut lists to 900.
    Executed the same way: {"ids": a_list}."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a comparison: no "= 1" on SQLite, which has no boolean
    _traverse_internals = [("col", InternalTraversal.dp_clauseelement)]  # noqa: RUF012 - SQLAlchemy's own shape

    def __init__(self, col: ColumnElement[Any]) -> None:
        self.col = col


_ANY_IDS = bindparam("ids", type_=ARRAY(Text()))


class _JsonIds(TypeDecorator[list[str]]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(list(value))


_JSON_EACH = func.json_each(bindparam("ids", type_=_JsonIds())).table_valued("value")


@compiles(_InIds)
def _in_ids(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.col.in_(select(_JSON_EACH.c.value)), **kw)


@compiles(_InIds, "postgresql")
def _any_ids(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    # psycopg: the array sent binary (%b): as text it checks every id for quoting (5 ms of
    # client CPU per 5,000 ids, a fifth of that binary; ~0.5 s of a disposal of 100,000)
    return compiler.process(element.col == any_(_ANY_IDS), **kw).replace("%(ids)s", "%(ids)b")


def id_chunks(conn: Connection, ids: Sequence[str]) -> Iterator[list[str]]:
    """The ids to run an `in_ids` statement with: one list (an array on PostgreSQL, a JSON
    text on SQLite), one round trip."""
    del conn  # both databases take the whole list as one parameter
    if ids:
        yield list(ids)


def in_ids(col: ColumnElement[Any]) -> ColumnElement[bool]:
    """`col` is one of the ids given as {"ids": [...]} at execution (see _InIds)."""
    return _InIds(col)


def execute_planned(conn: Connection, sql: str, params: Sequence[Any]) -> int:
    """Run `sql` (the driver's syntax, PostgreSQL) in the unit of work's transaction,
    planned for its own parameters at every execution; the rows it changed. psycopg
    prepares a statement on the server at its fifth execution on a connection, and the
    server then may switch to a generic plan, which takes an array parameter for a few
    elements: a disposal chunk's hash join of 5,000 ids became 5,000 random-key lookups
    (docs/benchmarks.md "Retention", twelfth round)."""
    raw = conn.connection.dbapi_connection
    if raw is None:
        raise RuntimeError("the unit of work's connection is closed")
    cur: Any = raw.cursor()
    try:
        cur.execute(sql, params, prepare=False)
        return int(cur.rowcount)
    finally:
        cur.close()


# -- reads on the hot path, through the driver ----------------------------------------------
# SQLAlchemy's Row objects and per-value type processing cost more than the read itself on
# the batch reads of the retention sweep and disposal (tens of thousands of narrow rows):
# `driver_rows` runs a statement built once (no expanding parameters) on the driver's
# cursor, in the unit of work's transaction, and hands back the driver's tuples with each
# column's result processor (UtcDateTime's; None where a column needs none), for the caller
# to apply inline while it builds its own objects (one allocation a row, not three).


@functools.cache
def _compiled(
    dialect: Dialect, stmt: Select[Any]
) -> tuple[str, dict[str, Any], tuple[str, ...], dict[str, Any], tuple[Any, ...]]:
    compiled = stmt.compile(dialect=dialect)
    order = tuple(compiled.positiontup or ()) if dialect.paramstyle == "qmark" else ()
    fixed = {k: b.value for k, b in compiled.binds.items() if not b.required}
    to_db = {
        k: p
        for k, b in compiled.binds.items()
        if (p := _impl(b.type, dialect).bind_processor(dialect))
    }
    from_db = tuple(
        _impl(col.type, dialect).result_processor(dialect, None) or _same
        for col in stmt.selected_columns
    )
    return str(compiled), fixed, order, to_db, from_db


def _impl(type_: TypeEngine[Any], dialect: Dialect) -> TypeEngine[Any]:
    return type_.dialect_impl(dialect)


def _same(value: Any) -> Any:
    return value


def driver_rows(
    conn: Connection, stmt: Select[Any], params: dict[str, Any]
) -> tuple[list[tuple[Any, ...]], tuple[Callable[[Any], Any], ...]]:
    """`stmt`'s rows as the driver's tuples, and each column's conversion from the driver
    (the identity where none): `conv[i](row[i])` is what `conn.execute(stmt)` would give."""
    sql, fixed, order, to_db, from_db = _compiled(conn.dialect, stmt)
    values = {**fixed, **params}
    values = {k: to_db[k](v) if k in to_db and v is not None else v for k, v in values.items()}
    raw = conn.connection.dbapi_connection
    if raw is None:
        raise RuntimeError("the unit of work's connection is closed")
    cur = raw.cursor()
    try:
        cur.execute(sql, [values[k] for k in order] if order else values)
        rows: list[tuple[Any, ...]] = list(cur.fetchall())
    finally:
        cur.close()
    return rows, from_db
