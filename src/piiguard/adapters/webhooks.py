"""Outbound webhooks (R4.1): tell a registered system (ERP, CRM) to correct or delete a
person's data. `HttpWebhookSender` meets the domain's `WebhookSender` port with httpx.

The signature scheme (docs/webhooks.md), Stripe-style so that a receiver can refuse replays:

    body      = the payload as compact JSON: sorted keys, no spaces, UTF-8 (not \\u escapes)
    t         = unix seconds when piiguard signed it
    v1        = hex HMAC-SHA256(secret, f"{t}." + body)
    header    Piiguard-Signature: t=<t>,v1=<v1>
              Piiguard-Event: request.correct | request.delete
              Piiguard-Delivery: <task id>   — the idempotency key: retries repeat it, and a
                                               receiver treats repeats as one delivery

What comes back as `Delivery.error` is never more than the HTTP status ("HTTP 500") or the
exception's class name ("ConnectError"): the payload carries personal data and a URL's query
may carry a token, so neither ever reaches an error text, a log or the audit trail.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
import ssl
import time
from collections.abc import Mapping

import httpx

from piiguard.domain.errors import InvalidInput
from piiguard.domain.rights.ports import Delivery
from piiguard.domain.rights.rules import check_webhook_url

SIGNATURE_HEADER = "Piiguard-Signature"
EVENT_HEADER = "Piiguard-Event"
DELIVERY_HEADER = "Piiguard-Delivery"
SCHEME = "v1"
SECRET_BYTES = 32
# A receiver's answer is read only to see {"status": "done"}: more than this is not an
# answer piiguard needs, and reading it would let a slow or huge reply hold the worker.
MAX_REPLY_BYTES = 64 * 1024


def new_webhook_secret() -> bytes:
    """A fresh HMAC key for one endpoint (shown once to the system's owner, stored sealed)."""
    return secrets.token_bytes(SECRET_BYTES)


def encode_body(payload: Mapping[str, object]) -> bytes:
    """Compact, sorted, UTF-8 JSON — the exact bytes that are signed and sent."""
    return json.dumps(
        payload,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_plain,
    ).encode("utf-8")


def _plain(value: object) -> object:
    if isinstance(value, (set, frozenset)):  # categories: a set in the domain, sorted here
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _mac(secret: bytes, t: int, body: bytes) -> str:
    return hmac.new(secret, f"{t}.".encode("ascii") + body, hashlib.sha256).hexdigest()


def sign(secret: bytes, body: bytes, t: int) -> str:
    """The Piiguard-Signature header's value for `body` signed at unix time `t`."""
    return f"t={t},{SCHEME}={_mac(secret, t, body)}"


def verify_signature(
    secret: bytes, header: str, body: bytes, now: int, tolerance: int = 300
) -> bool:
    """True when `header` (Piiguard-Signature) signs exactly `body` under `secret` and its
    timestamp is within `tolerance` seconds of `now` (either side: clocks drift). Several
    v1 values are allowed (one per secret while a secret is being rotated); any may match.
    A malformed header is False, never an exception."""
    t: int | None = None
    macs: list[str] = []
    for element in header.split(","):
        key, sep, value = element.strip().partition("=")
        if not sep:
            return False
        if key == "t":
            if t is not None or not value.isascii() or not value.isdigit():
                return False
            t = int(value)
        elif key == SCHEME:
            macs.append(value)
    if t is None or not macs or abs(now - t) > tolerance:
        return False
    expected = _mac(secret, t, body).encode("ascii")
    # every candidate is compared (no early exit): timing says nothing about which matched
    matched = False
    for candidate in macs:
        matched |= hmac.compare_digest(expected, candidate.encode("utf-8", "replace"))
    return matched


class HttpWebhookSender:
    """POSTs a signed payload; one attempt per call (the retries and their backoff belong
    to the caller: domain.requests.backoff). Redirects are not followed — a 3xx is a
    failed delivery, so a signed payload with personal data never goes where it was not
    registered to go. TLS is checked against the system's trust store (a company CA
    installed on the host is honoured); proxy variables in the environment are ignored."""

    def __init__(self, timeout: float = 10.0, user_agent: str = "piiguard-webhooks/1") -> None:
        self.timeout = timeout
        self.user_agent = user_agent

    @functools.cached_property
    def _tls(self) -> ssl.SSLContext:
        """Made at the first delivery: reading the trust store takes ~40 ms, which a process
        that sends no webhook (a CLI command, a test's container) need not pay."""
        return ssl.create_default_context()

    def deliver(self, url: str, secret: bytes, payload: Mapping[str, object]) -> Delivery:
        try:
            target = check_webhook_url(url)
        except InvalidInput:
            return Delivery(delivered=False, error="InvalidURL")
        body = encode_body(payload)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            SIGNATURE_HEADER: sign(secret, body, int(time.time())),
            EVENT_HEADER: str(payload.get("event", "")),
            DELIVERY_HEADER: str(payload.get("task_id", "")),
        }
        deadline = time.monotonic() + self.timeout
        try:
            with (
                httpx.Client(
                    timeout=self.timeout, follow_redirects=False, trust_env=False, verify=self._tls
                ) as client,
                client.stream("POST", target, content=body, headers=headers) as reply,
            ):
                status = reply.status_code
                if not 200 <= status < 300:  # HTTP's success class
                    return Delivery(delivered=False, status=status, error=f"HTTP {status}")
                return Delivery(
                    delivered=True, confirmed=_says_done(reply, deadline), status=status
                )
        except httpx.HTTPError as exc:  # timeouts, refused connections, TLS, protocol
            return Delivery(delivered=False, error=type(exc).__name__)


def _says_done(reply: httpx.Response, deadline: float) -> bool:
    """Whether a 2xx reply's body is a JSON object with "status": "done". The system has
    received the task either way; a body that is slow, huge, broken or anything else
    just means the confirmation comes later, through the API."""
    raw = bytearray()
    try:
        for chunk in reply.iter_bytes():
            raw += chunk
            if len(raw) > MAX_REPLY_BYTES or time.monotonic() > deadline:
                return False
        answer = json.loads(raw)
    except (httpx.HTTPError, ValueError):
        return False
    return isinstance(answer, dict) and answer.get("status") == "done"
