"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import DateTime
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


def _naive(value: datetime) -> None:
    raise ValueError(f"naive datetime {value!r}: piiguard stores aware UTC times only")


def _to_sqlite(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        _naive(value)
    return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def _from_sqlite(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value + "+00:00")


class _SqliteUtcText(sqlite.DATETIME):
    """SQLite keeps times as text. Same storage format as SQLAlchemy's own
    ('YYYY-MM-DD HH:MM:SS.ffffff', UTC), converted with the C-level isoformat and
    fromisoformat: ~4x cheaper per value than the generic path, which bulk ingest and
    batch reads of 100,000 items (4 times each) feel."""

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], str | None]:
        return _to_sqlite

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], datetime | None]:
        return _from_sqlite


def _to_pg(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        _naive(value)
    return value


def _from_pg(value: datetime | None) -> datetime | None:
    """psycopg returns timestamptz values aware, in the session's TimeZone: already UTC
    (the same `timezone.utc` object) on a UTC server or session, converted otherwise."""
    if value is None or value.tzinfo is UTC:
        return value
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
    return value.astimezone(UTC)


# sqlite.DATETIME's constructor is untyped; one typed factory keeps mypy --strict exact.
_new_sqlite_utc = cast(Callable[[], TypeEngine[Any]], _SqliteUtcText)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out on every backend; naive datetimes are refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_new_sqlite_utc())
        return dialect.type_descriptor(DateTime(timezone=True))

    # The conversion is the whole job: hand it over without the decorator's per-value
    # wrapper (a measurable share of batch reads — the retention sweep's selection reads
    # 100,000 dates at a time; docs/benchmarks.md "Retention"). On PostgreSQL the psycopg
    # driver does the parsing itself (no impl processor to chain).
    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        if dialect.name == "sqlite":
            return _to_sqlite
        impl = self.load_dialect_impl(dialect).bind_processor(dialect)
        if dialect.name == "postgresql" and impl is None:
            return _to_pg
        return super().bind_processor(dialect)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], Any] | None:
        if dialect.name == "sqlite":
            return _from_sqlite
        impl = self.load_dialect_impl(dialect).result_processor(dialect, coltype)
        if dialect.name == "postgresql" and impl is None:
            return _from_pg
        return super().result_processor(dialect, coltype)

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            _naive(value)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
        return value.astimezone(UTC)
