"""Policy versions through the API, the console and the privacy centre, on SQLite and
PostgreSQL (R8.1, R2.4): a draft proposed by one officer and refused to them, published by
a second officer after signing in again; problem+json naming the field at fault with
nothing written; the new fields on /api/v1/policy and its versions; the diff; the notices
per person; every console page in Chinese and English for officers and auditors (auditors
read only); the privacy centre's policy pages and the renewal after the one-time code,
through the loopback SMTP server."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, policy_text
from piiguard.domain.consent import ConsentKind
from piiguard.domain.subjects import Channel
from piiguard.services.notices.job import NoticeTerms, run_notices
from piiguard.services.policy.consents import grant_consent
from piiguard.services.policy.versions import ensure_first_policy
from tests.e2e.conftest import Caller, TestClient, reauth
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import age_session, console, flashed, marked
from tests.e2e.test_purpose_limitation_api import assert_problem, staff
from tests.mailserver import SmtpSink, body_text

PURPOSE = "consultation_recommendation"
GENERAL = ConsentKind.GENERAL
ZH = "隐私政策\n一、引言\n我们尊重您的隐私。\n二、收集\n我们收集您的姓名和电话。\n"


@pytest.fixture(autouse=True)
def first_version(container: Container) -> None:
    ensure_first_policy(container.uow(), container.clock, OPERATOR, policy_text())


def body(c: Container, **changes: Any) -> dict[str, Any]:
    text = policy_text().replace("Provide after-sales service.", "Provide after-sales surveys.")
    return {
        "text_en": text,
        "text_zh": ZH,
        "effective_on": c.clock.now().date().isoformat(),
        "summary_en": "After-sales surveys.",
        "summary_zh": "售后调查。",
        "material": True,
        "changes": ["purposes"],
        "purposes": [PURPOSE],
        **changes,
    }


def n_drafts(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.policy_drafts)).scalar_one())


def person(api: TestClient, system: Caller, email: str, lang: str = "zh") -> str:
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {**item, "category": "user.contact.email", "value": email},
                {**item, "category": "user.demographic.language", "value": lang},
                {**item, "category": "user.name", "value": "李蕾"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


@pytest.mark.req("R8.1")
def test_a_version_is_proposed_published_by_a_second_officer_and_read_through_the_api(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, system: Caller
) -> None:
    c = container
    sid = person(api, system, "li.lei@example.cn")
    second = staff(c, api, "officer2@example.com", {"privacy_officer"})
    url = "/api/v1/policy/drafts"
    for bad, field in (
        (body(c, text_zh=" "), "text_zh"),
        (body(c, effective_on="2020-01-01"), "effective_on"),
        (body(c, changes=[]), "changes"),
        (body(c, purposes=["no_such_purpose"]), "purposes"),
        (body(c, material=False), "material"),
    ):
        assert_problem(
            api.post(url, json=bad, headers=officer.headers), 422, "invalid-input", field
        )
    assert_problem(
        api.post(url, json=body(c, colour="red"), headers=officer.headers), 422, "invalid-input"
    )
    assert n_drafts(c) == 0  # nothing half-written
    assert_problem(api.post(url, json=body(c), headers=auditor.headers), 403, "forbidden")
    r = api.post(url, json=body(c), headers=officer.headers)
    assert r.status_code == 201, r.text
    draft = r.json()
    assert (draft["status"], draft["notify"], draft["proposed_by"]) == (
        "proposed",
        True,
        officer.ref,
    )
    assert api.get(url, headers=auditor.headers).json()[0]["id"] == draft["id"]
    publish = f"{url}/{draft['id']}/publish"
    reauth(api, officer)
    own = assert_problem(api.post(publish, headers=officer.headers), 403, "forbidden", "draft_id")
    assert "four eyes" in own["detail"]
    reauth(api, second)
    done = api.post(publish, headers=second.headers)
    assert done.status_code == 200, done.text
    assert done.json()["notices"] == 1 and done.json()["version"]["version"] == "2"
    assert_problem(api.post(publish, headers=second.headers), 409, "conflict", "status")
    latest = api.get("/api/v1/policy").json()
    assert latest["version"] == "2" and latest["text_zh"] == ZH
    assert (latest["material"], latest["changes"], latest["renewal"]) == (
        True,
        ["purposes"],
        [PURPOSE],
    )
    versions = api.get("/api/v1/policy/versions").json()
    assert [v["version"] for v in versions] == ["1", "2"] and versions[1]["text"] is None
    diff = api.get("/api/v1/policy/versions/2/diff?lang=en").json()
    changed = [s for s in diff["sections"] if s["change"] == "changed"]
    assert [s["key"] for s in changed] == ["2"]
    assert ["+", "  • Provide after-sales surveys."] in changed[0]["lines"]
    assert api.get("/api/v1/policy/versions/2/diff?lang=zh").json()["previous_missing"]
    assert_problem(api.get("/api/v1/policy/versions/9"), 404, "not-found", "version")
    notices = api.get("/api/v1/policy/versions/2/notices", headers=auditor.headers).json()
    assert notices["counts"] == {"pending": 1} and notices["notices"][0]["subject_id"] == sid
    assert "li.lei" not in str(notices)
    release = "/api/v1/policy/versions/2/notices/release"
    assert_problem(
        api.post(release, json={"subject_ids": [sid]}, headers=officer.headers),
        422,
        "invalid-input",
        "subject_ids",
    )
    assert_problem(
        api.post(release, json={"subject_ids": [sid]}, headers=auditor.headers), 403, "forbidden"
    )
    r = api.post(
        f"{url}",
        json=body(c, material=False, changes=[], purposes=[]),
        headers=officer.headers,
    )
    rejected = api.post(
        f"{url}/{r.json()['id']}/reject", json={"reason": "wrong file"}, headers=officer.headers
    )
    assert rejected.json()["status"] == "rejected"


@pytest.mark.req("R8.1")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_console_pages_in_both_languages_four_eyes_and_errors_marked(
    container: Container, api: TestClient, system: Caller, people: People, lang: str
) -> None:
    c = container
    sid = person(api, system, "wang@example.cn")
    officer = console(c, api, people.officer, lang)
    second = console(c, api, people.second, lang)
    auditor = console(c, api, people.auditor, lang)
    html = officer.page("/console/policy")
    assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
    assert 'href="/console/policy/drafts/new"' in html
    assert 'id="read-only"' in auditor.page("/console/policy")
    people.staff.page("/console/policy", 403)
    form = officer.page("/console/policy/drafts/new")
    assert 'id="draft-form"' in form
    bad = officer.post("/console/policy/drafts", {**body(c), "text_zh": "", "changes": []})
    assert bad.status_code == 422
    assert marked(bad.text, "text_zh") or marked(bad.text, "changes")
    assert n_drafts(c) == 0
    assert officer.post("/console/policy/drafts", body(c), csrf=False).status_code == 403
    r = officer.post("/console/policy/drafts", body(c))
    html = flashed(officer, r, "/console/policy/drafts/")
    draft_url = r.headers["location"].split("?")[0]
    assert 'class="diff-section"' in html and 'id="publish-form"' in html
    assert 'data-change="changed"' in officer.page(draft_url + "?diff=en")
    assert 'id="own-draft"' in html
    own = officer.post(draft_url + "/publish", {})
    assert own.status_code == 403 and 'id="error-summary"' in own.text
    assert 'id="publish-form"' not in auditor.page(draft_url)
    assert auditor.post(draft_url + "/publish", {}).status_code == 403
    age_session(c, second, 60)  # an old sign-in: the form asks for the password
    asked = second.post(draft_url + "/publish", {})
    assert asked.status_code == 401 and marked(asked.text, "password")
    age_session(c, second, 0)
    r = second.post(draft_url + "/publish", {})
    html = flashed(second, r, "/console/policy/versions/2")
    assert 'id="renewal"' in html and PURPOSE in html
    zh = officer.page("/console/policy/versions/2?diff=zh")
    assert ("上一版仅有英文文本" in zh) or ("no Chinese text" in zh)
    notices = auditor.page("/console/policy/versions/2/notices")
    assert 'data-status="pending"' in notices and "wang@example.cn" not in notices
    assert 'id="release-form"' not in notices or 'id="release"' not in notices
    officer.page("/console/policy/versions/2/notices?status=nonsense", 422)
    one = officer.page(f"/console/policy/versions/2/notices?subject_id={sid}")
    assert one.count('data-subject="') == 1 and f'data-subject="{sid}"' in one
    none = officer.page("/console/policy/versions/2/notices?subject_id=someone-else")
    assert 'id="no-notices"' in none


@pytest.mark.req("R8.1")
@pytest.mark.req("R2.4")
def test_the_privacy_centre_shows_the_versions_and_renews_consent_after_the_code(
    container: Container,
    api: TestClient,
    officer: Caller,
    system: Caller,
    mailbox: SmtpSink,
) -> None:
    c = container
    sid = person(api, system, "mei@example.cn", lang="en")
    grant_consent(
        c.uow(), c.snapshots, c.clock, OPERATOR, sid, PURPOSE, GENERAL, Channel.WEB, "I agree"
    )
    second = staff(c, api, "officer2@example.com", {"privacy_officer"})
    draft = api.post("/api/v1/policy/drafts", json=body(c), headers=officer.headers).json()
    reauth(api, second)
    r = api.post(f"/api/v1/policy/drafts/{draft['id']}/publish", headers=second.headers)
    assert r.status_code == 200, r.text
    browser = TestClient(api.app, base_url="https://testserver", follow_redirects=False)
    for lang, words in (("zh-CN", "隐私政策"), ("en", "Privacy policy")):
        for url in ("/privacy/policy", "/privacy/policy/versions", "/privacy/policy/2"):
            page = browser.get(url, headers={"Accept-Language": lang})
            assert page.status_code == 200 and words in page.text, url
    en = browser.get("/privacy/policy/2", headers={"Accept-Language": "en"}).text
    assert "+ " in en and "Provide after-sales surveys." in en and "After-sales surveys." in en
    assert browser.get("/privacy/policy/1", headers={"Accept-Language": "zh-CN"}).status_code == 200
    assert browser.get("/privacy/policy/99").status_code == 404
    assert run_notices(c.uow(), c.requests, NoticeTerms()).sent == 1
    [notice] = mailbox.messages
    assert notice["To"] == "mei@example.cn"
    assert notice["Subject"].startswith("Our privacy policy has changed (version 2")
    link = re.search(r"https?://\S+/privacy/renew/(\S+)", body_text(notice))
    assert link is not None
    token = link.group(1)
    url = f"/privacy/renew/{token}"
    page = browser.get(url, headers={"Accept-Language": "en"})
    assert page.status_code == 200 and "mei@example.cn" not in page.text
    assert 'name="answer_' not in page.text  # nothing before the code
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    mailbox.messages.clear()
    sent = browser.post(url + "/code", data={"csrf_token": csrf})
    assert sent.status_code == 303
    code = re.search(r"\b\d{6}\b", body_text(mailbox.messages[0])).group(0)  # type: ignore[union-attr]
    wrong = browser.post(url + "/verify", data={"csrf_token": csrf, "code": "12345x"})
    assert wrong.status_code == 422 and 'aria-invalid="true"' in wrong.text
    ok = browser.post(url + "/verify", data={"csrf_token": csrf, "code": code})
    assert ok.status_code == 303
    page = browser.get(url, headers={"Accept-Language": "en"})
    assert f'name="answer_{PURPOSE}"' in page.text
    none = browser.post(url, data={"csrf_token": csrf})
    assert none.status_code == 422 and 'id="error-summary"' in none.text
    done = browser.post(url, data={"csrf_token": csrf, f"answer_{PURPOSE}": "renewed"})
    assert done.status_code == 303
    with c.uow(readonly=True) as uow:
        held = [x for x in uow.consents.of_subject(sid) if x.purpose == PURPOSE]
    assert sorted(x.policy_version for x in held) == ["1", "2"]
    assert browser.get("/privacy/renew/" + "x" * 43).status_code == 404
