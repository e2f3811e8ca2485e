"""Telling the people affected (R5.8: GDPR Art. 34, PIPL Art. 57), through the real SMTP
server on loopback, on SQLite and PostgreSQL: zh and en mails with what happened, the
categories, what was done and what they can do; throttled; a pass that crashes halfway —
after a mail went but before it was recorded — is resumed without mailing anyone twice;
recorded per person; no address and no mail text on the audit trail."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden
from piiguard.domain.incidents.model import IncidentKind, Severity
from piiguard.domain.incidents.notify import MailingText, RecipientStatus
from piiguard.domain.rights.ports import Mailer, OutgoingMail
from piiguard.services.incidents import affected, notify, register
from piiguard.services.incidents.register import IncidentFacts
from tests.builders import contact, item
from tests.builders import register as register_subject
from tests.mailserver import SmtpSink, body_text

pytestmark = pytest.mark.req("R5.8")

ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
CLERK = Actor("clerk", ActorKind.STAFF, frozenset({"staff"}))
ZH = MailingText(
    "我们的客户关系系统导出文件曾可被公开访问。",
    "已关闭共享并轮换密钥。",
    "警惕冒充我们的电话。",
    "privacy@example.com",
)
EN = MailingText(
    "An export of our CRM was reachable without sign-in.",
    "We closed the share and rotated the keys.",
    "Be wary of calls claiming to be us.",
    "privacy@example.com",
)


class Crash(BaseException):
    """The process dies (not an error a pass would catch)."""


class CrashAfter:
    """A mailer that hands `n` mails to the real one, then dies right after the n-th went
    out (the worst moment: sent, not yet recorded)."""

    def __init__(self, real: Mailer, n: int) -> None:
        self.real, self.left = real, n

    def send(self, mail: OutgoingMail) -> None:
        self.real.send(mail)
        self.left -= 1
        if self.left == 0:
            raise Crash


def incident_with_people(c: Container, n: int) -> tuple[str, list[str]]:
    ids = []
    for k in range(n):
        items = contact(email=f"person{k}@example.cn")
        if k % 2:
            items.append(item("user.demographic.language", "en"))
        ids.append(register_subject(c, *items).subject.id)
    f = IncidentFacts(
        "CRM export",
        "An export of the CRM was public.",
        IncidentKind.CONFIDENTIALITY,
        Severity.RELATIVELY_MAJOR,
        frozenset({"CN"}),
        high_risk=True,
        categories=frozenset({"user.contact.email", "user.name"}),
        detected_at=c.clock.now(),
    )
    iid = register.report_incident(c.security_uow(), c.snapshots, c.clock, CLERK, f).id
    affected.list_affected(c.security_uow(), ALICE, iid, ids)
    notify.write_mailing(c.security_uow(), c.clock, ALICE, iid, ZH, EN)
    notify.start_mailing(c.security_uow(), c.clock, ALICE, iid)
    return iid, ids


def statuses(c: Container, iid: str) -> dict[str, int]:
    return register.view_incident(c.security_uow(), iid).recipients


def test_each_person_gets_one_mail_in_their_language(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    iid, _ = incident_with_people(c, 2)
    report = notify.mail_pass(c.security_uow(), c.requests, c.security)
    assert report.sent == 2 and statuses(c, iid) == {"sent": 2}
    zh = mailbox.wait_for(lambda m: m["To"] == "person0@example.cn")
    en = mailbox.wait_for(lambda m: m["To"] == "person1@example.cn")
    zh_text, en_text = body_text(zh), body_text(en)
    assert "发生了什么" in zh_text and ZH.what_happened in zh_text and "电子邮箱、姓名" in zh_text
    assert "What happened" in en_text and EN.what_you_can_do in en_text
    assert "Email" in en_text or "email" in en_text
    assert zh["X-Piiguard-Notification"].startswith(iid)
    # nothing of the mail, no address, on the audit trail
    with c.engine.connect() as conn:
        trail = " ".join(
            f"{a} {d}"
            for a, d in conn.execute(select(t.audit_entries.c.action, t.audit_entries.c.details))
        )
    assert "incident.notify.sent" in trail
    assert "person0@example.cn" not in trail and "rotated" not in trail and "轮换" not in trail
    with c.engine.connect() as conn:  # the words sealed at rest too
        stored = " ".join(str(r) for r in conn.execute(select(t.incident_mailings)))
    assert "rotated" not in stored and "轮换" not in stored
    assert notify.mail_pass(c.security_uow(), c.requests, c.security).sent == 0


def test_a_crash_halfway_is_resumed_without_mailing_anyone_twice(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    iid, _ = incident_with_people(c, 6)
    crashing = dataclasses.replace(c.requests, mailer=CrashAfter(c.requests.mailer, 3))
    with pytest.raises(Crash):
        notify.mail_pass(c.security_uow(), crashing, c.security)
    assert len(mailbox.messages) == 3
    assert statuses(c, iid) == {"sent": 2, "sending": 1, "queued": 3}

    # the process restarts: the next pass mails the rest, and leaves the cut-off claim alone
    resumed = notify.mail_pass(c.security_uow(), c.requests, c.security)
    assert resumed.sent == 3
    assert statuses(c, iid) == {"sent": 5, "sending": 1}
    # later the claim is stale: unknown, for an officer to check — never re-sent by itself
    c.clock.advance(timedelta(minutes=c.security.sending_stale_minutes + 1))
    late = notify.mail_pass(c.security_uow(), c.requests, c.security)
    assert (late.sent, late.unknown) == (0, 1)
    assert statuses(c, iid) == {"sent": 5, "unknown": 1}
    counts = Counter(str(m["To"]) for m in mailbox.messages)
    assert len(counts) == 6 and set(counts.values()) == {1}  # everyone once, no one twice


def test_the_throttle_and_a_requeue_after_checking(container: Container, mailbox: SmtpSink) -> None:
    c = container
    iid, ids = incident_with_people(c, 5)
    assert notify.mail_pass(c.security_uow(), c.requests, c.security, limit=2).sent == 2
    assert statuses(c, iid) == {"sent": 2, "queued": 3}
    # the mail server refuses: queued again, not lost
    mailbox.reply = "451 4.3.0 try later"
    try:
        failed = notify.mail_pass(c.security_uow(), c.requests, c.security, limit=2)
    finally:
        mailbox.reply = "250 Message accepted"
    assert failed.failed == 2 and statuses(c, iid) == {"sent": 2, "queued": 3}
    assert notify.mail_pass(c.security_uow(), c.requests, c.security).sent == 3
    assert len(mailbox.messages) == 5
    # an officer may re-queue only an unknown row
    assert notify.requeue_unknown(c.security_uow(), ALICE, iid, ids) == 0
    with pytest.raises(Forbidden):
        notify.requeue_unknown(c.security_uow(), CLERK, iid, ids)


def test_a_person_without_an_email_is_recorded_for_another_way(container: Container) -> None:
    c = container
    sid = register_subject(c, item("user.name", "王芳")).subject.id
    f = IncidentFacts(
        "x",
        "y",
        IncidentKind.CONFIDENTIALITY,
        Severity.GENERAL,
        frozenset({"CN"}),
        detected_at=c.clock.now(),
    )
    iid = register.report_incident(c.security_uow(), c.snapshots, c.clock, ALICE, f).id
    with pytest.raises(Conflict):  # no mailing written
        notify.start_mailing(c.security_uow(), c.clock, ALICE, iid)
    affected.list_affected(c.security_uow(), ALICE, iid, [sid])
    notify.write_mailing(c.security_uow(), c.clock, ALICE, iid, ZH, EN)
    notify.start_mailing(c.security_uow(), c.clock, ALICE, iid)
    assert notify.mail_pass(c.security_uow(), c.requests, c.security).no_address == 1
    with c.security_uow(readonly=True) as u:
        [r] = u.incidents.recipients(iid)
    assert r.status is RecipientStatus.NO_ADDRESS
    with pytest.raises(Conflict):  # the words no longer change once started
        notify.write_mailing(c.security_uow(), c.clock, ALICE, iid, ZH, EN)
