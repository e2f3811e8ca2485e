"""The registers' console pages, on SQLite and PostgreSQL (R2.1, R2.3, R2.10): the purpose
register with each purpose's version, a purpose's versions side by side (changed fields said
in words, who changed it and when), the taxonomy as a tree with tiers and the company's
categories marked, departments and their purposes. Privacy officers add and change them
through the forms (the same services as the API: a new register version, audit entries);
everyone else on the staff reads them without a form, and a change they post is refused, as
is a form without its CSRF token. Bad input comes back as an error summary with the field
marked, and changes nothing."""

from __future__ import annotations

import re

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.audit import AuditEntry
from piiguard.domain.ports import AuditQuery
from piiguard.services.staff import accounts as staff_accounts
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import Console, People

NEW_PURPOSE = {
    "key": "loyalty_points",
    "name_en": "Loyalty points",
    "name_zh": "会员积分",
    "legal_basis": "consent",
    "needs_consent": "yes",
    "retention_days": "730",
    "roles": ["staff", "privacy_officer"],
    "categories": ["user.name", "user.behavior.purchase_history"],
}


def invalid(html: str, field: str) -> bool:
    """The form's control `f-<field>` is marked invalid and the summary links to it."""
    control = re.search(rf'<[^>]*id="f-{field}"[^>]*>', html)
    return (
        control is not None
        and 'aria-invalid="true"' in control.group(0)
        and f'href="#f-{field}"' in html
        and 'id="error-summary"' in html
    )


def audit(c: Container, action: str) -> list[AuditEntry]:
    with c.uow(readonly=True) as uow:
        return uow.audit_log.entries(AuditQuery(action=action, limit=500))


def departments(c: Container) -> dict[str, frozenset[str]]:
    return {d.key: d.purposes for d in staff_accounts.list_departments(c.uow(readonly=True))}


# --- who may open what ------------------------------------------------------------------------


@pytest.mark.req("R2.3")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_member_of_staff_reads_the_registers_and_only_officers_see_the_forms(
    api: TestClient, officer: Caller, people: People, lang: str
) -> None:
    heads = {
        "/console/purposes": ("用途登记簿", "Purpose register"),
        "/console/purposes/after_sales": (
            "用途：提供售后服务",
            "Purpose: Provide after-sales service",
        ),
        "/console/taxonomy": ("数据分类", "Data taxonomy"),
        "/console/departments": ("部门及其可用用途", "Departments and their purposes"),
        "/console/departments/sales": ("部门：", "Department: "),
    }
    forms = {
        "/console/purposes": 'id="purpose-form"',
        "/console/purposes/after_sales": 'id="deactivate-form"',
        "/console/taxonomy": 'id="category-form"',
        "/console/departments": 'id="department-add-form"',
        "/console/departments/sales": 'id="department-form"',
    }
    i = 0 if lang == "zh-CN" else 1
    for who in (officer, people.staff.caller, people.auditor.caller):
        console = Console(api, who, lang=lang)
        for url, words in heads.items():
            html = console.page(url)
            assert f'<html lang="{lang}">' in html
            assert html.count("<h1") == 1
            assert words[i] in html, (url, lang)
            if who is officer:
                assert forms[url] in html, url
                assert 'id="read-only"' not in html
            else:
                assert forms[url] not in html, url
                assert not re.search(r'<form[^>]*action="(?!/console/(logout|unlock)")', html), url
                assert 'id="read-only"' in html


@pytest.mark.req("R2.10")
def test_a_change_from_anyone_but_an_officer_or_without_the_csrf_token_is_refused(
    container: Container, people: People
) -> None:
    posts = {
        "/console/purposes": NEW_PURPOSE,
        "/console/purposes/after_sales": {**NEW_PURPOSE, "key": "", "active": "yes"},
        "/console/purposes/after_sales/deactivate": {},
        "/console/taxonomy": {"parent": "user.contact", "key": "wechat_id", "name_en": "W"},
        "/console/taxonomy/user.name/retire": {},
        "/console/departments": {"key": "hr", "name": "HR", "purposes": ["after_sales"]},
        "/console/departments/sales": {"name": "Sales", "purposes": ["after_sales"]},
    }
    version = container.state.register.version
    before = departments(container)
    for who in (people.staff, people.auditor):
        for url, data in posts.items():
            r = who.post(url, data)
            assert r.status_code == 403, (url, r.status_code)
    for url, data in posts.items():
        r = people.officer.post(url, data, csrf=False)
        assert r.status_code == 403, (url, r.status_code)
    assert container.state.register.version == version
    assert container.state.register.rules["after_sales"].active
    assert "user.contact.wechat_id" not in container.state.taxonomy
    assert departments(container) == before


# --- the purpose register (R2.3) ----------------------------------------------------------------


@pytest.mark.req("R2.3")
def test_the_register_lists_each_purpose_with_its_terms_and_version(
    container: Container, people: People
) -> None:
    html = people.staff.page("/console/purposes")
    version = container.state.register.version
    assert f'id="register-version">Register version: {version}<' in html
    assert len(re.findall(r'<tr data-key="', html)) == len(container.state.register.rules) == 8
    row = html.split('<tr data-key="consultation_recommendation">', 1)[1].split("</tr>", 1)[0]
    assert "Consent" in row and "730 days" in row and "Active" in row
    assert re.search(r"<td>\d+</td>\s*</tr>", row + "</tr>")  # its version


@pytest.mark.req("R2.3")
def test_an_officer_adds_a_purpose_then_changes_it_and_the_history_shows_both_side_by_side(
    container: Container, people: People
) -> None:
    officer = people.officer
    r = officer.post("/console/purposes", NEW_PURPOSE)
    assert r.status_code == 303, r.text[:800]
    assert r.headers["location"] == "/console/purposes/loyalty_points?done=purpose_added"
    rule = container.state.register.rules["loyalty_points"]
    first = container.state.register.version
    assert rule.needs_consent and rule.retention_days == 730 and rule.active
    assert rule.categories == {"user.name", "user.behavior.purchase_history"}
    assert rule.roles == {"staff", "privacy_officer"}
    html = officer.page(r.headers["location"])
    assert "The purpose is added." in html
    assert f'id="version-{first}"' in html and "First version" in html

    changed = {**NEW_PURPOSE, "retention_days": "365", "active": "yes"}
    del changed["key"]
    r = officer.post("/console/purposes/loyalty_points", changed)
    assert r.status_code == 303, r.text[:800]
    assert container.state.register.rules["loyalty_points"].retention_days == 365
    second = container.state.register.version
    assert second == first + 1
    assert [e.target_id for e in audit(container, "register.purpose")] == ["loyalty_points"] * 2

    html = people.auditor.page("/console/purposes/loyalty_points")
    newest = html.split(f'id="version-{second}"', 1)[1].split("</article>", 1)[0]
    assert f"Before (version {first})" in newest and f"This version ({second})" in newest
    assert "Changed by Wang Fang at " in newest
    retention = newest.split('data-field="retention_days"', 1)[1].split("</tr>", 1)[0]
    assert 'data-changed="yes"' in retention and ">changed<" in retention
    assert "730 days" in retention and "365 days" in retention
    name = newest.split('data-field="name_en"', 1)[1].split("</tr>", 1)[0]
    assert "unchanged" in name and "changed<" not in name.replace("unchanged", "")
    assert html.index(f'id="version-{second}"') < html.index(f'id="version-{first}"')


@pytest.mark.req("R2.3")
def test_an_officer_deactivates_a_purpose_and_may_make_it_active_again(
    container: Container, people: People
) -> None:
    officer = people.officer
    r = officer.post("/console/purposes/service_improvement/deactivate", {})
    assert r.status_code == 303, r.text[:800]
    assert not container.state.register.rules["service_improvement"].active
    html = officer.page(r.headers["location"])
    assert "The purpose is deactivated." in html
    assert 'id="deactivate-form"' not in html
    assert 'id="purpose-status">Inactive<' in html
    again = officer.post("/console/purposes/service_improvement/deactivate", {})
    assert again.status_code == 409 and 'id="error-summary"' in again.text

    rule = container.state.register.rules["service_improvement"]
    form = {
        "name_en": rule.en,
        "name_zh": rule.zh,
        "legal_basis": rule.legal_basis.value,
        "needs_consent": "yes",
        "retention_days": str(rule.retention_days),
        "roles": sorted(rule.roles),
        "categories": sorted(rule.categories),
        "active": "yes",
    }
    assert officer.post("/console/purposes/service_improvement", form).status_code == 303
    assert container.state.register.rules["service_improvement"].active


@pytest.mark.req("R2.3")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_purpose_form_in_error_marks_its_fields_and_changes_nothing(
    api: TestClient, container: Container, people: People, lang: str
) -> None:
    officer = Console(api, people.officer.caller, lang=lang)
    version = container.state.register.version
    bad = {**NEW_PURPOSE, "name_en": "", "retention_days": "soon", "categories": []}
    r = officer.post("/console/purposes", bad)
    assert r.status_code == 422, r.text[:500]
    for field in ("name_en", "retention_days", "categories"):
        assert invalid(r.text, field), field
    assert 'value="会员积分"' in r.text  # what was typed is kept
    if lang == "zh-CN":
        assert "「英文名称」填写有误" in r.text

    r = officer.post("/console/purposes", {**NEW_PURPOSE, "name_zh": "长" * 501})
    assert r.status_code == 422 and invalid(r.text, "name_zh")
    r = officer.post("/console/purposes", {**NEW_PURPOSE, "key": "Loyalty Points!"})
    assert r.status_code == 422 and invalid(r.text, "key")
    r = officer.post("/console/purposes", {**NEW_PURPOSE, "needs_consent": "no"})
    assert r.status_code == 422 and invalid(r.text, "needs_consent")  # consent basis, no consent
    r = officer.post("/console/purposes", {**NEW_PURPOSE, "categories": ["user.nothing"]})
    assert r.status_code == 422 and invalid(r.text, "categories")
    r = officer.post("/console/purposes", {**NEW_PURPOSE, "key": "after_sales"})
    assert r.status_code == 409 and invalid(r.text, "key")
    r = officer.post("/console/purposes/after_sales", {**NEW_PURPOSE, "legal_basis": "whim"})
    assert r.status_code == 422 and invalid(r.text, "legal_basis")
    assert "loyalty_points" not in container.state.register.rules
    assert container.state.register.version == version

    for url in ("/console/purposes/no_such", "/console/purposes/" + "x" * 300):
        r = officer.http.get(url)
        assert r.status_code in (404, 422) and "<h1" in r.text
    r = officer.post("/console/purposes/no_such", {**NEW_PURPOSE})
    assert r.status_code == 404 and 'id="error-summary"' in r.text
    assert "no_such" not in container.state.register.rules


# --- the taxonomy (R2.1) ----------------------------------------------------------------------


@pytest.mark.req("R2.1")
def test_the_taxonomy_is_a_tree_with_tiers_and_company_categories_are_added_and_retired(
    api: TestClient, container: Container, people: People, system: Caller
) -> None:
    officer = people.officer
    html = people.auditor.page("/console/taxonomy")
    # nested lists: a child inside its parent's list item
    contact = html.split('<li id="cat-user-contact"', 1)[1]
    assert contact.index('id="cat-user-contact-email"') < contact.index('id="cat-user-job_title"')
    assert re.search(r'id="cat-user-government_id"[^>]*data-tier="sensitive"', html)
    assert "tier: sensitive" in html and "tier: ordinary" in html

    form = {
        "parent": "user.government_id",
        "key": "employee_badge",
        "name_en": "Employee badge number",
        "name_zh": "工牌号码",
        "tier": "ordinary",
        "lookup": "identifier",
        "description": "",
    }
    r = officer.post("/console/taxonomy", form)
    assert r.status_code == 303, r.text[:800]
    cat = container.state.taxonomy.get("user.government_id.employee_badge")
    assert cat.origin == "company" and cat.sensitive  # under a sensitive parent
    html = officer.page(r.headers["location"])
    assert "The company category is added." in html
    node = html.split('id="cat-user-government_id-employee_badge"', 1)[1].split("</li>", 1)[0]
    assert "company category" in node and "tier: sensitive" in node
    assert 'id="retire-user-government_id-employee_badge"' in node
    for field in ("name_zh", "name_en", "key"):
        assert f'id="f-{field}" name="{field}" type="text" value=""' in html  # form emptied

    # one in use is deprecated, one nobody has is deleted
    r = officer.post("/console/taxonomy", {**form, "key": "locker", "name_en": "Locker"})
    assert r.status_code == 303
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [{**item, "category": "user.government_id.employee_badge", "value": "B-7"}],
        },
    )
    assert r.status_code == 201, r.text
    r = officer.post("/console/taxonomy/user.government_id.employee_badge/retire", {})
    assert r.status_code == 303 and r.headers["location"].endswith("done=category_deprecated")
    assert "user.government_id.employee_badge" in container.state.deprecated
    html = officer.page(r.headers["location"])
    assert "deprecated (kept for data that has it)" in html
    r = officer.post("/console/taxonomy/user.government_id.locker/retire", {})
    assert r.status_code == 303 and r.headers["location"].endswith("done=category_deleted")
    assert "user.government_id.locker" not in container.state.taxonomy
    assert [e.action for e in audit(container, "taxonomy.deprecated")] == ["taxonomy.deprecated"]
    assert len(audit(container, "taxonomy.add")) == 2


@pytest.mark.req("R2.1")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_category_form_in_error_marks_its_field_and_a_built_in_category_is_not_retired(
    api: TestClient, container: Container, people: People, lang: str
) -> None:
    officer = Console(api, people.officer.caller, lang=lang)
    size = len(container.state.taxonomy)
    base = {
        "parent": "user.contact",
        "key": "wechat_id",
        "name_en": "WeChat",
        "name_zh": "微信号",
        "tier": "ordinary",
        "lookup": "none",
    }
    for form, field, status in (
        ({**base, "key": "we.chat"}, "key", 422),
        ({**base, "key": ""}, "key", 422),
        ({**base, "parent": "user.nowhere"}, "parent", 422),
        ({**base, "name_en": ""}, "name_en", 422),
        ({**base, "name_zh": "长" * 129}, "name_zh", 422),
        ({**base, "tier": "secret"}, "tier", 422),
        ({**base, "parent": "user", "key": "contact"}, "key", 409),
    ):
        r = officer.post("/console/taxonomy", form)
        assert r.status_code == status, (form, r.status_code)
        assert invalid(r.text, field), (form, field)
    assert len(container.state.taxonomy) == size

    r = officer.post("/console/taxonomy/user.name/retire", {})
    assert r.status_code == 422 and 'id="error-summary"' in r.text
    r = officer.post("/console/taxonomy/user.nothing.here/retire", {})
    assert r.status_code == 422 and 'id="error-summary"' in r.text
    assert "user.name" in container.state.taxonomy and len(container.state.taxonomy) == size


# --- departments and their purposes (R2.10) -----------------------------------------------------


@pytest.mark.req("R2.10")
def test_an_officer_changes_a_departments_purposes_and_adds_a_department(
    container: Container, people: People
) -> None:
    officer = people.officer
    html = people.staff.page("/console/departments")
    sales = html.split('<tr data-key="sales">', 1)[1].split("</tr>", 1)[0]
    assert "Business negotiation" in sales or "business" in sales.lower()

    r = officer.post(
        "/console/departments/sales",
        {"name": "Sales 销售部", "purposes": ["business_negotiation", "after_sales"]},
    )
    assert r.status_code == 303, r.text[:800]
    assert departments(container)["sales"] == {"business_negotiation", "after_sales"}
    html = officer.page(r.headers["location"])
    assert "The department is saved." in html
    assert [e.target_id for e in audit(container, "staff.department")] == ["sales"]

    r = officer.post("/console/departments", {"key": "hr", "name": "HR 人力资源部", "purposes": []})
    assert r.status_code == 303, r.text[:800]
    assert r.headers["location"] == "/console/departments/hr?done=department_added"
    assert departments(container)["hr"] == frozenset()
    html = people.auditor.page("/console/departments/hr")
    assert "HR 人力资源部" in html and "None" in html


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_department_form_in_error_marks_its_field_and_changes_nothing(
    api: TestClient, container: Container, people: People, lang: str
) -> None:
    officer = Console(api, people.officer.caller, lang=lang)
    before = departments(container)
    r = officer.post("/console/departments/sales", {"name": "Sales", "purposes": ["no_such"]})
    assert r.status_code == 422 and invalid(r.text, "purposes")
    r = officer.post("/console/departments/sales", {"name": "", "purposes": ["after_sales"]})
    assert r.status_code == 422 and invalid(r.text, "name")
    r = officer.post("/console/departments/sales", {"name": "x" * 129})
    assert r.status_code == 422 and invalid(r.text, "name")
    r = officer.post("/console/departments", {"key": "sales", "name": "Sales again"})
    assert r.status_code == 409 and invalid(r.text, "key")
    r = officer.post("/console/departments", {"key": "Human Resources", "name": "HR"})
    assert r.status_code == 422 and invalid(r.text, "key")
    r = officer.post("/console/departments/nowhere", {"name": "Nowhere"})
    assert r.status_code == 404 and 'id="error-summary"' in r.text
    assert officer.http.get("/console/departments/nowhere").status_code == 404
    assert departments(container) == before
