"""The outbound webhook adapter over real HTTP on loopback: a stdlib ThreadingHTTPServer
records what arrives and answers as each path says (no mocks)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from piiguard.adapters.webhooks import (
    HttpWebhookSender,
    check_webhook_url,
    encode_body,
    new_webhook_secret,
    sign,
    verify_signature,
)
from piiguard.domain.errors import InvalidInput

pytestmark = pytest.mark.req("R4.1")

TIMEOUT = 0.3
SECRET = b"k" * 32
PAYLOAD: dict[str, object] = {
    "event": "request.correct",
    "task_id": "task-1",
    "request_id": "req-1",
    "subject_id": "subj-1",
    "system": "erp",
    "categories": frozenset({"phone", "address"}),
    "changes": {"address": "上海市 1 号"},
}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    server: ThreadingHTTPServer
    requests: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        rec = self.server.receiver
        rec.requests.append(
            Received(self.path, dict(self.headers.items()), self.rfile.read(length))
        )
        path = self.path.split("?")[0]
        if path == "/slow":
            rec.release.wait(5)  # longer than the client waits; let go at teardown
        status, body, extra = _ANSWERS.get(path, (404, b"", {}))
        try:
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (the timeout test): nothing to answer
            pass

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output stays clean."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    receiver: Receiver


_ANSWERS: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/done": (200, b'{"status": "done", "reference": "ERP-7"}', {}),
    "/accepted": (202, b'{"status": "queued"}', {}),
    "/not-json": (200, b"ok", {}),
    "/fail": (500, b"boom", {}),
    "/redirect": (302, b"", {"Location": "/done"}),
    "/slow": (200, b'{"status": "done"}', {}),
}


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = _Server(("127.0.0.1", 0), _Handler)
    rec = Receiver(server)
    server.receiver = rec
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield rec
    rec.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def sender() -> HttpWebhookSender:
    return HttpWebhookSender(timeout=TIMEOUT)


def test_signed_request_verifies_and_carries_the_headers(
    receiver: Receiver, sender: HttpWebhookSender
) -> None:
    before = int(time.time())
    result = sender.deliver(receiver.url("/done"), SECRET, PAYLOAD)
    assert result.delivered and result.confirmed and result.status == 200
    [got] = receiver.requests
    assert got.headers["Piiguard-Event"] == "request.correct"
    assert got.headers["Piiguard-Delivery"] == "task-1"
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["User-Agent"] == "piiguard-webhooks/1"
    # compact, sorted, UTF-8 (not \u escapes); sets become sorted lists
    assert got.body == encode_body(PAYLOAD)
    assert got.body.startswith(b'{"categories":["address","phone"],"changes":{"address":"')
    assert "上海市".encode() in got.body and b"\\u" not in got.body
    assert b'": ' not in got.body and b', "' not in got.body
    assert json.loads(got.body)["changes"] == {"address": "上海市 1 号"}

    header = got.headers["Piiguard-Signature"]
    t = int(header.split(",")[0].removeprefix("t="))
    assert before <= t <= int(time.time())
    assert verify_signature(SECRET, header, got.body, now=t)
    assert not verify_signature(b"w" * 32, header, got.body, now=t)  # wrong secret
    assert not verify_signature(SECRET, header, got.body.replace(b"erp", b"crm"), now=t)
    assert not verify_signature(SECRET, header, got.body, now=t + 301)  # replayed later
    assert not verify_signature(SECRET, header, got.body, now=t - 301)  # from the future
    assert verify_signature(SECRET, header, got.body, now=t + 300)


def test_accepted_without_done_is_delivered_not_confirmed(
    receiver: Receiver, sender: HttpWebhookSender
) -> None:
    assert sender.deliver(receiver.url("/accepted"), SECRET, PAYLOAD).confirmed is False
    result = sender.deliver(receiver.url("/accepted"), SECRET, PAYLOAD)
    assert result.delivered and not result.confirmed and result.status == 202
    assert result.error == ""
    plain = sender.deliver(receiver.url("/not-json"), SECRET, PAYLOAD)
    assert plain.delivered and not plain.confirmed


def test_server_error_is_not_delivered_and_says_only_the_status(
    receiver: Receiver, sender: HttpWebhookSender
) -> None:
    result = sender.deliver(receiver.url("/fail?token=s3cret"), SECRET, PAYLOAD)
    assert (result.delivered, result.confirmed, result.status) == (False, False, 500)
    assert result.error == "HTTP 500"


def test_redirect_is_not_followed(receiver: Receiver, sender: HttpWebhookSender) -> None:
    result = sender.deliver(receiver.url("/redirect"), SECRET, PAYLOAD)
    assert not result.delivered and result.error == "HTTP 302"
    assert [r.path for r in receiver.requests] == ["/redirect"]  # /done never called


def test_closed_port_is_a_connect_error(sender: HttpWebhookSender) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = sender.deliver(f"http://127.0.0.1:{port}/hook?token=s3cret", SECRET, PAYLOAD)
    assert (result.delivered, result.status, result.error) == (False, None, "ConnectError")


def test_slow_server_times_out(receiver: Receiver, sender: HttpWebhookSender) -> None:
    started = time.monotonic()
    result = sender.deliver(receiver.url("/slow"), SECRET, PAYLOAD)
    assert time.monotonic() - started < 2
    assert not result.delivered and result.error == "ReadTimeout"


def test_errors_carry_no_personal_data_or_query(
    receiver: Receiver, sender: HttpWebhookSender
) -> None:
    urls = [receiver.url(p + "?token=s3cret") for p in ("/fail", "/redirect", "/slow")]
    for url in [*urls, "ftp://127.0.0.1/x?token=s3cret"]:
        error = sender.deliver(url, SECRET, PAYLOAD).error
        assert error and "s3cret" not in error and "上海" not in error and "subj" not in error


def test_other_schemes_are_refused_without_a_request(sender: HttpWebhookSender) -> None:
    result = sender.deliver("file:///etc/passwd", SECRET, PAYLOAD)
    assert (result.delivered, result.error) == (False, "InvalidURL")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://erp.example/hook",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "erp.example/hook",
        "https://",
        "https://user:pw@erp.example/hook",
        "https://erp.example/hook#x",
        "https://erp.example:99999/hook",
        "https://erp.example/ho ok",
        "",
        "https://erp.example/" + "a" * 2048,
    ],
)
def test_check_webhook_url_refuses(url: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_webhook_url(url)
    assert caught.value.field == "url"


def test_check_webhook_url_accepts_and_normalises() -> None:
    assert (
        check_webhook_url(" HTTPS://erp.example:8443/hook?x=1 ")
        == "https://erp.example:8443/hook?x=1"
    )
    assert check_webhook_url("http://10.0.0.5/hook") == "http://10.0.0.5/hook"
    with pytest.raises(InvalidInput):
        check_webhook_url("http://erp.example/hook", require_https=True)
    assert check_webhook_url("https://erp.example/h", require_https=True) == "https://erp.example/h"


@pytest.mark.parametrize(
    "header",
    [
        "",
        "t=1",
        "v1=00",
        "garbage",
        "t=abc,v1=00",
        "t=1,t=1,v1=00",
        "t=１,v1=00",
        "t=1,v1",
    ],
)
def test_verify_signature_malformed_headers_are_false(header: str) -> None:
    assert verify_signature(SECRET, header, b"{}", now=1) is False


def test_verify_signature_accepts_any_of_several_v1_while_rotating() -> None:
    body = b'{"a":1}'
    old, new = new_webhook_secret(), new_webhook_secret()
    assert len(old) == 32 and old != new
    both = sign(old, body, 100) + "," + sign(new, body, 100).split(",")[1]
    assert verify_signature(new, both, body, now=100)
    assert verify_signature(old, both, body, now=100)
    assert not verify_signature(SECRET, both, body, now=100)
