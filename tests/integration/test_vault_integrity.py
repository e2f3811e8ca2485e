"""A tampered ciphertext is a security event (R5.1; issue 11 point 7), on both backends: the
read still fails with VaultIntegrityError, and before it does the item is put on the audit
trail in a transaction of its own (ids, never the value) and the privacy officers are
mailed — on a thread of its own, so a slow or refusing mail server neither holds nor fails
the read. The tampering is done as in test_vault.py: one bit of the stored ciphertext."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.errors import MailError, VaultIntegrityError
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.audit import verify_audit
from piiguard.services.subjects.read import read_subject_data
from piiguard.services.vault_integrity import EVENT
from tests.builders import contact, register
from tests.mailserver import SmtpSink, body_text

EMAIL, PHONE = "user.contact.email", "user.contact.phone_number"
VALUES = ("zhang.wei.4471@example.cn", "13912345678", "张伟")
OFFICERS = "privacy@example.com"  # PIIGUARD_PRIVACY_OFFICER_EMAIL's default


def tamper(c: Container, item_id: str) -> None:
    """Flip one bit of the stored ciphertext, as someone with SQL access might."""
    with c.engine.begin() as conn:
        ct = bytearray(
            conn.execute(select(t.items.c.ciphertext).where(t.items.c.id == item_id)).scalar_one()
        )
        ct[-1] ^= 0x01
        conn.execute(update(t.items).where(t.items.c.id == item_id).values(ciphertext=bytes(ct)))


def tampered_subject(c: Container) -> tuple[str, str]:
    """A subject whose email ciphertext was altered: (subject id, email item id)."""
    r = register(c, *contact(*VALUES))
    email = next(rec.id for rec in r.items if rec.category == EMAIL)
    tamper(c, email)
    return r.subject.id, email


def read(c: Container, subject_id: str) -> None:
    read_subject_data(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, subject_id, "after_sales")


def events(c: Container) -> list[dict[str, Any]]:
    with c.engine.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(
                select(t.audit_entries)
                .where(t.audit_entries.c.action == EVENT)
                .order_by(t.audit_entries.c.seq)
            ).mappings()
        ]


def assert_no_plaintext(text: str) -> None:
    for value in VALUES:
        assert value not in text


@pytest.mark.req("R5.1")
def test_a_tampered_ciphertext_is_on_the_trail_and_the_officers_are_mailed(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    sid, email = tampered_subject(c)
    with pytest.raises(VaultIntegrityError, match=rf"item {email}: .*or was altered"):
        read(c, sid)

    [entry] = events(c)  # committed although the read failed
    with c.engine.connect() as conn:
        [read_entry] = conn.execute(
            select(t.audit_entries).where(t.audit_entries.c.action == "data.read")
        ).all()
        everything = " ".join(str(v) for row in conn.execute(select(t.audit_entries)) for v in row)
    assert (entry["target_type"], entry["target_id"], entry["subject_id"]) == ("item", email, sid)
    assert (entry["actor_kind"], entry["actor_id"], entry["purpose"]) == (
        OPERATOR.kind.value,
        OPERATOR.id,
        "after_sales",
    )
    assert entry["decision_id"] == read_entry.decision_id  # the read that found it
    assert f'"category":"{EMAIL}"' in entry["details"]
    assert_no_plaintext(everything)
    assert verify_audit(c.uow(readonly=True), c.signer).ok

    assert c.alarm is not None
    c.alarm.drain()
    [mail] = mailbox.messages
    assert mail["To"] == OFFICERS
    assert "SECURITY" in mail["Subject"] and "安全事件" in mail["Subject"]
    text = body_text(mail)
    assert email in text and sid in text and EMAIL in text and "after_sales" in text
    assert "安全事件" in text
    assert_no_plaintext(str(mail))

    # each failed read is on the trail; the mail is not repeated within the hour
    with pytest.raises(VaultIntegrityError):
        read(c, sid)
    c.alarm.drain()
    assert len(events(c)) == 2 and len(mailbox.messages) == 1
    clock.advance(timedelta(hours=1))
    with pytest.raises(VaultIntegrityError):
        read(c, sid)
    c.alarm.drain()
    assert len(events(c)) == 3 and len(mailbox.messages) == 2


@pytest.mark.req("R5.1")
def test_every_tampered_item_of_a_read_is_reported_and_the_intact_ones_still_read(
    c: Container, mailbox: SmtpSink
) -> None:
    r = register(c, *contact(*VALUES))
    ids = {rec.category: rec.id for rec in r.items}
    tamper(c, ids[EMAIL])
    tamper(c, ids[PHONE])
    with pytest.raises(VaultIntegrityError):
        read(c, r.subject.id)
    assert {e["target_id"] for e in events(c)} == {ids[EMAIL], ids[PHONE]}
    assert c.alarm is not None
    c.alarm.drain()
    [mail] = mailbox.messages
    assert ids[EMAIL] in body_text(mail) and ids[PHONE] in body_text(mail)
    _, items = read_subject_data(
        c.uow(),
        c.vault,
        c.clock,
        OPERATOR,
        c.snapshots,
        r.subject.id,
        "after_sales",
        frozenset({"user.name"}),
    )
    assert [i.value for i in items] == ["张伟"]


class HeldMailer:
    """A mail server that answers only when the test lets it (or refuses)."""

    def __init__(self, *, refuse: bool = False) -> None:
        self.refuse = refuse
        self.sending = threading.Event()
        self.release = threading.Event()
        self.sent: list[OutgoingMail] = []

    def send(self, mail: OutgoingMail) -> None:
        self.sending.set()
        if self.refuse:
            raise MailError("the outbound mail server refused the mail (550)", reply_code=550)
        assert self.release.wait(30), "the test never released the mail"
        self.sent.append(mail)


@pytest.fixture
def held(settings: Settings, clock: FixedClock) -> Iterator[tuple[Container, HeldMailer]]:
    mailer = HeldMailer()
    container = bootstrap(settings, migrate=False, clock=clock, mailer=mailer)
    yield container, mailer
    mailer.release.set()
    container.close()


@pytest.mark.req("R5.1")
def test_a_mail_server_that_hangs_does_not_hold_the_read(
    held: tuple[Container, HeldMailer],
) -> None:
    c, mailer = held
    sid, email = tampered_subject(c)
    with pytest.raises(VaultIntegrityError):
        read(c, sid)  # answered while the alert is still with the mail server
    assert mailer.sending.wait(30)
    assert mailer.sent == []
    assert [e["target_id"] for e in events(c)] == [email]
    mailer.release.set()
    assert c.alarm is not None
    c.alarm.drain()
    assert [m.to for m in mailer.sent] == [OFFICERS]


@pytest.mark.req("R5.1")
def test_a_mail_server_that_refuses_does_not_change_the_answer(
    settings: Settings, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    mailer = HeldMailer(refuse=True)
    c = bootstrap(settings, migrate=False, clock=clock, mailer=mailer)
    try:
        sid, email = tampered_subject(c)
        with caplog.at_level(logging.WARNING), pytest.raises(VaultIntegrityError):
            read(c, sid)
        assert c.alarm is not None
        with caplog.at_level(logging.WARNING):
            c.alarm.drain()
        assert mailer.sending.is_set()
        assert [e["target_id"] for e in events(c)] == [email]
        assert "alert to a privacy officer not sent (MailError)" in caplog.text
        assert_no_plaintext(caplog.text)
    finally:
        c.close()
