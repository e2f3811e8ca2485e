"""Shared bench helpers: machine description, timing, fresh databases."""

from __future__ import annotations

import os
import platform
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

T = TypeVar("T")
PG_BASE = os.environ.get(
    "PIIGUARD_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def machine() -> dict[str, object]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def pg_available() -> bool:
    eng = create_engine(PG_BASE)
    try:
        with eng.connect() as c:
            c.execute(text("SELECT 1"))
    except Exception:
        return False
    finally:
        eng.dispose()
    return True


@contextmanager
def pg_databases(n: int) -> Iterator[list[str]]:
    """n fresh PostgreSQL databases, dropped afterwards."""
    base = make_url(PG_BASE)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    names = [f"piiguard_bench_{uuid.uuid4().hex[:10]}" for _ in range(n)]
    with admin.connect() as c:
        for name in names:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield [base.set(database=name).render_as_string(hide_password=False) for name in names]
    finally:
        with admin.connect() as c:
            for name in names:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
