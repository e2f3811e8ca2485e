"""The console's custody pages on SQLite and PostgreSQL (issue 16; R5.2, R5.4, R5.6): every
page in Chinese and English for staff, privacy officers and auditors (auditors without the
forms, their changes refused); a printout registered from the form (bad input and a
refused system marked on their field, nothing written); shredding with the same person as
witness refused, the witness confirming on their own page; an overdue printout on the front
page by the clock; a sensitive medium refused unencrypted; an inventory with a missing
medium, its alarm on the front page until an officer records the incident; a form without
its CSRF token refused."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.domain.custody.records import LineOutcome, MediaKind
from piiguard.services.custody import inventory as inv
from piiguard.services.custody import media as md
from piiguard.services.custody import paper as pp
from piiguard.web.console.custody.pages import attention
from tests.e2e.conftest import TestClient
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, console, flashed, marked
from tests.e2e.test_custody_api import data_map, rows

K = "/console/custody"


@pytest.fixture
def people(container: Container, people: People) -> People:
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    data_map(container)
    return people


def _print(c: Container, people: People, printed_at: datetime | None = None) -> pp.PaperRecord:
    return pp.register_print(
        c.custody,
        actor(c, people.staff),
        label="Q3 invoice run",
        categories=frozenset({"user.contact.email"}),
        people=12,
        system="erp",
        custodian=people.staff.id,
        location="room 301",
        cabinet="B2",
        printed_at=printed_at,
    )


def _medium(c: Container, people: People, ident: str = "USB-1") -> md.Medium:
    return md.register_medium(
        c.custody,
        actor(c, people.staff),
        identifier=ident,
        kind=MediaKind.USB_DRIVE,
        encrypted=True,
        encryption="LUKS2",
        categories=frozenset({"user.contact.email"}),
        system="erp",
        custodian=people.staff.id,
        location="safe 1",
    )


@pytest.mark.req("R5.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_custody_page_reads_in_both_languages(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    c = container
    p = _print(c, people)
    m = _medium(c, people)
    view = inv.start_inventory(c.custody, actor(c, people.officer))
    pages = [
        K,
        f"{K}/paper",
        f"{K}/paper?overdue=1",
        f"{K}/paper/{p.id}",
        f"{K}/media",
        f"{K}/media?status=stored",
        f"{K}/media/{m.id}",
        f"{K}/inventories",
        f"{K}/inventories/{view.inventory.id}",
    ]
    for who in (people.staff, people.officer, people.auditor):
        reader = console(c, api, who, lang)
        for url in pages:
            html = reader.page(url)
            assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
            assert f'href="{K}"' in html  # the menu link
    staff = console(c, api, people.staff, lang)
    for url in (f"{K}/paper/new", f"{K}/media/new"):
        assert 'method="post"' in staff.page(url)
    people.auditor.page(f"{K}/paper/new", 403)
    assert 'id="shred-form"' in staff.page(f"{K}/paper/{p.id}")
    assert 'id="shred-form"' not in console(c, api, people.auditor, lang).page(f"{K}/paper/{p.id}")
    if lang == "zh-CN":
        assert "纸质记录" in staff.page(f"{K}/paper") and "使用中" in staff.page(f"{K}/paper")
    r = people.auditor.post(f"{K}/paper/{p.id}/lock", {})
    assert r.status_code == 403


@pytest.mark.req("R5.6")
def test_a_printout_registered_from_the_form(container: Container, people: People) -> None:
    c = container
    form = {
        "label": "Dunning letters",
        "categories": "user.contact.email\nuser.contact.address",
        "people": "x",
        "system": "erp",
        "custodian": people.staff.caller.id,
        "location": "room 301",
        "cabinet": "B2",
    }
    r = people.staff.post(f"{K}/paper/new", form)
    assert r.status_code == 422 and marked(r.text, "people")
    r = people.staff.post(f"{K}/paper/new", {**form, "people": "40", "system": "shadow"})
    assert r.status_code == 422 and marked(r.text, "system")
    assert "Dunning letters" in r.text  # what was typed is kept
    assert rows(c, t.paper_records) == 0
    r = people.staff.post(f"{K}/paper/new", {**form, "people": "40"}, csrf=False)
    assert r.status_code == 403 and rows(c, t.paper_records) == 0
    html = flashed(
        people.staff, people.staff.post(f"{K}/paper/new", {**form, "people": "40"}), f"{K}/paper/"
    )
    assert "Dunning letters" in html and 'data-status="in_use"' in html


@pytest.mark.req("R5.2")
def test_shredding_on_the_console_needs_a_second_person(
    container: Container, api: TestClient, people: People
) -> None:
    c = container
    p = _print(c, people)
    day = c.clock.now().date().isoformat()
    url = f"{K}/paper/{p.id}"
    shred = {"shredded_on": day, "method": "cross_cut"}
    r = people.staff.post(f"{url}/shred", {**shred, "witness": people.staff.id})
    assert r.status_code == 403 and marked(r.text, "witness")
    r = people.staff.post(f"{url}/shred", {**shred, "shredded_on": "tomorrow", "witness": "x"})
    assert r.status_code == 422 and marked(r.text, "shredded_on")
    assert pp.view_paper(c.custody, p.id).shredding is None
    flashed(
        people.staff,
        people.staff.post(f"{url}/shred", {**shred, "witness": "chen.jing@example.com"}),
        url,
    )
    # the named witness (a second officer here) sees it on the overview and confirms it
    assert p.id in people.second.page(K)
    assert 'id="witness-form"' in people.second.page(url)
    assert 'id="witness-form"' not in people.staff.page(url)
    r = people.staff.post(f"{url}/witness", {})
    assert r.status_code == 403
    html = flashed(people.second, people.second.post(f"{url}/witness", {}), url)
    assert 'data-witnessed="yes"' in html


@pytest.mark.req("R5.2")
def test_an_overdue_printout_is_on_the_front_page(container: Container, people: People) -> None:
    """Printed 23 h 59 m ago: not yet; 24 h 01 m ago: overdue (the lock time is 24 h)."""
    c = container
    now, limit = c.clock.now(), timedelta(hours=c.settings.paper_lock_hours)
    who = actor(c, people.staff)
    _print(c, people, printed_at=now - limit + timedelta(minutes=1))
    counts = {a["key"]: a["count"] for a in attention(c, who)}
    assert counts["paper_overdue"] == 0
    assert 'data-key="paper_overdue"' not in people.staff.page("/console")
    p = _print(c, people, printed_at=now - limit - timedelta(minutes=1))
    counts = {a["key"]: a["count"] for a in attention(c, who)}
    assert counts["paper_overdue"] == 1
    assert 'data-key="paper_overdue"' in people.staff.page("/console")
    assert f'data-id="{p.id}"' in people.staff.page(f"{K}/paper?overdue=1")
    assert 'data-overdue="yes"' in people.staff.page(f"{K}/paper/{p.id}")


@pytest.mark.req("R5.4")
def test_a_sensitive_medium_is_refused_unencrypted_on_the_form(
    container: Container, people: People
) -> None:
    form = {
        "identifier": "DISK-9",
        "kind": "external_disk",
        "categories": "user.financial.bank_account",
        "system": "erp",
        "custodian": people.staff.id,
        "location": "safe 2",
    }
    r = people.staff.post(f"{K}/media/new", form)
    assert r.status_code == 422 and marked(r.text, "encrypted")
    r = people.staff.post(f"{K}/media/new", {**form, "kind": "floppy"})
    assert r.status_code == 422 and marked(r.text, "kind")
    assert rows(container, t.media) == 0
    ok = {**form, "encrypted": "1", "encryption": "BitLocker XTS-AES-256"}
    html = flashed(people.staff, people.staff.post(f"{K}/media/new", ok), f"{K}/media/")
    assert "BitLocker" in html and 'data-status="stored"' in html


@pytest.mark.req("R5.4")
def test_an_inventory_with_a_missing_medium_on_the_console(
    container: Container, people: People
) -> None:
    c = container
    c.custody.incidents = None  # the fallback when no incident register is wired: an alarm
    m = _medium(c, people)
    r = people.staff.post(f"{K}/inventories", {})
    assert r.status_code == 403
    html = flashed(people.officer, people.officer.post(f"{K}/inventories", {}), f"{K}/inventories/")
    iid = re.search(r'data-id="([^"]+)" data-status="open"', html)
    assert iid, html[:2000]
    inv_url = f"{K}/inventories/{iid.group(1)}"
    r = people.officer.post(f"{inv_url}/close", {})
    assert r.status_code == 409 and "not yet confirmed" in r.text
    flashed(
        people.staff, people.staff.post(f"{inv_url}/lines/{m.id}", {"outcome": "missing"}), inv_url
    )
    assert f'data-outcome="{LineOutcome.MISSING.value}"' in people.staff.page(inv_url)
    flashed(people.officer, people.officer.post(f"{inv_url}/close", {}), inv_url)
    front = people.officer.page("/console")
    assert 'data-key="media_missing"' in front
    page = people.officer.page(f"{K}/media/{m.id}")
    assert 'id="missing-alarm"' in page and 'id="incident-form"' in page
    r = people.staff.post(f"{K}/media/{m.id}/incident", {"incident": "INC-1"})
    assert r.status_code == 403
    r = people.officer.post(f"{K}/media/{m.id}/incident", {"incident": ""})
    assert r.status_code == 422 and marked(r.text, "incident")
    flashed(
        people.officer,
        people.officer.post(f"{K}/media/{m.id}/incident", {"incident": "INC-1"}),
        f"{K}/media/",
    )
    assert 'data-key="media_missing"' not in people.officer.page("/console")
    flashed(
        people.staff,
        people.staff.post(f"{K}/media/{m.id}/found", {"found_location": "safe 3"}),
        f"{K}/media/",
    )
    assert 'data-status="stored"' in people.staff.page(f"{K}/media/{m.id}")
