"""What a container or a command need not pay until it is used: the trust store for
webhooks (read at the first delivery) and the shipped password list (read once a process)."""

from __future__ import annotations

import ssl

import pytest

from piiguard.adapters import webhooks
from piiguard.adapters.breached import BreachedPasswordList


def test_the_shipped_password_list_is_read_once_a_process() -> None:
    assert BreachedPasswordList.shipped() is BreachedPasswordList.shipped()
    assert "password123" in BreachedPasswordList.shipped()
    assert "velvet kettle orbits quietly" not in BreachedPasswordList.shipped()


def test_the_webhook_sender_reads_the_trust_store_at_its_first_delivery(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[ssl.SSLContext] = []

    def create_default_context() -> ssl.SSLContext:
        made.append(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        return made[-1]

    monkeypatch.setattr(webhooks.ssl, "create_default_context", create_default_context)
    sender = webhooks.HttpWebhookSender()
    assert made == []
    assert sender._tls is sender._tls is made[0]  # one context for every delivery
