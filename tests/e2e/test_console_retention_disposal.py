"""The console's disposal pages, on SQLite and PostgreSQL (issue 14; R2.11, R5.5, R10.2):
the preview (what would go on a date, by purpose, category and system; nothing written),
a batch made on the page, refused without a reason or CSRF token, approved after signing in
again, disposed of; its certificate on a page and as an HTML download with no personal
value in either; the deletion notice to the CRM waived with a reason; a person under a
legal hold keeps their items and their page says until when and why. Auditors read every
page; staff are refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from piiguard.adapters.db.tables import disposal_tasks
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.retention.disposal import BatchStatus, DisposalTaskStatus
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.services.policy.datamap import register_system, set_system_status
from piiguard.services.retention import holds
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import batch_detail, list_batches, reject_batch
from piiguard.services.retention.certificate import certificate_of
from piiguard.services.retention.sweep import propose_batch
from piiguard.services.retention.tasks import deliver_disposal_tasks
from piiguard.web.console.retention.pages import attention
from tests.e2e.conftest import PASSWORD, Caller, TestClient, first_account, totp_code
from tests.e2e.console_client import Console, member
from tests.e2e.test_console_oversight import actor, age_session, flashed, marked, person

R = "/console/retention"
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
VALUES = ("li.lei@example.cn", "李蕾", "wu.bo@example.cn", "吴波")


def kept_person(api: TestClient, system: Caller) -> str:
    item = {"channel": "web", "legal_basis": "contract", "source_system": "crm"}
    r = api.post(
        "/api/v1/subjects",
        headers=system.headers,
        json={
            "kind": "customer_contact",
            "items": [
                {**item, "category": "user.contact.email", "value": "wu.bo@example.cn"},
                {**item, "category": "user.name", "value": "吴波"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def signed_in(c: Container, api: TestClient, who: Caller, lang: str = "en") -> Console:
    out = Console(api, who, lang)
    out._csrf = c.staff.csrf_token(out.token)
    return out


@dataclass
class World:
    c: Container
    api: TestClient
    officer: Console
    auditor: Console  # reads in Chinese
    staff: Console
    gone: str  # whose items go
    kept: str  # under a legal hold


@pytest.fixture
def world(container: Container, api: TestClient, system: Caller) -> World:
    """The CRM approved in the data map, two customers (one under a legal hold), every
    purpose kept one day, two days later; then an officer, an auditor and a member of
    staff sign in."""
    c = container
    crm = System(
        "crm", "CRM", "sales", "crm", "CN", Approval.PENDING, categories=frozenset({"user.contact"})
    )
    register_system(c.uow(), c.snapshots, c.clock, OPERATOR, crm)
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, "crm", Approval.APPROVED)
    gone, kept = person(api, system), kept_person(api, system)
    hold = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "诉讼",
        "(2026)粤06民初1号",
        frozenset({kept}),
        box=c.requests.box,
    )
    holds.approve_hold(c.uow(), c.clock, BOB, hold.id)
    for p in c.state.register.rules:
        rule = RetentionRule(p, "", 1, Anchor.COLLECTED)
        sch.save_rule(c.uow(), c.snapshots, c.clock, OPERATOR, rule)
    c.clock.advance(timedelta(days=2))  # every item due; then the staff sign in
    sch.refresh_all(c.uow(), c.clock)  # as the sweep's pass does
    officer = signed_in(c, api, first_account(c, api))
    auditor = signed_in(
        c, api, member(c, api, "zhao.min@example.com", {"auditor"}, "Zhao Min"), "zh-CN"
    )
    staff = signed_in(c, api, member(c, api, "zhou.min@example.com", {"staff"}, "Zhou Min"))
    return World(c, api, officer, auditor, staff, gone, kept)


def proposed(w: World) -> str:
    """A batch made on the page; its page's URL."""
    html = flashed(w.officer, w.officer.post(f"{R}/batches", {}), f"{R}/batches/")
    [batch] = list_batches(w.c.uow(readonly=True))
    assert 'data-status="proposed"' in html
    return f"{R}/batches/{batch.id}"


def disposed(w: World, b: str) -> str:
    """Approved and disposed of on the page; the certificate page's HTML."""
    for step in ("approve", "dispose"):
        code = totp_code(w.api, w.officer.caller.totp_secret or "")
        r = w.officer.post(f"{b}/{step}", {"password": PASSWORD, "code": code})
        assert r.status_code == 303, r.text[:500]
    return w.officer.page(f"{b}/certificate")


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_the_preview_writes_nothing_and_a_batch_is_made_and_refused_without_reason(
    world: World,
) -> None:
    w = world
    c, officer, auditor, staff = w.c, w.officer, w.auditor, w.staff
    # the preview: nothing written; a bad date marked
    for bad in ("2026-13-40", "9999-12-31", "0001-01-01"):
        r = officer.http.get(f"{R}/preview?as_of={bad}")
        assert r.status_code == 422 and marked(r.text, "as_of"), bad
    html = officer.page(f"{R}/preview")
    assert 'id="preview-result" data-items="2" data-held="2"' in html
    assert 'id="preview-by-category"' in html and "user.contact.email" in html
    assert list_batches(c.uow(readonly=True)) == []
    assert 'data-items="2"' in auditor.page(f"{R}/preview?as_of=2030-01-01")

    # a batch made on the page (no CSRF: refused; staff and auditors: refused)
    assert officer.post(f"{R}/batches", {}, csrf=False).status_code == 403
    assert auditor.post(f"{R}/batches", {}).status_code == 403
    b = proposed(w)
    [batch] = list_batches(c.uow(readonly=True))
    html = officer.page(b)
    assert batch.status is BatchStatus.PROPOSED and batch.item_count == 2
    assert 'data-status="proposed"' in html and 'id="batch-by-system"' in html
    assert not any(v in html for v in VALUES)
    me = actor(c, officer)
    waiting = {i["key"]: i["count"] for i in attention(c, me)}
    assert waiting["retention_batches_waiting"] == 1
    html = flashed(officer, officer.post(f"{R}/batches", {}), f"{R}/batches?done=nothing_due")

    # refusals: no reason, no CSRF token, the auditor; nothing changes
    r = officer.post(b + "/reject", {"reason": " "})
    assert r.status_code == 422 and marked(r.text, "reason")
    r = officer.post(b + "/reject", {"reason": "ok"})
    assert r.status_code == 422 and marked(r.text, "reason")  # the service's 5 characters
    assert officer.post(b + "/approve", {}, csrf=False).status_code == 403
    assert auditor.post(b + "/approve", {}).status_code == 403
    assert staff.post(b + "/dispose", {}).status_code == 403
    r = officer.post(b + "/dispose", {})
    assert r.status_code == 409 and 'id="error-summary"' in r.text
    assert list_batches(c.uow(readonly=True))[0].status is BatchStatus.PROPOSED


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
@pytest.mark.req("R10.2")
def test_a_batch_is_approved_after_signing_in_again_disposed_of_and_certified(
    world: World,
) -> None:
    w = world
    c, api, officer, auditor, staff = w.c, w.api, w.officer, w.auditor, w.staff
    b = proposed(w)
    [batch] = list_batches(c.uow(readonly=True))
    # approval after signing in again; then disposal
    age_session(c, officer, 60)
    r = officer.post(b + "/approve", {})
    assert r.status_code == 401 and marked(r.text, "password")
    code = totp_code(api, officer.caller.totp_secret or "")
    r = officer.post(b + "/approve", {"password": PASSWORD, "code": code})
    html = flashed(officer, r, f"{b}?done=batch_approved")
    assert 'data-status="approved"' in html and 'id="dispose-form"' in html
    code = totp_code(api, officer.caller.totp_secret or "")
    r = officer.post(b + "/dispose", {"password": PASSWORD, "code": code})
    html = flashed(officer, r, f"{b}/certificate?done=batch_disposed")
    done = batch_detail(c.uow(readonly=True), batch.id, box=c.requests.box)
    assert done.batch.status is BatchStatus.DISPOSED and done.batch.list_hash
    assert f'data-hash="{done.batch.list_hash}"' in html and 'id="download-certificate"' in html

    # the certificate: on a page in both languages, and as a download; no value in them
    pages = [html, auditor.page(f"{b}/certificate"), officer.page(b), auditor.page(b)]
    r = auditor.http.get(f"{b}/certificate.html")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    assert done.batch.list_hash in r.text
    for text in [*pages, r.text]:
        assert not any(v in text for v in VALUES)
    staff.page(f"{b}/certificate", 403)
    assert staff.http.get(f"{b}/certificate.html").status_code == 403
    assert "销毁证明" in pages[1] and 'id="cert-systems"' in pages[1]
    # its times as a person reads them, in the page's language; the value as written in
    # the <time> element; none left as raw ISO text (the black-box walk found them so)
    at = datetime.fromisoformat(str(done_facts(c, batch.id)["disposed_at"]))
    tag = f'<time datetime="{at.isoformat()}">'
    shown = {
        "zh-CN": f"{at.year}年{at.month}月{at.day}日 {at:%H:%M} UTC",
        "en": f"{at:%Y-%m-%d %H:%M} UTC",
    }
    for lang in ("zh-CN", "en"):
        text = auditor.page(f"{b}/certificate?lang={lang}")
        assert f'<html lang="{lang}">' in text
        assert f"{tag}{shown[lang]}</time>" in text, lang
        facts = text[text.index('id="certificate"') : text.index("</dl>")]
        assert not re.search(r"\d{4}-\d\d-\d\dT", re.sub(r"<[^>]*>", "", facts))
    assert f"{tag}{shown['en']}</time>" in r.text  # the file: one form, read in both


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_deletion_notices_are_settled_and_a_held_person_keeps_their_items(
    world: World,
) -> None:
    w = world
    c, api, officer, auditor, staff = w.c, w.api, w.officer, w.auditor, w.staff
    kept, gone = w.kept, w.gone
    b = proposed(w)
    [batch] = list_batches(c.uow(readonly=True))
    disposed(w, b)
    me = actor(c, officer)
    # the CRM's deletion notice: it has no endpoint, so it waits — said in the reader's
    # language (the walk found the English sentence on the Chinese page)
    assert deliver_disposal_tasks(c.uow(), c.requests) == 0
    html = auditor.page(b)
    assert "未登记接收删除通知的地址" in html and "no webhook endpoint" not in html
    assert "no webhook endpoint registered" in officer.page(b)
    # a confirmation needs its reference; waived with a reason
    [task] = batch_detail(c.uow(readonly=True), batch.id, box=c.requests.box).tasks
    assert task.system == "crm" and task.status is DisposalTaskStatus.PENDING
    r = officer.post(f"{b}/tasks/{task.id}/confirm", {"reference": ""})
    assert r.status_code == 422 and marked(r.text, f"reference-{task.id}")
    r = officer.post(f"{b}/tasks/{task.id}/waive", {"reason": "no"})
    assert r.status_code == 422 and marked(r.text, f"reason-{task.id}")
    r = officer.post(f"{b}/tasks/no-such-task/waive", {"reason": "deleted by hand"})
    assert r.status_code == 404
    r = officer.post(f"{b}/tasks/{task.id}/waive", {"reason": "deleted by hand in the CRM"})
    html = flashed(officer, r, f"{b}?done=task_waived")
    assert f'data-id="{task.id}" data-system="crm" data-status="waived"' in html
    # the reason shown opened, stored sealed (R5.5; tests/integration/test_register_notes_sealed)
    assert "deleted by hand in the CRM" in html
    with c.engine.connect() as conn:
        stored = conn.execute(
            select(disposal_tasks.c.note).where(disposal_tasks.c.id == task.id)
        ).scalar_one()
    assert "CRM" not in stored and stored.startswith("v")
    waiting = {i["key"]: i["count"] for i in attention(c, me)}
    assert waiting["retention_batches_waiting"] == 0 and waiting["retention_tasks_overdue"] == 0
    r = officer.post(f"{b}/tasks/{task.id}/confirm", {"reference": "TICKET-1"})
    assert r.status_code == 409

    # the held person keeps their items; their page says so, item by item
    html = officer.page(f"/console/people/{kept}")
    assert html.count("under a legal hold") == 2
    officer.page(f"/console/people/{gone}", 404)
    for url in (f"{R}/batches", b, f"{b}/certificate", f"{R}/preview"):
        staff.page(url, 403)
        for who in (officer, signed_in(c, api, officer.caller, "zh-CN"), auditor):
            assert who.page(url).count("<h1") == 1
    officer.page(f"{R}/batches/no-such-batch", 404)
    r = officer.http.get(f"{R}/batches?status=nonsense")
    assert r.status_code == 422 and marked(r.text, "status")


def done_facts(c: Container, batch_id: str) -> dict[str, Any]:
    return certificate_of(c.uow(readonly=True), batch_id).facts


@pytest.mark.req("R2.11")
def test_a_batch_says_when_it_goes_by_itself_only_while_it_may(world: World) -> None:
    """With automatic disposal on, a proposed batch says when it will be approved unless
    someone rejects it; a rejected one no longer does (the walk found "Auto-approved at"
    on a batch that could no longer be, worded as if it had been)."""
    w = world
    batch = propose_batch(w.c.uow(), w.c.clock, OPERATOR, auto_dispose_days=3)
    assert batch is not None and batch.auto_dispose_at is not None
    url = f"{R}/batches/{batch.id}"
    for who, said in (
        (w.officer, "Approved by itself, unless rejected, at"),
        (w.auditor, "若无人拒绝，将自动批准于"),
    ):
        html = who.page(url)
        assert said in html and 'id="auto-dispose"' in html
        assert "data-auto-dispose" in who.page(f"{R}/batches")
    reject_batch(w.c.uow(), w.c.clock, ALICE, batch.id, "kept for the audit next month")
    for who in (w.officer, w.auditor):
        assert 'id="auto-dispose"' not in who.page(url)
        assert "data-auto-dispose" not in who.page(f"{R}/batches")
