"""The SQL statements' compiled forms, shared by every engine a test process makes
(docs/benchmarks.md, "Test suite time").

SQLAlchemy compiles a statement once per engine and keeps the compiled form in the engine's
cache, whose keys include the engine's own dialect object. Every test bootstraps a container
with engines of its own (SQLite files of its own; the worker's PostgreSQL pair), so every
test compiled each statement it ran afresh: an eighth of an end-to-end test's CPU. A
compiled form depends on the statement and the dialect — its class, parameter style and
the server version — not on which engine of that dialect runs it, so here the engines of a
test process share one cache keyed by those instead of by the dialect object. The
statements, their parameters and their execution are the engines' own; only the compiling
of a statement another engine of the same dialect already compiled is skipped."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.util import LRUCache

SIZE = 5000  # distinct statements (an engine keeps 500 by default)


def dialect_key(dialect: Dialect) -> Hashable:
    """What a compiled statement depends on of its dialect, beyond the statement itself."""
    return (
        type(dialect),
        dialect.paramstyle,
        dialect.server_version_info,
        dialect.max_identifier_length,
        dialect.label_length,
    )


class SharedStatements:
    """An engine's compiled cache (the `get` and item assignment SQLAlchemy uses), keyed by
    the dialect's `dialect_key` instead of the dialect object, shared by every engine."""

    def __init__(self, size: int = SIZE) -> None:
        self._cache: LRUCache[Hashable, Any] = LRUCache(size)

    @staticmethod
    def _key(key: tuple[Any, ...]) -> tuple[Any, ...]:
        return (dialect_key(key[0]), *key[1:])

    def get(self, key: tuple[Any, ...], default: Any = None) -> Any:
        return self._cache.get(self._key(key), default)

    def __setitem__(self, key: tuple[Any, ...], value: Any) -> None:
        self._cache[self._key(key)] = value

    def __len__(self) -> int:
        return len(self._cache)


SHARED = SharedStatements()


def _share(conn: Connection) -> None:
    engine = conn.engine
    if engine._compiled_cache is not None and engine._compiled_cache is not SHARED:
        engine._compiled_cache = SHARED  # type: ignore[assignment]


def install() -> None:
    """Every engine made from now on uses the shared cache from its first connection."""
    if not event.contains(Engine, "engine_connect", _share):
        event.listen(Engine, "engine_connect", _share)


def uninstall() -> None:
    if event.contains(Engine, "engine_connect", _share):
        event.remove(Engine, "engine_connect", _share)
