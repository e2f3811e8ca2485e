"""NUL and other control characters at the edge (issue 11 B, R5.1), on SQLite and
PostgreSQL alike: a NUL answered 500 on PostgreSQL ("text fields cannot contain NUL") —
without signing in — in path parameters, query parameters, JSON bodies, forms and the
sign-in. Now every such value is refused before any route or the authorization check runs:
422 problem+json naming the field (an error page on the console and the privacy centre),
and nothing is written."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from httpx import Response
from sqlalchemy import func, select

from piiguard.adapters.db.tables import metadata
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import Container
from piiguard.web.authz import route_table
from piiguard.web.console.messages import label
from piiguard.web.session import SESSION_COOKIE
from tests.e2e.conftest import Caller, TestClient

PROBLEM = "application/problem+json"
NUL = "\x00"
PARAM = re.compile(r"\{(\w+)\}")


def shown(name: str) -> str:
    """A field name with control characters, as a refusal names it (never echoed raw)."""
    return re.sub("[\x00-\x1f\x7f-\x9f\ud800-\udfff]", "\ufffd", name)


def rows(c: Container) -> dict[str, int]:
    """Rows in every table of both databases: a refused request writes none."""
    with c.engine.connect() as conn:
        found = {
            tb.name: int(conn.execute(select(func.count()).select_from(tb)).scalar_one())
            for tb in metadata.sorted_tables
        }
    with c.keys_engine.connect() as conn:
        found["subject_keys"] = int(
            conn.execute(select(func.count()).select_from(subject_keys)).scalar_one()
        )
    return found


def refused(r: Response, field: str) -> None:
    """4xx naming `field`: problem+json from the API, an error page from the pages."""
    assert 400 <= r.status_code < 500, (
        r.request.method,
        r.request.url,
        r.status_code,
        r.text[:300],
    )
    if r.headers["content-type"].startswith(PROBLEM):
        body = r.json()
        assert body["type"] == "urn:piiguard:problem:invalid-input", body
        assert body["field"] == field, body
        assert body["errors"][0]["field"] == field, body
        said = body["detail"] + "".join(e["message"] for e in body["errors"])
        assert NUL not in said  # the value is never echoed, only its code point
    else:
        assert r.headers["content-type"].startswith("text/html"), r.headers
        # the page names the field: its name, or its label on a Chinese console page
        named = (field, f"「{label(field.rsplit('.', 1)[-1], 'zh-CN')}」")
        assert any(n in r.text for n in named), r.text[:800]


@pytest.fixture
def browser(api: TestClient, officer: Caller) -> Iterator[TestClient]:
    """The officer's console session as a browser holds it (cookie, English pages)."""
    token = officer.headers["Authorization"].removeprefix("Bearer ")
    with TestClient(
        api.app,
        base_url="https://testserver",
        follow_redirects=False,
        cookies={SESSION_COOKIE: token},
        headers={"Accept-Language": "en"},
    ) as client:
        yield client


@pytest.mark.req("R5.1")
def test_a_nul_in_any_path_parameter_of_any_route_is_refused_naming_it(
    container: Container, api: TestClient, officer: Caller, browser: TestClient
) -> None:
    before = rows(container)
    tried = 0
    for method, template, _route in route_table(api.app):
        for name in PARAM.findall(template):
            path = PARAM.sub(
                lambda m, name=name: quote("x" + NUL + ".json") if m.group(1) == name else "x",
                template,
            )
            client, headers = (
                (browser, {})
                if template.startswith(("/console", "/privacy"))
                else (api, officer.headers)
            )
            refused(client.request(method, path, headers=headers), name)
            tried += 1
    assert tried > 40  # every family: subjects, items, decisions, requests, registers ...
    # without signing in at all
    for path in (
        "/api/v1/subjects/%00",
        "/api/v1/subjects/%00/data?purpose=after_sales",
        "/api/v1/decisions/x%00.json",
        "/api/v1/requests/%00",
        "/console/requests/%00",
    ):
        refused(
            TestClient(api.app, follow_redirects=False).get(path),
            "subject_id"
            if "subjects" in path
            else "decision_id"
            if "decisions" in path
            else "request_id",
        )
    assert rows(container) == before


def queries(value: str) -> list[tuple[str, dict[str, str], str]]:
    return [
        ("/api/v1/subjects/x/data", {"purpose": "after" + value}, "purpose"),
        ("/api/v1/decisions", {"subject_id": value}, "subject_id"),
        ("/api/v1/audit", {"actor": "a" + value}, "actor"),
        ("/api/v1/requests", {"status": value}, "status"),
        ("/api/v1/purposes", {"x" + value: "1"}, shown("x" + value)),
    ]


@pytest.mark.req("R5.1")
def test_control_characters_in_query_parameters_are_refused_naming_them(
    container: Container, api: TestClient, officer: Caller
) -> None:
    before = rows(container)
    for value in (NUL, "\x1b[31m", "\x7f", "\u0085"):
        for path, params, field in queries(value):
            refused(api.get(path, params=params, headers=officer.headers), field)
    assert rows(container) == before


SUBJECT = "00000000-0000-4000-8000-000000000001"


def bodies(value: str) -> list[tuple[str, str, dict[str, Any], str]]:
    """(method, path, a body valid but for `value`, the field at fault) per family."""
    return [
        (
            "POST",
            "/api/v1/exceptions",
            {
                "kind": "authority_request",
                "authority": "公安局" + value,
                "case_reference": "C1",
                "legal_provision": "PIPL 13(3)",
                "subject_ids": [SUBJECT],
                "categories": ["user.contact.email"],
                "valid_from": "2030-01-01T00:00:00Z",
                "valid_until": "2030-02-01T00:00:00Z",
            },
            "authority",
        ),
        (
            "PUT",
            "/api/v1/systems/crm2",
            {
                "name": "CRM",
                "owner": "sales",
                "kind": "crm",
                "region": "CN",
                "locations": ["/srv/crm", "/srv/x" + value],
            },
            "locations[1]",
        ),
        (
            "PUT",
            "/api/v1/purposes/newsletter",
            {
                "en": "Newsletter" + value,
                "zh": "简报",
                "legal_basis": "consent",
                "categories": ["user.contact.email"],
                "retention_days": 30,
                "needs_consent": True,
                "roles": ["system"],
            },
            "en",
        ),
        (
            "PUT",
            "/api/v1/staff/departments/sales",
            {"name": "Sales" + value, "purposes": ["after_sales"]},
            "name",
        ),
        (
            "POST",
            "/api/v1/taxonomy",
            {"key": "user.contact.wechat_id", "name": "WeChat", "name_zh": "微信" + value},
            "name_zh",
        ),
        (
            "POST",
            "/api/v1/staff/invitations",
            {"email": "new" + value + "@example.cn", "department": "sales", "roles": ["staff"]},
            "email",
        ),
        (
            "POST",
            f"/api/v1/subjects/{SUBJECT}/guardians",
            {"guardian_id": SUBJECT + value},
            "guardian_id",
        ),
        (
            "POST",
            "/api/v1/subjects",
            {
                "kind": "customer_contact",
                "items": [
                    {
                        "category": "user.contact.email",
                        "value": "li" + value + "@example.cn",
                        "channel": "web",
                        "legal_basis": "contract",
                        "source_system": "crm",
                    }
                ],
            },
            "items[0].value",
        ),
        (
            "POST",
            "/api/v1/requests",
            {
                "kind": "access",
                "channel": "phone",
                "contact": "13812345678",
                "text": "hello" + value,
            },
            "text",
        ),
        (
            "POST",
            "/api/v1/decisions",
            {
                "subject_id": SUBJECT,
                "purpose": "after_sales",
                "categories": ["user.contact" + value],
            },
            "categories[0]",
        ),
        (
            "POST",
            "/api/v1/subjects/lookup",
            {"category": "user.contact.email", "value": value},
            "value",
        ),
        (
            "POST",
            "/api/v1/subjects",
            {"kind": "customer_contact", "items": [], "x" + value: 1},
            shown("x" + value),
        ),
    ]


@pytest.mark.req("R5.1")
def test_control_characters_in_json_bodies_are_refused_naming_the_field(
    container: Container, api: TestClient, officer: Caller
) -> None:
    before = rows(container)
    # NUL, a backspace, a lone surrogate (the UTF-8 encoder refuses it: a 500 on both)
    cases = [case for value in (NUL, "\x08", "\ud800") for case in bodies(value)]
    for method, path, body, field in cases:
        # sent as JSON escapes (\\u0000), as a client library does
        r = api.request(
            method,
            path,
            headers={**officer.headers, "Content-Type": "application/json"},
            content=_json(body),
        )
        refused(r, field)
    assert rows(container) == before


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=True).encode()


@pytest.mark.req("R5.1")
def test_lines_stay_allowed_in_text_fields(api: TestClient, officer: Caller) -> None:
    r = api.put(
        "/api/v1/purposes/newsletter",
        headers=officer.headers,
        json={
            "en": "Newsletter,\n\tmonthly\r\n",
            "zh": "简报",
            "legal_basis": "consent",
            "categories": ["user.contact.email"],
            "retention_days": 30,
            "needs_consent": True,
            "roles": ["system"],
        },
    )
    assert r.status_code == 200, r.text


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.6")
def test_sign_in_with_a_nul_in_the_email_is_refused_and_writes_nothing(
    container: Container, api: TestClient, officer: Caller
) -> None:
    before = rows(container)
    anonymous = TestClient(api.app, follow_redirects=False)
    r = anonymous.post(
        "/api/v1/staff/login",
        json={"email": "qz.nul.leak@example.cn" + NUL, "password": "whatever it is"},
    )
    refused(r, "email")
    r = anonymous.post(
        "/api/v1/staff/invitations/accept",
        json={"token": "t" * 20 + NUL, "display_name": "x", "password": "a long password 123"},
    )
    refused(r, "token")
    # the console's sign-in form: its error page, in HTML
    page = anonymous.get("https://testserver/console/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    r = anonymous.post(
        "https://testserver/console/login",
        data={"csrf_token": token.group(1), "email": "officer@example.com" + NUL, "password": "x"},
    )
    refused(r, "email")
    assert rows(container) == before


@pytest.mark.req("R5.1")
@pytest.mark.req("R9.1")
def test_console_and_privacy_centre_forms_answer_an_error_page(
    container: Container, api: TestClient, browser: TestClient
) -> None:
    before = rows(container)
    home = browser.get("/console")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', home.text)
    assert csrf, home.text[:300]
    r = browser.post(
        "/console/requests/new",
        data={
            "csrf_token": csrf.group(1),
            "kind": "access",
            "channel": "phone",
            "contact": "13812345678" + NUL,
            "reply_language": "zh",
            "received": "",
            "text": "x",
        },
    )
    refused(r, "contact")
    assert "<html" in r.text and "Content-Security-Policy" in r.headers
    # the privacy centre, anonymous, in each language
    web = TestClient(api.app, base_url="https://testserver", follow_redirects=False)
    if True:
        for lang, words in (("zh-CN", "控制字符"), ("en", "control character")):
            page = web.get("/privacy", headers={"Accept-Language": lang})
            token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
            assert token
            r = web.post(
                "/privacy/requests",
                headers={"Accept-Language": lang},
                data={
                    "csrf_token": token.group(1),
                    "kind": "access",
                    "contact": "li.lei@example.cn",
                    "text": "hi" + NUL,
                },
            )
            refused(r, "text")
            assert words in r.text
            r = web.post(
                "/privacy/consents",
                headers={"Accept-Language": lang},
                data={"csrf_token": token.group(1), "purpose": NUL, "action": "grant"},
            )
            refused(r, "purpose")
    assert rows(container) == before


@pytest.mark.req("R5.1")
def test_a_form_is_checked_whatever_the_case_of_its_content_type(
    container: Container, api: TestClient
) -> None:
    """Media types are case-insensitive (RFC 9110 §8.3.1): the form parser reads
    `Application/X-WWW-Form-Urlencoded` as a form, so the check must read it too."""
    before = rows(container)
    web = TestClient(api.app, base_url="https://testserver", follow_redirects=False)
    page = web.get("/privacy", headers={"Accept-Language": "en"})
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    assert token
    body = f"csrf_token={token.group(1)}&kind=access&contact=li.lei%40example.cn&text=hi%00"
    r = web.post(
        "/privacy/requests",
        content=body.encode(),
        headers={"Content-Type": "Application/X-WWW-Form-Urlencoded", "Accept-Language": "en"},
    )
    refused(r, "text")
    assert rows(container) == before
