"""An unexpected error logs no personal data, on SQLite and PostgreSQL (R5.1, R5.5).

The real server (`piiguard serve` under uvicorn, as a subprocess; tests/e2e/failing_server.py
makes two use cases fail inside the database with the values they were sent) answers
problem+json 500 `internal-error`, and everything the process writes — our own handler,
uvicorn's "Exception in ASGI application", Starlette's error middleware, SQLAlchemy, any
logger that formats an exception with its message, args and chained causes — is scanned
for the values sent. The log must still say that something failed, of what type, where."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.services.clients import api_keys as accounts
from tests.e2e.conftest import TLS, cli_env, free_port

ROOT = Path(__file__).resolve().parents[2]
EMAIL, PHONE, NAME = "qz.leak.4714@example.cn", "13912344714", "韩梅梅泄露"


@contextlib.contextmanager
def failing_server(c: Container, log: Path) -> Iterator[str]:
    """tests/e2e/failing_server.py on a free port until /healthz answers; stopped with
    SIGTERM (so uvicorn flushes and shuts down as in production) when the test is done."""
    port = free_port()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.failing_server", "serve", "--port", str(port)],
            cwd=ROOT,
            env=cli_env(c.settings),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log.read_text("utf-8", "replace")
            assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}/healthz", timeout=2, verify=TLS).status_code == 200:
                    break
            time.sleep(0.1)
        yield url
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) in (0, -signal.SIGTERM), log.read_text("utf-8", "replace")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Caller:
    """One connection per request, so each answer stands on its own."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.url, self.headers = url, headers

    def post(self, path: str, json: object) -> httpx.Response:
        return httpx.post(self.url + path, json=json, headers=self.headers, timeout=30, verify=TLS)


def internal_error(r: httpx.Response, instance: str) -> None:
    assert r.status_code == 500, r.text
    assert r.headers["content-type"].split(";")[0] == "application/problem+json"
    body = r.json()
    assert body["type"] == "urn:piiguard:problem:internal-error", body
    assert body["instance"] == instance
    assert not {EMAIL, PHONE, NAME} & {str(v) for v in body.values()}, body


@pytest.mark.long
@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
def test_an_internal_error_answers_500_and_logs_no_value_sent(
    container: Container, tmp_path: Path
) -> None:
    c = container
    _, key = accounts.add_client(c.uow(), c.clock, OPERATOR, "erp")
    log = tmp_path / "server.log"
    with failing_server(c, log) as url:
        http = Caller(url, {"Authorization": f"Bearer {key}"})
        items = [
            {
                "category": category,
                "value": value,
                "channel": "web",
                "legal_basis": "contract",
                "source_system": "crm",
            }
            for category, value in (
                ("user.contact.email", EMAIL),
                ("user.contact.phone_number", PHONE),
                ("user.name", NAME),
            )
        ]
        internal_error(
            http.post("/api/v1/subjects", json={"kind": "customer_contact", "items": items}),
            "/api/v1/subjects",
        )
        internal_error(
            http.post(
                "/api/v1/subjects/lookup", json={"category": "user.contact.email", "value": EMAIL}
            ),
            "/api/v1/subjects/lookup",
        )
        assert httpx.get(f"{url}/healthz", verify=TLS).status_code == 200  # the server carries on
    text = log.read_text("utf-8", errors="replace")
    # it did log the failures: the type and the route, so the capture is not empty
    assert "RuntimeError" in text and "/api/v1/subjects" in text, text
    assert any(name in text for name in ("ProgrammingError", "OperationalError", "DataError")), text
    for needle in (EMAIL, "qz.leak.4714", PHONE, NAME, "[parameters", "invalid input syntax"):
        assert needle not in text, f"{needle!r} in the server log:\n{text}"
