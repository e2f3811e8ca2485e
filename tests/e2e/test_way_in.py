"""The way in (issue 13, R2.6): `/` leads the public to the privacy centre and staff to the
console; the first account's setup ends at the console's sign-in (where TOTP enrolment
follows), not at an API hint."""

from __future__ import annotations

import re

import pytest

from piiguard.bootstrap import Container
from piiguard.services.staff import accounts as staff_accounts
from piiguard.web.session import SESSION_COOKIE
from tests.e2e.conftest import PASSWORD, TestClient


@pytest.mark.req("R2.6")
def test_the_front_door_offers_the_privacy_centre_and_the_console(api: TestClient) -> None:
    r = api.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'id="to-privacy" class="button" href="/privacy"' in r.text
    assert 'id="to-console" class="button" href="/console/login"' in r.text
    assert r.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    # both links lead somewhere that answers
    assert api.get("/privacy").status_code == 200
    assert api.get("/console/login").status_code == 200


@pytest.mark.req("R2.6")
def test_staff_with_a_session_go_on_to_the_console(api: TestClient) -> None:
    browser = TestClient(api.app, cookies={SESSION_COOKIE: "any"}, follow_redirects=False)
    r = browser.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/console"


@pytest.mark.req("R2.6")
def test_the_setup_ends_at_the_consoles_sign_in_with_totp_next(
    container: Container, api: TestClient
) -> None:
    token = staff_accounts.open_setup(container.uow(), container.clock, 1.0)
    assert token is not None
    page = api.get(f"/setup?token={token}")
    assert page.status_code == 200
    r = api.post(
        "/setup",
        data={
            "token": token,
            "email": "wang.fang@example.com",
            "display_name": "Wang Fang",
            "password": PASSWORD,
        },
    )
    assert r.status_code == 201, r.text
    assert 'id="to-console" class="button" href="/console/login"' in r.text
    assert "POST /api/v1/staff/login" not in r.text
    assert re.search(r"two-step sign-in", r.text) and "两步验证" in r.text
    # and the sign-in asks for the password, then (a privacy officer) TOTP enrolment
    login = api.get("/console/login")
    assert 'name="password"' in login.text


@pytest.mark.req("R2.6")
@pytest.mark.req("R2.9")
def test_a_refused_sign_in_and_too_many_attempts_are_said_in_chinese_on_a_chinese_page(
    container: Container, api: TestClient
) -> None:
    """No English sentence on a Chinese page (issue 13): a wrong password, then the
    throttle's refusal, on the console's sign-in in Chinese."""
    token = staff_accounts.open_setup(container.uow(), container.clock, 1.0)
    assert token is not None
    staff_accounts.complete_setup(
        container.staff, container.uow(), token, "wang.fang@example.com", "Wang Fang", PASSWORD
    )
    browser = TestClient(api.app, base_url="https://testserver", follow_redirects=False)
    statuses = []
    for _ in range(12):
        form = browser.get("/console/login?lang=zh-CN").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form)
        assert csrf
        r = browser.post(
            "/console/login",
            data={
                "csrf_token": csrf.group(1),
                "email": "wang.fang@example.com",
                "password": "not the password at all",
            },
        )
        statuses.append(r.status_code)
        assert 'lang="zh-CN"' in r.text
        if r.status_code == 401:
            assert "邮箱、密码或验证码不正确" in r.text
        if r.status_code == 429:
            assert "尝试次数过多" in r.text and "Too many" not in r.text
            break
    assert statuses[0] == 401 and statuses[-1] == 429, statuses
