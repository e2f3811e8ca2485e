"""The legal-request register through the API, the CLI and the console on both databases
(R3.5, R2.5): problem+json naming the field and nothing half-written; the recorder cannot
approve (four eyes), a second officer does; the disclosure goes through the decision point
within the demand and the authority pulls it with its own key; the person told once the
law lets us (front page reminder), closed; the pages in Chinese and English, the error
summary with the field marked; the demand's words only for officers, never on the trail."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.ports import AuditQuery
from piiguard.services.sharing import legal
from piiguard.services.sharing import register as reg
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller, TestClient, reauth
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, console, flashed, marked
from tests.e2e.test_purpose_limitation_api import NAME, assert_problem, item, subject

pytestmark = [pytest.mark.req("R3.5")]
PHONE = "13812345678"
DEMAND = "Call records of 李雷, ID 110101199001011234"
AUTHORITY = {
    "kind": "authority",
    "legal_name": "佛山市公安局",
    "country": "CN",
    "law": "PRC Criminal Procedure Law",
    "contact": "legal@police.example",
}
H = "/console/sharing/legal"


def police(api: TestClient, officer: Caller) -> dict[str, str]:
    """The authority in the register with its profile; its own key's headers."""
    r = api.put("/api/v1/recipients/police-fs", json=AUTHORITY, headers=officer.headers)
    assert r.status_code == 200, r.text
    fields = {"user.contact.phone_number": "whole", "user.name": "whole"}
    r = api.put(
        "/api/v1/recipients/police-fs/profiles/legal_compliance",
        json={"fields": fields},
        headers=officer.headers,
    )
    assert r.status_code == 200, r.text
    reauth(api, officer)
    r = api.post("/api/v1/recipients/police-fs/key", headers=officer.headers)
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['api_key']}"}


def body(sid: str, **extra: Any) -> dict[str, Any]:
    return {
        "authority": "police-fs",
        "basis": "criminal_justice",
        "provision": "Criminal Procedure Law Art. 54",
        "case_reference": "FS-2026-017",
        "subject_ids": [sid],
        "categories": ["user.contact.phone_number"],
        "demand": DEMAND,
        "deadline": "2099-01-01T00:00:00Z",
        "may_tell": True,
        "tell_from": "2020-01-01T00:00:00Z",
        **extra,
    }


@pytest.mark.req("R2.5")
def test_recorded_approved_by_another_disclosed_within_the_demand_told_and_closed(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, people: People
) -> None:
    sid = subject(
        api, officer, item(), item("user.name", NAME), item("user.contact.phone_number", PHONE)
    )
    pull = police(api, officer)
    for bad, field in (
        (body(sid, authority="nobody"), "authority"),
        (body(sid, deadline="2020-01-01T00:00:00Z"), "deadline"),
        (body(sid, categories=["user.nope"]), "categories"),
        (body(sid, subject_ids=["no-such-subject"]), "subject_ids"),
        (body(sid, basis="whim"), "basis"),
        (body(sid, colour="red"), "colour"),
    ):
        r = api.post("/api/v1/legal-requests", json=bad, headers=officer.headers)
        assert r.status_code in (404, 422) and r.json()["field"] == field, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    assert api.get("/api/v1/legal-requests", headers=auditor.headers).json() == []
    made = api.post("/api/v1/legal-requests", json=body(sid), headers=officer.headers)
    assert made.status_code == 201, made.text
    rid = made.json()["id"]
    assert made.json()["status"] == "received" and DEMAND not in made.text
    one = f"/api/v1/legal-requests/{rid}"
    assert_problem(api.get(one + "/demand", headers=auditor.headers), 403, "forbidden")
    assert api.get(one + "/demand", headers=officer.headers).json() == {"demand": DEMAND}
    # the authority gets nothing yet; the recorder cannot approve
    disclose = api.post(one + "/disclose", json={}, headers=officer.headers)
    assert_problem(disclose, 409, "conflict", "request_id")
    review = api.post(one + "/review", json={"approve": True}, headers=officer.headers)
    assert_problem(review, 403, "forbidden")
    second = people.second.caller
    approved = api.post(one + "/review", json={"approve": True}, headers=second.headers)
    assert approved.status_code == 200 and approved.json()["reviewed_by"] == f"staff:{second.id}"
    out = api.post(one + "/disclose", json={"delivery": "pull"}, headers=officer.headers)
    assert out.status_code == 200, out.text
    [d] = out.json()["decisions"]
    assert d["allowed"] == ["user.contact.phone_number"]  # the demand, not the profile's name
    assert out.json()["request"]["status"] == "disclosed" and out.json()["request"]["to_tell"]
    share_id = out.json()["share"]["id"]
    package = api.get(f"/api/v1/recipient/shares/{share_id}", headers=pull).json()
    [items] = [s["items"] for s in package["subjects"]]
    assert items == [{"category": "user.contact.phone_number", "form": "whole", "value": PHONE}]
    log = api.get(f"/api/v1/disclosures?share_id={share_id}", headers=auditor.headers).json()
    assert [x["recipient"] for x in log] == ["police-fs"]
    told = api.post(one + "/told", headers=officer.headers)
    assert told.status_code == 200 and told.json()["told_by"] == f"staff:{officer.id}"
    assert_problem(api.post(one + "/told", headers=officer.headers), 409, "conflict", "told")
    closed = api.post(one + "/close", headers=auditor.headers)
    assert_problem(closed, 403, "forbidden")
    assert api.post(one + "/close", headers=officer.headers).json()["status"] == "closed"
    with container.uow(readonly=True) as uow:
        trail = json.dumps(
            [e.details for e in uow.audit_log.entries(AuditQuery(limit=1000))], ensure_ascii=False
        )
    assert "李雷" not in trail and "110101" not in trail and PHONE not in trail


@pytest.mark.req("R2.5")
def test_the_cli_records_reviews_with_four_eyes_discloses_and_closes(
    settings: Settings,
    container: Container,
    api: TestClient,
    officer: Caller,
    people: People,
    tmp_path: Path,
) -> None:
    sid = subject(api, officer, item("user.contact.phone_number", PHONE))
    police(api, officer)
    args = (
        "legal-request", "add", "police-fs", "--basis", "criminal_justice",
        "--provision", "Criminal Procedure Law Art. 54", "--case", "FS-2026-018",
        "--subject", sid, "--category", "user.contact.phone_number",
        "--deadline", "2099-01-01", "--demand", DEMAND,
    )  # fmt: skip
    bad = piiguard(settings, *args[:-2], "--demand", " ")
    assert bad.returncode == 1 and "(demand)" in bad.stderr
    # a demand file missing, or holding a NUL: a usage error naming the option, not a
    # traceback (probe), and nothing recorded
    nul = settings.var_dir / "demand-nul.txt"
    nul.write_text("all calls of\x00 the number", encoding="utf-8")
    for path in (settings.var_dir / "no-such-file.txt", nul):
        bad = piiguard(settings, *args[:-2], "--demand-file", str(path))
        assert bad.returncode == 2 and "--demand-file" in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr
    assert legal.list_legal_requests(container.uow(readonly=True)) == []
    made = piiguard(settings, *args)
    assert made.returncode == 0, made.stderr
    rid = made.stdout.strip()
    # recorded on the host: the operator may not also approve it
    mine = piiguard(settings, "legal-request", "review", rid, "--approve")
    assert mine.returncode == 1 and "another privacy officer" in mine.stderr
    legal.review_legal_request(
        container.uow(), container.requests, actor(container, people.second), rid, True, ""
    )
    listed = piiguard(settings, "legal-request", "list")
    assert rid in listed.stdout and "approved" in listed.stdout and "may not tell" in listed.stdout
    done = piiguard(settings, "legal-request", "disclose", rid)
    assert done.returncode == 0 and "share ready: 1 of 1" in done.stderr, done.stderr
    assert PHONE not in done.stdout + done.stderr
    read = piiguard(settings, "legal-request", "demand", rid, "--out", str(tmp_path / "d.txt"))
    assert read.returncode == 0 and DEMAND not in read.stdout + read.stderr
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == DEMAND
    assert (tmp_path / "d.txt").stat().st_mode & 0o077 == 0  # owner-only
    shown = piiguard(settings, "legal-request", "show", rid).stdout
    assert "status: disclosed" in shown and DEMAND not in shown
    nope = piiguard(settings, "legal-request", "told", rid)
    assert nope.returncode == 1 and "(told)" in nope.stderr
    assert piiguard(settings, "legal-request", "close", rid).returncode == 0
    assert "closed" in piiguard(settings, "legal-request", "show", rid).stdout
    assert "--basis" in piiguard(settings, "legal-request", "add", "--help").stdout


@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_pages_in_both_languages_and_the_forms(
    container: Container, api: TestClient, officer: Caller, people: People, lang: str
) -> None:
    c = container
    sid = subject(api, officer, item("user.contact.phone_number", PHONE))
    police(api, officer)
    me = console(c, api, people.officer, lang)
    second = console(c, api, people.second, lang)
    form = {
        "authority": "police-fs",
        "basis": "criminal_justice",
        "provision": "Criminal Procedure Law Art. 54",
        "case_reference": "FS-2026-019",
        "purpose": "legal_compliance",
        "subjects": sid,
        "categories": "user.contact.phone_number",
        "demand": DEMAND,
        "deadline": "2099-01-01",
        "may_tell": "1",
        "tell_from": (c.clock.now() - timedelta(days=1)).date().isoformat(),
    }
    for bad, field in (
        ({"deadline": "soon"}, "deadline"),
        ({"provision": " "}, "provision"),
        ({"subjects": "no-such-subject"}, "subjects"),
        # past the service's limits: the form marks the field, not an error page (probe)
        ({"demand": "d" * 20_001}, "demand"),
        ({"provision": "p" * 501}, "provision"),
    ):
        r = me.post(H, {**form, **bad})
        assert r.status_code in (404, 422) and marked(r.text, field), r.text[:600]
    assert legal.list_legal_requests(c.uow(readonly=True)) == []
    html = flashed(me, me.post(H, form), H + "/")
    assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
    # the case reference is the authority's free text: on the page, not in its title (probe)
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "FS-2026-019" not in title and "FS-2026-019" in html
    [r] = legal.list_legal_requests(c.uow(readonly=True))
    waiting = "审核的法律请求：1" if lang == "zh-CN" else "review by a second officer: 1"
    assert waiting in me.page("/console")
    assert 'id="review-form"' in html and DEMAND not in html
    assert DEMAND in me.page(f"{H}/{r.id}/demand")
    people.auditor.page(f"{H}/{r.id}/demand", 403)
    people.staff.page(H, 403)
    assert 'id="legal-form"' not in people.auditor.page(H)
    own = me.post(f"{H}/{r.id}/review", {"decision": "approve"})
    assert own.status_code == 403 and 'id="error-summary"' in own.text
    # it says four eyes in the page's language, not "your roles do not allow this" (probe)
    assert ("四眼原则" if lang == "zh-CN" else "four eyes") in own.text
    assert "无权" not in own.text and "roles do not allow" not in own.text
    flashed(second, second.post(f"{H}/{r.id}/review", {"decision": "approve"}), f"{H}/{r.id}")
    html = flashed(me, me.post(f"{H}/{r.id}/disclose", {"delivery": "pull"}), f"{H}/{r.id}")
    assert 'data-status="disclosed"' in html and 'id="told-form"' in html
    front = me.page("/console")
    assert ("法律已允许告知本人" if lang == "zh-CN" else "whose people we may now tell: 1") in front
    flashed(me, me.post(f"{H}/{r.id}/told", {}), f"{H}/{r.id}")
    assert "whose people we may now tell" not in me.page("/console")
    html = flashed(me, me.post(f"{H}/{r.id}/close", {}), f"{H}/{r.id}")
    assert 'data-status="closed"' in html
    listing = people.auditor.page(H)
    assert f'data-id="{r.id}"' in listing and "FS-2026-019" in listing
    assert reg.recipient_detail(c.uow(readonly=True), "police-fs")[0].key == "police-fs"
