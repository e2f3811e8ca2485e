"""Purpose limitation at its edges, through the JSON API on SQLite and PostgreSQL (issue 11):
a decision that allows some categories and refuses others says so in its outcome
(`partly_allowed`), stored, searched, explained and returned with the data read; an item
may not be collected for a purpose the register does not allow for its category; a legal
exception that has already expired (by the injected clock) is not recorded."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict
from piiguard.services.policy import legal_exceptions
from tests.e2e.conftest import Caller, TestClient, app_for
from tests.e2e.test_purpose_limitation_api import (
    EMAIL,
    NAME,
    assert_problem,
    codes,
    decide,
    first_officer,
    item,
    put_system,
    request_exception,
    set_status,
    subject,
    system_client,
    written,
)
from tests.e2e.test_requests_api import code_of, open_request, package_of, reply_of, verify
from tests.mailserver import SmtpSink
from tests.passwords import QUICK

RESIDENT_ID = "user.government_id.national_identification_number"
ID_NUMBER = "11010519491231002X"
OUTCOMES = ["allowed", "partly_allowed", "denied"]


def with_id_number(api: TestClient, caller: Caller) -> str:
    """A customer with an email address, a name and a resident ID number."""
    return subject(api, caller, item(), item("user.name", NAME), item(RESIDENT_ID, ID_NUMBER))


# --- a partial refusal is "partly_allowed" (R2.4) --------------------------------------------


@pytest.mark.req("R2.4")
def test_a_partial_refusal_answers_partly_allowed_and_names_what_it_refused(
    container: Container, api: TestClient, officer: Caller, system: Caller
) -> None:
    sid = with_id_number(api, system)
    # every category held, for a purpose that does not cover the resident ID number
    d = decide(api, system, sid, "order_fulfilment")
    assert d["outcome"] == "partly_allowed"
    assert (d["allowed"], d["refused"]) == (["user.contact.email", "user.name"], [RESIDENT_ID])
    first = d["reasons"][0]  # said first, in both languages
    assert (first["code"], first["categories"]) == ("partly_allowed", [RESIDENT_ID])
    assert RESIDENT_ID in first["en"] and RESIDENT_ID in first["zh"]
    assert first["en"].startswith("Partly allowed") and first["zh"].startswith("部分允许")
    assert "category_not_allowed_for_purpose" in codes(d)

    whole = decide(api, system, sid, "order_fulfilment", categories=["user.contact.email"])
    assert (whole["outcome"], whole["refused"], codes(whole)) == ("allowed", [], ["allowed"])
    none = decide(api, system, sid, "order_fulfilment", categories=[RESIDENT_ID])
    assert (none["outcome"], none["allowed"], none["refused"]) == ("denied", [], [RESIDENT_ID])
    assert "partly_allowed" not in codes(none)

    # stored as such (the column holds the longer word on both databases) and audited so
    with container.engine.connect() as conn:
        stored = dict(conn.execute(select(t.decisions.c.id, t.decisions.c.outcome)).all())
        details = [
            json.loads(x)
            for x in conn.execute(
                select(t.audit_entries.c.details).where(t.audit_entries.c.decision_id == d["id"])
            ).scalars()
        ]
    assert [stored[x["id"]] for x in (whole, d, none)] == OUTCOMES
    assert [x["outcome"] for x in details] == ["partly_allowed"]

    # searched by each outcome; read back and explained with it
    def search(outcome: str) -> list[str]:
        r = api.get(
            "/api/v1/decisions",
            headers=officer.headers,
            params={"subject_id": sid, "outcome": outcome},
        )
        assert r.status_code == 200, r.text
        return [x["id"] for x in r.json()]

    assert [search(o) for o in OUTCOMES] == [[whole["id"]], [d["id"]], [none["id"]]]
    got = api.get(f"/api/v1/decisions/{d['id']}", headers=officer.headers).json()
    assert (got["outcome"], got["refused"]) == ("partly_allowed", [RESIDENT_ID])
    explained = api.get(f"/api/v1/decisions/{d['id']}/explain", headers=officer.headers)
    assert explained.status_code == 200, explained.text
    assert explained.json()["decision"]["outcome"] == "partly_allowed"
    assert_problem(
        api.get("/api/v1/decisions", headers=officer.headers, params={"outcome": "partly"}),
        422,
        "invalid-input",
        "outcome",
    )


@pytest.mark.req("R2.4")
def test_a_partly_allowed_read_returns_the_allowed_data_and_says_partly_allowed(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = with_id_number(api, system)
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "order_fulfilment"},
    )
    assert r.status_code == 200, r.text  # unchanged: what is allowed is returned
    body = r.json()
    assert {i["category"]: i["value"] for i in body["items"]} == {
        "user.contact.email": EMAIL,
        "user.name": NAME,
    }
    assert ID_NUMBER not in r.text
    assert (body["decision"]["outcome"], body["decision"]["refused"]) == (
        "partly_allowed",
        [RESIDENT_ID],
    )
    whole = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "order_fulfilment", "category": "user.name"},
    )
    assert whole.json()["decision"]["outcome"] == "allowed"


@pytest.mark.req("R2.4")
def test_the_openapi_document_lists_the_three_outcomes(api: TestClient) -> None:
    doc = api.get("/openapi.json").json()
    assert doc["components"]["schemas"]["Outcome"]["enum"] == OUTCOMES
    decision = doc["components"]["schemas"]["DecisionOut"]
    assert decision["properties"]["outcome"]["$ref"].endswith("/Outcome")
    assert "refused" in decision["required"]
    [param] = [
        p for p in doc["paths"]["/api/v1/decisions"]["get"]["parameters"] if p["name"] == "outcome"
    ]
    assert json.dumps(param["schema"]).count("/Outcome") == 1


@pytest.mark.req("R2.4")
@pytest.mark.req("R4.1")
def test_a_partly_allowed_share_is_listed_in_the_persons_access_package(
    container: Container, api: TestClient, officer: Caller, system: Caller, mailbox: SmtpSink
) -> None:
    # no sensitive data, so the request needs no second step; the IP address is what
    # order_fulfilment does not cover
    sid = subject(
        api, system, item(), item("user.name", NAME), item("user.device.ip_address", "203.0.113.7")
    )
    put_system(api, officer, "erp-cn")
    set_status(api, officer, "erp-cn", "approved")
    shared = decide(api, system, sid, "order_fulfilment", action="share", target_system="erp-cn")
    assert shared["outcome"] == "partly_allowed"
    rid = str(open_request(api, system, "access")["id"])
    verify(container, rid, code_of(mailbox, rid))
    with zipfile.ZipFile(io.BytesIO(package_of(container, reply_of(mailbox, rid)))) as zf:
        doc = json.loads(zf.read("package.json"))
    assert [(r["system"], r["categories"]) for r in doc["recipients"]] == [
        ("erp-cn", ["user.contact.email", "user.name"])
    ]


# --- purposes declared at collection (R2.3, R2.4) ---------------------------------------------


def item_for(category: str, value: str, *purposes: str) -> dict[str, Any]:
    return item(category, value, purposes=list(purposes))


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/api/v1/subjects/{sid}/items",
            item_for(RESIDENT_ID, ID_NUMBER, "order_fulfilment"),
            "purposes[0]",
        ),
        (
            "/api/v1/subjects/{sid}/items",
            item_for(RESIDENT_ID, ID_NUMBER, "legal_compliance", "after_sales"),
            "purposes[1]",
        ),
        (
            "/api/v1/subjects/{sid}/items",
            item_for("user.contact.email", "x@example.cn", "after_sales", "marketing"),
            "purposes[1]",
        ),
        (
            "/api/v1/subjects",
            {
                "kind": "customer_contact",
                "items": [
                    item_for("user.name", NAME, "order_fulfilment"),
                    item_for(RESIDENT_ID, ID_NUMBER, "legal_compliance", "order_fulfilment"),
                ],
            },
            "items[1].purposes[1]",
        ),
        (
            "/api/v1/subjects",
            {
                "kind": "customer_contact",
                "items": [item_for(RESIDENT_ID, ID_NUMBER, "order_fulfilment"), item()],
            },
            "items[0].purposes[0]",
        ),
    ],
    ids=[
        "item",
        "item-second-purpose",
        "item-unknown-purpose",
        "subject-second-item",
        "subject-first-item",
    ],
)
def test_an_item_is_not_collected_for_a_purpose_its_category_may_not_serve(
    container: Container,
    api: TestClient,
    system: Caller,
    path: str,
    body: dict[str, Any],
    field: str,
) -> None:
    sid = subject(api, system)
    before = written(container)
    r = api.post(path.replace("{sid}", sid), headers=system.headers, json=body)
    problem = assert_problem(r, 422, "invalid-input", field)
    assert field in [e["field"] for e in problem["errors"]]
    assert ID_NUMBER not in r.text
    assert written(container) == before  # nothing half-written: no subject, no item


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
def test_an_item_collected_for_purposes_its_category_may_serve_is_recorded(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = subject(api, system)
    r = api.post(
        f"/api/v1/subjects/{sid}/items",
        headers=system.headers,
        json=item_for(RESIDENT_ID, ID_NUMBER, "legal_compliance"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["collected_for"] == ["legal_compliance"]
    refused = assert_problem(
        api.post(
            f"/api/v1/subjects/{sid}/items",
            headers=system.headers,
            json=item_for(RESIDENT_ID, ID_NUMBER, "order_fulfilment"),
        ),
        422,
        "invalid-input",
        "purposes[0]",
    )
    assert "legal_compliance" in refused["detail"]  # what may be declared instead


# --- a legal exception already expired (R2.5) -------------------------------------------------


@pytest.fixture
def clocked(settings: Settings) -> Iterator[Container]:
    clock = FixedClock(datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    c = bootstrap(settings, clock=clock, migrate=False, passwords=QUICK)
    yield c
    c.close()


@pytest.mark.req("R2.5")
def test_an_exception_that_has_already_expired_is_refused_by_the_injected_clock(
    clocked: Container,
) -> None:
    c = clocked
    now = c.clock.now()
    with TestClient(app_for(c)) as api:
        officer, system = first_officer(c, api), system_client(c)
        sid = subject(api, system)
        before = written(c)
        for start, end in [
            (now - timedelta(days=30), now - timedelta(days=1)),
            (now - timedelta(hours=1), now),  # valid_until is exclusive
            (now + timedelta(days=1), now + timedelta(days=1)),
        ]:
            r = request_exception(api, officer, [sid], ["user"], start, end)
            problem = assert_problem(r, 422, "invalid-input", "valid_until")
            assert problem["errors"] == [{"field": "valid_until", "message": problem["detail"]}]
        assert written(c) == before
        # a start in the past is fine while the end is still ahead (by this clock, not the
        # machine's: it is long past 2025-03-03 in real time)
        r = request_exception(
            api, officer, [sid], ["user"], now - timedelta(days=1), now + timedelta(seconds=1)
        )
        assert r.status_code == 201, r.text


@pytest.mark.req("R2.5")
def test_an_exception_that_ended_before_anyone_approved_it_is_not_approved(
    clocked: Container,
) -> None:
    """A request for an exception waits for a second officer; if its period is over by then,
    approving it would record a grant that never was: refused (409 on valid_until)."""
    c = clocked
    now = c.clock.now()
    with TestClient(app_for(c)) as api:
        officer, system = first_officer(c, api), system_client(c)
        sid = subject(api, system)
        r = request_exception(api, officer, [sid], ["user"], now, now + timedelta(hours=1))
        assert r.status_code == 201, r.text
        eid = r.json()["id"]
    second = Actor(
        "00000000-0000-4000-8000-0000000000b2", ActorKind.STAFF, frozenset({"privacy_officer"})
    )
    c.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    with pytest.raises(Conflict) as refused:
        legal_exceptions.approve_exception(c.uow(), c.clock, second, eid)
    assert refused.value.field == "valid_until"
    [still] = legal_exceptions.list_exceptions(c.uow(readonly=True))
    assert still.approved_by is None and still.approved_at is None
