"""The console's sharing pages on SQLite and PostgreSQL (issue 15; R3.2, R3.3, R3.6,
R10.2): every page in Chinese and English for privacy officers and auditors (auditors read
only, staff are refused); a recipient added, an agreement recorded and terminated, a
profile set on the forms; bad input shows the error summary with the field marked and
writes nothing; the disclosure log shows a share and a passed-on correction confirmed."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.consent import ConsentKind
from piiguard.domain.sharing.disclosure import PassOnAction
from piiguard.domain.subjects import Channel
from piiguard.services.policy.consents import grant_consent
from piiguard.services.sharing import delivery
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.assessed import approve_assessment_for
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import Console, People
from tests.e2e.test_console_oversight import actor, console, flashed, marked, person

H = "/console/sharing"
PAGES = (H, H + "/shares", H + "/log")
RECIPIENT = {
    "key": "acme-de",
    "kind": "group_company",
    "legal_name": "Acme Service GmbH",
    "country": "DE",
    "law": "GDPR",
    "contact": "dpo@acme.example",
    "systems": "acme-crm",
    "status": "active",
}
AGREEMENT = {
    "agreement_kind": "intra_group",
    "title": "Intra-group agreement 2026",
    "parties": "Our Co Ltd\nAcme Service GmbH",
    "purposes": "after_sales",
    "categories": "user.contact\nuser.name",
    "valid_from": "2020-01-01",
    "valid_until": "",
    "document_sha256": "ab" * 32,
    "document_location": "DMS 2026-017",
    "reference": "",
}


@pytest.fixture
def people(container: Container, people: People) -> People:
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def n_recipients(c: Container) -> int:
    return len(reg.list_recipients(c.uow(readonly=True)))


@pytest.mark.req("R3.2")
@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_sharing_page_reads_in_both_languages(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    officer = console(container, api, people.officer, lang)
    auditor = console(container, api, people.auditor, lang)
    assert officer.post(f"{H}/recipients", RECIPIENT).status_code == 303
    for url in (*PAGES, f"{H}/recipients/acme-de"):
        for who in (officer, auditor):
            html = who.page(url)
            assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
            assert 'href="/console/sharing"' in html
        people.staff.page(url, 403)
        if lang == "zh-CN":
            assert "接收方" in html or "披露" in html or "提供" in html
    assert 'id="recipient-form"' in officer.page(H)
    assert 'id="recipient-form"' not in auditor.page(H)
    html = auditor.page(f"{H}/recipients/acme-de")
    assert 'id="agreement-form"' not in html and 'id="profile-form"' not in html
    assert auditor.post(f"{H}/recipients", RECIPIENT).status_code == 403


def approved_by_the_second_officer(
    c: Container, api: TestClient, people: People, officer: Console
) -> None:
    """Four eyes: the officer who recorded the agreement cannot approve it (the refusal on
    the page); the second officer does, on the recipient's page in Chinese."""
    [a] = reg.list_agreements(c.uow(readonly=True))
    approve = f"{H}/recipients/acme-de/agreements/{a.id}/approve"
    own = officer.post(approve, {})
    assert own.status_code == 403 and 'id="error-summary"' in own.text and "four eyes" in own.text
    assert "second officer&#39;s approval: 1" in officer.page("/console")
    second = console(c, api, people.second, "zh")
    assert f'id="approve-button-{a.id}"' in second.page(f"{H}/recipients/acme-de")
    html = flashed(second, second.post(approve, {}), f"{H}/recipients")
    assert 'data-state="active"' in html and "批准人" in html


@pytest.mark.req("R3.6")
def test_the_register_kept_on_its_forms(
    container: Container, api: TestClient, people: People, system: Caller
) -> None:
    c = container
    officer = console(c, api, people.officer, "en")
    bad = officer.post(f"{H}/recipients", {**RECIPIENT, "country": "Germany"})
    assert bad.status_code == 422 and marked(bad.text, "country")
    assert n_recipients(c) == 0  # nothing half-written
    flashed(officer, officer.post(f"{H}/recipients", RECIPIENT), f"{H}/recipients/acme-de")
    bad = officer.post(f"{H}/recipients/acme-de/agreements", {**AGREEMENT, "purposes": "nope"})
    assert bad.status_code == 422 and marked(bad.text, "purposes")
    bad = officer.post(
        f"{H}/recipients/acme-de/agreements", {**AGREEMENT, "agreement_kind": "standard_contract"}
    )
    assert bad.status_code == 422 and marked(bad.text, "reference")
    assert reg.list_agreements(c.uow(readonly=True)) == []
    html = flashed(
        officer, officer.post(f"{H}/recipients/acme-de/agreements", AGREEMENT), f"{H}/recipients"
    )
    assert "Intra-group agreement 2026" in html and 'data-state="proposed"' in html
    approved_by_the_second_officer(c, api, people, officer)
    bad = officer.post(
        f"{H}/recipients/acme-de/profiles",
        {"purpose": "after_sales", "fields": "user.contact.email=sideways"},
    )
    assert bad.status_code == 422 and marked(bad.text, "fields")
    html = flashed(
        officer,
        officer.post(
            f"{H}/recipients/acme-de/profiles",
            {"purpose": "after_sales", "fields": "user.contact.email=masked\nuser.name=whole"},
        ),
        f"{H}/recipients",
    )
    assert 'data-purpose="after_sales"' in html and "masked" in html
    # a share, then the log shows it; a correction passed on is confirmed on the page
    sid = person(api, system)
    grant_consent(
        c.uow(), c.snapshots, c.clock, actor(c, people.officer), sid, "after_sales",
        ConsentKind.TRANSFER_ABROAD, Channel.WEB, "text", recipient="acme-de",
    )  # fmt: skip
    reg.issue_recipient_key(c.uow(), c.clock, actor(c, people.officer), "acme-de")
    approve_assessment_for(c, purposes={"after_sales"}, recipients={"acme-de"})  # R10.4
    out = share_data(
        c.uow(),
        c.requests,
        actor(c, people.officer),
        ShareRequest("acme-de", "after_sales", (sid,)),
    )
    assert out.share.disclosed == 1
    assert f'data-id="{out.share.id}"' in officer.page(f"{H}/shares")
    log = officer.page(f"{H}/log?subject={sid}")
    assert f'data-subject="{sid}"' in log and out.decisions[0].id in log
    assert "李蕾" not in log  # ids and keys, never a value
    decision = officer.page(f"/console/decisions/{out.decisions[0].id}")
    assert "The recipient is active and bound by an agreement in force" in decision
    assert "minimised as the profile says" in decision
    bad = officer.page(f"{H}/log?subject=%3Cx%3E", 422)
    assert marked(bad, "subject")
    with c.uow() as uow:
        [p] = delivery.open_pass_ons(
            uow, c.requests, "req-1", sid, PassOnAction.DELETE, frozenset()
        )
        uow.commit()
    front = officer.page("/console")
    assert "Corrections or deletions not yet confirmed by recipients: 1" in front
    flashed(
        officer, officer.post(f"{H}/notices/{p.id}/confirm", {"reference": "letter 7"}), f"{H}/log"
    )
    assert "not yet confirmed by recipients" not in officer.page("/console")
    [done] = delivery.list_pass_ons(c.uow(), request_id="req-1")
    assert done.status.value == "confirmed" and done.reference == "letter 7"
    # terminating the agreement on its form
    [a] = reg.list_agreements(c.uow(readonly=True))
    html = flashed(
        officer,
        officer.post(f"{H}/recipients/acme-de/agreements/{a.id}/terminate", {"reason": "ended"}),
        f"{H}/recipients",
    )
    assert 'data-state="terminated"' in html
    nope = officer.post(f"{H}/recipients", RECIPIENT, csrf=False)
    assert nope.status_code == 403
