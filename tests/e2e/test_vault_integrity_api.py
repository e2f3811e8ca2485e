"""A tampered ciphertext read through the API (R5.1; issue 11 point 7), on both backends:
the caller gets the problem it got before — 500 `vault-integrity`, ids only — and the
security event is on the audit trail and in the privacy officers' mail (every active
officer account and PIIGUARD_PRIVACY_OFFICER_EMAIL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.services.vault_integrity import EVENT
from tests.builders import contact, register
from tests.e2e.conftest import Caller, TestClient
from tests.integration.test_vault_integrity import EMAIL, VALUES, tamper
from tests.mailserver import SmtpSink, body_text


@pytest.mark.req("R5.1")
def test_a_tampered_ciphertext_answers_the_integrity_problem_and_alerts_the_officers(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    c = container
    r = register(c, *contact(*VALUES))
    sid = r.subject.id
    email = next(rec.id for rec in r.items if rec.category == EMAIL)
    tamper(c, email)

    res = api.get(
        f"/api/v1/subjects/{sid}/data",
        params={"purpose": "order_fulfilment"},
        headers=system.headers,
    )
    assert res.status_code == 500
    assert res.headers["content-type"].startswith("application/problem+json")
    body = res.json()
    assert body["type"] == "urn:piiguard:problem:vault-integrity"
    assert body["title"] == "Vault integrity failure"
    assert email in body["detail"]
    for value in VALUES:
        assert value not in res.text

    with c.engine.connect() as conn:
        [entry] = conn.execute(
            select(t.audit_entries).where(t.audit_entries.c.action == EVENT)
        ).all()
    assert (entry.actor_kind, entry.actor_id) == ("system", system.id)
    assert (entry.target_type, entry.target_id, entry.subject_id) == ("item", email, sid)
    assert entry.purpose == "order_fulfilment"
    for value in VALUES:
        assert value not in entry.details

    assert c.alarm is not None
    c.alarm.drain()
    assert sorted(m["To"] for m in mailbox.messages) == [
        "officer@example.com",
        "privacy@example.com",
    ]
    for mail in mailbox.messages:
        text = body_text(mail)
        assert email in text and system.id in text
        for value in VALUES:
            assert value not in str(mail)
