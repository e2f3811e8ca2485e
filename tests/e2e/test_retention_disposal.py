"""Disposal through the API and the CLI on both databases (issue 14; R2.11, R5.5, R10.2):
the preview on any date, the sweep's batch, an auditor reading but never approving, an
officer's approval after re-authentication, disposal, the certificate as JSON and as the
HTML page an auditor keeps — no value anywhere — and problem+json naming the field at
fault. People are registered ten years in the past (the container's clock set back), so
their contact details are due by the real clock the CLI runs on."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services.retention import schedule as sch
from tests import builders
from tests.clocks import SteppingClock
from tests.e2e import cli_runner
from tests.e2e.conftest import PASSWORD, first_account, login, reauth
from tests.e2e.test_purpose_limitation_api import assert_problem

TEN_YEARS = timedelta(days=3651)
VALUES = ("old.customer@example.cn", "13900000007", "钱七", "6222020200112233445")


def past_customer(c: Container, *, refresh: bool = True) -> str:
    """A person registered ten years ago: contact details due now, the bank account kept
    by the accounting minimum; the items' retain-until stored for the sweep (refresh=False:
    as after a real registration, before the sweep's next pass)."""
    clock = c.clock
    assert isinstance(clock, SteppingClock)
    clock.advance(-TEN_YEARS)
    try:
        r = builders.register(
            c,
            *builders.contact(VALUES[0], VALUES[1], VALUES[2]),
            builders.item("user.financial.bank_account", VALUES[3]),
        )
    finally:
        clock.advance(TEN_YEARS)
    if refresh:
        sch.refresh_all(c.uow(), c.clock)
    return r.subject.id


def no_value(text: str) -> None:
    for v in VALUES:
        assert v not in text


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_disposal_through_the_api(container: Container, api: TestClient) -> None:
    c = container
    builders.register(c)  # a customer of today: nothing due
    past_customer(c, refresh=False)  # the preview and a proposal see it before the sweep
    officer = first_account(c, api)
    with c.uow() as uow:
        account = StaffAccount(
            "00000000-0000-4000-8000-00000000a0d1",
            "auditor@example.com",
            "Zhao Min",
            frozenset({"auditor"}),
            True,
            c.clock.now(),
        )
        uow.staff.add(account, c.passwords.hash(PASSWORD))
        uow.commit()
    auditor = login(api, "auditor@example.com")

    p = api.get("/api/v1/retention/preview", headers=auditor.headers)
    assert p.status_code == 200, p.text
    assert (p.json()["items"], p.json()["subjects"]) == (3, 1)
    later = (c.clock.now() + 4000 * timedelta(days=1)).isoformat()
    ahead = api.get("/api/v1/retention/preview", params={"as_of": later}, headers=officer.headers)
    assert ahead.json()["items"] == 6
    for bad in ("soon", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-1"):
        assert_problem(
            api.get("/api/v1/retention/preview", params={"as_of": bad}, headers=officer.headers),
            422,
            "invalid-input",
            "as_of",
        )
    assert api.post("/api/v1/retention/batches", headers=auditor.headers).status_code == 403
    made = api.post("/api/v1/retention/batches", headers=officer.headers)
    assert made.status_code == 200, made.text
    batch = made.json()
    assert (batch["status"], batch["item_count"]) == ("proposed", 3)
    bid = batch["id"]
    detail = api.get(f"/api/v1/retention/batches/{bid}", headers=auditor.headers).json()
    assert {e["category"] for e in detail["entries"]} == {
        "user.contact.email",
        "user.contact.phone_number",
        "user.name",
    }
    no_value(str(detail))
    assert (
        api.post(f"/api/v1/retention/batches/{bid}/approve", headers=auditor.headers).status_code
        == 403
    )
    assert_problem(
        api.post(f"/api/v1/retention/batches/{bid}/reject", headers=officer.headers, json={}),
        422,
        "invalid-input",
        "reason",
    )
    assert_problem(
        api.get("/api/v1/retention/batches/nope/certificate", headers=officer.headers),
        404,
        "not-found",
        "batch_id",
    )
    assert_problem(
        api.get(f"/api/v1/retention/batches/{bid}/certificate", headers=officer.headers),
        409,
        "conflict",
        "batch_id",
    )
    reauth(api, officer)
    done = api.post(f"/api/v1/retention/batches/{bid}/dispose", headers=officer.headers)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "disposed" and len(done.json()["list_hash"]) == 64
    cert = api.get(f"/api/v1/retention/batches/{bid}/certificate", headers=auditor.headers)
    assert cert.status_code == 200, cert.text
    assert cert.json()["facts"]["items"] == 3
    assert cert.json()["list_hash"] == done.json()["list_hash"]
    page = api.get(f"/api/v1/retention/batches/{bid}/certificate.html", headers=auditor.headers)
    assert page.status_code == 200
    assert page.headers["content-disposition"].startswith("attachment;")
    assert done.json()["list_hash"] in page.text
    no_value(cert.text + page.text)
    listed = api.get(
        "/api/v1/retention/batches", params={"status": "disposed"}, headers=auditor.headers
    )
    assert [b["id"] for b in listed.json()] == [bid]


def run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    r = cli_runner.piiguard(settings, *args)
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


@pytest.mark.req("R2.11")
def test_the_preview_takes_a_date_as_the_docs_the_cli_and_the_console_do(
    container: Container, api: TestClient
) -> None:
    """`as_of=2037-06-01` is the end of that day (UTC); it was refused with "Input should
    have timezone info" (found by the black-box walk). A time without its offset, a date
    that does not exist and one out of range are refused naming `as_of`."""
    c = container
    past_customer(c, refresh=False)
    officer = first_account(c, api)
    url = "/api/v1/retention/preview"
    day = (c.clock.now() + 4000 * timedelta(days=1)).date().isoformat()
    by_day = api.get(url, params={"as_of": day}, headers=officer.headers)
    assert by_day.status_code == 200, by_day.text
    assert by_day.json()["as_of"].startswith(f"{day}T23:59:59.999999")
    same = api.get(url, params={"as_of": f"{day}T23:59:59.999999+00:00"}, headers=officer.headers)
    assert same.json()["items"] == by_day.json()["items"] == 3
    for edge in ("1970-01-01", "9998-12-31"):
        assert api.get(url, params={"as_of": edge}, headers=officer.headers).status_code == 200
    for bad in ("1969-12-31", "9999-01-01", "2026-02-30", "2026-12-07T10:00:00", "x" * 41):
        r = api.get(url, params={"as_of": bad}, headers=officer.headers)
        assert_problem(r, 422, "invalid-input", "as_of")


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_disposal_through_the_cli(container: Container, settings: Settings, tmp_path: Path) -> None:
    past_customer(container, refresh=False)
    r = run(settings, "retention", "preview")
    assert r.returncode == 0, r.stderr
    assert "3 items of 1 people" in r.stdout and "user.contact.email" in r.stdout
    ahead = run(settings, "retention", "preview", "--as-of", "2040-01-01")
    assert "3 items of 1 people" in ahead.stdout  # the bank account: 30 years
    assert (
        "4 items of 1 people"
        in run(settings, "retention", "preview", "--as-of", "2099-01-01").stdout
    )
    for when in ("soon", "9999-12-31", "0001-01-01", "0001-01-01T00:00"):
        bad = run(settings, "retention", "preview", "--as-of", when)
        assert bad.returncode == 2 and "--as-of" in bad.stderr, (when, bad.stderr)
    assert "no disposal batches" in run(settings, "retention", "batches").stdout
    assert run(settings, "worker", "--once").returncode == 0  # the sweep proposes
    listed = run(settings, "retention", "batches", "--status", "proposed").stdout
    [bid] = re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", listed)
    done = run(settings, "retention", "dispose", bid)
    assert done.returncode == 0, done.stderr
    digest = done.stdout.strip()
    assert len(digest) == 64
    html = tmp_path / "certificate.html"
    cert = run(settings, "retention", "certificate", bid, "--html", str(html))
    assert cert.returncode == 0 and digest in cert.stdout and digest in html.read_text()
    no_value(cert.stdout + html.read_text("utf-8") + done.stdout + done.stderr)
    again = run(settings, "retention", "dispose", bid)
    assert again.returncode == 1 and "disposed" in again.stderr
