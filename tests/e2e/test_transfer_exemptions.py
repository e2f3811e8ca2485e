"""Recorded exemption cases for transfers abroad through the API, the CLI and the console on
both databases (R7.1): recorded by one officer (problem+json naming the field on bad input,
nothing written), approved by another (403 for the same officer or an auditor), listed by
auditors, withdrawn; the CLI records and cannot approve its own; the console lists the
cases (zh/en), records one, and the second officer approves it on the page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.services.sharing import exemption as uc
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller
from tests.e2e.console_client import People, member
from tests.e2e.test_console_oversight import console, flashed, marked
from tests.e2e.test_purpose_limitation_api import assert_problem
from tests.integration.test_sharing import PURPOSE, bound

pytestmark = [pytest.mark.req("R7.1")]
CASE = {
    "basis": "contract",
    "recipient": "acme-de",
    "purpose": PURPOSE,
    "scope": "Spare parts shipped to customers abroad: the address goes to the carrier",
    "valid_from": "2020-01-01T00:00:00Z",
}


def test_the_api_records_approves_lists_and_withdraws(
    container: Container, api: TestClient, officer: Caller, auditor: Caller
) -> None:
    bound(container)
    for bad, field in (
        ({**CASE, "basis": "convenience"}, "basis"),
        ({**CASE, "scope": "short"}, "scope"),
        ({**CASE, "purpose": "nope"}, "purpose"),
    ):
        r = api.post("/api/v1/transfer-exemptions", json=bad, headers=officer.headers)
        assert r.status_code == 422 and r.json()["field"] == field, r.text
    assert api.get("/api/v1/transfer-exemptions", headers=auditor.headers).json() == []
    made = api.post("/api/v1/transfer-exemptions", json=CASE, headers=officer.headers)
    assert made.status_code == 201 and made.json()["status"] == "proposed"
    assert made.json()["provision"] == "art. 5(1)" and made.json()["in_force"] is False
    eid = made.json()["id"]
    approve = f"/api/v1/transfer-exemptions/{eid}/approve"
    assert_problem(api.post(approve, headers=officer.headers), 403, "forbidden")
    assert api.post(approve, headers=auditor.headers).status_code == 403
    second = member(container, api, "chen.jing@example.com", {"privacy_officer"}, "Chen Jing")
    ok = api.post(approve, headers=second.headers)
    assert ok.status_code == 200 and ok.json()["in_force"] is True
    listed = api.get("/api/v1/transfer-exemptions?status=approved", headers=auditor.headers)
    assert [e["id"] for e in listed.json()] == [eid]
    gone = api.post(f"/api/v1/transfer-exemptions/{eid}/withdraw", headers=officer.headers)
    assert gone.json()["status"] == "withdrawn"
    assert_problem(
        api.post(f"/api/v1/transfer-exemptions/{eid}/withdraw", headers=officer.headers),
        409,
        "conflict",
        "exemption_id",
    )


def test_the_cli_records_and_cannot_approve_its_own(
    settings: Settings, container: Container
) -> None:
    bound(container)
    bad = piiguard(
        settings, "exemption", "add", "acme-de", PURPOSE, "--basis", "contract",
        "--scope", "short", "--valid-from", "2020-01-01",
    )  # fmt: skip
    assert bad.returncode == 1 and "(scope)" in bad.stderr
    made = piiguard(
        settings, "exemption", "add", "acme-de", PURPOSE, "--basis", "hr",
        "--scope", CASE["scope"], "--valid-from", "2020-01-01",
    )  # fmt: skip
    assert made.returncode == 0 and "art. 5(2)" in made.stderr
    eid = made.stdout.strip()
    own = piiguard(settings, "exemption", "approve", eid)
    assert own.returncode == 1 and "four eyes" in own.stderr
    listed = piiguard(settings, "exemption", "list")
    assert eid in listed.stdout and "proposed" in listed.stdout
    assert piiguard(settings, "exemption", "withdraw", eid).returncode == 0
    assert uc.get_exemption(container.uow(), eid).status.value == "withdrawn"


def test_the_console_records_and_the_second_officer_approves(
    container: Container, api: TestClient, people: People
) -> None:
    c = container
    bound(c)
    officer = console(c, api, people.officer, "en")
    page = officer.page("/console/sharing/abroad/exemptions")
    assert 'id="exemption-form"' in page and 'id="no-exemptions"' in page
    form = {**CASE, "valid_from": "2020-01-01"}
    bad = officer.post("/console/sharing/abroad/exemptions", {**form, "scope": ""})
    assert bad.status_code == 422 and marked(bad.text, "scope")
    assert uc.list_exemptions(c.uow()) == []
    flashed(
        officer,
        officer.post("/console/sharing/abroad/exemptions", form),
        "/console/sharing/abroad/exemptions",
    )
    [e] = uc.list_exemptions(c.uow())
    own = officer.post(f"/console/sharing/abroad/exemptions/{e.id}/approve", {})
    assert own.status_code == 403 and "four eyes" in own.text
    assert "Exemption cases waiting for a second officer: 1" in officer.page("/console")
    second = console(c, api, people.second, "zh")
    zh = second.page("/console/sharing/abroad/exemptions")
    assert "数据出境豁免情形" in zh and f'id="approve-button-{e.id}"' in zh
    html = flashed(
        second,
        second.post(f"/console/sharing/abroad/exemptions/{e.id}/approve", {}),
        "/console/sharing/abroad/exemptions",
    )
    assert f'data-id="{e.id}" data-status="approved" data-in-force="yes"' in html
    auditor = console(c, api, people.auditor, "en")
    assert f'id="withdraw-button-{e.id}"' not in auditor.page("/console/sharing/abroad/exemptions")
