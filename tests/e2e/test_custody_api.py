"""The JSON API of paper records and removable media on SQLite and PostgreSQL (issue 16;
R5.2, R5.4, R5.6): a system registers a printout with its scoped API key (refused outside
the scope or from an unapproved system, problem+json naming the field, nothing written);
staff lock and shred it with a witness who confirms it themselves (the same person
refused); a sensitive medium refused unencrypted; check-out and in; an inventory with a
missing medium; auditors read, admins without another role and anonymous callers are
refused (tests/e2e/test_authz.py walks every route)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Scope
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.clients import api_keys as accounts
from piiguard.services.policy.datamap import register_system, set_system_status
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import member

CONTACT = "user.contact.email"
BANK = "user.financial.bank_account"


def data_map(c: Container) -> None:
    cats = frozenset({"user.contact", "user.financial"})
    for key, status in (("erp", Approval.APPROVED), ("shadow", Approval.PENDING)):
        register_system(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            System(key, key.upper(), "ops", "erp", "CN", Approval.PENDING, categories=cats),
        )
        if status is Approval.APPROVED:
            set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, key, status)


def rows(c: Container, table: Any) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def two(container: Container, api: TestClient, officer: Caller) -> tuple[Caller, Caller]:
    """Two members of staff (after the first account, which setup makes)."""
    del officer
    data_map(container)
    li = member(container, api, "li.na@example.com", {"staff"}, "Li Na")
    wu = member(container, api, "wu.lei@example.com", {"staff"}, "Wu Lei")
    return li, wu


def problem(r: Any, status: int, field: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["field"] == field, r.json()


PRINT = {
    "label": "Q3 invoice run",
    "categories": [CONTACT],
    "people": 120,
    "system": "erp",
    "custodian": "li.na@example.com",
    "location": "Shanghai, room 301",
    "cabinet": "cabinet B2",
    "printed_by": "li.na@example.com",
}


@pytest.mark.req("R5.6")
def test_a_system_registers_a_print_within_its_key_scope(
    container: Container, api: TestClient, two: tuple[Caller, Caller]
) -> None:
    c = container
    _, key = accounts.add_client(
        c.uow(), c.clock, OPERATOR, "erp-printing", Scope(None, frozenset({"user.contact"}))
    )
    erp = {"Authorization": f"Bearer {key}"}
    problem(
        api.post("/api/v1/paper", json={**PRINT, "categories": [BANK]}, headers=erp),
        422,
        "categories",
    )
    problem(
        api.post("/api/v1/paper", json={**PRINT, "system": "shadow"}, headers=erp), 422, "system"
    )
    problem(
        api.post("/api/v1/paper", json={**PRINT, "system": "laptop"}, headers=erp), 422, "system"
    )
    problem(
        api.post("/api/v1/paper", json={**PRINT, "printed_by": ""}, headers=erp), 422, "printed_by"
    )
    problem(api.post("/api/v1/paper", json={**PRINT, "people": 0}, headers=erp), 422, "people")
    problem(api.post("/api/v1/paper", json={**PRINT, "extra": 1}, headers=erp), 422, "extra")
    assert rows(c, t.paper_records) == 0
    r = api.post("/api/v1/paper", json=PRINT, headers=erp)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "in_use" and body["overdue"] is False
    assert body["printed_by"].startswith("staff:")
    # a system may register, not read or move the register
    assert api.get("/api/v1/paper", headers=erp).status_code == 403
    assert api.post(f"/api/v1/paper/{body['id']}/lock", json={}, headers=erp).status_code == 403


@pytest.mark.req("R5.2")
def test_shredding_through_the_api_is_witnessed_by_a_second_person(
    container: Container, api: TestClient, two: tuple[Caller, Caller], auditor: Caller
) -> None:
    li, wu = two
    r = api.post("/api/v1/paper", json=PRINT, headers=li.headers)
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    day = container.clock.now().date().isoformat()
    shred = {"shredded_on": day, "method": "cross_cut"}
    problem(
        api.post(
            f"/api/v1/paper/{rid}/shred", json={**shred, "witness": li.id}, headers=li.headers
        ),
        403,
        "witness",
    )
    problem(
        api.post(
            f"/api/v1/paper/{rid}/shred",
            json={**shred, "method": "scissors", "witness": wu.id},
            headers=li.headers,
        ),
        422,
        "method",
    )
    assert api.get(f"/api/v1/paper/{rid}", headers=li.headers).json()["status"] == "in_use"
    r = api.post(
        f"/api/v1/paper/{rid}/shred",
        json={**shred, "witness": "wu.lei@example.com"},
        headers=li.headers,
    )
    assert r.status_code == 200, r.text
    assert r.json()["shredding"]["witnessed_at"] is None
    problem(api.post(f"/api/v1/paper/{rid}/witness", headers=li.headers), 403, "witness")
    mine = api.get("/api/v1/paper?witness=me", headers=wu.headers).json()
    assert [p["id"] for p in mine] == [rid]
    r = api.post(f"/api/v1/paper/{rid}/witness", headers=wu.headers)
    assert r.status_code == 200 and r.json()["shredding"]["witnessed_at"]
    seen = api.get(f"/api/v1/paper/{rid}", headers=auditor.headers).json()
    assert seen["status"] == "shredded"
    assert (
        api.post(f"/api/v1/paper/{rid}/lock", json={}, headers=auditor.headers).status_code == 403
    )


@pytest.mark.req("R5.4")
def test_media_encryption_check_out_and_an_inventory_with_a_missing_one(
    container: Container, api: TestClient, two: tuple[Caller, Caller], officer: Caller
) -> None:
    c = container
    li, wu = two
    medium = {
        "identifier": "USB-0042",
        "kind": "usb_drive",
        "encrypted": False,
        "categories": [BANK],
        "system": "erp",
        "custodian": li.id,
        "location": "safe 1",
    }
    problem(api.post("/api/v1/media", json=medium, headers=li.headers), 422, "encrypted")
    problem(
        api.post("/api/v1/media", json={**medium, "kind": "floppy"}, headers=li.headers),
        422,
        "kind",
    )
    assert rows(c, t.media) == 0
    r = api.post(
        "/api/v1/media",
        json={**medium, "encrypted": True, "encryption": "LUKS2 AES-256"},
        headers=li.headers,
    )
    assert r.status_code == 201, r.text
    mid = r.json()["id"]
    r = api.post(
        f"/api/v1/media/{mid}/check-out", json={"holder": "wu.lei@example.com"}, headers=li.headers
    )
    assert r.json()["status"] == "checked_out" and r.json()["holder"] == wu.id
    problem(
        api.post(f"/api/v1/media/{mid}/check-out", json={}, headers=li.headers), 409, "medium_id"
    )
    api.post(f"/api/v1/media/{mid}/check-in", json={}, headers=wu.headers)
    history = api.get("/api/v1/media/USB-0042", headers=li.headers).json()["history"]
    assert [h["kind"] for h in history] == ["register", "check_out", "check_in"]
    # the inventory: officers start and close it, staff count
    assert api.post("/api/v1/media-inventories", headers=li.headers).status_code == 403
    r = api.post("/api/v1/media-inventories", headers=officer.headers)
    assert r.status_code == 201, r.text
    inv = r.json()
    assert [x["identifier"] for x in inv["lines"]] == ["USB-0042"]
    problem(
        api.post(f"/api/v1/media-inventories/{inv['id']}/close", headers=officer.headers),
        409,
        "inventory_id",
    )
    r = api.post(
        f"/api/v1/media-inventories/{inv['id']}/lines/{mid}",
        json={"outcome": "missing"},
        headers=wu.headers,
    )
    assert r.status_code == 200 and r.json()["outcome"] == "missing"
    r = api.post(f"/api/v1/media-inventories/{inv['id']}/close", headers=officer.headers)
    assert r.json()["status"] == "closed"
    gone = api.get(f"/api/v1/media/{mid}", headers=li.headers).json()
    assert gone["status"] == "missing" and gone["incident"]  # opened in the incident register
    with c.security_uow(readonly=True) as uow:
        opened = uow.incidents.incident(gone["incident"])
    assert opened is not None and opened.categories == frozenset({BANK})
    r = api.post(f"/api/v1/media/{mid}/incident", json={"incident": "x"}, headers=li.headers)
    assert r.status_code == 403
    r = api.post(f"/api/v1/media/{mid}/found", json={"location": "safe 4"}, headers=wu.headers)
    assert r.json()["status"] == "stored" and r.json()["incident"] == gone["incident"]
