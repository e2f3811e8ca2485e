"""The console's oversight pages, on SQLite and PostgreSQL (R2.5, R2.10, R5.1, R10.2): a
privacy officer requests a legal exception on its form, cannot approve their own, another
officer approves it after signing in again, a decision through it shows on its page, and it
is revoked; decisions are searched and explained rule by rule in Chinese and English; the
audit trail is searched, verified (intact, then tampered with) and its last signed checkpoint
shown. Auditors see every view read-only and may run the verification; staff are refused.
Bad input shows the error summary with the field marked and changes nothing; a form without
its CSRF token is refused."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.access_rules import RULES
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.audit import record_checkpoint
from piiguard.services.policy.legal_exceptions import list_exceptions
from piiguard.services.staff.login import token_hash
from piiguard.web.console.oversight import audit as audit_pages
from piiguard.web.console.oversight import decisions as decision_pages
from piiguard.web.console.oversight.pages import attention, last_checkpoint, last_verification
from tests.e2e.conftest import PASSWORD, Caller, TestClient, totp_code
from tests.e2e.console_client import Console, People

RECOMMEND = "consultation_recommendation"  # needs consent (the seeded register)
EMAIL = "li.lei@example.cn"


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def people(container: Container, people: People) -> People:
    """The console's people, each with the CSRF token of their session at hand (as the
    front page would give it) so that these tests hang on no page but their own."""
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def person(api: TestClient, system: Caller) -> str:
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {**item, "category": "user.contact.email", "value": EMAIL},
                {**item, "category": "user.name", "value": "李蕾"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def decide(api: TestClient, who: Console, sid: str, **extra: Any) -> dict[str, Any]:
    r = api.post(
        "/api/v1/decisions",
        headers=who.caller.headers,
        json={"subject_id": sid, "purpose": RECOMMEND, **extra},
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def console(c: Container, api: TestClient, who: Console, lang: str) -> Console:
    """`who` in a browser asking for `lang`, their CSRF token at hand."""
    other = Console(api, who.caller, lang=lang)
    other._csrf = c.staff.csrf_token(other.token)
    return other


def actor(c: Container, who: Console) -> Actor:
    """The actor the console's pages see for `who` (their account's roles)."""
    with c.uow() as uow:
        found = uow.staff.get(who.id)
    assert found is not None
    return Actor(who.id, ActorKind.STAFF, found[0].roles)


def age_session(c: Container, who: Console, minutes: float) -> None:
    """As if `who` signed in `minutes` ago (the re-authentication window)."""
    with c.engine.begin() as conn:
        conn.execute(
            update(t.staff_sessions)
            .where(t.staff_sessions.c.token_hash == token_hash(who.token))
            .values(authenticated_at=c.clock.now() - timedelta(minutes=minutes))
        )


def exception_form(sid: str, **changes: Any) -> dict[str, Any]:
    return {
        "kind": "criminal_justice",
        "authority": "佛山市公安局禅城分局",
        "case_reference": "佛公(禅)刑字〔2025〕118号",
        "legal_provision": "刑事诉讼法 第54条",
        "subject_ids": sid,
        "categories": ["user.contact.email"],
        "valid_from": "2000-01-01",
        "valid_until": "2999-12-31",
        **changes,
    }


def marked(html: str, field: str) -> bool:
    """The field is marked invalid and the error summary links to it."""
    return (
        re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', html) is not None
        and f'href="#f-{field}"' in html
        and 'id="error-summary"' in html
    )


def n_exceptions(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.legal_exceptions)).scalar_one())


def flashed(who: Console, r: Any, prefix: str) -> str:
    assert r.status_code == 303, (r.status_code, r.text[:800])
    location = r.headers["location"]
    assert location.startswith(prefix), location
    html = who.page(location)
    assert 'class="flash" role="status"' in html
    return html


# --- legal exceptions (R2.5) -----------------------------------------------------------------


@pytest.mark.req("R2.5")
@pytest.mark.req("R2.10")
def test_an_exception_requested_on_the_page_is_approved_by_another_officer_and_revoked(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, first, second = container, people.officer, people.second
    sid = person(api, system)
    html = first.page("/console/exceptions")
    assert 'id="exception-form"' in html and 'id="request-exception"' in html
    html = flashed(
        first, first.post("/console/exceptions", exception_form(sid)), "/console/exceptions/"
    )
    [ex] = list_exceptions(c.uow(readonly=True))
    assert (ex.requested_by, ex.approved_by, ex.subject_ids) == (
        first.caller.ref,
        None,
        frozenset({sid}),
    )
    assert 'data-status="pending"' in html and "Wang Fang" in html
    assert 'id="own-request"' in html and 'id="approve-exception"' in html
    assert next(i for i in attention(c, actor(c, first)) if i["count"]) == {
        "key": "exceptions_waiting",
        "count": 1,
        "href": "/console/exceptions?status=pending",
    }

    # four eyes: the requester is refused, clearly, and nothing changes
    r = first.post(f"/console/exceptions/{ex.id}/approve", {})
    assert r.status_code == 403
    assert "another privacy officer must" in r.text and 'id="error-summary"' in r.text
    zh = console(c, api, first, "zh-CN")
    r = zh.post(f"/console/exceptions/{ex.id}/approve", {})
    assert r.status_code == 403 and "您不能批准" in r.text
    assert list_exceptions(c.uow(readonly=True))[0].approved_by is None

    # another officer, signed in an hour ago: the form asks for the password again
    age_session(c, second, 60)
    html = second.page(f"/console/exceptions/{ex.id}")
    assert 'id="f-password"' in html and 'id="own-request"' not in html
    r = second.post(f"/console/exceptions/{ex.id}/approve", {})
    assert r.status_code == 401 and marked(r.text, "password")
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(f"/console/exceptions/{ex.id}/approve", {"password": "wrong", "code": code})
    assert r.status_code == 401 and marked(r.text, "password")
    assert list_exceptions(c.uow(readonly=True))[0].approved_by is None
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(f"/console/exceptions/{ex.id}/approve", {"password": PASSWORD, "code": code})
    html = flashed(second, r, f"/console/exceptions/{ex.id}?done=approved")
    assert 'data-status="in_force"' in html and "Chen Jing" in html
    assert list_exceptions(c.uow(readonly=True))[0].approved_by == second.caller.ref
    waiting = {i["key"]: i["count"] for i in attention(c, actor(c, first))}
    assert waiting["exceptions_waiting"] == 0

    # a decision it let through shows on its page
    d = decide(api, first, sid, exception_id=ex.id, categories=["user.contact.email"])
    assert d["outcome"] == "allowed"
    html = first.page(f"/console/exceptions/{ex.id}")
    assert 'id="exception-decisions"' in html and f'data-id="{d["id"]}"' in html
    assert 'id="let-through-how"' in html

    html = flashed(
        first,
        first.post(f"/console/exceptions/{ex.id}/revoke", {}),
        f"/console/exceptions/{ex.id}?done=revoked",
    )
    assert 'data-status="revoked"' in html and 'id="revoke-exception"' not in html
    assert list_exceptions(c.uow(readonly=True))[0].revoked_at is not None
    assert first.post(f"/console/exceptions/{ex.id}/revoke", {}).status_code == 409


@pytest.mark.req("R2.5")
def test_a_bad_exception_form_shows_its_errors_and_records_nothing(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, officer = container, people.officer
    sid = person(api, system)
    r = officer.post("/console/exceptions", {"kind": "", "subject_ids": "", "valid_from": ""})
    assert r.status_code == 422
    for field in ("kind", "authority", "case_reference", "legal_provision", "subject_ids"):
        assert marked(r.text, field), field
    assert marked(r.text, "valid_until")
    cases: list[tuple[dict[str, Any], str, int]] = [
        ({"kind": "martial_law"}, "kind", 422),
        ({"subject_ids": "not an id!"}, "subject_ids", 422),
        ({"subject_ids": "00000000-0000-4000-8000-0000000fffff"}, "subject_ids", 404),
        ({"categories": ["user.no_such_thing"]}, "categories", 422),
        ({"categories": ["<script>"]}, "categories", 422),
        ({"valid_until": "2001-01-01"}, "valid_until", 422),
        ({"valid_until": "31/12/2999"}, "valid_until", 422),
        ({"authority": "   "}, "authority", 422),
    ]
    for change, field, status in cases:
        r = officer.post("/console/exceptions", exception_form(sid, **change))
        assert r.status_code == status, (change, r.status_code)
        assert marked(r.text, field), change
        assert "刑事诉讼法 第54条" in r.text  # what was typed is kept
    zh = console(c, api, officer, "zh-CN")
    r = zh.post("/console/exceptions", exception_form(sid, valid_until="2001-01-01"))
    assert r.status_code == 422 and "「有效期至」" in r.text
    r = officer.post("/console/exceptions", exception_form(sid), csrf=False)
    assert r.status_code == 403
    assert n_exceptions(c) == 0
    officer.page("/console/exceptions/no-such-exception", 404)
    officer.page("/console/exceptions?status=bogus", 422)


@pytest.mark.req("R2.5")
@pytest.mark.req("R2.10")
def test_the_auditor_reads_exceptions_and_may_change_nothing_staff_may_not_look(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, officer, auditor, staff = container, people.officer, people.auditor, people.staff
    sid = person(api, system)
    officer.post("/console/exceptions", exception_form(sid))
    [ex] = list_exceptions(c.uow(readonly=True))
    for lang in ("en", "zh-CN"):
        who = console(c, api, auditor, lang)
        html = who.page("/console/exceptions")
        assert f'data-id="{ex.id}"' in html and 'id="read-only"' in html
        assert 'id="exception-form"' not in html
        html = who.page(f"/console/exceptions/{ex.id}")
        assert 'id="approve-form"' not in html and 'id="revoke-form"' not in html
        assert ("法定例外" if lang == "zh-CN" else "Legal exception") in html
    for url in ("/console/exceptions", f"/console/exceptions/{ex.id}/approve"):
        assert auditor.post(url, exception_form(sid)).status_code == 403
    assert auditor.post(f"/console/exceptions/{ex.id}/revoke", {}).status_code == 403
    staff.page("/console/exceptions", 403)
    staff.page(f"/console/exceptions/{ex.id}", 403)
    assert staff.post("/console/exceptions", exception_form(sid)).status_code == 403
    assert n_exceptions(c) == 1 and list_exceptions(c.uow(readonly=True))[0].revoked_at is None
    assert attention(c, actor(c, auditor)) == [
        {"key": "audit_never_verified", "count": 1, "href": "/console/audit"}
    ]


# --- decisions (R2.10, R10.2) ----------------------------------------------------------------


@pytest.mark.req("R2.10")
@pytest.mark.req("R10.2")
def test_decisions_are_searched_and_explained_rule_by_rule_in_both_languages(
    container: Container,
    api: TestClient,
    system: Caller,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c, officer, auditor = container, people.officer, people.auditor
    sid = person(api, system)
    denied = decide(api, officer, sid)
    assert denied["outcome"] == "denied"
    others = [decide(api, officer, sid, purpose="after_sales") for _ in range(3)]
    html = officer.page(f"/console/decisions?outcome=denied&subject_id={sid}")
    assert re.findall(r'<tr data-id="([^"]+)"', html) == [denied["id"]]
    html = officer.page(f"/console/decisions?purpose=after_sales&actor_id=staff:{officer.id}")
    assert set(re.findall(r'<tr data-id="([^"]+)"', html)) == {d["id"] for d in others}
    html = officer.page("/console/decisions?until=2000-01-01")
    assert "Nothing matches." in html

    monkeypatch.setattr(decision_pages, "PAGE", 2)  # paging, newest first
    html = officer.page("/console/decisions")
    assert len(re.findall(r'<tr data-id="', html)) == 2 and 'rel="next"' in html
    html = officer.page("/console/decisions?page=2")
    assert 'rel="prev"' in html and 'rel="next"' not in html
    assert f'data-id="{denied["id"]}"' in html  # the oldest

    for who, lang in ((officer, "en"), (auditor, "zh-CN")):
        page = console(c, api, who, lang).page(f"/console/decisions/{denied['id']}")
        assert 'id="explain"' in page and 'data-outcome="denied"' in page
        row = re.search(r'<tr data-rule="consent_required" data-passed="no">(.*?)</tr>', page, re.S)
        assert row, page
        assert 'data-code="consent_required"' in row.group(1)
        assert 'data-rule="purpose_known" data-passed="yes"' in page
        assert len(re.findall(r"<tr data-rule=", page)) == len(RULES)  # every rule, in order
        if lang == "zh-CN":
            assert "已获得所需的同意" in row.group(1) and "缺少同意" in row.group(1)
        else:
            assert "Consent where it is needed" in row.group(1)
        assert EMAIL not in page and "李蕾" not in page  # ids and metadata only


@pytest.mark.req("R2.10")
def test_bad_decision_filters_are_marked_and_staff_may_not_look(people: People) -> None:
    officer, staff = people.officer, people.staff
    for query, field in (
        ("outcome=maybe", "outcome"),
        ("since=2024-13-01", "since"),
        ("since=2024-02-01&until=2024-01-01", "until"),
        ("subject_id=%3Cscript%3E", "subject_id"),
        ("purpose=Not%20A%20Key", "purpose"),
    ):
        r = officer.http.get(f"/console/decisions?{query}")
        assert r.status_code == 422, query
        assert marked(r.text, field), query
    officer.page("/console/decisions/not-a-decision", 404)
    officer.page("/console/decisions/%3Cbad%3E", 404)
    staff.page("/console/decisions", 403)
    staff.page("/console/decisions/00000000-0000-4000-8000-0000000fffff", 403)


# --- the audit trail (R2.10, R5.1, R10.2) ----------------------------------------------------


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
@pytest.mark.req("R10.2")
def test_the_trail_is_searched_verified_and_its_checkpoint_shown(
    container: Container,
    api: TestClient,
    system: Caller,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c, officer, auditor, staff = container, people.officer, people.auditor, people.staff
    sid = person(api, system)
    officer.post("/console/exceptions", exception_form(sid))
    [ex] = list_exceptions(c.uow(readonly=True))
    html = auditor.page("/console/audit")
    assert 'id="verify-result"' in html and 'data-ok="none"' in html
    assert "No signed checkpoint yet." in html and 'id="verify-audit"' in html
    html = auditor.page(f"/console/audit?target_type=exception&target_id={ex.id}")
    assert re.findall(r'data-action="([^"]+)"', html) == ["exception.request"]
    html = auditor.page(f"/console/audit?action=exception.request&actor_id={officer.id}")
    assert re.findall(r'data-action="([^"]+)"', html) == ["exception.request"]
    assert (
        "exception.request"
        not in auditor.page("/console/audit?until=2000-01-01").split('id="audit-entries"')[1]
    )

    # the auditor runs the verification; the result and the checkpoint are shown
    assert record_checkpoint(c.uow(), c.signer, c.clock) is not None
    r = auditor.post("/console/audit/verify", {})
    html = flashed(auditor, r, "/console/audit?done=verified")
    assert re.search(r'id="verify-result".*?data-ok="yes"', html, re.S)
    assert "Zhao Min" in html and 'data-signature="ok"' in html
    v, cp = last_verification(c), last_checkpoint(c)
    assert v is not None and v.ok and cp is not None and cp.signature_ok
    assert attention(c, actor(c, officer)) == [
        {"key": "exceptions_waiting", "count": 1, "href": "/console/exceptions?status=pending"}
    ]

    with c.engine.begin() as conn:  # tampered with, as with SQL access
        conn.execute(update(t.audit_entries).where(t.audit_entries.c.seq == 2).values(actor_id="x"))
    zh = console(c, api, officer, "zh-CN")
    html = flashed(zh, zh.post("/console/audit/verify", {}), "/console/audit?done=verify_failed")
    assert re.search(r'id="verify-result".*?data-ok="no"', html, re.S)
    assert "在第 2 条处断裂" in html and 'id="verify-problem"' in html
    assert [i["key"] for i in attention(c, actor(c, officer))][-1] == ("audit_verification_failed")

    monkeypatch.setattr(audit_pages, "PAGE", 3)  # paging by entry
    html = auditor.page("/console/audit?action=audit.search")
    seqs = [int(s) for s in re.findall(r'<tr data-seq="(\d+)"', html)]
    assert len(seqs) == 3 and seqs == sorted(seqs)
    later = re.search(r'href="([^"]+)" rel="next" id="audit-later"', html)
    assert later, html
    html = auditor.page("/console/audit" + later.group(1).replace("&amp;", "&"))
    assert min(int(s) for s in re.findall(r'<tr data-seq="(\d+)"', html)) > seqs[-1]
    assert 'id="audit-first"' in html

    # bad filters, staff, no CSRF
    for query, field in (
        ("target_type=exception", "target_id"),
        ("target_id=abc", "target_type"),
        ("actor_id=%22%3E%3Cb%3E", "actor_id"),
        ("until=yesterday", "until"),
    ):
        r = auditor.http.get(f"/console/audit?{query}")
        assert r.status_code == 422 and marked(r.text, field), query
    staff.page("/console/audit", 403)
    assert staff.post("/console/audit/verify", {}).status_code == 403
    assert auditor.post("/console/audit/verify", {}, csrf=False).status_code == 403


@pytest.mark.req("R10.2")
def test_a_verification_older_than_a_week_needs_attention(
    container: Container, people: People
) -> None:
    c, officer = container, people.officer
    assert officer.post("/console/audit/verify", {}).status_code == 303
    assert attention(c, actor(c, officer)) == [
        {"key": "exceptions_waiting", "count": 0, "href": "/console/exceptions?status=pending"}
    ]
    c.clock.advance(timedelta(days=audit_pages.VERIFY_EVERY_DAYS, minutes=1))  # type: ignore[attr-defined]
    assert attention(c, actor(c, officer))[-1]["key"] == "audit_verification_stale"


@pytest.mark.req("R2.5")
@pytest.mark.req("R2.10")
@pytest.mark.req("R10.2")
def test_every_oversight_page_renders_in_chinese_and_english_for_those_who_may_open_it(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, officer = container, people.officer
    sid = person(api, system)
    officer.post("/console/exceptions", exception_form(sid))
    [ex] = list_exceptions(c.uow(readonly=True))
    d = decide(api, officer, sid)
    pages = {
        "/console/exceptions": ("法定例外", "Legal exceptions"),
        f"/console/exceptions/{ex.id}": ("依据此例外放行的访问决定", "Decisions this exception"),
        "/console/decisions": ("访问决定", "Decisions"),
        f"/console/decisions/{d['id']}": ("逐条规则说明", "Rule by rule"),
        "/console/audit": ("校验审计记录", "Verify the trail"),
    }
    for who in (people.officer, people.auditor):
        for lang in ("zh-CN", "en"):
            browser = console(c, api, who, lang)
            for url, (zh, en) in pages.items():
                html = browser.page(url)
                assert (zh if lang == "zh-CN" else en) in html, (url, lang)
                assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
                assert EMAIL not in html and "李蕾" not in html
    for url in pages:
        people.staff.page(url, 403)
