"""The console's upkeep pages on SQLite and PostgreSQL (issue 14; R2.8, R6.3): the
confirmation queue in Chinese and English for staff and privacy officers (auditors
refused), who is due and since when, a confirmation recorded by phone (bad input marked on
its field, nothing written; no CSRF token: refused), the intervals table and its form for
officers only; the child-data tasks for officers only, the overdue one flagged, closed each
of the three ways with a note — disposal only after signing in again; the front page's
hints. No value or contact on any page."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.retention.upkeep import ChildClosure, ConfirmationStatus
from piiguard.services.retention.upkeep.confirmations import list_confirmations
from piiguard.services.retention.upkeep.intervals import list_intervals
from piiguard.services.retention.upkeep.views import child_task
from piiguard.web.console.upkeep.pages import attention
from tests.e2e.conftest import PASSWORD, TestClient, totp_code
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, age_session, console, flashed, marked
from tests.e2e.test_upkeep_api import EMAIL, PHONE, child_of, staff_queued

Q = "/console/confirmations"
K = "/console/children"


@pytest.fixture
def people(container: Container, people: People) -> People:
    """The console's people with their sessions' CSRF tokens at hand."""
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def intervals(c: Container) -> dict[str, int]:
    return {i.category: i.days for i in list_intervals(c.uow(readonly=True))}


@pytest.mark.req("R2.8")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_confirmation_queue_reads_in_both_languages_for_staff_and_officers(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    c = container
    _, q = staff_queued(c)
    staff, officer = console(c, api, people.staff, lang), console(c, api, people.officer, lang)
    for who in (staff, officer):
        for url in (Q, f"{Q}?status=staff_queue", f"{Q}/{q.id}"):
            html = who.page(url)
            assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
            assert f'href="{Q}"' in html  # the menu link
            assert EMAIL not in html and PHONE not in html
        queue = who.page(Q)
        assert f'data-id="{q.id}"' in queue
        # the number of items, not "<built-in method items of dict object at 0x…>" (the walk)
        assert f'data-items="{len(q.item_ids)}"' in queue and "built-in" not in queue
        assert 'id="record-form"' in who.page(f"{Q}/{q.id}")
    if lang == "zh-CN":
        assert "待员工联系" in staff.page(Q)
    assert 'id="interval-form"' in officer.page(Q) and 'id="interval-form"' not in staff.page(Q)
    assert 'href="/console/children"' not in staff.page(Q)  # officers' only
    people.auditor.page(Q, 403)
    people.auditor.page(f"{Q}/{q.id}", 403)
    assert people.staff.post(f"{Q}/intervals", {"category": "user.contact"}).status_code == 403
    people.officer.page(f"{Q}?status=soon", 422)
    people.officer.page(f"{Q}/nope", 404)
    assert [a["count"] for a in attention(c, actor(c, people.staff))] == [1]


@pytest.mark.req("R2.8")
def test_staff_record_a_confirmation_made_by_phone(container: Container, people: People) -> None:
    c, staff = container, people.staff
    _, q = staff_queued(c)
    url = f"{Q}/{q.id}/record"
    r = staff.post(url, {"method": "pigeon", "item_ids": list(q.item_ids)})
    assert r.status_code == 422 and marked(r.text, "method")
    r = staff.post(url, {"method": "phone"})
    assert r.status_code == 422 and marked(r.text, "item_ids")
    r = staff.post(url, {"method": "phone", "item_ids": ["not-an-item"]})
    assert r.status_code == 422 and marked(r.text, "item_ids")
    assert staff.post(url, {"method": "phone"}, csrf=False).status_code == 403
    [still] = list_confirmations(c.uow(readonly=True), (ConfirmationStatus.STAFF_QUEUE,))
    assert still.outcome == {}

    one = q.item_ids[0]
    html = flashed(staff, staff.post(url, {"method": "phone", "item_ids": [one]}), f"{Q}/{q.id}")
    assert 'data-outcome="confirmed"' in html and 'id="record-form"' in html  # one more left
    html = flashed(
        staff, staff.post(url, {"method": "in_person", "item_ids": [q.item_ids[1]]}), f"{Q}/{q.id}"
    )
    assert 'data-status="answered"' in html and 'id="record-form"' not in html
    assert "Zhou Min" in html and "in person" in html
    [done] = list_confirmations(c.uow(readonly=True), (ConfirmationStatus.ANSWERED,))
    assert done.method == "in_person" and set(done.outcome) == set(q.item_ids)
    r = staff.post(url, {"method": "phone", "item_ids": [one]})
    assert r.status_code == 409 and 'id="error-summary"' in r.text


@pytest.mark.req("R2.8")
def test_officers_set_and_remove_the_intervals(container: Container, people: People) -> None:
    c, officer = container, people.officer
    start = intervals(c)
    assert start == {"user.contact": 730}
    for bad, field in (
        ({"category": "user.contact", "confirm_days": "0"}, "confirm_days"),
        ({"category": "user.contact", "confirm_days": "two"}, "confirm_days"),
        ({"category": "", "confirm_days": "30"}, "category"),
        ({"category": "user.nothing", "confirm_days": "30"}, "category"),
    ):
        r = officer.post(f"{Q}/intervals", bad)
        assert r.status_code == 422 and marked(r.text, field), (bad, r.status_code)
    assert (
        officer.post(
            f"{Q}/intervals", {"category": "user.name", "confirm_days": "5"}, csrf=False
        ).status_code
        == 403
    )
    assert intervals(c) == start
    html = flashed(
        officer,
        officer.post(f"{Q}/intervals", {"category": "user.name", "confirm_days": "1095"}),
        Q,
    )
    assert 'data-category="user.name"' in html and "Wang Fang" in html
    assert intervals(c) == {"user.contact": 730, "user.name": 1095}
    assert 'value="1095"' in officer.page(f"{Q}?edit=user.name")  # the edit link's form
    flashed(officer, officer.post(f"{Q}/intervals/remove", {"category": "user.name"}), Q)
    assert intervals(c) == start
    r = officer.post(f"{Q}/intervals/remove", {"category": "user.name"})
    assert r.status_code == 404 and 'id="error-summary"' in r.text


@pytest.mark.req("R6.3")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_child_data_tasks_for_officers_with_the_overdue_flagged(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    c = container
    _, late = child_of(c, hours_ago=80)
    _, fresh = child_of(c, email="kid2@example.cn")
    officer = console(c, api, people.officer, lang)
    for url in (K, f"{K}?overdue=1", f"{K}?status=closed", f"{K}/{late}", f"{K}/{fresh}"):
        html = officer.page(url)
        assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
        assert f'href="{K}"' in html and "kid@example.cn" not in html
    html = officer.page(K)
    assert f'data-id="{late}" data-status="open" data-overdue="yes"' in html
    assert f'data-id="{fresh}" data-status="open" data-overdue="no"' in html
    assert html.index(late) < html.index(fresh)  # the earliest deadline first
    assert f'data-id="{fresh}"' not in officer.page(f"{K}?overdue=1")
    html = officer.page(f"{K}/{late}")
    for form in ("dispose-form", "guardian-form", "not-child-form"):
        assert f'id="{form}"' in html
    if lang == "zh-CN":
        assert "已逾期" in html
    for who in (people.staff, people.auditor):
        who.page(K, 403)
        who.page(f"{K}/{late}", 403)
    officer.page(f"{K}/nope", 404)
    officer.page(f"{K}?overdue=yes", 422)
    keys = {a["key"]: a["count"] for a in attention(c, actor(c, people.officer))}
    assert keys == {"confirmations_staff": 0, "children_overdue": 1, "children_open": 1}
    front = people.officer.page("/console")
    assert 'data-key="children_overdue"' in front and f'href="{K}?overdue=1"' in front


@pytest.mark.req("R6.3")
def test_child_data_tasks_closed_three_ways(
    container: Container, api: TestClient, people: People
) -> None:
    c, officer = container, people.officer
    _, a = child_of(c)
    gone, b = child_of(c, email="kid2@example.cn")
    _, d = child_of(c, email="kid3@example.cn")

    # not a child: the finding's note is required; kept sealed
    r = officer.post(f"{K}/{a}/not-a-child", {"finding_note": " "})
    assert r.status_code == 422 and marked(r.text, "finding_note")
    assert people.staff.post(f"{K}/{a}/not-a-child", {"finding_note": "seen"}).status_code == 403
    assert (
        officer.post(f"{K}/{a}/not-a-child", {"finding_note": "seen"}, csrf=False).status_code
        == 403
    )
    assert child_task(c.uow(readonly=True), a).open
    html = flashed(
        officer,
        officer.post(f"{K}/{a}/not-a-child", {"finding_note": "ID card seen: born 1990"}),
        f"{K}/{a}",
    )
    assert 'data-closure="not_a_child"' in html and "born 1990" not in html
    assert 'id="dispose-form"' not in html

    # a guardian's consent: none in force, so refused at the top of the form
    r = officer.post(f"{K}/{b}/guardian", {"guardian_note": ""})
    assert r.status_code == 409 and 'id="error-summary"' in r.text
    assert child_task(c.uow(readonly=True), b).open

    # disposal after signing in again
    age_session(c, officer, c.settings.reauth_minutes + 1)
    html = officer.page(f"{K}/{b}")
    assert 'id="f-password"' in html and 'id="f-code"' in html
    r = officer.post(f"{K}/{b}/dispose", {"dispose_note": ""})
    assert r.status_code == 401 and marked(r.text, "password")
    r = officer.post(f"{K}/{b}/dispose", {"dispose_note": "x" * 2001})
    assert r.status_code == 422 and marked(r.text, "dispose_note")
    assert child_task(c.uow(readonly=True), b).open
    code = totp_code(api, officer.caller.totp_secret or "")
    r = officer.post(f"{K}/{b}/dispose", {"password": PASSWORD, "code": code})
    html = flashed(officer, r, f"{K}/{b}")
    assert 'data-closure="disposed"' in html
    with c.uow(readonly=True) as uow:
        assert uow.items.records(gone) == []
    assert child_task(c.uow(readonly=True), b).closure is ChildClosure.DISPOSED

    # now recently signed in: no password asked
    assert 'id="f-password"' not in officer.page(f"{K}/{d}")
    r = officer.post(f"{K}/{d}/dispose", {})
    assert r.status_code == 303, r.text[:500]
    assert child_task(c.uow(readonly=True), d).closure is ChildClosure.DISPOSED
