"""Impact assessments and the duties by headcount through the API, the console (zh-CN and
en) and the CLI, on both databases (R10.4, R10.2): two privacy officers take an assessment
from draft to approval over the API (the author refused as approver, problem+json naming the
field), the decision point refuses the share until then; auditors read and change nothing;
the console's form marks the field at fault, and the review and approval are done on the
pages; the CLI drafts, submits and approves across officers; the duties page and
`piiguard duties` show the people held and the next audit, and record one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from tests.assessed import ANSWERS
from tests.builders import contact, register
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import console, flashed, marked
from tests.e2e.test_purpose_limitation_api import assert_problem, decide

pytestmark = pytest.mark.req("R10.4")
A = "/api/v1/assessments"
DRAFT = {
    "title": "Refunds to bank accounts",
    "cases": ["sensitive"],
    "purposes": ["order_fulfilment"],
    "categories": ["user.financial"],
    "answers": ANSWERS,
    "impact": "high",
    "likelihood": "medium",
}


def ok(r: Any, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    return body


def test_the_workflow_over_the_api(
    container: Container, api: TestClient, people: People, system: Caller
) -> None:
    author, second, auditor = people.officer.caller, people.second.caller, people.auditor.caller
    sid = register(container, *contact()).subject.id
    template = ok(api.get(A + "/template", headers=auditor.headers))
    assert [q["key"] for q in template["questions"]][:2] == ["purpose", "means"]
    assert all(q["zh"] and q["en"] and q["basis"] for q in template["questions"])
    # bad input: problem+json naming the field, nothing written
    assert_problem(
        api.post(A, json={**DRAFT, "purposes": ["nope"]}, headers=author.headers),
        422,
        "invalid-input",
        "purposes",
    )
    assert_problem(
        api.post(A, json={**DRAFT, "cases": ["provide"]}, headers=author.headers),
        422,
        "invalid-input",
        "recipients",
    )
    assert api.post(A, json=DRAFT, headers=auditor.headers).status_code == 403
    assert api.get(A, headers=system.headers).status_code == 403
    assert ok(api.get(A, headers=auditor.headers)) == []

    a = ok(api.post(A, json=DRAFT, headers=author.headers), 201)
    assert (a["status"], a["risk"], a["answers"]["purpose"]) == (
        "draft",
        "high",
        ANSWERS["purpose"],
    )
    one = f"{A}/{a['id']}"
    ok(api.post(one + "/submit", headers=author.headers))
    assert_problem(
        api.post(one + "/review", json={"opinion": "mine"}, headers=author.headers),
        403,
        "forbidden",
        "assessment_id",
    )
    ok(api.post(one + "/review", json={"opinion": "proportionate"}, headers=second.headers))
    assert_problem(
        api.post(one + "/approve", headers=author.headers),  # no body: 403, not 422 (probe)
        403,
        "forbidden",
        "assessment_id",
    )
    assert_problem(
        api.post(one + "/approve", json={"review_by": "2000-01-01"}, headers=second.headers),
        422,
        "invalid-input",
        "review_by",
    )
    done = ok(api.post(one + "/approve", headers=second.headers))  # the body is optional
    assert (done["status"], done["approver"], done["review_due"]) == ("approved", second.ref, False)
    listed = ok(api.get(A, headers=auditor.headers, params={"status": "approved"}))
    assert [x["id"] for x in listed] == [a["id"]] and listed[0]["answers"] is None
    assert_problem(
        api.get(A, headers=auditor.headers, params={"status": "nope"}),
        422,
        "invalid-input",
        "status",
    )
    full = ok(api.get(one, headers=auditor.headers))
    assert full["review_note"] == "proportionate" and full["keep_until"] > "2028"
    assert (
        api.post(one + "/withdraw", json={"reason": "x"}, headers=auditor.headers).status_code
        == 403
    )
    assert_problem(api.delete(one, headers=author.headers), 409, "conflict", "status")
    # the cases an officer adds per purpose
    assert_problem(
        api.put(A + "/cases/after_sales/sensitive", headers=author.headers),
        422,
        "invalid-input",
        "case",
    )
    added = ok(api.put(A + "/cases/after_sales/automated_decision", headers=author.headers))
    assert added["purpose"] == "after_sales" and added["case"] == "automated_decision"
    refused = decide(api, system, sid, "after_sales")
    assert "impact_assessment_missing" in [r["code"] for r in refused["reasons"]]
    assert (
        api.delete(A + "/cases/after_sales/automated_decision", headers=author.headers).status_code
        == 204
    )
    assert ok(api.get(A + "/cases", headers=auditor.headers)) == []
    after = decide(api, system, sid, "after_sales")
    assert "impact_assessment_missing" not in [r["code"] for r in after["reasons"]]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_console_pages(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    c = container
    author = console(c, api, people.officer, lang)
    second = console(c, api, people.second, lang)
    auditor = console(c, api, people.auditor, lang)
    html = author.page("/console/assessments")
    assert ("影响评估" if lang == "zh-CN" else "Impact assessments") in html
    assert 'id="no-assessments"' in html and 'href="/console/assessments/new"' in html
    form = author.page("/console/assessments/new")
    assert 'name="q_rights_impact"' in form and "GB/T 39335" in form
    base = {
        "title": "Recommendations by profile",
        "cases": "automated_decision",
        "purposes": "consultation_recommendation",
        "categories": "user.behavior\nuser.contact",
        "impact": "medium",
        "likelihood": "low",
        **{f"q_{k}": v for k, v in ANSWERS.items()},
    }
    bad = author.post("/console/assessments", {**base, "categories": "user.nope"})
    assert bad.status_code == 422 and marked(bad.text, "categories")
    # an answer past the service's 8,000: the form marks it, not a dead-end page (probe)
    long = author.post("/console/assessments", {**base, "q_means": "m" * 8001})
    assert long.status_code == 422 and marked(long.text, "q_means"), long.text[:600]
    assert "user.nope" not in bad.text.split("<title>")[1].split("</title>")[0]
    r = author.post("/console/assessments", base)
    page = flashed(author, r, "/console/assessments/")
    aid = r.headers["location"].split("?")[0].rsplit("/", 1)[1]
    assert 'id="submit-form"' in page and 'data-status="draft"' in page
    page = flashed(author, author.post(f"/console/assessments/{aid}/submit", {}), "/console/")
    assert 'id="own-assessment"' in page and 'id="review-form"' not in page
    # the second officer reviews and approves on the page; an empty opinion is marked
    page = second.page(f"/console/assessments/{aid}")
    assert 'id="review-form"' in page
    empty = second.post(f"/console/assessments/{aid}/review", {"opinion": " "})
    assert empty.status_code == 422 and marked(empty.text, "opinion")
    flashed(
        second, second.post(f"/console/assessments/{aid}/review", {"opinion": "ok"}), "/console/"
    )
    page = flashed(
        second,
        second.post(f"/console/assessments/{aid}/approve", {"note": "", "review_by": ""}),
        "/console/",
    )
    assert 'data-status="approved"' in page and 'id="withdraw-form"' in page
    assert ANSWERS["measures"] in page
    # the auditor reads, without a form
    seen = auditor.page(f"/console/assessments/{aid}")
    assert 'id="read-only"' in seen
    assert not [f for f in ("withdraw-form", "approve-form", "review-form") if f in seen]
    assert auditor.post(f"/console/assessments/{aid}/withdraw", {"reason": "x"}).status_code == 403
    # a designated case, added and removed on the register's page
    flashed(
        author,
        author.post("/console/assessments/cases", {"purpose": "after_sales", "case": "other"}),
        "/console/assessments",
    )
    html = author.page("/console/assessments")
    assert 'data-purpose="after_sales" data-case="other"' in html
    wrong = author.post(
        "/console/assessments/cases", {"purpose": "after_sales", "case": "sensitive"}
    )
    assert wrong.status_code == 422 and marked(wrong.text, "case")


@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_duties_page(container: Container, api: TestClient, people: People, lang: str) -> None:
    c = container
    register(c, *contact())
    officer = console(c, api, people.officer, lang)
    html = officer.page("/console/accountability")
    assert 'data-people="1"' in html and 'data-audit-mandatory="0"' in html
    assert ("第四条" if lang == "zh-CN" else "Art. 4") in html and 'id="no-audits"' in html
    bad = officer.post(
        "/console/accountability/audits",
        {"audited_on": "2026-13-01", "auditor": "IA", "scope": "all", "findings": "2"},
    )
    assert bad.status_code == 422 and marked(bad.text, "audited_on")
    long = officer.post(
        "/console/accountability/audits",
        {"audited_on": "2026-01-15", "auditor": "a" * 5000, "scope": "all", "findings": "2"},
    )
    assert long.status_code == 422 and marked(long.text, "auditor"), long.text[:600]
    # the summary names the field in the page's words, not its form name (probe)
    assert ("「审计报告日期」" if lang == "zh-CN" else "date") in bad.text
    assert "「audited_on」" not in bad.text
    r = officer.post(
        "/console/accountability/audits",
        {"audited_on": "2026-01-15", "auditor": "Internal audit", "scope": "all", "findings": "2"},
    )
    html = flashed(officer, r, "/console/accountability")
    assert "2026-01-15" in html and "2028-01-15" in html
    duties = ok(api.get("/api/v1/accountability/duties", headers=people.auditor.caller.headers))
    assert duties["people"] == 1 and duties["next_audit_due"] == "2028-01-15"
    assert duties["privacy_officers"] >= 2 and not duties["officer_required"]
    assert_problem(
        api.post(
            "/api/v1/accountability/audits",
            json={"audited_on": "2026-01-15", "auditor": " ", "scope": "x", "findings": 0},
            headers=people.officer.caller.headers,
        ),
        422,
        "invalid-input",
        "auditor",
    )


def test_the_cli(
    settings: Settings, container: Container, api: TestClient, people: People, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), "utf-8")
    r = piiguard(
        settings, "assessment", "draft", "--title", "Health data for after-sales",
        "--case", "sensitive", "--purpose", "after_sales", "--category", "user.health_and_medical",
        "--answers", str(answers), "--impact", "severe", "--likelihood", "low",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    aid = r.stdout.strip()
    assert piiguard(settings, "assessment", "submit", aid).returncode == 0
    second = people.second.caller
    ok(api.post(f"{A}/{aid}/review", json={"opinion": "ok"}, headers=second.headers))
    own = piiguard(settings, "assessment", "approve", aid)  # the operator drafted it
    assert own.returncode == 1 and "forbidden (assessment_id)" in own.stderr
    shown = piiguard(settings, "assessment", "show", aid)
    assert "reviewed" in shown.stdout and ANSWERS["purpose"] not in shown.stdout
    shown = piiguard(settings, "assessment", "show", aid, "--answers-to", str(answers) + ".out")
    assert shown.returncode == 0 and ANSWERS["purpose"] not in shown.stdout + shown.stderr
    assert ANSWERS["purpose"] in Path(str(answers) + ".out").read_text(encoding="utf-8")
    ok(api.post(f"{A}/{aid}/approve", json={}, headers=second.headers))
    listed = piiguard(settings, "assessment", "list", "--status", "approved")
    assert aid in listed.stdout and "high" in listed.stdout
    assert "rights_impact" in piiguard(settings, "assessment", "template").stdout
    assert piiguard(settings, "assessment", "designate", "after_sales", "other").returncode == 0
    assert "after_sales" in piiguard(settings, "assessment", "cases").stdout
    bad = piiguard(settings, "assessment", "designate", "after_sales", "entrust")
    assert bad.returncode == 1 and "(case)" in bad.stderr
    # the duties
    shown = piiguard(settings, "duties", "show")
    assert "people held: 0" in shown.stdout and "none recorded" in shown.stdout
    rec = piiguard(
        settings, "duties", "record-audit", "--audited-on", "2026-01-15", "--auditor", "KPMG",
        "--scope", "all processing", "--findings", "3", "--external",
    )  # fmt: skip
    assert rec.returncode == 0, rec.stderr
    assert "next audit due: 2028-01-15" in piiguard(settings, "duties", "show").stdout
