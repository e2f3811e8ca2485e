"""What a reviewer tried to break in the requests of the person, on both backends (R4.3,
R9.2, R4.1): one process at a time carries a request out; a request about someone erased
meanwhile is answered, not stuck, and does not hold up the others; unconfirmed requests
close; a copy of sensitive data needs the second step whatever was ticked; staff notes are
sealed in the audit trail; webhooks carrying data go over https; a reminder the mail server
refused is sent again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.errors import InvalidInput, TooManyAttempts
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus
from piiguard.services.policy.datamap import register_system
from piiguard.services.rights import jobs
from piiguard.services.rights.fulfilment import advance, refuse_request
from piiguard.services.rights.intake import (
    RequestInput,
    open_request,
    resend_code,
    verify_by_staff,
    view_request,
)
from piiguard.services.subjects.erase import erase_subject
from tests.builders import contact, item, register
from tests.integration.conftest import START
from tests.mailserver import ACCEPTED, SmtpSink


def _letter(c: Container, kind: RequestKind, email: str) -> str:
    """A written request entered by staff and verified by them (no code mail involved)."""
    opened = open_request(
        c.uow(),
        c.requests,
        OPERATOR,
        RequestInput(kind, RequestChannel.LETTER, email, "en", text="as written in the letter"),
    )
    verify_by_staff(c.uow(), c.requests, OPERATOR, opened.request.id, "signature checked")
    return opened.request.id


def _packages(c: Container, rid: str) -> int:
    with c.uow() as uow:
        return len(uow.requests.packages_of(rid))


@pytest.mark.req("R4.1")
def test_one_process_at_a_time_carries_a_request_out(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact("a@example.cn"))
    rid = _letter(c, RequestKind.ACCESS, "a@example.cn")
    with c.uow() as uow:  # another worker holds it
        assert uow.requests.claim(rid, clock.now(), clock.now() - timedelta(minutes=15))
        uow.commit()
    assert advance(c.uow(), c.requests, rid).status is RequestStatus.IN_PROGRESS
    assert _packages(c, rid) == 0
    clock.advance(timedelta(minutes=16))  # that worker died: its claim is taken over
    assert advance(c.uow(), c.requests, rid).status is RequestStatus.COMPLETED
    assert _packages(c, rid) == 1
    assert advance(c.uow(), c.requests, rid).status is RequestStatus.COMPLETED  # no second
    assert _packages(c, rid) == 1


@pytest.mark.req("R9.2")
def test_a_request_about_someone_erased_meanwhile_is_answered_and_blocks_nobody(
    c: Container, mailbox: SmtpSink
) -> None:
    gone = register(c, *contact("gone@example.cn"))
    stays = register(c, *contact("stays@example.cn"))
    first = _letter(c, RequestKind.ACCESS, "gone@example.cn")  # verified, not yet done
    later = _letter(c, RequestKind.ACCESS, "stays@example.cn")
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, gone.subject.id)
    # the scheduler answers the first ("nothing held") and still carries out the second
    report = jobs.run_jobs(c.uow(), c.requests)
    assert (report.errors, report.advanced) == (0, 2)
    with c.uow() as uow:
        a, b = uow.requests.get(first), uow.requests.get(later)
    assert a is not None and a[0].status is RequestStatus.COMPLETED
    assert "hold no personal information" in a[0].outcome
    assert b is not None and b[0].status is RequestStatus.COMPLETED
    assert b[0].subject_id == stays.subject.id and _packages(c, later) == 1


@pytest.mark.req("R4.3")
def test_unconfirmed_requests_close_and_codes_are_bounded(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    opened = open_request(
        c.uow(),
        c.requests,
        "subject:web",
        RequestInput(RequestKind.ACCESS, RequestChannel.WEB, "who@example.cn", "en"),
    )
    rid = opened.request.id
    for _ in range(9):  # 1 + 9 codes in all, spread so the hourly limit does not bite
        clock.advance(timedelta(hours=1))
        resend_code(c.uow(), c.requests, rid)
    clock.advance(timedelta(hours=1))
    with pytest.raises(TooManyAttempts):
        resend_code(c.uow(), c.requests, rid)
    mailbox.messages.clear()
    clock.at = START + timedelta(days=8)
    assert jobs.run_jobs(c.uow(), c.requests).expired == 1
    with c.uow() as uow:
        found = uow.requests.get(rid)
    assert found is not None and found[0].status is RequestStatus.REFUSED
    assert mailbox.messages == []  # nobody verified: no reply to an unknown sender


@pytest.mark.req("R4.3")
def test_a_copy_of_sensitive_data_needs_the_second_step_whatever_was_ticked(
    c: Container, mailbox: SmtpSink
) -> None:
    register(c, *contact("s@example.cn"), item("user.health_and_medical", "diabetes"))
    rid = _letter(c, RequestKind.ACCESS, "s@example.cn")
    with c.uow() as uow:
        found = uow.requests.get(rid)
    assert found is not None
    assert (found[0].status, found[0].sensitive) == (RequestStatus.AWAITING_SECOND_STEP, True)


@pytest.mark.req("R4.4")
def test_staff_notes_are_sealed_in_the_audit_trail_and_open_for_the_handlers(
    c: Container, mailbox: SmtpSink
) -> None:
    register(c, *contact("n@example.cn"))
    rid = _letter(c, RequestKind.CORRECTION, "n@example.cn")
    reason = "Caller Zhang Wei is not the account holder"
    refuse_request(c.uow(), c.requests, OPERATOR, rid, reason)
    with c.uow() as uow:
        trail = uow.audit_log.entries(AuditQuery(target=("request", rid), limit=100))
    assert trail and not any("Zhang" in e.details or "signature" in e.details for e in trail)
    view = view_request(c.uow(), c.requests, OPERATOR, rid)
    assert any(reason in e.details for e in view.timeline)
    assert any("signature checked" in e.details for e in view.timeline)


@pytest.mark.req("R4.1")
def test_webhooks_carrying_data_go_over_https_except_on_this_host(c: Container) -> None:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System("erp", "ERP", "it", "erp", "CN", Approval.APPROVED),
    )
    with pytest.raises(InvalidInput, match="https"):
        jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "erp", "http://erp.example/hook")
    jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "erp", "https://erp.example/hook")
    jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "erp", "http://127.0.0.1:9/hook")


@pytest.mark.req("R9.2")
def test_a_reminder_the_mail_server_refused_is_sent_again(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c, *contact("r@example.cn"))
    _letter(c, RequestKind.CORRECTION, "r@example.cn")
    clock.at = START + timedelta(days=24)
    mailbox.reply = "451 try later"
    try:
        assert jobs.run_jobs(c.uow(), c.requests).notices == 0
    finally:
        mailbox.reply = ACCEPTED
    assert jobs.run_jobs(c.uow(), c.requests).notices == 1
    assert any("Reminder" in str(m["Subject"]) for m in mailbox.messages)
