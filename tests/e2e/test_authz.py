"""Authorization (R2.10, R5.1): every route of the app has a rule in web/authz.py and no rule
names a missing route; then every route × role (admin, privacy_officer, staff, auditor,
system, anonymous) is called and must be let in or refused exactly as EXPECTED below says.

EXPECTED is written out here on purpose, apart from authz.RULES: changing who may call a
route means changing both, so the change shows in review. "Let in" means the rule did not
refuse: the route may still answer 404 or 422 for the placeholder ids and empty bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services.clients import api_keys as accounts
from piiguard.web.authz import RULES, route_table
from tests.e2e import expected_console
from tests.e2e.conftest import PASSWORD, TestClient, app_for
from tests.passwords import QUICK

ROLES = ("admin", "privacy_officer", "staff", "auditor", "system", "anonymous")
ALL = frozenset(ROLES)
SIGNED_IN = ALL - {"anonymous"}
PEOPLE = SIGNED_IN - {"system"}
DATA = frozenset({"system", "privacy_officer", "staff"})
AUDIT = frozenset({"auditor", "privacy_officer", "admin"})
CONFIG = frozenset({"admin", "privacy_officer"})
OFFICER = frozenset({"privacy_officer"})

S = "/api/v1/subjects/{subject_id}"
R = "/api/v1/requests/{request_id}"
EXPECTED: dict[tuple[str, str], frozenset[str]] = {
    **{
        ("GET", p): ALL
        for p in (
            "/healthz",
            "/api/v1/policy",
            "/api/v1/policy/versions",
            "/api/v1/policy/versions/{version}",
            "/api/v1/policy/versions/{version}/diff",
            "/openapi.json",
            "/docs",
            "/docs/oauth2-redirect",
            "/redoc",
            "/",
            "/setup",
            "/console/login",
            "/console/console.js",
        )
    },
    **{
        ("POST", p): ALL
        for p in (
            "/setup",
            "/api/v1/staff/setup",
            "/api/v1/staff/login",
            "/api/v1/staff/invitations/accept",
            "/console/login",
        )
    },
    # the privacy centre: the people whose data it is, without an account
    **{
        ("GET", p): ALL
        for p in (
            "/privacy",
            "/privacy/requests/{request_id}",
            "/privacy/packages/{token}",
            "/privacy/packages/{token}/download",
            "/privacy/consents",
            "/privacy/transfers",
            "/privacy/confirm/{token}",
            "/privacy/policy",
            "/privacy/policy/versions",
            "/privacy/policy/{version}",
            "/privacy/renew/{token}",
        )
    },
    **{
        ("POST", p): ALL
        for p in (
            "/privacy/requests",
            "/privacy/requests/{request_id}/code",
            "/privacy/requests/{request_id}/verify",
            "/privacy/consents",
            "/privacy/confirm/{token}",
            "/privacy/confirm/{token}/code",
            "/privacy/confirm/{token}/verify",
            "/privacy/renew/{token}",
            "/privacy/renew/{token}/code",
            "/privacy/renew/{token}/verify",
        )
    },
    **dict.fromkeys(
        [
            ("POST", "/api/v1/subjects"),
            ("POST", "/api/v1/subjects/lookup"),
            ("GET", S),
            ("GET", S + "/data"),
            ("POST", S + "/items"),
            ("PUT", S + "/items/{item_id}"),
            ("POST", S + "/items/{item_id}/verify"),
            ("DELETE", S),
            ("POST", S + "/consents"),
            ("GET", S + "/consents"),
            ("DELETE", S + "/consents/{consent_id}"),
            ("POST", S + "/restrictions"),
            ("GET", S + "/restrictions"),
            ("DELETE", S + "/restrictions/{restriction_id}"),
            ("POST", S + "/guardians"),
            ("PUT", S + "/minor"),
            ("POST", "/api/v1/decisions"),
            ("POST", "/api/v1/exports"),
        ],
        DATA,
    ),
    **{
        ("GET", p): AUDIT
        for p in (
            "/api/v1/decisions",
            "/api/v1/decisions/{decision_id}",
            "/api/v1/decisions/{decision_id}/explain",
            "/api/v1/audit",
        )
    },
    ("POST", "/api/v1/audit/verify"): AUDIT,
    **{
        ("GET", p): SIGNED_IN
        for p in (
            "/api/v1/purposes",
            "/api/v1/taxonomy",
            "/api/v1/systems",
            "/api/v1/staff/departments",
        )
    },
    **dict.fromkeys(
        [
            ("PUT", "/api/v1/purposes/{key}"),
            ("DELETE", "/api/v1/purposes/{key}"),
            ("POST", "/api/v1/taxonomy"),
            ("DELETE", "/api/v1/taxonomy/{key}"),
            ("POST", "/api/v1/systems/{key}/approval"),
            ("POST", "/api/v1/exports/review"),
            ("PATCH", "/api/v1/findings/{finding_id}"),
            ("POST", "/api/v1/exceptions"),
            ("POST", "/api/v1/exceptions/{exception_id}/approve"),
            ("POST", "/api/v1/exceptions/{exception_id}/revoke"),
            ("POST", "/api/v1/staff/accounts/{staff_id}/unlock"),
            ("POST", "/api/v1/staff/accounts/{staff_id}/mfa/reset"),
            ("PUT", "/api/v1/staff/departments/{key}"),
        ],
        OFFICER,
    ),
    **dict.fromkeys(
        [
            ("PUT", "/api/v1/systems/{key}"),
            ("POST", "/api/v1/staff/invitations"),
            ("PUT", "/api/v1/staff/accounts/{staff_id}/roles"),
            ("POST", "/api/v1/staff/accounts/{staff_id}/deactivate"),
        ],
        CONFIG,
    ),
    ("GET", "/api/v1/staff/accounts"): frozenset({"admin", "privacy_officer", "auditor"}),
    # new policy versions (R8.1): officers propose, publish, reject, release; auditors read
    **{
        ("GET", "/api/v1/policy" + p): frozenset({"privacy_officer", "auditor"})
        for p in ("/drafts", "/drafts/{draft_id}", "/versions/{version}/notices")
    },
    **{
        ("POST", "/api/v1/policy" + p): OFFICER
        for p in (
            "/drafts",
            "/drafts/{draft_id}/publish",
            "/drafts/{draft_id}/reject",
            "/versions/{version}/notices/release",
        )
    },
    # registers read by auditors too (as on the console): exceptions, exports, findings
    **{
        ("GET", p): frozenset({"privacy_officer", "auditor"})
        for p in ("/api/v1/exceptions", "/api/v1/exports", "/api/v1/findings")
    },
    # backups (R5.7): officers and admins take and test them; auditors read the evidence
    **{
        ("GET", "/api/v1/backups" + p): frozenset({"privacy_officer", "admin", "auditor"})
        for p in ("", "/status", "/{backup_id}")
    },
    ("POST", "/api/v1/backups"): frozenset({"privacy_officer", "admin"}),
    ("POST", "/api/v1/backups/{backup_id}/restore-tests"): frozenset({"privacy_officer", "admin"}),
    # the retention schedule (R2.11): officers keep it, auditors read it; holds four eyes;
    # systems report anchor events and read an item's retention
    **{
        ("GET", "/api/v1/retention" + p): frozenset({"privacy_officer", "auditor"})
        for p in ("/schedule", "/history", "/reviews", "/holds", "/holds/{hold_id}")
    },
    **dict.fromkeys(
        [
            ("POST", "/api/v1/retention" + p)
            for p in (
                "/reviews",
                "/holds",
                "/holds/{hold_id}/approve",
                "/holds/{hold_id}/reject",
                "/holds/{hold_id}/lift-request",
                "/holds/{hold_id}/lift",
            )
        ]
        + [
            (m, "/api/v1/retention" + p)
            for m in ("PUT", "DELETE")
            for p in ("/rules/{purpose}", "/rules/{purpose}/{category}")
        ]
        + [
            ("PUT", "/api/v1/retention/record-rules/{record_type}"),
            ("PUT", "/api/v1/retention/minimums/{key}"),
        ],
        OFFICER,
    ),
    ("POST", "/api/v1/retention/anchors"): DATA,
    ("GET", S + "/retention"): DATA,
    # disposal (R2.11): officers propose, approve, reject and dispose; auditors read batches
    # and certificates; a system confirms its own deletion notices
    **{
        ("GET", "/api/v1/retention" + p): frozenset({"privacy_officer", "auditor"})
        for p in (
            "/preview",
            "/batches",
            "/batches/{batch_id}",
            "/batches/{batch_id}/certificate",
            "/batches/{batch_id}/certificate.html",
        )
    },
    **{
        ("POST", "/api/v1/retention" + p): OFFICER
        for p in (
            "/batches",
            "/batches/{batch_id}/approve",
            "/batches/{batch_id}/reject",
            "/batches/{batch_id}/dispose",
            "/tasks/{task_id}/waive",
        )
    },
    ("POST", "/api/v1/retention/tasks/{task_id}/confirm"): frozenset({"system", "privacy_officer"}),
    # kept up to date (R2.8): intervals officers'; the confirmation queue staff's and
    # officers'; a child's data found (R6.3): officers'
    **{
        (m, "/api/v1/retention" + p): OFFICER
        for m, p in (
            ("GET", "/confirmation-intervals"),
            ("PUT", "/confirmation-intervals/{category}"),
            ("DELETE", "/confirmation-intervals/{category}"),
            ("GET", "/child-tasks"),
            ("GET", "/child-tasks/{task_id}"),
            ("POST", "/child-tasks/{task_id}/dispose"),
            ("POST", "/child-tasks/{task_id}/guardian-consent"),
            ("POST", "/child-tasks/{task_id}/not-a-child"),
        )
    },
    **{
        (m, "/api/v1/retention" + p): frozenset({"staff", "privacy_officer"})
        for m, p in (
            ("GET", "/confirmations"),
            ("GET", "/confirmations/{confirmation_id}"),
            ("POST", "/confirmations/{confirmation_id}/record"),
        )
    },
    # requests of the person: recorded by systems and staff; the queue's metadata for the
    # auditor too; a request's details and steps for those handling it; judgements officers'
    ("POST", "/api/v1/requests"): DATA,
    **{
        ("GET", p): frozenset({"staff", "privacy_officer", "auditor"})
        for p in ("/api/v1/requests", "/api/v1/requests/counts")
    },
    **dict.fromkeys(
        [("GET", R)]
        + [
            ("POST", R + step)
            for step in (
                "/identity",
                "/assign",
                "/document-check",
                "/pause",
                "/resume",
                "/correction",
                "/replied",
            )
        ],
        frozenset({"staff", "privacy_officer"}),
    ),
    **dict.fromkeys(
        [("POST", R + step) for step in ("/approve", "/fee", "/waive", "/unfounded", "/refuse")]
        + [
            ("POST", "/api/v1/requests/tasks/{task_id}/waive"),
            ("PUT", "/api/v1/systems/{key}/webhook"),
            ("GET", "/api/v1/requests/triage"),
            ("GET", "/api/v1/requests/triage/{triage_id}"),
            ("POST", "/api/v1/requests/triage/{triage_id}/resolve"),
        ],
        OFFICER,
    ),
    ("POST", "/api/v1/requests/tasks/{task_id}/confirm"): frozenset({"system", "privacy_officer"}),
    # a guardian's proof is checked by a person, not by a system
    ("POST", S + "/guardians/{guardian_id}/verify"): frozenset({"privacy_officer", "staff"}),
    **dict.fromkeys(
        [
            ("POST", "/api/v1/staff/reauth"),
            ("POST", "/api/v1/staff/logout"),
            ("GET", "/api/v1/staff/me"),
            ("POST", "/api/v1/staff/me/password"),
            ("POST", "/api/v1/staff/me/totp"),
            ("POST", "/api/v1/staff/me/totp/confirm"),
            ("POST", "/api/v1/staff/me/recovery-codes"),
            ("GET", "/console"),
            ("POST", "/console/unlock"),
            ("POST", "/console/logout"),
            ("GET", "/console/enrol"),
            ("POST", "/console/enrol"),
            ("GET", "/console/password"),
            ("POST", "/console/password"),
        ],
        PEOPLE,
    ),
    # the console's request pages: the queue and a request (the auditor without what the
    # person wrote), steps for those handling requests, judgements and mail for officers
    **{
        ("GET", p): frozenset({"staff", "privacy_officer", "auditor"})
        for p in ("/console/requests", "/console/requests/{request_id}")
    },
    **dict.fromkeys(
        [("GET", "/console/requests/new"), ("POST", "/console/requests/new")]
        + [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("assign", "verify", "document", "pause", "resume", "correct", "replied")
        ],
        frozenset({"staff", "privacy_officer"}),
    ),
    **dict.fromkeys(
        [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("approve", "refuse", "fee", "waive", "unfounded", "tasks/{task_id}/waive")
        ]
        + [
            ("GET", "/console/requests/triage"),
            ("GET", "/console/requests/triage/{triage_id}"),
            ("POST", "/console/requests/triage/{triage_id}/resolve"),
        ],
        OFFICER,
    ),
    # the console's register pages: one module per area in tests/e2e/expected_console/
    **expected_console.ROWS,
}
SESSION_ENDING = {("POST", "/api/v1/staff/logout"), ("POST", "/console/logout")}
PLACEHOLDER = "00000000-0000-4000-8000-0000000fffff"  # no account, subject or record


@pytest.fixture
def app_and_callers(settings: Settings) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    """One account per staff role, with no TOTP (the matrix is about authorization; TOTP is
    tested in test_staff_api.py), a system key, and nobody."""
    c = bootstrap(settings.model_copy(update={"mfa_roles": []}), migrate=False, passwords=QUICK)
    with TestClient(app_for(c), base_url="https://testserver") as api:
        yield api, _callers(c, api)
    c.close()


def _callers(c: Container, api: TestClient) -> dict[str, Any]:
    out: dict[str, Any] = {"anonymous": {}}
    for i, role in enumerate(("admin", "privacy_officer", "staff", "auditor")):
        email = f"{role.replace('_', '.')}@example.com"
        with c.uow() as uow:
            uow.staff.add(
                StaffAccount(
                    f"00000000-0000-4000-8000-00000000000{i}",
                    email,
                    role,
                    frozenset({role}),
                    True,
                    c.clock.now(),
                    department="sales",
                ),
                c.passwords.hash(PASSWORD),
            )
            uow.commit()
        out[role] = sign_in(api, email)
    _, key = accounts.add_client(c.uow(), c.clock, OPERATOR, "erp")
    out["system"] = {"Authorization": f"Bearer {key}"}
    return out


def sign_in(api: TestClient, email: str) -> dict[str, str]:
    r = api.post("/api/v1/staff/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200 and r.json()["pending"] is None, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def refusal(r: Any) -> str | None:
    """'unauthenticated' or 'forbidden' when the route's rule refused, else None."""
    ctype = r.headers.get("content-type", "")
    if ctype.startswith("application/problem+json"):
        kind = r.json()["type"].rsplit(":", 1)[-1]
    elif ctype.startswith("text/html") and r.status_code >= 400:
        found = re.search(r'<meta name="problem" content="([^"]+)">', r.text)
        kind = found.group(1) if found else ""
    elif r.status_code == 303 and r.headers["location"] == "/console/login":
        return "unauthenticated"  # a console page sends the anonymous to sign in
    else:
        return None
    if r.status_code == 401 and kind == "not-authenticated":
        return "unauthenticated"
    if r.status_code == 403 and kind == "forbidden":
        return "forbidden"
    return None


@pytest.mark.req("R2.10")
def test_every_route_has_a_rule_and_every_rule_a_route(
    app_and_callers: tuple[TestClient, dict[str, Any]],
) -> None:
    api, _ = app_and_callers
    routes = {(m, p) for m, p, _ in route_table(api.app)}  # type: ignore[arg-type]
    assert routes - set(RULES) == set(), "routes without an authorization rule"
    assert set(RULES) - routes == set(), "rules naming no route"
    assert set(EXPECTED) == routes, "EXPECTED (this test) and the app disagree"
    for key, rule in RULES.items():  # the table says what this test expects
        allowed = ALL if rule.public else frozenset(rule.roles)
        assert allowed == EXPECTED[key], key


@pytest.mark.long
@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_route_by_role_matrix(app_and_callers: tuple[TestClient, dict[str, Any]]) -> None:
    api, callers = app_and_callers
    routes = sorted({(m, p) for m, p, _ in route_table(api.app)})  # type: ignore[arg-type]
    wrong = []
    for method, path in routes:
        url = re.sub(r"\{[^}]+\}", PLACEHOLDER, path)
        for role in ROLES:
            body: dict[str, Any] = {}
            if method in {"POST", "PUT", "PATCH"}:
                body = (
                    {"data": {"csrf_token": "x"}}
                    if path.startswith(("/console", "/setup"))
                    else {"json": {}}
                )
            headers = callers[role]
            if (method, path) in SESSION_ENDING and role in PEOPLE:  # a session to end
                headers = sign_in(api, f"{role.replace('_', '.')}@example.com")
            r = api.request(method, url, headers=headers, follow_redirects=False, **body)
            got = refusal(r)
            want = (
                None
                if role in EXPECTED[(method, path)]
                else "unauthenticated"
                if role == "anonymous"
                else "forbidden"
            )
            if got != want:
                wrong.append(f"{method} {path} as {role}: {r.status_code} {r.text[:120]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.req("R2.10")
def test_staff_may_name_only_their_departments_purposes(
    app_and_callers: tuple[TestClient, dict[str, Any]],
) -> None:
    api, callers = app_and_callers
    r = api.post(
        "/api/v1/subjects",
        headers=callers["system"],
        json={
            "kind": "customer_contact",
            "items": [
                {
                    "category": "user.contact.email",
                    "value": "li@example.com",
                    "channel": "web",
                    "legal_basis": "contract",
                    "source_system": "crm",
                }
            ],
        },
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    sales = callers["staff"]  # department sales: business_negotiation, order_fulfilment
    r = api.post(
        "/api/v1/decisions", headers=sales, json={"subject_id": sid, "purpose": "after_sales"}
    )
    assert r.status_code == 403, r.text
    assert r.json()["type"] == "urn:piiguard:problem:purpose-not-assigned"
    assert r.json()["field"] == "purpose"
    r = api.get(f"/api/v1/subjects/{sid}/data", headers=sales, params={"purpose": "after_sales"})
    assert r.json()["type"] == "urn:piiguard:problem:purpose-not-assigned", r.text
    # both refusals are on the trail for the auditor: who, which route, which purpose
    r = api.get(
        "/api/v1/audit",
        headers=callers["auditor"],
        params={"action": "access.refused", "subject_id": sid},
    )
    assert r.status_code == 200, r.text
    refused = r.json()
    assert len(refused) == 2, refused
    assert {(e["target_id"], e["purpose"], e["actor"].split(":")[0]) for e in refused} == {
        ("POST /api/v1/decisions", "after_sales", "staff"),
        ("GET /api/v1/subjects/{subject_id}/data", "after_sales", "staff"),
    }
    assert all("purpose-not-assigned" in str(e["details"]) for e in refused)
    r = api.post(
        "/api/v1/decisions", headers=sales, json={"subject_id": sid, "purpose": "order_fulfilment"}
    )
    assert r.status_code == 201, r.text
    # the privacy officer is not limited by a department
    r = api.post(
        "/api/v1/decisions",
        headers=callers["privacy_officer"],
        json={"subject_id": sid, "purpose": "after_sales"},
    )
    assert r.status_code == 201, r.text


@pytest.mark.req("R2.10")
def test_an_auditor_lists_who_read_a_subjects_data_when_and_why(
    app_and_callers: tuple[TestClient, dict[str, Any]],
) -> None:
    api, callers = app_and_callers
    item = {
        "category": "user.contact.email",
        "value": "li@example.com",
        "channel": "web",
        "legal_basis": "contract",
        "source_system": "crm",
    }
    sids = [
        api.post(
            "/api/v1/subjects",
            headers=callers["system"],
            json={"kind": "customer_contact", "items": [item]},
        ).json()["id"]
        for _ in range(2)
    ]
    reads = [
        ("staff", sids[0], "order_fulfilment"),
        ("system", sids[0], "after_sales"),
        ("staff", sids[1], "order_fulfilment"),
    ]
    decisions = []
    for who, sid, purpose in reads:
        r = api.get(
            f"/api/v1/subjects/{sid}/data", headers=callers[who], params={"purpose": purpose}
        )
        assert r.status_code == 200, r.text
        decisions.append(r.json()["decision"]["id"])
    me = api.get("/api/v1/staff/me", headers=callers["staff"]).json()["account"]["id"]
    r = api.get(
        "/api/v1/audit",
        headers=callers["auditor"],
        params={"subject_id": sids[0], "action": "data.read"},
    )
    assert r.status_code == 200, r.text
    got = [
        (e["actor"].split(":")[0], e["purpose"], e["decision_id"], bool(e["at"])) for e in r.json()
    ]
    assert got == [
        ("staff", "order_fulfilment", decisions[0], True),
        ("system", "after_sales", decisions[1], True),
    ]
    assert r.json()[0]["actor"] == f"staff:{me}"
    assert "li@example.com" not in r.text  # the auditor sees who and why, not the value
