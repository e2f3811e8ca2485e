"""Database scanning on real SQLite, PostgreSQL and MariaDB: columns classified, no values
copied out."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.database import (
    BLOCK_SAMPLE_ABOVE,
    refusal,
    sample_query,
    scan_database,
    with_driver,
)

pytestmark = pytest.mark.req("R2.7")
SKIP_PG = "PostgreSQL half skipped: set PIIGUARD_TEST_DATABASE_URL (CI does)"

ROWS = [
    (1, "王小明", "13812345678", "wang@example.com", "11010519491231002X", "PO-2024-000123"),
    (2, "李娜", "13912345678", "li.na@example.com", "440524198001010013", "PO-2024-000124"),
    (3, "张伟", None, "not an email", "110105194912310021", "PO-2024-000125"),
]


def fill(url: str) -> None:
    engine = sa.create_engine(url)
    metadata = sa.MetaData()
    customers = sa.Table(
        "customers",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("姓名", sa.String(20)),
        sa.Column("mobile", sa.String(20)),
        sa.Column("email", sa.String(80)),
        sa.Column("id_card", sa.String(18)),
        sa.Column("order_no", sa.String(20)),
    )
    with engine.begin() as connection:
        metadata.create_all(connection)
        connection.execute(
            customers.insert(),
            [
                dict(
                    zip(("id", "姓名", "mobile", "email", "id_card", "order_no"), row, strict=True)
                )
                for row in ROWS
            ],
        )
    engine.dispose()


def classify(url: str, detector: Detector, sample: int = 100) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    return {
        (f.location["column"], f.hit.type): f.location for f in scan_database(url, detector, sample)
    }


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'crm.db'}"
    fill(url)
    return url


@pytest.fixture
def postgres_empty_url(worker_id: str) -> Iterator[str]:
    base = os.environ.get("PIIGUARD_TEST_DATABASE_URL")
    if not base:
        pytest.skip(SKIP_PG)
    name = f"{make_url(base).database}_scan_{worker_id}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def mariadb_url(worker_id: str) -> Iterator[str]:
    """A fresh database on the MariaDB every machine of ours runs (127.0.0.1:3306, root, no
    password), named as a user names one: `mysql://`, no driver (PyMySQL ships)."""
    admin = sa.create_engine("mysql+pymysql://root@127.0.0.1:3306/")
    name = f"piiguard_scan_{worker_id}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"MariaDB half skipped: no server at 127.0.0.1:3306 ({exc.orig})")
    try:
        url = f"mysql://root@127.0.0.1:3306/{name}?charset=utf8mb4"
        fill(with_driver(url))
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_empty_url: str) -> str:
    fill(postgres_empty_url)
    return postgres_empty_url


def check(found: dict[tuple[str, str], dict]) -> None:  # type: ignore[type-arg]
    assert set(found) == {
        ("姓名", "person_name"),
        ("mobile", "phone"),
        ("email", "email"),
        ("id_card", "resident_id"),
    }
    assert found[("mobile", "phone")]["share"] == 1.0
    assert found[("mobile", "phone")]["rows_sampled"] == 2
    assert found[("email", "email")]["share"] == round(2 / 3, 4)
    assert found[("id_card", "resident_id")]["rows_matched"] == 2
    assert found[("email", "email")]["row_key"] in ({"id": 1}, {"id": 2})  # rows in random order


def test_sqlite_columns_are_classified(sqlite_url: str, detector: Detector) -> None:
    check(classify(sqlite_url, detector))


@pytest.mark.postgres
def test_postgresql_columns_are_classified(postgres_url: str, detector: Detector) -> None:
    check(classify(postgres_url, detector))


def test_mariadb_columns_are_classified(mariadb_url: str, detector: Detector) -> None:
    assert with_driver(mariadb_url).startswith("mysql+pymysql://")
    assert refusal(mariadb_url) is None
    check(classify(mariadb_url, detector))


def test_sample_limits_rows_read(sqlite_url: str, detector: Detector) -> None:
    found = classify(sqlite_url, detector, sample=1)
    assert found[("姓名", "person_name")]["rows_sampled"] == 1  # every row has a name


def fill_halves(url: str, rows: int) -> sa.Table:
    """A table whose first half holds order numbers and whose second half holds e-mails: a
    sample of its first rows would find no e-mail at all."""
    engine = sa.create_engine(url)
    metadata = sa.MetaData()
    events = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("note", sa.String(60)),
    )
    with engine.begin() as connection:
        metadata.create_all(connection)
        connection.execute(
            events.insert(),
            [
                {"id": i, "note": f"PO-2024-{i:06d}" if i <= rows // 2 else f"user{i}@example.com"}
                for i in range(1, rows + 1)
            ],
        )
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("ANALYZE events"))
    engine.dispose()
    return events


def sampled_share(url: str, detector: Detector, sample: int) -> tuple[float, int]:
    found = classify(url, detector, sample)
    location = found[("note", "email")]
    return location["share"], location["rows_sampled"]


def test_sqlite_samples_rows_across_the_table(tmp_path: Path, detector: Detector) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    fill_halves(url, 400)
    share, sampled = sampled_share(url, detector, 40)
    assert sampled == 40
    assert 0.1 < share < 0.9  # about half; the first 40 rows would give 0


@pytest.mark.postgres
def test_postgresql_samples_rows_across_the_table(
    postgres_empty_url: str, detector: Detector
) -> None:
    fill_halves(postgres_empty_url, 400)
    share, sampled = sampled_share(postgres_empty_url, detector, 40)
    assert sampled == 40
    assert 0.1 < share < 0.9


@pytest.mark.postgres
def test_postgresql_large_tables_are_sampled_by_block(
    postgres_empty_url: str, detector: Detector
) -> None:
    events = fill_halves(postgres_empty_url, 20_000)
    engine = sa.create_engine(postgres_empty_url)
    try:
        with engine.connect() as connection:
            small = sample_query(connection, events, [("note", "v0")], 20_000 // BLOCK_SAMPLE_ABOVE)
            large = sample_query(connection, events, [("note", "v0")], 50)
    finally:
        engine.dispose()
    assert small[1] == "random"
    assert large[1] == "tablesample"
    assert "TABLESAMPLE" in str(large[0].compile(dialect=engine.dialect))
    share, sampled = sampled_share(postgres_empty_url, detector, 50)
    assert sampled == 50
    assert 0.0 < share < 1.0  # pages from both halves (a block sample is clustered)
