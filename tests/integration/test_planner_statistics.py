"""A disposal gathers the planner's statistics it depends on where they are missing or
stale (issue 14; R2.11; adapters/db/statistics.py, docs/benchmarks.md "Retention", tenth
round): on PostgreSQL a table filled in bulk has none until autovacuum analyses it, and
without them each chunk of a disposal read the whole items table. The rule is autovacuum's
own: never analysed, or more rows changed since than 50 + 10 % of the table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Connection, Integer, MetaData, Table, text

from piiguard.adapters.db.statistics import analyze_stale
from piiguard.bootstrap import Container

_SCRATCH = Table("scratch_statistics", MetaData(), Column("n", Integer, primary_key=True))


@pytest.fixture
def scratch(container: Container) -> Iterator[Connection]:
    """A table of the test's own on PostgreSQL, on one connection that flushes its activity
    counts to the statistics system after each statement (as it would within a second)."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's planner takes no sampled statistics unless asked")
    with container.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        _SCRATCH.drop(conn, checkfirst=True)
        _SCRATCH.create(conn)
        try:
            yield conn
        finally:
            _SCRATCH.drop(conn)


def _insert(conn: Connection, first: int, n: int) -> None:
    conn.execute(_SCRATCH.insert(), [{"n": i} for i in range(first, first + n)])
    conn.execute(text("SELECT pg_stat_force_next_flush()"))  # counted before the next


def _rows_estimated(conn: Connection) -> float:
    q = text("SELECT reltuples FROM pg_class WHERE relname = :t")
    return float(conn.execute(q, {"t": _SCRATCH.name}).scalar_one())


@pytest.mark.req("R2.11")
def test_a_table_never_analysed_is_analysed(scratch: Connection) -> None:
    _insert(scratch, 0, 1000)
    assert _rows_estimated(scratch) < 0  # never analysed: the planner guesses from its size
    assert analyze_stale(scratch, [_SCRATCH]) == [_SCRATCH.name]
    assert _rows_estimated(scratch) == 1000


@pytest.mark.req("R2.11")
def test_a_table_is_analysed_again_past_autovacuums_threshold_only(
    scratch: Connection,
) -> None:
    _insert(scratch, 0, 1000)
    assert analyze_stale(scratch, [_SCRATCH]) == [_SCRATCH.name]
    scratch.execute(text("SELECT pg_stat_force_next_flush()"))
    assert analyze_stale(scratch, [_SCRATCH]) == []  # nothing changed since
    _insert(scratch, 1000, 150)  # 150 changed rows: not more than 50 + 10 % of 1000
    assert analyze_stale(scratch, [_SCRATCH]) == []
    assert _rows_estimated(scratch) == 1000
    _insert(scratch, 1150, 1)
    assert analyze_stale(scratch, [_SCRATCH]) == [_SCRATCH.name]
    assert _rows_estimated(scratch) == 1151


@pytest.mark.req("R2.11")
def test_a_disposal_analyses_the_tables_its_chunks_read_by_person(container: Container) -> None:
    with container.uow() as uow:
        analysed = uow.retention.gather_statistics()
        uow.commit()
    if container.engine.dialect.name != "postgresql":
        assert analysed == []  # SQLite: nothing to gather
    else:
        assert set(analysed) <= {"items", "item_retention", "disposal_items"}
