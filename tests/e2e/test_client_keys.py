"""System clients' API keys (R2.10): scoped to purposes and categories — the decision point
holds to the scope — and rotated with an overlap, through the `piiguard client` commands (in
process, as the installed command runs them) and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.services.clients.auth_cache import ClientKeyCache
from tests.e2e import cli_runner
from tests.e2e.conftest import TestClient

pytestmark = pytest.mark.req("R2.10")
ITEMS = [
    {"category": c, "value": v, "channel": "web", "legal_basis": "contract", "source_system": "erp"}
    for c, v in (("user.contact.email", "li@example.cn"), ("user.name", "李雷"))
]


def cli(settings: Settings, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    r = cli_runner.piiguard(settings, *args)  # in process, as the installed command runs
    assert r.returncode == code, (args, r.stdout, r.stderr)
    assert "Traceback" not in r.stdout + r.stderr
    return r


def decide(api: TestClient, key: str, sid: str, purpose: str, *cats: str) -> dict[str, object]:
    r = api.post(
        "/api/v1/decisions",
        headers={"Authorization": f"Bearer {key}"},
        json={"subject_id": sid, "purpose": purpose, "categories": list(cats)},
    )
    assert r.status_code == 201, r.text
    body: dict[str, object] = r.json()
    return body


def codes(d: dict[str, object]) -> set[str]:
    return {r["code"] for r in d["reasons"]}  # type: ignore[attr-defined, index]


def test_a_scoped_key_is_held_to_its_purposes_and_categories(
    settings: Settings, container: Container, api: TestClient
) -> None:
    container.client_keys = ClientKeyCache(0)  # every call reads the key's scope afresh
    key = (
        cli(
            settings,
            "client",
            "add",
            "erp",
            "--purpose",
            "order_fulfilment",
            "--category",
            "user.contact",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    listed = cli(settings, "client", "list").stdout
    assert "purposes order_fulfilment" in listed and "categories user.contact" in listed
    r = api.post(
        "/api/v1/subjects",
        headers={"Authorization": f"Bearer {key}"},
        json={"kind": "customer_contact", "items": ITEMS},
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    d = decide(api, key, sid, "order_fulfilment", "user.contact.email", "user.name")
    assert d["allowed"] == ["user.contact.email"]
    assert "category_outside_actor_scope" in codes(d)
    d = decide(api, key, sid, "after_sales", "user.contact.email")
    assert (d["outcome"], codes(d)) == ("denied", {"purpose_outside_actor_scope"})
    data = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers={"Authorization": f"Bearer {key}"},
        params={"purpose": "order_fulfilment"},
    )
    assert [i["category"] for i in data.json()["items"]] == ["user.contact.email"]

    cli(settings, "client", "scope", "erp")  # no options: no limit
    d = decide(api, key, sid, "after_sales", "user.contact.email", "user.name")
    assert d["outcome"] == "allowed"
    bad = cli(settings, "client", "scope", "erp", "--purpose", "resale", code=1)
    assert "purposes" in bad.stderr and "resale" in bad.stderr
    bad = cli(settings, "client", "add", "crm", "--category", "user.shoe_size", code=1)
    assert "categories" in bad.stderr
    assert "crm" not in cli(settings, "client", "list").stdout  # nothing half-made


def test_a_rotated_key_overlaps_then_stops(
    settings: Settings, container: Container, api: TestClient
) -> None:
    container.client_keys = ClientKeyCache(0)
    first = cli(settings, "client", "add", "crm").stdout.strip().splitlines()[-1]

    def status(key: str) -> int:
        return api.get("/api/v1/purposes", headers={"Authorization": f"Bearer {key}"}).status_code

    rotated = cli(settings, "client", "rotate", "crm", "--overlap-hours", "1")
    second = rotated.stdout.strip().splitlines()[-1]
    assert "works for 1 more hour" in rotated.stderr
    assert (status(first), status(second)) == (200, 200)  # the overlap
    third = (
        cli(settings, "client", "rotate", "crm", "--overlap-hours", "0")
        .stdout.strip()
        .splitlines()[-1]
    )
    assert (status(first), status(second), status(third)) == (401, 401, 200)
    r = api.get("/api/v1/purposes", headers={"Authorization": f"Bearer {second}"})
    assert "replaced" in r.json()["detail"]
    assert cli(settings, "client", "rotate", "nobody", code=1)
