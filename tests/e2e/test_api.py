"""The JSON API end to end, on SQLite and PostgreSQL: subjects and their data through the
recorded decision, erasure, the audit trail, problem+json on bad input with nothing
written, authentication, and attribution of every personal-data endpoint to its caller."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from httpx import Response
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.services.clients import api_keys as accounts
from piiguard.services.clients.auth_cache import ClientKeyCache
from tests.e2e.conftest import Caller, TestClient, counts

PROBLEM = "application/problem+json"
TYPE = re.compile(r"^urn:piiguard:problem:[a-z][a-z0-9-]*$")
EMAIL, NEW_EMAIL, PHONE, NAME = ("li.lei@example.cn", "lei.li@example.cn", "13812345678", "李雷")


def item(category: str = "user.contact.email", value: str = EMAIL, **extra: Any) -> dict[str, Any]:
    return {
        "category": category,
        "value": value,
        "channel": "web",
        "legal_basis": "contract",
        "source_system": "crm",
        **extra,
    }


def assert_problem(r: Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    body: dict[str, Any] = r.json()
    assert TYPE.match(body["type"]), body
    assert body["type"] == f"urn:piiguard:problem:{code}", body
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


def create(api: TestClient, caller: Caller, *items: dict[str, Any]) -> dict[str, Any]:
    r = api.post(
        "/api/v1/subjects",
        headers=caller.headers,
        json={"kind": "customer_contact", "items": list(items) or [item()]},
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def audit_rows_after(c: Container, seq: int) -> list[Any]:
    with c.engine.connect() as conn:
        return list(
            conn.execute(
                select(t.audit_entries)
                .where(t.audit_entries.c.seq > seq)
                .order_by(t.audit_entries.c.seq)
            )
        )


def audit_head(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(t.audit_head.c.seq)).scalar_one())


# --- the life of a subject -----------------------------------------------------------------


def contact(api: TestClient, caller: Caller) -> tuple[str, dict[str, str]]:
    """A subject with an email (web, contract) and a phone number (phone, consent)."""
    created = create(
        api,
        caller,
        item(),
        item("user.contact.phone_number", PHONE, channel="phone", legal_basis="consent"),
    )
    return created["id"], {i["category"]: i["id"] for i in created["items"]}


@pytest.mark.req("R2.2")
def test_create_describe_add_and_correct_never_echo_values(api: TestClient, system: Caller) -> None:
    h = system.headers
    created = create(
        api,
        system,
        item(),
        item("user.contact.phone_number", PHONE, channel="phone", legal_basis="consent"),
    )
    sid = created["id"]
    assert created["kind"] == "customer_contact"
    by_cat = {i["category"]: i for i in created["items"]}
    assert set(by_cat) == {"user.contact.email", "user.contact.phone_number"}
    phone = by_cat["user.contact.phone_number"]
    assert (phone["channel"], phone["legal_basis"]) == ("phone", "consent")
    assert all(
        i["recorded_by"] == system.ref
        and i["source_system"] == "crm"
        and i["held_in"] == "piiguard-vault"
        and "value" not in i
        for i in created["items"]
    )
    assert EMAIL not in json.dumps(created, ensure_ascii=False)

    r = api.get(f"/api/v1/subjects/{sid}", headers=h)
    assert r.status_code == 200, r.text
    assert sorted(i["id"] for i in r.json()["items"]) == sorted(i["id"] for i in by_cat.values())
    assert all("value" not in i for i in r.json()["items"])
    assert EMAIL not in r.text and PHONE not in r.text

    r = api.post(
        f"/api/v1/subjects/{sid}/items",
        headers=h,
        json=item("user.name", NAME, channel="business_event"),
    )
    assert r.status_code == 201, r.text
    assert (r.json()["category"], r.json()["channel"]) == ("user.name", "business_event")
    assert "value" not in r.json() and NAME not in r.text

    email_id = by_cat["user.contact.email"]["id"]
    r = api.put(f"/api/v1/subjects/{sid}/items/{email_id}", headers=h, json={"value": NEW_EMAIL})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == email_id and "value" not in r.json() and NEW_EMAIL not in r.text
    r = api.get(f"/api/v1/subjects/{sid}", headers=h)
    assert len(r.json()["items"]) == 3


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_read_for_a_declared_purpose_returns_values_under_a_recorded_decision(
    api: TestClient, system: Caller, officer: Caller
) -> None:
    sid, ids = contact(api, system)
    api.put(
        f"/api/v1/subjects/{sid}/items/{ids['user.contact.email']}",
        headers=system.headers,
        json={"value": NEW_EMAIL},
    ).raise_for_status()
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert {i["category"]: i["value"] for i in data["items"]} == {
        "user.contact.email": NEW_EMAIL,
        "user.contact.phone_number": PHONE,
    }
    decision = data["decision"]
    assert (decision["outcome"], decision["actor"], decision["subject_id"]) == (
        "allowed",
        system.ref,
        sid,
    )

    r = api.get(f"/api/v1/decisions/{decision['id']}", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json() == decision
    assert_problem(
        api.get("/api/v1/decisions/00000000-0000-4000-8000-000000000000", headers=officer.headers),
        404,
        "not-found",
    )


@pytest.mark.req("R2.10")
def test_undeclared_purpose_is_refused_with_reasons_and_a_recorded_decision(
    container: Container, api: TestClient, system: Caller, officer: Caller
) -> None:
    sid, _ = contact(api, system)
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": "marketing"}
    )
    denied = assert_problem(r, 403, "access-denied")
    assert [x["code"] for x in denied["reasons"]] == ["purpose_unknown"]
    assert all(x["en"] and x["zh"] for x in denied["reasons"])
    assert EMAIL not in r.text and PHONE not in r.text
    r = api.get(f"/api/v1/decisions/{denied['decision_id']}", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["outcome"], r.json()["purpose"], r.json()["allowed"], r.json()["actor"]) == (
        "denied",
        "marketing",
        [],
        system.ref,
    )
    [entry] = api.get(
        "/api/v1/audit", headers=officer.headers, params={"subject_id": sid, "action": "data.read"}
    ).json()
    assert (entry["decision_id"], entry["purpose"]) == (denied["decision_id"], "marketing")
    assert json.loads(entry["details"])["items"] == []


@pytest.mark.req("R5.5")
def test_lookup_by_email_finds_the_current_value_only(api: TestClient, system: Caller) -> None:
    sid, ids = contact(api, system)
    other, _ = contact(api, system)
    h = system.headers

    def lookup(value: str) -> list[str]:
        r = api.post(
            "/api/v1/subjects/lookup",
            headers=h,
            json={"category": "user.contact.email", "value": value},
        )
        assert r.status_code == 200, r.text
        assert value not in r.text
        return list(r.json()["subject_ids"])

    assert lookup(EMAIL) == sorted([sid, other])
    api.put(
        f"/api/v1/subjects/{sid}/items/{ids['user.contact.email']}",
        headers=h,
        json={"value": NEW_EMAIL},
    ).raise_for_status()
    assert lookup(f"  {NEW_EMAIL.upper()} ") == [sid]
    assert lookup(EMAIL) == [other]


@pytest.mark.req("R5.5")
def test_erasure_shreds_the_key_and_every_later_use_is_404(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid, ids = contact(api, system)
    other, _ = contact(api, system)
    h = system.headers
    r = api.delete(f"/api/v1/subjects/{sid}", headers=h)
    assert r.status_code == 200, r.text
    assert r.json() == {"subject_id": sid, "items_deleted": 2, "key_shredded": True}
    with container.keys_engine.connect() as conn:
        assert set(conn.execute(select(subject_keys.c.subject_id)).scalars()) == {other}
    with container.engine.connect() as conn:
        assert conn.execute(select(t.items.c.id).where(t.items.c.subject_id == sid)).all() == []
    for r in (
        api.get(f"/api/v1/subjects/{sid}", headers=h),
        api.get(f"/api/v1/subjects/{sid}/data", headers=h, params={"purpose": "after_sales"}),
        api.post(f"/api/v1/subjects/{sid}/items", headers=h, json=item()),
        api.put(
            f"/api/v1/subjects/{sid}/items/{ids['user.contact.email']}",
            headers=h,
            json={"value": "x@y.cn"},
        ),
        api.delete(f"/api/v1/subjects/{sid}", headers=h),
    ):
        body = assert_problem(r, 404, "not-found")
        assert body["field"] == "subject_id"
    r = api.post(
        "/api/v1/subjects/lookup",
        headers=h,
        json={"category": "user.contact.email", "value": EMAIL},
    )
    assert r.json() == {"subject_ids": [other]}
    r = api.get(f"/api/v1/subjects/{other}/data", headers=h, params={"purpose": "after_sales"})
    assert r.status_code == 200 and len(r.json()["items"]) == 2


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_the_subject_trail_shows_every_step_with_its_actor(
    container: Container, api: TestClient, system: Caller, officer: Caller
) -> None:
    h = system.headers
    sid, ids = contact(api, system)
    api.get(f"/api/v1/subjects/{sid}", headers=h).raise_for_status()
    name_id = api.post(
        f"/api/v1/subjects/{sid}/items", headers=h, json=item("user.name", NAME)
    ).json()["id"]
    api.put(
        f"/api/v1/subjects/{sid}/items/{ids['user.contact.email']}",
        headers=h,
        json={"value": NEW_EMAIL},
    ).raise_for_status()
    allowed = api.get(
        f"/api/v1/subjects/{sid}/data", headers=h, params={"purpose": "after_sales"}
    ).json()["decision"]["id"]
    denied = api.get(
        f"/api/v1/subjects/{sid}/data", headers=h, params={"purpose": "marketing"}
    ).json()["decision_id"]
    api.delete(f"/api/v1/subjects/{sid}", headers=h).raise_for_status()

    r = api.get("/api/v1/audit", headers=officer.headers, params={"subject_id": sid})
    assert r.status_code == 200, r.text
    trail = r.json()
    assert [e["action"] for e in trail] == [
        "subject.create",
        "subject.describe",
        "item.create",
        "item.correct",
        "data.read",
        "data.read",
        "subject.erase",
        "key.shred",
    ]
    assert all(e["actor"] == system.ref and e["subject_id"] == sid for e in trail)
    assert set(json.loads(trail[0]["details"])["items"]) == set(ids.values())
    assert (trail[2]["target_id"], trail[3]["target_id"]) == (name_id, ids["user.contact.email"])
    assert [(e["purpose"], e["decision_id"]) for e in trail[4:6]] == [
        ("after_sales", allowed),
        ("marketing", denied),
    ]
    assert set(json.loads(trail[4]["details"])["items"]) == {*ids.values(), name_id}

    with container.engine.connect() as conn:
        stored = "\n".join(str(tuple(row)) for row in conn.execute(select(t.audit_entries)))
    for value in (EMAIL, NEW_EMAIL, PHONE, NAME):
        assert value not in stored
    r = api.post("/api/v1/audit/verify", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["ok"], r.json()["first_bad_seq"], r.json()["problems"]) == (True, None, [])
    assert r.json()["entries"] == audit_head(container) - 1  # the verification notes itself


@pytest.mark.req("R2.2")
def test_correction_reports_the_provenance_it_stores(
    api: TestClient, system: Caller, officer: Caller
) -> None:
    """The PUT response and a later read agree on who recorded the current value."""
    created = create(api, system)
    sid, iid = created["id"], created["items"][0]["id"]
    r = api.put(
        f"/api/v1/subjects/{sid}/items/{iid}", headers=officer.headers, json={"value": NEW_EMAIL}
    )
    assert r.status_code == 200, r.text
    after = api.get(f"/api/v1/subjects/{sid}", headers=officer.headers).json()["items"][0]
    assert r.json()["recorded_by"] == after["recorded_by"]
    assert r.json()["last_confirmed_at"] == after["last_confirmed_at"]


# --- bad input: problem+json with the field path, and nothing written ------------------------

TOO_MANY = [item() for _ in range(501)]
BAD_BODIES: list[tuple[str, Any, str, str]] = [
    # (case, body, problem code, field)
    (
        "unknown category",
        {"kind": "customer_contact", "items": [item("user.shoe_size")]},
        "unknown-category",
        "items[0].category",
    ),
    (
        "empty value",
        {"kind": "customer_contact", "items": [item(value="")]},
        "invalid-input",
        "items[0].value",
    ),
    (
        "value too long",
        {"kind": "customer_contact", "items": [item(value="x" * 10_001)]},
        "invalid-input",
        "items[0].value",
    ),
    (
        "bad channel",
        {"kind": "customer_contact", "items": [item(channel="carrier_pigeon")]},
        "invalid-input",
        "items[0].channel",
    ),
    (
        "bad legal basis",
        {"kind": "customer_contact", "items": [item(legal_basis="whim")]},
        "invalid-input",
        "items[0].legal_basis",
    ),
    (
        "bad source system",
        {"kind": "customer_contact", "items": [item(source_system="CRM!")]},
        "invalid-input",
        "items[0].source_system",
    ),
    (
        "naive collected_at",
        {"kind": "customer_contact", "items": [item(collected_at="2024-05-01T10:00:00")]},
        "invalid-input",
        "items[0].collected_at",
    ),
    (
        "collected before 1970",
        {"kind": "customer_contact", "items": [item(collected_at="1900-05-01T10:00:00Z")]},
        "invalid-input",
        "items[0].collected_at",
    ),
    (
        "unknown field",
        {"kind": "customer_contact", "items": [item()], "colour": "red"},
        "invalid-input",
        "colour",
    ),
    (
        "unknown item field",
        {"kind": "customer_contact", "items": [item(colour="red")]},
        "invalid-input",
        "items[0].colour",
    ),
    ("missing kind", {"items": [item()]}, "invalid-input", "kind"),
    (
        "value not a string",
        {"kind": "customer_contact", "items": [item(value=13812345678)]},
        "invalid-input",
        "items[0].value",
    ),
    (
        "items not a list",
        {"kind": "customer_contact", "items": "email=a@b.cn"},
        "invalid-input",
        "items",
    ),
    (
        "kind not a string",
        {"kind": ["customer_contact"], "items": [item()]},
        "invalid-input",
        "kind",
    ),
    ("body not an object", [item()], "invalid-input", "body"),
    ("too many items", {"kind": "customer_contact", "items": TOO_MANY}, "invalid-input", "items"),
    ("unknown subject kind", {"kind": "martian", "items": [item()]}, "invalid-input", "kind"),
    (
        "bad category in item 2 of 3",
        {
            "kind": "customer_contact",
            "items": [item(), item("user.contact.nonsense"), item("user.name", NAME)],
        },
        "unknown-category",
        "items[1].category",
    ),
    (
        "bad channel in item 2 of 3",
        {
            "kind": "customer_contact",
            "items": [item(), item(channel="fax"), item("user.name", NAME)],
        },
        "invalid-input",
        "items[1].channel",
    ),
    (
        "empty value in item 2 of 3",
        {
            "kind": "customer_contact",
            "items": [item(), item("user.contact.phone_number", ""), item("user.name", NAME)],
        },
        "invalid-input",
        "items[1].value",
    ),
    ("malformed JSON", b'{"kind": "customer_contact", "items": [', "invalid-input", "body"),
    ("not JSON at all", b"kind=customer_contact", "invalid-input", "body"),
]


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    ("body", "code", "field"), [c[1:] for c in BAD_BODIES], ids=[c[0] for c in BAD_BODIES]
)
def test_bad_subject_is_refused_with_its_field_and_nothing_written(
    container: Container, api: TestClient, system: Caller, body: Any, code: str, field: str
) -> None:
    create(api, system)  # something already there, so "nothing written" is not "empty"
    before = counts(container)
    if isinstance(body, bytes):
        r = api.post(
            "/api/v1/subjects",
            content=body,
            headers={**system.headers, "Content-Type": "application/json"},
        )
    else:
        r = api.post("/api/v1/subjects", json=body, headers=system.headers)
    problem = assert_problem(r, 422, code)
    assert problem["field"] == field, problem
    assert problem["instance"] == "/api/v1/subjects"
    assert field in [e["field"] for e in problem.get("errors", [])]
    assert counts(container) == before


BAD_ITEM_CALLS: list[tuple[str, str, str, Any, int, str, str]] = [
    # (case, method, path under the subject, body, status, code, field)
    (
        "add: unknown category",
        "POST",
        "/items",
        item("user.shoe_size"),
        422,
        "unknown-category",
        "category",
    ),
    ("add: empty value", "POST", "/items", item(value=""), 422, "invalid-input", "value"),
    ("add: unknown field", "POST", "/items", item(colour="red"), 422, "invalid-input", "colour"),
    ("correct: empty value", "PUT", "/items/{item}", {"value": ""}, 422, "invalid-input", "value"),
    (
        "correct: category not correctable",
        "PUT",
        "/items/{item}",
        {"value": "x", "category": "user.name"},
        422,
        "invalid-input",
        "category",
    ),
    (
        "correct: no such item",
        "PUT",
        "/items/00000000-0000-4000-8000-000000000000",
        {"value": "x"},
        404,
        "not-found",
        "item_id",
    ),
    ("read: no purpose", "GET", "/data", None, 422, "invalid-input", "purpose"),
    (
        "read: unknown category",
        "GET",
        "/data?purpose=after_sales&category=user.shoe_size",
        None,
        422,
        "unknown-category",
        "category",
    ),
]


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code", "field"),
    [c[1:] for c in BAD_ITEM_CALLS],
    ids=[c[0] for c in BAD_ITEM_CALLS],
)
def test_bad_item_call_is_refused_and_nothing_written(
    container: Container,
    api: TestClient,
    system: Caller,
    method: str,
    path: str,
    body: Any,
    status: int,
    code: str,
    field: str,
) -> None:
    created = create(api, system)
    url = f"/api/v1/subjects/{created['id']}" + path.format(item=created["items"][0]["id"])
    before = counts(container)
    r = api.request(method, url, json=body, headers=system.headers)
    problem = assert_problem(r, status, code)
    assert problem["field"] == field, problem
    assert counts(container) == before


@pytest.mark.req("R5.1")
def test_lookup_of_a_category_without_blind_index_is_refused(
    container: Container, api: TestClient, system: Caller
) -> None:
    before = counts(container)
    r = api.post(
        "/api/v1/subjects/lookup",
        headers=system.headers,
        json={"category": "user.name", "value": NAME},
    )
    assert assert_problem(r, 422, "invalid-input")["field"] == "category"
    assert counts(container) == before


# --- who may call ------------------------------------------------------------------------


@pytest.mark.req("R2.10")
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/subjects"),
        ("GET", "/api/v1/subjects/x"),
        ("GET", "/api/v1/subjects/x/data?purpose=after_sales"),
        ("DELETE", "/api/v1/subjects/x"),
        ("POST", "/api/v1/subjects/lookup"),
        ("GET", "/api/v1/audit"),
        ("POST", "/api/v1/audit/verify"),
        ("GET", "/api/v1/decisions/x"),
    ],
)
def test_no_token_is_401_problem_with_challenge(
    container: Container, api: TestClient, method: str, path: str
) -> None:
    before = counts(container)
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer "}):
        r = api.request(method, path, headers=headers, json={"kind": "customer_contact"})
        assert_problem(r, 401, "not-authenticated")
        assert r.headers["WWW-Authenticate"] == "Bearer"
    assert counts(container) == before


@pytest.mark.req("R2.10")
@pytest.mark.parametrize(
    "token", ["pgk_000000000000_not-a-real-key", "pgk_broken", "a-made-up-session-token"]
)
def test_unknown_token_is_401(api: TestClient, system: Caller, token: str) -> None:
    r = api.post(
        "/api/v1/subjects",
        headers={"Authorization": f"Bearer {token}"},
        json={"kind": "customer_contact", "items": [item()]},
    )
    assert_problem(r, 401, "not-authenticated")
    assert r.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.req("R2.10")
def test_revoked_key_is_401_and_writes_nothing(
    container: Container, api: TestClient, system: Caller
) -> None:
    """Revoked from the CLI (another process): refused once the server's memory of checked
    keys (api_key_cache_seconds) has run out, and from then on nothing is written."""
    now = [1000.0]
    container.client_keys = ClientKeyCache(container.settings.api_key_cache_seconds, lambda: now[0])
    sid = create(api, system)["id"]  # the key is checked and remembered
    accounts.revoke_client(container.uow(), container.clock, OPERATOR, "erp")
    now[0] += container.settings.api_key_cache_seconds + 0.01
    before = counts(container)
    for r in (
        api.post(
            "/api/v1/subjects",
            headers=system.headers,
            json={"kind": "customer_contact", "items": [item()]},
        ),
        api.get(
            f"/api/v1/subjects/{sid}/data",
            headers=system.headers,
            params={"purpose": "after_sales"},
        ),
        api.delete(f"/api/v1/subjects/{sid}", headers=system.headers),
    ):
        body = assert_problem(r, 401, "not-authenticated")
        assert "revoked" in body["detail"]
        assert r.headers["WWW-Authenticate"] == "Bearer"
    assert counts(container) == before


@pytest.mark.req("R2.10")
def test_api_key_also_accepted_as_x_api_key(api: TestClient, system: Caller) -> None:
    key = system.headers["Authorization"].removeprefix("Bearer ")
    r = api.post(
        "/api/v1/subjects",
        headers={"X-API-Key": key},
        json={"kind": "customer_contact", "items": [item()]},
    )
    assert r.status_code == 201, r.text
    assert r.json()["items"][0]["recorded_by"] == system.ref


@pytest.mark.req("R2.10")
def test_auditor_reads_the_trail_but_no_personal_data(
    container: Container, api: TestClient, system: Caller, auditor: Caller
) -> None:
    created = create(api, system)
    sid = created["id"]
    before = counts(container)
    for r in (
        api.get(
            f"/api/v1/subjects/{sid}/data",
            headers=auditor.headers,
            params={"purpose": "after_sales"},
        ),
        api.get(f"/api/v1/subjects/{sid}", headers=auditor.headers),
        api.post(
            "/api/v1/subjects",
            headers=auditor.headers,
            json={"kind": "customer_contact", "items": [item()]},
        ),
        api.post(
            "/api/v1/subjects/lookup",
            headers=auditor.headers,
            json={"category": "user.contact.email", "value": EMAIL},
        ),
        api.put(
            f"/api/v1/subjects/{sid}/items/{created['items'][0]['id']}",
            headers=auditor.headers,
            json={"value": "x@y.cn"},
        ),
        api.delete(f"/api/v1/subjects/{sid}", headers=auditor.headers),
    ):
        assert_problem(r, 403, "forbidden")
        assert EMAIL not in r.text
    assert counts(container) == before
    r = api.get("/api/v1/audit", headers=auditor.headers, params={"subject_id": sid})
    assert r.status_code == 200, r.text
    assert [e["action"] for e in r.json()] == ["subject.create"]
    r = api.post("/api/v1/audit/verify", headers=auditor.headers)
    assert r.status_code == 200 and r.json()["ok"] is True, r.text


@pytest.mark.req("R2.10")
def test_system_client_cannot_read_the_trail(api: TestClient, system: Caller) -> None:
    assert_problem(api.get("/api/v1/audit", headers=system.headers), 403, "forbidden")
    assert_problem(api.post("/api/v1/audit/verify", headers=system.headers), 403, "forbidden")


@pytest.mark.req("R2.10")
def test_logged_out_session_is_401(api: TestClient, officer: Caller) -> None:
    assert api.get("/api/v1/audit", headers=officer.headers).status_code == 200
    r = api.post("/api/v1/staff/logout", headers=officer.headers)
    assert r.status_code == 204, r.text
    assert_problem(api.get("/api/v1/audit", headers=officer.headers), 401, "not-authenticated")


@pytest.mark.req("R5.1")
def test_health_and_openapi(api: TestClient) -> None:
    r = api.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    r = api.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    expected = {
        "/api/v1/subjects": {"post"},
        "/api/v1/subjects/lookup": {"post"},
        "/api/v1/subjects/{subject_id}": {"get", "delete"},
        "/api/v1/subjects/{subject_id}/data": {"get"},
        "/api/v1/subjects/{subject_id}/items": {"post"},
        "/api/v1/subjects/{subject_id}/items/{item_id}": {"put"},
        "/api/v1/audit": {"get"},
        "/api/v1/audit/verify": {"post"},
        "/api/v1/decisions/{decision_id}": {"get"},
        "/healthz": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert methods <= set(paths[path]), (path, set(paths[path]))
    # how to authenticate, and who may call what, from the authorization table
    doc = r.json()
    assert set(doc["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    assert paths["/healthz"]["get"]["security"] == []
    data = paths["/api/v1/subjects/{subject_id}/data"]["get"]
    assert data["security"] == [{"bearer": []}, {"apiKey": []}]
    assert "privacy_officer, staff, system" in data["description"]


@pytest.mark.req("R5.1")
def test_unknown_route_and_method_are_problems(api: TestClient, system: Caller) -> None:
    assert_problem(api.get("/api/v1/nothing-here", headers=system.headers), 404, "not-found")
    assert_problem(api.patch("/api/v1/subjects", headers=system.headers), 405, "method-not-allowed")


# --- every endpoint that touches personal data names its caller -------------------------------

Step = Callable[[TestClient, Caller, dict[str, str]], Response]


def _steps() -> list[tuple[str, Step, str]]:
    """(what, call, the audit action it must leave); `ids` carries subject and item ids."""
    return [
        (
            "create",
            lambda a, c, ids: a.post(
                "/api/v1/subjects",
                headers=c.headers,
                json={
                    "kind": "customer_contact",
                    "items": [
                        item(),
                        item("user.authorization.credentials.password", "s3cret-passphrase"),
                    ],
                },
            ),
            "subject.create",
        ),
        (
            "describe",
            lambda a, c, ids: a.get(f"/api/v1/subjects/{ids['s']}", headers=c.headers),
            "subject.describe",
        ),
        (
            "add item",
            lambda a, c, ids: a.post(
                f"/api/v1/subjects/{ids['s']}/items",
                headers=c.headers,
                json=item("user.name", NAME),
            ),
            "item.create",
        ),
        (
            "correct",
            lambda a, c, ids: a.put(
                f"/api/v1/subjects/{ids['s']}/items/{ids['email']}",
                headers=c.headers,
                json={"value": NEW_EMAIL},
            ),
            "item.correct",
        ),
        (
            "read",
            lambda a, c, ids: a.get(
                f"/api/v1/subjects/{ids['s']}/data",
                headers=c.headers,
                params={"purpose": "order_fulfilment"},
            ),
            "data.read",
        ),
        (
            "read refused",
            lambda a, c, ids: a.get(
                f"/api/v1/subjects/{ids['s']}/data", headers=c.headers, params={"purpose": "resale"}
            ),
            "data.read",
        ),
        (
            "lookup",
            lambda a, c, ids: a.post(
                "/api/v1/subjects/lookup",
                headers=c.headers,
                json={"category": "user.contact.email", "value": NEW_EMAIL},
            ),
            "subject.lookup",
        ),
        (
            "check credential",
            lambda a, c, ids: a.post(
                f"/api/v1/subjects/{ids['s']}/items/{ids['password']}/verify",
                headers=c.headers,
                json={"value": "s3cret-passphrase"},
            ),
            "credential.verify",
        ),
        (
            "erase",
            lambda a, c, ids: a.delete(f"/api/v1/subjects/{ids['s']}", headers=c.headers),
            "subject.erase",
        ),
    ]


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("who", ["system", "officer"])
def test_every_personal_data_endpoint_audits_its_caller(
    container: Container, api: TestClient, who: str, request: pytest.FixtureRequest
) -> None:
    caller: Caller = request.getfixturevalue(who)
    ids: dict[str, str] = {}
    for what, call, action in _steps():
        seq = audit_head(container)
        r = call(api, caller, ids)
        assert r.status_code < 500, (what, r.text)
        if what == "create":
            ids["s"] = r.json()["id"]
            for i in r.json()["items"]:
                ids["email" if i["category"] == "user.contact.email" else "password"] = i["id"]
        new = audit_rows_after(container, seq)
        assert action in [row.action for row in new], (what, [row.action for row in new])
        for row in new:
            assert (row.actor_kind, row.actor_id) == (caller.kind, caller.id), (what, row)
        if what == "read refused":
            assert r.status_code == 403
            assert new[0].decision_id == r.json()["decision_id"]
        if what == "check credential":
            assert r.json() == {"match": True}
    if who == "officer":  # staff: reading decisions and the trail is on the trail too
        seq = audit_head(container)
        read = audit_rows_after(container, 0)
        decision_id = next(r.decision_id for r in read if r.action == "data.read")
        assert (
            api.get(f"/api/v1/decisions/{decision_id}", headers=caller.headers).status_code == 200
        )
        assert api.get("/api/v1/audit", headers=caller.headers).status_code == 200
        assert api.post("/api/v1/audit/verify", headers=caller.headers).status_code == 200
        new = audit_rows_after(container, seq)
        assert [(r.action, r.actor_kind, r.actor_id) for r in new] == [
            ("decision.view", "staff", caller.id),
            ("audit.search", "staff", caller.id),
            ("audit.verify", "staff", caller.id),
        ]
