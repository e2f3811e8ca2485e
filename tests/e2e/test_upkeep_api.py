"""Data kept up to date (R2.8) and a child's data found (R6.3) through the JSON API, on both
backends: the confirmation intervals changed by privacy officers only (a bad number or an
unknown category named as the field, nothing written); the staleness queue filtered by
status, one request's items as metadata, staff recording a confirmation by phone (a bad
method refused, a second answer a conflict); child-data tasks listed with their deadline
and overdue flag, and closed each of the three ways — disposal only after signing in
again. No value, contact or sealed note in any answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.bootstrap.jobs import run_upkeep_of
from piiguard.domain.retention.upkeep import ChildSource, ConfirmationRequest, ConfirmationStatus
from piiguard.domain.retention.upkeep import child_task as new_child_task
from piiguard.services.ids import new_id
from piiguard.services.policy.consents import declare_minor
from piiguard.services.policy.discovery import Discovered, report_discoveries
from piiguard.services.retention.upkeep.confirmations import list_confirmations
from piiguard.services.staff.login import token_hash
from tests.builders import contact, register
from tests.e2e.conftest import Caller, TestClient, first_account, reauth
from tests.e2e.console_client import member
from tests.e2e.test_purpose_limitation_api import assert_problem
from tests.e2e.test_upkeep import EMAIL, PHONE, stale_person
from tests.mailserver import SmtpSink

A = "/api/v1/retention"


def no_value(text: str) -> None:
    for value in (EMAIL, PHONE, "kid@example.cn", "13600000000", "ID card seen"):
        assert value not in text


def staff_queued(c: Container, email: str = EMAIL) -> tuple[str, ConfirmationRequest]:
    """A person whose contact details wait in the staff queue (put there as the upkeep pass
    would, without moving the clock: the test's sessions stay fresh)."""
    sid = register(c, *contact(email=email, phone=PHONE)).subject.id
    now = c.clock.now()
    with c.uow() as uow:
        items = tuple(sorted(r.id for r in uow.items.records(sid) if "contact" in r.category))
        q = ConfirmationRequest(
            new_id(),
            sid,
            ConfirmationStatus.STAFF_QUEUE,
            items,
            "zh",
            now - timedelta(days=15),
            mailed_at=now - timedelta(days=15),
            escalated_at=now - timedelta(days=1),
        )
        uow.retention.add_confirmation(q)
        uow.commit()
    return sid, q


def child_of(
    c: Container, *, hours_ago: float = 0, email: str = "kid@example.cn"
) -> tuple[str, str]:
    """A child registered without a guardian's consent, and its task opened `hours_ago` (as
    the decision point opens it; 72 h deadline). Returns (subject id, task id)."""
    sid = register(c, *contact(email=email, phone="13600000000")).subject.id
    declare_minor(c.uow(), OPERATOR, sid, True)
    task = new_child_task(
        new_id(),
        sid,
        ChildSource.DECISION,
        new_id(),
        c.clock.now() - timedelta(hours=hours_ago),
        c.settings.child_data_hours,
    )
    with c.uow() as uow:
        uow.retention.add_child_task(task)
        uow.commit()
    return sid, task.id


def age(c: Container, who: Caller, minutes: float) -> None:
    """As if `who` signed in `minutes` ago (past the re-authentication window)."""
    token = who.headers["Authorization"].removeprefix("Bearer ")
    with c.engine.begin() as conn:
        conn.execute(
            update(t.staff_sessions)
            .where(t.staff_sessions.c.token_hash == token_hash(token))
            .values(authenticated_at=c.clock.now() - timedelta(minutes=minutes))
        )


@pytest.mark.req("R2.8")
def test_intervals_and_the_staff_queue_through_the_api(
    container: Container, api: TestClient, mailbox: SmtpSink
) -> None:
    c = container
    sid = stale_person(c)  # 24 months on: the seeded interval of contact details
    run_upkeep_of(c)
    c.clock.advance(timedelta(days=15))
    assert run_upkeep_of(c).to_staff == 1
    officer = first_account(c, api)
    staff = member(c, api, "zhou.min@example.com", {"staff"}, "Zhou Min")

    r = api.get(A + "/confirmation-intervals", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert [(i["category"], i["days"]) for i in r.json()] == [("user.contact", 730)]
    assert api.get(A + "/confirmation-intervals", headers=staff.headers).status_code == 403
    put = A + "/confirmation-intervals/user.contact.phone_number"
    assert api.put(put, json={"days": 365}, headers=staff.headers).status_code == 403
    assert_problem(  # the field at fault as the body names it
        api.put(put, json={"days": 0}, headers=officer.headers),
        422,
        "invalid-input",
        "days",
    )
    bad = api.put(
        A + "/confirmation-intervals/user.nothing", json={"days": 30}, headers=officer.headers
    )
    assert bad.status_code == 422 and bad.json()["field"] == "category", bad.text
    assert api.put(put, json={"days": 30, "x": 1}, headers=officer.headers).status_code == 422
    r = api.put(put, json={"days": 365}, headers=officer.headers)
    assert r.status_code == 200, r.text
    assert {(i["category"], i["days"]) for i in r.json()} == {
        ("user.contact", 730),
        ("user.contact.phone_number", 365),
    }
    assert all(i["updated_by"] for i in r.json())
    r = api.delete(put, headers=officer.headers)
    assert [i["category"] for i in r.json()] == ["user.contact"]
    assert_problem(api.delete(put, headers=officer.headers), 404, "not-found", "category")

    r = api.get(A + "/confirmations", params={"status": "staff_queue"}, headers=staff.headers)
    assert r.status_code == 200, r.text
    [q] = r.json()
    assert q["subject_id"] == sid and q["status"] == "staff_queue" and q["escalated_at"]
    assert q["stale_since"] and q["stale_since"] < q["queued_at"]
    assert (
        api.get(A + "/confirmations", params={"status": "answered"}, headers=staff.headers).json()
        == []
    )
    assert (
        api.get(A + "/confirmations", params={"status": "soon"}, headers=staff.headers).status_code
        == 422
    )
    one = api.get(f"{A}/confirmations/{q['id']}", headers=staff.headers)
    assert one.status_code == 200, one.text
    assert {i["category"] for i in one.json()["items"]} == {
        "user.contact.email",
        "user.contact.phone_number",
    }
    no_value(r.text + one.text)
    assert_problem(
        api.get(f"{A}/confirmations/nope", headers=staff.headers), 404, "not-found", "request_id"
    )
    record = f"{A}/confirmations/{q['id']}/record"
    assert (
        api.post(record, json={"method": "carrier_pigeon"}, headers=staff.headers).status_code
        == 422
    )
    assert_problem(
        api.post(record, json={"method": "phone", "item_ids": ["x"]}, headers=staff.headers),
        422,
        "invalid-input",
        "item_ids",
    )
    done = api.post(record, json={"method": "phone"}, headers=staff.headers)
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["method"]) == ("answered", "phone")
    assert done.json()["answered_by"] == staff.ref
    assert set(done.json()["outcome"].values()) == {"confirmed"}
    assert_problem(
        api.post(record, json={"method": "phone"}, headers=staff.headers), 409, "conflict"
    )


def not_a_child(api: TestClient, officer: Caller, staff: Caller, task_id: str) -> None:
    """The officer's finding that the person is not a child: its note required, kept sealed."""
    a = task_id
    nac = f"{A}/child-tasks/{a}/not-a-child"
    assert api.post(nac, json={"note": "ID card seen"}, headers=staff.headers).status_code == 403
    assert_problem(
        api.post(nac, json={"note": ""}, headers=officer.headers), 422, "invalid-input", "note"
    )
    r = api.post(nac, json={"note": "ID card seen: born 1990"}, headers=officer.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["closure"]) == ("closed", "not_a_child")
    no_value(r.text)
    assert_problem(api.post(nac, json={"note": "again"}, headers=officer.headers), 409, "conflict")


@pytest.mark.req("R6.3")
def test_child_data_tasks_through_the_api(container: Container, api: TestClient) -> None:
    c = container
    not_child, a = child_of(c, hours_ago=80)
    gone, b = child_of(c, email="kid2@example.cn")
    report_discoveries(
        c.uow(),
        c.requests.policy,
        c.clock,
        OPERATOR,
        [Discovered("/srv/share/kids.xlsx", "user.demographic.date_of_birth", child=True)],
    )
    assert run_upkeep_of(c).children_opened == 1
    officer = first_account(c, api)
    staff = member(c, api, "zhou.min@example.com", {"staff"}, "Zhou Min")

    assert api.get(A + "/child-tasks", headers=staff.headers).status_code == 403
    r = api.get(A + "/child-tasks", headers=officer.headers)
    assert r.status_code == 200, r.text
    tasks: dict[str, Any] = {x["id"]: x for x in r.json()}
    assert len(tasks) == 3
    assert tasks[a]["overdue"] and tasks[a]["status"] == "escalated"  # the upkeep pass
    assert not tasks[b]["overdue"] and tasks[b]["subject_id"] == gone
    [scan] = [x for x in tasks.values() if x["source"] == "scanner"]
    assert scan["subject_id"] is None
    late = api.get(A + "/child-tasks", params={"overdue": "true"}, headers=officer.headers)
    assert [x["id"] for x in late.json()] == [a]
    assert (
        api.get(A + "/child-tasks", params={"status": "closed"}, headers=officer.headers).json()
        == []
    )
    one = api.get(f"{A}/child-tasks/{b}", headers=officer.headers)
    assert one.status_code == 200 and one.json()["due_at"] > one.json()["opened_at"]
    assert_problem(
        api.get(f"{A}/child-tasks/nope", headers=officer.headers), 404, "not-found", "task_id"
    )

    not_a_child(api, officer, staff, a)

    # a guardian's consent: checked, not claimed
    assert_problem(
        api.post(f"{A}/child-tasks/{b}/guardian-consent", json={}, headers=officer.headers),
        409,
        "conflict",
        "closure",
    )

    # disposal: only after signing in again
    age(c, officer, c.settings.reauth_minutes + 1)
    dispose = f"{A}/child-tasks/{b}/dispose"
    refused = api.post(dispose, json={}, headers=officer.headers)
    assert refused.status_code == 401, refused.text
    assert api.get(f"{A}/child-tasks/{b}", headers=officer.headers).json()["status"] == "open"
    reauth(api, officer)
    r = api.post(dispose, json={}, headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["erased"] and r.json()["items_disposed"] == 3
    assert r.json()["task"]["closure"] == "disposed"
    with c.uow(readonly=True) as uow:
        assert uow.items.records(gone) == []

    # a scanner's finding: deleted at the source, as the note records
    at_source = f"{A}/child-tasks/{scan['id']}/dispose"
    assert_problem(
        api.post(at_source, json={}, headers=officer.headers), 422, "invalid-input", "note"
    )
    r = api.post(at_source, json={"note": "file deleted from the share"}, headers=officer.headers)
    assert r.status_code == 200 and r.json()["items_disposed"] == 0, r.text
    closed = api.get(A + "/child-tasks", params={"status": "closed"}, headers=officer.headers)
    assert len(closed.json()) == 3
    with c.uow(readonly=True) as uow:
        assert uow.items.records(not_child)  # a finding that it is no child disposes of nothing


@pytest.mark.req("R2.8")
def test_data_imported_with_an_old_collection_date_is_due_for_confirmation(
    container: Container, api: TestClient, mailbox: SmtpSink
) -> None:
    """A system registering what it collected three years ago has not confirmed it now: the
    item counts as confirmed when it was collected, so the upkeep pass asks the person."""
    c = container
    officer = first_account(c, api)
    then = (c.clock.now() - timedelta(days=3 * 365)).replace(microsecond=0)
    fresh = c.clock.now() - timedelta(days=30)
    body = {
        "kind": "customer_contact",
        "items": [
            {
                "category": "user.contact.email",
                "value": EMAIL,
                "channel": "web",
                "legal_basis": "contract",
                "source_system": "crm",
                "collected_at": then.isoformat(),
            },
            {
                "category": "user.contact.phone_number",
                "value": PHONE,
                "channel": "web",
                "legal_basis": "contract",
                "source_system": "crm",
                "collected_at": fresh.isoformat(),
            },
        ],
    }
    r = api.post("/api/v1/subjects", json=body, headers=officer.headers)
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    items = api.get(f"/api/v1/subjects/{sid}", headers=officer.headers).json()["items"]
    confirmed = {i["category"]: i["last_confirmed_at"] for i in items}
    assert confirmed["user.contact.email"].startswith(then.strftime("%Y-%m-%dT%H:%M:%S"))
    assert confirmed["user.contact.phone_number"] < c.clock.now().isoformat()
    report = run_upkeep_of(c)
    assert (report.queued, report.mailed, report.errors) == (1, 1, 0)
    [q] = list_confirmations(c.uow(), (ConfirmationStatus.MAILED,))
    assert q.subject_id == sid
    with c.uow() as uow:  # only the stale one is asked about
        asked = {r.category for r in uow.items.records(sid) if r.id in q.item_ids}
    assert asked == {"user.contact.email"}
