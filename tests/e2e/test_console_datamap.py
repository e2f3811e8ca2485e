"""The data map's console pages — systems (R2.7, R5.6, R2.10), on SQLite and PostgreSQL:
members of staff in a browser-like client (tests/e2e/console_client.py) list and filter the
systems, register one (pending), describe it (admins and officers, as PUT
/api/v1/systems/{key}), approve it with its cloud provider, hold and retire it (officers, as
POST .../approval); bad input shows the error summary with the field marked and changes
nothing; a role the authorization table leaves out gets 403; a form without its CSRF token
is refused. Exports and findings: test_console_datamap_records.py."""

from __future__ import annotations

import re

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery
from piiguard.services.audit import list_audit
from piiguard.services.policy import datamap
from tests.e2e.conftest import TestClient
from tests.e2e.console_client import Console, People


def add_system(
    c: Container,
    key: str,
    status: Approval = Approval.PENDING,
    *,
    kind: str = "erp",
    region: str = "CN",
    cloud: str | None = None,
) -> System:
    s = System(
        key,
        f"{key.upper()} system",
        "IT operations",
        kind,
        region,
        Approval.PENDING,
        cloud,
        categories=frozenset({"user.contact.email"}),
        purposes=frozenset({"order_fulfilment"}),
        locations=frozenset({f"/srv/{key}/"}),
    )
    datamap.register_system(c.uow(), c.snapshots, c.clock, OPERATOR, s)
    if status is not Approval.PENDING:
        datamap.set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, key, status)
    return s


def system_of(c: Container, key: str) -> System | None:
    return c.snapshots.read(c.uow(readonly=True)).systems.get(key)


def rows(html: str) -> list[str]:
    return re.findall(r'<tr id="system-([^"]+)"', html)


def marked(html: str, field: str) -> bool:
    """The error summary is there and the field `field` is marked invalid."""
    return 'id="error-summary"' in html and bool(
        re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', html)
    )


def taken(who: Console, url: str, data: dict[str, object], flash: str) -> str:
    r = who.post(url, data)
    assert r.status_code == 303, (r.status_code, r.text[:800])
    location = r.headers["location"]
    assert f"done={flash}" in location, location
    html = who.page(location)
    assert 'class="flash" role="status"' in html
    return html


FORM = {
    "key": "crm",
    "name": "Customer relations",
    "owner": "Sales operations",
    "kind": "crm",
    "region": "cn",
    "cloud_provider": "aliyun",
    "categories": ["user.contact.email", "user.name"],
    "purposes": ["order_fulfilment"],
    "locations": "/srv/crm/\npostgresql://crm-db/crm",
}


@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
def test_every_member_of_staff_sees_the_systems_filtered_in_both_languages(
    container: Container, people: People, api: TestClient
) -> None:
    add_system(container, "erp", Approval.APPROVED)
    add_system(container, "mailbox", kind="email", region="DE")
    add_system(container, "oss", Approval.APPROVED, kind="file_share", cloud="aliyun")
    for who in (people.staff, people.officer, people.auditor):
        html = who.page("/console/systems")
        assert sorted(rows(html)) == ["erp", "mailbox", "oss"]
        assert "<h1>Systems (data map)</h1>" in html
    zh = Console(api, people.auditor.caller, lang="zh-CN")
    html = zh.page("/console/systems")
    assert "待批准" in html and "已批准" in html and "云服务商未批准" in html
    assert 'lang="zh-CN"' in html
    o = people.officer
    assert rows(o.page("/console/systems?status=pending")) == ["mailbox"]
    assert rows(o.page("/console/systems?kind=file_share")) == ["oss"]
    assert rows(o.page("/console/systems?region=de")) == ["mailbox"]
    # approved but its cloud provider is not: data may not flow to it
    assert rows(o.page("/console/systems?usable=no")) == ["mailbox", "oss"]
    assert rows(o.page("/console/systems?usable=yes&status=approved")) == ["erp"]
    bad = o.page("/console/systems?status=bogus", status=422)
    assert marked(bad, "status") and rows(bad) == []
    # the register link only for those who may register
    assert 'id="register-system"' in o.page("/console/systems")
    assert 'id="register-system"' not in people.staff.page("/console/systems")


@pytest.mark.req("R2.7")
@pytest.mark.req("R2.10")
def test_an_officer_registers_a_system_which_starts_pending(
    container: Container, people: People
) -> None:
    o = people.officer
    html = o.page("/console/systems/new")
    assert 'id="system-form"' in html and 'value="CN"' in html  # the home region
    html = taken(o, "/console/systems/new", FORM, "registered")
    assert "Customer relations" in html and "Pending approval" in html
    s = system_of(container, "crm")
    assert s is not None and s.status is Approval.PENDING and not s.cloud_approved
    assert s.region == "CN" and s.cloud_provider == "aliyun"
    assert s.categories == {"user.contact.email", "user.name"}
    assert s.locations == {"/srv/crm/", "postgresql://crm-db/crm"}
    # the same key again: refused at the key, nothing changed
    r = o.post("/console/systems/new", {**FORM, "name": "Another"})
    assert r.status_code == 409 and marked(r.text, "key")
    assert system_of(container, "crm").name == "Customer relations"  # type: ignore[union-attr]


@pytest.mark.req("R2.7")
@pytest.mark.parametrize(
    ("change", "field", "status"),
    [
        ({"key": "Bad Key"}, "key", 422),
        ({"name": ""}, "name", 422),
        ({"owner": "x" * 129}, "owner", 422),
        ({"kind": "ERP!"}, "kind", 422),
        ({"region": "CHN"}, "region", 422),
        ({"categories": ["user.no_such_thing"]}, "categories", 422),
        ({"purposes": ["no_such_purpose"]}, "purposes", 404),
        ({"locations": "\n".join(f"/x{i}/" for i in range(101))}, "locations", 422),
    ],
)
def test_a_bad_system_form_marks_its_field_and_registers_nothing(
    container: Container, people: People, change: dict[str, object], field: str, status: int
) -> None:
    r = people.officer.post("/console/systems/new", {**FORM, "key": "newsys", **change})
    assert r.status_code == status, r.text[:500]
    assert marked(r.text, field), r.text[:3000]
    kept = "Sales operations" if field != "owner" else "Customer relations"
    assert f'value="{kept}"' in r.text  # what was typed is kept
    assert system_of(container, "newsys") is None


@pytest.mark.req("R2.10")
def test_who_may_not_change_systems_is_refused(container: Container, people: People) -> None:
    add_system(container, "erp")
    for who in (people.staff, people.auditor):
        assert who.post("/console/systems/new", FORM).status_code == 403
        assert who.post("/console/systems/erp", FORM).status_code == 403
        assert who.post("/console/systems/erp/approval", {"status": "approved"}).status_code == 403
        who.page("/console/systems/new", status=403)
        html = who.page("/console/systems/erp")  # they read it, without the forms
        assert 'id="system-form"' not in html and 'id="approve-system"' not in html
    assert system_of(container, "erp").status is Approval.PENDING  # type: ignore[union-attr]
    assert system_of(container, "crm") is None
    # a form without its CSRF token changes nothing
    r = people.officer.post("/console/systems/new", FORM, csrf=False)
    assert r.status_code == 403 and system_of(container, "crm") is None
    r = people.officer.post("/console/systems/erp/approval", {"status": "approved"}, csrf=False)
    assert r.status_code == 403
    assert system_of(container, "erp").status is Approval.PENDING  # type: ignore[union-attr]


@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
def test_an_officer_describes_approves_holds_and_retires_a_system(
    container: Container, people: People, api: TestClient
) -> None:
    add_system(container, "oss", cloud="aliyun")
    o = people.officer
    html = o.page("/console/systems/oss")
    assert 'id="approve-system"' in html and 'id="retire-system"' in html
    assert "Reject and retire" in html and 'id="hold-system"' not in html
    assert "None registered: notices to this system wait" in html  # its webhook
    r = api.put(
        "/api/v1/systems/oss/webhook",
        headers=o.caller.headers,
        json={"url": "https://oss.example.com/piiguard"},
    )
    assert r.status_code == 200, r.text
    html = o.page("/console/systems/oss")
    assert "<code>https://oss.example.com/piiguard</code>" in html
    assert r.json()["secret"] not in html
    # describe: the approval stays as it was
    described = {**FORM, "key": "ignored", "name": "Object storage", "kind": "cloud"}
    html = taken(o, "/console/systems/oss", described, "described")
    s = system_of(container, "oss")
    assert s is not None and s.name == "Object storage" and s.status is Approval.PENDING
    r = o.post("/console/systems/oss", {**described, "region": "X"})
    assert r.status_code == 422 and marked(r.text, "region")
    assert system_of(container, "oss").region == "CN"  # type: ignore[union-attr]
    # approve without the cloud provider: approved, but data may not flow yet
    taken(o, "/console/systems/oss/approval", {"status": "approved"}, "approved")
    s = system_of(container, "oss")
    assert s is not None and s.status is Approval.APPROVED and not s.usable
    html = o.page("/console/systems/oss")
    assert 'id="approve-system"' in html  # the cloud provider still to approve
    taken(
        o,
        "/console/systems/oss/approval",
        {"status": "approved", "cloud_approved": "yes"},
        "approved",
    )
    assert system_of(container, "oss").usable  # type: ignore[union-attr]
    html = o.page("/console/systems/oss")
    assert 'id="approve-system"' not in html and "Withdraw approval" in html
    taken(o, "/console/systems/oss/approval", {"status": "pending"}, "held")
    assert system_of(container, "oss").status is Approval.PENDING  # type: ignore[union-attr]
    zh = Console(api, people.officer.caller, lang="zh-CN")
    r = zh.post("/console/systems/oss/approval", {"status": "retired"})
    assert r.status_code == 303
    assert "系统已停用" in zh.page(r.headers["location"])
    assert system_of(container, "oss").status is Approval.RETIRED  # type: ignore[union-attr]
    # an unknown status or system
    r = o.post("/console/systems/oss/approval", {"status": "bogus"})
    assert r.status_code == 422 and 'id="error-summary"' in r.text
    assert o.post("/console/systems/nope/approval", {"status": "approved"}).status_code == 404
    o.page("/console/systems/nope", status=404)
    # every change is on the trail
    saves = list_audit(
        container.uow(), OPERATOR, AuditQuery(action="system.save", target=("system", "oss"))
    )
    assert len(saves) == 6  # registered, described, approved twice, held, retired
    assert {e.actor_id for e in saves[1:]} == {people.officer.id}
