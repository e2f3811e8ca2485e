"""Data kept up to date (R2.8) and a child's data found (R6.3), end to end on both
backends with an injected clock: stale items queued, the link mailed through the loopback
SMTP server, the privacy-centre page showing nothing before the one-time code, then the
person confirming one item and correcting another (a rights correction: systems told, old
and new as keyed hashes); an unanswered request in the staff queue after N days and staff
confirming by phone; a child's data found by the decision point and by the scanner, its
deadline and escalation, and each way of closing it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.bootstrap.jobs import run_upkeep_of
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, InvalidInput
from piiguard.domain.ports import AuditQuery
from piiguard.domain.retention.upkeep import ChildClosure, ChildStatus, ConfirmationStatus
from piiguard.domain.rights.rules import RequestKind
from piiguard.domain.subjects import Channel
from piiguard.services.decisions import evaluate_access
from piiguard.services.policy.consents import (
    declare_minor,
    grant_consent,
    link_guardian,
    verify_guardian,
)
from piiguard.services.policy.discovery import Discovered, report_discoveries
from piiguard.services.retention.sweep import dispose_subject_items
from piiguard.services.retention.upkeep.children import (
    close_by_guardian_consent,
    close_not_a_child,
    dispose_child_data,
    list_child_tasks,
)
from piiguard.services.retention.upkeep.confirmations import (
    confirmation_counts,
    list_confirmations,
    record_by_staff,
    view_confirmation,
)
from piiguard.services.rights.intake import request_status
from piiguard.services.subjects.erase import erase_subject
from tests.builders import contact, item, register
from tests.e2e.conftest import TestClient, app_for
from tests.mailserver import SmtpSink, body_text

EMAIL = "han.meimei@example.cn"
PHONE = "13912345678"
NEW_PHONE = "13700001111"
LINK = re.compile(r"https?://[^/\s]+(/privacy/confirm/[A-Za-z0-9_-]+)")
CODE = re.compile(r"^ {4}(\d{6})$", re.MULTILINE)
OFFICER = Actor("officer-1", ActorKind.STAFF, frozenset({"privacy_officer"}))
STAFF = Actor("staff-1", ActorKind.STAFF, frozenset({"staff"}))
ERP = Actor("erp", ActorKind.SYSTEM, frozenset({"system"}))


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    with TestClient(app_for(container), base_url="https://testserver") as client:
        yield client


def csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert found, "the page has no CSRF token"
    return found.group(1)


def trail(c: Container) -> str:
    with c.uow(readonly=True) as uow:
        return "\n".join(e.details for e in uow.audit_log.entries(AuditQuery(limit=5000)))


def stale_person(c: Container, email: str = EMAIL) -> str:
    sid = register(c, *contact(email=email, phone=PHONE)).subject.id
    c.clock.advance(timedelta(days=731))  # contact details: 24 months (the seeded interval)
    return sid


@pytest.mark.req("R2.8")
def test_confirmation_mail_flow_through_the_privacy_centre(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    c = container
    sid = stale_person(c)
    report = run_upkeep_of(c)
    assert (report.queued, report.mailed, report.errors) == (1, 1, 0)
    again = run_upkeep_of(c)  # one request per person: nothing queued twice
    assert (again.queued, again.mailed) == (0, 0)
    [q] = list_confirmations(c.uow(), (ConfirmationStatus.MAILED,))
    assert q.subject_id == sid
    view = view_confirmation(c.uow(), q.id)  # the name is not a contact detail: not asked
    assert {r.category for r in view.items} == {"user.contact.email", "user.contact.phone_number"}

    mail = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    text = body_text(mail)
    assert PHONE not in text and "电话" not in text  # the mail holds no value, no category
    found = LINK.search(text)
    assert found, text
    link = found.group(1)

    # before the code: no value, no category name
    page = web.get(link)
    assert page.status_code == 200
    assert PHONE not in page.text and EMAIL not in page.text and "电话号码" not in page.text
    r = web.post(link + "/code", data={"csrf_token": csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303, r.text
    code_mail = mailbox.wait_for(lambda m: m["To"] == EMAIL and "验证码" in str(m["Subject"]))
    code = CODE.search(body_text(code_mail))
    assert code
    page = web.get(link)
    wrong = web.post(link + "/verify", data={"csrf_token": csrf(page.text), "code": "000000"})
    assert wrong.status_code == 422 and PHONE not in wrong.text
    r = web.post(
        link + "/verify",
        data={"csrf_token": csrf(page.text), "code": code.group(1)},
        follow_redirects=False,
    )
    assert r.status_code == 303

    # after the code: their own values, to confirm or correct
    page = web.get(link)
    assert PHONE in page.text and EMAIL in page.text
    ids = {r.category: r.id for r in view.items}
    r = web.post(
        link,
        data={
            "csrf_token": csrf(page.text),
            f"keep_{ids['user.contact.email']}": "1",
            f"value_{ids['user.contact.phone_number']}": NEW_PHONE,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text

    [q] = list_confirmations(c.uow(), subject_id=sid)
    assert q.status is ConfirmationStatus.ANSWERED
    assert q.outcome[ids["user.contact.email"]] == "confirmed"
    corrected = q.outcome[ids["user.contact.phone_number"]]
    assert corrected.startswith("corrected:")
    req = request_status(c.uow(), corrected.removeprefix("corrected:"))
    assert req.kind is RequestKind.CORRECTION and req.subject_id == sid
    assert req.status.value in ("completed", "waiting_on_systems")
    audit = trail(c)
    assert "old_value_hash" in audit and "new_value_hash" in audit  # as a rights correction
    for value in (EMAIL, PHONE, NEW_PHONE):
        assert value not in audit
    with c.uow(readonly=True) as uow:
        records = {r.category: r for r in uow.items.records(sid)}
    assert records["user.contact.email"].last_confirmed_at > c.clock.now() - timedelta(hours=1)
    # nothing stale now: no new request
    assert run_upkeep_of(c).queued == 0


def invalid(html: str, field_id: str) -> bool:
    """The field is marked (aria-invalid, its message tied to it) and the summary links it."""
    tag = re.search(rf'<input id="{field_id}"[^>]*>', html)
    return bool(tag) and 'aria-invalid="true"' in tag.group(0) and f'href="#{field_id}"' in html


@pytest.mark.req("R2.8")
def test_the_confirmation_page_marks_the_field_keeps_the_input_and_writes_nothing_on_error(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    """Found by the black-box walk: a wrong code was told in English on the Chinese page
    ("验证码错误或已过期：wrong code; 4 attempt(s) left") with the code field unmarked; an
    item form refused linked its summary to a code field not on the page, marked no field,
    dropped what was typed — and a "still correct" ticked beside a refused correction was
    recorded all the same."""
    c = container
    sid = stale_person(c)
    run_upkeep_of(c)
    link = LINK.search(body_text(mailbox.wait_for(lambda m: m["To"] == EMAIL)))
    assert link
    url = link.group(1)
    page = web.get(url)
    web.post(url + "/code", data={"csrf_token": csrf(page.text)}, follow_redirects=False)
    code = CODE.search(body_text(mailbox.wait_for(lambda m: "验证码" in str(m["Subject"]))))
    assert code
    wrong = web.post(url + "/verify", data={"csrf_token": csrf(page.text), "code": "000000"})
    assert wrong.status_code == 422 and "还可尝试 4 次" in wrong.text
    assert "wrong code" not in wrong.text and invalid(wrong.text, "code")
    r = web.post(url + "/verify", data={"csrf_token": csrf(page.text), "code": code.group(1)})
    assert r.status_code == 200  # followed to the items
    [q] = list_confirmations(c.uow(), subject_id=sid)
    ids = {r.category: r.id for r in view_confirmation(c.uow(), q.id).items}
    email, phone = ids["user.contact.email"], ids["user.contact.phone_number"]

    r = web.post(url, data={"csrf_token": csrf(r.text)})  # nothing chosen
    assert r.status_code == 422 and invalid(r.text, f"value-{min(q.item_ids)}")
    assert 'href="#code"' not in r.text
    too_long = "1" * 10_001
    r = web.post(
        url, data={"csrf_token": csrf(r.text), f"keep_{email}": "1", f"value_{phone}": too_long}
    )
    assert r.status_code == 422 and invalid(r.text, f"value-{phone}")
    assert f'value="{too_long}"' in r.text  # what was typed, kept
    assert re.search(rf'<input type="checkbox" id="keep-{email}"[^>]* checked', r.text)
    [q] = list_confirmations(c.uow(), subject_id=sid)
    assert q.outcome == {}  # the ticked item was not recorded either
    # the value we hold, typed again: still correct
    r = web.post(
        url,
        data={"csrf_token": csrf(r.text), f"keep_{email}": "1", f"value_{phone}": PHONE},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    [q] = list_confirmations(c.uow(), subject_id=sid)
    assert q.status is ConfirmationStatus.ANSWERED
    assert q.outcome == {email: "confirmed", phone: "confirmed"}


@pytest.mark.req("R2.8")
def test_unanswered_goes_to_staff_who_record_a_phone_call(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    sid = stale_person(c)
    run_upkeep_of(c)
    c.clock.advance(timedelta(days=13))
    assert run_upkeep_of(c).to_staff == 0
    c.clock.advance(timedelta(days=2))  # PIIGUARD_CONFIRMATION_STAFF_DAYS: 14
    assert run_upkeep_of(c).to_staff == 1
    [q] = list_confirmations(c.uow(), (ConfirmationStatus.STAFF_QUEUE,))
    assert q.subject_id == sid and q.escalated_at is not None
    with pytest.raises(Exception, match="method"):
        record_by_staff(c.uow(), c.clock, STAFF, q.id, "carrier pigeon")
    done = record_by_staff(c.uow(), c.clock, STAFF, q.id, "phone")
    assert done.status is ConfirmationStatus.ANSWERED and done.method == "phone"
    assert done.answered_by == STAFF.ref
    with c.uow(readonly=True) as uow:
        actions = {e.action for e in uow.audit_log.entries(AuditQuery(limit=500))}
    assert {"confirmation.queue", "confirmation.mail", "confirmation.staff_queue"} <= actions
    assert "confirmation.staff_confirm" in actions


@pytest.mark.req("R2.8")
def test_a_request_whose_items_are_gone_is_settled_by_the_next_pass(
    container: Container, mailbox: SmtpSink
) -> None:
    """Found by the black-box walk: a disposal batch erased one person and disposed of
    another's phone number minutes after the upkeep pass had queued both; the requests
    stayed open for good (the front page counted them for staff, whose page had nothing
    left to record). The next pass closes the one with nothing left to ask and marks the
    other's gone item, which staff then need not (and cannot) confirm."""
    c = container
    gone = register(c, *contact(email=EMAIL, phone=PHONE)).subject.id
    part = register(c, *contact(email="wei.ping@example.cn", phone="13500002222")).subject.id
    c.clock.advance(timedelta(days=731))
    assert run_upkeep_of(c).queued == 2
    with c.uow(readonly=True) as uow:
        kept, phone = (
            next(r.id for r in uow.items.records(part) if r.category == f"user.contact.{k}")
            for k in ("email", "phone_number")
        )
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, gone)
    dispose_subject_items(c.uow(), c.vault, c.clock, OPERATOR, part, [phone])

    report = run_upkeep_of(c)
    assert (report.settled, report.errors) == (2, 0)
    [closed] = list_confirmations(c.uow(), subject_id=gone)
    assert closed.status is ConfirmationStatus.CLOSED and closed.outcome == dict.fromkeys(
        closed.item_ids, "gone"
    )
    [q] = list_confirmations(c.uow(), subject_id=part)
    assert q.status is ConfirmationStatus.MAILED and q.outcome == {phone: "gone"}
    assert confirmation_counts(c.uow()) == {"queued": 0, "mailed": 1, "staff_queue": 0}
    assert run_upkeep_of(c).settled == 0  # settled once
    with pytest.raises(InvalidInput, match="name items"):
        record_by_staff(c.uow(), c.clock, STAFF, q.id, "phone", [phone])
    done = record_by_staff(c.uow(), c.clock, STAFF, q.id, "phone")  # what is left: the email
    assert done.status is ConfirmationStatus.ANSWERED
    assert done.outcome == {phone: "gone", kept: "confirmed"}
    with c.uow(readonly=True) as uow:
        closes = [
            e
            for e in uow.audit_log.entries(AuditQuery(limit=500))
            if e.action == "confirmation.gone"
        ]
    assert len(closes) == 2 and EMAIL not in trail(c) and PHONE not in trail(c)


@pytest.mark.req("R2.8")
def test_no_usable_address_goes_to_staff_at_once(container: Container, mailbox: SmtpSink) -> None:
    c = container
    register(c, item("user.contact.phone_number", PHONE))
    c.clock.advance(timedelta(days=731))
    report = run_upkeep_of(c)
    assert (report.queued, report.mailed) == (1, 0)
    assert len(list_confirmations(c.uow(), (ConfirmationStatus.STAFF_QUEUE,))) == 1
    assert not mailbox.messages


def child(c: Container) -> str:
    sid = register(c, *contact(email="kid@example.cn", phone="13600000000")).subject.id
    declare_minor(c.uow(), OPERATOR, sid, True)
    return sid


def decide(c: Container, sid: str) -> None:
    evaluate_access(c.uow(), c.requests.policy, c.clock, ERP, sid, "after_sales")


@pytest.mark.req("R6.3")
def test_child_data_deadline_escalation_and_not_a_child(
    container: Container, mailbox: SmtpSink
) -> None:
    c = container
    sid = child(c)
    decide(c, sid)
    decide(c, sid)  # one open task a child
    [task] = list_child_tasks(c.uow())
    assert task.subject_id == sid and task.status is ChildStatus.OPEN
    assert task.due_at - task.opened_at == timedelta(hours=72)  # PIIGUARD_CHILD_DATA_HOURS
    c.clock.advance(timedelta(hours=71))
    assert run_upkeep_of(c).children_escalated == 0
    c.clock.advance(timedelta(hours=2))
    assert run_upkeep_of(c).children_escalated == 1
    assert run_upkeep_of(c).children_escalated == 0  # once
    mail = mailbox.wait_for(lambda m: task.id in body_text(m))
    assert "kid@example.cn" not in body_text(mail)
    [task] = list_child_tasks(c.uow())
    assert task.status is ChildStatus.ESCALATED
    with pytest.raises(Exception, match="officer"):
        close_not_a_child(c.uow(), c.requests, STAFF, task.id, "ID card seen")
    closed = close_not_a_child(c.uow(), c.requests, OFFICER, task.id, "ID card seen: born 1990")
    assert closed.closure is ChildClosure.NOT_A_CHILD and closed.closed_by == OFFICER.ref
    assert "born 1990" not in trail(c)  # the note is sealed
    decide(c, sid)  # the officer's finding stands: no new task
    assert len(list_child_tasks(c.uow())) == 1


@pytest.mark.req("R6.3")
def test_child_data_closed_by_a_verified_guardians_consent(container: Container) -> None:
    c = container
    sid = child(c)
    decide(c, sid)
    [task] = list_child_tasks(c.uow())
    with pytest.raises(Conflict):
        close_by_guardian_consent(c.uow(), c.requests, OFFICER, task.id)
    guardian = register(c, *contact(email="parent@example.cn", phone="13500000000")).subject.id
    link_guardian(c.uow(), c.clock, OPERATOR, sid, guardian)
    verify_guardian(c.uow(), c.clock, OPERATOR, sid, guardian)
    grant_consent(
        c.uow(),
        c.requests.policy,
        c.clock,
        OPERATOR,
        sid,
        "after_sales",
        ConsentKind.GUARDIAN,
        Channel.WEB,
        "I consent for my child",
        given_by=guardian,
    )
    closed = close_by_guardian_consent(c.uow(), c.requests, OFFICER, task.id)
    assert closed.closure is ChildClosure.GUARDIAN_CONSENT
    decide(c, sid)  # a verified guardian's consent is in force now: no task
    assert [t.status for t in list_child_tasks(c.uow())] == [ChildStatus.CLOSED]


@pytest.mark.req("R6.3")
def test_child_data_closed_by_disposal(container: Container) -> None:
    c = container
    sid = child(c)
    decide(c, sid)
    [task] = list_child_tasks(c.uow())
    done = dispose_child_data(c.uow(), c.vault, c.requests, OFFICER, task.id)
    assert done.erased and done.items_disposed == 3
    assert done.task.closure is ChildClosure.DISPOSED
    with c.uow(readonly=True) as uow:
        assert uow.items.records(sid) == []
        subject = uow.subjects.get(sid)
    assert subject is not None and subject.erased_at is not None


@pytest.mark.req("R6.3")
def test_a_scanner_finding_of_a_childs_data(container: Container) -> None:
    c = container
    report_discoveries(
        c.uow(),
        c.requests.policy,
        c.clock,
        OPERATOR,
        [Discovered("/srv/share/kids.xlsx", "user.demographic.date_of_birth", child=True)],
    )
    assert run_upkeep_of(c).children_opened == 1
    assert run_upkeep_of(c).children_opened == 0
    [task] = list_child_tasks(c.uow())
    assert task.subject_id is None and task.source.value == "scanner"
    with pytest.raises(InvalidInput, match="what was found"):
        dispose_child_data(c.uow(), c.vault, c.requests, OFFICER, task.id)
    done = dispose_child_data(
        c.uow(), c.vault, c.requests, OFFICER, task.id, "file deleted from the share"
    )
    assert done.task.closure is ChildClosure.DISPOSED
    with c.uow(readonly=True) as uow:
        finding = uow.registers.finding(task.reference)
    assert finding is not None and finding.status.value == "fixed"
