"""`piiguard worker` as a process (R9.1, R9.2): its SMTP listener turns a mail to the
privacy mailbox into a request and answers with the code; its jobs run on start (catch-up)
and stop on SIGTERM. Both backends."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from piiguard.bootstrap import Container, jobs
from piiguard.bootstrap.jobs import PeriodicJob, Report
from piiguard.cli.main import app
from piiguard.config import Settings
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.services.rights.intake import list_requests
from tests.builders import contact, register
from tests.e2e.conftest import cli_env, free_port
from tests.mailserver import SmtpSink, body_text

PIIGUARD = str(Path(sys.executable).with_name("piiguard"))


def _send(port: int, sender: str, subject: str, body: str) -> None:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, "privacy@example.com", subject
    m.set_content(body)
    deadline = time.monotonic() + 20
    while True:  # until the worker's listener is up
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as s:
                s.send_message(m)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        else:
            return


@pytest.mark.req("R9.1")
def test_worker_turns_mail_into_a_request_and_stops_cleanly(
    container: Container, settings: Settings, mailbox: SmtpSink
) -> None:
    register(container, *contact("zhang.san@example.cn"))
    port = free_port()
    env = cli_env(settings) | {
        "PIIGUARD_INBOX_PORT": str(port),
        "PIIGUARD_SCHEDULER_SECONDS": "0.5",
    }
    proc = subprocess.Popen(
        [PIIGUARD, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _send(port, "zhang.san@example.cn", "Access request", "Please send me a copy.")
        code_mail = mailbox.wait_for(lambda m: m["To"] == "zhang.san@example.cn", timeout=20)
        assert "code" in body_text(code_mail)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, errors = proc.communicate(timeout=30)
    assert proc.returncode == 0, errors
    assert "SMTP listener on 127.0.0.1" in out
    [req] = list_requests(container.uow(), QueueFilter())
    assert (req.kind, req.channel) == (RequestKind.ACCESS, RequestChannel.EMAIL)
    assert "zhang.san" not in out + errors  # no personal data in what the worker prints


def _worker_once(settings: Settings) -> tuple[int, str]:
    """`piiguard worker --once` in this process, on the test's databases."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("PIIGUARD_")}
    env |= {k: v for k, v in cli_env(settings).items() if k.startswith("PIIGUARD_")}
    r = CliRunner().invoke(app, ["worker", "--once"], env=env, prog_name="piiguard")
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout


@pytest.mark.req("R9.2")
def test_worker_once_runs_every_registered_job_and_fails_when_one_does(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = _worker_once(settings)
    assert code == 0, out
    assert "notices 0, webhook deliveries 0, replies 0" in out  # the request jobs

    def backup(c: Container) -> Report:
        raise OSError("the backup disk is full")

    # a new periodic job is one entry in the registry; the worker runs it with the others
    monkeypatch.setattr(
        jobs, "REGISTRY", (*jobs.REGISTRY, PeriodicJob("backup", lambda s: 3600.0, backup))
    )
    code, out = _worker_once(settings)
    assert code == 1
    assert "notices 0, webhook deliveries 0, replies 0" in out
    assert "backup failed (OSError)" in out and "disk is full" not in out
