"""The retention schedule through the API (R2.11, R10.2): officers keep it and auditors
read it, a rule's error is problem+json naming the field, every change audited; legal holds
four eyes with the second officer re-authenticated; a system reports a contract end; the
item view and the subject's retention show each item's retain-until with no value."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from piiguard.adapters.db.tables import retention_reviews
from piiguard.bootstrap import Container
from tests.e2e.conftest import Caller, reauth
from tests.e2e.test_purpose_limitation_api import (
    EMAIL,
    NAME,
    assert_problem,
    audit_actions,
    item,
    staff,
    subject,
)

pytestmark = [pytest.mark.req("R2.11")]
LABOUR = {
    "en": "Labour records",
    "zh": "劳动档案",
    "legal_source": "劳动合同法 第五十条",
    "days": 730,
}
LABOUR["categories"] = ["user.contact"]


@pytest.fixture
def officer2(container: Container, api: TestClient) -> Caller:
    return staff(container, api, "officer2@example.com", {"privacy_officer"})


@pytest.mark.req("R10.2")
def test_the_schedule_kept_by_officers_read_by_auditors(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, system: Caller
) -> None:
    got = api.get("/api/v1/retention/schedule", headers=auditor.headers)
    assert got.status_code == 200, got.text
    body = got.json()
    assert {m["key"] for m in body["minimums"]} >= {"accounting_vouchers", "tax_records"}
    assert {p["purpose"]: p["source"] for p in body["purposes"]}["after_sales"] == "register"
    assert body["next_review_due"] is None
    assert_problem(
        api.put("/api/v1/retention/rules/after_sales", json={"days": 30}, headers=auditor.headers),
        403,
        "forbidden",
    )
    assert_problem(api.get("/api/v1/retention/schedule", headers=system.headers), 403, "forbidden")
    bad = api.put(
        "/api/v1/retention/rules/after_sales/user.nope", json={"days": 30}, headers=officer.headers
    )
    assert_problem(bad, 422, "unknown-category", "category")
    assert_problem(
        api.put("/api/v1/retention/rules/after_sales", json={"days": 0}, headers=officer.headers),
        422,
        "invalid-input",
        "days",
    )
    ok = api.put(
        "/api/v1/retention/rules/after_sales/user.contact",
        json={"days": 400, "anchor": "confirmed", "note": "contact details"},
        headers=officer.headers,
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["overrides"] == [
        {
            "purpose": "after_sales",
            "category": "user.contact",
            "days": 400,
            "anchor": "confirmed",
            "note": "contact details",
            "source": "schedule",
        }
    ]
    version = ok.json()["version"]
    # piiguard's own records count from their own events, items from theirs: a rule or a
    # minimum that names the other kind's event, or a record type that is not a record, is
    # refused naming the field, and nothing is written (issue 14's bad-input walk)
    for url, body, status, field in (
        ("record-rules/data_request", {"days": 30, "anchor": "last_order"}, 422, "anchor"),
        ("record-rules/item", {"days": 30}, 422, "record_type"),
        ("minimums/labour", {**LABOUR, "anchor": "request_closed"}, 422, "anchor"),
        ("minimums/labour", {**LABOUR, "purposes": ["after_sales", "nope"]}, 404, "purposes"),
    ):
        r = api.put(f"/api/v1/retention/{url}", json=body, headers=officer.headers)
        assert_problem(r, status, "not-found" if status == 404 else "invalid-input", field)
    assert api.get("/api/v1/retention/schedule", headers=auditor.headers).json()["version"] == (
        version
    )
    r = api.post(
        "/api/v1/retention/reviews", json={"changes": "contact override"}, headers=officer.headers
    )
    assert r.status_code == 201, r.text
    assert r.json()["schedule_version"] == version
    # what the review changed: stored sealed, answered opened (R5.5)
    with container.engine.connect() as conn:
        stored = conn.execute(select(retention_reviews.c.changes)).scalar_one()
    assert "contact" not in stored and stored.startswith("v")
    assert r.json()["changes"] == "contact override"
    listed = api.get("/api/v1/retention/reviews", headers=auditor.headers).json()
    assert [x["changes"] for x in listed] == ["contact override"]
    shown = api.get("/api/v1/retention/schedule", headers=auditor.headers).json()
    assert shown["last_review"]["changes"] == "contact override"
    history = api.get("/api/v1/retention/history", headers=auditor.headers).json()
    assert history[0]["target"] == "after_sales/user.contact"
    assert ("retention.rule.save", officer.ref, "after_sales/user.contact") in audit_actions(
        container, action="retention.rule.save"
    )


@pytest.mark.req("R10.2")
def test_holds_are_four_eyes_and_show_on_the_items(
    container: Container,
    api: TestClient,
    officer: Caller,
    officer2: Caller,
    system: Caller,
) -> None:
    sid = subject(api, system, item(), item("user.name", NAME))
    assert_problem(
        api.post(
            "/api/v1/retention/holds",
            json={"reason": "lawsuit", "case_reference": "(2026)1", "subject_ids": ["ghost"]},
            headers=officer.headers,
        ),
        404,
        "not-found",
        "subject_ids",
    )
    huge = api.post(  # an id no subject can have: refused as such, not looked up and echoed
        "/api/v1/retention/holds",
        json={"reason": "lawsuit", "case_reference": "(2026)1", "subject_ids": [sid, "x" * 50_000]},
        headers=officer.headers,
    )
    assert_problem(huge, 422, "invalid-input", "subject_ids[1]")
    assert len(huge.text) < 2_000
    r = api.post(
        "/api/v1/retention/holds",
        json={"reason": "lawsuit", "case_reference": "(2026)1", "subject_ids": [sid]},
        headers=officer.headers,
    )
    assert r.status_code == 201, r.text
    hid = r.json()["id"]
    own = api.post(f"/api/v1/retention/holds/{hid}/approve", headers=officer.headers)
    assert_problem(own, 403, "forbidden")
    reauth(api, officer2)
    r = api.post(f"/api/v1/retention/holds/{hid}/approve", headers=officer2.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["approved_by"]) == ("active", officer2.ref)
    assert r.json()["reason"] == "lawsuit"  # sealed at rest, opened for officers

    view = api.get(f"/api/v1/subjects/{sid}/retention", headers=system.headers)
    assert view.status_code == 200, view.text
    assert all(i["holds"] == [hid] for i in view.json())
    assert EMAIL not in view.text and NAME not in view.text
    items = api.get(f"/api/v1/subjects/{sid}", headers=system.headers).json()["items"]
    until = {i["item_id"]: i["retain_until"] for i in view.json()}
    assert {i["id"]: i["retain_until"] for i in items} == until
    assert all(until.values())

    api.post(
        f"/api/v1/retention/holds/{hid}/lift-request",
        json={"reason": "case closed"},
        headers=officer2.headers,
    ).raise_for_status()
    assert_problem(
        api.post(f"/api/v1/retention/holds/{hid}/lift", headers=officer2.headers), 403, "forbidden"
    )
    reauth(api, officer)
    r = api.post(f"/api/v1/retention/holds/{hid}/lift", headers=officer.headers)
    assert r.status_code == 200 and r.json()["status"] == "lifted", r.text
    got = api.get(f"/api/v1/retention/holds/{hid}", headers=officer.headers).json()
    assert (got["reason"], got["lift_reason"]) == ("lawsuit", "case closed")
    assert [a for a, _, _ in audit_actions(container, target_type="legal_hold")] == [
        "retention.hold.propose",
        "retention.hold.approve",
        "retention.hold.lift_request",
        "retention.hold.lift",
    ]

    # a hold whose end passed before a second officer approved it is refused, not made
    # active already over (its proposal refuses an end in the past too)
    def in_five_minutes() -> str:
        return (container.clock.now() + timedelta(minutes=5)).isoformat()

    soon = in_five_minutes()
    r = api.post(
        "/api/v1/retention/holds",
        json={"reason": "audit", "case_reference": "A-2", "subject_ids": [sid], "until": soon},
        headers=officer.headers,
    )
    assert r.status_code == 201, r.text
    container.clock.advance(timedelta(minutes=6))  # type: ignore[attr-defined]
    reauth(api, officer2)
    late = api.post(f"/api/v1/retention/holds/{r.json()['id']}/approve", headers=officer2.headers)
    assert_problem(late, 409, "conflict", "until")
    got = api.get(f"/api/v1/retention/holds/{r.json()['id']}", headers=officer.headers).json()
    assert (got["status"], got["in_force"]) == ("proposed", False)
    # a hold approved in time and then past its end: still 'active', no longer in force
    r = api.post(
        "/api/v1/retention/holds",
        json={
            "reason": "audit",
            "case_reference": "A-3",
            "subject_ids": [sid],
            "until": in_five_minutes(),
        },
        headers=officer.headers,
    )
    reauth(api, officer2)
    ok = api.post(f"/api/v1/retention/holds/{r.json()['id']}/approve", headers=officer2.headers)
    assert (ok.json()["status"], ok.json()["in_force"]) == ("active", True)
    container.clock.advance(timedelta(minutes=6))  # type: ignore[attr-defined]
    got = api.get(f"/api/v1/retention/holds/{r.json()['id']}", headers=officer.headers).json()
    assert (got["status"], got["in_force"]) == ("active", False)


def test_a_system_reports_a_contract_end(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = subject(api, system)

    def report(event: str, at: str) -> Response:
        body = {"subject_id": sid, "event": event, "at": at}
        return api.post("/api/v1/retention/anchors", json=body, headers=system.headers)

    at = (container.clock.now() - timedelta(days=1)).isoformat()
    r = report("contract_end", at)
    assert r.status_code == 204, r.text
    assert_problem(report("collected", at), 422, "invalid-input", "event")
    # a date retention counts from, before 1970: a slip of the year (1900 for 2000) would
    # make the person's data due at once — refused, naming the field
    for long_ago in ("1900-01-01T00:00:00Z", "1969-12-31T23:59:59+00:00"):
        bad = assert_problem(report("last_order", long_ago), 422, "invalid-input", "at")
        assert "1970" in bad["detail"]
    first = report("last_order", "1970-01-01T00:00:00Z")
    assert first.status_code == 204, first.text


def test_a_number_of_days_is_a_number_not_true_or_a_string(
    container: Container, api: TestClient, officer: Caller
) -> None:
    """`{"days": true}` was read as 1: a rule keeping after-sales data one day, put in by a
    wrong type (found by the black-box walk). A day count must be a JSON integer wherever
    the schedule takes one; nothing is written when it is not."""
    before = api.get("/api/v1/retention/schedule", headers=officer.headers).json()["version"]
    for url, body, field in (
        ("/api/v1/retention/rules/after_sales", {"days": True}, "days"),
        ("/api/v1/retention/rules/after_sales", {"days": "30"}, "days"),
        ("/api/v1/retention/rules/after_sales/user.contact", {"days": False}, "days"),
        ("/api/v1/retention/record-rules/data_request", {"days": True}, "days"),
        ("/api/v1/retention/minimums/labour", {**LABOUR, "days": True}, "days"),
        ("/api/v1/retention/confirmation-intervals/user.contact", {"days": True}, "days"),
    ):
        assert_problem(
            api.put(url, json=body, headers=officer.headers), 422, "invalid-input", field
        )
    assert_problem(
        api.post(
            "/api/v1/retention/reviews",
            json={"changes": "none", "interval_days": True},
            headers=officer.headers,
        ),
        422,
        "invalid-input",
        "interval_days",
    )
    after = api.get("/api/v1/retention/schedule", headers=officer.headers).json()["version"]
    assert after == before


def test_removing_a_rule_that_is_not_there_names_what_is_missing(
    api: TestClient, officer: Caller
) -> None:
    """A purpose's own rule that is not there is named by `purpose` ("no retention rule for
    nope/" named `category`, which the caller never gave — the black-box walk); an override
    that is not there by `category`."""
    r = assert_problem(
        api.delete("/api/v1/retention/rules/nope", headers=officer.headers),
        404,
        "not-found",
        "purpose",
    )
    assert r["detail"] == "no retention rule of its own for purpose nope"
    r = assert_problem(
        api.delete("/api/v1/retention/rules/after_sales/user.contact", headers=officer.headers),
        404,
        "not-found",
        "category",
    )
    assert r["detail"] == "no retention rule for after_sales/user.contact"


def test_a_hold_ends_by_9998_as_on_the_console(api: TestClient, officer: Caller) -> None:
    """The console refuses a hold until 9999 and the API took it (the black-box walk): both
    refuse it now, naming `until`."""
    body = {"reason": "lawsuit", "case_reference": "C-9", "categories": ["user.contact"]}
    for until in ("9999-12-31T23:59:59Z", "9999-01-01T00:00:00+00:00"):
        r = api.post(
            "/api/v1/retention/holds", json={**body, "until": until}, headers=officer.headers
        )
        assert_problem(r, 422, "invalid-input", "until")
    ok = {**body, "until": "9998-12-31T23:59:59Z"}
    assert api.post("/api/v1/retention/holds", json=ok, headers=officer.headers).status_code == 201
