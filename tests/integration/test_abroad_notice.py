"""The notice before a first transfer abroad through the use cases on both backends (R7.1,
R3.6), mailed through the real SMTP server on loopback: a share of people to a business
partner abroad is held (`abroad_notice_not_sent`) and queues one notice per person the
notice alone held back (not one for a person without consent); the sharing pass mails them
in the person's language — recipient, country, purpose, categories, how to exercise rights
there — and the next share goes through; a group company needs no notice; a pass that dies
halfway is resumed mailing nobody twice, its uncertain row left for an officer; a person
without an address waits for the officer, who records them told another way; a refusing
server is recorded and an officer may try again. The audit trail holds ids and hashes."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, Forbidden
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.sharing.disclosure import ShareStatus
from piiguard.domain.sharing.notice import AbroadNoticeStatus, ToldBy
from piiguard.domain.sharing.register import AgreementKind, RecipientKind, Treatment
from piiguard.services.sharing import notice as uc
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.job import run_sharing
from piiguard.services.sharing.share import ShareOutcome, ShareRequest, share_data
from tests.assessed import approve_assessment_for
from tests.builders import item, register
from tests.integration.test_sharing import (
    ALICE,
    CLERK,
    PURPOSE,
    agree,
    bound,
    consent_abroad,
    intra_group,
)
from tests.mailserver import SmtpSink, body_text

pytestmark = [pytest.mark.req("R7.1")]
EMAIL, NAME = "user.contact.email", "user.name"
S = AbroadNoticeStatus


class Crash(BaseException):
    """The process dies (not an error the pass could catch)."""


@dataclasses.dataclass
class DiesAfter:
    inner: object
    mails: int

    def send(self, mail: OutgoingMail) -> None:
        self.inner.send(mail)  # type: ignore[attr-defined]
        self.mails -= 1
        if self.mails == 0:
            raise Crash  # after the server took it, before the pass recorded it


def partner(c: Container) -> None:
    """FixIt Inc. in the US: a business partner abroad for after-sales repairs, bound by
    an approved agreement, its profile (email masked, name whole) and its own key."""
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput(
            "fixit-us",
            RecipientKind.BUSINESS_PARTNER,
            "FixIt Repairs Inc.",
            "US",
            "CCPA",
            "privacy@fixit.example",
        ),
    )
    agree(c, intra_group("fixit-us", kind=AgreementKind.SHARING, title="Repair data sharing"))
    reg.save_profile(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "fixit-us",
        PURPOSE,
        {EMAIL: Treatment.MASKED, NAME: Treatment.WHOLE},
    )
    reg.issue_recipient_key(c.uow(), c.clock, ALICE, "fixit-us")
    approve_assessment_for(c, purposes={PURPOSE}, recipients={"fixit-us"})  # R10.4


def people(c: Container, n: int, *, lang: str = "zh", consent: bool = True) -> list[str]:
    out = []
    for i in range(n):
        sid = register(
            c,
            item(EMAIL, f"p{i}.{lang}@example.cn"),
            item("user.demographic.language", lang),
            item(NAME, f"P{i}"),
        ).subject.id
        if consent:
            consent_abroad(c, sid, recipient="fixit-us")
        out.append(sid)
    return out


def share(c: Container, *sids: str, rcp: str = "fixit-us") -> ShareOutcome:
    return share_data(c.uow(), c.requests, ALICE, ShareRequest(rcp, PURPOSE, sids))


def notices(c: Container, *statuses: AbroadNoticeStatus) -> list[uc.AbroadNotice]:
    return uc.list_abroad_notices(c.uow(), statuses)


def audited(c: Container) -> list[tuple[str, str]]:
    with c.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT action, details FROM audit_entries WHERE target_type = 'abroad_notice' "
            "ORDER BY seq"
        ).all()
    return [(r[0], str(r[1])) for r in rows]


def test_a_share_abroad_waits_for_the_notice_then_goes(c: Container, mailbox: SmtpSink) -> None:
    partner(c)
    zh, en = people(c, 1)[0], people(c, 1, lang="en")[0]
    [unconsented] = people(c, 1, consent=False)
    held = share(c, zh, en, unconsented)
    assert held.share.status is ShareStatus.REFUSED and held.notices_queued == 2
    for d in held.decisions:
        assert "abroad_notice_not_sent" in [r.code for r in d.reasons]
    # queued for the two the notice alone held back, with what would go; not the third
    queued = {n.subject_id: n for n in notices(c, S.PENDING)}
    assert set(queued) == {zh, en}
    assert queued[zh].categories == {EMAIL, NAME} and queued[zh].purpose == PURPOSE
    assert share(c, zh).notices_queued == 0  # held again, but queued once only
    assert len(notices(c)) == 2
    report = run_sharing(c.uow(), c.requests)
    assert report.abroad_notices == 2 and report.errors == 0
    mails = {m["To"]: m for m in mailbox.messages}
    zh_mail, en_mail = mails["p0.zh@example.cn"], mails["p0.en@example.cn"]
    assert zh_mail["Subject"] == "向境外提供您的个人信息的告知：FixIt Repairs Inc.（US）"
    text = body_text(zh_mail)
    for said in ("FixIt Repairs Inc.", "US", "CCPA", "privacy@fixit.example", "/privacy"):
        assert said in text
    assert "电子邮件" in text or "邮箱" in text or EMAIL in text
    text = body_text(en_mail)
    assert "Recipient: FixIt Repairs Inc." in text and "Country: US" in text
    assert "Purpose: " in text and "privacy@fixit.example" in text and "P0" not in text
    assert "(masked)" in text and "(as held)" in text  # how each goes: the profile's form
    assert en_mail["X-Piiguard-Abroad-Notice"] == queued[en].id
    assert {n.status for n in notices(c)} == {S.SENT}
    # told: the next share goes, to both, minimised
    done = share(c, zh, en)
    assert done.share.status is ShareStatus.READY and done.share.disclosed == 2
    assert run_sharing(c.uow(), c.requests).abroad_notices == 0  # nobody mailed again
    assert len(mailbox.messages) == 2
    entries = audited(c)
    assert [a for a, _ in entries].count("sharing.abroad_notice.sent") == 2
    assert not any("@example.cn" in details for _, details in entries)


def test_a_group_company_abroad_needs_no_notice(c: Container, mailbox: SmtpSink) -> None:
    bound(c)  # acme-de: a group company in Germany
    [sid] = people(c, 1, consent=False)
    consent_abroad(c, sid, recipient="acme-de")
    out = share(c, sid, rcp="acme-de")
    assert out.share.status is ShareStatus.READY and out.notices_queued == 0
    assert notices(c) == [] and mailbox.messages == []


def test_a_pass_that_dies_halfway_is_resumed_mailing_nobody_twice(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    partner(c)
    ids = people(c, 5)
    assert share(c, *ids).notices_queued == 5
    first = uc.run_abroad_notices(c.uow(), c.requests, per_pass=2)  # the throttle
    assert first.sent == 2 and len(mailbox.messages) == 2
    dying = dataclasses.replace(c.requests, mailer=DiesAfter(c.requests.mailer, 2))
    with pytest.raises(Crash):
        uc.run_abroad_notices(c.uow(), dying, per_pass=10)
    assert len(mailbox.messages) == 4
    counts = [n.status for n in notices(c)]
    assert sorted(counts) == sorted([S.SENT] * 3 + [S.SENDING] + [S.PENDING])
    resumed = uc.run_abroad_notices(c.uow(), c.requests, per_pass=10)
    assert (resumed.sent, resumed.uncertain) == (1, 0)
    clock.advance(timedelta(minutes=uc.STALE_MINUTES + 1))
    later = uc.run_abroad_notices(c.uow(), c.requests, per_pass=10)
    assert (later.sent, later.uncertain) == (0, 1)
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted(f"p{i}.zh@example.cn" for i in range(5))  # everyone once
    [uncertain] = notices(c, S.UNCERTAIN)
    # the uncertain person is still held; an officer decides
    held = share(c, uncertain.subject_id)
    assert held.share.status is ShareStatus.REFUSED and held.notices_queued == 0
    with pytest.raises(Forbidden):
        uc.retry_notice(c.uow(), c.requests, CLERK, uncertain.id)
    uc.retry_notice(c.uow(), c.requests, ALICE, uncertain.id)  # knowing it may arrive twice
    assert uc.run_abroad_notices(c.uow(), c.requests).sent == 1
    assert share(c, *ids).share.disclosed == 5


def test_without_an_address_or_refused_the_officer_decides(c: Container, mailbox: SmtpSink) -> None:
    partner(c)
    nomail = register(c, item(NAME, "No Mail")).subject.id
    consent_abroad(c, nomail, recipient="fixit-us")
    [refused] = people(c, 1, lang="en")
    assert share(c, nomail, refused).notices_queued == 2
    mailbox.reply = "550 5.1.1 mailbox unavailable"
    try:
        report = uc.run_abroad_notices(c.uow(), c.requests)
    finally:
        mailbox.reply = "250 Message accepted"
    assert (report.no_contact, report.refused) == (1, 1)
    by = {n.subject_id: n for n in notices(c)}
    assert by[nomail].status is S.NO_CONTACT
    assert (by[refused].status, by[refused].reply_code) == (S.REFUSED, 550)
    assert len(by[refused].contact_hash) == 64
    # the officer told the person without an address by post: their share goes
    with pytest.raises(Forbidden):
        uc.record_told(c.uow(), c.requests, CLERK, by[nomail].id, ToldBy.POST)
    told = uc.record_told(c.uow(), c.requests, ALICE, by[nomail].id, ToldBy.POST)
    assert (told.status, told.told_by, told.decided_by) == (S.TOLD, ToldBy.POST, "staff:alice")
    with pytest.raises(Conflict):  # only what is stuck waits for an officer
        uc.record_told(c.uow(), c.requests, ALICE, told.id, ToldBy.PHONE)
    assert share(c, nomail).share.status is ShareStatus.READY
    # the refused one is mailed again when the officer says so
    uc.retry_notice(c.uow(), c.requests, ALICE, by[refused].id)
    assert uc.run_abroad_notices(c.uow(), c.requests).sent == 1
    assert share(c, refused).share.status is ShareStatus.READY
    actions = [a for a, _ in audited(c)]
    assert "sharing.abroad_notice.told" in actions and "sharing.abroad_notice.retry" in actions
