"""The staff console's request pages, on SQLite and PostgreSQL (R4.3, R4.4, R9.1, R9.2):
members of staff in a browser-like client (the session cookie, the CSRF token the pages'
forms carry, English by Accept-Language) work the queue — overdue first, filters, paging,
the counter on the front page — open a request (what the person asked for staff, never
for the auditor), take each step through its form (assign, identity by other means, the
second step's document check and another officer's approval after a recent sign-in,
pause and resume moving the due date, a correction told in words, unfounded, fee, waiver,
refusal with its reply mail, a system's notice waived), read the mail the inbox could not
turn into a request and record the request it asked for. A form without its token is
refused. The browser test is test_console_browser.py."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus, RightsRequest
from piiguard.services.rights import intake as uc
from piiguard.services.rights import mail_intake as intake
from piiguard.services.rights.jobs import deliver_tasks
from piiguard.services.staff.login import token_hash
from piiguard.web.console import rights_queue as console_queue
from tests.e2e.conftest import PASSWORD, Caller, TestClient, totp_code
from tests.e2e.console_client import Console, People, member
from tests.mailserver import SmtpSink, body_text

EMAIL, PHONE = "li.lei@example.cn", "13812345678"


# --- helpers ---------------------------------------------------------------------------------


def received(
    c: Container,
    kind: str,
    contact: str,
    days_ago: float,
    *,
    channel: RequestChannel = RequestChannel.LETTER,
    **extra: Any,
) -> str:
    """A request that arrived `days_ago` (a letter's date of receipt, entered by staff)."""
    opened = uc.open_request(
        c.uow(),
        c.requests,
        "system:test",
        uc.RequestInput(
            RequestKind(kind),
            channel,
            contact,
            "en",
            received_at=c.clock.now() - timedelta(days=days_ago),
            **extra,
        ),
    )
    return opened.request.id


def status_of(c: Container, rid: str) -> RightsRequest:
    return uc.request_status(c.uow(readonly=True), rid)


def queue_ids(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def overdue_ids(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)" class="overdue"', html)


def person(api: TestClient, system: Caller) -> str:
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {**item, "category": "user.contact.email", "value": EMAIL},
                {**item, "category": "user.name", "value": "李蕾"},
                {**item, "category": "user.contact.phone_number", "value": PHONE},
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def mail_to(mailbox: SmtpSink, rid: str, subject: str) -> str:
    mail = mailbox.wait_for(lambda m: m["X-Piiguard-Request"] == rid and subject in m["Subject"])
    assert mail["To"] == EMAIL
    return body_text(mail)


def age_session(c: Container, who: Console, minutes: float) -> None:
    """As if `who` signed in `minutes` ago (the re-authentication window)."""
    with c.engine.begin() as conn:
        conn.execute(
            update(t.staff_sessions)
            .where(t.staff_sessions.c.token_hash == token_hash(who.token))
            .values(authenticated_at=c.clock.now() - timedelta(minutes=minutes))
        )


# --- the queue and the front page (R9.2) -------------------------------------------------------


@pytest.mark.req("R9.2")
def test_the_queue_lists_overdue_first_then_by_due_date_and_its_filters_work(
    container: Container, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    c, staff = container, people.staff
    late10 = received(c, "access", "13800000001", 40)
    late5 = received(c, "deletion", "13800000002", 35, channel=RequestChannel.PHONE)
    soon = received(c, "correction", "13800000003", 25, text="my name is misspelt")
    fresh = received(c, "access", "13800000004", 0)
    closed = received(c, "objection", "13800000005", 2)
    people.officer.step(closed, "refuse", reason="not a request about personal data")

    html = staff.page("/console/requests")
    assert '<form method="get" action="/console/requests"' in html  # works without JS
    assert queue_ids(html) == [late10, late5, soon, fresh]
    assert overdue_ids(html) == [late10, late5]
    assert "10 days overdue" in html and "5 days overdue" in html
    row = html[html.index(f'data-id="{soon}"') :]
    assert '<td class="left">5</td>' in row[: row.index("</tr>")]
    assert "Second step" in html[html.index(f'data-id="{late5}"') :]  # deletion: four eyes

    assert queue_ids(staff.page("/console/requests?kind=access")) == [late10, fresh]
    assert queue_ids(staff.page("/console/requests?overdue=1")) == [late10, late5]
    assert queue_ids(staff.page("/console/requests?status=refused")) == [closed]
    day = (c.clock.now() + timedelta(days=10)).date().isoformat()
    assert queue_ids(staff.page(f"/console/requests?due_before={day}")) == [late10, late5, soon]
    staff.step(soon, "assign", assignee=staff.id)
    assert queue_ids(staff.page("/console/requests?assignee=me")) == [soon]
    assert "Zhou Min" in staff.page("/console/requests?assignee=me")
    assert queue_ids(people.officer.page("/console/requests?assignee=me")) == []
    assert queue_ids(staff.page("/console/requests?kind=access&overdue=1")) == [late10]
    bad = staff.page("/console/requests?kind=everything&due_before=soon", status=422)
    assert 'aria-invalid="true"' in bad and 'id="filters-due_before-error"' in bad
    # the same error on a Chinese page says it in Chinese (issue 13: no English sentence)
    zh = Console(staff.http, staff.caller, lang="zh-CN")
    bad_zh = zh.page("/console/requests?kind=everything&due_before=soon", status=422)
    assert "YYYY-MM-DD" not in bad_zh and "填写有误" in bad_zh

    monkeypatch.setattr(console_queue, "PAGE_SIZE", 2)
    first = staff.page("/console/requests")
    assert queue_ids(first) == [late10, late5] and 'rel="next"' in first
    assert 'rel="prev"' not in first
    second = staff.page("/console/requests?page=2")
    assert queue_ids(second) == [soon, fresh]
    assert 'rel="prev"' in second and 'rel="next"' not in second


@pytest.mark.req("R9.2")
def test_the_front_page_counts_open_and_overdue_requests_for_those_who_may_see_them(
    container: Container, api: TestClient, people: People
) -> None:
    c = container
    for i, days in enumerate((40, 31, 3)):
        received(c, "access", f"1380000002{i}", days)
    html = people.staff.page("/console")
    assert 'id="request-counter"' in html
    assert '<a href="/console/requests" id="open-requests">Open requests: 3</a>' in html
    assert re.search(
        r'href="/console/requests\?overdue=1" id="overdue-requests" '
        r'class="overdue"[^>]*>overdue: 2</a>',
        html,
    )
    assert "Open requests: 3" in people.auditor.page("/console")
    zh = people.officer.page("/console?lang=zh-CN")
    assert "待办请求 3 件" in zh and "已逾期 2 件" in zh
    # an administrator sees no personal data: no counter, no queue
    admin = Console(api, member(c, api, "admin2@example.com", {"admin"}, "Admin Two"))
    assert 'id="request-counter"' not in admin.page("/console")
    assert "forbidden" in admin.page("/console/requests", status=403)


# --- one request ---------------------------------------------------------------------------------


@pytest.mark.req("R4.3")
def test_a_request_shows_what_the_person_asked_to_staff_and_only_its_metadata_to_an_auditor(
    container: Container, people: People
) -> None:
    rid = received(
        container,
        "correction",
        "13800000031",
        3,
        name="Li Lei",
        text="Please fix my postal address",
    )
    html = people.staff.page(f"/console/requests/{rid}")
    assert "Please fix my postal address" in html and "Li Lei" in html
    assert 'id="contact"' in html and 'id="no-details"' not in html
    assert 'id="timeline"' in html and "Received" in html
    assert f'action="/console/requests/{rid}/verify"' in html
    assert f'action="/console/requests/{rid}/refuse"' not in html  # officers only

    seen = people.auditor.page(f"/console/requests/{rid}")
    assert "Please fix my postal address" not in seen and "Li Lei" not in seen
    assert 'id="contact"' not in seen and 'id="no-details"' in seen
    assert 'id="steps"' not in seen and '<form method="post" action="/console/requests' not in seen
    assert "Received" in seen and "Correction" in seen  # the timeline and the metadata
    people.auditor.refused(rid, "assign", 403, assignee=people.auditor.id)
    assert people.staff.page("/console/requests/00000000-0000-4000-8000-000000000000", status=404)


@pytest.mark.req("R4.3")
def test_staff_assign_verify_pause_and_resume_moving_the_due_date_then_apply_a_correction(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, staff = container, people.staff
    person(api, system)
    rid = received(
        c,
        "correction",
        PHONE,
        2,
        channel=RequestChannel.PHONE,
        text="my name is written wrong: it is Li Lei",
    )

    staff.step(rid, "assign", assignee=people.second.id)
    assert status_of(c, rid).assignee == people.second.id
    html = staff.refused(rid, "assign", 422, assignee="nobody")
    assert 'id="assign-assignee-error"' in html

    html = staff.refused(rid, "verify", 422, method="ok")  # too short: said next to it
    assert re.search(r'id="verify-method"[^>]*aria-invalid="true"', html)
    assert 'id="verify-method-error"' in html and 'value="ok"' in html
    html = staff.step(rid, "verify", method="called back the number on file")
    assert 'data-status="in_progress"' in html  # a correction told in words: staff's turn
    assert status_of(c, rid).verified_at is not None

    due = status_of(c, rid).due_at
    html = staff.step(rid, "pause", reason="the correct name in writing")
    assert 'data-status="waiting_on_requester"' in html and "Clock paused" in html
    with c.engine.begin() as conn:  # three days of waiting
        conn.execute(
            update(t.data_requests)
            .where(t.data_requests.c.id == rid)
            .values(paused_at=c.clock.now() - timedelta(days=3))
        )
    staff.step(rid, "resume")
    moved = status_of(c, rid).due_at - due
    assert timedelta(days=3) <= moved < timedelta(days=3, minutes=5)

    html = staff.page(f"/console/requests/{rid}")
    assert f'action="/console/requests/{rid}/correct"' in html
    html = staff.refused(rid, "correct", 422, category="user.authorization.credentials", value="x")
    assert "cannot correct" in html
    html = staff.step(rid, "correct", category="user.name", value="Li Lei")
    assert 'data-status="completed"' in html and "1 item(s) corrected" in html
    steps = [s for s in re.findall(r'<td class="step">([^<]+)</td>', html) if s != "Viewed"]
    assert steps == [
        "Received",
        "Assigned",
        "Identity verified",
        "Clock paused",
        "Clock resumed",
        "Corrected",
        "Completed",
        "Reply due from staff",
    ]
    # a phone request: staff tell the person, then record it
    assert f'action="/console/requests/{rid}/replied"' in html
    html = staff.step(rid, "replied", how="phoned back the next morning, told the outcome")
    assert "Reply given by staff" in html
    assert f'action="/console/requests/{rid}/replied"' not in html


@pytest.mark.req("R4.3")
def test_the_second_step_needs_a_document_check_and_another_officers_recent_approval(
    container: Container, api: TestClient, system: Caller, people: People, mailbox: SmtpSink
) -> None:
    c, staff, first, second = container, people.staff, people.officer, people.second
    person(api, system)
    r = staff.post(
        "/console/requests/new",
        {
            "kind": "deletion",
            "channel": "email",
            "contact": EMAIL,
            "reply_language": "en",
            "text": "Please delete everything you hold on me.",
        },
    )
    assert r.status_code == 303, r.text
    found = re.fullmatch(
        r"/console/requests/([0-9a-f-]{36})\?done=new&also=code", r.headers["location"]
    )
    assert found, r.headers["location"]
    rid = found.group(1)
    assert "code" in mail_to(mailbox, rid, "Confirm")  # the one-time code went out
    html = staff.step(rid, "verify", method="saw the identity card at the counter")
    assert 'data-status="awaiting_second_step"' in html
    assert f'action="/console/requests/{rid}/document"' in html
    assert f'action="/console/requests/{rid}/approve"' not in html  # staff: no approval
    staff.refused(rid, "approve", 403)

    html = first.step(rid, "document", document="resident identity card")
    assert "Document checked by" in html and "Wang Fang" in html
    assert 'id="you-checked"' in html and "Four eyes" in html
    html = first.refused(rid, "approve", 403)  # the same officer: four eyes
    assert 'id="approve-error"' in html and "four eyes" in html
    assert status_of(c, rid).status is RequestStatus.AWAITING_SECOND_STEP

    age_session(c, second, 60)  # signed in an hour ago: approving asks for the password
    assert 'id="approve-password"' in second.page(f"/console/requests/{rid}")
    html = second.refused(rid, "approve", 401)
    assert 'id="approve-password-error"' in html
    html = second.refused(
        rid,
        "approve",
        401,
        password="not my password",
        code=totp_code(api, second.caller.totp_secret or ""),
    )
    assert 'id="approve-password-error"' in html and "wrong password" in html
    html = second.step(
        rid, "approve", password=PASSWORD, code=totp_code(api, second.caller.totp_secret or "")
    )
    assert 'data-status="completed"' in html and "Chen Jing" in html
    assert status_of(c, rid).approved_by == second.id
    assert "deleted" in mail_to(mailbox, rid, "answered")


@pytest.mark.req("R4.4")
def test_an_officer_flags_charges_waives_and_refuses_and_the_reply_states_the_reasons(
    container: Container, people: People, mailbox: SmtpSink
) -> None:
    c, staff, officer = container, people.staff, people.officer
    rid = received(c, "access", "13800000041", 1, channel=RequestChannel.PHONE)
    assert f'action="/console/requests/{rid}/unfounded"' not in staff.page(
        f"/console/requests/{rid}"
    )
    staff.refused(rid, "unfounded", 403, reason="asks every week")
    html = officer.step(rid, "unfounded", reason="the same question every week")
    assert "Excessive" in html
    html = staff.step(rid, "verify", method="called back the number on file")
    assert 'data-status="in_progress"' in html  # flagged: waits for the officer
    html = officer.refused(
        rid, "fee", 422, amount="lots", currency="CNY", reason="the cost of answering weekly"
    )
    assert 'id="fee-amount-error"' in html
    html = officer.step(
        rid, "fee", amount="50", currency="cny", reason="the cost of answering weekly"
    )
    assert 'id="fee">50 CNY<' in html and 'data-status="waiting_on_requester"' in html
    html = staff.step(rid, "resume")  # paid: carried out at once
    assert 'data-status="completed"' in html
    assert "We hold no personal information" in html

    flagged = received(c, "access", "13800000042", 1, channel=RequestChannel.PHONE)
    officer.step(flagged, "unfounded", reason="looks like a test by a competitor")
    staff.step(flagged, "verify", method="called back the number on file")
    html = officer.step(flagged, "waive", reason="a real customer after all")
    assert 'data-status="completed"' in html

    refused = received(c, "access", EMAIL, 0, channel=RequestChannel.EMAIL)
    html = officer.refused(refused, "refuse", 422, reason="no")
    assert 'id="refuse-reason-error"' in html
    html = officer.step(refused, "refuse", reason="The request concerns another person.")
    assert 'data-status="refused"' in html
    assert "The request concerns another person." in mail_to(mailbox, refused, "answered")
    assert status_of(c, refused).status is RequestStatus.REFUSED


@pytest.mark.req("R4.1")
def test_an_officer_waives_a_systems_notice_and_the_correction_completes(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, officer = container, people.officer
    person(api, system)
    r = api.put(
        "/api/v1/systems/crm",
        headers=officer.caller.headers,
        json={
            "name": "CRM",
            "owner": "it-ops",
            "kind": "crm",
            "region": "CN",
            "categories": ["user.contact.phone_number"],
        },
    )
    assert r.status_code == 200, r.text
    r = api.post(
        "/api/v1/systems/crm/approval", headers=officer.caller.headers, json={"status": "approved"}
    )
    assert r.status_code == 200, r.text
    rid = received(
        c,
        "correction",
        PHONE,
        1,
        channel=RequestChannel.PHONE,
        changes={"user.contact.phone_number": "13987654321"},
    )
    html = people.staff.step(rid, "verify", method="called back the number on file")
    assert 'data-status="waiting_on_systems"' in html
    task = re.search(r'<tr data-task="([^"]+)">', html)
    assert task and "<td>crm</td>" in html
    assert f"/tasks/{task.group(1)}/waive" not in html  # staff: officers settle notices
    deliver_tasks(c.uow(), c.requests)  # no endpoint: it waits, said in the page's language
    zh = Console(api, officer.caller, "zh-CN").page(f"/console/requests/{rid}")
    assert "未登记接收通知的地址" in zh and "no webhook endpoint" not in zh
    url = f"tasks/{task.group(1)}/waive"
    html = officer.refused(rid, url, 422, reason="no")
    assert f'id="task-{task.group(1)}-reason-error"' in html
    html = officer.step(rid, url, reason="corrected by hand in the CRM")
    assert 'data-status="completed"' in html and "Waived" in html


@pytest.mark.req("R4.3")
def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
    container: Container, people: People
) -> None:
    rid = received(container, "access", "13800000051", 1)
    staff = people.staff
    for data in ({"assignee": staff.id}, {"assignee": staff.id, "csrf_token": "forged"}):
        r = staff.post(f"/console/requests/{rid}/assign", data, csrf=False)
        assert r.status_code == 403, r.text
        assert '<meta name="problem" content="csrf-refused">' in r.text
    assert status_of(container, rid).assignee is None
    staff.step(rid, "assign", assignee=staff.id)
    assert status_of(container, rid).assignee == staff.id


# --- mail to read, and requests entered by staff (R9.1) --------------------------------------


def unclear_mail(sender: str, text: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: privacy@example.com\r\nSubject: hello\r\n"
        f"Message-ID: <{hashlib.sha256(text.encode()).hexdigest()[:16]}@example.org>\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
    ).encode()


@pytest.mark.req("R9.1")
def test_an_officer_reads_unclear_mail_and_records_the_request_it_asked_for(
    container: Container, people: People, mailbox: SmtpSink
) -> None:
    c, officer = container, people.officer
    first = intake.intake_mail(
        c.uow(),
        c.requests,
        unclear_mail("someone@example.org", "I have a question about my account."),
        ("privacy@example.com",),
    )
    other = intake.intake_mail(
        c.uow(),
        c.requests,
        unclear_mail("other@example.org", "Thanks for the newsletter."),
        ("privacy@example.com",),
    )
    people.staff.page("/console/requests/triage", status=403)
    people.staff.page(f"/console/requests/triage/{first}", status=403)
    html = officer.page("/console/requests/triage")
    assert set(queue_ids(html)) == {first, other}
    assert "the kind of request is unclear" in html

    html = officer.page(f"/console/requests/triage/{first}")
    assert "I have a question about my account." in html
    assert f'href="/console/requests/new?triage={first}"' in html
    html = officer.page(f"/console/requests/new?triage={first}")
    assert f'name="triage_id" value="{first}"' in html
    form = {
        "kind": "access",
        "channel": "email",
        "reply_language": "en",
        "triage_id": first,
        "text": "asked by mail what we hold",
    }
    r = officer.post("/console/requests/new", {**form, "contact": "not a contact"})
    assert r.status_code == 422 and 'id="new-contact-error"' in r.text
    assert 'value="asked by mail what we hold"' not in r.text  # textarea keeps its text:
    assert ">asked by mail what we hold</textarea>" in r.text
    r = officer.post("/console/requests/new", {**form, "contact": "someone@example.org"})
    assert r.status_code == 303, r.text
    found = re.fullmatch(
        r"/console/requests/([0-9a-f-]{36})\?done=new&also=code%2Cresolved", r.headers["location"]
    )
    assert found, r.headers["location"]
    rid = found.group(1)
    assert status_of(c, rid).channel is RequestChannel.EMAIL
    mailbox.wait_for(lambda m: m["X-Piiguard-Request"] == rid)  # the code went out
    assert queue_ids(officer.page("/console/requests/triage")) == [other]
    html = officer.page("/console/requests/triage?resolved=1")
    assert f'href="/console/requests/{rid}"' in html

    url = f"/console/requests/triage/{other}/resolve"
    r = officer.post(url, {"request_id": "00000000-0000-4000-8000-000000000000"})
    assert r.status_code == 422 and 'id="resolve-request_id-error"' in r.text
    r = officer.post(url, {"request_id": ""})
    assert r.status_code == 303 and r.headers["location"].endswith("done=resolved")
    assert queue_ids(officer.page("/console/requests/triage")) == []


@pytest.mark.req("R9.1")
def test_staff_record_a_letter_with_its_date_of_receipt_and_a_phone_call(
    container: Container, people: People
) -> None:
    c, staff = container, people.staff
    html = staff.page("/console/requests/new")
    for label in ("new-kind", "new-channel", "new-contact", "new-received", "new-changes"):
        assert f'<label for="{label}">' in html
    assert 'name="triage_id"' not in html
    day = (c.clock.now() - timedelta(days=12)).date()
    r = staff.post(
        "/console/requests/new",
        {
            "kind": "correction",
            "channel": "letter",
            "contact": "+86 138 0000 0061",
            "reply_language": "zh",
            "received": day.isoformat(),
            "concerns": ["user.name"],
            "changes": "user.name = 王小明\nuser.contact.address: 北京市海淀区",
        },
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"].endswith("done=new&also=callback")
    rid = r.headers["location"].split("/")[3].split("?")[0]
    req = status_of(c, rid)
    assert req.received_at == datetime.combine(day, datetime.min.time(), UTC)
    assert req.due_at == req.received_at + timedelta(days=30)
    assert (req.channel, req.language, req.created_by) == (
        RequestChannel.LETTER,
        "zh",
        f"staff:{staff.id}",
    )
    html = staff.page(f"/console/requests/{rid}")
    assert "王小明" in html and "北京市海淀区" in html and "user.name" in html
    r = staff.post(
        "/console/requests/new",
        {
            "kind": "access",
            "channel": "letter",
            "contact": "13800000062",
            "received": (c.clock.now() + timedelta(days=3)).date().isoformat(),
        },
    )
    assert r.status_code == 422 and 'id="new-received-error"' in r.text
    r = staff.post(
        "/console/requests/new",
        {
            "kind": "access",
            "channel": "letter",
            "contact": "13800000062",
            "changes": "no separator here",
        },
    )
    assert r.status_code == 422 and 'id="new-changes-error"' in r.text


@pytest.mark.req("R9.2")
@pytest.mark.req("R4.3")
def test_a_persons_requests_open_and_closed_are_one_filter_away_from_their_page(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c = container
    sid, other = person(api, system), person(api, system)
    mine = [received(c, "access", f"1380000007{i}", 2) for i in range(2)]
    theirs = received(c, "access", "13800000079", 2)
    with c.engine.begin() as conn:
        for rid, subject in ((mine[0], sid), (mine[1], sid), (theirs, other)):
            row = t.data_requests.c.id == rid
            conn.execute(update(t.data_requests).where(row).values(subject_id=subject))
        # one of them closed: a person's list shows it too
        conn.execute(
            update(t.data_requests)
            .where(t.data_requests.c.id == mine[1])
            .values(status="completed", open=False)
        )
    staff = people.staff
    page = staff.page(f"/console/people/{sid}")
    assert f'id="requests-link" href="/console/requests?subject_id={sid}"' in page
    listed = staff.page(f"/console/requests?subject_id={sid}")
    assert sorted(queue_ids(listed)) == sorted(mine) and 'id="subject-filter"' in listed
    assert queue_ids(staff.page("/console/requests")) == [mine[0], theirs]  # open ones only
    bad = staff.page("/console/requests?subject_id=not-an-id", status=422)
    assert 'id="filters-error"' in bad and queue_ids(bad) == []
