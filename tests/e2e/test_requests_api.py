"""Requests of the person through the JSON API, on SQLite and PostgreSQL (R4.1–R4.4, R9.1,
R9.2): every kind opened by a connected system (or entered by staff), the one-time code
read from the mail that arrived at the loopback SMTP server and entered through the
verification service (the privacy centre's page is its own test), then the effect checked
where it shows — the package behind the reply's link, the value through the data API, the
signed webhook a holding system receives, the decision point's refusals, the erased
subject and its shredded key. Also: the same answer for a contact not on file, the code
that dies after five wrong tries, the excessive rule and the officer's three answers to it,
the second step's four eyes, the queue with overdue first, and bad input as problem+json
naming the field with nothing written."""

from __future__ import annotations

import hashlib
import io
import json
import re
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from httpx import Response
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.adapters.webhooks import verify_signature
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.accounts import StaffAccount
from piiguard.domain.errors import Conflict, InvalidInput, TooManyAttempts
from piiguard.domain.rights.rules import RequestStatus, RightsRequest
from piiguard.services.clients import api_keys as accounts
from piiguard.services.rights import fulfilment as fulfil
from piiguard.services.rights import intake as uc
from piiguard.services.rights import jobs, packages
from piiguard.services.rights import mail_intake as intake
from tests.e2e.conftest import PASSWORD, Caller, TestClient, login
from tests.mailserver import SmtpSink, body_text

PROBLEM = "application/problem+json"
EMAIL, PHONE, NAME = "li.lei@example.cn", "13812345678", "李雷"
NEW_PHONE = "13987654321"
STRANGER = "nobody.here@example.org"


# --- helpers ---------------------------------------------------------------------------------


def item(category: str = "user.contact.email", value: str = EMAIL, **extra: Any) -> dict[str, Any]:
    return {
        "category": category,
        "value": value,
        "channel": "web",
        "legal_basis": "contract",
        "source_system": "crm",
        **extra,
    }


def person(api: TestClient, caller: Caller, email: str = EMAIL, *more: dict[str, Any]) -> str:
    """A subject with an email address, a name and a phone number (and `more`)."""
    r = api.post(
        "/api/v1/subjects",
        headers=caller.headers,
        json={
            "kind": "customer_contact",
            "items": [
                item(value=email),
                item("user.name", NAME),
                item("user.contact.phone_number", PHONE),
                *more,
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def open_request(
    api: TestClient, caller: Caller, kind: str, contact: str = EMAIL, **extra: Any
) -> dict[str, Any]:
    r = api.post(
        "/api/v1/requests",
        headers=caller.headers,
        json={"kind": kind, "contact": contact, "language": "en", **extra},
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def _code_mail(rid: str) -> Any:
    return lambda m: (
        m["X-Piiguard-Request"] == rid
        and (m["Subject"].startswith("Confirm") or m["Subject"].startswith("请确认"))
    )


def code_of(mailbox: SmtpSink, rid: str, to: str = EMAIL, nth: int = 1) -> str:
    """The one-time code of the `nth` code mail of request `rid`, read as the person would."""
    mailbox.wait_for(lambda _m: sum(map(_code_mail(rid), mailbox.messages)) >= nth)
    mail = [m for m in mailbox.messages if _code_mail(rid)(m)][nth - 1]
    assert mail["To"] == to
    found = re.search(r"^ {4}(\d{6})$", body_text(mail), re.MULTILINE)
    assert found, "no code in the mail"
    return found.group(1)


def reply_of(mailbox: SmtpSink, rid: str, to: str = EMAIL) -> str:
    mail: EmailMessage = mailbox.wait_for(
        lambda m: (
            m["X-Piiguard-Request"] == rid
            and ("answered" in m["Subject"] or "已答复" in m["Subject"])
        )
    )
    assert mail["To"] == to
    return body_text(mail)


def verify(c: Container, rid: str, code: str) -> RightsRequest:
    """What the privacy centre does with the code the person enters: check it, then carry
    the request out if it is ready."""
    uc.verify_code(c.uow(), c.requests, rid, code)
    return fulfil.advance(c.uow(), c.requests, rid)


def opened_and_verified(
    c: Container,
    api: TestClient,
    caller: Caller,
    mailbox: SmtpSink,
    kind: str,
    contact: str = EMAIL,
    **extra: Any,
) -> tuple[str, RightsRequest]:
    rid = str(open_request(api, caller, kind, contact, **extra)["id"])
    return rid, verify(c, rid, code_of(mailbox, rid, contact))


def view(api: TestClient, caller: Caller, rid: str) -> dict[str, Any]:
    r = api.get(f"/api/v1/requests/{rid}", headers=caller.headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def step(api: TestClient, caller: Caller, rid: str, name: str, **body: Any) -> dict[str, Any]:
    r = api.post(f"/api/v1/requests/{rid}/{name}", headers=caller.headers, json=body)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def problem(r: Response, status: int, code: str, field_name: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    body: dict[str, Any] = r.json()
    assert body["type"] == f"urn:piiguard:problem:{code}", body
    if field_name is not None:
        assert body["field"] == field_name, body
    return body


def decide(api: TestClient, caller: Caller, sid: str, purpose: str) -> tuple[str, list[str]]:
    r = api.post(
        "/api/v1/decisions", headers=caller.headers, json={"subject_id": sid, "purpose": purpose}
    )
    assert r.status_code == 201, r.text
    return r.json()["outcome"], [x["code"] for x in r.json()["reasons"]]


def package_of(c: Container, reply: str) -> bytes:
    """The file behind the reply's single-use link (the download page is the privacy
    centre's; its service is called here with the link's token)."""
    found = re.search(r"http://testserver/privacy/packages/(\S+)", reply)
    assert found, "no download link in the reply"
    _, body = packages.download_package(c.uow(), c.requests, found.group(1), consume=True)
    with pytest.raises(Conflict, match="used"):  # single use
        packages.download_package(c.uow(), c.requests, found.group(1), consume=True)
    return body


def member(c: Container, api: TestClient, email: str, roles: set[str]) -> Caller:
    """Another member of staff (ids fixed by the email), enrolling TOTP at first sign-in."""
    suffix = hashlib.sha256(email.encode()).hexdigest()[:12]
    with c.uow() as uow:
        uow.staff.add(
            StaffAccount(
                f"00000000-0000-4000-8000-{suffix}",
                email,
                email.split("@", maxsplit=1)[0],
                frozenset(roles),
                True,
                c.clock.now(),
                department="sales",
            ),
            c.passwords.hash(PASSWORD),
        )
        uow.commit()
    return login(api, email)


def request_rows(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.data_requests)).scalar_one())


def has_key(c: Container, sid: str) -> bool:
    with c.keys_engine.connect() as conn:
        return (
            conn.execute(
                select(subject_keys.c.subject_id).where(subject_keys.c.subject_id == sid)
            ).first()
            is not None
        )


# --- a system receiving webhooks on loopback ---------------------------------------------------


@dataclass
class Receiver:
    """Answers POST /done with {"status": "done"} and POST /later with {"status":
    "received"} (the system confirms later, by API); records what arrived."""

    server: ThreadingHTTPServer
    received: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.receiver.received.append((self.path, dict(self.headers.items()), body))
        answer = json.dumps({"status": "done" if self.path == "/done" else "received"})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    receiver: Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = _Server(("127.0.0.1", 0), _Handler)
    rec = Receiver(server)
    server.receiver = rec
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield rec
    server.shutdown()
    server.server_close()


# --- access and portability (R4.1, R4.2) -----------------------------------------------------


@pytest.mark.req("R9.1")
@pytest.mark.req("R4.3")
@pytest.mark.req("R4.1")
def test_access_by_api_is_verified_by_code_and_answered_with_a_single_use_package(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    sid = person(api, system)
    opened = open_request(api, system, "access")
    assert opened["status"] == "awaiting_verification" and opened["code_sent"] is True
    received = datetime.fromisoformat(opened["received_at"])
    assert datetime.fromisoformat(opened["due_at"]) - received == timedelta(days=30)
    rid = opened["id"]
    # nothing disclosed before verification: not even whether the contact is on file
    before = view(api, officer, rid)
    assert (before["status"], before["subject_id"], before["channel"]) == (
        "awaiting_verification",
        None,
        "api",
    )
    assert before["details"]["contact"] == EMAIL and before["created_by"] == system.ref
    code = code_of(mailbox, rid)
    done = verify(container, rid, code)
    assert done.status is RequestStatus.COMPLETED
    reply = reply_of(mailbox, rid)
    assert "items of personal information are ready to download" in reply
    with zipfile.ZipFile(io.BytesIO(package_of(container, reply))) as zf:
        assert {"package.json", "items.csv", "access.html"} <= set(zf.namelist())
        doc = json.loads(zf.read("package.json"))
    assert (doc["request_id"], doc["subject_id"]) == (rid, sid)
    assert {(i["category"], i["value"]) for i in doc["items"]} == {
        ("user.contact.email", EMAIL),
        ("user.name", NAME),
        ("user.contact.phone_number", PHONE),
    }
    after = view(api, officer, rid)
    assert (after["status"], after["subject_id"]) == ("completed", sid)
    [package] = after["packages"]
    assert package["kind"] == "access" and package["used_at"] is not None
    assert "token" not in package and "/privacy/packages/" not in json.dumps(after)
    actions = [e["action"] for e in after["timeline"]]
    for action in (
        "request.open",
        "request.code.send",
        "request.verify",
        "request.package.create",
        "request.complete",
        "request.reply",
        "request.package.download",
    ):
        assert action in actions, actions
    assert (
        actions.index("request.open")
        < actions.index("request.verify")
        < actions.index("request.complete")
    )
    verified = next(e for e in after["timeline"] if e["action"] == "request.verify")
    assert verified["details"]["note"] == "one_time_code"
    assert after["timeline"][0]["actor"] == system.ref


@pytest.mark.req("R4.2")
def test_portability_gives_the_provided_data_as_json(
    container: Container, api: TestClient, system: Caller, mailbox: SmtpSink
) -> None:
    person(
        api, system, EMAIL, item("user.contact.address", "上海市 1 号", channel="business_event")
    )
    rid, done = opened_and_verified(container, api, system, mailbox, "portability")
    assert done.status is RequestStatus.COMPLETED
    doc = json.loads(package_of(container, reply_of(mailbox, rid)))
    assert doc["format"].startswith("piiguard.portability")
    # what the person provided; not what a business event recorded about them
    assert {(i["category"], i["value"]) for i in doc["items"]} == {
        ("user.contact.email", EMAIL),
        ("user.name", NAME),
        ("user.contact.phone_number", PHONE),
    }


# --- correction (R4.1, R2.8) -------------------------------------------------------------------


def holding_system(api: TestClient, officer: Caller, key: str, url: str) -> str:
    r = api.put(
        f"/api/v1/systems/{key}",
        headers=officer.headers,
        json={
            "name": key.upper(),
            "owner": "it-ops",
            "kind": "crm",
            "region": "CN",
            "categories": ["user.contact.phone_number"],
        },
    )
    assert r.status_code == 200, r.text
    r = api.post(
        f"/api/v1/systems/{key}/approval", headers=officer.headers, json={"status": "approved"}
    )
    assert r.status_code == 200, r.text
    r = api.put(f"/api/v1/systems/{key}/webhook", headers=officer.headers, json={"url": url})
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["system"], out["url"]) == (key, url) and len(out["secret"]) == 64
    return str(out["secret"])


@pytest.mark.req("R4.1")
@pytest.mark.req("R2.8")
def test_correction_changes_the_value_records_hashes_and_tells_every_holding_system(
    container: Container,
    api: TestClient,
    system: Caller,
    officer: Caller,
    mailbox: SmtpSink,
    receiver: Receiver,
) -> None:
    c = container
    sid = person(api, system)
    problem(
        api.put(
            "/api/v1/systems/ghost/webhook",
            headers=officer.headers,
            json={"url": receiver.url("/done")},
        ),
        404,
        "not-found",
        "system",
    )
    problem(
        api.put(
            "/api/v1/systems/erp/webhook",
            headers=officer.headers,
            json={"url": "ftp://example.com/x"},
        ),
        422,
        "invalid-input",
        "url",
    )
    secrets = {
        "erp": holding_system(api, officer, "erp", receiver.url("/done")),
        "crm": holding_system(api, officer, "crm", receiver.url("/later")),
    }
    _, crm_key = accounts.add_client(c.uow(), c.clock, OPERATOR, "crm")
    crm = Caller("crm", "system", {"Authorization": f"Bearer {crm_key}"})

    rid, req = opened_and_verified(
        c, api, system, mailbox, "correction", changes={"user.contact.phone_number": NEW_PHONE}
    )
    assert req.status is RequestStatus.WAITING_ON_SYSTEMS
    # the vault holds the new value; the old one is gone
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "after_sales", "category": "user.contact.phone_number"},
    )
    assert r.status_code == 200, r.text
    assert [i["value"] for i in r.json()["items"]] == [NEW_PHONE]
    # old and new on the audit trail as keyed hashes only
    r = api.get(
        "/api/v1/audit",
        headers=officer.headers,
        params={"action": "item.correct", "subject_id": sid},
    )
    assert r.status_code == 200, r.text
    [entry] = r.json()
    details = json.loads(entry["details"])
    assert (details["old_value_hash"], details["new_value_hash"]) == (
        c.vault.keyed_hash(PHONE),
        c.vault.keyed_hash(NEW_PHONE),
    )
    assert PHONE not in r.text and NEW_PHONE not in r.text

    # the notices go out signed; erp says done in its answer, crm confirms later by API
    assert jobs.deliver_tasks(c.uow(), c.requests, rid) == 2
    got = {path: (headers, body) for path, headers, body in receiver.received}
    for key, path in (("erp", "/done"), ("crm", "/later")):
        headers, body = got[path]
        assert verify_signature(
            bytes.fromhex(secrets[key]), headers["Piiguard-Signature"], body, int(time.time())
        )
        payload = json.loads(body)
        assert (payload["event"], payload["system"], payload["subject_id"]) == (
            "request.correct",
            key,
            sid,
        )
        assert payload["changes"] == {"user.contact.phone_number": NEW_PHONE}
    tasks = {x["system"]: x for x in view(api, officer, rid)["tasks"]}
    assert (tasks["erp"]["status"], tasks["crm"]["status"]) == ("confirmed", "sent")
    assert view(api, officer, rid)["status"] == "waiting_on_systems"
    # only crm's own key (or an officer) confirms crm's notice
    problem(
        api.post(
            f"/api/v1/requests/tasks/{tasks['crm']['id']}/confirm",
            headers=system.headers,
            json={"reference": "x"},
        ),
        403,
        "forbidden",
    )
    r = api.post(
        f"/api/v1/requests/tasks/{tasks['crm']['id']}/confirm",
        headers=crm.headers,
        json={"reference": "CRM-4711"},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["note"]) == ("confirmed", "CRM-4711")
    problem(
        api.post(
            f"/api/v1/requests/tasks/{tasks['crm']['id']}/confirm",
            headers=crm.headers,
            json={"reference": "again"},
        ),
        409,
        "conflict",
        "task_id",
    )
    assert view(api, officer, rid)["status"] == "completed"
    reply = reply_of(mailbox, rid)
    assert "corrected" in reply and "crm, erp" in reply
    assert NEW_PHONE not in reply and PHONE not in reply


@pytest.mark.req("R4.1")
@pytest.mark.req("R4.3")
def test_a_phone_request_is_verified_by_staff_a_correction_told_in_words_applied_and_replied(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    sid = person(api, system)
    clerk = member(container, api, "clerk@example.com", {"staff"})
    opened = open_request(
        api, clerk, "correction", PHONE, channel="phone", text="my name is misspelt, it is 李蕾"
    )
    assert opened["code_sent"] is False  # a phone requester is called back
    rid = opened["id"]
    problem(
        api.post(f"/api/v1/requests/{rid}/identity", headers=clerk.headers, json={"method": "x"}),
        422,
        "invalid-input",
        "method",
    )
    after = step(api, clerk, rid, "identity", method="called back the number on file")
    # told in words: it waits for staff to apply it
    assert (after["status"], after["subject_id"], after["verified_at"] is not None) == (
        "in_progress",
        sid,
        True,
    )
    problem(
        api.post(
            f"/api/v1/requests/{rid}/correction",
            headers=clerk.headers,
            json={"changes": {"user.password": "x"}},
        ),
        422,
        "invalid-input",
        "changes",
    )
    done = step(api, clerk, rid, "correction", changes={"user.name": "李蕾"})
    assert done["status"] == "completed"
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "after_sales", "category": "user.name"},
    )
    assert [i["value"] for i in r.json()["items"]] == ["李蕾"]
    timeline = view(api, clerk, rid)["timeline"]
    verified = next(e for e in timeline if e["action"] == "request.verify")
    assert (verified["details"]["note"], verified["actor"]) == (
        "called back the number on file",
        clerk.ref,
    )
    assert not [m for m in mailbox.messages if m["X-Piiguard-Request"] == rid]  # no mail
    # the reply is staff's to give: due until they record how they told the person
    actions = [e["action"] for e in view(api, clerk, rid)["timeline"]]
    assert "request.reply.due" in actions and "request.reply" not in actions
    problem(
        api.post(f"/api/v1/requests/{rid}/replied", headers=clerk.headers, json={"how": "x"}),
        422,
        "invalid-input",
        "how",
    )
    step(api, clerk, rid, "replied", how="phoned back 2026-11-26 10:00, told the outcome")
    given = next(
        e for e in view(api, clerk, rid)["timeline"] if e["action"] == "request.reply.given"
    )
    assert given["details"]["note"].startswith("phoned back")
    problem(
        api.post(
            f"/api/v1/requests/{rid}/replied", headers=clerk.headers, json={"how": "phoned again"}
        ),
        409,
        "conflict",
        "status",
    )
    # a correction is applied under a correction request only
    rid = open_request(
        api, clerk, "restriction", PHONE, channel="phone", purposes=["important_notices"]
    )["id"]
    problem(
        api.post(
            f"/api/v1/requests/{rid}/correction",
            headers=clerk.headers,
            json={"changes": {"user.name": "x"}},
        ),
        409,
        "conflict",
        "kind",
    )


# --- objection and restriction -----------------------------------------------------------------


@pytest.mark.req("R4.1")
@pytest.mark.req("R2.4")
def test_objection_and_restriction_are_refused_from_the_next_decision(
    container: Container, api: TestClient, system: Caller, mailbox: SmtpSink
) -> None:
    objector, restrictor = "objector@example.cn", "restrictor@example.cn"
    sid_o, sid_r = person(api, system, objector), person(api, system, restrictor)
    for sid in (sid_o, sid_r):
        assert decide(api, system, sid, "important_notices") == ("allowed", ["allowed"])

    rid, done = opened_and_verified(
        container, api, system, mailbox, "objection", objector, purposes=["important_notices"]
    )
    assert done.status is RequestStatus.COMPLETED
    assert decide(api, system, sid_o, "important_notices") == ("denied", ["processing_objected"])
    assert decide(api, system, sid_o, "after_sales")[0] == "allowed"  # only that use
    assert "No longer used for: important_notices" in reply_of(mailbox, rid, objector)

    rid, done = opened_and_verified(container, api, system, mailbox, "restriction", restrictor)
    assert done.status is RequestStatus.COMPLETED
    for purpose in ("important_notices", "after_sales"):
        assert decide(api, system, sid_r, purpose) == ("denied", ["processing_restricted"])
    assert "Processing restricted: all purposes" in reply_of(mailbox, rid, restrictor)


# --- deletion (second step, four eyes) -----------------------------------------------------------


@pytest.mark.req("R4.1")
@pytest.mark.req("R4.3")
def test_deletion_needs_a_document_check_and_another_officers_approval_then_shreds(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    c = container
    officer2 = member(c, api, "officer2@example.com", {"privacy_officer"})
    clerk = member(c, api, "clerk@example.com", {"staff"})
    sid = person(api, system)
    kept_email = "kept@example.cn"
    sid_kept = person(
        api,
        system,
        kept_email,
        item("user.behavior.purchase_history", "invoice 2025-001", legal_basis="legal_obligation"),
    )
    assert has_key(c, sid)

    rid, req = opened_and_verified(c, api, system, mailbox, "deletion")
    assert req.status is RequestStatus.AWAITING_SECOND_STEP
    problem(
        api.post(f"/api/v1/requests/{rid}/approve", headers=officer.headers),
        409,
        "conflict",
        "status",
    )  # no document checked yet
    checked = step(api, clerk, rid, "document-check", document="resident identity card")
    assert checked["document_checked_by"] == clerk.id
    problem(
        api.post(f"/api/v1/requests/{rid}/approve", headers=clerk.headers), 403, "forbidden"
    )  # approving is an officer's
    step(api, officer, rid, "document-check", document="resident identity card")
    problem(
        api.post(f"/api/v1/requests/{rid}/approve", headers=officer.headers), 403, "forbidden"
    )  # four eyes: not the one who checked the document
    assert view(api, officer, rid)["status"] == "awaiting_second_step"
    done = step(api, officer2, rid, "approve")
    assert (done["status"], done["approved_by"]) == ("completed", officer2.id)
    problem(
        api.get(
            f"/api/v1/subjects/{sid}/data",
            headers=system.headers,
            params={"purpose": "after_sales"},
        ),
        404,
        "not-found",
    )
    assert not has_key(c, sid)
    assert "3 item(s) deleted" in reply_of(mailbox, rid)
    actions = [e["action"] for e in view(api, officer, rid)["timeline"]]
    assert actions.count("request.document.check") == 2 and "request.approve" in actions

    # what the law makes us keep stays, restricted, and the reply says so
    rid, req = opened_and_verified(c, api, system, mailbox, "deletion", kept_email)
    step(api, officer, rid, "document-check", document="passport")
    assert step(api, officer2, rid, "approve")["status"] == "completed"
    r = api.get(f"/api/v1/subjects/{sid_kept}", headers=system.headers)
    assert r.status_code == 200, r.text
    assert [i["category"] for i in r.json()["items"]] == ["user.behavior.purchase_history"]
    assert has_key(c, sid_kept)
    assert decide(api, system, sid_kept, "after_sales") == ("denied", ["processing_restricted"])
    reply = reply_of(mailbox, rid, kept_email)
    assert "3 item(s) deleted" in reply
    assert "the law requires us to keep (user.behavior.purchase_history)" in reply


# --- identity: the same answer for anyone, and codes that die ---------------------------------


@pytest.mark.req("R4.3")
def test_a_contact_not_on_file_gets_the_same_answer_and_then_we_hold_nothing(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    person(api, system)
    known = open_request(api, system, "access")
    unknown = open_request(api, system, "access", STRANGER, language=None)
    assert set(known) == set(unknown)
    assert [(x["status"], x["code_sent"]) for x in (known, unknown)] == [
        ("awaiting_verification", True)
    ] * 2
    assert {
        k: v
        for k, v in view(api, officer, known["id"]).items()
        if k not in ("id", "details", "timeline", "received_at", "due_at", "days_left", "language")
    } == {
        k: v
        for k, v in view(api, officer, unknown["id"]).items()
        if k not in ("id", "details", "timeline", "received_at", "due_at", "days_left", "language")
    }
    done = verify(container, unknown["id"], code_of(mailbox, unknown["id"], STRANGER))
    assert (done.status, done.subject_id) == (RequestStatus.COMPLETED, None)
    reply = reply_of(mailbox, unknown["id"], STRANGER)
    assert "我们未持有与您提供的联系方式相关的个人信息" in reply  # no language given: Chinese
    assert "/privacy/packages/" not in reply


@pytest.mark.req("R4.3")
def test_five_wrong_codes_kill_the_code_and_new_codes_are_rate_limited(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    c = container
    person(api, system)
    rid = open_request(api, system, "access")["id"]
    code = code_of(mailbox, rid)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1, 0):
        with pytest.raises(InvalidInput, match=f"{left} attempt") as e:
            uc.verify_code(c.uow(), c.requests, rid, wrong)
        assert e.value.field == "code"
    with pytest.raises(InvalidInput, match="tried too often") as e:
        uc.verify_code(c.uow(), c.requests, rid, code)  # the right code, too late
    assert e.value.field == "code"
    got = view(api, officer, rid)
    assert (got["status"], got["subject_id"], got["packages"]) == (
        "awaiting_verification",
        None,
        [],
    )
    assert [
        e["details"].get("why") for e in got["timeline"] if e["action"] == "request.verify.failed"
    ] == ["wrong_code"] * 5 + ["no_live_code"]
    # a new code (3 an hour at most) works
    uc.resend_code(c.uow(), c.requests, rid)
    uc.resend_code(c.uow(), c.requests, rid)
    with pytest.raises(TooManyAttempts):
        uc.resend_code(c.uow(), c.requests, rid)
    assert verify(c, rid, code_of(mailbox, rid, nth=3)).status is RequestStatus.COMPLETED


# --- charges and refusals (R4.4) -----------------------------------------------------------------


@pytest.mark.req("R4.4")
def test_a_third_request_within_a_year_is_excessive_until_an_officer_decides(
    container: Container, api: TestClient, system: Caller, officer: Caller, mailbox: SmtpSink
) -> None:
    c = container
    clerk = member(c, api, "clerk@example.com", {"staff"})
    person(api, system)
    for _ in range(2):  # two are within conventional limits
        _, done = opened_and_verified(c, api, system, mailbox, "access")
        assert (done.status, done.excessive) == (RequestStatus.COMPLETED, False)

    # the third: flagged, and it waits for an officer's judgement
    rid, req = opened_and_verified(c, api, system, mailbox, "access")
    assert (req.status, req.excessive) == (RequestStatus.IN_PROGRESS, True)
    assert "repetitive: 2 earlier access requests" in req.excessive_reason
    r = api.get("/api/v1/requests", headers=officer.headers, params={"status": "in_progress"})
    assert [(x["id"], x["excessive"], x["fee"]) for x in r.json()] == [(rid, True, "")]
    assert jobs.run_jobs(c.uow(), c.requests).advanced == 0  # not carried out meanwhile
    problem(
        api.post(
            f"/api/v1/requests/{rid}/waive", headers=clerk.headers, json={"reason": "reasonable"}
        ),
        403,
        "forbidden",
    )
    problem(
        api.post(f"/api/v1/requests/{rid}/waive", headers=officer.headers, json={"reason": "x"}),
        422,
        "invalid-input",
        "reason",
    )
    waived = step(api, officer, rid, "waive", reason="the earlier copies were lost in a move")
    assert (waived["status"], waived["excessive"], waived["fee"]) == ("completed", False, "")
    assert "Fee" not in reply_of(mailbox, rid)

    # the fourth: a fee, and the clock waits for payment
    rid, req = opened_and_verified(c, api, system, mailbox, "access")
    problem(
        api.post(
            f"/api/v1/requests/{rid}/fee",
            headers=officer.headers,
            json={"fee": "fifty", "reason": "fourth copy this year"},
        ),
        422,
        "invalid-input",
        "fee",
    )
    charged = step(api, officer, rid, "fee", fee="50 cny", reason="fourth copy this year")
    assert (charged["status"], charged["fee"]) == ("waiting_on_requester", "50 CNY")
    assert charged["paused_at"] is not None
    paid = step(api, officer, rid, "resume")
    assert paid["status"] == "completed"
    assert "Fee: 50 CNY" in reply_of(mailbox, rid)

    # the fifth: refused, and the reply gives the reasons
    rid, req = opened_and_verified(c, api, system, mailbox, "access")
    refused = step(
        api,
        officer,
        rid,
        "refuse",
        reason="five identical requests within a year; nothing has changed",
    )
    assert refused["status"] == "refused"
    reply = reply_of(mailbox, rid)
    assert "We cannot carry out your request" in reply
    assert "five identical requests within a year; nothing has changed" in reply
    problem(
        api.post(f"/api/v1/requests/{rid}/resume", headers=officer.headers),
        409,
        "conflict",
        "status",
    )


@pytest.mark.req("R4.4")
def test_only_a_flagged_request_is_charged_and_staff_may_flag_one_unfounded(
    container: Container, api: TestClient, system: Caller, officer: Caller
) -> None:
    person(api, system)
    rid = open_request(api, officer, "restriction", channel="letter")["id"]
    step(api, officer, rid, "identity", method="signed letter matched the file")
    # verified and carried out at once: free of charge
    assert view(api, officer, rid)["status"] == "completed"
    rid = open_request(api, officer, "access", channel="letter")["id"]
    problem(
        api.post(
            f"/api/v1/requests/{rid}/fee",
            headers=officer.headers,
            json={"fee": "50 CNY", "reason": "because"},
        ),
        409,
        "conflict",
        "excessive",
    )
    flagged = step(api, officer, rid, "unfounded", reason="asks for data of another person")
    assert flagged["excessive"] and flagged["excessive_reason"].startswith("manifestly")
    after = step(api, officer, rid, "identity", method="signed letter matched the file")
    assert (after["status"], after["excessive"]) == ("in_progress", True)  # waits: judged


# --- the queue (R9.2) --------------------------------------------------------------------------


@pytest.mark.req("R9.2")
@pytest.mark.req("R9.1")
def test_the_queue_lists_overdue_first_filters_and_counts_and_shows_the_auditor_no_details(
    container: Container, api: TestClient, officer: Caller, auditor: Caller
) -> None:
    now = container.clock.now()
    person(api, officer, "late@example.cn")  # on file: its deletion waits for a second step
    letters = {}
    for name, days_ago, kind in (
        ("fresh", 0, "access"),
        ("late", 40, "deletion"),
        ("soon", 25, "access"),
    ):
        letters[name] = open_request(
            api,
            officer,
            kind,
            f"{name}@example.cn",
            channel="letter",
            received_at=(now - timedelta(days=days_ago)).isoformat(),
            text=f"letter {name}",
        )["id"]
    phone = open_request(api, officer, "objection", PHONE, channel="phone")
    assert phone["code_sent"] is False

    def ids(caller: Caller = officer, **params: Any) -> list[str]:
        r = api.get("/api/v1/requests", headers=caller.headers, params=params)
        assert r.status_code == 200, r.text
        return [x["id"] for x in r.json()]

    assert ids()[:2] == [letters["late"], letters["soon"]]  # overdue first, then by due date
    r = api.get("/api/v1/requests", headers=officer.headers)
    by_id = {x["id"]: x for x in r.json()}
    late = by_id[letters["late"]]
    assert (late["overdue"], late["days_left"] < 0, late["channel"]) == (True, True, "letter")
    assert (by_id[letters["soon"]]["overdue"], by_id[letters["soon"]]["days_left"]) == (False, 4)
    assert ids(overdue="true") == [letters["late"]]
    assert ids(kind="deletion") == [letters["late"]]
    assert set(ids(due_before=(now + timedelta(days=10)).isoformat())) == {
        letters["late"],
        letters["soon"],
    }
    assert len(ids(limit=2)) == 2 and ids(limit=2, offset=2) == ids()[2:]
    assert ids(status="completed") == []
    step(api, officer, letters["fresh"], "assign", staff_id=officer.id)
    assert ids(assignee=officer.id) == [letters["fresh"]]
    problem(
        api.post(
            f"/api/v1/requests/{letters['fresh']}/assign",
            headers=officer.headers,
            json={"staff_id": "nobody"},
        ),
        422,
        "invalid-input",
        "assignee",
    )
    r = api.get("/api/v1/requests/counts", headers=officer.headers)
    assert r.json() == {"open": 4, "overdue": 1}

    # the auditor sees the queue's metadata, never what the person wrote
    r = api.get("/api/v1/requests", headers=auditor.headers)
    assert r.status_code == 200 and len(r.json()) == 4
    assert "@example.cn" not in r.text and PHONE not in r.text and "letter late" not in r.text
    assert api.get("/api/v1/requests/counts", headers=auditor.headers).json()["overdue"] == 1
    problem(
        api.get(f"/api/v1/requests/{letters['late']}", headers=auditor.headers), 403, "forbidden"
    )
    got = view(api, officer, letters["late"])
    assert (got["details"]["contact"], got["details"]["text"]) == ("late@example.cn", "letter late")
    problem(
        api.get("/api/v1/requests/no-such-request", headers=officer.headers),
        404,
        "not-found",
        "request_id",
    )

    # waiting on the requester stops the clock: not overdue while paused
    verified = step(
        api, officer, letters["late"], "identity", method="signed letter matched the file"
    )
    assert verified["status"] == "awaiting_second_step"
    paused = step(api, officer, letters["late"], "pause", reason="a copy of the ID card")
    assert (paused["status"], paused["overdue"]) == ("waiting_on_requester", False)
    assert api.get("/api/v1/requests/counts", headers=officer.headers).json() == {
        "open": 4,
        "overdue": 0,
    }
    resumed = step(api, officer, letters["late"], "resume")  # back to its second step
    assert (resumed["status"], resumed["overdue"]) == ("awaiting_second_step", True)
    assert resumed["due_at"] >= late["due_at"]
    actions = [e["action"] for e in view(api, officer, letters["late"])["timeline"]]
    steps = [a for a in actions if a in ("request.pause", "request.resume")]
    assert steps == ["request.pause", "request.resume"]


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.req("R9.1")
def test_bad_input_is_a_problem_naming_the_field_and_writes_nothing(
    container: Container, api: TestClient, system: Caller, mailbox: SmtpSink
) -> None:
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    for body, status, code, at in (
        ({"kind": "telepathy", "contact": EMAIL}, 422, "invalid-input", "kind"),
        ({"kind": "access", "contact": "not a contact"}, 422, "invalid-input", "contact"),
        ({"kind": "access", "contact": "li@nodot"}, 422, "invalid-input", "contact"),
        (
            {"kind": "access", "contact": EMAIL, "changes": {"user.name": "x"}},
            422,
            "invalid-input",
            "changes",
        ),
        ({"kind": "correction", "contact": EMAIL}, 422, "invalid-input", "changes"),
        (
            {"kind": "correction", "contact": EMAIL, "changes": {"user.nope": "x"}},
            422,
            "invalid-input",
            "changes",
        ),
        (
            {"kind": "access", "contact": EMAIL, "concerns": ["user.nope"]},
            422,
            "invalid-input",
            "concerns",
        ),
        (
            {"kind": "objection", "contact": EMAIL, "purposes": ["nope"]},
            422,
            "invalid-input",
            "purposes",
        ),
        ({"kind": "access", "contact": EMAIL, "channel": "web"}, 422, "invalid-input", "channel"),
        (
            {"kind": "access", "contact": EMAIL, "received_at": future},
            422,
            "invalid-input",
            "received_at",
        ),
        ({"kind": "access", "contact": EMAIL, "extra": 1}, 422, "invalid-input", "extra"),
    ):
        problem(api.post("/api/v1/requests", headers=system.headers, json=body), status, code, at)
    assert request_rows(container) == 0
    assert mailbox.messages == []


# --- mail the inbox could not read ------------------------------------------------------------


@pytest.mark.req("R9.1")
def test_an_officer_reads_and_resolves_mail_the_inbox_could_not_turn_into_a_request(
    container: Container, api: TestClient, officer: Caller, mailbox: SmtpSink
) -> None:
    raw = (
        b"From: Li Lei <li.lei@example.cn>\r\nTo: privacy@example.com\r\n"
        b"Subject: a question\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"What do you do with my data and can I have it deleted or corrected?\r\n"
    )
    tid = intake.intake_mail(container.uow(), container.requests, raw, ("privacy@example.com",))
    r = api.get("/api/v1/requests/triage", headers=officer.headers)
    assert [(x["id"], x["resolved_at"]) for x in r.json()] == [(tid, None)]
    r = api.get(f"/api/v1/requests/triage/{tid}", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert "Subject: a question" in r.json()["text"] and "deleted" in r.json()["text"]
    problem(
        api.post(
            f"/api/v1/requests/triage/{tid}/resolve",
            headers=officer.headers,
            json={"request_id": "no-such-request"},
        ),
        404,
        "not-found",
        "request_id",
    )
    r = api.post(f"/api/v1/requests/triage/{tid}/resolve", headers=officer.headers, json={})
    assert r.status_code == 200 and r.json()["resolved_by"] == officer.ref, r.text
    assert api.get("/api/v1/requests/triage", headers=officer.headers).json() == []
    assert (
        len(
            api.get(
                "/api/v1/requests/triage", headers=officer.headers, params={"resolved": "true"}
            ).json()
        )
        == 1
    )
    problem(
        api.post(f"/api/v1/requests/triage/{tid}/resolve", headers=officer.headers, json={}),
        404,
        "not-found",
        "triage_id",
    )
    mailbox.wait_for(lambda m: m["To"] == "li.lei@example.cn")  # told it arrived
