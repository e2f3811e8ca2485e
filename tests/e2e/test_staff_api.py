"""Staff access security through the API and the CLI, on SQLite and PostgreSQL (R2.6,
R2.9, R2.10, R5.3): invitation -> TOTP enrolment -> sign-in with the code; a session that
must enrol first can do nothing else; idle lock and re-authentication; sensitive actions
(approving an exception, registering an export, changing roles) refused with
`reauth-required` when the last sign-in is old; CSRF with the session cookie; lockout with
429 and Retry-After; bad input as problem+json naming the field, with nothing written."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.web.session import SESSION_COOKIE
from tests.e2e import cli_runner
from tests.e2e.conftest import (
    PASSWORD,
    Caller,
    TestClient,
    app_for,
    first_account,
    login,
    reauth,
    totp_code,
)
from tests.passwords import QUICK

PROBLEM = "application/problem+json"


@pytest.fixture
def moving(settings: Settings) -> Iterator[tuple[Container, FixedClock, TestClient]]:
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    c = bootstrap(settings, clock=clock, migrate=False, passwords=QUICK)
    with TestClient(app_for(c)) as api:
        yield c, clock, api
    c.close()


def problem(r: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    body: dict[str, Any] = r.json()
    assert body["type"] == f"urn:piiguard:problem:{code}", body
    if field is not None:
        assert body["field"] == field, body
    return body


def rows(c: Container, table: Any) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def invite(
    api: TestClient, by: Caller, email: str, roles: list[str], department: str = "sales"
) -> str:
    r = api.post(
        "/api/v1/staff/invitations",
        headers=by.headers,
        json={"email": email, "department": department, "roles": roles},
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


@pytest.mark.req("R2.9")
def test_invite_accept_enrol_then_sign_in_with_the_code(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, clock, api = moving
    officer = first_account(c, api)
    token = invite(api, officer, "li.lei@st-machinery.cn", ["staff"], "service")
    r = api.post(
        "/api/v1/staff/invitations/accept",
        json={"token": token, "display_name": "Li Lei", "password": PASSWORD},
    )
    assert r.status_code == 201, r.text
    s = r.json()
    assert s["pending"] == "enrol_totp" and s["idle_minutes"] == 15
    h = {"Authorization": f"Bearer {s['token']}"}
    # until TOTP is on, the session may do nothing else
    problem(api.get("/api/v1/purposes", headers=h), 403, "session-pending")
    assert api.get("/api/v1/staff/me", headers=h).json()["account"]["department"] == "service"
    secret = api.post("/api/v1/staff/me/totp", headers=h).json()["secret"]
    problem(
        api.post("/api/v1/staff/me/totp/confirm", headers=h, json={"code": "000000"}),
        422,
        "invalid-input",
        "code",
    )
    r = api.post("/api/v1/staff/me/totp/confirm", headers=h, json={"code": totp_code(api, secret)})
    assert r.status_code == 200 and len(r.json()["recovery_codes"]) == 10, r.text
    assert api.get("/api/v1/purposes", headers=h).status_code == 200
    me = api.get("/api/v1/staff/me", headers=h).json()["account"]
    assert (me["mfa_enrolled"], me["purposes"]) == (True, ["after_sales", "requested_services"])
    # next time the code is asked
    clock.advance(timedelta(minutes=1))
    problem(
        api.post(
            "/api/v1/staff/login", json={"email": "li.lei@st-machinery.cn", "password": PASSWORD}
        ),
        401,
        "mfa-required",
    )
    r = api.post(
        "/api/v1/staff/login",
        json={
            "email": "li.lei@st-machinery.cn",
            "password": PASSWORD,
            "totp_code": totp_code(api, secret),
        },
    )
    assert r.status_code == 200 and r.json()["pending"] is None, r.text
    listed = api.get("/api/v1/staff/accounts", headers=officer.headers).json()
    assert {a["email"] for a in listed} == {"officer@example.com", "li.lei@st-machinery.cn"}
    # the link works once
    problem(
        api.post(
            "/api/v1/staff/invitations/accept",
            json={"token": token, "display_name": "Li Lei", "password": PASSWORD},
        ),
        401,
        "not-authenticated",
    )


@pytest.mark.req("R2.9")
def test_bad_staff_input_names_the_field_and_writes_nothing(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, _, api = moving
    officer = first_account(c, api)
    before = (rows(c, t.staff_invitations), rows(c, t.staff_accounts), rows(c, t.audit_entries))
    cases = [
        ({"email": "sales@st-machinery.cn", "department": "sales", "roles": ["staff"]}, "email"),
        ({"email": "li@x.cn", "department": "nowhere", "roles": ["staff"]}, "department"),
        ({"email": "li@x.cn", "department": "sales", "roles": ["boss"]}, "roles"),
        ({"email": "li@x.cn", "department": "sales", "roles": []}, "roles"),
        ({"email": "li@x.cn", "department": "sales", "roles": ["staff"], "x": 1}, "x"),
    ]
    for body, field in cases:
        problem(
            api.post("/api/v1/staff/invitations", headers=officer.headers, json=body),
            422,
            "invalid-input",
            field,
        )
    assert (
        rows(c, t.staff_invitations),
        rows(c, t.staff_accounts),
        rows(c, t.audit_entries),
    ) == before
    token = invite(api, officer, "li.lei@st-machinery.cn", ["staff"])
    n = rows(c, t.staff_accounts)
    for password, why in (
        ("short", "at least 8"),
        ("1qaz2wsx3edc4rfv", "breached"),
        ("i am li.lei and proud", "your name or email"),
    ):
        body = problem(
            api.post(
                "/api/v1/staff/invitations/accept",
                json={"token": token, "display_name": "Li Lei", "password": password},
            ),
            422,
            "invalid-input",
            "password",
        )
        assert why in body["detail"]
    assert rows(c, t.staff_accounts) == n  # the invitation is still unused
    r = api.post(
        "/api/v1/staff/invitations/accept",
        json={"token": token, "display_name": "Li Lei", "password": PASSWORD},
    )
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.6")
def test_sensitive_actions_ask_for_a_fresh_sign_in(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, clock, api = moving
    officer = first_account(c, api)
    clerk = login_new(api, officer, "li.lei@st-machinery.cn", ["staff"])
    clock.advance(timedelta(minutes=11))  # busy, but the last sign-in is 11 minutes old
    assert api.get("/api/v1/staff/me", headers=officer.headers).status_code == 200
    body = problem(
        api.put(
            f"/api/v1/staff/accounts/{clerk.id}/roles",
            headers=officer.headers,
            json={"roles": ["auditor"]},
        ),
        401,
        "reauth-required",
    )
    assert "reauth" in body["detail"]
    r = api.put(
        f"/api/v1/staff/accounts/{clerk.id}/roles",
        headers=officer.headers,
        json={"roles": ["auditor"]},
    )
    assert "insufficient_user_authentication" in r.headers["www-authenticate"]
    problem(
        api.post(
            "/api/v1/exports",
            headers=officer.headers,
            json={
                "system": "erp",
                "recipient": "x",
                "categories": ["user.name"],
                "purpose": "order_fulfilment",
                "expires_at": (clock.now() + timedelta(days=1)).isoformat(),
            },
        ),
        401,
        "reauth-required",
    )
    problem(
        api.post("/api/v1/exceptions/x/approve", headers=officer.headers), 401, "reauth-required"
    )
    reauth(api, officer)
    r = api.put(
        f"/api/v1/staff/accounts/{clerk.id}/roles",
        headers=officer.headers,
        json={"roles": ["auditor"]},
    )
    assert r.status_code == 200 and r.json()["roles"] == ["auditor"], r.text
    trail = api.get(
        "/api/v1/audit", headers=officer.headers, params={"action": "staff.roles"}
    ).json()
    assert [(e["target_id"], json.loads(e["details"])["after"]) for e in trail] == [
        (clerk.id, ["auditor"])
    ]


def login_new(api: TestClient, officer: Caller, email: str, roles: list[str]) -> Caller:
    token = invite(api, officer, email, roles)
    r = api.post(
        "/api/v1/staff/invitations/accept",
        json={"token": token, "display_name": "Zhang San", "password": PASSWORD},
    )
    assert r.status_code == 201, r.text
    return login(api, email)


@pytest.mark.req("R2.6")
def test_an_idle_session_locks_until_the_password_and_code_are_given_again(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, clock, api = moving
    officer = first_account(c, api)
    clock.advance(timedelta(minutes=16))
    body = problem(
        api.get("/api/v1/staff/accounts", headers=officer.headers), 401, "session-locked"
    )
    assert "idle" in body["detail"]
    problem(
        api.post(
            "/api/v1/staff/reauth", headers=officer.headers, json={"password": "not the password"}
        ),
        401,
        "not-authenticated",
    )
    reauth(api, officer)
    assert api.get("/api/v1/staff/accounts", headers=officer.headers).status_code == 200
    r = api.post("/api/v1/staff/logout", headers=officer.headers)
    assert r.status_code == 204
    problem(api.get("/api/v1/staff/accounts", headers=officer.headers), 401, "not-authenticated")


@pytest.mark.req("R2.6")
def test_a_change_made_with_the_session_cookie_needs_the_csrf_token(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, _, api = moving
    officer = first_account(c, api)
    token = officer.headers["Authorization"].split()[1]
    cookie = {"Cookie": f"{SESSION_COOKIE}={token}"}
    assert api.get("/api/v1/staff/accounts", headers=cookie).status_code == 200  # reads
    body = {"email": "li.lei@st-machinery.cn", "department": "sales", "roles": ["staff"]}
    problem(api.post("/api/v1/staff/invitations", headers=cookie, json=body), 403, "csrf-refused")
    problem(
        api.post(
            "/api/v1/staff/invitations", json=body, headers={**cookie, "X-CSRF-Token": "0" * 64}
        ),
        403,
        "csrf-refused",
    )
    assert rows(c, t.staff_invitations) == 0
    csrf = api.get("/api/v1/staff/me", headers=cookie).json()["csrf_token"]
    r = api.post("/api/v1/staff/invitations", json=body, headers={**cookie, "X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.9")
def test_repeated_failures_answer_429_with_retry_after_and_an_officer_unlocks(
    moving: tuple[Container, FixedClock, TestClient],
) -> None:
    c, clock, api = moving
    officer = first_account(c, api)
    clerk = login_new(api, officer, "li.lei@st-machinery.cn", ["staff"])
    wrong = {"email": "li.lei@st-machinery.cn", "password": "wrong wrong wrong"}
    statuses = []
    for _ in range(c.staff.policy.lock_after):
        statuses.append(api.post("/api/v1/staff/login", json=wrong).status_code)
        clock.advance(timedelta(seconds=c.staff.policy.backoff_max_seconds))
    assert set(statuses) == {401}
    r = api.post("/api/v1/staff/login", json=wrong)
    body = problem(r, 429, "too-many-attempts")
    assert body["locked"] and int(r.headers["retry-after"]) > 0
    reauth(api, officer)  # an hour of back-off went by on the clock
    listed = {a["id"]: a for a in api.get("/api/v1/staff/accounts", headers=officer.headers).json()}
    assert listed[clerk.id]["locked"]
    r = api.post(f"/api/v1/staff/accounts/{clerk.id}/unlock", headers=officer.headers)
    assert r.status_code == 200 and not r.json()["locked"], r.text
    login(api, "li.lei@st-machinery.cn")
    r = api.post(f"/api/v1/staff/accounts/{clerk.id}/deactivate", headers=officer.headers)
    assert r.status_code == 200 and not r.json()["active"]
    problem(api.get("/api/v1/purposes", headers=clerk.headers), 401, "not-authenticated")


def piiguard(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    r = cli_runner.piiguard(settings, *args)  # in process, as the installed command runs
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


@pytest.mark.req("R2.9")
def test_the_staff_commands(
    settings: Settings, container: Container, api: TestClient, officer: Caller
) -> None:
    r = piiguard(
        settings,
        "staff",
        "invite",
        "li.lei@st-machinery.cn",
        "--department",
        "service",
        "--role",
        "staff",
    )
    assert r.returncode == 0, r.stderr
    [link] = re.findall(r"/console/invite\?token=(\S+)", r.stdout)
    assert api.get(f"/console/invite?token={link}").status_code == 200  # the page it leads to
    r = api.post(
        "/api/v1/staff/invitations/accept",
        json={"token": link, "display_name": "Li Lei", "password": PASSWORD},
    )
    assert r.status_code == 201, r.text
    r = piiguard(
        settings,
        "staff",
        "invite",
        "admin@st-machinery.cn",
        "--department",
        "service",
        "--role",
        "staff",
    )
    assert r.returncode == 1 and "invalid-input (email)" in r.stderr, r.stderr
    listed = piiguard(settings, "staff", "list")
    assert "li.lei@st-machinery.cn" in listed.stdout and "officer@example.com" in listed.stdout
    r = piiguard(settings, "staff", "roles", "li.lei@st-machinery.cn", "--role", "auditor")
    assert r.returncode == 0 and "auditor" in r.stdout, r.stderr
    r = piiguard(settings, "staff", "unlock", "li.lei@st-machinery.cn")
    assert r.returncode == 0 and "not locked" in r.stdout
    r = piiguard(
        settings, "staff", "department", "set", "sales", "--name", "Sales", "--purpose", "telepathy"
    )
    assert r.returncode == 1 and "(purposes)" in r.stderr
    r = piiguard(settings, "staff", "department", "list")
    assert "after_sales" in r.stdout
    r = piiguard(settings, "staff", "deactivate", "li.lei@st-machinery.cn")
    assert r.returncode == 0 and "deactivated" in r.stdout
    r = piiguard(settings, "staff", "reset-totp", "nobody@st-machinery.cn")
    assert r.returncode == 1 and "not-found" in r.stderr
