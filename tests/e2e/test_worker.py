"""`piiguard worker` as a process (R9.1, R9.2): its SMTP listener turns a mail to the
privacy mailbox into a request and answers with the code; its jobs run on start (catch-up)
and stop on SIGTERM. Both backends."""

from __future__ import annotations

import signal
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from piiguard.bootstrap import Container
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
        container: Container, settings: Settings, mailbox: SmtpSink) -> None:
    register(container, *contact("zhang.san@example.cn"))
    port = free_port()
    env = cli_env(settings) | {"PIIGUARD_INBOX_PORT": str(port),
                               "PIIGUARD_SCHEDULER_SECONDS": "0.5"}
    proc = subprocess.Popen([PIIGUARD, "worker"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
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
