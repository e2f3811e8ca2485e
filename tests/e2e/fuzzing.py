"""What the fuzz run (test_fuzz.py) and the bad-input corpus (test_bad_input.py) share: one
app per test module and database, its two kinds of credential, the sending of a request as
each of them, and the two failure conditions — a 5xx, or a value sent found in the log.

The app runs in this process (Starlette's TestClient over ASGI: no server, no port), on a
container of its own for the whole module, so data the requests write stays for the next
ones (a fuzzer finds more in a database that is not empty). Server errors come back as
responses (raise_server_exceptions=False), as a client would see them. schemathesis makes
the requests (its pytest integration, one test per operation) and this client sends them:
its own ASGI transport would start the app's lifespan once per process and keep it, where
each module here closes its container, and could not tell two client addresses apart.

Deeper runs (docs/security.md, "Fuzzing"): PIIGUARD_FUZZ_SEED picks other inputs,
PIIGUARD_FUZZ_EXAMPLES more of them per operation, PIIGUARD_FUZZ_COVERAGE=1 adds
schemathesis's coverage phase."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services.clients import api_keys as accounts
from piiguard.web.app import create_app
from piiguard.web.session import CSRF_HEADER, SESSION_COOKIE
from tests.conftest import PG_ENV, SKIP_PG
from tests.e2e.conftest import PASSWORD, TestClient, first_account
from tests.mailserver import SmtpSink
from tests.passwords import QUICK
from tests.pg_snapshot import SeededPair

SEED = int(os.environ.get("PIIGUARD_FUZZ_SEED", "20260611"))
EXAMPLES = int(os.environ.get("PIIGUARD_FUZZ_EXAMPLES", "4"))
COVERAGE = os.environ.get("PIIGUARD_FUZZ_COVERAGE", "") not in ("", "0")
CREDENTIALS = ("api_key", "staff_cookie")
FUZZ_ADDRESS = ("198.51.100.7", 40000)  # the fuzzed requests (sign-in failures count here)
SETUP_ADDRESS = ("198.51.100.8", 40000)  # the fixtures' own sign-ins
# the routes that end or change the caller's own session: a staff cookie run sends them
# with a throwaway account's session, so the officer's stays usable for the other routes
OWN_SESSION = frozenset(
    {
        ("POST", "/api/v1/staff/logout"),
        ("POST", "/api/v1/staff/reauth"),
        ("POST", "/api/v1/staff/me/password"),
        ("POST", "/api/v1/staff/me/totp"),
        ("POST", "/api/v1/staff/me/totp/confirm"),
        ("POST", "/api/v1/staff/me/recovery-codes"),
        ("POST", "/console/logout"),
        ("POST", "/console/unlock"),
        ("POST", "/console/password"),
        ("POST", "/console/enrol"),
    }
)
CLIENT_LOGGERS = ("httpx", "httpcore", "hypothesis", "schemathesis", "urllib3", "asyncio", "faker")
MIN_VALUE = 6  # shorter values turn up in any log line by chance ("error", ids, words)


class Target:
    """The app under test with a system's API key and an officer's console session (a
    plain class: Hypothesis prints a dataclass field by field with a failing example)."""

    def __init__(
        self,
        c: Container,
        client: TestClient,
        setup: TestClient,
        api_key: str,
        session: str,
        csrf: str,
        known: set[str],
    ) -> None:
        self.c, self.client, self.setup = c, client, setup
        self.api_key, self.session, self.csrf = api_key, session, csrf
        self.known = known  # strings the log may hold legitimately (the API description's)
        self.throwaways = 0
        self.own: tuple[str, str] | None = None  # the throwaway session in use
        self.statuses: dict[int, int] = {}

    def __repr__(self) -> str:  # Hypothesis prints it with a failing example
        return f"Target({self.c.settings.database_url or 'sqlite'})"

    def headers(self, credential: str, method: str, template: str) -> dict[str, str]:
        """The credential as a client sends it: the key as Bearer, or the console's cookie
        with the session's CSRF token (a throwaway session for OWN_SESSION routes)."""
        if credential == "api_key":
            return {"Authorization": f"Bearer {self.api_key}"}
        session, csrf = self.session, self.csrf
        if (method, template) in OWN_SESSION:
            if self.own is None:
                self.own = self.throwaway_session()
            session, csrf = self.own
        return {"Cookie": f"{SESSION_COOKIE}={session}", CSRF_HEADER: csrf}

    def answered(self, method: str, template: str, status: int) -> None:
        """After an OWN_SESSION route: a session it ended or refused is replaced."""
        if (method, template) in OWN_SESSION and (
            status == 401 or (template.endswith("logout") and status < 400)
        ):
            self.own = None

    def throwaway_session(self) -> tuple[str, str]:
        """A new account (role staff, TOTP not enrolled yet: its session may use only its
        own routes, which is what the OWN_SESSION routes are) and its session."""
        self.throwaways += 1
        email = f"throwaway{self.throwaways}@fuzz.example.cn"
        with self.c.uow() as uow:
            uow.staff.add(
                StaffAccount(
                    f"00000000-0000-4000-8000-{self.throwaways:012d}",
                    email,
                    "Fuzz",
                    frozenset({"staff"}),
                    True,
                    self.c.clock.now(),
                    department="sales",
                ),
                _password_hash(self.c),
            )
            uow.commit()
        r = self.setup.post("/api/v1/staff/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return r.json()["token"], r.json()["csrf_token"]


_HASHES: dict[int, str] = {}


def _password_hash(c: Container) -> str:
    """One argon2 hash of PASSWORD per container (hashing is the slow part of an account)."""
    if id(c) not in _HASHES:
        _HASHES[id(c)] = c.passwords.hash(PASSWORD)
    return _HASHES[id(c)]


def _settings(backend: str, var: Path, request: pytest.FixtureRequest) -> Settings:
    sink: SmtpSink = request.getfixturevalue("smtp_sink")
    mail = {
        "smtp_port": sink.port,
        "inbox_port": 0,
        "scheduler": "off",
        "public_url": "http://testserver",
    }
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        var.mkdir(parents=True)
        for name in ("piiguard.db", "keystore.db", "master.key", "audit-signing.key"):
            shutil.copy2(template / name, var / name)
        return Settings(var_dir=var, **mail)
    if not os.environ.get(PG_ENV):
        pytest.skip(SKIP_PG)
    seeded: SeededPair = request.getfixturevalue("pg_seeded")
    seeded.restore(var)
    return Settings(var_dir=var, database_url=seeded.data_url, keystore_url=seeded.keys_url, **mail)


def _strings(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings(k, found)
            _strings(v, found)
    elif isinstance(value, list | tuple):
        for v in value:
            _strings(v, found)
    return found


def make_target(request: pytest.FixtureRequest, tmp: Path) -> Iterator[Target]:
    """The body of the module-scoped fixtures of test_fuzz.py and test_bad_input.py."""
    backend = str(request.param)
    c = bootstrap(_settings(backend, tmp / "var", request), migrate=False, passwords=QUICK)
    app = create_app(c)
    try:
        # the fuzzed client runs the app's lifespan and keeps one event loop for all its
        # requests; the set-up client is used a few times, from another address
        with TestClient(app, raise_server_exceptions=False, client=FUZZ_ADDRESS) as client:
            setup = TestClient(app, client=SETUP_ADDRESS)
            officer = first_account(c, setup, "fuzz.officer@fuzz.example.cn", "Fuzz Officer")
            token = officer.headers["Authorization"].removeprefix("Bearer ")
            me = setup.get("/api/v1/staff/me", headers=officer.headers)
            assert me.status_code == 200, me.text
            _client, key = accounts.add_client(c.uow(), c.clock, OPERATOR, "fuzz-erp")
            known = _strings(app.openapi(), set()) | {key, token, me.json()["csrf_token"]}
            target = Target(c, client, setup, key, token, me.json()["csrf_token"], known)
            yield target
            if os.environ.get("PIIGUARD_FUZZ_STATS"):
                print(
                    f"\n{backend}: statuses {sorted(target.statuses.items())}, "
                    f"{target.throwaways} throwaway sessions"
                )
    finally:
        c.close()


def sent_values(*parts: Any) -> set[str]:
    """The strings a request carried that are long and unusual enough to look for in the
    log (never those of the API description: keys, enums, examples)."""
    return {s for s in _strings(list(parts), set()) if len(s.strip()) >= MIN_VALUE}


def leaks(records: list[logging.LogRecord], values: set[str], known: set[str]) -> list[str]:
    """Values sent that the server's log lines hold (messages and tracebacks)."""
    lines = []
    for record in records:
        if record.name.startswith(CLIENT_LOGGERS):
            continue
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            text += "\n" + record.exc_text
        lines.append(text)
    log = "\n".join(lines)
    return sorted(v for v in values - known if v in log)


def check(
    response: httpx.Response,
    records: list[logging.LogRecord],
    values: set[str],
    target: Target,
    what: str,
) -> None:
    """The two failure conditions of issue 11 E."""
    target.statuses[response.status_code] = target.statuses.get(response.status_code, 0) + 1
    assert response.status_code < 500, (
        f"{what} answered {response.status_code}: {response.text[:500]}"
    )
    found = leaks(records, values, target.known)
    assert not found, f"{what}: values sent are in the log: {found!r}"
