"""Sharing through the API on both databases (R3.1, R3.2, R3.3, R3.6, R7.1): officers keep
the register and auditors read it (problem+json naming the field, nothing half-written);
a share to a group company abroad refused (no agreement, no consent) then allowed and
minimised, pulled once with the recipient's own key, which reads nothing else; a webhook
share pushed and signed; the disclosure log and a correction passed on, confirmed by the
recipient."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.sharing.disclosure import PassOnAction
from piiguard.services.sharing import delivery
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.job import run_sharing
from tests.assessed import approve_assessment_for
from tests.e2e.conftest import Caller, reauth
from tests.e2e.console_client import member
from tests.e2e.test_purpose_limitation_api import (
    EMAIL,
    NAME,
    assert_problem,
    audit_actions,
    item,
    subject,
)

pytestmark = [pytest.mark.req("R3.6")]
SECOND = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
PHONE = "13812345678"
RECIPIENT = {
    "kind": "group_company",
    "legal_name": "Acme Service GmbH",
    "country": "DE",
    "law": "GDPR",
    "contact": "dpo@acme.example",
    "systems": ["acme-crm"],
}
AGREEMENT = {
    "recipient": "acme-de",
    "kind": "intra_group",
    "title": "Intra-group agreement 2026",
    "parties": ["Our Co Ltd", "Acme Service GmbH"],
    "purposes": ["after_sales"],
    "categories": ["user.contact", "user.name"],
    "valid_from": "2020-01-01T00:00:00Z",
    "valid_until": "2099-01-01T00:00:00Z",
    "document_sha256": "ab" * 32,
    "document_location": "DMS contract 2026-017",
}
PROFILE = {"fields": {"user.contact.email": "masked", "user.name": "whole"}}


def agreed(container: Container, api: TestClient, officer: Caller) -> dict[str, Any]:
    """AGREEMENT recorded by `officer` through the API and approved by a second officer
    (four eyes; the approval's own endpoint is proven in the register test)."""
    made = api.post("/api/v1/agreements", json=AGREEMENT, headers=officer.headers)
    assert made.status_code == 201, made.text
    a = reg.approve_agreement(container.uow(), container.clock, SECOND, made.json()["id"])
    assert a.in_force(container.clock.now())
    out: dict[str, Any] = made.json()
    return out


def person(api: TestClient, officer: Caller) -> str:
    return subject(
        api,
        officer,
        item(),
        item("user.name", NAME),
        item("user.contact.phone_number", PHONE),
    )


def share(api: TestClient, caller: Caller, sid: str, **extra: Any) -> dict[str, Any]:
    body = {"recipient": "acme-de", "purpose": "after_sales", "subject_ids": [sid], **extra}
    r = api.post("/api/v1/shares", json=body, headers=caller.headers)
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out


def recipient_key(api: TestClient, officer: Caller) -> dict[str, str]:
    reauth(api, officer)
    r = api.post("/api/v1/recipients/acme-de/key", headers=officer.headers)
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['api_key']}"}


@pytest.mark.req("R3.2")
def test_the_register_is_kept_by_officers_and_read_by_auditors(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, system: Caller
) -> None:
    put = api.put("/api/v1/recipients/acme-de", json=RECIPIENT, headers=officer.headers)
    assert put.status_code == 200, put.text
    assert put.json()["recorded_by"] == f"staff:{officer.id}"
    assert_problem(
        api.put("/api/v1/recipients/acme-de", json=RECIPIENT, headers=auditor.headers),
        403,
        "forbidden",
    )
    assert_problem(api.get("/api/v1/recipients", headers=system.headers), 403, "forbidden")
    for bad, field in (
        ({**RECIPIENT, "country": "Germany"}, "country"),
        ({**RECIPIENT, "kind": "friend"}, "kind"),
        ({**RECIPIENT, "colour": "red"}, "colour"),
    ):
        r = api.put("/api/v1/recipients/acme-fr", json=bad, headers=officer.headers)
        assert r.status_code == 422 and r.json()["field"] == field, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    listed = api.get("/api/v1/recipients", headers=auditor.headers).json()
    assert [r["key"] for r in listed] == ["acme-de"]  # nothing half-written
    for bad_a, field in (
        ({**AGREEMENT, "purposes": ["nope"]}, "purposes"),
        ({**AGREEMENT, "categories": ["user.nope"]}, "categories"),
        ({**AGREEMENT, "document_sha256": "x"}, "document_sha256"),
        ({**AGREEMENT, "kind": "standard_contract"}, "reference"),
        ({**AGREEMENT, "valid_from": "2020-01-01T00:00:00"}, "valid_from"),  # no zone
    ):
        r = api.post("/api/v1/agreements", json=bad_a, headers=officer.headers)
        assert r.status_code == 422 and r.json()["field"] == field, r.text
    made = api.post("/api/v1/agreements", json=AGREEMENT, headers=officer.headers)
    assert made.status_code == 201, made.text
    assert made.json()["state"] == "proposed" and made.json()["approved_by"] is None
    approve = f"/api/v1/agreements/{made.json()['id']}/approve"
    own = api.post(approve, headers=officer.headers)  # four eyes: not whoever recorded it
    assert_problem(own, 403, "forbidden", None)
    assert api.post(approve, headers=auditor.headers).status_code == 403
    second = member(container, api, "chen.jing@example.com", {"privacy_officer"}, "Chen Jing")
    approved = api.post(approve, headers=second.headers)
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "active" and approved.json()["approved_by"]
    assert_problem(api.post(approve, headers=second.headers), 409, "conflict", "agreement_id")
    r = api.put(
        "/api/v1/recipients/acme-de/profiles/after_sales",
        json={"fields": {"user.contact.email": "city"}},
        headers=officer.headers,
    )
    assert_problem(r, 422, "invalid-input", "fields")
    detail = api.get("/api/v1/recipients/acme-de", headers=auditor.headers).json()
    assert len(detail["agreements"]) == 1 and detail["profiles"] == []
    assert detail["has_api_key"] is False and detail["webhook_url"] is None
    ended = api.post(
        f"/api/v1/agreements/{made.json()['id']}/terminate",
        json={"reason": "renegotiated"},
        headers=officer.headers,
    )
    assert ended.json()["state"] == "terminated"
    assert [a for a, _, _ in audit_actions(container) if a.startswith("sharing.")] == [
        "sharing.recipient.add",
        "sharing.agreement.record",
        "sharing.agreement.approve",
        "sharing.agreement.terminate",
    ]


@pytest.mark.req("R3.1")
@pytest.mark.req("R7.1")
def test_refused_then_allowed_minimised_and_pulled_with_the_recipients_own_key(
    container: Container, api: TestClient, officer: Caller, auditor: Caller
) -> None:
    sid = person(api, officer)
    api.put("/api/v1/recipients/acme-de", json=RECIPIENT, headers=officer.headers)
    key = recipient_key(api, officer)
    first = share(api, officer, sid)
    assert first["share"]["status"] == "refused"
    [d] = first["decisions"]
    assert d["outcome"] == "denied"
    assert {
        "no_agreement_in_force",
        "no_minimisation_profile",
        "share_abroad_without_consent",
        "impact_assessment_missing",  # R10.4
    } <= {r["code"] for r in d["reasons"]}
    agreed(container, api, officer)
    assert api.put(
        "/api/v1/recipients/acme-de/profiles/after_sales", json=PROFILE, headers=officer.headers
    ).is_success
    approve_assessment_for(container, purposes={"after_sales"}, recipients={"acme-de"})
    consent = api.post(
        f"/api/v1/subjects/{sid}/consents",
        json={
            "purpose": "after_sales",
            "kind": "transfer_abroad",
            "channel": "web",
            "text_shown": "Acme Service GmbH in Germany receives my contact data.",
            "recipient": "acme-de",
        },
        headers=officer.headers,
    )
    assert consent.status_code == 201, consent.text
    assert consent.json()["recipient"] == "acme-de"
    second = share(api, officer, sid)
    assert second["share"]["status"] == "ready" and second["share"]["disclosed"] == 1
    [d] = second["decisions"]
    assert d["outcome"] == "partly_allowed" and set(d["allowed"]) == {
        "user.contact.email",
        "user.name",
    }
    assert "minimise:user.contact.email:masked" in d["obligations"]
    waiting = api.get("/api/v1/recipient/shares", headers=key)
    assert [s["id"] for s in waiting.json()] == [second["share"]["id"]]
    # the recipient's key reads nothing through the data API
    assert_problem(api.get("/api/v1/recipients", headers=key), 403, "forbidden")
    data = api.get(f"/api/v1/subjects/{sid}/data?purpose=after_sales", headers=key)
    assert data.status_code == 403, data.text
    pulled = api.get(f"/api/v1/recipient/shares/{second['share']['id']}", headers=key)
    assert pulled.status_code == 200 and pulled.headers["cache-control"] == "no-store"
    package = pulled.json()
    [entry] = package["subjects"]
    assert {(i["category"], i["form"]) for i in entry["items"]} == {
        ("user.contact.email", "masked"),
        ("user.name", "whole"),
    }
    assert EMAIL not in pulled.text and PHONE not in pulled.text and NAME in pulled.text
    again = api.get(f"/api/v1/recipient/shares/{second['share']['id']}", headers=key)
    assert_problem(again, 409, "conflict", "share_id")
    log = api.get(f"/api/v1/disclosures?subject_id={sid}", headers=auditor.headers).json()
    assert [(x["recipient"], x["decision_id"]) for x in log] == [("acme-de", d["id"])]
    assert log[0]["categories"] == {"user.contact.email": "masked", "user.name": "whole"}
    shares = api.get("/api/v1/shares", headers=auditor.headers).json()
    assert [s["status"] for s in shares] == ["delivered", "refused"]
    # a recipient's notice of a correction: listed for it, confirmed with its key
    with container.uow() as uow:
        [p] = delivery.open_pass_ons(
            uow, container.requests, "req-1", sid, PassOnAction.CORRECT, frozenset({"user.name"})
        )
        uow.commit()
    notices = api.get("/api/v1/recipient/notices", headers=key).json()
    assert [(n["id"], n["categories"]) for n in notices] == [(p.id, ["user.name"])]
    ok = api.post(
        f"/api/v1/recipient/notices/{p.id}/confirm", json={"reference": "T-1"}, headers=key
    )
    assert ok.json()["status"] == "confirmed", ok.text
    assert api.get("/api/v1/recipient/notices", headers=key).json() == []


class _Hook(BaseHTTPRequestHandler):
    seen: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        self.seen.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.seen[:] = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.req("R3.1")
def test_a_webhook_share_is_pushed_by_the_job(
    container: Container, api: TestClient, officer: Caller, hook: str
) -> None:
    sid = person(api, officer)
    api.put(
        "/api/v1/recipients/acme-de", json={**RECIPIENT, "country": "CN"}, headers=officer.headers
    )
    agreed(container, api, officer)
    api.put(
        "/api/v1/recipients/acme-de/profiles/after_sales", json=PROFILE, headers=officer.headers
    )
    approve_assessment_for(container, purposes={"after_sales"}, recipients={"acme-de"})
    no_hook = api.post(
        "/api/v1/shares",
        json={
            "recipient": "acme-de",
            "purpose": "after_sales",
            "subject_ids": [sid],
            "delivery": "webhook",
        },
        headers=officer.headers,
    )
    assert_problem(no_hook, 409, "conflict", "delivery")
    reauth(api, officer)
    secret = api.put(
        "/api/v1/recipients/acme-de/webhook", json={"url": hook}, headers=officer.headers
    )
    assert secret.status_code == 200 and len(secret.json()["secret"]) == 64, secret.text
    out = share(api, officer, sid, delivery="webhook")
    assert out["share"]["status"] == "ready"
    assert run_sharing(container.uow(), container.requests).pushed == 1
    body = json.loads(_Hook.seen[-1])
    assert body["share_id"] == out["share"]["id"] and body["recipient"] == "acme-de"
    got = api.get(f"/api/v1/shares/{out['share']['id']}", headers=officer.headers).json()
    assert got["status"] == "delivered" and got["attempts"] == 1
