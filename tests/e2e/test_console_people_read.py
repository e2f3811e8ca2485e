"""Reading a person's values on the console, on SQLite and PostgreSQL (R2.4, R2.10, R10.2): a
form names the purpose (staff: their department's; officers: any), the read goes through the
decision point as GET /api/v1/subjects/{id}/data does, and the answer — a POST result page,
never cached — shows the decision's id linked to its page, the values allowed, sensitive
categories masked and the refused ones with the reasons. A use refused for lack of consent is
allowed once the consent is recorded on the person's page."""

from __future__ import annotations

import re

import pytest

from piiguard.bootstrap import Container
from tests.assessed import approve_assessment_for
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import Console, People
from tests.e2e.test_console_people import ACCOUNT, EMAIL, NAME, PHONE, TEXT, changed, marked, person


def decision_id(html: str) -> str:
    found = re.search(r'id="decision-id" href="/console/decisions/([^"]+)"', html)
    assert found, html[:2000]
    return found.group(1)


def recorded(api: TestClient, officer: Console, did: str) -> dict[str, object]:
    r = api.get(f"/api/v1/decisions/{did}", headers=officer.caller.headers)
    assert r.status_code == 200, r.text
    found: dict[str, object] = r.json()
    return found


@pytest.mark.req("R2.4")
@pytest.mark.req("R10.2")
def test_a_use_refused_for_lack_of_consent_is_allowed_once_the_consent_is_recorded(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    officer = people.officer
    form = officer.page(f"/console/people/{sid}/read")
    assert 'id="read-values"' in form and 'method="post"' in form
    assert 'value="user.contact.email"' in form  # the categories held, to choose from
    assert EMAIL not in form

    purpose = {"purpose": "consultation_recommendation"}
    r = officer.post(f"/console/people/{sid}/read", purpose)
    assert r.status_code == 403, r.text[:800]
    assert r.headers["cache-control"] == "no-store"
    denied = decision_id(r.text)
    assert 'data-outcome="denied"' in r.text and 'data-code="consent_required"' in r.text
    assert 'id="no-values"' in r.text and EMAIL not in r.text
    assert recorded(api, officer, denied)["outcome"] == "denied"

    changed(
        officer,
        f"/console/people/{sid}/consents",
        "consent",
        kind="general",
        channel="web",
        text_shown=TEXT,
        **purpose,
    )
    r = officer.post(
        f"/console/people/{sid}/read",
        {**purpose, "category": ["user.contact.email", "user.name"]},
    )
    assert r.status_code == 200, r.text[:800]
    allowed = decision_id(r.text)
    assert allowed != denied and 'data-outcome="allowed"' in r.text
    assert EMAIL in r.text and NAME in r.text and PHONE not in r.text  # only what was asked
    assert r.headers["cache-control"] == "no-store"
    d = recorded(api, officer, allowed)
    assert d["outcome"] == "allowed" and d["requested"] == ["user.contact.email", "user.name"]
    # the person's page, after all this, still shows no value
    assert EMAIL not in officer.page(f"/console/people/{sid}")


@pytest.mark.req("R2.10")
def test_sensitive_values_are_masked_on_a_staff_screen_and_refused_ones_named(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    staff = people.staff  # sales: order_fulfilment
    form = staff.page(f"/console/people/{sid}/read")
    assert 'value="order_fulfilment"' in form and 'value="after_sales"' not in form
    r = staff.post(f"/console/people/{sid}/read", {"purpose": "order_fulfilment"})
    assert r.status_code == 200, r.text[:800]
    assert 'data-outcome="partly_allowed"' in r.text
    assert EMAIL in r.text and ACCOUNT not in r.text  # a bank account needs its own consent
    refused = r.text[r.text.index('id="refused"') :]
    assert 'data-category="user.financial.bank_account"' in refused[: refused.index("</ul>")]

    changed(
        people.officer,
        f"/console/people/{sid}/consents",
        "consent",
        purpose="order_fulfilment",
        kind="sensitive",
        channel="web",
        text_shown="I agree that my bank account is used to refund my orders.",
    )
    approve_assessment_for(container, purposes={"order_fulfilment"})  # R10.4: sensitive data
    zh = Console(api, staff.caller, lang="zh-CN")
    r = zh.post(f"/console/people/{sid}/read", {"purpose": "order_fulfilment"})
    assert r.status_code == 200 and 'data-outcome="allowed"' in r.text
    assert ACCOUNT not in r.text and "*" * 15 + ACCOUNT[-4:] in r.text  # masked
    assert 'id="masked"' in r.text and "已遮盖" in r.text
    assert recorded(api, people.officer, decision_id(r.text))["obligations"] == [
        "mask:user.financial.bank_account"
    ]


@pytest.mark.req("R2.10")
def test_a_read_with_a_bad_or_unassigned_purpose_shows_nothing(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    sid = person(api, system)
    url = f"/console/people/{sid}/read"
    # staff: a purpose outside their department is refused before the decision point
    r = people.staff.post(url, {"purpose": "after_sales"})
    assert r.status_code == 403 and "purpose-not-assigned" in r.text and EMAIL not in r.text
    for data, field, status in (
        ({"purpose": ""}, "purpose", 422),
        ({"purpose": "x" * 65}, "purpose", 422),
        ({"purpose": "after_sales", "exception_id": "not an id!"}, "exception_id", 404),
        ({"purpose": "after_sales", "category": ["user.nope"]}, "category", 422),
    ):
        r = people.officer.post(url, data)
        assert r.status_code == status, (data, r.status_code, r.text[:600])
        marked(r.text, field)
        assert EMAIL not in r.text and 'id="decision-id"' not in r.text
    r = people.officer.post(
        "/console/people/00000000-0000-4000-8000-000000000000/read", {"purpose": "after_sales"}
    )
    assert r.status_code == 404
    # the auditor reads no values; a read without its token is refused
    assert people.auditor.post(url, {"purpose": "after_sales"}).status_code == 403
    people.auditor.page(url, status=403)
    r = people.officer.post(url, {"purpose": "after_sales"}, csrf=False)
    assert r.status_code == 403 and "csrf-refused" in r.text and EMAIL not in r.text
