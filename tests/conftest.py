"""Shared fixtures: real databases on both backends, a container per test.

Every storage test takes the `container` (or `settings`) fixture and so runs twice: on
SQLite (the embedded default) and on PostgreSQL (the production database). PostgreSQL is
used when PIIGUARD_TEST_DATABASE_URL names a database (CI does); each xdist worker makes
its own pair of databases from it, migrated and seeded once, and put back to that seeded
state between tests (tests/pg_snapshot.py).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Generator, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.db.migrate import upgrade
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.scanner.detectors import engine as scan_engine
from piiguard.scanner.detectors.automaton import database
from tests import compiled_statements, traceability
from tests.clocks import SteppingClock
from tests.hyperscan_cache import ENGINE_BUILD, ENGINE_COMPILE, built_once, sharing
from tests.mailserver import SmtpSink
from tests.passwords import QUICK
from tests.pg_snapshot import SeededPair

pytest_plugins = ["tests.ordering"]  # the order the tests start in

PG_ENV = "PIIGUARD_TEST_DATABASE_URL"
SKIP_PG = "PostgreSQL half skipped: set PIIGUARD_TEST_DATABASE_URL (CI does)"


@pytest.fixture(scope="session")
def pg_urls(worker_id: str) -> Iterator[tuple[str, str]]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(SKIP_PG)
    url = make_url(base)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    # unique per run, so two test runs on one server never drop each other's databases
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", f"p{os.getpid()}")[:8]
    names = (f"{url.database}_{run}_{worker_id}", f"{url.database}_{run}_{worker_id}_keys")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
            conn.execute(text(no_commit_flush(name)))
    data_url, keys_url = (url.set(database=n).render_as_string(hide_password=False) for n in names)
    data, keys = make_engine(data_url), make_engine(keys_url)
    upgrade(data, "data")
    upgrade(keys, "keystore")
    data.dispose()
    keys.dispose()
    yield data_url, keys_url
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def no_commit_flush(database: str) -> str:
    """The statement that lets a test database's commits return before their WAL record
    reaches the disk (synchronous_commit = off): a test makes dozens of commits, each a flush
    to disk otherwise, and a test database need not survive the server crashing. What a
    transaction sees and when it commits are the same (PostgreSQL's documentation, 28.4
    Asynchronous Commit); piiguard's own settings are untouched."""
    return f'ALTER DATABASE "{database}" SET synchronous_commit = off'


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated pair of SQLite files, copied for each test (faster than migrating)."""
    var = tmp_path_factory.mktemp("template") / "var"
    c = bootstrap(Settings(var_dir=var))
    c.close()
    return var


@pytest.fixture(scope="session")
def pg_seeded(
    pg_urls: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SeededPair]:
    """The worker's PostgreSQL pair seeded once, as the SQLite template is; each test gets
    its rows and key files back (tests/pg_snapshot.py) instead of seeding them again."""
    seeded = SeededPair.seed(*pg_urls, tmp_path_factory.mktemp("pg-template") / "var")
    yield seeded
    seeded.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not os.environ.get(PG_ENV):
        pytest.skip(SKIP_PG)
    return str(request.param)


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[SmtpSink]:
    """One real SMTP server on loopback per test process: piiguard's outbound mail goes here
    (tests read it through the `mailbox` fixture)."""
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def mailbox(smtp_sink: SmtpSink) -> SmtpSink:
    """The SMTP sink, emptied for this test."""
    smtp_sink.messages.clear()
    smtp_sink.envelopes.clear()
    return smtp_sink


@pytest.fixture(scope="session", autouse=True)
def _hyperscan_compiled_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The scanner's compiled databases, shared by this run's test processes, and Hyperscan's
    compile run once a run for each list of expressions (tests/hyperscan_cache.py): 3-4 s
    of CPU for each detector a test made."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "hyperscan"
    shared.mkdir(exist_ok=True)
    scan_engine._compile = sharing(ENGINE_COMPILE, shared)
    database.build = built_once(ENGINE_BUILD, shared)
    yield
    scan_engine._compile = ENGINE_COMPILE
    database.build = ENGINE_BUILD


@pytest.fixture(scope="session", autouse=True)
def _statements_compiled_once() -> Iterator[None]:
    """The SQL statements' compiled forms shared by the process's engines
    (tests/compiled_statements.py): every test's engines compiled them afresh."""
    compiled_statements.install()
    yield
    compiled_statements.uninstall()


@pytest.fixture
def settings(
    backend: str,
    tmp_path: Path,
    sqlite_template: Path,
    smtp_sink: SmtpSink,
    request: pytest.FixtureRequest,
) -> Settings:
    var = tmp_path / "var"
    # outbound mail to the loopback sink; no listener, no background jobs: tests drive them
    mail = {
        "smtp_port": smtp_sink.port,
        "inbox_port": 0,
        "scheduler": "off",
        "public_url": "http://testserver",
    }
    if backend == "sqlite":
        var.mkdir()
        for name in ("piiguard.db", "keystore.db", "master.key", "audit-signing.key"):
            shutil.copy2(sqlite_template / name, var / name)
        return Settings(var_dir=var, **mail)
    seeded: SeededPair = request.getfixturevalue("pg_seeded")
    seeded.restore(var)
    data_url, keys_url = seeded.data_url, seeded.keys_url
    return Settings(var_dir=var, database_url=data_url, keystore_url=keys_url, **mail)


@pytest.fixture
def container(settings: Settings) -> Iterator[Container]:
    c = bootstrap(settings, migrate=False, clock=SteppingClock(), passwords=QUICK)
    yield c
    c.close()


# -- traceability: requirement -> tests, generated from @pytest.mark.req (R10.3) ----------
REQUIREMENTS = Path(__file__).resolve().parents[1] / "docs" / "requirements.md"
# "- **R2.4 Title.**" defines R2.4; "- **R4.1–4.2**" defines R4.1 and R4.2
_DEFINED = re.compile(r"^- \*\*R(\d+)\.(\d+)(?:[–-]R?(\d+)\.(\d+))?", re.MULTILINE)


def requirement_ids(text: str) -> set[str]:
    """The requirement IDs a requirements document defines, ranges spelled out."""
    ids: set[str] = set()
    for section, first, last_section, last in _DEFINED.findall(text):
        if last and last_section != section:
            raise ValueError(f"R{section}.{first}–{last_section}.{last} spans two sections")
        for n in range(int(first), int(last or first) + 1):
            ids.add(f"R{section}.{n}")
    return ids


def unknown_requirements(items: list[pytest.Item], known: AbstractSet[str]) -> list[str]:
    """'test id: mark' for every req mark that names no requirement in `known`."""
    return [
        f"{item.nodeid}: @pytest.mark.req({', '.join(map(repr, mark.args))})"
        for item in items
        for mark in item.iter_markers("req")
        if len(mark.args) != 1 or mark.args[0] not in known
    ]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--req-report",
        metavar="PATH",
        default=None,
        help="write the requirement -> tests listing (markdown) to PATH",
    )
    parser.addoption(
        "--req-json",
        metavar="PATH",
        default=None,
        help="write the listing shipped in the package (JSON, with the requirements' text) "
        "to PATH (make trace: src/piiguard/data/traceability.json)",
    )


@functools.cache
def known_requirements() -> frozenset[str]:
    return frozenset(requirement_ids(REQUIREMENTS.read_text("utf-8")))


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    """A test citing a requirement docs/requirements.md does not define is an error of its
    module's collection, so the run stops before any test, naming it (with xdist too)."""
    report = yield
    if report.passed:
        items = [i for i in report.result if isinstance(i, pytest.Item)]
        unknown = unknown_requirements(items, known_requirements())
        if unknown:
            report.outcome = "failed"
            report.result = []
            report.longrepr = (
                "requirement IDs not defined in docs/requirements.md (`make requirements` "
                "refreshes it from ../shared/REQUIREMENTS.md):\n  " + "\n  ".join(unknown)
            )
    return report


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # the order the tests start in (the longest first on every xdist worker): tests/ordering.py
    path = config.getoption("--req-report")
    shipped = config.getoption("--req-json")
    if not path and not shipped:
        return
    by_req: dict[str, set[str]] = {}
    for item in items:
        for mark in item.iter_markers("req"):
            test = item.nodeid.split("[", 1)[0]
            by_req.setdefault(str(mark.args[0]), set()).add(test)
    if shipped:
        reqs = traceability.requirements(REQUIREMENTS.read_text("utf-8"))
        Path(shipped).write_text(
            traceability.dump(traceability.listing(reqs, by_req)), encoding="utf-8"
        )
    if path:
        write_report(Path(path), by_req)


def write_report(path: Path, by_req: dict[str, set[str]]) -> None:
    order = traceability.order
    lines = [
        "# Traceability: requirement -> tests",
        "",
        "Generated by `make trace` from the `@pytest.mark.req` marks; do not edit.",
        "",
        "| requirement | tests |",
        "|---|---|",
    ]
    for req in sorted(by_req, key=order):
        tests = "<br>".join(f"`{t}`" for t in sorted(by_req[req]))
        lines.append(f"| {req} | {tests} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
