"""Bad input on the console's newer forms, as a black-box probe typed it (issues 14, 15,
17; R3.2, R10.2, R8.1, R2.11), on SQLite and PostgreSQL: a pasted 100,000 characters came
back on the dead-end error page with the form lost (each area's own form cap answered
before the service); Chinese pages named fields 「legal_name」「document_sha256」
「text_en」; an agreement's filing reference was called 「系统的确认」; the sharing pages
showed their error summary twice (the layout's and their own, one id twice). Now the
refusal comes back on the form with the field marked, in the reader's words, once, and
nothing is written; so does a control character (web/console/replay.py)."""

from __future__ import annotations

import re

import pytest
from lxml import html as lhtml

from piiguard.bootstrap import Container
from piiguard.services.policy import versions as pv
from piiguard.services.sharing import register as reg
from piiguard.web.console.messages import LABELS
from tests.e2e.conftest import TestClient
from tests.e2e.console_client import Console, People
from tests.e2e.test_console_oversight import console, marked
from tests.e2e.test_console_sharing import AGREEMENT, RECIPIENT

H = "/console/sharing"
LONG = "x" * 100_000
FORM_PAGES = (
    H,
    f"{H}/recipients/acme-de",
    f"{H}/abroad/exemptions",
    f"{H}/legal",
    f"{H}/transfers",
    "/console/policy/drafts/new",
    "/console/retention",
    "/console/retention/holds",
    "/console/confirmations",
    "/console/assessments/new",
    "/console/accountability",
    "/console/evidence",
)
DRAFT = {
    "effective_on": "2099-01-01",
    "summary_zh": "修订",
    "summary_en": "Revised",
    "text_zh": "1. 第一节\n内容",
    "text_en": "1. Section\nText",
}


@pytest.fixture
def zh_officer(container: Container, api: TestClient, people: People) -> Console:
    return console(container, api, people.officer, "zh-CN")


def summaries(html: str) -> int:
    return html.count('id="error-summary"')


@pytest.mark.req("R10.2")
def test_every_field_of_the_newer_forms_has_a_chinese_label(
    container: Container, api: TestClient, zh_officer: Console
) -> None:
    """What the error summary calls a field on a Chinese page: its label, never its
    name (a field without a label is shown by its name)."""
    assert zh_officer.post(f"{H}/recipients", RECIPIENT).status_code == 303
    unlabelled: dict[str, str] = {}
    for url in FORM_PAGES:
        doc = lhtml.fromstring(zh_officer.page(url))
        for form in doc.xpath("//form[@method='post']"):
            if form.get("action") in ("/console/logout", "/console/unlock"):
                continue
            for el in form.xpath(".//input|.//textarea|.//select"):
                name = el.get("name")
                if not name or el.get("type") in ("hidden", "submit") or name in LABELS:
                    continue
                if not name.startswith("q_"):  # an assessment's answers: by question number
                    unlabelled[name] = url
    assert unlabelled == {}


@pytest.mark.req("R3.2")
@pytest.mark.req("R10.2")
def test_a_recipient_too_long_comes_back_on_its_form_with_the_field_marked(
    container: Container, api: TestClient, zh_officer: Console
) -> None:
    for field, value, label in (
        ("legal_name", LONG, "法定名称"),
        ("law", LONG, "适用法律"),
        ("contact", LONG, "联系方式"),
        ("systems", LONG, "系统"),
        ("country", "Germany", "国家/地区"),
    ):
        r = zh_officer.post(f"{H}/recipients", {**RECIPIENT, field: value})
        assert r.status_code == 422 and marked(r.text, field), (field, r.text[:300])
        assert f"「{label}」" in r.text and f"「{field}」" not in r.text
        assert summaries(r.text) == 1 and 'id="recipient-form"' in r.text
    assert reg.list_recipients(container.uow(readonly=True)) == []  # nothing half-written


@pytest.mark.req("R3.6")
@pytest.mark.req("R10.2")
def test_an_agreement_refused_names_its_field_in_chinese_and_writes_nothing(
    container: Container, api: TestClient, zh_officer: Console
) -> None:
    assert zh_officer.post(f"{H}/recipients", RECIPIENT).status_code == 303
    url = f"{H}/recipients/acme-de/agreements"
    for over, field, label in (
        ({"title": LONG}, "title", "标题"),
        ({"parties": LONG}, "parties", "签约方"),
        ({"document_sha256": "xyz"}, "document_sha256", "文件的 SHA-256"),
        ({"document_location": ""}, "document_location", "文件存放位置"),
        ({"agreement_kind": "standard_contract"}, "reference", "备案号"),
    ):
        r = zh_officer.post(url, {**AGREEMENT, **over})
        assert r.status_code == 422 and marked(r.text, field), (over, r.text[:300])
        assert label in r.text and f"「{field}」" not in r.text and "系统的确认" not in r.text
        assert summaries(r.text) == 1
    assert reg.list_agreements(container.uow(readonly=True)) == []


@pytest.mark.req("R8.1")
@pytest.mark.req("R2.11")
def test_long_text_on_the_policy_and_retention_forms_marks_the_field(
    container: Container, api: TestClient, zh_officer: Console
) -> None:
    r = zh_officer.post("/console/policy/drafts", {**DRAFT, "summary_en": LONG})
    assert r.status_code == 422 and "无法完成" not in r.text, r.text[:300]
    assert re.search(r'aria-invalid="true"', r.text) and "「英文修订摘要」" in r.text
    r = zh_officer.post("/console/policy/drafts", {**DRAFT, "text_en": ""})
    assert r.status_code == 422 and "「英文全文」" in r.text and "「text_en」" not in r.text
    assert pv.list_drafts(container.uow(readonly=True)) == []
    r = zh_officer.post(
        "/console/retention/holds",
        {"reason": LONG, "case_reference": "C-1", "until": "2099-01-01", "categories": "user"},
    )
    assert r.status_code == 422 and "无法完成" not in r.text, r.text[:300]
    assert re.search(
        r'name="reason"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="reason"', r.text
    )


@pytest.mark.req("R10.2")
def test_a_control_character_comes_back_on_the_form_with_the_field_marked(
    container: Container, api: TestClient, zh_officer: Console
) -> None:
    r = zh_officer.http.post(
        f"{H}/recipients",
        data={"csrf_token": zh_officer.csrf, **RECIPIENT, "legal_name": "Acme\x00GmbH"},
        headers={"Referer": f"https://testserver{H}"},
    )
    assert r.status_code == 422 and marked(r.text, "legal_name")  # the form again
    assert "「法定名称」含有控制字符" in r.text and 'value="AcmeGmbH"' in r.text
    assert reg.list_recipients(container.uow(readonly=True)) == []
    r = zh_officer.http.post(  # a Referer from elsewhere is not linked
        f"{H}/recipients",
        data={"csrf_token": zh_officer.csrf, **RECIPIENT, "legal_name": "Acme\x00GmbH"},
        headers={"Referer": "https://evil.example/console/x"},
    )
    assert r.status_code == 422 and "evil.example" not in r.text and "/console/x" not in r.text


@pytest.mark.req("R3.2")
def test_the_api_refuses_a_recipient_system_name_too_long(
    container: Container, api: TestClient, people: People
) -> None:
    headers = people.officer.caller.headers
    body = {**RECIPIENT, "systems": ["x" * 100_000]}
    del body["key"]
    r = api.put("/api/v1/recipients/acme-de", json=body, headers=headers)
    assert r.status_code == 422 and r.json()["field"] == "systems", r.text[:300]
    assert reg.list_recipients(container.uow(readonly=True)) == []
