"""The yearly count of transfers abroad through the API, the CLI and the console on both
databases (R7.1): officers and auditors read it (staff are refused), a year in the future
is a problem naming `year`; at 8,000 people's sensitive data (80 % of 10,000) the console
warns (its page and the front page's attention list) in Chinese and English; `piiguard share
abroad` prints the same figures."""

from __future__ import annotations

import json

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller, TestClient
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import console, marked
from tests.e2e.test_purpose_limitation_api import assert_problem

pytestmark = [pytest.mark.req("R7.1")]
PAGE = "/console/sharing/abroad"


def seed(c: Container, people: int, sensitive: int = 0) -> None:
    year = c.clock.now().year
    with c.uow() as uow:
        uow.sharing.count_transfers(
            year, {f"seed-{i}": i < sensitive for i in range(people)}, c.clock.now()
        )
        uow.commit()


@pytest.fixture
def people(container: Container, people: People) -> People:
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def test_the_count_through_the_api(
    container: Container, api: TestClient, officer: Caller, auditor: Caller
) -> None:
    seed(container, 100_000, 10)
    r = api.get("/api/v1/transfers/abroad", headers=officer.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["people"], body["sensitive_people"]) == (100_000, 10)
    assert body["requires"] == "standard_contract_or_certification"
    assert body["timezone"] == "Asia/Shanghai" and body["ciio"] is False
    by = {t["key"]: t for t in body["thresholds"]}
    assert by["people_contract"]["reached"] and not by["people_contract"]["warning"]
    assert by["people_assessment"]["percent"] == 10.0
    assert api.get("/api/v1/transfers/abroad", headers=auditor.headers).status_code == 200
    future = api.get("/api/v1/transfers/abroad?year=2999", headers=officer.headers)
    assert_problem(future, 422, "invalid-input", "year")
    past = api.get("/api/v1/transfers/abroad?year=2020", headers=officer.headers)
    assert past.status_code == 200 and past.json()["people"] == 0


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_console_warns_at_80_percent(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    seed(container, 8_000, 8_000)  # 80 % of 10,000 people's sensitive data
    officer = console(container, api, people.officer, lang)
    auditor = console(container, api, people.auditor, lang)
    for who in (officer, auditor):
        html = who.page(PAGE)
        assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
        assert 'data-sensitive="8000"' in html
        assert 'data-requires="standard_contract_or_certification"' in html
        assert '<tr data-key="sensitive_assessment" data-state="warn"' in html
        assert 'id="sub-abroad"' in html
    people.staff.page(PAGE, 403)
    home = officer.page("/console")
    assert 'data-key="abroad_near"' in home and f'href="{PAGE}"' in home
    assert ("数据出境" if lang == "zh-CN" else "Transfers abroad") in officer.page(PAGE)
    assert marked(officer.page(f"{PAGE}?year=abc", 422), "year")
    assert marked(officer.page(f"{PAGE}?year=2999", 422), "year")


def test_piiguard_share_abroad(settings: Settings, container: Container) -> None:
    seed(container, 8_000, 8_000)
    r = piiguard(settings, "share", "abroad", "--json")
    assert r.returncode == 0, r.stderr
    body = json.loads(r.stdout)
    assert (body["people"], body["sensitive_people"]) == (8_000, 8_000)
    assert body["requires"] == "standard_contract_or_certification"
    text = piiguard(settings, "share", "abroad")
    assert text.returncode == 0 and "WARNING: 80 % reached" in text.stdout
    bad = piiguard(settings, "share", "abroad", "--year", "2999")
    assert bad.returncode != 0 and "(year)" in bad.stderr
