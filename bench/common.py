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


def pg_backend_cpu(urls: list[str]) -> dict[int, float]:
    """CPU seconds (user + system) so far of each PostgreSQL backend serving these
    databases — the server's side of a figure, read from /proc (server on this machine).
    Subtract two readings: backends of a connection pool live through the measurement."""
    names = [make_url(u).database for u in urls]
    admin = create_engine(PG_BASE)
    try:
        with admin.connect() as c:
            pids = c.execute(
                text("SELECT pid FROM pg_stat_activity WHERE datname = ANY(:n)"), {"n": names}
            ).scalars()
            out: dict[int, float] = {}
            for pid in pids:
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            return out
    finally:
        admin.dispose()


def cpu_since(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(v - before.get(pid, 0.0) for pid, v in after.items())
