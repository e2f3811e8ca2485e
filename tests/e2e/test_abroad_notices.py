"""The notice before a first transfer abroad through the API, the CLI, the console and the
privacy centre on both databases (R7.1, R3.6): a share to a business partner abroad answers
with the people held and their notices queued; officers and auditors list the notices (no
address), the officer records a person without an address told by post (problem+json naming
the field on bad input, 403 for others, 409 once done), mails one again; the CLI lists,
sends and decides; the console lists them (zh/en), its forms record told and retry, the
front page counts those waiting; the person sees the notice on the privacy centre."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.rights.rules import RequestKind
from piiguard.domain.sharing.notice import AbroadNoticeStatus
from piiguard.services.sharing import notice as uc
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.builders import item, register
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller, app_for
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import console, flashed
from tests.e2e.test_privacy_centre import ACCEPT, EMAIL, code_of, opened, say, verify
from tests.e2e.test_purpose_limitation_api import assert_problem
from tests.integration.test_abroad_notice import partner, people
from tests.integration.test_sharing import ALICE, PURPOSE, consent_abroad
from tests.mailserver import SmtpSink, body_text

pytestmark = [pytest.mark.req("R7.1"), pytest.mark.req("R3.6")]
S = AbroadNoticeStatus


def nomail(c: Container) -> str:
    sid = register(c, item("user.name", "No Mail")).subject.id
    consent_abroad(c, sid, recipient="fixit-us")
    return sid


def test_the_api_answers_queues_lists_and_decides(
    container: Container, api: TestClient, officer: Caller, auditor: Caller, mailbox: SmtpSink
) -> None:
    c = container
    partner(c)
    [zh] = people(c, 1)
    none = nomail(c)
    body = {"recipient": "fixit-us", "purpose": PURPOSE, "subject_ids": [zh, none]}
    r = api.post("/api/v1/shares", json=body, headers=officer.headers)
    assert r.status_code == 201, r.text
    assert r.json()["share"]["status"] == "refused" and r.json()["abroad_notices_queued"] == 2
    assert all(
        "abroad_notice_not_sent" in [x["code"] for x in d["reasons"]] for d in r.json()["decisions"]
    )
    listed = api.get("/api/v1/abroad-notices?status=pending", headers=auditor.headers)
    assert listed.status_code == 200 and {n["subject_id"] for n in listed.json()} == {zh, none}
    assert "@example" not in listed.text
    assert api.get("/api/v1/abroad-notices?status=nope", headers=auditor.headers).status_code == 422
    uc.run_abroad_notices(c.uow(), c.requests)
    [stuck] = api.get("/api/v1/abroad-notices?status=no_contact", headers=auditor.headers).json()
    told = f"/api/v1/abroad-notices/{stuck['id']}/told"
    assert_problem(
        api.post(told, json={"told_by": "pigeon"}, headers=officer.headers),
        422,
        "invalid-input",
        "told_by",
    )
    assert api.post(told, json={"told_by": "post"}, headers=auditor.headers).status_code == 403
    ok = api.post(told, json={"told_by": "post"}, headers=officer.headers)
    assert ok.status_code == 200 and ok.json()["status"] == "told"
    assert ok.json()["told_by"] == "post" and ok.json()["decided_by"]
    again = api.post(f"/api/v1/abroad-notices/{stuck['id']}/retry", headers=officer.headers)
    assert_problem(again, 409, "conflict", "notice_id")
    r = api.post("/api/v1/shares", json=body, headers=officer.headers)
    assert r.json()["share"]["disclosed"] == 2 and r.json()["abroad_notices_queued"] == 0


def test_the_cli_lists_sends_and_decides(
    settings: Settings, container: Container, mailbox: SmtpSink
) -> None:
    c = container
    partner(c)
    [en] = people(c, 1, lang="en")
    none = nomail(c)
    share_data(c.uow(), c.requests, ALICE, ShareRequest("fixit-us", PURPOSE, (en, none)))
    listed = piiguard(settings, "abroad-notice", "list", "--status", "pending")
    assert listed.returncode == 0 and en in listed.stdout and none in listed.stdout
    sent = piiguard(settings, "abroad-notice", "send")
    assert sent.returncode == 0 and "sent 1" in sent.stderr and "without contact 1" in sent.stderr
    [m] = mailbox.messages
    assert m["To"] == "p0.en@example.cn" and "FixIt Repairs Inc." in body_text(m)
    [stuck] = uc.list_abroad_notices(c.uow(), [S.NO_CONTACT])
    bad = piiguard(settings, "abroad-notice", "told", stuck.id, "--by", "pigeon")
    assert bad.returncode == 2 and "--by" in bad.stderr
    retried = piiguard(settings, "abroad-notice", "retry", stuck.id)
    assert retried.returncode == 0 and "mailed again" in retried.stderr
    assert uc.list_abroad_notices(c.uow(), [S.PENDING])[0].id == stuck.id
    piiguard(settings, "abroad-notice", "send")
    done = piiguard(settings, "abroad-notice", "told", stuck.id, "--by", "phone")
    assert done.returncode == 0 and "told (phone)" in done.stderr
    again = piiguard(settings, "abroad-notice", "told", stuck.id, "--by", "phone")
    assert again.returncode == 1 and "(notice_id)" in again.stderr
    out = piiguard(settings, "abroad-notice", "list")
    assert "told (phone)" in out.stdout and "@example" not in out.stdout + out.stderr


def test_the_console_lists_and_decides_in_both_languages(
    container: Container, api: TestClient, people: People, mailbox: SmtpSink
) -> None:
    c = container
    partner(c)
    none = nomail(c)
    share_data(c.uow(), c.requests, ALICE, ShareRequest("fixit-us", PURPOSE, (none,)))
    uc.run_abroad_notices(c.uow(), c.requests)
    [n] = uc.list_abroad_notices(c.uow())
    officer = console(c, api, people.officer, "en")
    assert "waiting for an officer: 1" in officer.page("/console")
    page = officer.page("/console/sharing/abroad/notices")
    assert f'data-subject="{none}"' in page and 'data-status="no_contact"' in page
    assert f'id="told-button-{n.id}"' in page and "No Mail" not in page
    auditor = console(c, api, people.auditor, "zh")
    zh = auditor.page("/console/sharing/abroad/notices?status=no_contact")
    assert "无可用邮箱" in zh and f'id="told-button-{n.id}"' not in zh
    bad = officer.post(f"/console/sharing/abroad/notices/{n.id}/told", {"told_by": ""})
    assert bad.status_code == 422 and 'id="error-summary"' in bad.text
    html = flashed(
        officer,
        officer.post(f"/console/sharing/abroad/notices/{n.id}/told", {"told_by": "in_person"}),
        "/console/sharing/abroad/notices",
    )
    assert 'data-status="told"' in html and "in person" in html
    stale = officer.post(f"/console/sharing/abroad/notices/{n.id}/retry", {})
    assert stale.status_code == 409
    assert "waiting for an officer" not in officer.page("/console")


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    """The app over https (the privacy centre's cookies are Secure)."""
    with TestClient(app_for(container), base_url="https://testserver") as client:
        yield client


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_person_sees_the_notice_on_the_privacy_centre(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    c = container
    partner(c)
    sid = register(c, item("user.contact.email", EMAIL), item("user.name", "李雷")).subject.id
    consent_abroad(c, sid, recipient="fixit-us")
    share_data(c.uow(), c.requests, ALICE, ShareRequest("fixit-us", PURPOSE, (sid,)))
    rid = opened(web, lang, kind=RequestKind.PORTABILITY.value, contact=EMAIL)
    assert verify(web, lang, rid, code_of(mailbox, rid)).status_code == 303
    h = {"Accept-Language": ACCEPT[lang]}
    waiting = web.get("/privacy/transfers", headers=h).text
    assert 'data-notice="fixit-us" data-status="pending"' in waiting
    assert say("transfers_notice_waiting", lang) in waiting
    uc.run_abroad_notices(c.uow(), c.requests)
    share_data(c.uow(), c.requests, ALICE, ShareRequest("fixit-us", PURPOSE, (sid,)))
    page = web.get("/privacy/transfers", headers=h).text
    assert 'data-notice="fixit-us" data-status="sent"' in page
    assert "FixIt Repairs Inc." in page and "privacy@fixit.example" in page
    assert '<tr data-recipient="fixit-us">' in page  # and the transfer itself
    assert say("transfers_notices", lang) in page
