"""Purpose limitation through the JSON API, on SQLite and PostgreSQL (issue 3): the register,
the data map, consent, children, restrictions, legal exceptions, and the one decision point
every use goes through — recorded, searchable, explainable — with problem+json and nothing
written on bad input."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from httpx import Response
from sqlalchemy import Table, func, select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.accounts import Department, StaffAccount
from piiguard.services.clients import api_keys as accounts
from tests.assessed import approve_assessment_for
from tests.e2e.conftest import (
    PASSWORD,
    Caller,
    TestClient,
    app_for,
    counts,
    first_account,
    login,
    reauth,
)
from tests.passwords import QUICK

PROBLEM = "application/problem+json"
EMAIL, NAME, ACCOUNT = "li.lei@example.cn", "李雷", "6222020200112233445"
CONSENT_TEXT = (
    "我同意ST公司为向我提供咨询和推荐而使用我的联系方式。I agree that ST uses my "
    "contact details for consultation and recommendations."
)
RECOMMEND = "consultation_recommendation"  # needs consent (seeded register)
SEEDED = {
    "order_fulfilment",
    "business_negotiation",
    "requested_services",
    "after_sales",
    RECOMMEND,
    "important_notices",
    "legal_compliance",
    "service_improvement",
}
RULES = [
    "purpose_known",
    "role_allowed",
    "within_actor_scope",
    "category_allowed",
    "credentials_never_disclosed",
    "system_approved",
    "transfer_abroad",
    "not_restricted",
    "child_guardian",
    "declared_at_collection",
    "consent_required",
    "sensitive_separate_consent",
    "consent_renewed",
    # sharing (domain/sharing/rules.py)
    "recipient_bound",
    "within_profile",
    "shared_abroad_with_consent",
    "authority_through_legal_request",
    "mechanism_for_count",
    "abroad_notice_given",
    "assessed_before_processing",
]


# --- helpers -------------------------------------------------------------------------------


def item(category: str = "user.contact.email", value: str = EMAIL, **extra: Any) -> dict[str, Any]:
    return {
        "category": category,
        "value": value,
        "channel": "web",
        "legal_basis": "contract",
        "source_system": "crm",
        **extra,
    }


def subject(
    api: TestClient, caller: Caller, *items: dict[str, Any], kind: str = "customer_contact"
) -> str:
    r = api.post(
        "/api/v1/subjects",
        headers=caller.headers,
        json={"kind": kind, "items": list(items) or [item(), item("user.name", NAME)]},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def decide(
    api: TestClient, caller: Caller, subject_id: str, purpose: str, **extra: Any
) -> dict[str, Any]:
    r = api.post(
        "/api/v1/decisions",
        headers=caller.headers,
        json={"subject_id": subject_id, "purpose": purpose, **extra},
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def codes(decision: dict[str, Any]) -> list[str]:
    return [r["code"] for r in decision["reasons"]]


def consent(
    api: TestClient,
    caller: Caller,
    subject_id: str,
    purpose: str,
    kind: str = "general",
    **extra: Any,
) -> dict[str, Any]:
    r = api.post(
        f"/api/v1/subjects/{subject_id}/consents",
        headers=caller.headers,
        json={
            "purpose": purpose,
            "kind": kind,
            "channel": "web",
            "text_shown": CONSENT_TEXT,
            **extra,
        },
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def put_system(
    api: TestClient, caller: Caller, key: str, region: str = "CN", **extra: Any
) -> dict[str, Any]:
    r = api.put(
        f"/api/v1/systems/{key}",
        headers=caller.headers,
        json={"name": f"{key} system", "owner": "it-ops", "kind": "crm", "region": region, **extra},
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def set_status(
    api: TestClient, caller: Caller, key: str, status: str, **extra: Any
) -> dict[str, Any]:
    r = api.post(
        f"/api/v1/systems/{key}/approval", headers=caller.headers, json={"status": status, **extra}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def assert_problem(r: Response, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].split(";")[0] == PROBLEM
    body: dict[str, Any] = r.json()
    assert body["type"] == f"urn:piiguard:problem:{code}", body
    assert body["status"] == status and body["title"] and body["detail"]
    if field is not None:
        assert body["field"] == field, body
    return body


# A department assigned every purpose these tests name, so that what refuses a purpose
# here is the purpose register's roles, not the department (tests/e2e/test_authz.py).
EVERY_PURPOSE = Department("clerks", "Clerks", frozenset(SEEDED | {"warranty"}))


def staff(c: Container, api: TestClient, email: str, roles: set[str]) -> Caller:
    """A staff account with chosen roles, added by the repository (ids fixed by the email),
    as the auditor fixture does; TOTP is enrolled at its first sign-in."""
    suffix = hashlib.sha256(email.encode()).hexdigest()[:12]
    account = StaffAccount(
        f"00000000-0000-4000-8000-{suffix}",
        email,
        email.split("@", 1)[0],
        frozenset(roles),
        True,
        c.clock.now(),
        department=EVERY_PURPOSE.key,
    )
    with c.uow() as uow:
        uow.staff.save_department(EVERY_PURPOSE, c.clock.now(), "test")
        uow.staff.add(account, c.passwords.hash(PASSWORD))
        uow.commit()
    return login(api, email)


def audit_actions(c: Container, **where: str) -> list[tuple[str, str, str]]:
    """(action, actor ref, target id) of the audit entries matching `where`, in order."""
    a = t.audit_entries.c
    q = select(a.action, a.actor_kind, a.actor_id, a.target_id).order_by(a.seq)
    for col, value in where.items():
        q = q.where(a[col] == value)
    with c.engine.connect() as conn:
        return [(x, f"{k}:{i}", target) for x, k, i, target in conn.execute(q)]


REGISTER_TABLES: tuple[Table, ...] = (
    t.purposes,
    t.purpose_versions,
    t.company_categories,
    t.systems,
    t.exports,
    t.findings,
    t.consents,
    t.restrictions,
    t.guardian_links,
    t.legal_exceptions,
)


def written(c: Container) -> tuple[Any, ...]:
    """Rows in every table a purpose-limitation request could write, and the policy epoch."""
    with c.engine.connect() as conn:
        rows = tuple(
            conn.execute(select(func.count()).select_from(tb)).scalar_one()
            for tb in REGISTER_TABLES
        )
        epoch = tuple(
            conn.execute(select(t.policy_epoch.c.epoch, t.policy_epoch.c.register_version)).one()
        )
    return counts(c), rows, epoch


@pytest.fixture
def officer2(container: Container, api: TestClient) -> Caller:
    """A second privacy officer (four eyes on legal exceptions)."""
    return staff(container, api, "officer2@example.com", {"privacy_officer"})


@pytest.fixture
def clerk(container: Container, api: TestClient) -> Caller:
    """A plain staff account: may use data for most purposes, not for legal_compliance."""
    return staff(container, api, "clerk@example.com", {"staff"})


# --- the README walk-through ---------------------------------------------------------------


@pytest.mark.req("R2.4")
@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
@pytest.mark.req("R2.10")
def test_walkthrough_register_system_deny_without_consent_then_allow(
    container: Container, api: TestClient, officer: Caller, system: Caller, auditor: Caller
) -> None:
    crm = put_system(
        api, officer, "crm", categories=["user.contact", "user.name"], purposes=[RECOMMEND]
    )
    assert (crm["status"], crm["region"], crm["purposes"]) == ("pending", "CN", [RECOMMEND])
    crm = set_status(api, officer, "crm", "approved")
    assert crm["status"] == "approved"
    [listed] = api.get("/api/v1/systems", headers=system.headers).json()
    assert listed == crm

    sid = subject(api, system)
    denied = decide(api, system, sid, RECOMMEND, target_system="crm")
    assert denied["outcome"] == "denied" and denied["allowed"] == []
    assert "consent_required" in codes(denied)
    assert all(r["en"] and r["zh"] for r in denied["reasons"])
    assert (denied["actor"], denied["action"], denied["target_system"]) == (
        system.ref,
        "use",
        "crm",
    )
    assert denied["requested"] == ["user.contact.email", "user.name"]

    given = consent(api, system, sid, RECOMMEND)
    assert given["text_hash"] == hashlib.sha256(CONSENT_TEXT.encode()).hexdigest()
    assert (given["kind"], given["channel"], given["recorded_by"], given["withdrawn_at"]) == (
        "general",
        "web",
        system.ref,
        None,
    )
    assert CONSENT_TEXT not in json.dumps(given, ensure_ascii=False)  # evidence is the hash

    allowed = decide(api, system, sid, RECOMMEND, target_system="crm")
    assert allowed["outcome"] == "allowed"
    assert allowed["allowed"] == ["user.contact.email", "user.name"]
    assert codes(allowed) == ["allowed"]
    assert allowed["id"] != denied["id"]
    assert allowed["policy_version"].startswith("register-8/")

    # each decision is retrievable by id, and explainable rule by rule
    for d in (denied, allowed):
        r = api.get(f"/api/v1/decisions/{d['id']}", headers=auditor.headers)
        assert r.status_code == 200, r.text
        assert r.json() == d
    r = api.get(f"/api/v1/decisions/{denied['id']}/explain", headers=auditor.headers)
    assert r.status_code == 200, r.text
    lines = {x["rule"]: x for x in r.json()["rules"]}
    assert list(lines) == RULES
    assert not lines["consent_required"]["passed"]
    assert lines["consent_required"]["reasons"][0].startswith("consent_required: ")
    assert lines["system_approved"]["passed"] and lines["purpose_known"]["passed"]
    r = api.get(f"/api/v1/decisions/{allowed['id']}/explain", headers=auditor.headers)
    assert all(x["passed"] and x["reasons"] == [] for x in r.json()["rules"])

    # every decision and every register change is on the audit trail with its actor
    assert (
        audit_actions(container, action="decision.evaluate", subject_id=sid)
        == [("decision.evaluate", system.ref, sid)] * 2
    )
    assert [x[0] for x in audit_actions(container, target_type="system")] == [
        "system.save",
        "system.save",
    ]
    assert {x[1] for x in audit_actions(container, target_type="system")} == {officer.ref}
    assert audit_actions(container, action="consent.grant") == [
        ("consent.grant", system.ref, given["id"])
    ]


@pytest.mark.req("R2.10")
def test_decisions_are_searchable_by_subject_actor_purpose_outcome_and_time(
    api: TestClient, officer: Caller, system: Caller, auditor: Caller
) -> None:
    sid, other = subject(api, system), subject(api, system)
    denied = decide(api, system, sid, RECOMMEND)
    consent(api, system, sid, RECOMMEND)
    allowed = decide(api, system, sid, RECOMMEND)
    elsewhere = decide(api, officer, other, "after_sales")

    def search(**params: str) -> list[str]:
        r = api.get("/api/v1/decisions", headers=auditor.headers, params=params)
        assert r.status_code == 200, r.text
        return [d["id"] for d in r.json()]

    assert search(subject_id=sid) == [allowed["id"], denied["id"]]
    assert search(actor_id=system.id) == [allowed["id"], denied["id"]]
    assert search(actor_id=officer.id) == [elsewhere["id"]]
    assert search(purpose=RECOMMEND) == [allowed["id"], denied["id"]]
    assert search(purpose="after_sales") == [elsewhere["id"]]
    assert search(outcome="denied") == [denied["id"]]
    assert search(subject_id=sid, outcome="allowed") == [allowed["id"]]
    assert search(since=allowed["at"]) == [elsewhere["id"], allowed["id"]]
    assert search(until=allowed["at"]) == [denied["id"]]
    assert search(since=denied["at"], until=elsewhere["at"]) == [allowed["id"], denied["id"]]
    assert search(subject_id=sid, limit="1") == [allowed["id"]]
    assert_problem(
        api.get("/api/v1/decisions", headers=auditor.headers, params={"outcome": "maybe"}),
        422,
        "invalid-input",
        "outcome",
    )


@pytest.mark.req("R2.10")
def test_decisions_are_evaluated_by_data_users_and_searched_by_auditors(
    api: TestClient, officer: Caller, system: Caller, auditor: Caller
) -> None:
    sid = subject(api, system)
    assert_problem(
        api.post(
            "/api/v1/decisions",
            headers=auditor.headers,
            json={"subject_id": sid, "purpose": "after_sales"},
        ),
        403,
        "forbidden",
    )
    assert_problem(api.get("/api/v1/decisions", headers=system.headers), 403, "forbidden")
    d = decide(api, system, sid, "after_sales")
    assert_problem(
        api.get(f"/api/v1/decisions/{d['id']}/explain", headers=system.headers), 403, "forbidden"
    )
    assert_problem(
        api.get(
            "/api/v1/decisions/00000000-0000-4000-8000-000000000000/explain",
            headers=officer.headers,
        ),
        404,
        "not-found",
        "decision_id",
    )


# --- consent ---------------------------------------------------------------------------------


@pytest.mark.req("R2.4")
def test_withdrawal_takes_effect_on_the_next_decision(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = subject(api, system)
    given = consent(api, system, sid, RECOMMEND)
    assert decide(api, system, sid, RECOMMEND)["outcome"] == "allowed"
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": RECOMMEND}
    )
    assert r.status_code == 200, r.text
    assert {i["value"] for i in r.json()["items"]} == {EMAIL, NAME}

    r = api.delete(f"/api/v1/subjects/{sid}/consents/{given['id']}", headers=system.headers)
    assert r.status_code == 204, r.text
    after = decide(api, system, sid, RECOMMEND)
    assert after["outcome"] == "denied" and "consent_required" in codes(after)
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": RECOMMEND}
    )
    refused = assert_problem(r, 403, "access-denied")
    assert "consent_required" in [x["code"] for x in refused["reasons"]]
    assert EMAIL not in r.text and NAME not in r.text

    [listed] = api.get(f"/api/v1/subjects/{sid}/consents", headers=system.headers).json()
    assert listed["id"] == given["id"] and listed["withdrawn_at"] is not None
    assert_problem(
        api.delete(f"/api/v1/subjects/{sid}/consents/{given['id']}", headers=system.headers),
        404,
        "not-found",
        "consent_id",
    )
    assert [x[0] for x in audit_actions(container, target_type="consent")] == [
        "consent.grant",
        "consent.withdraw",
    ]
    # a purpose that needs no consent is untouched by the withdrawal
    assert decide(api, system, sid, "after_sales")["outcome"] == "allowed"


@pytest.mark.req("R2.4")
def test_sensitive_category_needs_its_own_separate_consent(
    container: Container, api: TestClient, system: Caller, officer: Caller
) -> None:
    sid = subject(api, system, item(), item("user.financial.bank_account", ACCOUNT))
    ask = {"categories": ["user.financial.bank_account"]}
    first = decide(api, system, sid, "order_fulfilment", **ask)
    assert (first["outcome"], codes(first)) == (
        "denied",
        ["sensitive_without_separate_consent", "impact_assessment_missing"],  # R10.4
    )
    assert first["reasons"][0]["categories"] == ["user.financial.bank_account"]
    approve_assessment_for(container, purposes={"order_fulfilment"}, categories={"user.financial"})

    consent(api, system, sid, "order_fulfilment")  # a general consent does not do
    general = decide(api, system, sid, "order_fulfilment", **ask)
    assert (general["outcome"], codes(general)) == (
        "denied",
        ["sensitive_without_separate_consent"],
    )
    consent(api, system, sid, "after_sales", kind="sensitive")  # nor one for another purpose
    assert decide(api, system, sid, "order_fulfilment", **ask)["outcome"] == "denied"

    consent(api, system, sid, "order_fulfilment", kind="sensitive")
    ok = decide(api, system, sid, "order_fulfilment", **ask)
    assert (ok["outcome"], ok["allowed"]) == ("allowed", ["user.financial.bank_account"])
    assert "mask:user.financial.bank_account" not in ok["obligations"]  # a system, no screen
    on_screen = decide(api, officer, sid, "order_fulfilment", **ask)
    assert "mask:user.financial.bank_account" in on_screen["obligations"]


@pytest.mark.req("R2.4")
@pytest.mark.req("R5.6")
def test_transfer_abroad_needs_its_own_consent(
    container: Container, api: TestClient, officer: Caller, system: Caller
) -> None:
    put_system(api, officer, "erp-de", region="DE", kind="erp")
    set_status(api, officer, "erp-de", "approved")
    put_system(api, officer, "erp-cn")
    set_status(api, officer, "erp-cn", "approved")
    sid = subject(api, system)
    assert decide(api, system, sid, "after_sales", target_system="erp-cn")["outcome"] == "allowed"

    abroad = decide(api, system, sid, "after_sales", target_system="erp-de")
    assert (abroad["outcome"], codes(abroad)) == (
        "denied",
        ["transfer_abroad_without_consent", "impact_assessment_missing"],  # R10.4
    )
    approve_assessment_for(container, purposes={"after_sales"}, systems={"erp-de"})
    assert "DE" in abroad["reasons"][0]["en"]
    consent(api, system, sid, "after_sales")  # general consent is not consent to go abroad
    consent(api, system, sid, "after_sales", kind="sensitive")
    assert decide(api, system, sid, "after_sales", target_system="erp-de")["outcome"] == "denied"
    consent(api, system, sid, "after_sales", kind="transfer_abroad")
    ok = decide(api, system, sid, "after_sales", target_system="erp-de")
    assert (ok["outcome"], ok["target_system"]) == ("allowed", "erp-de")
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "after_sales", "target_system": "erp-de"},
    )
    assert r.status_code == 200, r.text
    # the consent is per purpose: another purpose abroad still needs its own
    assert (
        decide(api, system, sid, "important_notices", target_system="erp-de")["outcome"] == "denied"
    )


# --- children --------------------------------------------------------------------------------


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
def test_child_data_is_refused_until_a_verified_guardian_consents(
    container: Container, api: TestClient, system: Caller, officer: Caller
) -> None:
    today = container.clock.now().date()
    born = date(today.year - 10, 1, 15).isoformat()
    child = subject(api, system, item(), item("user.demographic.date_of_birth", born), kind="child")
    mother = subject(api, system, item(value="mother@example.cn"), kind="guardian")
    ask = {"categories": ["user.contact.email"]}

    def outcome() -> tuple[str, list[str]]:
        d = decide(api, system, child, "after_sales", **ask)
        return d["outcome"], codes(d)

    assert outcome() == ("denied", ["child_without_guardian_consent"])
    r = api.get(
        f"/api/v1/subjects/{child}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert "child_without_guardian_consent" in [
        x["code"] for x in assert_problem(r, 403, "access-denied")["reasons"]
    ]

    # consent from someone not linked as guardian is refused outright
    r = api.post(
        f"/api/v1/subjects/{child}/consents",
        headers=system.headers,
        json={
            "purpose": "after_sales",
            "kind": "guardian",
            "channel": "web",
            "text_shown": CONSENT_TEXT,
            "given_by": mother,
        },
    )
    assert_problem(r, 409, "conflict", "given_by")

    r = api.post(
        f"/api/v1/subjects/{child}/guardians", headers=system.headers, json={"guardian_id": mother}
    )
    assert r.status_code == 201, r.text
    assert r.json()["verified"] == "no"
    consent(api, system, child, "after_sales", kind="guardian", given_by=mother)
    assert outcome() == ("denied", ["child_without_guardian_consent"])  # link not verified

    r = api.post(f"/api/v1/subjects/{child}/guardians/{mother}/verify", headers=system.headers)
    assert_problem(r, 403, "forbidden")  # a system cannot vouch for a guardian
    r = api.post(f"/api/v1/subjects/{child}/guardians/{mother}/verify", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"child_id": child, "guardian_id": mother, "verified": "yes"}
    assert outcome() == ("allowed", ["allowed"])
    r = api.get(
        f"/api/v1/subjects/{child}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert r.status_code == 200, r.text
    assert [i["category"] for i in r.json()["items"]] == ["user.contact.email"]
    # the guardian's consent is per purpose
    other = decide(api, system, child, "important_notices", **ask)
    assert "child_without_guardian_consent" in codes(other)
    # for a child, a consent counts only when the verified guardian gave it
    consent(api, system, child, RECOMMEND)
    consent(api, system, child, RECOMMEND, kind="guardian", given_by=mother)
    alone = decide(api, system, child, RECOMMEND, **ask)
    assert alone["outcome"] == "denied" and "consent_required" in codes(alone)
    assert "child_without_guardian_consent" not in codes(alone)  # the guardian did consent
    consent(api, system, child, RECOMMEND, given_by=mother)
    assert decide(api, system, child, RECOMMEND, **ask)["outcome"] == "allowed"
    assert [
        x[0] for x in audit_actions(container, subject_id=child) if x[0].startswith("guardian.")
    ] == ["guardian.link", "guardian.verify"]


@pytest.mark.req("R6.1")
def test_a_declared_minor_is_a_child_until_declared_otherwise(
    api: TestClient, system: Caller
) -> None:
    born = "1990-06-01"
    sid = subject(api, system, item(), item("user.demographic.date_of_birth", born))
    ask = {"categories": ["user.contact.email"]}
    assert decide(api, system, sid, "after_sales", **ask)["outcome"] == "allowed"
    r = api.put(f"/api/v1/subjects/{sid}/minor", headers=system.headers, json={"minor": True})
    assert r.status_code == 204, r.text
    d = decide(api, system, sid, "after_sales", **ask)
    assert (d["outcome"], codes(d)) == ("denied", ["child_without_guardian_consent"])
    api.put(
        f"/api/v1/subjects/{sid}/minor", headers=system.headers, json={"minor": False}
    ).raise_for_status()
    assert decide(api, system, sid, "after_sales", **ask)["outcome"] == "allowed"


# --- restriction and objection ---------------------------------------------------------------


@pytest.mark.req("R2.4")
def test_restriction_and_objection_refuse_until_lifted(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = subject(api, system)
    r = api.post(
        f"/api/v1/subjects/{sid}/restrictions", headers=system.headers, json={"kind": "restriction"}
    )
    assert r.status_code == 201, r.text
    restriction = r.json()
    for purpose in ("after_sales", "important_notices"):
        d = decide(api, system, sid, purpose)
        assert (d["outcome"], codes(d)) == ("denied", ["processing_restricted"])
    r = api.delete(
        f"/api/v1/subjects/{sid}/restrictions/{restriction['id']}", headers=system.headers
    )
    assert r.status_code == 204, r.text
    assert decide(api, system, sid, "after_sales")["outcome"] == "allowed"
    assert_problem(
        api.delete(
            f"/api/v1/subjects/{sid}/restrictions/{restriction['id']}", headers=system.headers
        ),
        409,
        "conflict",
        "restriction_id",
    )

    r = api.post(
        f"/api/v1/subjects/{sid}/restrictions",
        headers=system.headers,
        json={"kind": "objection", "purpose": "important_notices"},
    )
    assert r.status_code == 201, r.text
    d = decide(api, system, sid, "important_notices")
    assert (d["outcome"], codes(d)) == ("denied", ["processing_objected"])
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "important_notices"},
    )
    assert "processing_objected" in [
        x["code"] for x in assert_problem(r, 403, "access-denied")["reasons"]
    ]
    assert decide(api, system, sid, "after_sales")["outcome"] == "allowed"  # only that purpose
    assert [x[0] for x in audit_actions(container, target_type="restriction")] == [
        "processing.restriction",
        "processing.lift",
        "processing.objection",
    ]
    listed = api.get(f"/api/v1/subjects/{sid}/restrictions", headers=system.headers).json()
    assert [(x["kind"], x["purpose"], x["lifted_at"] is not None) for x in listed] == [
        ("restriction", None, True),
        ("objection", "important_notices", False),
    ]
    assert_problem(
        api.get("/api/v1/subjects/no-such-subject/restrictions", headers=system.headers),
        404,
        "not-found",
        "subject_id",
    )


# --- systems ---------------------------------------------------------------------------------


@pytest.mark.req("R5.6")
def test_data_flows_only_to_an_approved_system(
    api: TestClient, officer: Caller, system: Caller, clerk: Caller
) -> None:
    sid = subject(api, system)

    def to(target: str) -> tuple[str, list[str]]:
        d = decide(api, system, sid, "after_sales", target_system=target)
        return d["outcome"], codes(d)

    put_system(api, officer, "crm")
    assert to("crm") == ("denied", ["system_not_approved"])  # pending
    assert to("nowhere") == ("denied", ["system_not_approved"])  # not in the data map
    set_status(api, officer, "crm", "approved")
    assert to("crm") == ("allowed", ["allowed"])
    assert set_status(api, officer, "crm", "retired")["status"] == "retired"
    assert to("crm") == ("denied", ["system_not_approved"])
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=system.headers,
        params={"purpose": "after_sales", "target_system": "crm"},
    )
    assert "system_not_approved" in [
        x["code"] for x in assert_problem(r, 403, "access-denied")["reasons"]
    ]

    put_system(api, officer, "cloud-crm", cloud_provider="Aliyun")
    set_status(api, officer, "cloud-crm", "approved")
    assert to("cloud-crm") == ("denied", ["system_not_approved"])  # its cloud is not approved
    approved = set_status(api, officer, "cloud-crm", "approved", cloud_approved=True)
    assert (approved["cloud_provider"], approved["cloud_approved"]) == ("Aliyun", True)
    assert to("cloud-crm") == ("allowed", ["allowed"])

    # approval is the privacy officer's step
    assert_problem(
        api.post(
            "/api/v1/systems/crm/approval", headers=clerk.headers, json={"status": "approved"}
        ),
        403,
        "forbidden",
    )
    assert_problem(
        api.post(
            "/api/v1/systems/ghost/approval", headers=officer.headers, json={"status": "approved"}
        ),
        404,
        "not-found",
        "key",
    )


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.req("R2.10")
def test_a_role_the_purpose_does_not_allow_is_refused(
    api: TestClient, system: Caller, officer: Caller, clerk: Caller
) -> None:
    sid = subject(api, system)
    assert decide(api, clerk, sid, "after_sales")["outcome"] == "allowed"
    d = decide(api, clerk, sid, "legal_compliance")
    assert (d["outcome"], codes(d)) == ("denied", ["role_not_allowed_for_purpose"])
    assert d["actor"] == clerk.ref
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=clerk.headers,
        params={"purpose": "legal_compliance"},
    )
    assert "role_not_allowed_for_purpose" in [
        x["code"] for x in assert_problem(r, 403, "access-denied")["reasons"]
    ]
    assert EMAIL not in r.text
    assert decide(api, officer, sid, "legal_compliance")["outcome"] == "allowed"
    assert decide(api, system, sid, "legal_compliance")["outcome"] == "allowed"


@pytest.fixture
def moving(settings: Settings) -> Iterator[tuple[Container, FixedClock]]:
    """A container whose clock the test moves."""
    clock = FixedClock(datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    c = bootstrap(settings, clock=clock, migrate=False, passwords=QUICK)
    yield c, clock
    c.close()


def first_officer(c: Container, api: TestClient) -> Caller:
    """The first account (admin + privacy officer) through the one-time setup."""
    return first_account(c, api)


def system_client(c: Container) -> Caller:
    client, key = accounts.add_client(c.uow(), c.clock, OPERATOR, "erp")
    return Caller(client.id, "system", {"Authorization": f"Bearer {key}"})


# --- legal exceptions ------------------------------------------------------------------------


def request_exception(
    api: TestClient,
    caller: Caller,
    subject_ids: list[str],
    categories: list[str],
    start: datetime,
    end: datetime,
) -> Response:
    return api.post(
        "/api/v1/exceptions",
        headers=caller.headers,
        json={
            "kind": "criminal_justice",
            "authority": "佛山市公安局禅城分局",
            "case_reference": "佛公(禅)刑字〔2025〕118号",
            "legal_provision": "刑事诉讼法 第54条 / Criminal Procedure Law Art. 54",
            "subject_ids": subject_ids,
            "categories": categories,
            "valid_from": start.isoformat(),
            "valid_until": end.isoformat(),
        },
    )


@pytest.mark.req("R2.5")
def test_legal_exception_needs_a_second_privacy_officer_and_is_named(
    container: Container,
    api: TestClient,
    officer: Caller,
    officer2: Caller,
    clerk: Caller,
    system: Caller,
) -> None:
    sid = subject(api, system)
    bystander = subject(api, system)
    now = container.clock.now()
    r = request_exception(
        api, officer, [sid], ["user.contact"], now - timedelta(minutes=1), now + timedelta(days=30)
    )
    assert r.status_code == 201, r.text
    ex = r.json()
    assert (ex["requested_by"], ex["approved_by"], ex["kind"]) == (
        officer.ref,
        None,
        "criminal_justice",
    )
    eid = ex["id"]

    # not yet approved: it lifts nothing, and the decision says so
    d = decide(api, officer, sid, RECOMMEND, exception_id=eid)
    assert d["outcome"] == "denied"
    assert {"exception_not_in_force", "consent_required"} <= set(codes(d))

    before = written(container)
    own = api.post(f"/api/v1/exceptions/{eid}/approve", headers=officer.headers)
    body = assert_problem(own, 403, "forbidden")
    assert "another privacy officer" in body["detail"]
    assert_problem(
        api.post(f"/api/v1/exceptions/{eid}/approve", headers=clerk.headers), 403, "forbidden"
    )
    assert written(container) == before

    r = api.post(f"/api/v1/exceptions/{eid}/approve", headers=officer2.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["approved_by"], r.json()["requested_by"]) == (officer2.ref, officer.ref)
    assert_problem(
        api.post(f"/api/v1/exceptions/{eid}/approve", headers=officer2.headers),
        409,
        "conflict",
        "exception_id",
    )

    lifted = decide(
        api, officer, sid, RECOMMEND, exception_id=eid, categories=["user.contact.email"]
    )
    assert lifted["outcome"] == "allowed" and lifted["exception_id"] == eid
    [reason] = lifted["reasons"]
    assert reason["code"] == "legal_exception" and eid in reason["en"] and eid in reason["zh"]
    assert reason["categories"] == ["user.contact.email"]
    [expires] = [o for o in lifted["obligations"] if o.startswith("expires:")]
    assert datetime.fromisoformat(expires.removeprefix("expires:")) == datetime.fromisoformat(
        ex["valid_until"]
    )
    r = api.get(
        f"/api/v1/subjects/{sid}/data",
        headers=officer.headers,
        params={"purpose": RECOMMEND, "exception_id": eid},
    )
    assert r.status_code == 200, r.text
    assert [(i["category"], i["value"]) for i in r.json()["items"]] == [
        ("user.contact.email", EMAIL)
    ]  # the name is outside the exception's scope
    assert "consent_required" in codes(r.json()["decision"])
    assert "legal_exception" in codes(r.json()["decision"])

    # its scope: another subject is not covered; a system refusal is never lifted
    assert decide(api, officer, bystander, RECOMMEND, exception_id=eid)["outcome"] == "denied"
    put_system(api, officer, "pending-crm")
    d = decide(
        api,
        officer,
        sid,
        RECOMMEND,
        exception_id=eid,
        target_system="pending-crm",
        categories=["user.contact.email"],
    )
    assert (d["outcome"], codes(d)) == ("denied", ["system_not_approved"])

    r = api.post(f"/api/v1/exceptions/{eid}/revoke", headers=officer.headers)
    assert r.status_code == 200 and r.json()["revoked_at"] is not None, r.text
    d = decide(api, officer, sid, RECOMMEND, exception_id=eid, categories=["user.contact.email"])
    assert d["outcome"] == "denied" and "exception_not_in_force" in codes(d)

    revoked_at = r.json()["revoked_at"]
    again = api.post(f"/api/v1/exceptions/{eid}/revoke", headers=officer.headers)
    assert again.status_code == 409 and again.json()["field"] == "exception_id", again.text

    [listed] = api.get("/api/v1/exceptions", headers=officer.headers).json()
    assert listed["id"] == eid and listed["revoked_at"] == revoked_at  # the first time stays
    assert audit_actions(container, target_type="exception") == [
        ("exception.request", officer.ref, eid),
        ("exception.approve", officer2.ref, eid),
        ("exception.revoke", officer.ref, eid),
    ]


@pytest.mark.req("R2.5")
def test_an_expired_legal_exception_lifts_nothing(moving: tuple[Container, FixedClock]) -> None:
    c, clock = moving
    with TestClient(app_for(c)) as api:
        officer, system = first_officer(c, api), system_client(c)
        officer2 = staff(c, api, "officer2@example.com", {"privacy_officer"})
        sid = subject(api, system)
        now = clock.now()
        r = request_exception(api, officer, [sid], ["user"], now, now + timedelta(hours=1))
        assert r.status_code == 201, r.text
        eid = r.json()["id"]
        api.post(f"/api/v1/exceptions/{eid}/approve", headers=officer2.headers).raise_for_status()
        inside = decide(api, officer, sid, RECOMMEND, exception_id=eid)
        assert (inside["outcome"], codes(inside)) == ("allowed", ["legal_exception"])
        clock.advance(timedelta(hours=1))  # valid_until is exclusive
        reauth(api, officer)  # an hour idle locked the session (R2.6)
        d = decide(api, officer, sid, RECOMMEND, exception_id=eid)
        assert d["outcome"] == "denied"
        assert {"exception_not_in_force", "consent_required"} <= set(codes(d))


# --- the register ----------------------------------------------------------------------------


@pytest.mark.req("R2.3")
def test_the_register_is_seeded_versioned_and_audited(
    container: Container, api: TestClient, officer: Caller, system: Caller, clerk: Caller
) -> None:
    r = api.get("/api/v1/purposes", headers=system.headers)
    assert r.status_code == 200, r.text
    reg = r.json()
    by_key = {p["key"]: p for p in reg["purposes"]}
    assert reg["version"] == 8 and set(by_key) == SEEDED
    assert all(
        p["en"]
        and p["zh"]
        and p["categories"]
        and p["retention_days"] > 0
        and p["legal_basis"]
        and p["active"]
        for p in by_key.values()
    )
    assert by_key[RECOMMEND]["needs_consent"] and not by_key["after_sales"]["needs_consent"]
    assert by_key["legal_compliance"]["roles"] == ["privacy_officer", "system"]

    sid = subject(api, system)
    before = decide(api, system, sid, "after_sales")
    assert (before["outcome"], before["policy_version"].split("/")[0]) == ("allowed", "register-8")

    change = {k: v for k, v in by_key["after_sales"].items() if k != "key"}
    change["needs_consent"] = True
    assert_problem(
        api.put("/api/v1/purposes/after_sales", headers=clerk.headers, json=change),
        403,
        "forbidden",
    )
    r = api.put("/api/v1/purposes/after_sales", headers=officer.headers, json=change)
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 9
    after = decide(api, system, sid, "after_sales")
    assert after["policy_version"].split("/")[0] == "register-9"
    assert (after["outcome"], codes(after)) == ("denied", ["consent_required"])
    # the earlier decision keeps the version it used
    old = api.get(f"/api/v1/decisions/{before['id']}", headers=officer.headers).json()
    assert old["policy_version"].split("/")[0] == "register-8"

    new = {
        "en": "Warranty registration",
        "zh": "保修登记",
        "legal_basis": "contract",
        "categories": ["user.contact.email"],
        "retention_days": 365,
        "needs_consent": False,
        "roles": ["staff"],
    }
    r = api.put("/api/v1/purposes/warranty", headers=officer.headers, json=new)
    assert r.status_code == 200 and r.json()["version"] == 10, r.text
    r = api.delete("/api/v1/purposes/warranty", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 11
    assert not {p["key"]: p for p in r.json()["purposes"]}["warranty"]["active"]
    d = decide(api, clerk, sid, "warranty", categories=["user.contact.email"])
    assert (d["outcome"], codes(d)) == ("denied", ["purpose_unknown"])

    assert audit_actions(container, action="register.purpose") == [
        ("register.purpose", officer.ref, "after_sales"),
        ("register.purpose", officer.ref, "warranty"),
        ("register.purpose", officer.ref, "warranty"),
    ]
    with container.engine.connect() as conn:
        history = conn.execute(
            select(
                t.purpose_versions.c.register_version,
                t.purpose_versions.c.purpose_key,
                t.purpose_versions.c.changed_by,
            )
            .where(t.purpose_versions.c.register_version > 8)
            .order_by(t.purpose_versions.c.register_version)
        ).all()
    assert [tuple(h) for h in history] == [
        (9, "after_sales", officer.ref),
        (10, "warranty", officer.ref),
        (11, "warranty", officer.ref),
    ]


@pytest.mark.req("R2.1")
def test_company_categories_are_added_never_weaker_and_deleted_when_unused(
    container: Container, api: TestClient, officer: Caller, system: Caller
) -> None:
    wechat = {"key": "user.contact.wechat_id", "name": "WeChat ID", "name_zh": "微信号"}
    r = api.post("/api/v1/taxonomy", headers=officer.headers, json=wechat)
    assert r.status_code == 201, r.text
    assert r.json() == {"key": "user.contact.wechat_id", "tier": "ordinary"}
    assert_problem(
        api.post("/api/v1/taxonomy", headers=officer.headers, json=wechat), 409, "conflict", "key"
    )
    # never weaker than its parent: under a sensitive parent it is sensitive
    r = api.post(
        "/api/v1/taxonomy",
        headers=officer.headers,
        json={
            "key": "user.financial.loyalty_card",
            "name": "Loyalty card",
            "name_zh": "会员卡号",
            "tier": "ordinary",
        },
    )
    assert r.status_code == 201 and r.json()["tier"] == "sensitive", r.text
    tree = {x["key"]: x for x in api.get("/api/v1/taxonomy", headers=system.headers).json()}
    wx = tree["user.contact.wechat_id"]
    assert (wx["origin"], wx["parent"], wx["name_zh"]) == ("company", "user.contact", "微信号")
    assert tree["user.financial.loyalty_card"]["tier"] == "sensitive"

    r = api.delete("/api/v1/taxonomy/user.financial.loyalty_card", headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"key": "user.financial.loyalty_card", "outcome": "deleted"}
    tree = {x["key"]: x for x in api.get("/api/v1/taxonomy", headers=system.headers).json()}
    assert "user.financial.loyalty_card" not in tree and "user.contact.wechat_id" in tree
    assert_problem(
        api.delete("/api/v1/taxonomy/user.contact.email", headers=officer.headers),
        422,
        "invalid-input",
        "key",
    )  # built in: never retired
    assert_problem(
        api.post("/api/v1/taxonomy", headers=system.headers, json=wechat), 403, "forbidden"
    )
    assert audit_actions(container, target_type="category") == [
        ("taxonomy.add", officer.ref, "user.contact.wechat_id"),
        ("taxonomy.add", officer.ref, "user.financial.loyalty_card"),
        ("taxonomy.deleted", officer.ref, "user.financial.loyalty_card"),
    ]


# --- exports and findings --------------------------------------------------------------------


@pytest.mark.req("R2.7")
def test_an_expired_export_becomes_a_finding_with_a_lifecycle(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    with TestClient(app_for(c)) as api:
        officer = first_officer(c, api)
        put_system(api, officer, "erp")
        export = {
            "system": "erp",
            "recipient": "Foshan logistics partner",
            "categories": ["user.contact.address", "user.name"],
            "purpose": "order_fulfilment",
            "expires_at": (clock.now() + timedelta(hours=1)).isoformat(),
        }
        r = api.post("/api/v1/exports", headers=officer.headers, json=export)
        assert r.status_code == 201, r.text
        registered = r.json()
        assert (registered["requested_by"], registered["system"]) == (officer.ref, "erp")
        assert [e["id"] for e in api.get("/api/v1/exports", headers=officer.headers).json()] == [
            registered["id"]
        ]

        r = api.post("/api/v1/exports/review", headers=officer.headers)
        assert r.status_code == 200 and r.json() == [], r.text  # not expired yet
        clock.advance(timedelta(hours=1, minutes=1))
        reauth(api, officer)  # an hour idle locked the session (R2.6)
        [finding] = api.post("/api/v1/exports/review", headers=officer.headers).json()
        assert (finding["kind"], finding["status"], finding["source"]) == (
            "expired_export",
            "open",
            f"export:{registered['id']}",
        )
        assert api.post("/api/v1/exports/review", headers=officer.headers).json() == []

        fid = finding["id"]

        def move(**body: Any) -> Response:
            return api.patch(f"/api/v1/findings/{fid}", headers=officer.headers, json=body)

        assert_problem(move(status="assigned"), 422, "invalid-input", "assignee")
        r = move(status="assigned", assignee="it-ops")
        assert r.status_code == 200 and r.json()["assignee"] == "it-ops", r.text
        assert_problem(move(status="accepted_risk"), 422, "invalid-input", "reason")
        assert_problem(move(status="accepted_risk", reason="  "), 422, "invalid-input", "reason")
        r = move(status="accepted_risk", reason="the partner confirmed deletion in writing")
        assert r.status_code == 200, r.text
        assert (r.json()["status"], r.json()["reason"]) == (
            "accepted_risk",
            "the partner confirmed deletion in writing",
        )
        assert_problem(move(status="fixed"), 409, "conflict", "status")
        reopened = move(status="open").json()
        assert (reopened["status"], reopened["reason"]) == ("open", None)
        assert move(status="fixed").json()["status"] == "fixed"
        listed = api.get(
            "/api/v1/findings", headers=officer.headers, params={"status": "fixed"}
        ).json()
        assert [f["id"] for f in listed] == [fid]
        assert (
            api.get("/api/v1/findings", headers=officer.headers, params={"status": "open"}).json()
            == []
        )
        assert_problem(
            api.patch(
                "/api/v1/findings/00000000-0000-4000-8000-000000000000",
                headers=officer.headers,
                json={"status": "fixed"},
            ),
            404,
            "not-found",
            "finding_id",
        )
        actions = [a for a, _, _ in audit_actions(c, target_type="finding")]
        assert actions == [
            "finding.open",
            "finding.assigned",
            "finding.accepted_risk",
            "finding.open",
            "finding.fixed",
        ]


# --- reading data through the decision -------------------------------------------------------


@pytest.mark.req("R2.4")
@pytest.mark.req("R2.10")
def test_data_read_returns_only_the_allowed_categories_or_403_with_reasons(
    container: Container, api: TestClient, system: Caller
) -> None:
    sid = subject(
        api, system, item(), item("user.name", NAME), item("user.financial.bank_account", ACCOUNT)
    )
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert {i["category"]: i["value"] for i in data["items"]} == {
        "user.contact.email": EMAIL,
        "user.name": NAME,
    }
    assert ACCOUNT not in r.text
    d = data["decision"]
    assert d["requested"] == ["user.contact.email", "user.financial.bank_account", "user.name"]
    assert d["allowed"] == ["user.contact.email", "user.name"]
    refused = {x["code"]: x["categories"] for x in d["reasons"]}
    assert refused["category_not_allowed_for_purpose"] == ["user.financial.bank_account"]

    before = counts(container)
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": RECOMMEND}
    )
    problem = assert_problem(r, 403, "access-denied")
    assert {"consent_required", "purpose_not_declared_at_collection"} <= {
        x["code"] for x in problem["reasons"]
    }
    assert all(x["en"] and x["zh"] for x in problem["reasons"])
    for value in (EMAIL, NAME, ACCOUNT):
        assert value not in r.text
    after = counts(container)  # the refusal itself is recorded, nothing else
    assert (after.decisions, after.audit, after.items) == (
        before.decisions + 1,
        before.audit + 1,
        before.items,
    )
    r = api.get(f"/api/v1/decisions/{problem['decision_id']}", headers=system.headers)
    assert r.status_code == 403  # a system reads data, not the decision ledger


# --- bad input: problem+json with the field, nothing written ---------------------------------

BAD_CALLS: list[tuple[str, str, str, Any, int, str, str]] = [
    # (case, method, path ({sid}: a subject), body, status, problem code, field)
    (
        "decide: no purpose",
        "POST",
        "/api/v1/decisions",
        {"subject_id": "{sid}"},
        422,
        "invalid-input",
        "purpose",
    ),
    (
        "decide: unknown action",
        "POST",
        "/api/v1/decisions",
        {"subject_id": "{sid}", "purpose": "after_sales", "action": "sell"},
        422,
        "invalid-input",
        "action",
    ),
    (
        "decide: unknown subject",
        "POST",
        "/api/v1/decisions",
        {"subject_id": "00000000-0000-4000-8000-000000000000", "purpose": "after_sales"},
        404,
        "not-found",
        "subject_id",
    ),
    (
        "decide: unknown field",
        "POST",
        "/api/v1/decisions",
        {"subject_id": "{sid}", "purpose": "after_sales", "why": "curious"},
        422,
        "invalid-input",
        "why",
    ),
    (
        "consent: empty text",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": RECOMMEND, "channel": "web", "text_shown": ""},
        422,
        "invalid-input",
        "text_shown",
    ),
    (
        "consent: blank text",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": RECOMMEND, "channel": "web", "text_shown": "   "},
        422,
        "invalid-input",
        "text_shown",
    ),
    (
        "consent: bad channel",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": RECOMMEND, "channel": "telepathy", "text_shown": "ok"},
        422,
        "invalid-input",
        "channel",
    ),
    (
        "consent: unknown purpose",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": "marketing", "channel": "web", "text_shown": "ok"},
        404,
        "not-found",
        "purpose",
    ),
    (
        "consent: guardian without given_by",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": RECOMMEND, "kind": "guardian", "channel": "web", "text_shown": "ok"},
        422,
        "invalid-input",
        "given_by",
    ),
    (
        "consent: given_by is not a linked guardian",
        "POST",
        "/api/v1/subjects/{sid}/consents",
        {"purpose": RECOMMEND, "channel": "web", "text_shown": "ok", "given_by": "{sid}"},
        409,
        "conflict",
        "given_by",
    ),
    (
        "objection without purpose",
        "POST",
        "/api/v1/subjects/{sid}/restrictions",
        {"kind": "objection"},
        422,
        "invalid-input",
        "purpose",
    ),
    (
        "own guardian",
        "POST",
        "/api/v1/subjects/{sid}/guardians",
        {"guardian_id": "{sid}"},
        422,
        "invalid-input",
        "guardian_id",
    ),
    (
        "system: region not ISO",
        "PUT",
        "/api/v1/systems/crm",
        {"name": "CRM", "owner": "sales", "kind": "crm", "region": "C1"},
        422,
        "invalid-input",
        "region",
    ),
    (
        "system: region too long",
        "PUT",
        "/api/v1/systems/crm",
        {"name": "CRM", "owner": "sales", "kind": "crm", "region": "China"},
        422,
        "invalid-input",
        "region",
    ),
    (
        "system: unknown purpose",
        "PUT",
        "/api/v1/systems/crm",
        {"name": "CRM", "owner": "sales", "kind": "crm", "region": "CN", "purposes": ["marketing"]},
        404,
        "not-found",
        "purposes",
    ),
    (
        "system: bad key",
        "PUT",
        "/api/v1/systems/CRM!",
        {"name": "CRM", "owner": "sales", "kind": "crm", "region": "CN"},
        422,
        "invalid-input",
        "key",
    ),
    (
        "purpose: no Chinese",
        "PUT",
        "/api/v1/purposes/warranty",
        {
            "en": "Warranty",
            "zh": " ",
            "legal_basis": "contract",
            "categories": ["user.name"],
            "retention_days": 30,
            "needs_consent": False,
            "roles": ["staff"],
        },
        422,
        "invalid-input",
        "zh",
    ),
    (
        "purpose: zero retention",
        "PUT",
        "/api/v1/purposes/warranty",
        {
            "en": "Warranty",
            "zh": "保修",
            "legal_basis": "contract",
            "categories": ["user.name"],
            "retention_days": 0,
            "needs_consent": False,
            "roles": ["staff"],
        },
        422,
        "invalid-input",
        "retention_days",
    ),
    (
        "purpose: unknown category",
        "PUT",
        "/api/v1/purposes/warranty",
        {
            "en": "Warranty",
            "zh": "保修",
            "legal_basis": "contract",
            "categories": ["user.shoe_size"],
            "retention_days": 30,
            "needs_consent": False,
            "roles": ["staff"],
        },
        422,
        "unknown-category",
        "categories",
    ),
    (
        "category: unknown parent",
        "POST",
        "/api/v1/taxonomy",
        {"key": "user.hobby.golf", "name": "Golf", "name_zh": "高尔夫"},
        422,
        "unknown-category",
        "key",
    ),
    (
        "exception: ends before it starts",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2025-03-02T00:00:00+08:00",
            "valid_until": "2025-03-01T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "valid_until",
    ),
    (
        "exception: ends when it starts",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2099-03-01T00:00:00+08:00",
            "valid_until": "2099-02-28T16:00:00Z",
        },
        422,
        "invalid-input",
        "valid_until",
    ),
    (
        "exception: already expired",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2020-03-01T00:00:00+08:00",
            "valid_until": "2020-03-02T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "valid_until",
    ),
    (
        "exception: naive time",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2099-03-01T00:00:00",
            "valid_until": "2099-03-02T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "valid_from",
    ),
    (
        "exception: blank authority",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": " ",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2099-03-01T00:00:00+08:00",
            "valid_until": "2099-03-02T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "authority",
    ),
    (
        "exception: unknown subject",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "vital_interests",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["00000000-0000-4000-8000-000000000000"],
            "categories": ["user"],
            "valid_from": "2099-03-01T00:00:00+08:00",
            "valid_until": "2099-03-02T00:00:00+08:00",
        },
        404,
        "not-found",
        "subject_ids",
    ),
    (
        "exception: unknown kind",
        "POST",
        "/api/v1/exceptions",
        {
            "kind": "curiosity",
            "authority": "120",
            "case_reference": "A-1",
            "legal_provision": "PIPL Art. 13(4)",
            "subject_ids": ["{sid}"],
            "categories": ["user"],
            "valid_from": "2099-03-01T00:00:00+08:00",
            "valid_until": "2099-03-02T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "kind",
    ),
    (
        "export: already expired",
        "POST",
        "/api/v1/exports",
        {
            "system": "erp",
            "recipient": "partner",
            "categories": ["user.name"],
            "purpose": "order_fulfilment",
            "expires_at": "2020-01-01T00:00:00+08:00",
        },
        422,
        "invalid-input",
        "expires_at",
    ),
    (
        "export: unknown system",
        "POST",
        "/api/v1/exports",
        {
            "system": "ghost",
            "recipient": "partner",
            "categories": ["user.name"],
            "purpose": "order_fulfilment",
            "expires_at": "2099-01-01T00:00:00+08:00",
        },
        404,
        "not-found",
        "system",
    ),
    (
        "finding: unknown status",
        "PATCH",
        "/api/v1/findings/00000000-0000-4000-8000-000000000000",
        {"status": "ignored"},
        422,
        "invalid-input",
        "status",
    ),
]


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
@pytest.mark.req("R2.5")
@pytest.mark.req("R2.7")
@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code", "field"),
    [c[1:] for c in BAD_CALLS],
    ids=[c[0] for c in BAD_CALLS],
)
def test_bad_input_on_the_registers_is_a_problem_naming_the_field_and_writes_nothing(
    container: Container,
    api: TestClient,
    officer: Caller,
    method: str,
    path: str,
    body: Any,
    status: int,
    code: str,
    field: str,
) -> None:
    sid = subject(api, officer)
    put_system(api, officer, "erp")
    payload = json.loads(json.dumps(body).replace("{sid}", sid))
    before = written(container)
    r = api.request(method, path.replace("{sid}", sid), json=payload, headers=officer.headers)
    problem = assert_problem(r, status, code, field)
    assert field in [e["field"] for e in problem["errors"]]
    assert written(container) == before
