"""PostgreSQL: pg_dump's custom format, taken in a snapshot this module exports (so the
manifest's facts — rows per table, the audit head — are those of the very copy), and
pg_restore into a fresh scratch database or over the live one. The client tools are
Debian's postgresql-client (/usr/bin/pg_dump, pg_restore); .ci/run installs them."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url

from piiguard.adapters.db.backup.facts import Sink, in_use, read_facts
from piiguard.domain.backups.model import Facts
from piiguard.domain.backups.ports import BackupUnreadable
from piiguard.domain.errors import Conflict

_READ = 1 << 20
_NAME = re.compile(r"^[a-z0-9_]{1,63}$")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise Conflict(
            f"{name} is not installed: install the PostgreSQL client tools "
            "(Debian: apt-get install postgresql-client) matching the server's version",
            field="database",
        )
    return found


def libpq_env(url: URL) -> dict[str, str]:
    """The connection as libpq's environment (the password never on a command line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    pairs = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
    }
    env |= {k: str(v) for k, v in pairs.items() if v}
    for key, env_key in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        value = url.query.get(key)
        if isinstance(value, str):
            env[env_key] = value
    return env


def _failed(what: str, proc: subprocess.CompletedProcess[bytes] | subprocess.Popen[bytes]) -> str:
    return f"{what} exited with {proc.returncode}"


def copy_to(url: str, sink: Sink) -> Facts:
    """pg_dump -Fc of the database at `url`, streamed into `sink`, in a snapshot exported
    by a REPEATABLE READ transaction that also reads the facts."""
    parsed = make_url(url)
    engine = create_engine(parsed)
    try:
        with engine.connect() as plain:
            conn = plain.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
                facts = read_facts(conn)
                cmd = [tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}"]
                proc = subprocess.Popen(  # noqa: S603 - fixed arguments
                    cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=libpq_env(parsed)
                )
                assert proc.stdout is not None  # noqa: S101 - PIPE
                while block := proc.stdout.read(_READ):
                    sink.write(block)
                _, err = proc.communicate()
                if proc.returncode != 0:
                    # pg_dump's message names tables and the server, never row values
                    tail = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
                    raise Conflict(f"{_failed('pg_dump', proc)}: {tail[0]}", field="database")
    finally:
        engine.dispose()
    return facts


def _restore(plain: Path, url: URL) -> None:
    cmd = [tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction", str(plain)]
    cmd.insert(-1, f"--dbname={url.database}")
    done = subprocess.run(  # noqa: S603 - fixed arguments
        cmd, capture_output=True, env=libpq_env(url), check=False
    )
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise BackupUnreadable(f"{_failed('pg_restore', done)}: {tail[0]}")


def _autocommit(url: URL, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


@contextmanager
def scratch(plain: Path, url: str) -> Iterator[str]:
    """A fresh database beside the live one (`<name>_rt_<random>`; needs CREATEDB), the
    copy restored into it; dropped at the end whatever happened."""
    live = make_url(url)
    name = f"{(live.database or 'piiguard')[:40]}_rt_{secrets.token_hex(6)}".lower()
    if not _NAME.match(name):
        name = f"piiguard_rt_{secrets.token_hex(6)}"
    _autocommit(live, f'CREATE DATABASE "{name}"')
    target = live.set(database=name)
    try:
        _restore(plain, target)
        yield target.render_as_string(hide_password=False)
    finally:
        _autocommit(live, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def facts_of(url: str) -> Facts:
    engine = create_engine(make_url(url))
    try:
        with engine.connect() as conn:
            return read_facts(conn)
    finally:
        engine.dispose()


def is_empty(url: str) -> bool:
    engine = create_engine(make_url(url))
    try:
        with engine.connect() as conn:
            return not in_use(conn)
    finally:
        engine.dispose()


def restore_over(plain: Path, url: str) -> None:
    """Empty the live database's public schema and restore the copy into it, in one
    transaction each (a failed restore leaves an empty schema, never a half-written one:
    run it again). Servers using the database must be stopped."""
    live = make_url(url)
    _autocommit(live, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
    _restore(plain, live)
