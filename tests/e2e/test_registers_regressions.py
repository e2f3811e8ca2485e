"""Regressions found while testing purpose limitation end to end: company categories added
through the API hold data and are deprecated once in use; categories from the taxonomy file
are changed in the file; a system's approval is a privacy officer's step only."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from tests.e2e.conftest import Caller, TestClient, app_for
from tests.e2e.test_purpose_limitation_api import (
    assert_problem,
    first_officer,
    item,
    staff,
    subject,
    system_client,
)

WECHAT = "user.contact.wechat_id"


@pytest.mark.req("R2.1")
def test_a_category_added_through_the_api_takes_data_and_is_deprecated_in_use(
    api: TestClient, officer: Caller, system: Caller
) -> None:
    r = api.post(
        "/api/v1/taxonomy",
        headers=officer.headers,
        json={"key": WECHAT, "name": "WeChat ID", "name_zh": "微信号"},
    )
    assert r.status_code == 201, r.text
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={"kind": "customer_contact", "items": [item(WECHAT, "lilei_wx")]},
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    r = api.delete(f"/api/v1/taxonomy/{WECHAT}", headers=officer.headers)
    assert r.status_code == 200 and r.json()["outcome"] == "deprecated", r.text
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={"kind": "customer_contact", "items": [item(WECHAT, "x")]},
    )
    assert_problem(r, 422, "invalid-input", "items[0].category")
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert r.status_code == 200, r.text  # the old data stays usable


@pytest.mark.req("R2.1")
@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_category_from_the_taxonomy_file_is_changed_in_the_file(
    settings: Settings, tmp_path: Path
) -> None:
    yml = tmp_path / "company.yaml"
    yml.write_text(
        f"categories:\n  - {{key: {WECHAT}, name: WeChat ID, name_zh: 微信号}}\n", encoding="utf-8"
    )
    c = bootstrap(settings.model_copy(update={"taxonomy_file": yml}), migrate=False)
    try:
        with TestClient(app_for(c)) as api:
            officer, system = first_officer(c, api), system_client(c)
            subject(api, system, item(WECHAT, "lilei_wx"))
            r = api.delete(f"/api/v1/taxonomy/{WECHAT}", headers=officer.headers)
            body = assert_problem(r, 422, "invalid-input", "key")
            assert "PIIGUARD_TAXONOMY_FILE" in body["detail"]
    finally:
        c.close()


@pytest.mark.req("R5.6")
def test_only_the_approval_step_approves_and_describing_keeps_the_approval(
    container: Container, api: TestClient, officer: Caller
) -> None:
    admin = staff(container, api, "admin@example.com", {"admin"})
    desc = {"name": "CRM", "owner": "sales", "kind": "crm", "region": "CN"}
    r = api.put("/api/v1/systems/crm", headers=admin.headers, json={**desc, "status": "approved"})
    assert_problem(r, 422, "invalid-input", "status")
    r = api.put("/api/v1/systems/crm", headers=admin.headers, json=desc)
    assert r.status_code == 200 and r.json()["status"] == "pending", r.text
    r = api.post("/api/v1/systems/crm/approval", headers=admin.headers, json={"status": "approved"})
    assert r.status_code == 403
    r = api.post(
        "/api/v1/systems/crm/approval",
        headers=officer.headers,
        json={"status": "approved", "cloud_approved": True},
    )
    assert r.json()["status"] == "approved"
    r = api.put("/api/v1/systems/crm", headers=admin.headers, json={**desc, "owner": "after-sales"})
    assert (r.json()["status"], r.json()["cloud_approved"], r.json()["owner"]) == (
        "approved",
        True,
        "after-sales",
    )
