"""Business transfers through the API, the CLI and the console on both databases (R3.4):
problem+json naming the field and nothing half-written; the recorder cannot approve, a
second officer does; carried out, the handover is in the disclosure log and everyone it
concerns is queued and told (the CLI's notify pass over real SMTP); the pages in Chinese
and English, the error summary with the field marked."""

from __future__ import annotations

from typing import Any

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.services.sharing import business as bt
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, console, flashed, marked
from tests.e2e.test_purpose_limitation_api import assert_problem, item, subject
from tests.mailserver import SmtpSink

pytestmark = [pytest.mark.req("R3.4")]
H = "/console/sharing/transfers"


def acquirer(api: TestClient, officer: Caller, second: Caller) -> str:
    """Acme Holding, an acquirer, and its undertaking in force (approved by a second
    officer); the undertaking's id."""
    r = api.put(
        "/api/v1/recipients/acme-holding",
        json={
            "kind": "acquirer",
            "legal_name": "Acme Holding Ltd",
            "country": "CN",
            "law": "PIPL",
            "contact": "dpo@acme.cn",
        },
        headers=officer.headers,
    )
    assert r.status_code == 200, r.text
    r = api.post(
        "/api/v1/agreements",
        json={
            "recipient": "acme-holding",
            "kind": "undertaking",
            "title": "Undertaking to follow the privacy policy",
            "parties": ["Acme Holding Ltd"],
            "purposes": ["after_sales"],
            "categories": ["user"],
            "valid_from": "2020-01-01T00:00:00Z",
            "document_sha256": "cd" * 32,
            "document_location": "Legal archive, box 12",
        },
        headers=officer.headers,
    )
    assert r.status_code == 201, r.text
    aid = str(r.json()["id"])
    ok = api.post(f"/api/v1/agreements/{aid}/approve", headers=second.headers)
    assert ok.status_code == 200, ok.text
    return aid


def body(undertaking: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "merger",
        "acquirer": "acme-holding",
        "undertaking": undertaking,
        "title": "Merger with Acme Holding",
        "effective_at": "2099-01-01T00:00:00Z",
        **extra,
    }


def test_through_the_api_recorded_approved_by_another_and_carried_out(
    api: TestClient, officer: Caller, auditor: Caller, people: People
) -> None:
    sid = subject(api, officer, item())
    undertaking = acquirer(api, officer, people.second.caller)
    for bad, field in (
        (body(undertaking, acquirer="nobody"), "acquirer"),
        (body("nope"), "undertaking"),
        (body(undertaking, kind="sale"), "kind"),
        (body(undertaking, categories=["user.nope"]), "categories"),
        (body(undertaking, title=" "), "title"),
        (body(undertaking, subject_ids=["no-such-subject"]), "subject_ids"),
    ):
        r = api.post("/api/v1/business-transfers", json=bad, headers=officer.headers)
        assert r.status_code in (404, 422) and r.json()["field"] == field, r.text
    assert api.get("/api/v1/business-transfers", headers=auditor.headers).json() == []
    assert_problem(
        api.post("/api/v1/business-transfers", json=body(undertaking), headers=auditor.headers),
        403,
        "forbidden",
    )
    made = api.post("/api/v1/business-transfers", json=body(undertaking), headers=officer.headers)
    assert made.status_code == 201, made.text
    one = f"/api/v1/business-transfers/{made.json()['id']}"
    early = api.post(one + "/carry-out", headers=officer.headers)
    assert_problem(early, 409, "conflict", "status")
    own = api.post(one + "/review", json={"approve": True}, headers=officer.headers)
    assert_problem(own, 403, "forbidden")
    second = people.second.caller
    ok = api.post(one + "/review", json={"approve": True}, headers=second.headers)
    assert ok.status_code == 200 and ok.json()["status"] == "approved", ok.text
    done = api.post(one + "/carry-out", headers=officer.headers)
    assert done.status_code == 200, done.text
    out = done.json()
    assert (out["status"], out["people"], out["notices"]) == ("transferred", 1, {"pending": 1})
    log = api.get(f"/api/v1/disclosures?subject_id={sid}", headers=officer.headers).json()
    assert [(x["recipient"], x["purpose"]) for x in log] == [("acme-holding", "business_transfer")]
    assert api.get(one, headers=auditor.headers).json()["share_id"] == out["share_id"]
    pending = api.post(one + "/release", json={"subject_ids": [sid]}, headers=officer.headers)
    assert_problem(pending, 422, "invalid-input", "subject_ids")  # not uncertain nor failed


def test_through_the_cli_carried_out_and_everyone_told(
    settings: Settings,
    container: Container,
    api: TestClient,
    officer: Caller,
    people: People,
    mailbox: SmtpSink,
) -> None:
    subject(api, officer, item())
    undertaking = acquirer(api, officer, people.second.caller)
    args = (
        "business-transfer", "add", "acme-holding", "--kind", "acquisition",
        "--undertaking", undertaking, "--title", "Acquisition by Acme Holding",
        "--effective", "2099-01-01",
    )  # fmt: skip
    bad = piiguard(settings, *args, "--category", "user.nope")
    assert bad.returncode == 1 and "(categories)" in bad.stderr
    made = piiguard(settings, *args)
    assert made.returncode == 0, made.stderr
    tid = made.stdout.strip()
    mine = piiguard(settings, "business-transfer", "review", tid, "--approve")
    assert mine.returncode == 1 and "another privacy officer" in mine.stderr
    bt.review_business_transfer(
        container.uow(), container.requests, actor(container, people.second), tid, True, ""
    )
    done = piiguard(settings, "business-transfer", "carry-out", tid)
    assert done.returncode == 0 and "1 people" in done.stdout, done.stderr
    sent = piiguard(settings, "business-transfer", "notify", "--per-pass", "5")
    assert sent.returncode == 0 and "sent 1" in sent.stdout, sent.stdout + sent.stderr
    [mail] = mailbox.messages
    assert "Acme Holding Ltd" in mail["Subject"]
    shown = piiguard(settings, "business-transfer", "show", tid).stdout
    assert "status: transferred" in shown and "sent 1" in shown
    assert tid in piiguard(settings, "business-transfer", "list").stdout
    assert "--undertaking" in piiguard(settings, "business-transfer", "add", "--help").stdout


@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_pages_in_both_languages_and_the_forms(
    container: Container, api: TestClient, officer: Caller, people: People, lang: str
) -> None:
    c = container
    subject(api, officer, item())
    undertaking = acquirer(api, officer, people.second.caller)
    me = console(c, api, people.officer, lang)
    second = console(c, api, people.second, lang)
    form = {
        "kind": "bankruptcy",
        "acquirer": "acme-holding",
        "undertaking": undertaking,
        "title": "Bankruptcy sale",
        "effective_at": "2099-01-01",
        "purposes": "",
        "categories": "user.contact",
        "subjects": "",
    }
    for bad, field in (
        ({"effective_at": "soon"}, "effective_at"),
        ({"title": ""}, "title"),
        ({"title": "t" * 501}, "title"),  # the API's limit kept on the console too (probe)
    ):
        r = me.post(H, {**form, **bad})
        assert r.status_code == 422 and marked(r.text, field), r.text[:600]
    assert bt.list_business_transfers(c.uow(readonly=True)) == []
    html = flashed(me, me.post(H, form), H + "/")
    assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
    assert 'id="review-form"' in html
    [b] = bt.list_business_transfers(c.uow(readonly=True))
    waiting = (
        "待另一名隐私官审核的业务转移：1" if lang == "zh-CN" else "waiting for a second officer: 1"
    )
    assert waiting in me.page("/console")
    people.staff.page(H, 403)
    assert 'id="transfer-form"' not in people.auditor.page(H)
    own = me.post(f"{H}/{b.id}/review", {"decision": "approve"})
    assert own.status_code == 403 and 'id="error-summary"' in own.text
    long_note = second.post(f"{H}/{b.id}/review", {"decision": "refuse", "note": "n" * 2001})
    assert long_note.status_code == 422 and marked(long_note.text, "note"), long_note.text[:600]
    flashed(second, second.post(f"{H}/{b.id}/review", {"decision": "approve"}), f"{H}/{b.id}")
    html = flashed(me, me.post(f"{H}/{b.id}/carry-out", {}), f"{H}/{b.id}")
    assert 'data-status="transferred"' in html and 'data-people="1"' in html
    assert 'id="bt-notices"' in html and 'data-status="pending"' in html
    assert f'data-id="{b.id}"' in people.auditor.page(H)
