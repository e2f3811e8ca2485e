"""Database scanning on real SQLite and PostgreSQL: columns classified, no values copied out."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.database import scan_database

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
def postgres_url(worker_id: str) -> Iterator[str]:
    base = os.environ.get("PIIGUARD_TEST_DATABASE_URL")
    if not base:
        pytest.skip(SKIP_PG)
    name = f"{make_url(base).database}_scan_{worker_id}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        fill(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
    assert found[("email", "email")]["row_key"] == {"id": 1}


def test_sqlite_columns_are_classified(sqlite_url: str, detector: Detector) -> None:
    check(classify(sqlite_url, detector))


@pytest.mark.postgres
def test_postgresql_columns_are_classified(postgres_url: str, detector: Detector) -> None:
    check(classify(postgres_url, detector))


def test_sample_limits_rows_read(sqlite_url: str, detector: Detector) -> None:
    found = classify(sqlite_url, detector, sample=1)
    assert found[("email", "email")]["rows_sampled"] == 1
    assert ("姓名", "person_name") in found
