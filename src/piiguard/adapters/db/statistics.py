"""The planner's statistics on PostgreSQL, gathered where a bulk operation depends on them.

PostgreSQL plans `col = ANY(:ids)` and a chunk's joins from each table's statistics (its
row count, each column's distinct values). A table filled in bulk has none until autovacuum
analyses it — never where autovacuum is off, minutes later where it is behind — and
without them the planner takes a table of a million items for a few tens of thousands of
wide rows with a couple of hundred distinct people, and reads it whole for every chunk of a
disposal (sequential scans, hash joins of the whole table) where an index finds the chunk's
few thousand rows (docs/benchmarks.md "Retention", tenth round). `analyze_stale` applies
autovacuum's own rule (never analysed, or more rows changed since the last analysis than
50 + 10 % of the table) and ANALYZEs those tables; one that autovacuum or another session
is analysing already is skipped (SKIP_LOCKED). A session that does not own a table gets a
warning from PostgreSQL and nothing changes. Nothing on SQLite: its planner does not
estimate from sampled statistics unless asked (ANALYZE is never run on it)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table

# autovacuum's defaults (autovacuum_analyze_threshold, autovacuum_analyze_scale_factor)
_THRESHOLD = 50
_SCALE = 0.1
_STALE = (
    "SELECT c.relname FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
    "WHERE c.relname = ANY(%s) AND c.relkind = 'r' AND pg_table_is_visible(c.oid) "
    "AND (c.reltuples < 0 OR coalesce(s.n_mod_since_analyze, 0) > %s + %s * c.reltuples) "
    "ORDER BY c.relname"
)


def analyze_stale(conn: Connection, tables: Sequence[Table]) -> list[str]:
    """ANALYZE those of `tables` whose statistics are missing or stale (PostgreSQL); their
    names. Inside the caller's transaction."""
    if conn.dialect.name != "postgresql" or not tables:
        return []
    names = [tb.name for tb in tables]
    stale = list(conn.exec_driver_sql(_STALE, (names, _THRESHOLD, _SCALE)).scalars())
    if stale:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(f"ANALYZE (SKIP_LOCKED) {', '.join(quote(n) for n in stale)}")
    return stale
