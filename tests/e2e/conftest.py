"""End-to-end fixtures: the API through FastAPI's TestClient on a real container, and the
installed `piiguard` command with the environment that points it at the test's databases."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import ssl
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyotp
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, Table, func, select
from starlette.exceptions import StarletteDeprecationWarning

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services.clients import api_keys as accounts
from piiguard.services.staff import accounts as staff_accounts
from piiguard.web.app import create_app
from tests.clocks import SteppingClock

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 fork; plain httpx (a dev dependency) works the same.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PIIGUARD = Path(sys.executable).parent / "piiguard"
# the TLS context of the tests' httpx clients to the servers they start (plain HTTP: never
# used): a client made without one builds its own from the CA bundle, ~25 ms of CPU, and
# httpx.get makes a client each call — every 0.1 s while a server starts
TLS = ssl.create_default_context()
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Caller:
    """Someone calling the API: the headers to send and the actor the audit trail names."""

    id: str
    kind: str  # system | staff
    headers: dict[str, str]
    totp_secret: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


_APPS: list[FastAPI] = []  # the app of this test process, once built


@functools.cache
def described_app() -> FastAPI:
    """The app as `create_app` makes it, serving no container yet (create_app only keeps the
    container in `app.state`): built once per test process, with its OpenAPI description
    (FastAPI keeps it on the app). test_bad_input.py and test_fuzz.py read its routes and
    description when they are collected; `app_for` hands it each test's container."""
    return create_app(None)  # type: ignore[arg-type]


def app_for(c: Container) -> FastAPI:
    """The app serving `c`, as `create_app(c)` makes it, built once per test process and
    handed each test's container (its routes and lifespan read `app.state.container`):
    building one works out every route's dependencies, 0.3-1 s, more than most tests take.
    A test serving a second container at the same time gets an app of its own."""
    if not _APPS:
        _APPS.append(described_app())
    app = _APPS[0]
    if app.state.container is not None and app.state.container is not c:
        return create_app(c)
    app.state.container = c
    return app


@pytest.fixture(autouse=True)
def _release_app() -> Iterator[None]:
    """After each test the shared app serves nobody and forgets what the test kept on it."""
    yield
    if _APPS:
        _APPS[0].state.container = None
        if hasattr(_APPS[0].state, "totp_secrets"):
            del _APPS[0].state.totp_secrets


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    with TestClient(app_for(container)) as client:
        yield client


@pytest.fixture
def system(container: Container) -> Caller:
    """An ERP system client with a fresh API key."""
    client, key = accounts.add_client(container.uow(), container.clock, OPERATOR, "erp")
    return Caller(client.id, "system", {"Authorization": f"Bearer {key}"})


# The last TOTP time step used per seed: the server accepts each step once, so a second
# sign-in in the same 30 s uses the next step (inside the ±1 window) and a third moves the
# container's clock to the next step. The seeds themselves are kept per app, by email.
_LAST_STEP: dict[str, int] = {}


def totp_secrets(api: TestClient) -> dict[str, str]:
    state = api.app.state  # type: ignore[attr-defined]
    if not hasattr(state, "totp_secrets"):
        state.totp_secrets = {}
    found: dict[str, str] = state.totp_secrets
    return found


def totp_code(api: TestClient, secret: str) -> str:
    """A code the server will take now: by the server's clock, for a step not used yet."""
    c: Container = api.app.state.container  # type: ignore[attr-defined]
    while True:
        now: datetime = c.clock.now()
        step = int(now.timestamp()) // 30
        use = max(step, _LAST_STEP.get(secret, -1) + 1)
        if use <= step + 1:
            _LAST_STEP[secret] = use
            return pyotp.TOTP(secret).at(use * 30)
        if not isinstance(c.clock, SteppingClock):  # a FixedClock's time is the test's
            pytest.fail(
                "every TOTP step near the container's clock is used: advance it, "
                "or bootstrap with clock=SteppingClock()"
            )
        # where a person would wait for the next step, the clock moves there at once
        c.clock.advance(timedelta(seconds=30 - now.timestamp() % 30 + 0.05))


def login(api: TestClient, email: str, password: str = PASSWORD) -> Caller:
    """Sign in; an account whose role needs TOTP and has none is enrolled on the way (the
    session may do nothing else first), as a person would with their phone."""
    body = {"email": email, "password": password}
    secret = totp_secrets(api).get(email)
    if secret:
        body["totp_code"] = totp_code(api, secret)
    r = api.post("/api/v1/staff/login", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    headers = {"Authorization": f"Bearer {out['token']}"}
    if out["pending"] == "enrol_totp":
        secret = api.post("/api/v1/staff/me/totp", headers=headers).json()["secret"]
        totp_secrets(api)[email] = secret
        r = api.post(
            "/api/v1/staff/me/totp/confirm", headers=headers, json={"code": totp_code(api, secret)}
        )
        assert r.status_code == 200, r.text
        assert r.json()["pending"] is None, r.text
    return Caller(out["staff_id"], "staff", headers, totp_secrets(api).get(email))


def reauth(api: TestClient, caller: Caller, password: str = PASSWORD) -> None:
    body = {"password": password}
    if caller.totp_secret:
        body["totp_code"] = totp_code(api, caller.totp_secret)
    r = api.post("/api/v1/staff/reauth", json=body, headers=caller.headers)
    assert r.status_code == 200, r.text


def first_account(
    c: Container, api: TestClient, email: str = "officer@example.com", name: str = "Wang Fang"
) -> Caller:
    """The first staff account (admin + privacy officer) through the one-time setup link."""
    token = staff_accounts.open_setup(c.uow(), c.clock, 1.0)
    assert token is not None
    staff_accounts.complete_setup(c.staff, c.uow(), token, email, name, PASSWORD)
    return login(api, email)


@pytest.fixture
def officer(container: Container, api: TestClient) -> Caller:
    """The first staff account (admin + privacy officer), made through the one-time setup."""
    return first_account(container, api)


@pytest.fixture
def auditor(container: Container, api: TestClient) -> Caller:
    """A staff account holding only the auditor role, added by the repository (with a fixed
    id); it enrols TOTP at its first sign-in like any auditor."""
    account = StaffAccount(
        "00000000-0000-4000-8000-00000000a0d1",
        "auditor@example.com",
        "Zhao Min",
        frozenset({"auditor"}),
        True,
        container.clock.now(),
    )
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
    # mail to the test's loopback sink; no listener or jobs unless a test asks for them
    env["PIIGUARD_SMTP_PORT"] = str(settings.smtp_port)
    env["PIIGUARD_INBOX_PORT"] = str(settings.inbox_port)
    env["PIIGUARD_SCHEDULER"] = settings.scheduler
    env["PIIGUARD_PUBLIC_URL"] = settings.public_url
    env["COLUMNS"] = "200"  # rich tables: keep ids and values whole
    return env


def free_port() -> int:
    """A TCP port on loopback nobody listens on (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("PIIGUARD_REQUIRE_BROWSER"):  # CI: never skip quietly
    raise RuntimeError("PIIGUARD_REQUIRE_BROWSER is set but no chromium is installed")
# the browser tests' module mark: they skip, with the reason, where there is no Chromium
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium: apt-get install chromium (CI does)"
)


@pytest.fixture
def people(container: Container, api: TestClient, officer: Caller, auditor: Caller) -> Any:
    """Signed-in console users (tests/e2e/console_client.py): staff (sales), the first
    account (admin + privacy officer), a second privacy officer, an auditor."""
    from tests.e2e.console_client import Console, People, member  # noqa: PLC0415 (cycle)

    staff = member(container, api, "zhou.min@example.com", {"staff"}, "Zhou Min")
    second = member(container, api, "chen.jing@example.com", {"privacy_officer"}, "Chen Jing")
    return People(
        Console(api, staff), Console(api, officer), Console(api, second), Console(api, auditor)
    )
