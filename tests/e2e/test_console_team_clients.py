"""The console's system clients, on SQLite and PostgreSQL (R2.10, R5.1): the company's
systems that call the API with a key — listed with scope, key prefix, creation, last
rotation and status for admins, officers and auditors (refused to staff); added and rotated
after a recent sign-in, the key shown on that one answer and on no other page, ever (the
list, the client's page, its reload, the front page); the rotation's overlap (the old key
works until then); the scope the next call holds to; revocation at once (the server's cache
of checked keys forgets it). Bad input shows the error summary with the field marked and
changes nothing; a form without its CSRF token is refused."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.accounts import SystemClient
from piiguard.services.clients import api_keys as uc
from tests.e2e.conftest import PASSWORD, Caller, TestClient, totp_code
from tests.e2e.console_client import Console, People
from tests.e2e.test_console_team import age_session, ids, marked

CLIENTS = "/console/clients"
KEY = re.compile(r"pgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")


def client_named(c: Container, name: str) -> SystemClient:
    found = [cl for cl in uc.list_clients(c.uow(readonly=True)) if cl.name == name]
    assert found, name
    return found[0]


def new_key(html: str) -> str:
    found = re.search(r'id="new-key"[^>]*>([^<]+)<', html)
    assert found, html[:2000]
    key = found.group(1).strip()
    assert KEY.fullmatch(key), key
    return key


def calls(api: TestClient, key: str) -> int:
    """What the API answers a call with `key` (any route a system may use)."""
    r = api.get("/api/v1/purposes", headers={"Authorization": f"Bearer {key}"})
    return int(r.status_code)


def add(officer: Console, name: str, **data: object) -> str:
    r = officer.post(CLIENTS, {"name": name, **data})
    assert r.status_code == 201, r.text[:2000]
    assert r.headers["cache-control"] == "no-store"
    return new_key(r.text)


# --- the list ----------------------------------------------------------------------------------


@pytest.mark.req("R2.10")
def test_the_list_shows_clients_without_keys_to_admins_officers_and_auditors(
    container: Container, people: People, api: TestClient, system: Caller
) -> None:
    uc.rotate_client_key(container.uow(), container.clock, OPERATOR, "erp", timedelta(hours=2))
    uc.add_client(container.uow(), container.clock, OPERATOR, "old-crm")
    uc.revoke_client(container.uow(), container.clock, OPERATOR, "old-crm")
    html = people.officer.page(CLIENTS)
    assert "<h1>System clients</h1>" in html and 'id="client-form"' in html
    for header in ("System", "Key may be used for", "Key prefix", "Created", "Last rotation"):
        assert f'<th scope="col">{header}</th>' in html
    erp = client_named(container, "erp")
    row = html[html.index(f'data-id="{erp.id}"') :].split("</tr>")[0]
    assert f"pgk_{erp.key_prefix}_…" in row and "Every purpose and category" in row
    assert "Active (previous key until" in row and "never" not in row
    crm = client_named(container, "old-crm")
    assert "Revoked" in html[html.index(f'data-id="{crm.id}"') :].split("</tr>")[0]
    assert system.headers["Authorization"].removeprefix("Bearer ") not in html

    assert ids(people.officer.page(f"{CLIENTS}?status=revoked")) == [crm.id]
    assert ids(people.officer.page(f"{CLIENTS}?q=er")) == [erp.id]
    bad = people.officer.page(f"{CLIENTS}?status=asleep", status=422)
    assert marked(bad, "status")

    zh = Console(api, people.officer.caller, lang="zh-CN").page(CLIENTS)
    assert "<h1>系统客户端</h1>" in zh and "所有用途和数据类别" in zh and "已吊销" in zh
    audited = people.auditor.page(CLIENTS)
    assert erp.id in ids(audited) and 'id="client-form"' not in audited
    page = people.auditor.page(f"{CLIENTS}/{erp.id}")
    assert "System client: erp" in page and 'id="rotate-form"' not in page
    people.staff.page(CLIENTS, status=403)
    people.staff.page(f"{CLIENTS}/{erp.id}", status=403)


# --- the key, shown once -----------------------------------------------------------------------


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_a_new_key_is_shown_on_its_answer_alone_and_works(
    container: Container, people: People, api: TestClient
) -> None:
    officer = people.officer
    key = add(officer, "crm", purposes=["after_sales"], categories="user.contact, user.name")
    crm = client_named(container, "crm")
    assert crm.scope is not None and crm.scope.purposes == frozenset({"after_sales"})
    assert crm.scope.categories == frozenset({"user.contact", "user.name"})
    assert calls(api, key) == 200
    pages = [
        officer.page(CLIENTS),
        officer.page(f"{CLIENTS}/{crm.id}"),
        officer.page(f"{CLIENTS}/{crm.id}"),  # a reload
        people.auditor.page(f"{CLIENTS}/{crm.id}"),
        officer.page("/console"),
    ]
    for html in pages:
        assert key not in html and 'id="new-key"' not in html
        assert not KEY.search(html)
    assert f"pgk_{crm.key_prefix}_…" in pages[1]

    # rotated: a new key on that answer alone; the old one works for the overlap
    r = officer.post(f"{CLIENTS}/{crm.id}/rotate", {"overlap": "2"})
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    fresh = new_key(r.text)
    assert fresh != key and 'id="key-overlap"' in r.text
    assert calls(api, fresh) == 200 and calls(api, key) == 200
    html = officer.page(f"{CLIENTS}/{crm.id}")
    assert fresh not in html and key not in html and not KEY.search(html)
    assert "Previous key works until" in html and "never" not in html
    container.clock.advance(timedelta(hours=2, seconds=1))  # type: ignore[attr-defined]
    container.client_keys.forget_all()  # keys checked in the last seconds are remembered
    assert calls(api, key) == 401 and calls(api, fresh) == 200


@pytest.mark.req("R2.10")
def test_adding_and_rotating_need_a_recent_sign_in_or_the_password_on_the_form(
    container: Container, people: People, api: TestClient, system: Caller
) -> None:
    officer = people.officer
    age_session(container, officer, 60)
    assert 'id="f-password"' in officer.page(CLIENTS)
    bad = officer.post(CLIENTS, {"name": "crm"})
    assert bad.status_code == 401 and marked(bad.text, "password") and not KEY.search(bad.text)
    assert [cl.name for cl in uc.list_clients(container.uow())] == ["erp"]
    erp = client_named(container, "erp")
    refused = officer.post(f"{CLIENTS}/{erp.id}/rotate", {"overlap": "1", "password": "nope"})
    assert refused.status_code == 401 and marked(refused.text, "password")
    assert client_named(container, "erp").key_prefix == erp.key_prefix

    code = totp_code(api, officer.caller.totp_secret or "")
    key = add(officer, "crm", password=PASSWORD, code=code)
    assert calls(api, key) == 200
    r = officer.post(f"{CLIENTS}/{erp.id}/rotate", {"overlap": "0"})  # signed in again now
    assert r.status_code == 200 and 'id="key-overlap"' in r.text
    old = system.headers["Authorization"].removeprefix("Bearer ")
    assert calls(api, old) == 401 and calls(api, new_key(r.text)) == 200


@pytest.mark.req("R2.10")
def test_bad_input_is_marked_on_its_form_and_changes_nothing(
    container: Container, people: People, api: TestClient, system: Caller
) -> None:
    officer = people.officer
    for data, field in (
        ({"name": "ERP System!"}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 200}, "name"),
        ({"name": "erp"}, "name"),  # exists
        ({"name": "crm", "purposes": ["astrology"]}, "purposes"),
        ({"name": "crm", "categories": "user.contact user.aura"}, "categories"),
    ):
        r = officer.post(CLIENTS, data)
        assert r.status_code in (400, 409, 422), (data, r.status_code)
        assert marked(r.text, field), (data, r.text[:2000])
        assert 'id="new-key"' not in r.text
    assert [cl.name for cl in uc.list_clients(container.uow())] == ["erp"]
    zh = Console(api, officer.caller, lang="zh-CN").post(CLIENTS, {"name": "ERP!"})
    assert "「名称」填写有误" in zh.text

    erp = client_named(container, "erp")
    url = f"{CLIENTS}/{erp.id}"
    for overlap in ("721", "-1", "soon", "nan", "9" * 40):
        r = officer.post(url + "/rotate", {"overlap": overlap})
        assert r.status_code == 422 and marked(r.text, "overlap"), overlap
        assert 'id="new-key"' not in r.text
    r = officer.post(url + "/scope", {"purposes": ["astrology"]})
    assert r.status_code == 422 and marked(r.text, "purposes")
    r = officer.post(url + "/scope", {"categories": "nothing.here"})
    assert r.status_code == 422 and marked(r.text, "categories")
    assert client_named(container, "erp") == erp
    assert officer.page(f"{CLIENTS}/00000000-0000-4000-8000-000000000000", status=404)
    assert officer.post(f"{CLIENTS}/nobody/revoke", {}).status_code == 404
    assert officer.http.get(f"{CLIENTS}/{'x' * 80}").status_code == 422


# --- scope and revocation ----------------------------------------------------------------------


@pytest.mark.req("R2.10")
def test_the_scope_changes_and_revocation_stops_the_key_at_once(
    container: Container, people: People, api: TestClient, system: Caller
) -> None:
    officer = people.officer
    erp = client_named(container, "erp")
    url = f"{CLIENTS}/{erp.id}"
    r = officer.post(url + "/scope", {"purposes": ["order_fulfilment"], "categories": ""})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=scoped"
    html = officer.page(r.headers["location"])
    assert "Scope saved" in html and "order_fulfilment" in html
    scope = client_named(container, "erp").scope
    assert scope is not None and scope.purposes == frozenset({"order_fulfilment"})
    assert scope.categories is None
    r = officer.post(url + "/scope", {})  # nothing ticked or typed: no limit, as the CLI
    assert r.status_code == 303 and client_named(container, "erp").scope is None

    key = system.headers["Authorization"].removeprefix("Bearer ")
    assert calls(api, key) == 200  # now in the server's cache of checked keys
    assert people.auditor.post(url + "/revoke", {}).status_code == 403
    assert officer.post(url + "/revoke", {}, csrf=False).status_code == 403
    assert calls(api, key) == 200
    r = officer.post(url + "/revoke", {})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=revoked"
    assert calls(api, key) == 401
    html = officer.page(r.headers["location"])
    assert 'id="revoked-note"' in html and 'id="rotate-form"' not in html
    again = officer.post(url + "/revoke", {})
    assert again.status_code == 409 and 'id="error-summary"' in again.text
    assert officer.post(url + "/rotate", {"overlap": "1"}).status_code == 409


@pytest.mark.req("R5.1")
def test_no_one_else_changes_a_client(container: Container, people: People, system: Caller) -> None:
    erp = client_named(container, "erp")
    url = f"{CLIENTS}/{erp.id}"
    for who in (people.auditor, people.staff):
        assert who.post(CLIENTS, {"name": "crm"}).status_code == 403
        assert who.post(url + "/rotate", {"overlap": "1"}).status_code == 403
        assert who.post(url + "/scope", {}).status_code == 403
    assert people.officer.post(CLIENTS, {"name": "crm"}, csrf=False).status_code == 403
    assert people.officer.post(url + "/rotate", {}, csrf=False).status_code == 403
    assert [cl.name for cl in uc.list_clients(container.uow())] == ["erp"]
    assert client_named(container, "erp") == erp


def test_last_rotations_are_read_from_the_trail(container: Container) -> None:
    c = container
    a, _ = uc.add_client(c.uow(), c.clock, OPERATOR, "a")
    b, _ = uc.add_client(c.uow(), c.clock, OPERATOR, "b")
    assert uc.last_rotations(c.uow()) == {}
    for _ in range(3):
        uc.rotate_client_key(c.uow(), c.clock, OPERATOR, "a", timedelta(0))
        c.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
    uc.rotate_client_key(c.uow(), c.clock, OPERATOR, "b", timedelta(0))
    found = uc.last_rotations(c.uow(), batch=2)  # paged through the trail
    assert set(found) == {a.id, b.id}
    assert found[a.id] < found[b.id] and (found[b.id] - found[a.id]).total_seconds() >= 59
