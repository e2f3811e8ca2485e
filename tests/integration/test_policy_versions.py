"""Policy versions, their notices and renewed consent on both backends (R8.1, R2.4):
publishing (four eyes for a material change) and diffing; notices through the loopback
SMTP server — throttled, a pass that crashes halfway resumed without mailing anyone twice,
refusals recorded; the renewal after the one-time code, and the lapse at the grace
period's edge on an injected clock."""

from __future__ import annotations

import dataclasses
import re
import threading
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container, policy_text
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.errors import Forbidden, InvalidInput
from piiguard.domain.policy.notices import NoticeStatus, RenewalAnswer
from piiguard.domain.policy.versions import DraftStatus, SectionChange
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.subjects import Channel
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.notices import person
from piiguard.services.notices.job import STALE_MINUTES, NoticeTerms, run_notices
from piiguard.services.notices.views import notice_progress, release_notices
from piiguard.services.policy.consents import grant_consent
from piiguard.services.policy.versions import (
    DraftInput,
    diff_version,
    ensure_first_policy,
    policy_history,
    propose_version,
    publish_draft,
)
from piiguard.services.rights.mail_intake import intake_mail
from tests.builders import item, register
from tests.mailserver import SmtpSink, body_text

ALICE = Actor("po-alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("po-bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
STAFF = Actor("staff-1", ActorKind.STAFF, frozenset({"staff"}))
PURPOSE = "consultation_recommendation"  # rests on consent
EMAIL = "user.contact.email"

V1_TEXT_ZH = "隐私政策\n一、引言\n我们尊重您的隐私。\n二、收集\n我们收集您的姓名。\n"


@pytest.fixture(autouse=True)
def first_version(c: Container) -> None:
    """Version 1, the shipped text, as `piiguard setup` publishes it."""
    ensure_first_policy(c.uow(), c.clock, OPERATOR, policy_text())


def draft(c: Container, *, material: bool = True, notify: bool = False) -> DraftInput:
    v1 = policy_history(c.uow())[0].text
    return DraftInput(
        text_en=v1.replace(
            "Provide after-sales service.", "Provide after-sales service and surveys."
        ),
        text_zh=V1_TEXT_ZH,
        effective_on=c.clock.now().date(),
        summary_en="Surveys after a sale.",
        summary_zh="售后调查。",
        material=material,
        changes=("purposes",) if material else (),
        purposes=(PURPOSE,) if material else (),
        notify=notify,
    )


def people(c: Container, n: int, *, lang: str = "zh") -> list[str]:
    return [
        register(
            c,
            item(EMAIL, f"p{i}@example.cn"),
            item("user.demographic.language", lang),
            item("user.name", f"P{i}"),
        ).subject.id
        for i in range(n)
    ]


def publish(c: Container, given: DraftInput) -> str:
    d = propose_version(c.uow(), c.snapshots, c.clock, ALICE, given)
    return publish_draft(c.uow(), c.snapshots, c.clock, BOB, d.id).version.version


def audit(c: Container, target_type: str) -> list[tuple[str, str]]:
    """(action, details) of the audit entries on targets of this type, in order."""
    with c.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT action, details, target_id FROM audit_entries WHERE target_type = "
            f"'{target_type}' ORDER BY seq"
        ).all()
    return [(r[0], f"{r[1]} {r[2]}") for r in rows]


@pytest.mark.req("R8.1")
def test_a_material_change_is_published_by_a_second_officer_and_diffed(c: Container) -> None:
    d = propose_version(c.uow(), c.snapshots, c.clock, ALICE, draft(c))
    assert d.status is DraftStatus.PROPOSED and d.notify
    with pytest.raises(Forbidden) as refused:
        publish_draft(c.uow(), c.snapshots, c.clock, ALICE, d.id)
    assert refused.value.field == "draft_id"
    assert [v.version for v in policy_history(c.uow())] == ["1"]
    published = publish_draft(c.uow(), c.snapshots, c.clock, BOB, d.id)
    v = published.version
    assert (v.version, v.material, v.renewal, v.approved_by) == ("2", True, (PURPOSE,), BOB.ref)
    assert c.state.policy_version == "2" and PURPOSE in c.state.renewals
    diff = diff_version(c.uow(), "2", "en")
    changed = [s for s in diff.sections if s.change is SectionChange.CHANGED]
    assert [s.key for s in changed] == ["2"]
    assert ("+", "  • Provide after-sales service and surveys.") in changed[0].lines
    zh = diff_version(c.uow(), "2", "zh")
    assert zh.previous_missing and {s.change for s in zh.sections} == {SectionChange.ADDED}
    actions = [a for a, _ in audit(c, "policy")]
    assert actions == ["policy.publish", "policy.draft.propose", "policy.publish"]


@pytest.mark.req("R8.1")
def test_a_typo_fix_is_one_officers_and_tells_nobody_unless_they_choose(c: Container) -> None:
    people(c, 2)
    d = propose_version(c.uow(), c.snapshots, c.clock, ALICE, draft(c, material=False))
    p = publish_draft(c.uow(), c.snapshots, c.clock, ALICE, d.id)
    assert (p.version.version, p.notices, p.version.renewal) == ("2", 0, ())
    d = propose_version(c.uow(), c.snapshots, c.clock, ALICE, draft(c, material=False, notify=True))
    assert publish_draft(c.uow(), c.snapshots, c.clock, ALICE, d.id).notices == 2
    with pytest.raises(InvalidInput) as bad:
        propose_version(
            c.uow(),
            c.snapshots,
            c.clock,
            ALICE,
            dataclasses.replace(draft(c), purposes=("no_such_purpose",)),
        )
    assert bad.value.field == "purposes"


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


@pytest.mark.req("R8.1")
def test_notices_are_throttled_and_a_crashed_pass_is_resumed_mailing_nobody_twice(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    ids = people(c, 5)
    register(c, item("user.name", "No Mail"))  # no address: not queued at all
    assert publish(c, draft(c)) == "2"
    assert notice_progress(c.uow(), "2").counts == {NoticeStatus.PENDING: 5}
    report = run_notices(c.uow(), c.requests, NoticeTerms(per_pass=2))  # the throttle
    assert report.sent == 2 and len(mailbox.messages) == 2
    dying = dataclasses.replace(c.requests, mailer=DiesAfter(c.requests.mailer, 2))
    with pytest.raises(Crash):
        run_notices(c.uow(), dying, NoticeTerms(per_pass=10))
    assert len(mailbox.messages) == 4
    counts = notice_progress(c.uow(), "2").counts
    assert counts == {NoticeStatus.SENT: 3, NoticeStatus.SENDING: 1, NoticeStatus.PENDING: 1}
    resumed = run_notices(c.uow(), c.requests, NoticeTerms(per_pass=10))
    assert (resumed.sent, resumed.uncertain) == (1, 0)
    clock.advance(timedelta(minutes=STALE_MINUTES + 1))
    later = run_notices(c.uow(), c.requests, NoticeTerms(per_pass=10))
    assert (later.sent, later.uncertain) == (0, 1)
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted(f"p{i}@example.cn" for i in range(5))  # everyone once, nobody twice
    counts = notice_progress(c.uow(), "2").counts
    assert counts == {NoticeStatus.SENT: 4, NoticeStatus.UNCERTAIN: 1}
    # an officer may release the uncertain one, knowing it may arrive twice
    with c.uow(readonly=True) as uow:
        [uncertain] = uow.notices.of_version("2", (NoticeStatus.UNCERTAIN,))
    assert uncertain.subject_id in ids
    assert release_notices(c.uow(), c.clock, ALICE, "2", [uncertain.subject_id]) == 1
    assert run_notices(c.uow(), c.requests, NoticeTerms()).sent == 1
    msg = mailbox.messages[-1]
    assert msg["Subject"].startswith("我们的隐私政策已更新（第 2 版")
    assert "/privacy/policy/2" in body_text(msg) and "售后调查。" in body_text(msg)
    assert msg["X-Piiguard-Policy-Notice"] == f"2/{uncertain.subject_id}"
    # no address in the audit trail: keyed hashes only
    entries = audit(c, "policy_notice")
    assert [a for a, _ in entries].count("policy.notice.sent") == 5
    assert not any("@example.cn" in details for _, details in entries)


@pytest.mark.req("R8.1")
def test_a_refusing_server_is_recorded_per_person_and_an_unreachable_one_retried(
    c: Container, mailbox: SmtpSink
) -> None:
    people(c, 2, lang="en")
    publish(c, draft(c))
    mailbox.reply = "550 5.1.1 mailbox unavailable"
    try:
        report = run_notices(c.uow(), c.requests, NoticeTerms())
    finally:
        mailbox.reply = "250 Message accepted"
    assert report.refused == 2
    with c.uow(readonly=True) as uow:
        rows = uow.notices.of_version("2")
    assert {(n.status, n.reply_code, n.attempts) for n in rows} == {(NoticeStatus.REFUSED, 550, 1)}
    assert all(len(n.contact_hash) == 64 for n in rows)


def _decide(c: Container, subject_id: str) -> list[str]:
    [d] = decide_many(
        c.uow(),
        c.snapshots,
        c.clock,
        [DecisionRequest(STAFF, subject_id, PURPOSE, frozenset({EMAIL}), Action.READ)],
    )
    assert isinstance(d, Decided)
    return [r.code for r in d.decision.decision.reasons]


@pytest.mark.req("R2.4")
@pytest.mark.req("R8.1")
def test_renewal_after_the_code_keeps_a_consent_and_an_unrenewed_one_lapses_at_the_edge(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    renewer, idle, decliner = people(c, 3, lang="en")
    for sid in (renewer, idle, decliner):
        grant_consent(
            c.uow(),
            c.snapshots,
            c.clock,
            STAFF,
            sid,
            PURPOSE,
            ConsentKind.GENERAL,
            Channel.WEB,
            "I agree to recommendations",
        )
    publish(c, draft(c))
    assert run_notices(c.uow(), c.requests, NoticeTerms()).sent == 3
    links = {m["To"]: re.search(r"/privacy/renew/(\S+)", body_text(m)) for m in mailbox.messages}
    assert all(links.values())
    assert "lapses" in body_text(mailbox.messages[0])

    def renew(address: str, answer: RenewalAnswer) -> None:
        token = links[address].group(1)  # type: ignore[union-attr]
        mailbox.messages.clear()
        person.send_code(c.uow(), c.requests, token)
        [code_mail] = mailbox.messages
        code = re.search(r"\b\d{6}\b", body_text(code_mail)).group(0)  # type: ignore[union-attr]
        with pytest.raises(InvalidInput):
            person.verify_code(c.uow(), c.requests, token, "000000" if code != "000000" else "1")
        issued = person.verify_code(c.uow(), c.requests, token, code)
        n = person.by_token(c.uow(), c.requests, token)
        assert person.passed(c.requests, n, issued)
        assert not person.passed(c.requests, n, issued + "x")
        [shown] = person.renewal_items(c.uow(), c.requests, n)
        assert (shown.purpose.key, shown.kinds) == (PURPOSE, (ConsentKind.GENERAL,))
        person.answer_renewal(c.uow(), c.requests, n, {PURPOSE: answer}, {PURPOSE: "wording"})

    renew("p0@example.cn", RenewalAnswer.RENEWED)
    renew("p2@example.cn", RenewalAnswer.DECLINED)
    # the grace period: PIIGUARD_CONSENT_RENEWAL_DAYS from when the version took effect
    edge = c.state.renewals[PURPOSE][0].lapses_at
    assert edge == clock.now() + timedelta(days=c.settings.consent_renewal_days)
    clock.at = edge - timedelta(microseconds=1)
    assert _decide(c, idle) == ["allowed"]  # before the edge, the old consent still counts
    clock.at = edge
    assert _decide(c, idle) == ["consent_lapsed_policy_change"]
    assert _decide(c, renewer) == ["allowed"]
    declined = _decide(c, decliner)  # withdrawn: no consent at all, not a lapse
    assert "consent_required" in declined and "consent_lapsed_policy_change" not in declined
    with c.uow(readonly=True) as uow:
        answers = {n.subject_id: n.answers for n in uow.notices.of_version("2")}
    assert answers[renewer] == ((PURPOSE, RenewalAnswer.RENEWED),)
    assert answers[idle] == ()


DSN = """From: MAILER-DAEMON@mx.example.cn
To: privacy@example.com
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

Your mail could not be delivered.
--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.cn

Final-Recipient: rfc822; p0@example.cn
Action: failed
Status: 5.1.1
--b
Content-Type: text/rfc822-headers

X-Piiguard-Policy-Notice: {ref}
Subject: Our privacy policy has changed
--b--
"""


@pytest.mark.req("R8.1")
def test_a_bounce_that_comes_back_later_is_recorded_on_the_persons_notice(
    c: Container, mailbox: SmtpSink
) -> None:
    [sid] = people(c, 1)
    publish(c, draft(c))
    assert run_notices(c.uow(), c.requests, NoticeTerms()).sent == 1
    [sent] = mailbox.messages
    raw = DSN.format(ref=sent["X-Piiguard-Policy-Notice"]).replace("\n", "\r\n").encode()
    intake_mail(c.uow(), c.requests, raw, ("privacy@example.com",))
    with c.uow(readonly=True) as uow:
        n = uow.notices.get("2", sid)
    assert n is not None and n.status is NoticeStatus.BOUNCED
    assert [a for a, _ in audit(c, "policy_notice")][-1] == "policy.notice.bounced"
    assert not mailbox.messages[1:]  # a bounce is never answered


@pytest.mark.req("R8.1")
def test_two_passes_at_once_mail_each_person_once(c: Container, mailbox: SmtpSink) -> None:
    """Two workers (a server in process and `piiguard worker`) run the pass together: the
    claim is a conditional UPDATE, so no notice is taken twice."""
    people(c, 12)
    publish(c, draft(c))
    reports = []

    def work() -> None:
        reports.append(run_notices(c.uow(), c.requests, NoticeTerms(per_pass=12)))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sum(r.sent for r in reports) == 12
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted(f"p{i}@example.cn" for i in range(12))
    assert notice_progress(c.uow(), "2").counts == {NoticeStatus.SENT: 12}
