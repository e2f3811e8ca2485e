"""The request jobs on both backends (R9.2 reminders, escalation, catch-up; R9.1 mail intake
and triage; R4.1 webhooks retried until confirmed), driven with a settable clock and real
SMTP and HTTP on loopback."""

from __future__ import annotations

import io
import json
import threading
import time
import zipfile
from datetime import timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.webhooks import verify_signature
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.audit import AuditEntry
from piiguard.domain.errors import InvalidInput, TooManyAttempts
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus, TaskStatus
from piiguard.services.policy.datamap import register_system
from piiguard.services.rights import jobs
from piiguard.services.rights import mail_intake as intake
from piiguard.services.rights.fulfilment import advance
from piiguard.services.rights.intake import (
    RequestInput,
    list_requests,
    open_request,
    request_counts,
    resend_code,
    verify_by_staff,
    verify_code,
)
from piiguard.services.rights.packages import download_package
from piiguard.services.rights.steps import resume_request, wait_on_requester
from tests.builders import contact, register
from tests.integration.conftest import START
from tests.mailserver import SmtpSink, body_text

EMAIL = "li.lei@example.cn"


def _code(mailbox: SmtpSink, to: str = EMAIL) -> str:
    msg = mailbox.wait_for(
        lambda m: m["To"] == to and "X-Piiguard-Request" in m and "(" in str(m["Subject"])
    )
    return str(msg["Subject"]).rsplit("(", 1)[1].rstrip(")）")


def _verified(c: Container, mailbox: SmtpSink, kind: RequestKind, **kw: object) -> str:
    opened = open_request(
        c.uow(),
        c.requests,
        "subject:web",
        RequestInput(kind, RequestChannel.WEB, EMAIL, "en", **kw),
    )  # type: ignore[arg-type]
    verify_code(c.uow(), c.requests, opened.request.id, _code(mailbox))
    mailbox.messages.clear()
    return opened.request.id


def _officer_mails(mailbox: SmtpSink) -> list[EmailMessage]:
    return [m for m in mailbox.messages if m["To"] == "privacy@example.com"]


@pytest.mark.req("R9.2")
def test_reminders_then_escalation_each_once(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact(EMAIL))
    rid = _verified(c, mailbox, RequestKind.CORRECTION, text="my address changed")
    assert advance(c.uow(), c.requests, rid).status is RequestStatus.IN_PROGRESS  # staff's turn
    seen: list[str] = []
    for day in (22, 23, 23, 27, 29, 30, 31, 31):
        clock.at = START + timedelta(days=day, minutes=1)
        jobs.run_jobs(c.uow(), c.requests)
        seen.extend(str(m["Subject"]).split(":")[0] for m in _officer_mails(mailbox))
        mailbox.messages.clear()
    assert seen == ["Reminder 提醒", "Reminder 提醒", "Reminder 提醒", "OVERDUE 已逾期"]
    timeline = [e.action for e in jobs_timeline(c, rid)]
    assert timeline.count("request.remind") == 3
    assert timeline.count("request.escalate") == 1


def jobs_timeline(c: Container, rid: str) -> list[AuditEntry]:
    with c.uow() as uow:
        return uow.audit_log.entries(AuditQuery(target=("request", rid), limit=500))


@pytest.mark.req("R9.2")
def test_scheduler_down_catches_up_with_the_most_urgent_only(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact(EMAIL))
    rid = _verified(c, mailbox, RequestKind.CORRECTION, text="wrong phone")
    clock.at = START + timedelta(days=40)  # nothing ran for 40 days
    jobs.run_jobs(c.uow(), c.requests)
    subjects = [str(m["Subject"]) for m in _officer_mails(mailbox)]
    assert len(subjects) == 1 and subjects[0].startswith("OVERDUE")
    with c.uow() as uow:
        sent = uow.requests.notices_sent([rid])[rid]
    assert sent == {"reminder_7d", "reminder_3d", "reminder_1d", "escalation"}


@pytest.mark.req("R9.2")
def test_waiting_on_the_requester_moves_the_due_date(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact(EMAIL))
    rid = _verified(c, mailbox, RequestKind.CORRECTION, text="wrong name")
    due = advance(c.uow(), c.requests, rid).due_at
    clock.at = START + timedelta(days=10)
    paused = wait_on_requester(c.uow(), c.requests, OPERATOR, rid, "need the new address")
    assert paused.status is RequestStatus.WAITING_ON_REQUESTER
    clock.at = START + timedelta(days=35)  # no reminder or escalation while paused
    jobs.run_jobs(c.uow(), c.requests)
    assert _officer_mails(mailbox) == []
    back = resume_request(c.uow(), c.requests, OPERATOR, rid)
    assert back.due_at == due + timedelta(days=25)
    assert back.paused_seconds == 25 * 86400


def _mail(sender: str, subject: str, body: str) -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, "privacy@example.com", subject
    m.set_content(body)
    return m.as_bytes()


@pytest.mark.req("R9.1")
def test_mail_becomes_a_request_with_a_code_or_goes_to_triage(
    c: Container, mailbox: SmtpSink
) -> None:
    register(c, *contact(EMAIL))
    rcpt = ("privacy@example.com",)
    rid = intake.intake_mail(c.uow(), c.requests, _mail(EMAIL, "请删除我的个人信息", "谢谢"), rcpt)
    with c.uow() as uow:
        found = uow.requests.get(rid)
    assert found is not None
    req = found[0]
    assert (req.kind, req.channel, req.language) == (
        RequestKind.DELETION,
        RequestChannel.EMAIL,
        "zh",
    )
    code_mail = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    assert "验证码" in body_text(code_mail)
    # a mail whose kind is unclear: kept for staff, the sender told it arrived
    tid = intake.intake_mail(
        c.uow(), c.requests, _mail("wang@example.com", "Hello", "Can we talk?"), rcpt
    )
    mailbox.wait_for(lambda m: m["To"] == "wang@example.com")
    [t] = intake.list_triage(c.uow())
    assert t.id == tid and "unclear" in t.reason
    _, text = intake.read_triage(c.uow(), c.requests, OPERATOR, tid)
    assert "Can we talk?" in text
    # unreadable mail (no sender) is kept too, never lost
    intake.intake_mail(c.uow(), c.requests, b"Subject: x\r\n\r\n", rcpt)
    assert len(intake.list_triage(c.uow())) == 2
    intake.resolve_triage(c.uow(), c.requests, OPERATOR, tid, None)
    assert len(intake.list_triage(c.uow())) == 1


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Subject access request", RequestKind.ACCESS),
        ("Please export my data (portability)", RequestKind.PORTABILITY),
        ("更正我的电话号码", RequestKind.CORRECTION),
        ("退订营销邮件", RequestKind.OBJECTION),
        ("Restrict processing", RequestKind.RESTRICTION),
        ("Erase my data", RequestKind.DELETION),
        ("Delete or correct?", None),
    ],
)
def test_kind_of_mail(subject: str, kind: RequestKind | None) -> None:
    assert intake.kind_of_mail(subject, "") is kind


class _Hook(BaseHTTPRequestHandler):
    answers: ClassVar[list[tuple[int, bytes]]] = []
    seen: ClassVar[list[tuple[str, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append((self.headers["Piiguard-Signature"], body))
        status, answer = type(self).answers.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.req("R4.1")
def test_correction_tells_the_systems_and_retries_until_confirmed(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.answers[:] = [(500, b"{}"), (200, b'{"status": "done"}')]
    _Hook.seen[:] = []
    try:
        register_system(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            System(
                "crm",
                "CRM",
                "sales",
                "crm",
                "CN",
                Approval.APPROVED,
                categories=frozenset({"user.contact"}),
            ),
        )
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        secret = jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "crm", url)
        register(c, *contact(EMAIL, phone="13800000000"))
        rid = _verified(
            c, mailbox, RequestKind.CORRECTION, changes={"user.contact.phone_number": "13911112222"}
        )
        req = advance(c.uow(), c.requests, rid)
        assert req.status is RequestStatus.WAITING_ON_SYSTEMS
        assert jobs.deliver_tasks(c.uow(), c.requests) == 1  # 500: retried later
        with c.uow() as uow:
            [task] = uow.requests.tasks_of(rid)
        assert (task.status, task.attempts, task.last_error) == (TaskStatus.PENDING, 1, "HTTP 500")
        assert jobs.deliver_tasks(c.uow(), c.requests) == 0  # not due yet
        clock.advance(timedelta(minutes=2))
        assert jobs.deliver_tasks(c.uow(), c.requests) == 1
        signature, body = _Hook.seen[-1]
        assert verify_signature(bytes.fromhex(secret), signature, body, int(time.time()))
        payload = json.loads(body)
        assert payload["event"] == "request.correct"
        assert payload["changes"] == {"user.contact.phone_number": "13911112222"}
        with c.uow() as uow:
            done, _ = uow.requests.get(rid) or (None, "")
        assert done is not None and done.status is RequestStatus.COMPLETED
        reply = mailbox.wait_for(lambda m: m["To"] == EMAIL)
        assert "crm" in body_text(reply)
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.req("R4.3")
def test_one_contact_cannot_be_flooded_with_codes(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    def ask() -> object:
        return open_request(
            c.uow(),
            c.requests,
            "subject:web",
            RequestInput(RequestKind.ACCESS, RequestChannel.WEB, "victim@example.com", "en"),
        )

    for _ in range(5):
        ask()
    with pytest.raises(TooManyAttempts):
        ask()
    assert len([m for m in mailbox.messages if m["To"] == "victim@example.com"]) == 5
    clock.advance(timedelta(days=1, minutes=1))
    ask()  # the next day is a new day


@pytest.mark.req("R9.1")
@pytest.mark.req("R4.3")
@pytest.mark.req("R4.1")
def test_by_email_alone_request_code_by_reply_and_the_answer(
    c: Container, mailbox: SmtpSink
) -> None:
    """A person who only uses mail: asks, replies to the code mail quoting it, and gets
    the reply with the download link; a reply from another address verifies nothing."""
    register(c, *contact(EMAIL))
    rcpt = ("privacy@example.com",)
    rid = intake.intake_mail(c.uow(), c.requests, _mail(EMAIL, "Access request", "Hi"), rcpt)
    code_mail = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    quoted = "\n".join(f"> {line}" for line in body_text(code_mail).splitlines())
    reply_subject = f"Re: {code_mail['Subject']}"
    # someone else replying with the code is not the requester
    intake.intake_mail(
        c.uow(),
        c.requests,
        _mail("mallory@example.com", reply_subject, f"Thanks\n\n{quoted}"),
        rcpt,
    )
    with c.uow() as uow:
        still = uow.requests.get(rid)
    assert still is not None and still[0].status is RequestStatus.AWAITING_VERIFICATION
    mailbox.messages.clear()
    assert (
        intake.intake_mail(
            c.uow(), c.requests, _mail(EMAIL, reply_subject, f"Here it is\n\n{quoted}"), rcpt
        )
        == rid
    )
    answer = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    link = next(w for w in body_text(answer).split() if "/privacy/packages/" in w)
    _, zipped = download_package(c.uow(), c.requests, link.rsplit("/", 1)[1], consume=True)
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        assert EMAIL in z.read("package.json").decode()


@pytest.mark.req("R4.3")
def test_a_code_that_arrives_late_still_works_and_new_codes_add_no_guesses(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact(EMAIL))
    opened = open_request(
        c.uow(),
        c.requests,
        "subject:web",
        RequestInput(RequestKind.ACCESS, RequestChannel.WEB, EMAIL, "en"),
    )
    first = _code(mailbox)
    mailbox.messages.clear()
    clock.advance(timedelta(seconds=30))
    resend_code(c.uow(), c.requests, opened.request.id)
    second = _code(mailbox)
    wrong = next(x for x in ("000000", "111111", "222222") if x not in (first, second))
    with pytest.raises(InvalidInput, match="4 attempt"):
        verify_code(c.uow(), c.requests, opened.request.id, wrong)
    with c.uow() as uow:
        assert [v.attempts for v in uow.requests.codes(opened.request.id)] == [1, 1]
    # the first mail came late: its code is still good
    done = verify_code(c.uow(), c.requests, opened.request.id, first)
    assert done.status is RequestStatus.IN_PROGRESS


@pytest.mark.req("R9.2")
def test_the_queue_lists_running_requests_by_due_date_then_those_waiting(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    ids = []
    for n, days_ago in enumerate((40, 10, 35)):  # overdue, running, soon to be paused
        opened = open_request(
            c.uow(),
            c.requests,
            OPERATOR,
            RequestInput(
                RequestKind.CORRECTION,
                RequestChannel.LETTER,
                f"p{n}@example.cn",
                "zh",
                text="address",
                received_at=START - timedelta(days=days_ago),
            ),
        )
        verify_by_staff(c.uow(), c.requests, OPERATOR, opened.request.id, "letter signed")
        ids.append(opened.request.id)
    wait_on_requester(c.uow(), c.requests, OPERATOR, ids[2], "need a copy of the bill")
    queue = [r.id for r in list_requests(c.uow(), QueueFilter())]
    assert queue == [ids[0], ids[1], ids[2]]  # paused last, though due before ids[1]
    assert [r.id for r in list_requests(c.uow(), QueueFilter(overdue_at=START))] == [ids[0]]
    assert request_counts(c.uow(), START) == (3, 1)


@pytest.mark.req("R9.1")
@pytest.mark.parametrize(
    "header",
    [("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"), ("From", "MAILER-DAEMON@mx.cn")],
)
def test_automatic_mail_is_kept_for_staff_and_never_answered(
    c: Container, mailbox: SmtpSink, header: tuple[str, str]
) -> None:
    register(c, *contact(EMAIL))
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = EMAIL, "privacy@example.com", "Out of office: 删除"
    if header[0] == "From":
        m.replace_header("From", header[1])
    else:
        m.add_header(*header)
    m.set_content("I am away until Monday.")
    tid = intake.intake_mail(c.uow(), c.requests, m.as_bytes(), ("privacy@example.com",))
    [t] = intake.list_triage(c.uow())
    assert t.id == tid and "automatic" in t.reason
    assert mailbox.messages == []  # no acknowledgement: no loop between two robots
    with c.uow() as uow:
        assert uow.requests.queue(QueueFilter()) == []
