"""The console's register of staff accounts, on SQLite and PostgreSQL (R2.6, R2.9, R5.1,
R5.3): the list with its columns and filters for admins, officers and auditors (refused to
staff); inviting a colleague (the link shown once, and where it leads: the colleague's name
and password, then signed in); one account's forms — roles and department after a recent
sign-in (the password on the form otherwise), unlock, deactivate, TOTP reset; what the front
page is told needs a look. Bad input shows the error summary with the field marked and
changes nothing; a form without its CSRF token is refused. System clients:
test_console_team_clients.py."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.accounts import StaffAccount
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.staff_security import Throttle
from piiguard.services.staff import accounts as uc
from piiguard.services.staff.kit import account_key
from piiguard.services.staff.login import token_hash
from piiguard.web.console.team import pages
from piiguard.web.console.team.texts import words
from tests.e2e.conftest import PASSWORD, TestClient, totp_code
from tests.e2e.console_client import Console, People, member

STAFF_URL = "/console/staff"


def age_session(c: Container, who: Console, minutes: float) -> None:
    """As if `who` signed in `minutes` ago (outside the re-authentication window)."""
    with c.engine.begin() as conn:
        conn.execute(
            update(t.staff_sessions)
            .where(t.staff_sessions.c.token_hash == token_hash(who.token))
            .values(authenticated_at=c.clock.now() - timedelta(minutes=minutes))
        )


def ids(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def marked(html: str, field: str) -> bool:
    """The field is marked invalid and the error summary links to it."""
    return bool(
        re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', html)
        and f'href="#f-{field}"' in html
        and 'id="error-summary"' in html
    )


def lock(c: Container, staff_id: str) -> None:
    """The account locked by failed sign-ins, as login_staff leaves it."""
    with c.uow() as uow:
        found = uow.staff.get(staff_id)
        assert found is not None
        key = account_key(c.staff, found[0].email)
        uow.staff.save_throttle(
            Throttle(key, 10, c.clock.now(), c.clock.now() + timedelta(hours=1), locked=True)
        )
        uow.commit()


def dormant(c: Container, email: str = "sun.li@example.com", days: int = 400) -> str:
    """A staff account that never enrolled TOTP, its password `days` old."""
    created = c.clock.now() - timedelta(days=days)
    account = StaffAccount(
        "00000000-0000-4000-8000-0000000d0a11",
        email,
        "Sun Li",
        frozenset({"staff"}),
        True,
        created,
        "service",
        created,
    )
    with c.uow() as uow:
        uow.staff.add(account, c.passwords.hash(PASSWORD))
        uow.commit()
    return account.id


def view(c: Container, staff_id: str) -> uc.AccountView:
    return uc.view_staff(c.staff, c.uow(readonly=True), staff_id)


# --- the list ----------------------------------------------------------------------------------


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.3")
def test_the_list_shows_every_account_with_its_state_to_admins_officers_and_auditors(
    container: Container, people: People, api: TestClient
) -> None:
    sun = dormant(container)
    html = people.officer.page(STAFF_URL)
    assert "<h1>Staff accounts</h1>" in html and "<title>Staff accounts · piiguard" in html
    for header in ("Name", "Work email", "Roles", "Department", "Active", "Locked"):
        assert f'<th scope="col">{header}</th>' in html
    assert len(ids(html)) == 5 and sun in ids(html)
    row = html[html.index(f'data-id="{sun}"') :].split("</tr>")[0]
    assert "sun.li@example.com" in row and "Off (the role needs it)" in row
    assert "400 days" in row and "over the 180-day limit" in row and 'class="attention"' in row
    assert 'id="invite-form"' in html

    zh = Console(api, people.officer.caller, lang="zh-CN").page(STAFF_URL)
    assert "<h1>员工账户</h1>" in zh and "未开启（角色要求开启）" in zh and "邀请同事" in zh

    audited = people.auditor.page(STAFF_URL)
    assert sun in ids(audited) and 'id="invite-form"' not in audited
    people.staff.page(STAFF_URL, status=403)
    people.staff.page(f"{STAFF_URL}/{sun}", status=403)


@pytest.mark.req("R5.1")
def test_the_filters_narrow_the_list_and_a_bad_one_is_marked(
    container: Container, people: People
) -> None:
    sun = dormant(container)
    lock(container, people.staff.id)
    officer = people.officer
    assert ids(officer.page(f"{STAFF_URL}?role=auditor")) == [people.auditor.id]
    assert ids(officer.page(f"{STAFF_URL}?status=no_mfa")) == [sun]
    assert ids(officer.page(f"{STAFF_URL}?status=password_old")) == [sun]
    assert ids(officer.page(f"{STAFF_URL}?status=locked")) == [people.staff.id]
    assert ids(officer.page(f"{STAFF_URL}?dept=service")) == [sun]
    assert set(ids(officer.page(f"{STAFF_URL}?q=ZHOU"))) == {people.staff.id}
    assert ids(officer.page(f"{STAFF_URL}?q=chen.jing%40")) == [people.second.id]
    bad = officer.page(f"{STAFF_URL}?status=sleepy", status=422)
    assert marked(bad, "status") and len(ids(bad)) == 5


@pytest.mark.req("R5.3")
def test_attention_counts_accounts_without_mfa_with_old_passwords_and_locked(
    container: Container, people: People
) -> None:
    assert pages.attention(container, _actor(container, people.officer)) == []
    dormant(container)
    lock(container, people.staff.id)
    found = pages.attention(container, _actor(container, people.officer))
    assert found == [
        {"key": "staff_no_mfa", "count": 1, "href": "/console/staff?status=no_mfa"},
        {"key": "staff_password_old", "count": 1, "href": "/console/staff?status=password_old"},
        {"key": "staff_locked", "count": 1, "href": "/console/staff?status=locked"},
    ]
    texts = words("zh-CN")
    assert all(f"attn_{item['key']}" in texts for item in found)
    for item in found:  # each link opens the list filtered to those accounts
        assert len(ids(people.officer.page(str(item["href"])))) == 1
    assert pages.attention(container, _actor(container, people.staff)) == []


def _actor(c: Container, who: Console) -> Actor:
    return Actor(who.id, ActorKind.STAFF, view(c, who.id).account.roles)


# --- invitations -------------------------------------------------------------------------------


@pytest.mark.req("R2.9")
def test_an_invitation_shows_its_link_once_and_the_link_makes_the_account(
    container: Container, people: People, api: TestClient
) -> None:
    officer = people.officer
    r = officer.post(
        f"{STAFF_URL}/invitations",
        {"email": "liu.yang@example.com", "department": "service", "roles": ["staff"]},
    )
    assert r.status_code == 201, r.text[:800]
    assert r.headers["cache-control"] == "no-store"
    link = re.search(r'id="invite-link"[^>]*>([^<]+)<', r.text)
    assert link, r.text
    url = link.group(1)
    assert "/console/invite?token=" in url and "After-sales service" in r.text
    token = url.split("token=", 1)[1]
    assert token not in officer.page(STAFF_URL)

    # where the link leads: name and password, then signed in (TOTP to enrol next)
    guest = TestClient(
        api.app,
        base_url="https://testserver",
        follow_redirects=False,
        headers={"Accept-Language": "en"},
    )
    form = guest.get(f"/console/invite?token={token}")
    assert form.status_code == 200 and 'id="accept-form"' in form.text and token in form.text
    weak = guest.post("/console/invite", data={"token": token, "display_name": "Liu Yang",
                                               "password": "password"})  # fmt: skip
    assert weak.status_code in (400, 422) and marked(weak.text, "password")
    done = guest.post(
        "/console/invite",
        data={"token": token, "display_name": "Liu Yang", "password": PASSWORD},
    )
    assert done.status_code == 303 and done.headers["location"] == "/console"
    assert "piiguard-session" in done.headers["set-cookie"]
    account = uc.find_staff(container.uow(readonly=True), "liu.yang@example.com")
    assert account.roles == {"staff"} and account.department == "service"
    again = guest.post(
        "/console/invite",
        data={"token": token, "display_name": "Liu Yang", "password": PASSWORD},
    )
    assert again.status_code == 401 and "unknown, used or expired" in again.text


@pytest.mark.req("R2.9")
def test_a_bad_invitation_is_marked_on_its_form_and_nobody_else_may_invite(
    container: Container, people: People, api: TestClient
) -> None:
    officer = people.officer
    for data, field in (
        ({"email": "sales@example.com", "department": "sales", "roles": ["staff"]}, "email"),
        ({"email": "zhou.min@example.com", "department": "sales", "roles": ["staff"]}, "email"),
        ({"email": "a" * 300 + "@example.com", "department": "sales", "roles": ["staff"]}, "email"),
        ({"email": "he.ping@example.com", "department": "sales", "roles": []}, "roles"),
        ({"email": "he.ping@example.com", "department": "sales", "roles": ["root"]}, "roles"),
        ({"email": "he.ping@example.com", "department": "moon", "roles": ["staff"]}, "department"),
    ):
        r = officer.post(f"{STAFF_URL}/invitations", data)
        assert r.status_code in (400, 409, 422), (data, r.status_code)
        assert marked(r.text, field), (data, r.text[:2000])
        assert 'id="invite-link"' not in r.text
    zh = Console(api, officer.caller, lang="zh-CN").post(
        f"{STAFF_URL}/invitations",
        {"email": "sales@example.com", "department": "sales", "roles": ["staff"]},
    )
    assert "「邮箱」填写有误" in zh.text
    ok = {"email": "he.ping@example.com", "department": "sales", "roles": ["staff"]}
    assert people.auditor.post(f"{STAFF_URL}/invitations", ok).status_code == 403
    assert people.staff.post(f"{STAFF_URL}/invitations", ok).status_code == 403
    refused = officer.post(f"{STAFF_URL}/invitations", ok, csrf=False)
    assert refused.status_code == 403 and "csrf-refused" in refused.text
    # none of these made an invitation: the address is still free
    assert officer.post(f"{STAFF_URL}/invitations", ok).status_code == 201


# --- one account -------------------------------------------------------------------------------


@pytest.mark.req("R2.6")
@pytest.mark.req("R5.1")
def test_roles_change_after_a_recent_sign_in_or_with_the_password_on_the_form(
    container: Container, people: People, api: TestClient
) -> None:
    officer, staff = people.officer, people.staff
    url = f"{STAFF_URL}/{staff.id}"
    html = officer.page(url)
    assert 'id="roles-form"' in html and 'id="f-password"' not in html  # signed in just now
    assert "Zhou Min" in html and 'id="deactivate-form"' in html
    r = officer.post(url + "/roles", {"roles": ["staff", "auditor"], "department": "service"})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=roles"
    assert "Roles and department saved." in officer.page(r.headers["location"])
    assert view(container, staff.id).account.roles == {"staff", "auditor"}
    assert view(container, staff.id).account.department == "service"

    age_session(container, officer, 60)
    assert 'id="f-password"' in officer.page(url)
    for data, field in (
        ({"roles": ["staff"], "department": "sales"}, "password"),
        ({"roles": ["staff"], "department": "sales", "password": "not it"}, "password"),
    ):
        bad = officer.post(url + "/roles", data)
        assert bad.status_code == 401 and marked(bad.text, field), bad.text[:1500]
    assert view(container, staff.id).account.roles == {"staff", "auditor"}
    secret = officer.caller.totp_secret or ""
    ok = officer.post(
        url + "/roles",
        {
            "roles": ["staff"],
            "department": "sales",
            "password": PASSWORD,
            "code": totp_code(api, secret),
        },
    )
    assert ok.status_code == 303, ok.text[:1500]
    assert view(container, staff.id).account.roles == {"staff"}
    # signed in again just now: the next change needs no password
    for data, field in (
        ({"roles": [], "department": "sales"}, "roles"),
        ({"roles": ["wizard"], "department": "sales"}, "roles"),
        ({"roles": ["staff"], "department": "nowhere"}, "department"),
    ):
        bad = officer.post(url + "/roles", data)
        assert bad.status_code == 422 and marked(bad.text, field), (data, bad.text[:1500])
    assert view(container, staff.id).account.roles == {"staff"}
    zh = Console(api, officer.caller, lang="zh-CN").page(url)
    assert "更改角色和部门" in zh and "业务员工" in zh

    assert people.auditor.post(url + "/roles", {"roles": ["admin"]}).status_code == 403
    assert people.second.post(url + "/roles", {"roles": ["admin"]}, csrf=False).status_code == 403
    assert 'id="roles-form"' not in people.auditor.page(url)


@pytest.mark.req("R5.1")
def test_an_officer_unlocks_a_locked_account_and_an_admin_may_not(
    container: Container, people: People, api: TestClient
) -> None:
    staff = people.staff
    lock(container, staff.id)
    url = f"{STAFF_URL}/{staff.id}"
    html = people.second.page(url)
    assert 'id="unlock-form"' in html and "Locked" in html
    admin = Console(api, member(container, api, "ma.jun@example.com", {"admin"}, "Ma Jun"))
    assert 'id="unlock-form"' not in admin.page(url)
    assert admin.post(url + "/unlock", {}).status_code == 403
    assert people.auditor.post(url + "/unlock", {}).status_code == 403
    assert view(container, staff.id).locked
    r = people.second.post(url + "/unlock", {})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=unlocked"
    assert not view(container, staff.id).locked
    assert 'id="unlock-form"' not in people.second.page(url)


@pytest.mark.req("R5.1")
def test_deactivating_ends_the_account_and_ones_own_is_refused(
    container: Container, people: People, api: TestClient
) -> None:
    officer, staff = people.officer, people.staff
    url = f"{STAFF_URL}/{staff.id}"
    assert people.auditor.post(url + "/deactivate", {}).status_code == 403
    assert officer.post(url + "/deactivate", {}, csrf=False).status_code == 403
    assert view(container, staff.id).account.active
    r = officer.post(url + "/deactivate", {})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=deactivated"
    html = officer.page(r.headers["location"])
    assert "Deactivated; its sessions ended." in html and 'id="deactivate-form"' not in html
    assert not view(container, staff.id).account.active
    assert staff.http.get("/console").status_code == 303  # its session ended: to sign-in

    own = f"{STAFF_URL}/{officer.id}"
    assert 'id="deactivate-form"' not in officer.page(own)
    refused = officer.post(own + "/deactivate", {})
    assert refused.status_code == 409 and "cannot deactivate your own" in refused.text
    assert 'id="error-summary"' in refused.text
    assert view(container, officer.id).account.active
    again = officer.post(url + "/deactivate", {})
    assert again.status_code == 409 and "already deactivated" in again.text


@pytest.mark.req("R2.6")
def test_an_officer_resets_totp_with_the_password_when_the_sign_in_is_old(
    container: Container, people: People, api: TestClient
) -> None:
    second, staff = people.second, people.staff
    url = f"{STAFF_URL}/{staff.id}"
    assert view(container, staff.id).account.mfa_enrolled
    admin = Console(api, member(container, api, "ma.jun@example.com", {"admin"}, "Ma Jun"))
    assert admin.post(url + "/mfa-reset", {}).status_code == 403
    assert 'id="mfa-reset-form"' not in admin.page(url)

    age_session(container, second, 60)
    html = second.page(url)
    assert 'id="mfa-reset-form"' in html and 'id="f-mfa_password"' in html
    bad = second.post(url + "/mfa-reset", {"password": "wrong"})
    assert bad.status_code == 401 and marked(bad.text, "mfa_password"), bad.text[:1500]
    assert view(container, staff.id).account.mfa_enrolled
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(url + "/mfa-reset", {"password": PASSWORD, "code": code})
    assert r.status_code == 303 and r.headers["location"] == url + "?done=mfa_reset"
    assert not view(container, staff.id).account.mfa_enrolled
    assert 'id="mfa-reset-form"' not in second.page(url)


def test_an_unknown_or_overlong_account_id_is_a_page_not_a_crash(people: People) -> None:
    officer = people.officer
    page = officer.page(f"{STAFF_URL}/00000000-0000-4000-8000-000000000000", status=404)
    assert 'content="not-found"' in page
    for step in ("roles", "unlock", "deactivate", "mfa-reset"):
        r = officer.post(f"{STAFF_URL}/nobody/{step}", {"roles": ["staff"]})
        assert r.status_code == 404, (step, r.status_code)
    assert officer.http.get(f"{STAFF_URL}/{'x' * 80}").status_code == 422
