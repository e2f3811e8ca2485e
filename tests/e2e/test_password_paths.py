"""Every path that sets a staff password refuses the variants of common passwords people
really choose (R2.9), on SQLite and PostgreSQL: the first account (API and the /setup
page), an invitation accepted, one's own change (API and the console). Each refusal is
problem+json (or the page's alert) naming the field, saying why in English and Chinese,
and writes nothing; a strong passphrase goes through. There is no other way to set a
password: no reset route, no CLI command (a lost password or device is an officer's TOTP
reset plus a new invitation)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.services.staff import accounts
from piiguard.web.session import SESSION_COOKIE
from tests.e2e.conftest import PASSWORD, TestClient, app_for, first_account, login

PROBLEM = "application/problem+json"
HAN = re.compile(r"[\u4e00-\u9fff]")
# the four, a keyboard walk with shift, a year, look-alikes, a name, the product
WEAK = [
    "Password123!",
    "P@ssw0rd123!",
    "Welcome2024!",
    "Qwerty123!",
    "1qaz@WSX3edc",
    "Summer2023!",
    "L3tme1n!!",
    "LiLei1990!",
    "piiguard2024!",
]
STRONG = "velvet kettle orbits quietly"


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    with TestClient(app_for(container)) as client:
        yield client


def written(c: Container) -> tuple[int, ...]:
    with c.engine.connect() as conn:
        return tuple(
            int(conn.execute(select(func.count()).select_from(tb)).scalar_one())
            for tb in (
                t.staff_accounts,
                t.staff_invitations,
                t.audit_entries,
                t.staff_password_history,
                t.staff_sessions,
            )
        )


def refused(r: Any, field: str) -> dict[str, Any]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    body: dict[str, Any] = r.json()
    assert body["type"] == "urn:piiguard:problem:invalid-input"
    assert body["field"] == field and body["errors"][0]["field"] == field, body
    english, chinese = body["detail"].split(" / ", 1)
    assert "password" in english and HAN.search(chinese), body["detail"]
    rule = body["password_rule"]
    assert rule["rule"] in {"common-variant", "guessable", "personal", "common"}, rule
    if rule["rule"] == "guessable":
        assert rule["guesses_log10"] < rule["needed_log10"] == 8
        assert rule["hints"] and all(HAN.search(h["zh"]) and h["en"] for h in rule["hints"])
    return body


@pytest.mark.req("R2.9")
def test_the_first_account_refuses_weak_passwords_through_the_api_and_the_page(
    container: Container, api: TestClient
) -> None:
    c = container
    token = accounts.open_setup(c.uow(), c.clock, 1.0)
    assert token is not None
    before = written(c)
    for pw in WEAK:
        refused(
            api.post(
                "/api/v1/staff/setup",
                json={
                    "token": token,
                    "email": "li.lei@st-machinery.cn",
                    "display_name": "Li Lei",
                    "password": pw,
                },
            ),
            "password",
        )
        page = api.post(
            "/setup",
            data={
                "token": token,
                "email": "li.lei@st-machinery.cn",
                "display_name": "Li Lei",
                "password": pw,
            },
        )
        assert page.status_code == 422 and 'role="alert"' in page.text, page.text[:400]
        assert 'id="password" name="password"' in page.text
        assert re.search(r'id="password"[^>]*aria-invalid="true"', page.text)
    assert written(c) == before  # the setup link is still unused
    r = api.post(
        "/api/v1/staff/setup",
        json={
            "token": token,
            "email": "li.lei@st-machinery.cn",
            "display_name": "Li Lei",
            "password": STRONG,
        },
    )
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.9")
def test_an_invitation_refuses_weak_passwords_for_an_account_with_totp(
    container: Container, api: TestClient
) -> None:
    c = container
    officer = first_account(c, api)
    r = api.post(
        "/api/v1/staff/invitations",
        headers=officer.headers,
        json={"email": "li.lei@st-machinery.cn", "department": "sales", "roles": ["staff"]},
    )
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    before = written(c)
    for pw in WEAK:
        refused(
            api.post(
                "/api/v1/staff/invitations/accept",
                json={"token": token, "display_name": "Li Lei", "password": pw},
            ),
            "password",
        )
    assert written(c) == before
    r = api.post(
        "/api/v1/staff/invitations/accept",
        json={"token": token, "display_name": "Li Lei", "password": STRONG},
    )
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.9")
def test_changing_ones_password_refuses_weak_ones_in_the_api_and_the_console(
    container: Container, api: TestClient
) -> None:
    c = container
    officer = first_account(c, api, "li.lei@st-machinery.cn", "Li Lei")
    before = written(c)
    for pw in WEAK:
        refused(
            api.post(
                "/api/v1/staff/me/password",
                headers=officer.headers,
                json={"current_password": PASSWORD, "new_password": pw},
            ),
            "new_password",
        )
    assert written(c) == before
    token = officer.headers["Authorization"].removeprefix("Bearer ")
    browser = TestClient(
        api.app,
        base_url="https://testserver",
        cookies={SESSION_COOKIE: token},
        follow_redirects=False,
    )
    form = browser.get("/console/password")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert csrf, form.text[:400]
    for pw in ("Password123!", "Welcome2024!"):
        page = browser.post(
            "/console/password",
            data={"csrf_token": csrf.group(1), "current_password": PASSWORD, "new_password": pw},
        )
        assert page.status_code == 422 and 'role="alert"' in page.text
        assert "common or breached password" in page.text and "常见或已泄露密码" in page.text
    assert written(c) == before
    page = browser.post(
        "/console/password",
        data={"csrf_token": csrf.group(1), "current_password": PASSWORD, "new_password": STRONG},
    )
    assert page.status_code == 303, page.text[:400]
    login(api, "li.lei@st-machinery.cn", STRONG)
