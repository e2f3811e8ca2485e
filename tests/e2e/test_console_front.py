"""The console's front page (issue 13; R2.5, R2.6, R2.7, R9.2, R10.2), on SQLite and
PostgreSQL: what needs the person signed in now — only what their roles may open — and the
state of the controls (last audit verification, last signed checkpoint, KEK versions)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.services.audit import note_verification, verify_audit
from piiguard.services.policy.datamap import register_system
from piiguard.services.policy.legal_exceptions import request_exception
from piiguard.services.rights import intake as uc
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import People


def _attention(html: str) -> dict[str, str]:
    return dict(re.findall(r'<li data-key="([a-z_]+)"><a href="[^"]*">([^<]+)</a>', html))


def _person(api: TestClient, system: Caller) -> str:
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {
                    "category": "user.contact.email",
                    "value": "li.lei@example.cn",
                    "channel": "web",
                    "legal_basis": "contract",
                    "source_system": "crm",
                }
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _state(c: Container, people: People, subject_id: str) -> None:
    """A pending system, an exception waiting for its second approver, two requests (one
    overdue), and a verified trail."""
    officer = Actor(people.officer.id, ActorKind.STAFF, frozenset({"admin", "privacy_officer"}))
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        officer,
        System("crm", "Sales CRM", "sales", "crm", "CN", Approval.PENDING),
    )
    now = c.clock.now()
    request_exception(
        c.uow(),
        c.snapshots,
        c.clock,
        officer,
        ExceptionKind.CRIMINAL_JUSTICE,
        "Foshan PSB",
        "2026-001",
        "PIPL art. 13(3)",
        frozenset({subject_id}),
        frozenset({"user.contact.email"}),
        now,
        now + timedelta(days=30),
    )
    for days in (40, 3):
        uc.open_request(
            c.uow(),
            c.requests,
            "system:test",
            uc.RequestInput(
                RequestKind.ACCESS,
                RequestChannel.LETTER,
                "13800000099",
                "en",
                received_at=now - timedelta(days=days),
            ),
        )
    note_verification(c.uow(), officer, verify_audit(c.uow(readonly=True), c.signer))


@pytest.mark.req("R2.7")
@pytest.mark.req("R2.5")
@pytest.mark.req("R9.2")
@pytest.mark.req("R10.2")
def test_the_officer_sees_what_waits_and_the_state_of_the_controls(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    _state(container, people, _person(api, system))
    html = people.officer.page("/console")
    found = _attention(html)
    assert found["requests_overdue"] == "Rights requests overdue: 1", found
    assert found["requests_open"] == "Rights requests open in all: 2"
    assert found["systems_pending"] == "Systems pending approval: 1"
    assert "exceptions_waiting" in found
    assert 'href="/console/systems?status=pending"' in html
    # the controls: verified just now, intact; a checkpoint; the KEK in use
    assert re.search(r'id="last-verification">[^<]*<span class="badge good">intact', html)
    assert 'id="last-checkpoint"' in html
    kek = re.search(r'id="kek-versions">([^<]+)<', html)
    assert kek and kek.group(1).startswith("current version ")
    # the menu: every register's page an officer may open
    for href in ("/console/systems", "/console/exceptions", "/console/audit", "/console/staff"):
        assert f'<a href="{href}"' in html
    zh = people.officer.page("/console?lang=zh-CN")
    assert "件权利请求已逾期" in zh and "当前版本" in zh and "需要您处理" in zh


@pytest.mark.req("R2.10")
def test_each_role_sees_only_what_it_may_open(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    _state(container, people, _person(api, system))
    staff_html = people.staff.page("/console")
    staff = _attention(staff_html)
    assert "requests_overdue" in staff  # staff handle requests
    assert "exceptions_waiting" not in staff  # legal exceptions are the officers'
    assert "systems_pending" not in staff or 'href="/console/systems"' in staff_html
    assert 'href="/console/exceptions"' not in staff_html  # not in the menu either
    assert 'id="kek-versions"' not in staff_html and 'id="last-verification"' not in staff_html
    auditor_html = people.auditor.page("/console")
    assert 'id="last-verification"' in auditor_html and 'id="kek-versions"' in auditor_html
    assert 'href="/console/people"' not in auditor_html  # an auditor sees no personal data
    admin_html = people_admin_page(container, people)
    assert "requests_overdue" not in _attention(admin_html)  # no personal data for admins


def people_admin_page(c: Container, people: People) -> str:
    """The front page of an administrator (no personal data: no request counter)."""
    from tests.e2e.console_client import Console, member  # noqa: PLC0415

    api = people.officer.http
    admin = Console(api, member(c, api, "admin.two@example.com", {"admin"}, "Admin Two"))
    return admin.page("/console")
