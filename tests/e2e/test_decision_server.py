"""The decision endpoint as served: group commit and several server processes.

POST /api/v1/decisions answers only after the commit that holds the decision (concurrent
callers share commits). Killed with SIGKILL mid-stream — every process at once — every
decision a caller saw acknowledged is in the ledger with its audit entry, and the trail
verifies. `serve --workers 2` answers from both processes and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.engine import make_engine
from piiguard.config import Settings
from tests.e2e import cli_runner
from tests.e2e.conftest import TLS
from tests.e2e.test_crash_safety import server

CALLERS = 8


def _client_and_subject(settings: Settings, base: str) -> tuple[str, str]:
    added = cli_runner.piiguard(settings, "client", "add", f"erp{time.monotonic_ns()}")
    assert added.returncode == 0, added.stderr
    key = added.stdout.splitlines()[-1]
    r = httpx.post(
        f"{base}/api/v1/subjects",
        headers={"Authorization": f"Bearer {key}"},
        json={
            "kind": "customer_contact",
            "items": [
                {
                    "category": "user.contact.email",
                    "value": "wang@example.cn",
                    "channel": "web",
                    "legal_basis": "contract",
                    "source_system": "webshop",
                }
            ],
        },
        timeout=60,
        verify=TLS,
    )
    assert r.status_code == 201, r.text
    return key, r.json()["id"]


def _ledger(settings: Settings) -> tuple[set[str], set[str]]:
    """Decision ids in the ledger, and decision ids named by decision.evaluate entries."""
    engine = make_engine(settings.data_url)
    try:
        with engine.connect() as conn:
            decided = set(conn.execute(select(t.decisions.c.id)).scalars())
            audited = set(
                conn.execute(
                    select(t.audit_entries.c.decision_id).where(
                        t.audit_entries.c.action == "decision.evaluate"
                    )
                ).scalars()
            )
    finally:
        engine.dispose()
    return decided, audited


@pytest.mark.slow
@pytest.mark.req("R2.4")
@pytest.mark.req("R5.1")
def test_every_acknowledged_decision_survives_sigkill_of_all_workers(
    settings: Settings, tmp_path: Path
) -> None:
    log = tmp_path / "server.log"
    acked: list[str] = []
    refused: list[str] = []
    stop = threading.Event()
    with server(settings, log, "--workers", "2") as srv:
        key, sid = _client_and_subject(settings, srv.url)
        body = {"subject_id": sid, "purpose": "after_sales", "categories": ["user.contact.email"]}

        def call() -> None:
            with httpx.Client(
                base_url=srv.url,
                timeout=30,
                headers={"Authorization": f"Bearer {key}"},
                verify=TLS,
            ) as http:
                while not stop.is_set():
                    try:
                        r = http.post("/api/v1/decisions", json=body)
                    except httpx.TransportError:
                        return  # the server is gone
                    if r.status_code == 201:
                        acked.append(r.json()["id"])
                    else:
                        refused.append(r.text)

        with ThreadPoolExecutor(CALLERS) as pool:
            futures = [pool.submit(call) for _ in range(CALLERS)]
            deadline = time.monotonic() + 30
            while len(acked) < 200 and time.monotonic() < deadline:
                time.sleep(0.05)
            os.killpg(srv.proc.pid, signal.SIGKILL)  # parent and workers, no shutdown
            stop.set()
            for f in futures:
                f.result()
    assert not refused, refused[:3]
    assert len(acked) >= 200
    decided, audited = _ledger(settings)
    assert set(acked) <= decided, "an acknowledged decision is missing"
    assert decided <= audited, "a decision without its audit entry"
    verified = cli_runner.piiguard(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


@pytest.mark.slow
@pytest.mark.req("R2.4")
def test_two_workers_share_the_port_and_stop_cleanly(settings: Settings, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with server(settings, log, "--workers", "2") as srv:
        key, sid = _client_and_subject(settings, srv.url)
        # new connections are spread over the workers by the kernel (SO_REUSEPORT)
        ids = []
        for _ in range(40):
            with httpx.Client(base_url=srv.url, timeout=30, verify=TLS) as http:
                r = http.post(
                    "/api/v1/decisions",
                    headers={"Authorization": f"Bearer {key}"},
                    json={"subject_id": sid, "purpose": "after_sales"},
                )
            assert r.status_code == 201, r.text
            ids.append(r.json()["id"])
        assert len(set(ids)) == 40
        srv.proc.terminate()
        assert srv.proc.wait(timeout=60) == 0, srv.text()
    text = log.read_text("utf-8", errors="replace")
    assert text.count("Application startup complete") == 2
    assert text.count("Application shutdown complete") == 2
    assert "wang@example.cn" not in text
    assert "POST /api/v1/decisions" not in text  # no access log unless asked for
    engine = make_engine(settings.data_url)
    try:
        with engine.connect() as conn:
            details = [
                json.loads(d)
                for d in conn.execute(
                    select(t.audit_entries.c.details).where(t.audit_entries.c.decision_id.in_(ids))
                ).scalars()
            ]
    finally:
        engine.dispose()
    assert len(details) == 40
    assert {d["outcome"] for d in details} == {"allowed"}
