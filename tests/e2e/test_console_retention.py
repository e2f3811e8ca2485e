"""The console's retention pages, on SQLite and PostgreSQL (issue 14; R2.11, R10.2): every
page in Chinese and English for privacy officers and auditors (auditors read only; staff
are refused); the schedule's forms — a purpose's rule, a category override and its
removal, a legal minimum changed, a rule for piiguard's own records, a periodic review —
each a new version shown with who and when; legal holds proposed, refused to their own
proposer, approved by another officer after signing in again, asked to be lifted and lifted
by another. Bad input shows the error summary with the field marked and writes nothing; a
form without its CSRF token is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from piiguard.adapters.db.tables import retention_reviews
from piiguard.bootstrap import Container
from piiguard.domain.retention.schedule import HoldStatus
from piiguard.services.retention import holds as uc
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.reviews import review_state
from piiguard.web.console.retention.pages import attention
from tests.e2e.conftest import PASSWORD, Caller, TestClient, totp_code
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, age_session, console, flashed, marked, person

R = "/console/retention"
PAGES = (R, R + "/history", R + "/holds", R + "/preview", R + "/batches")
ORDERS = "order_fulfilment"


@pytest.fixture
def people(container: Container, people: People) -> People:
    """The console's people with their sessions' CSRF tokens at hand."""
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def version(c: Container) -> int:
    return sch.schedule_view(c.uow(readonly=True), box=c.requests.box).schedule.version


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_retention_page_reads_in_both_languages_for_officers_and_auditors(
    container: Container, api: TestClient, system: Caller, people: People, lang: str
) -> None:
    c = container
    sid = person(api, system)
    hold = uc.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        actor(c, people.officer),
        "诉讼",
        "(2026)粤06民初1号",
        frozenset({sid}),
        box=c.requests.box,
    )
    pages = (*PAGES, f"{R}/holds/{hold.id}")
    officer = console(c, api, people.officer, lang)
    auditor = console(c, api, people.auditor, lang)
    for url in pages:
        for who in (officer, auditor):
            html = who.page(url)
            assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
            assert 'href="/console/retention"' in html  # the menu link
        if lang == "zh-CN":
            assert "保存" in html or "法律保全" in html or "销毁" in html
    forms = ("rule-form", "minimum-form", "record-form", "review-form")
    html = officer.page(R)
    assert all(f'id="{f}"' in html for f in forms) and 'id="read-only"' not in html
    html = auditor.page(R)
    assert not any(f'id="{f}"' in html for f in forms) and 'id="read-only"' in html
    assert 'id="hold-form"' not in auditor.page(f"{R}/holds")
    html = auditor.page(f"{R}/holds/{hold.id}")
    assert 'id="approve-form"' not in html and 'id="read-only"' in html
    assert "诉讼" in html and "诉讼" in auditor.page(f"{R}/holds")  # sealed at rest, shown
    for url in pages:
        people.staff.page(url, 403)
    assert people.auditor.post(f"{R}/rules", {"purpose": ORDERS}).status_code == 403
    assert people.auditor.post(f"{R}/holds/{hold.id}/approve", {}).status_code == 403
    assert people.staff.post(f"{R}/reviews", {"changes": "none"}).status_code == 403


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_bad_schedule_input_is_marked_on_its_field_and_nothing_is_written(
    container: Container, people: People
) -> None:
    c, officer = container, people.officer
    start = version(c)

    # bad input: each field marked, nothing written
    r = officer.post(f"{R}/rules", {"purpose": ORDERS, "days": "0", "anchor": "collected"})
    assert r.status_code == 422 and marked(r.text, "days")
    r = officer.post(f"{R}/rules", {"purpose": "no_such", "days": "30", "anchor": "soon"})
    assert r.status_code == 422 and marked(r.text, "purpose") and marked(r.text, "anchor")
    r = officer.post(f"{R}/rules", {"purpose": ORDERS, "days": "30", "anchor": "received"})
    assert r.status_code == 422 and marked(r.text, "anchor")
    r = officer.post(
        f"{R}/minimums",
        {"key": "Bad Key", "en": "", "zh": "", "legal_source": "", "min_days": "x"},
    )
    assert r.status_code == 422
    for field in ("key", "en", "zh", "legal_source", "min_days", "min_anchor"):
        assert marked(r.text, field), field
    r = officer.post(f"{R}/record-rules", {"record_type": "item", "record_days": "-1"})
    assert r.status_code == 422 and marked(r.text, "record_type") and marked(r.text, "record_days")
    r = officer.post(f"{R}/reviews", {"changes": " ", "interval_days": "5000"})
    assert r.status_code == 422 and marked(r.text, "changes") and marked(r.text, "interval_days")
    assert version(c) == start and review_state(c.uow(readonly=True), c.clock).last is None
    assert (
        officer.post(
            f"{R}/rules", {"purpose": ORDERS, "days": "30", "anchor": "collected"}, csrf=False
        ).status_code
        == 403
    )
    assert version(c) == start


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_the_schedule_is_changed_on_its_forms_each_change_a_version(
    container: Container, people: People
) -> None:
    c, officer = container, people.officer
    start = version(c)

    # a purpose's own rule, then an override, then its removal
    r = officer.post(
        f"{R}/rules",
        {"purpose": ORDERS, "days": "1200", "anchor": "last_order", "note": "三年后复核"},
    )
    html = flashed(officer, r, f"{R}?done=rule_saved")
    assert f'data-purpose="{ORDERS}" data-days="1200" data-anchor="last_order"' in html
    r = officer.post(
        f"{R}/rules",
        {"purpose": ORDERS, "category": "user.contact", "days": "400", "anchor": "confirmed"},
    )
    html = flashed(officer, r, f"{R}?done=rule_saved")
    assert f'data-purpose="{ORDERS}" data-category="user.contact" data-days="400"' in html
    rules = {
        (x.purpose, x.category): x
        for x in sch.schedule_view(c.uow(readonly=True), box=c.requests.box).rules
    }
    assert rules[(ORDERS, "")].days == 1200 and rules[(ORDERS, "user.contact")].days == 400
    r = officer.post(f"{R}/rules/remove", {"purpose": ORDERS, "category": "user.contact"})
    html = flashed(officer, r, f"{R}?done=rule_removed")
    assert 'id="no-overrides"' in html
    r = officer.post(f"{R}/rules/remove", {"purpose": ORDERS, "category": "user.contact"})
    assert r.status_code == 404 and 'id="error-summary"' in r.text

    # a legal minimum changed (its form filled from the table's link), a record rule
    html = officer.page(f"{R}?minimum=tax_records")
    assert 'id="minimum-editing"' in html and 'value="3653"' in html
    r = officer.post(
        f"{R}/minimums",
        {
            "key": "tax_records",
            "en": "Tax records",
            "zh": "涉税资料",
            "legal_source": "税收征收管理法实施细则 第二十九条",
            "min_days": "4000",
            "min_anchor": "collected",
            "categories": ["user.financial.bank_account"],
            "purposes": [ORDERS],
            "active": "1",
        },
    )
    html = flashed(officer, r, f"{R}?done=minimum_saved")
    found = {m.key: m for m in sch.schedule_view(c.uow(readonly=True), box=c.requests.box).minimums}
    assert found["tax_records"].days == 4000 and found["tax_records"].purposes == {ORDERS}
    r = officer.post(
        f"{R}/record-rules",
        {"record_type": "triage_mail", "record_days": "90", "record_anchor": "received"},
    )
    html = flashed(officer, r, f"{R}?done=record_rule_saved")
    assert 'data-record="triage_mail" data-days="90"' in html
    assert version(c) == start + 5

    # the periodic review: recorded, the next due a year later; the front page quiet
    me = actor(c, officer)
    assert {i["key"] for i in attention(c, me)} >= {"retention_review_overdue"}
    r = officer.post(f"{R}/reviews", {"changes": "税务资料延长至 4000 天", "interval_days": ""})
    html = flashed(officer, r, f"{R}?done=reviewed")
    assert 'data-overdue="no"' in html and "Wang Fang" in html
    state = review_state(c.uow(readonly=True), c.clock)
    assert state.last is not None and state.last.schedule_version == start + 5
    assert state.last.reviewed_by == officer.caller.ref and not state.overdue
    assert not {"retention_review_overdue", "retention_review_due"} & {
        i["key"] for i in attention(c, me)
    }

    # the history: each version with what, who and when; the review
    html = people.auditor.page(f"{R}/history")
    for v in range(start + 1, start + 6):
        assert f'data-version="{v}"' in html
    assert html.count("Wang Fang") >= 5 and "税务资料延长至 4000 天" in html
    with c.engine.connect() as conn:  # shown opened, stored sealed (R5.5)
        stored = conn.execute(select(retention_reviews.c.changes)).scalar_one()
    assert "税务" not in stored and stored.startswith("v")


def hold_form(sid: str, **changes: object) -> dict[str, object]:
    return {
        "reason": "诉讼：保留合同相关资料",
        "case_reference": "(2026)粤06民初1号",
        "subject_ids": sid,
        "categories": ["user.contact"],
        "until": "2999-12-31",
        **changes,
    }


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_bad_hold_input_is_marked_on_its_field_and_nothing_is_written(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, first = container, people.officer
    sid = person(api, system)

    # bad input: marked, nothing written; no CSRF: refused
    r = first.post(f"{R}/holds", {"reason": "", "case_reference": "", "until": "31/12/2999"})
    assert r.status_code == 422
    assert marked(r.text, "reason") and marked(r.text, "case_reference")
    assert marked(r.text, "until")
    r = first.post(f"{R}/holds", hold_form("", categories=[]))
    assert r.status_code == 422 and marked(r.text, "subject_ids")
    r = first.post(f"{R}/holds", hold_form("not/an id"))
    assert r.status_code == 422 and marked(r.text, "subject_ids")
    r = first.post(f"{R}/holds", hold_form("00000000-0000-4000-8000-00000000dead"))
    assert r.status_code == 404 and marked(r.text, "subject_ids")
    r = first.post(f"{R}/holds", hold_form(sid, categories=["user.nothing"]))
    assert r.status_code == 422 and marked(r.text, "categories")
    r = first.post(f"{R}/holds", hold_form(sid, until="2001-01-01"))
    assert r.status_code == 422 and marked(r.text, "until")
    r = first.post(f"{R}/holds", hold_form(sid, until="9999-12-31"))  # no day after it
    assert r.status_code == 422 and marked(r.text, "until")
    r = first.post(f"{R}/holds", hold_form("", categories=[], until="2001-01-01"))
    assert r.status_code == 422 and marked(r.text, "subject_ids") and marked(r.text, "until")
    assert first.post(f"{R}/holds", hold_form(sid), csrf=False).status_code == 403
    assert uc.list_holds(c.uow(readonly=True)) == []


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_hold_is_proposed_approved_by_another_officer_and_lifted_by_another(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, first, second = container, people.officer, people.second
    sid = person(api, system)
    html = flashed(first, first.post(f"{R}/holds", hold_form(sid)), f"{R}/holds/")
    [hold] = uc.list_holds(c.uow(readonly=True))
    assert (hold.status, hold.placed_by, hold.subject_ids) == (
        HoldStatus.PROPOSED,
        first.caller.ref,
        frozenset({sid}),
    )
    assert 'data-status="proposed"' in html and 'id="own-hold"' in html
    waiting = {i["key"]: i["count"] for i in attention(c, actor(c, second))}
    assert waiting["retention_holds_waiting"] == 1

    # four eyes: the proposer is refused, clearly, in both languages; nothing changes
    r = first.post(f"{R}/holds/{hold.id}/approve", {})
    assert r.status_code == 403 and "another privacy officer must" in r.text
    r = console(c, api, first, "zh-CN").post(f"{R}/holds/{hold.id}/approve", {})
    assert r.status_code == 403 and "您不能自己批准" in r.text
    assert uc.get_hold(c.uow(readonly=True), hold.id).status is HoldStatus.PROPOSED

    # another officer, signed in an hour ago, gives the password again
    age_session(c, second, 60)
    html = second.page(f"{R}/holds/{hold.id}")
    assert 'id="f-password"' in html and 'id="own-hold"' not in html
    r = second.post(f"{R}/holds/{hold.id}/approve", {})
    assert r.status_code == 401 and marked(r.text, "password")
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(f"{R}/holds/{hold.id}/approve", {"password": "wrong", "code": code})
    assert r.status_code == 401 and marked(r.text, "password")
    assert uc.get_hold(c.uow(readonly=True), hold.id).status is HoldStatus.PROPOSED
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(f"{R}/holds/{hold.id}/approve", {"password": PASSWORD, "code": code})
    html = flashed(second, r, f"{R}/holds/{hold.id}?done=hold_approved")
    assert 'data-status="active"' in html and "Chen Jing" in html
    assert uc.get_hold(c.uow(readonly=True), hold.id).approved_by == second.caller.ref
    waiting = {i["key"]: i["count"] for i in attention(c, actor(c, second))}
    assert waiting["retention_holds_waiting"] == 0

    # lifting: asked by one (with a reason), done by another
    r = first.post(f"{R}/holds/{hold.id}/lift-request", {"lift_reason": ""})
    assert r.status_code == 422 and marked(r.text, "lift_reason")
    r = first.post(f"{R}/holds/{hold.id}/lift-request", {"lift_reason": "案件已审结"})
    html = flashed(first, r, f"{R}/holds/{hold.id}?done=lift_requested")
    assert 'data-status="lift_proposed"' in html and 'id="own-lift"' in html
    r = first.post(f"{R}/holds/{hold.id}/lift", {})
    assert r.status_code == 403 and "another privacy officer must" in r.text
    assert uc.get_hold(c.uow(readonly=True), hold.id).status is HoldStatus.LIFT_PROPOSED
    code = totp_code(api, second.caller.totp_secret or "")
    r = second.post(f"{R}/holds/{hold.id}/lift", {"password": PASSWORD, "code": code})
    html = flashed(second, r, f"{R}/holds/{hold.id}?done=hold_lifted")
    assert 'data-status="lifted"' in html
    assert uc.get_hold(c.uow(readonly=True), hold.id).lifted_by == second.caller.ref


@pytest.mark.req("R2.11")
def test_a_proposed_hold_is_rejected_with_a_reason(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, first, second = container, people.officer, people.second
    sid = person(api, system)
    flashed(first, first.post(f"{R}/holds", hold_form(sid)), f"{R}/holds/")
    flashed(first, first.post(f"{R}/holds", hold_form(sid)), f"{R}/holds/")
    hold, other = uc.list_holds(c.uow(readonly=True))
    r = second.post(f"{R}/holds/{other.id}/reject", {"reject_reason": " "})
    assert r.status_code == 422 and marked(r.text, "reject_reason")
    r = second.post(f"{R}/holds/{other.id}/reject", {"reject_reason": "范围过宽"})
    flashed(second, r, f"{R}/holds/{other.id}?done=hold_rejected")
    assert uc.get_hold(c.uow(readonly=True), other.id).status is HoldStatus.REJECTED
    html = people.auditor.page(f"{R}/holds?status=rejected")
    assert f'data-id="{other.id}"' in html and f'data-id="{hold.id}"' not in html
    r = people.auditor.http.get(f"{R}/holds?status=nonsense")
    assert r.status_code == 422 and marked(r.text, "status")
    people.officer.page(f"{R}/holds/no-such-hold", 404)


@pytest.mark.req("R2.11")
def test_a_hold_past_its_end_is_shown_ended_not_in_force(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c, first, second = container, people.officer, people.second
    sid = person(api, system)
    # the form takes whole days: the hold is made on the service, ending in 5 minutes
    h = uc.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        actor(c, first),
        "诉讼",
        "(2026)粤06民初2号",
        subject_ids=frozenset({sid}),
        until=c.clock.now() + timedelta(minutes=5),
        box=c.requests.box,
    )
    uc.approve_hold(c.uow(), c.clock, actor(c, second), h.id)
    assert ">in force</span>" in first.page(f"{R}/holds/{h.id}")
    c.clock.advance(timedelta(minutes=6))  # type: ignore[attr-defined]
    for page in (first.page(f"{R}/holds"), first.page(f"{R}/holds/{h.id}")):
        assert 'data-status="ended"' in page and "ended, no longer in force" in page
        assert ">in force</span>" not in page
    zh = console(c, api, first, "zh-CN").page(f"{R}/holds/{h.id}")
    assert "已到期，不再生效" in zh
