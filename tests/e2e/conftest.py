"""End-to-end fixtures: the API through FastAPI's TestClient on a real container, and the
installed `piiguard` command with the environment that points it at the test's databases."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, Table, func, select
from starlette.exceptions import StarletteDeprecationWarning

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services import accounts
from piiguard.web.app import create_app

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 fork; plain httpx (a dev dependency) works the same.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PIIGUARD = Path(sys.executable).parent / "piiguard"
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Caller:
    """Someone calling the API: the headers to send and the actor the audit trail names."""

    id: str
    kind: str  # system | staff
    headers: dict[str, str]

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container)) as client:
        yield client


@pytest.fixture
def system(container: Container) -> Caller:
    """An ERP system client with a fresh API key."""
    client, key = accounts.add_client(container.uow(), container.clock, OPERATOR, "erp")
    return Caller(client.id, "system", {"Authorization": f"Bearer {key}"})


def login(api: TestClient, email: str) -> Caller:
    r = api.post("/api/v1/staff/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    body = r.json()
    return Caller(body["staff_id"], "staff", {"Authorization": f"Bearer {body['token']}"})


@pytest.fixture
def officer(container: Container, api: TestClient) -> Caller:
    """The first staff account (admin + privacy officer), made through the one-time setup."""
    token = accounts.open_setup(container.uow(), container.clock, 1.0)
    assert token is not None
    accounts.complete_setup(container.uow(), container.clock, container.passwords, token,
                            "officer@example.com", "Wang Fang", PASSWORD)
    return login(api, "officer@example.com")


@pytest.fixture
def auditor(container: Container, api: TestClient) -> Caller:
    """A staff account holding only the auditor role. No use case adds staff with chosen
    roles yet (that comes with the staff-security work), so the repository adds it."""
    account = StaffAccount("00000000-0000-4000-8000-00000000a0d1", "auditor@example.com",
                           "Zhao Min", frozenset({"auditor"}), True, container.clock.now())
    with container.uow() as uow:
        uow.staff.add(account, container.passwords.hash(PASSWORD))
        uow.commit()
    return login(api, "auditor@example.com")


@dataclass(frozen=True)
class Counts:
    subjects: int
    items: int
    decisions: int
    audit: int
    keys: int


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def counts(c: Container) -> Counts:
    """Rows in every table a request about personal data could write."""
    with c.engine.connect() as conn:
        data = [_count(conn, tb) for tb in (t.subjects, t.items, t.decisions, t.audit_entries)]
    with c.keys_engine.connect() as conn:
        keys = _count(conn, subject_keys)
    return Counts(*data, keys)


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment that points the installed command at this test's databases."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIIGUARD_")}
    env["PIIGUARD_VAR_DIR"] = str(settings.var_dir)
    if settings.database_url:
        env["PIIGUARD_DATABASE_URL"] = settings.database_url
    if settings.keystore_url:
        env["PIIGUARD_KEYSTORE_URL"] = settings.keystore_url
    env["COLUMNS"] = "200"  # rich tables: keep ids and values whole
    return env
