"""SQL databases through SQLAlchemy: sample rows of each table, classify each column.

Values are read only to be scanned in memory; what leaves here is, per column and type, the
share of sampled rows that matched and one example hit with the key of its row.

Rows are sampled across the whole table, not taken from its start: `ORDER BY random()` (the
dialect's random function: rand() on MySQL/MariaDB, NEWID() on SQL Server,
dbms_random.value on Oracle) with the sample as LIMIT. On PostgreSQL a table whose planner
estimate (pg_class.reltuples) exceeds 20 times the sample is first cut down by block
(`TABLESAMPLE SYSTEM`: about five times the sample's worth of pages, and at least 32 pages,
since a block sample is clustered) so that it is not read whole; if that yields fewer rows
than the sample, the plain random order is used. Other dialects fall back to the first rows.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.sources.model import Located, Refused

_SKIPPED_TYPES = (sa.Boolean, sa.LargeBinary, sa.Float, sa.Interval)


@dataclass(slots=True)
class _Tally:
    example: Hit
    row_key: dict[str, Any]
    rows: int = 0
    confidence: float = 0.0
    validators: set[str] = field(default_factory=set)


def _row_key(row: sa.Row[Any], key_columns: list[str], ordinal: int) -> dict[str, Any]:
    if not key_columns:
        return {"row": ordinal}
    mapping = row._mapping
    return {name: _plain(mapping[f"pk_{name}"]) for name in key_columns}


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | str | float) or value is None else str(value)


# A PostgreSQL table estimated at more rows than this many samples is cut down by block first.
BLOCK_SAMPLE_ABOVE = 20
_BLOCK_SAMPLE_MARGIN = 5  # pages for about this many times the sample
_BLOCK_SAMPLE_PAGES = 32  # and at least this many pages


def _random_order(dialect: str) -> sa.ColumnElement[Any] | None:
    if dialect in ("postgresql", "sqlite"):
        return sa.func.random()
    if dialect in ("mysql", "mariadb"):
        return sa.func.rand()
    if dialect == "mssql":
        return sa.func.newid()
    if dialect == "oracle":
        return sa.literal_column("dbms_random.value")
    return None


def _estimated_size(connection: sa.Connection, table: sa.Table) -> tuple[float, int] | None:
    """PostgreSQL's planner estimate of the table's rows and pages (None before its first
    ANALYZE, and on other databases)."""
    if connection.dialect.name != "postgresql":
        return None
    row = connection.execute(
        sa.text(
            "SELECT c.reltuples, c.relpages FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = :name AND n.nspname = coalesce(:schema, current_schema())"
        ),
        {"name": table.name, "schema": table.schema},
    ).first()
    if row is None or row[0] is None or row[0] <= 0 or not row[1]:
        return None
    return float(row[0]), int(row[1])


Columns = list[tuple[str, str]]  # (column name, label in the query)


def _select(source: sa.FromClause, columns: Columns) -> sa.Select[Any]:
    return sa.select(*(source.c[name].label(label) for name, label in columns))


def sample_query(
    connection: sa.Connection, table: sa.Table, columns: Columns, sample: int
) -> tuple[sa.Select[Any], str]:
    """The query for `sample` rows spread over the table, and how it samples: "tablesample"
    (PostgreSQL, large table), "random" or "first" (a dialect without a random function)."""
    order = _random_order(connection.dialect.name)
    size = _estimated_size(connection, table)
    source: sa.FromClause = table
    method = "random" if order is not None else "first"
    if order is not None and size is not None and size[0] > BLOCK_SAMPLE_ABOVE * sample:
        rows, pages = size
        share = max(_BLOCK_SAMPLE_MARGIN * sample / rows, _BLOCK_SAMPLE_PAGES / pages)
        source = sa.tablesample(table, sa.func.system(min(100.0, 100.0 * share)))
        method = "tablesample"
    query = _select(source, columns)
    if order is not None:
        query = query.order_by(order)
    return query.limit(sample), method


def _sampled_rows(
    connection: sa.Connection, table: sa.Table, columns: Columns, sample: int
) -> list[sa.Row[Any]]:
    query, method = sample_query(connection, table, columns, sample)
    rows = list(connection.execute(query))
    if method == "tablesample" and len(rows) < sample:  # too few pages drawn: the whole table
        query = _select(table, columns).order_by(_random_order(connection.dialect.name))
        rows = list(connection.execute(query.limit(sample)))
    return rows


def scan_table(
    connection: sa.Connection, table: sa.Table, detector: Detector, sample: int
) -> Iterator[Located]:
    key_columns = [c.name for c in table.primary_key.columns]
    scanned = [c for c in table.columns if not isinstance(c.type, _SKIPPED_TYPES)]
    if not scanned:
        return
    columns = [(name, f"pk_{name}") for name in key_columns]
    columns += [(c.name, f"v{i}") for i, c in enumerate(scanned)]
    tallies: dict[tuple[str, str], _Tally] = {}
    filled = dict.fromkeys((c.name for c in scanned), 0)
    for ordinal, row in enumerate(_sampled_rows(connection, table, columns, sample), start=1):
        mapping = row._mapping
        for i, column in enumerate(scanned):
            value = mapping[f"v{i}"]
            if value is None or value == "":
                continue
            filled[column.name] += 1
            seen: set[str] = set()
            for h in detector.scan(str(value), column.name):
                tally = tallies.get((column.name, h.type))
                if tally is None:
                    tally = _Tally(h, _row_key(row, key_columns, ordinal))
                    tallies[(column.name, h.type)] = tally
                if h.type not in seen:
                    tally.rows += 1
                    seen.add(h.type)
                tally.confidence = max(tally.confidence, h.confidence)
                tally.validators.add(h.validator.value)
    for (column_name, _kind), tally in tallies.items():
        example = tally.example
        location = {
            "table": table.fullname,
            "column": column_name,
            "row_key": tally.row_key,
            "rows_sampled": filled[column_name],
            "rows_matched": tally.rows,
            "share": round(tally.rows / filled[column_name], 4),
        }
        best = Hit(
            example.type,
            example.start,
            example.end,
            example.value,
            tally.confidence,
            example.validator,
        )
        yield Located(f"{table.fullname}.{column_name}", location, best)


def scan_database(
    url: str, detector: Detector, sample: int = 100, schema: str | None = None
) -> Iterator[Located]:
    """Every table of the database (its default schema unless one is named). Refused: the
    URL, its driver or its server (`refusal`, then the connection)."""
    url = with_driver(url)
    if (why := refusal(url)) is not None:
        raise Refused(why)
    engine = sa.create_engine(url)
    try:
        try:
            connection = engine.connect()
        except sa.exc.DBAPIError as exc:
            raise Refused(_unreachable(sa.make_url(url), exc)) from None
        with connection:
            metadata = sa.MetaData(schema=schema)
            metadata.reflect(connection, views=False)
            for table in metadata.sorted_tables:
                yield from scan_table(connection, table, detector, sample)
    finally:
        engine.dispose()


# the pip package of a driver module SQLAlchemy imports, where their names differ
_PACKAGES = {"MySQLdb": "mysqlclient", "psycopg2": "psycopg2-binary", "pymysql": "PyMySQL"}
EXAMPLES = "postgresql+psycopg://user@host/db, mysql+pymysql://user@host/db, sqlite:///path/file.db"


def with_driver(url: str) -> str:
    """A MySQL or MariaDB URL that names no driver (`mysql://`, `mariadb://`) read with
    PyMySQL, the one piiguard installs, when SQLAlchemy's default (mysqlclient) is not there;
    any other URL as written."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        return url
    if parsed.drivername not in ("mysql", "mariadb") or importlib.util.find_spec("MySQLdb"):
        return url
    return parsed.set(drivername=f"{parsed.drivername}+pymysql").render_as_string(
        hide_password=False
    )


def refusal(url: str) -> str | None:
    """Why `url` cannot be scanned before any connection is tried (English and Chinese, with
    what to do), or None: not a URL, a kind of database or a driver that is not installed,
    a SQLite file that does not exist (SQLite would create it empty: nothing found)."""
    try:
        parsed = sa.make_url(with_driver(url))
    except sa.exc.ArgumentError:
        return f"not a database URL: {url!r} — write it as {EXAMPLES} / 不是有效的数据库 URL"
    try:
        parsed.get_dialect().import_dbapi()
    except sa.exc.NoSuchModuleError:
        return (
            f"unknown kind of database {parsed.drivername!r}: write the URL as {EXAMPLES} / "
            "未知的数据库类型"
        )
    except ImportError as exc:
        package = _PACKAGES.get(exc.name or "", exc.name)
        return (
            f"the driver for {parsed.drivername} is not installed ({exc.name}): install it "
            f"(pip install {package}), or name an installed one in the URL (MySQL and MariaDB:"
            f" mysql+pymysql://…, installed with piiguard) / 未安装 {parsed.drivername} 的"
            f"数据库驱动：请先安装（pip install {package}）"
        )
    name = parsed.database or ""
    sqlite_file = parsed.get_backend_name() == "sqlite" and name not in ("", ":memory:")
    if sqlite_file and not name.startswith("file:") and not Path(name).is_file():
        return (
            f"no such SQLite file: {name} — check the path (sqlite:///relative/file.db, "
            f"sqlite:////absolute/file.db) / SQLite 文件不存在：{name}，请检查路径"
        )
    return None


def _unreachable(url: sa.URL, exc: sa.exc.DBAPIError) -> str:
    """The server refused or could not be reached: its first line, no password."""
    said = (str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]
    if url.password:
        said = said.replace(str(url.password), "***")
    shown = url.render_as_string(hide_password=True)
    return (
        f"cannot connect to the database {shown}: {said} — check that the server runs and "
        "accepts connections, and the host, port, user, password and database name / "
        f"无法连接数据库 {shown}：请确认服务器在运行并接受连接，"
        "以及主机、端口、用户、密码和数据库名"
    )
