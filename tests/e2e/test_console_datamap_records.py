"""The data map's console pages — exports and findings (R2.7, R5.6, R2.10), on SQLite and
PostgreSQL: the register of exports with its review state and filters (officers; auditors
read it), the officers' review that turns expired exports into findings, registering an
export (staff for their department's purposes, officers; the form asks for the password and
code again after `reauth_minutes`); the findings filtered by status, system, category and
age with paging, one finding assigned, fixed, reopened and its risk accepted with a reason
(PATCH /api/v1/findings/{id}'s rule); and what the front page is told (`attention`). Systems:
test_console_datamap.py."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.policy.datamap import Approval, Export, Finding, FindingStatus
from piiguard.services.policy import datamap
from piiguard.services.staff.login import token_hash
from piiguard.web.console.datamap.pages import attention
from tests.e2e.conftest import PASSWORD, TestClient, totp_code
from tests.e2e.console_client import Console, People
from tests.e2e.test_console_datamap import add_system, marked, taken


def age_session(c: Container, who: Console, minutes: float) -> None:
    """As if `who` signed in `minutes` ago (the re-authentication window)."""
    with c.engine.begin() as conn:
        conn.execute(
            update(t.staff_sessions)
            .where(t.staff_sessions.c.token_hash == token_hash(who.token))
            .values(authenticated_at=c.clock.now() - timedelta(minutes=minutes))
        )


def put_export(c: Container, system: str, days: float, recipient: str = "Logistics Co") -> str:
    """An export registered 60 days ago that expires `days` from now (negative: expired)."""
    now = c.clock.now()
    e = Export(
        str(uuid.uuid4()),
        system,
        recipient,
        "system:test",
        frozenset({"user.contact.email"}),
        "order_fulfilment",
        now - timedelta(days=60),
        now + timedelta(days=days),
    )
    with c.uow() as uow:
        uow.registers.add_export(e)
        uow.commit()
    return e.id


def put_finding(
    c: Container,
    source: str,
    category: str = "user.contact.email",
    days_old: float = 0,
    status: FindingStatus = FindingStatus.OPEN,
    kind: str = "unregistered_location",
) -> str:
    f = Finding(
        str(uuid.uuid4()),
        uuid.uuid4().hex,
        kind,
        source,
        category,
        "personal data where no designated system is registered",
        status,
        c.clock.now() - timedelta(days=days_old),
    )
    with c.uow() as uow:
        uow.registers.save_finding(f, c.clock.now())
        uow.commit()
    return f.id


def export_rows(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr id="export-([^"]+)" data-id="[^"]+" data-state="([^"]+)"', html))


def finding_rows(html: str) -> list[str]:
    return re.findall(r'<tr id="finding-([^"]+)"', html)


def finding_of(c: Container, fid: str) -> Finding:
    return next(f for f in datamap.list_findings(c.uow(readonly=True)) if f.id == fid)


def in_days(c: Container, days: int) -> str:
    return (c.clock.now() + timedelta(days=days)).date().isoformat()


# --- exports ---------------------------------------------------------------------------------


@pytest.mark.req("R2.7")
def test_the_register_of_exports_shows_review_states_filters_and_the_review(
    container: Container, people: People, api: TestClient
) -> None:
    c = container
    add_system(c, "erp", Approval.APPROVED)
    add_system(c, "crm", Approval.APPROVED, kind="crm")
    active = put_export(c, "erp", 90)
    soon = put_export(c, "crm", 5)
    expired = put_export(c, "erp", -3)
    o = people.officer
    html = o.page("/console/exports")
    assert export_rows(html) == {soon: "soon", active: "active", expired: "expired"}
    assert "1 expired, not yet reviewed." in html and 'id="review-exports"' in html
    assert export_rows(o.page("/console/exports?state=soon")) == {soon: "soon"}
    assert export_rows(o.page("/console/exports?system=erp")) == {
        active: "active",
        expired: "expired",
    }
    bad = o.page("/console/exports?state=bogus", status=422)
    assert marked(bad, "state") and export_rows(bad) == {}
    # the auditor reads it, without the review; staff may not open it
    html = people.auditor.page("/console/exports")
    assert len(export_rows(html)) == 3 and 'id="review-exports"' not in html
    people.staff.page("/console/exports", status=403)
    zh = Console(api, people.auditor.caller, lang="zh-CN")
    assert "已到期，未复核" in zh.page("/console/exports") and "导出登记" in zh.page(
        "/console/exports"
    )
    # the review: the expired export becomes a finding, once
    for who in (people.auditor, people.staff):
        assert who.post("/console/exports/review", {}).status_code == 403
    assert o.post("/console/exports/review", {}, csrf=False).status_code == 403
    assert datamap.list_findings(c.uow()) == []
    html = taken(o, "/console/exports/review", {}, "reviewed")
    assert export_rows(html)[expired] == "reviewed"
    [f] = datamap.list_findings(c.uow())
    assert f.kind == "expired_export" and f.source == f"export:{expired}"
    assert f'href="/console/findings/{f.id}"' in html
    assert export_rows(o.page("/console/exports?state=reviewed")) == {expired: "reviewed"}
    assert export_rows(o.page("/console/exports?state=expired")) == {}
    taken(o, "/console/exports/review", {}, "reviewed_none")
    assert len(datamap.list_findings(c.uow())) == 1


EXPORT = {
    "system": "erp",
    "recipient": "Logistics Co",
    "purpose": "order_fulfilment",
    "categories": ["user.contact.email", "user.name"],
}


@pytest.mark.req("R2.7")
@pytest.mark.req("R2.6")
def test_registering_an_export_asks_for_the_password_again_after_a_while(
    container: Container, people: People, api: TestClient
) -> None:
    c = container
    add_system(c, "erp", Approval.APPROVED)
    o = people.officer
    form = {**EXPORT, "expires_at": in_days(c, 30)}
    html = o.page("/console/exports/new?system=erp")
    assert 'id="export-form"' in html and 'id="f-password"' not in html  # signed in just now
    assert re.search(r'<option value="erp" selected>', html)
    age_session(c, o, 60 * 24)
    html = o.page("/console/exports/new")
    assert 'id="f-password"' in html and 'id="f-code"' in html  # the officer has TOTP
    r = o.post("/console/exports/new", form)  # no password
    assert r.status_code == 401 and marked(r.text, "password")
    assert 'value="Logistics Co"' in r.text
    r = o.post("/console/exports/new", {**form, "password": "wrong", "code": "000000"})
    assert r.status_code == 401 and marked(r.text, "password")
    assert datamap.list_exports(c.uow()) == []
    secret = o.caller.totp_secret
    assert secret
    data = {**form, "password": PASSWORD, "code": totp_code(api, secret)}
    html = taken(o, "/console/exports/new", data, "export")
    [e] = datamap.list_exports(c.uow())
    assert e.system == "erp" and e.recipient == "Logistics Co" and e.purpose == "order_fulfilment"
    assert e.categories == {"user.contact.email", "user.name"}
    assert (
        e.requested_by == f"staff:{o.id}" and e.expires_at.date().isoformat() == form["expires_at"]
    )
    assert export_rows(html) == {e.id: "active"}
    assert "Wang Fang" in html  # who asked, by name


@pytest.mark.req("R2.7")
@pytest.mark.parametrize(
    ("change", "field", "status"),
    [
        ({"system": "nope"}, "system", 404),
        ({"system": ""}, "system", 422),
        ({"recipient": ""}, "recipient", 422),
        ({"recipient": "r" * 129}, "recipient", 422),
        ({"purpose": "no_such_purpose"}, "purpose", 404),
        ({"categories": []}, "categories", 422),
        ({"categories": ["user.nothing"]}, "categories", 422),
        ({"expires_at": "2001-01-01"}, "expires_at", 422),
        ({"expires_at": "tomorrow"}, "expires_at", 422),
    ],
)
def test_a_bad_export_form_marks_its_field_and_registers_nothing(
    container: Container, people: People, change: dict[str, object], field: str, status: int
) -> None:
    add_system(container, "erp", Approval.APPROVED)
    form = {**EXPORT, "expires_at": in_days(container, 30), **change}
    r = people.officer.post("/console/exports/new", form)
    assert r.status_code == status, r.text[:500]
    assert marked(r.text, field), r.text[:3000]
    assert datamap.list_exports(container.uow()) == []


@pytest.mark.req("R2.7")
@pytest.mark.req("R2.10")
def test_staff_register_exports_only_for_their_departments_purposes(
    container: Container, people: People
) -> None:
    c = container
    add_system(c, "erp", Approval.APPROVED)
    s = people.staff  # sales: business_negotiation, order_fulfilment
    html = s.page("/console/exports/new")
    assert 'value="order_fulfilment"' in html and 'value="after_sales"' not in html
    form = {**EXPORT, "expires_at": in_days(c, 10)}
    r = s.post("/console/exports/new", {**form, "purpose": "after_sales"})
    assert r.status_code == 403 and "purpose-not-assigned" in r.text
    assert datamap.list_exports(c.uow()) == []
    r = s.post("/console/exports/new", form)
    assert r.status_code == 303 and r.headers["location"].startswith("/console/systems/erp?")
    assert len(datamap.list_exports(c.uow())) == 1
    for who in (people.auditor,):
        who.page("/console/exports/new", status=403)
        assert who.post("/console/exports/new", form).status_code == 403
    assert s.post("/console/exports/new", form, csrf=False).status_code == 403
    assert len(datamap.list_exports(c.uow())) == 1


# --- findings --------------------------------------------------------------------------------


@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
def test_the_findings_filter_by_status_system_category_and_age_with_paging(
    container: Container, people: People, api: TestClient
) -> None:
    c = container
    add_system(c, "erp", Approval.APPROVED)  # holds /srv/erp/
    old = put_finding(c, "/srv/erp/export.csv", days_old=45)
    mid = put_finding(c, "/home/li/clients.xlsx", "user.name", days_old=10)
    fixed = put_finding(c, "/srv/erp/old.csv", "user.contact.phone_number", 2, FindingStatus.FIXED)
    o = people.officer
    assert finding_rows(o.page("/console/findings")) == [old, mid, fixed]  # oldest first
    assert finding_rows(o.page("/console/findings?status=fixed")) == [fixed]
    assert finding_rows(o.page("/console/findings?status=active")) == [old, mid]
    assert finding_rows(o.page("/console/findings?system=erp")) == [old, fixed]
    assert finding_rows(o.page("/console/findings?system=-")) == [mid]
    assert finding_rows(o.page("/console/findings?category=user.contact")) == [old, fixed]
    assert finding_rows(o.page("/console/findings?age=30")) == [old]
    assert finding_rows(o.page("/console/findings?age=7&status=open")) == [old, mid]
    for bad, field in (("status=bogus", "status"), ("age=12", "age")):
        html = o.page(f"/console/findings?{bad}", status=422)
        assert marked(html, field) and finding_rows(html) == []
    html = people.auditor.page("/console/findings")
    assert len(finding_rows(html)) == 3
    people.staff.page("/console/findings", status=403)
    people.staff.page(f"/console/findings/{old}", status=403)
    zh = Console(api, people.officer.caller, lang="zh-CN")
    html = zh.page("/console/findings")
    assert "未登记的位置" in html and "已修复" in html and "无登记系统" in html
    # fifty to a page
    for i in range(50):
        put_finding(c, f"/share/many/{i}.csv", days_old=1)
    first = o.page("/console/findings?status=open")
    assert len(finding_rows(first)) == 50 and 'rel="next"' in first
    second = o.page("/console/findings?status=open&page=2")
    assert len(finding_rows(second)) == 2 and 'rel="prev"' in second
    assert "status=open" in re.search(r'href="([^"]+)" rel="prev"', second).group(1)  # type: ignore[union-attr]


@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
def test_an_officer_follows_a_finding_to_fixed_and_to_an_accepted_risk(
    container: Container, people: People, api: TestClient
) -> None:
    c = container
    fid = put_finding(c, "/home/li/clients.xlsx")
    o = people.officer
    html = o.page(f"/console/findings/{fid}")
    for form in ("finding-assign", "finding-fix", "finding-accept"):
        assert f'id="{form}"' in html
    assert 'id="finding-reopen"' not in html
    # assign to a member of staff (by name on the page)
    r = o.post(f"/console/findings/{fid}", {"status": "assigned", "assignee": "not-a-person"})
    assert r.status_code == 422 and marked(r.text, "assignee")
    r = o.post(f"/console/findings/{fid}", {"status": "assigned", "assignee": ""})
    assert r.status_code == 422 and marked(r.text, "assignee")
    assert finding_of(c, fid).status is FindingStatus.OPEN
    html = taken(
        o,
        f"/console/findings/{fid}",
        {"status": "assigned", "assignee": people.staff.id},
        "assigned",
    )
    assert "Zhou Min" in html and finding_of(c, fid).assignee == people.staff.id
    taken(o, f"/console/findings/{fid}", {"status": "fixed"}, "fixed")
    assert finding_of(c, fid).status is FindingStatus.FIXED
    html = taken(o, f"/console/findings/{fid}", {"status": "open"}, "open")
    assert 'id="finding-fix"' in html
    # accepting the risk needs a reason
    r = o.post(f"/console/findings/{fid}", {"status": "accepted_risk", "reason": "   "})
    assert r.status_code == 422 and marked(r.text, "reason")
    r = o.post(f"/console/findings/{fid}", {"status": "accepted_risk", "reason": "x" * 2001})
    assert r.status_code == 422 and marked(r.text, "reason")
    assert finding_of(c, fid).status is FindingStatus.OPEN
    zh = Console(api, people.officer.caller, lang="zh-CN")
    reason = "Kept in the sales archive until the contract ends"
    r = zh.post(f"/console/findings/{fid}", {"status": "accepted_risk", "reason": reason})
    assert r.status_code == 303
    html = zh.page(r.headers["location"])
    assert "已接受风险，理由已记录。" in html and reason in html
    f = finding_of(c, fid)
    assert f.status is FindingStatus.ACCEPTED_RISK and f.reason == reason
    # a move the lifecycle does not allow, an unknown status, an unknown finding
    r = o.post(f"/console/findings/{fid}", {"status": "fixed"})
    assert r.status_code == 409 and 'id="error-summary"' in r.text
    r = o.post(f"/console/findings/{fid}", {"status": "bogus"})
    assert r.status_code == 422 and 'id="error-summary"' in r.text
    assert finding_of(c, fid).status is FindingStatus.ACCEPTED_RISK
    assert o.post(f"/console/findings/{uuid.uuid4()}", {"status": "fixed"}).status_code == 404
    o.page(f"/console/findings/{uuid.uuid4()}", status=404)
    # the auditor reads it and may change nothing; no token, no change
    html = people.auditor.page(f"/console/findings/{fid}")
    assert reason in html and 'id="finding-reopen"' not in html
    assert people.auditor.post(f"/console/findings/{fid}", {"status": "open"}).status_code == 403
    assert people.staff.post(f"/console/findings/{fid}", {"status": "open"}).status_code == 403
    assert o.post(f"/console/findings/{fid}", {"status": "open"}, csrf=False).status_code == 403
    assert finding_of(c, fid).status is FindingStatus.ACCEPTED_RISK


# --- the front page's hints ------------------------------------------------------------------


@pytest.mark.req("R2.7")
def test_attention_counts_what_needs_the_officer_now(container: Container, people: People) -> None:
    c = container
    add_system(c, "erp", Approval.APPROVED)
    add_system(c, "crm", kind="crm")
    add_system(c, "oss", kind="cloud")
    put_export(c, "erp", 90)
    put_export(c, "erp", 10)
    put_export(c, "erp", -1)
    put_finding(c, "/a.csv", days_old=40)
    put_finding(c, "/b.csv", days_old=31, status=FindingStatus.ASSIGNED)
    put_finding(c, "/c.csv", days_old=50, status=FindingStatus.FIXED)
    put_finding(c, "/d.csv", days_old=3)
    officer = next(a for a in _actors(c) if "privacy_officer" in a.roles)
    got = {i["key"]: (i["count"], i["href"]) for i in attention(c, officer)}
    assert got == {
        "systems_pending": (2, "/console/systems?status=pending"),
        "findings_old": (2, "/console/findings?status=active&age=30"),
        "exports_soon": (1, "/console/exports?state=soon"),
        "exports_expired": (1, "/console/exports?state=expired"),
    }
    for item in attention(c, officer):  # each link opens and shows as many
        html = people.officer.page(str(item["href"]))
        shown = len(finding_rows(html)) or len(export_rows(html)) or html.count('<tr id="system-')
        assert shown == item["count"], item
    datamap.review_exports(c.uow(), c.clock, OPERATOR)
    assert "exports_expired" not in {i["key"] for i in attention(c, officer)}
    staff = next(a for a in _actors(c) if a.roles == {"staff"})
    assert [i["key"] for i in attention(c, staff)] == ["systems_pending"]  # no exports, findings


def _actors(c: Container) -> list[Actor]:
    with c.uow() as uow:
        return [Actor(a.id, ActorKind.STAFF, a.roles) for a in uow.staff.accounts()]
