"""Crash safety: the real server is killed (SIGKILL) in the middle of a stream of writes from
four concurrent clients, then restarted. Every write a client saw acknowledged must be there
and readable, nothing else may be half-there, every subject and item must have its audit
entry, and the audit trail must verify."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.config import Settings
from tests.e2e import cli_runner
from tests.e2e.conftest import PIIGUARD, TLS, cli_env, free_port

WRITERS = 4
ENOUGH_ACKS = 40  # kill after this many acknowledged writes...
ENOUGH_SECONDS = 1.0  # ...or this long after the first one, whichever comes first
ITEMS = ("user.contact.email", "user.contact.phone_number", "user.name")


def payload(writer: int, n: int) -> dict[str, Any]:
    values = (f"w{writer}n{n}@example.cn", f"139{writer:02d}{n:06d}", f"客户{writer}-{n}")
    return {
        "kind": "customer_contact",
        "items": [
            {
                "category": c,
                "value": v,
                "channel": "web",
                "legal_basis": "contract",
                "source_system": "webshop",
            }
            for c, v in zip(ITEMS, values, strict=True)
        ],
    }


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path

    def text(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


@contextmanager
def server(settings: Settings, log: Path, *args: str) -> Iterator[Server]:
    """`piiguard serve ARGS` on a free port, waited for until /healthz answers; killed on
    exit, with any worker processes (its own process group), if the test has not stopped
    it."""
    port = free_port()
    env = cli_env(settings) | {"PIIGUARD_AUDIT_CHECKPOINT_SECONDS": "0.2"}
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [str(PIIGUARD), "serve", "--port", str(port), *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    srv = Server(proc, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, f"server exited early:\n{srv.text()}"
            assert time.monotonic() < deadline, f"server never became healthy:\n{srv.text()}"
            try:
                if httpx.get(f"{srv.url}/healthz", timeout=2, verify=TLS).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        yield srv
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


@dataclass
class Stream:
    acked: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    interrupted: int = 0  # requests cut off by the kill (sent, no answer)
    refused: int = 0  # requests that found no server
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    first_ack: threading.Event = field(default_factory=threading.Event)


def write_until_refused(url: str, key: str, writer: int, stream: Stream) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, headers=headers, timeout=60, verify=TLS) as http:
        for n in range(100_000):
            body = payload(writer, n)
            try:
                r = http.post("/api/v1/subjects", json=body)
            except httpx.ConnectError:
                with stream.lock:
                    stream.refused += 1
                return
            except httpx.TransportError:
                with stream.lock:
                    stream.interrupted += 1
                return
            with stream.lock:
                if r.status_code == 201:
                    stream.acked.append((r.json(), body))
                    stream.first_ack.set()
                else:
                    stream.unexpected.append(f"{r.status_code} {r.text}")
                    return


def stream_then_kill(settings: Settings, log: Path, key: str) -> Stream:
    """Four writers stream subjects; the server is SIGKILLed while they write."""
    stream = Stream()
    with server(settings, log) as srv, ThreadPoolExecutor(WRITERS) as pool:
        writers = [
            pool.submit(write_until_refused, srv.url, key, w, stream) for w in range(WRITERS)
        ]
        assert stream.first_ack.wait(timeout=60), f"no write acknowledged:\n{srv.text()}"
        deadline = time.monotonic() + ENOUGH_SECONDS
        while len(stream.acked) < ENOUGH_ACKS and time.monotonic() < deadline:
            assert not stream.unexpected, stream.unexpected
            time.sleep(0.01)
        srv.proc.kill()  # SIGKILL: no shutdown hooks, no flush, no final checkpoint
        srv.proc.wait(timeout=30)
        for w in writers:
            w.result(timeout=120)
    return stream


@dataclass(frozen=True)
class Stored:
    items_per_subject: dict[str, int]
    item_ids: set[str]
    created_entries: dict[str, list[str]]  # subject id -> item ids, from subject.create
    keyed: set[str]  # subjects with a data key in the key store


def stored(settings: Settings) -> Stored:
    """What the databases hold, read directly (not through piiguard)."""
    engine, keys_engine = make_engine(settings.data_url), make_engine(settings.keys_url)
    try:
        with engine.connect() as conn:
            per_subject = {
                sid: int(n)
                for sid, n in conn.execute(
                    select(t.subjects.c.id, func.count(t.items.c.id))
                    .select_from(t.subjects.outerjoin(t.items))
                    .group_by(t.subjects.c.id)
                )
            }
            item_ids = set(conn.execute(select(t.items.c.id)).scalars())
            created = {
                row.target_id: json.loads(row.details)["items"]
                for row in conn.execute(
                    select(t.audit_entries.c.target_id, t.audit_entries.c.details).where(
                        t.audit_entries.c.action == "subject.create"
                    )
                )
            }
        with keys_engine.connect() as conn:
            keyed = set(conn.execute(select(subject_keys.c.subject_id)).scalars())
    finally:
        engine.dispose()
        keys_engine.dispose()
    return Stored(per_subject, item_ids, created, keyed)


@pytest.mark.slow
@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
def test_sigkill_mid_stream_loses_nothing_acknowledged(settings: Settings, tmp_path: Path) -> None:
    added = cli_runner.piiguard(settings, "client", "add", "webshop")
    assert added.returncode == 0, added.stderr
    key = added.stdout.splitlines()[-1]
    log = tmp_path / "server.log"

    stream = stream_then_kill(settings, log, key)
    assert not stream.unexpected, stream.unexpected
    assert stream.interrupted >= 1, "the kill found no request in flight"
    acked = {resp["id"]: (resp, body) for resp, body in stream.acked}
    assert len(acked) == len(stream.acked) >= 1

    with (
        server(settings, log) as srv,
        httpx.Client(
            base_url=srv.url, headers={"Authorization": f"Bearer {key}"}, timeout=60, verify=TLS
        ) as http,
    ):
        db = stored(settings)
        assert set(acked) <= set(db.items_per_subject), "an acknowledged subject is missing"
        # nothing half-there: every subject, acknowledged or not, has all its items...
        assert {s: n for s, n in db.items_per_subject.items() if n != len(ITEMS)} == {}
        # ...its data key, and an audit entry naming the subject and each of its items
        assert set(db.items_per_subject) <= db.keyed
        assert set(db.created_entries) == set(db.items_per_subject)
        assert {i for ids in db.created_entries.values() for i in ids} == db.item_ids
        for sid, (resp, _) in acked.items():
            assert sorted(db.created_entries[sid]) == sorted(i["id"] for i in resp["items"])

        for sid in db.items_per_subject:  # readable, with the values that were sent
            r = http.get(f"/api/v1/subjects/{sid}/data", params={"purpose": "order_fulfilment"})
            assert r.status_code == 200, r.text
            got = {i["category"]: (i["id"], i["value"]) for i in r.json()["items"]}
            assert len(got) == len(ITEMS)
            if sid in acked:
                resp, body = acked[sid]
                sent = {i["category"]: i["value"] for i in body["items"]}
                ids = {i["category"]: i["id"] for i in resp["items"]}
                assert got == {c: (ids[c], sent[c]) for c in ITEMS}
        srv.proc.terminate()  # a clean stop signs a final checkpoint
        # uvicorn re-raises the signal once its graceful shutdown is done
        assert srv.proc.wait(timeout=60) in (0, -signal.SIGTERM), srv.text()
        assert "Application shutdown complete" in srv.text()

    # the trail is intact across the crash; the server log holds no value
    verified = cli_runner.piiguard(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "audit trail intact" in verified.stdout
    logged = log.read_text("utf-8", errors="replace")
    for _, body in stream.acked:
        for it in body["items"]:
            assert it["value"] not in logged
