"""Incidents and vulnerabilities through the API (R5.8, R5.9): a detection system reports,
officers handle, auditors read; bad input is problem+json naming the field and writes
nothing; the clocks in the answer; who is affected computed from what a compromised key
read through the API; the report's submission; the mailing through the loopback SMTP server;
closing and accepting a risk by a second officer after re-authentication; pip-audit and
SARIF reports posted by a CI pipeline's key."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from tests.e2e.conftest import Caller, reauth
from tests.e2e.test_purpose_limitation_api import (
    assert_problem,
    audit_actions,
    item,
    staff,
    subject,
)
from tests.mailserver import SmtpSink, body_text

pytestmark = [pytest.mark.req("R5.8")]
A = "/api/v1/incidents"


@pytest.fixture
def officer2(container: Container, api: TestClient) -> Caller:
    return staff(container, api, "officer2@example.com", {"privacy_officer"})


def body(c: Container, **kw: Any) -> dict[str, Any]:
    return {
        "title": "API key of the CRM leaked in a public repository",
        "description": "The key was pushed to a public repository and used from abroad.",
        "kind": "confidentiality",
        "severity": "relatively_major",
        "jurisdictions": ["CN"],
        "detected_at": c.clock.now().isoformat(),
        "categories": ["user.contact.email"],
        **kw,
    }


def test_report_handle_and_read(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, system: Caller
) -> None:
    c = container
    r = api.post(A, json=body(c), headers=system.headers)  # a detection tool reports
    assert r.status_code == 201, r.text
    got = r.json()
    assert got["reported_by"] == f"system:{system.id}" and got["severity_zh"] == "较大"
    assert {k["obligation"] for k in got["clocks"]} == {"cac", "pipl_57_authority"}
    cac = next(k for k in got["clocks"] if k["obligation"] == "cac")
    assert cac["status"] == "running" and not cac["overdue"]
    iid = got["id"]
    # auditors read, never change; systems may report but not read
    assert api.get(f"{A}/{iid}", headers=auditor.headers).status_code == 200
    assert_problem(
        api.patch(f"{A}/{iid}", json={"severity": "major"}, headers=auditor.headers),
        403,
        "forbidden",
    )
    assert_problem(api.get(A, headers=system.headers), 403, "forbidden")
    up = api.patch(f"{A}/{iid}", json={"cii": True}, headers=officer.headers)
    assert up.status_code == 200, up.text
    states = {k["obligation"]: k["status"] for k in up.json()["clocks"]}
    assert states["cac_cii"] == "running" and states["cac"] == "not_applicable"
    cii = next(k for k in up.json()["clocks"] if k["obligation"] == "cac_cii")
    span = datetime.fromisoformat(cii["due_at"]) - datetime.fromisoformat(cii["started_at"])
    assert span == timedelta(hours=1)
    draft = api.get(f"{A}/{iid}/clocks/cac_cii/draft", headers=officer.headers).json()
    assert "site_preservation" in draft and draft["kind"] == "confidentiality"
    sub = api.post(
        f"{A}/{iid}/clocks/cac_cii/submit",
        json={
            "submitted_to": "公安机关网安部门",
            "reference": "GA-7",
            "fields": {"trend": "stable"},
        },
        headers=officer.headers,
    )
    assert sub.status_code == 200, sub.text
    assert not sub.json()["late"] and sub.json()["report"]["trend"] == "stable"
    actions = [a for a, _, _ in audit_actions(c, target_type="incident", target_id=iid)]
    assert actions[:2] == ["incident.report", "incident.clock.start"]
    assert "incident.report.submit" in actions


def test_bad_input_names_the_field_and_writes_nothing(
    container: Container, api: TestClient, officer: Caller
) -> None:
    c = container
    cases = [
        (body(c, jurisdictions=["US"]), "jurisdictions"),
        (body(c, categories=["user.nope"]), "categories"),
        (body(c, systems=["nowhere"]), "systems"),
        (body(c, title="  "), "title"),
        (body(c, detected_at=(c.clock.now() + timedelta(days=1)).isoformat()), "detected_at"),
        (body(c, severity="catastrophic"), "severity"),
        (body(c, affected_estimate=-3), "affected_estimate"),
    ]
    for payload, field in cases:
        r = api.post(A, json=payload, headers=officer.headers)
        assert r.status_code in (404, 422), r.text
        assert r.json()["field"] == field, (field, r.json())
    assert api.get(A, headers=officer.headers).json() == []
    assert audit_actions(c, target_type="incident") == []


def test_affected_from_the_keys_reads_then_the_mailing(
    container: Container,
    api: TestClient,
    officer: Caller,
    officer2: Caller,
    system: Caller,
    mailbox: SmtpSink,
) -> None:
    c = container
    people = [subject(api, system, item(value=f"p{n}@example.cn")) for n in range(3)]
    start = c.clock.now() - timedelta(seconds=1)
    for sid in people[:2]:
        r = api.get(
            f"/api/v1/subjects/{sid}/data",
            headers=system.headers,
            params={"purpose": "after_sales"},
        )
        assert r.status_code == 200, r.text
    end = c.clock.now() + timedelta(seconds=1)
    iid = api.post(A, json=body(c, high_risk=True), headers=officer.headers).json()["id"]
    r = api.post(
        f"{A}/{iid}/affected/trail",
        json={"actor": f"system:{system.id}", "start": start.isoformat(), "end": end.isoformat()},
        headers=officer.headers,
    )
    assert r.status_code == 200, r.text
    assert r.json()["revealed"] == 2
    bad = api.post(
        f"{A}/{iid}/affected/trail",
        json={"actor": system.id, "start": start.isoformat(), "end": end.isoformat()},
        headers=officer.headers,
    )
    assert_problem(bad, 422, "invalid-input", "actor")
    words = {
        "what_happened": "钥匙泄露。",
        "measures_taken": "已吊销。",
        "what_you_can_do": "留意诈骗。",
        "contact": "privacy@example.com",
    }
    en = {
        "what_happened": "A key leaked.",
        "measures_taken": "Revoked.",
        "what_you_can_do": "Beware of scams.",
        "contact": "privacy@example.com",
    }
    assert (
        api.put(
            f"{A}/{iid}/mailing", json={"zh": words, "en": en}, headers=officer.headers
        ).status_code
        == 204
    )
    reauth(api, officer)
    assert api.post(f"{A}/{iid}/mailing/start", headers=officer.headers).status_code == 204
    from piiguard.services.incidents.notify import mail_pass  # noqa: PLC0415

    assert mail_pass(c.security_uow(), c.requests, c.security).sent == 2
    got = {str(m["To"]) for m in mailbox.messages}
    assert got == {"p0@example.cn", "p1@example.cn"}
    assert "钥匙泄露" in body_text(mailbox.messages[0])
    detail = api.get(f"{A}/{iid}", headers=officer.headers).json()
    assert detail["recipients"] == {"sent": 2} and detail["affected_computed"] == 2


def test_closing_by_a_second_officer_after_reauthentication(
    container: Container, api: TestClient, officer: Caller, officer2: Caller
) -> None:
    c = container
    iid = api.post(A, json=body(c), headers=officer.headers).json()["id"]
    for stage in ("containment", "recovery"):
        r = api.post(
            f"{A}/{iid}/timeline",
            json={"stage": stage, "at": c.clock.now().isoformat(), "note": f"{stage} done"},
            headers=officer.headers,
        )
        assert r.status_code == 201, r.text
    r = api.post(
        f"{A}/{iid}/review",
        json={"root_cause": "key in git", "lessons": "secret scanning"},
        headers=officer.headers,
    )
    assert r.json()["status"] == "review"
    reauth(api, officer)
    assert_problem(
        api.post(f"{A}/{iid}/close", json={"approve": True}, headers=officer.headers),
        403,
        "forbidden",
    )
    reauth(api, officer2)
    done = api.post(f"{A}/{iid}/close", json={"approve": True}, headers=officer2.headers)
    assert done.status_code == 200 and done.json()["status"] == "closed", done.text


@pytest.mark.req("R5.9")
def test_vulnerabilities_from_a_ci_pipeline_and_an_accepted_risk(
    container: Container,
    api: TestClient,
    officer: Caller,
    officer2: Caller,
    system: Caller,
    auditor: Caller,
) -> None:
    sys_body = {"name": "Website", "owner": "it", "kind": "web", "region": "CN"}
    r = api.put("/api/v1/systems/website", json=sys_body, headers=officer.headers)
    assert r.status_code in (200, 201), r.text
    report = {
        "dependencies": [
            {
                "name": "jinja2",
                "version": "3.1.2",
                "vulns": [
                    {
                        "id": "GHSA-h5c8-rqwp-cp95",
                        "fix_versions": ["3.1.3"],
                        "aliases": ["CVE-2024-22195"],
                    }
                ],
            }
        ]
    }
    payload = {"format": "pip-audit", "system": "website", "owner": "web team", "report": report}
    first = api.post("/api/v1/vulnerabilities/import", json=payload, headers=system.headers)
    assert first.status_code == 200, first.text
    assert first.json()["new"] == 1
    assert (
        api.post("/api/v1/vulnerabilities/import", json=payload, headers=system.headers).json()[
            "seen_again"
        ]
        == 1
    )
    assert_problem(
        api.post(
            "/api/v1/vulnerabilities/import",
            json={**payload, "format": "csv"},
            headers=system.headers,
        ),
        422,
        "invalid-input",
        "format",
    )
    [v] = api.get("/api/v1/vulnerabilities", headers=auditor.headers).json()
    assert v["severity"] == "high" and v["aliases"] == ["CVE-2024-22195"]
    vid = v["id"]
    r = api.post(
        f"/api/v1/vulnerabilities/{vid}/accept-risk",
        json={"reason": "template filter unused"},
        headers=officer.headers,
    )
    assert r.json()["status"] == "risk_proposed", r.text
    reauth(api, officer)
    assert_problem(
        api.post(f"/api/v1/vulnerabilities/{vid}/accept-risk/approve", headers=officer.headers),
        403,
        "forbidden",
    )
    reauth(api, officer2)
    ok = api.post(f"/api/v1/vulnerabilities/{vid}/accept-risk/approve", headers=officer2.headers)
    assert (
        ok.json()["status"] == "accepted_risk"
        and ok.json()["risk_approved_by"] == f"staff:{officer2.id}"
    )
