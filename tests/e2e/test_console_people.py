"""The console's people pages, on SQLite and PostgreSQL (R2.4, R2.7, R2.10, R4.1, R6.1, R6.2):
staff and privacy officers find a person by one exact value through the blind index (a POSTed
form, the value never in a URL, never shown again, never on the audit trail), open the
person's page — the items' metadata and NEVER a value —, record and withdraw a consent with the
SHA-256 of the text shown, restrict, object and lift, link and verify a guardian, declare a
minor. Staff name only their department's purposes; an auditor and an administrator open none
of it; a form without its CSRF token is refused. Reading values: test_console_people_read.py."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.policy import consents as uc
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import Console, People, member

EMAIL, PHONE, NAME, ACCOUNT = "li.lei@example.cn", "13812345678", "李蕾", "6222020200112233445"
SYS = Actor("test", ActorKind.SYSTEM, frozenset({"system"}))  # reads in the tests
TEXT = "I agree that Example Co may recommend products to me by email. 我同意接收推荐。"


def person(
    api: TestClient,
    system: Caller,
    email: str = EMAIL,
    phone: str = PHONE,
    account: str = ACCOUNT,
) -> str:
    """A person registered by a system through the API, with values the pages must not show."""
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {**item, "category": "user.contact.email", "value": email},
                {**item, "category": "user.name", "value": NAME},
                {**item, "category": "user.contact.phone_number", "value": phone},
                {**item, "category": "user.financial.bank_account", "value": account},
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def no_values(html: str) -> None:
    for value in (EMAIL, PHONE, NAME, ACCOUNT, "812345678", "20200112233445"):
        assert value not in html, value


def changed(who: Console, url: str, done: str, **data: object) -> str:
    """A form that works: 303 back to the person with its message, shown there."""
    r = who.post(url, data)
    assert r.status_code == 303, (r.status_code, r.text[:800])
    location = r.headers["location"]
    assert f"done={done}" in location, location
    html = who.page(location)
    assert 'class="flash" role="status"' in html
    return html


def marked(html: str, field: str) -> None:
    assert 'id="error-summary"' in html
    assert f'id="f-{field}"' in html
    tag = html[html.index(f'id="f-{field}"') :]
    assert 'aria-invalid="true"' in tag[: tag.index(">")], field


def audit_text(c: Container) -> str:
    with c.engine.connect() as conn:
        return "\n".join(str(tuple(row)) for row in conn.execute(select(t.audit_entries)))


# --- finding a person ------------------------------------------------------------------------


@pytest.mark.req("R2.10")
def test_staff_find_a_person_by_email_phone_or_account_number_and_the_value_is_never_echoed(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    other = person(api, system, "someone@example.cn", "13900000000", "6222020200999999999")
    staff = people.staff
    form = staff.page("/console/people")
    assert '<form method="post" action="/console/people/find" id="find-person"' in form
    assert 'id="f-category"' in form and 'id="f-value"' in form
    assert sid not in form and other not in form  # no listing of everyone

    for category, value in (
        ("user.contact.email", " Li.Lei@Example.cn "),  # normalised as the index is
        ("user.contact.phone_number", PHONE),
        ("user.financial.bank_account", ACCOUNT),
    ):
        r = staff.post("/console/people/find", {"category": category, "value": value})
        assert r.status_code == 200, r.text[:500]
        assert f'href="/console/people/{sid}"' in r.text and other not in r.text
        assert r.headers["cache-control"] == "no-store"
        no_values(r.text)
        assert value.strip() not in r.text
    zh = Console(api, staff.caller, lang="zh-CN")
    r = zh.post("/console/people/find", {"category": "user.contact.email", "value": EMAIL})
    assert "找到 1 人" in r.text and f'href="/console/people/{sid}"' in r.text

    r = staff.post("/console/people/find", {"category": "user.contact.email", "value": "x@y.cn"})
    assert r.status_code == 200 and 'id="no-match"' in r.text
    # the trail knows who looked whom up, with a keyed hash of the value, never the value
    trail = audit_text(container)
    assert "subject.lookup" in trail and EMAIL not in trail and PHONE not in trail


@pytest.mark.req("R2.10")
def test_a_search_with_a_bad_field_shows_the_field_and_looks_nothing_up(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    person(api, system)
    before = audit_text(container).count("subject.lookup")
    r = people.officer.post("/console/people/find", {"category": "user.contact.email", "value": ""})
    assert r.status_code == 422 and 'href="#f-value"' in r.text
    marked(r.text, "value")
    r = people.officer.post("/console/people/find", {"category": "user.name", "value": NAME})
    assert r.status_code == 422
    marked(r.text, "category")
    assert NAME not in r.text
    r = people.officer.post("/console/people/find", {"category": "x", "value": "a" * 20_000})
    assert r.status_code == 422 and "a" * 100 not in r.text
    assert audit_text(container).count("subject.lookup") == before


@pytest.mark.req("R2.10")
def test_an_auditor_and_an_administrator_open_no_people_page_and_a_form_needs_its_token(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    admin = Console(api, member(container, api, "admin2@example.com", {"admin"}, "Admin Two"))
    for who in (people.auditor, admin):
        who.page("/console/people", status=403)
        who.page(f"/console/people/{sid}", status=403)
        who.page(f"/console/people/{sid}/consents/new", status=403)
        r = who.post("/console/people/find", {"category": "user.contact.email", "value": EMAIL})
        assert r.status_code == 403
        assert who.post(f"/console/people/{sid}/minor", {"minor": "yes"}).status_code == 403
    assert 'href="/console/people" aria-current="page"' in people.staff.page("/console/people")
    for data in ({"minor": "yes"}, {"minor": "yes", "csrf_token": "forged"}):
        r = people.officer.post(f"/console/people/{sid}/minor", data, csrf=False)
        assert r.status_code == 403 and "csrf-refused" in r.text
    assert not uc.guardianship(container.uow(), container.clock, SYS, sid).declared_minor


# --- the person's page: metadata, never a value -----------------------------------------------


@pytest.mark.req("R2.7")
@pytest.mark.req("R2.10")
@pytest.mark.req("R2.8")
def test_the_persons_page_shows_each_items_metadata_and_never_a_value(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    # "stale" is the schedule's confirmation interval (R2.8: user.contact 730 days; none for
    # an account number), not a fixed year: the walk found the page asking to confirm an
    # account number no interval covers and an email the queue would not ask about
    with container.engine.begin() as conn:
        for category, days in (("user.financial.bank_account", 400), ("user.contact.email", 731)):
            conn.execute(
                update(t.items)
                .where(t.items.c.subject_id == sid, t.items.c.category == category)
                .values(last_confirmed_at=container.clock.now() - timedelta(days=days))
            )
    for who, lang in ((people.staff, "en"), (people.officer, "zh-CN")):
        html = Console(api, who.caller, lang=lang).page(f"/console/people/{sid}")
        no_values(html)
        for category in ("user.contact.email", "user.name", "user.contact.phone_number"):
            assert f'data-category="{category}"' in html
        assert "<code>crm</code>" in html and 'id="items"' in html
        # the person's decisions: a link for those who may open them (officers, not staff)
        link = f'href="/console/decisions?subject_id={sid}"'
        assert (link in html) == (who is people.officer)
        assert f'href="/console/people/{sid}/read"' in html
        for category, stale in (
            ("user.financial.bank_account", "no"),
            ("user.contact.email", "yes"),
            ("user.contact.phone_number", "no"),
        ):
            row = html[html.index(f'data-category="{category}"') :]
            assert f'data-stale="{stale}"' in row[: row.index("</tr>")], category
        assert ("Stale: to confirm" if lang == "en" else "已过期，需确认") in html
    people.staff.page("/console/people/00000000-0000-4000-8000-000000000000", status=404)
    people.staff.page("/console/people/not%20an%20id", status=404)
    people.staff.page("/console/people/" + "a" * 300, status=404)


# --- consents ---------------------------------------------------------------------------------


@pytest.mark.req("R2.4")
def test_a_consent_is_recorded_with_the_hash_of_the_text_shown_and_withdrawn(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    officer = people.officer
    form = officer.page(f"/console/people/{sid}/consents/new")
    assert 'id="consent-form"' in form and 'id="f-text_shown"' in form
    assert 'value="consultation_recommendation"' in form  # an officer: every purpose
    html = changed(
        officer,
        f"/console/people/{sid}/consents",
        "consent",
        purpose="consultation_recommendation",
        kind="general",
        channel="web",
        text_shown=TEXT,
    )
    [consent] = uc.list_consents(container.uow(), SYS, sid)
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    assert consent.text_hash == digest and consent.purpose == "consultation_recommendation"
    assert f'id="consent-{consent.id}"' in html and digest in html
    assert "Wang Fang" in html  # recorded by
    assert TEXT not in html  # the evidence is its hash

    html = changed(
        officer, f"/console/people/{sid}/consents/{consent.id}/withdraw", "withdrawn", x=""
    )
    [consent] = uc.list_consents(container.uow(), SYS, sid)
    assert consent.withdrawn_at is not None and f'id="withdraw-{consent.id}"' not in html
    # withdrawn already: the page again, the error at the top, 404
    r = officer.post(f"/console/people/{sid}/consents/{consent.id}/withdraw", {})
    assert r.status_code == 404 and 'id="error-summary"' in r.text


@pytest.mark.req("R2.4")
@pytest.mark.req("R2.10")
def test_staff_record_consents_only_for_their_departments_purposes(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    staff = people.staff  # sales: business_negotiation, order_fulfilment
    form = staff.page(f"/console/people/{sid}/consents/new")
    assert 'value="order_fulfilment"' in form
    assert 'value="consultation_recommendation"' not in form
    data = {"kind": "general", "channel": "phone", "text_shown": TEXT}
    r = staff.post(
        f"/console/people/{sid}/consents", {**data, "purpose": "consultation_recommendation"}
    )
    assert r.status_code == 403 and "purpose-not-assigned" in r.text
    assert uc.list_consents(container.uow(), SYS, sid) == []
    changed(
        staff,
        f"/console/people/{sid}/consents",
        "consent",
        **data,
        purpose="order_fulfilment",
    )
    zh = Console(api, staff.caller, lang="zh-CN").page(f"/console/people/{sid}?done=consent")
    assert "已记录同意" in zh and "电话" in zh


@pytest.mark.req("R2.4")
@pytest.mark.req("R6.2")
def test_a_consent_form_with_bad_input_marks_the_field_and_records_nothing(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    good = {
        "purpose": "consultation_recommendation",
        "kind": "general",
        "channel": "web",
        "text_shown": TEXT,
    }
    url = f"/console/people/{sid}/consents"
    for field, bad, status in (
        ("text_shown", {"text_shown": "   "}, 422),
        ("text_shown", {"text_shown": "x" * 20_001}, 422),
        ("kind", {"kind": "forever"}, 422),
        ("channel", {"channel": "pigeon"}, 422),
        ("purpose", {"purpose": "no_such_purpose"}, 404),
        ("given_by", {"kind": "guardian"}, 422),  # a guardian's consent names the guardian
        ("given_by", {"given_by": sid}, 409),  # not linked as a guardian
    ):
        r = people.officer.post(url, {**good, **bad})
        assert r.status_code == status, (field, r.status_code, r.text[:600])
        marked(r.text, field)
        if field != "text_shown":
            assert TEXT in r.text  # what was typed is kept
    zh = Console(api, people.officer.caller, lang="zh-CN").post(url, {**good, "kind": "x"})
    assert zh.status_code == 422 and "有问题需要处理" in zh.text
    assert uc.list_consents(container.uow(), SYS, sid) == []


# --- restrictions and objections ------------------------------------------------------------


@pytest.mark.req("R4.1")
def test_objections_and_restrictions_are_recorded_and_lifted(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    staff = people.staff
    form = staff.page(f"/console/people/{sid}/restrictions/new")
    assert 'id="restriction-form"' in form and 'id="restrict-all-form"' in form
    changed(
        staff,
        f"/console/people/{sid}/restrictions",
        "objection",
        kind="objection",
        purpose="business_negotiation",
    )
    # every purpose: a form without a purpose field, which staff may send too
    html = changed(staff, f"/console/people/{sid}/restrictions", "restriction", kind="restriction")
    found = uc.list_restrictions(container.uow(), SYS, sid)
    assert sorted((r.kind.value, r.purpose) for r in found) == [
        ("objection", "business_negotiation"),
        ("restriction", None),
    ]
    assert "every purpose" in html
    everything = next(r for r in found if r.purpose is None)
    changed(staff, f"/console/people/{sid}/restrictions/{everything.id}/lift", "lifted", x="")
    r = staff.post(f"/console/people/{sid}/restrictions/{everything.id}/lift", {})
    assert r.status_code == 409 and 'id="error-summary"' in r.text
    # an objection names its purpose; staff name only their department's
    r = people.officer.post(f"/console/people/{sid}/restrictions", {"kind": "objection"})
    assert r.status_code == 422
    r = people.officer.post(
        f"/console/people/{sid}/restrictions", {"kind": "objection", "purpose": ""}
    )
    assert r.status_code == 422
    marked(r.text, "purpose")
    r = people.officer.post(f"/console/people/{sid}/restrictions", {"kind": "ban"})
    assert r.status_code == 422
    marked(r.text, "kind")
    r = staff.post(
        f"/console/people/{sid}/restrictions", {"kind": "objection", "purpose": "after_sales"}
    )
    assert r.status_code == 403 and "purpose-not-assigned" in r.text
    assert len(uc.list_restrictions(container.uow(), SYS, sid)) == 2


# --- guardians and minors ---------------------------------------------------------------------


@pytest.mark.req("R6.1")
@pytest.mark.req("R6.2")
def test_a_child_is_declared_a_minor_and_a_guardian_linked_and_verified(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    child = person(api, system)
    parent = person(api, system, "parent@example.cn", "13700000000")
    officer = people.officer
    html = changed(officer, f"/console/people/{child}/minor", "minor", minor="yes")
    assert 'data-child="yes"' in html
    html = changed(officer, f"/console/people/{child}/guardians", "linked", guardian_id=parent)
    assert f'data-id="{parent}" data-verified="no"' in html
    assert f'id="verify-{parent}"' in html
    html = changed(officer, f"/console/people/{child}/guardians/{parent}/verify", "verified", x="")
    assert f'data-id="{parent}" data-verified="yes"' in html and "Wang Fang" in html
    age = uc.guardianship(container.uow(), container.clock, SYS, child)
    assert age.child and [g.guardian_id for g in age.guardians] == [parent]
    assert age.guardians[0].verified
    # the guardian's consent for the child names them
    form = officer.page(f"/console/people/{child}/consents/new")
    assert f'<option value="{parent}"' in form
    changed(
        officer,
        f"/console/people/{child}/consents",
        "consent",
        purpose="consultation_recommendation",
        kind="guardian",
        channel="web",
        text_shown=TEXT,
        given_by=parent,
    )
    html = changed(officer, f"/console/people/{child}/minor", "minor", minor="no")
    assert 'data-child="no"' in html


@pytest.mark.req("R6.1")
def test_guardian_and_minor_forms_with_bad_input_mark_the_field(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    child = person(api, system)
    url = f"/console/people/{child}"
    for field, path, data, status in (
        ("guardian_id", "/guardians", {"guardian_id": ""}, 422),
        ("guardian_id", "/guardians", {"guardian_id": child}, 422),  # their own guardian
        ("guardian_id", "/guardians", {"guardian_id": "00000000-0000-4000-8000-000000000000"}, 404),
        ("guardian_id", "/guardians", {"guardian_id": "'; drop table subjects; --"}, 404),
        ("minor", "/minor", {"minor": "maybe"}, 422),
    ):
        r = people.staff.post(url + path, data)
        assert r.status_code == status, (field, r.status_code, r.text[:600])
        marked(r.text, field)
        no_values(r.text)
    r = people.staff.post(url + "/guardians/00000000-0000-4000-8000-000000000000/verify", {})
    assert r.status_code == 404 and 'id="error-summary"' in r.text
    age = uc.guardianship(container.uow(), container.clock, SYS, child)
    assert not age.child and age.guardians == ()
