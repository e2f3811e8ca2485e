"""CSRF follows the credential that authenticated the request, on SQLite and PostgreSQL
(R2.6). A change made with the console's session cookie needs the session's CSRF token —
whatever else the request carries: an `Authorization` header that is not a bearer token
(Basic, which a browser adds by itself to a site behind a password-protected proxy; Digest;
a bare `Bearer` with no token) leaves the cookie as the credential, so the token is still
asked for. Only a bearer token or API key that itself authenticated the request needs
none (a browser never adds those headers by itself, and a cross-site page cannot add them
without a CORS pre-flight, which piiguard never grants). A header credential that does not
authenticate is refused outright (401): the cookie is never a silent fall-back. The
console's forms follow the same rule."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import Response

from piiguard.bootstrap import Container
from piiguard.services.staff.login import token_hash
from piiguard.web.session import SESSION_COOKIE
from tests.e2e.conftest import Caller, TestClient, counts

PROBLEM = "application/problem+json"
BODY = {
    "kind": "customer_contact",
    "items": [
        {
            "category": "user.contact.email",
            "value": "han.meimei@example.cn",
            "channel": "web",
            "legal_basis": "contract",
            "source_system": "crm",
        }
    ],
}

# headers beside the cookie that must not waive the CSRF token (the probes first)
NOT_A_BEARER_CREDENTIAL: list[dict[str, str]] = [
    {},
    {"Authorization": "Basic cHJvYmU6cHJvYmU="},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": "bearer"},
    {"Authorization": 'Digest username="probe"'},
    {"Authorization": "Negotiate YIIB"},
    {"Authorization": ""},
    {"X-API-Key": ""},
]


def cookie_of(caller: Caller) -> dict[str, str]:
    return {"Cookie": f"{SESSION_COOKIE}={caller.headers['Authorization'].split()[1]}"}


def refused(r: Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    assert r.json()["type"] == f"urn:piiguard:problem:{code}", r.text


@pytest.mark.req("R2.6")
@pytest.mark.parametrize(
    "extra",
    NOT_A_BEARER_CREDENTIAL,
    ids=lambda h: ",".join(f"{k}:{v}" for k, v in h.items()) or "cookie",
)
def test_a_cookie_change_needs_the_csrf_token_whatever_authorization_header_rides_along(
    container: Container, api: TestClient, officer: Caller, extra: dict[str, str]
) -> None:
    cookie = cookie_of(officer)
    before = counts(container)
    refused(
        api.post("/api/v1/subjects", json=BODY, headers={**cookie, **extra}), 403, "csrf-refused"
    )
    refused(
        api.post(
            "/api/v1/subjects", json=BODY, headers={**cookie, **extra, "X-CSRF-Token": "0" * 64}
        ),
        403,
        "csrf-refused",
    )
    assert counts(container) == before  # no subject, item, key or audit entry written
    csrf = api.get("/api/v1/staff/me", headers=cookie).json()["csrf_token"]
    r = api.post("/api/v1/subjects", json=BODY, headers={**cookie, **extra, "X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.6")
def test_other_unsafe_methods_with_the_cookie_and_a_basic_header_are_refused_too(
    container: Container, api: TestClient, officer: Caller
) -> None:
    sid = api.post("/api/v1/subjects", json=BODY, headers=officer.headers).json()["id"]
    before = counts(container)
    for extra in NOT_A_BEARER_CREDENTIAL[1:3]:
        headers = {**cookie_of(officer), **extra}
        refused(api.delete(f"/api/v1/subjects/{sid}", headers=headers), 403, "csrf-refused")
        refused(
            api.put(
                "/api/v1/purposes/after_sales", headers=headers, json={"description": "changed"}
            ),
            403,
            "csrf-refused",
        )
    assert counts(container) == before
    assert api.get(f"/api/v1/subjects/{sid}", headers=officer.headers).status_code == 200


@pytest.mark.req("R2.6")
def test_a_header_credential_that_fails_is_refused_and_never_falls_back_to_the_cookie(
    container: Container, api: TestClient, officer: Caller
) -> None:
    cookie = cookie_of(officer)
    csrf = api.get("/api/v1/staff/me", headers=cookie).json()["csrf_token"]
    before = counts(container)
    for extra in (
        {"Authorization": "Bearer garbage"},
        {"Authorization": "Bearer pgk_0000000000000000000000000000000000000000"},
        {"X-API-Key": "garbage"},
    ):
        for token in ({}, {"X-CSRF-Token": csrf}):
            refused(
                api.post("/api/v1/subjects", json=BODY, headers={**cookie, **extra, **token}),
                401,
                "not-authenticated",
            )
    assert counts(container) == before


@pytest.mark.req("R2.6")
def test_a_bearer_credential_that_authenticated_needs_no_csrf_token_and_acts_as_itself(
    container: Container, api: TestClient, officer: Caller, system: Caller
) -> None:
    cookie = cookie_of(officer)
    # the system's key beside the officer's cookie: the key is the credential, the system
    # the actor (not the officer); no CSRF token needed (no browser adds the header)
    for headers in (system.headers, {"X-API-Key": system.headers["Authorization"][7:]}):
        r = api.post("/api/v1/subjects", json=BODY, headers={**cookie, **headers})
        assert r.status_code == 201, r.text
        created = api.get(
            f"/api/v1/audit?subject_id={r.json()['id']}&action=subject.create",
            headers=officer.headers,
        )
        assert created.status_code == 200, created.text
        assert [e["actor"] for e in created.json()] == [system.ref], created.text
    # the officer's own session token as a bearer header (an API client): no token needed
    r = api.post("/api/v1/subjects", json=BODY, headers={**cookie, **officer.headers})
    assert r.status_code == 201, r.text


def console_form(
    api: TestClient, caller: Caller, url: str, data: dict[str, Any], extra: dict[str, str]
) -> Response:
    return api.post(url, data=data, headers={**cookie_of(caller), **extra}, follow_redirects=False)


@pytest.mark.req("R2.6")
@pytest.mark.parametrize(
    "extra",
    NOT_A_BEARER_CREDENTIAL[:4],
    ids=lambda h: ",".join(f"{k}:{v}" for k, v in h.items()) or "cookie",
)
def test_console_forms_need_the_csrf_token_whatever_authorization_header_rides_along(
    container: Container, api: TestClient, officer: Caller, extra: dict[str, str]
) -> None:
    token = officer.headers["Authorization"].split()[1]
    for data in ({}, {"csrf_token": "forged"}):
        r = console_form(api, officer, "/console/logout", data, extra)
        assert r.status_code == 403, r.text
        assert '<meta name="problem" content="csrf-refused">' in r.text
        r = console_form(
            api,
            officer,
            "/console/requests/new",
            {
                **data,
                "kind": "access",
                "channel": "phone",
                "contact": "13800000077",
                "reply_language": "en",
            },
            extra,
        )
        assert r.status_code == 403, r.text
        assert '<meta name="problem" content="csrf-refused">' in r.text
    with container.uow(readonly=True) as uow:  # still signed in; no request recorded
        assert uow.staff.session(token_hash(token)) is not None
    assert api.get("/api/v1/requests", headers=officer.headers).json() == []
    assert api.get("/api/v1/staff/me", headers=officer.headers).status_code == 200
    csrf = api.get("/api/v1/staff/me", headers=officer.headers).json()["csrf_token"]
    r = console_form(api, officer, "/console/logout", {"csrf_token": csrf}, extra)
    assert r.status_code == 303, r.text
    assert api.get("/api/v1/staff/me", headers=officer.headers).status_code == 401
