"""The record of processing through the API, the console and the CLI on both databases
(R10.1): officers and auditors read it (staff and systems are refused); JSON with its
version and hash, CSV with the Chinese names, the console page in zh-CN and en with the
CSV download; a register change through the API makes a new version and the old one is
shown again by number and date; bad input names the field; the CLI shows the same
version and hash, writes JSON and CSV, lists the versions; the GDPR Art. 30 and PIPL
layouts (page, CSV, table) and the XLSX workbook holding both, through all three; the
kinds of people and the sources of the items held per purpose on the page (zh/en), in the
CLI table, "none recorded yet" where a purpose has no items."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.records.build import digest
from piiguard.domain.subjects import Channel
from tests.builders import item, register
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import Caller
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import console, marked
from tests.e2e.test_purpose_limitation_api import assert_problem

pytestmark = [pytest.mark.req("R10.1")]
A = "/api/v1/records"
PURPOSE = "after_sales"
RECIPIENT = {
    "kind": "group_company",
    "legal_name": "Acme Service GmbH",
    "country": "DE",
    "law": "GDPR",
    "contact": "dpo@acme.example",
    "systems": ["acme-crm"],
}
AGREEMENT = {
    "recipient": "acme-de",
    "kind": "intra_group",
    "title": "Intra-group agreement 2026",
    "parties": ["Our Co Ltd", "Acme Service GmbH"],
    "purposes": ["after_sales"],
    "categories": ["user.contact", "user.name"],
    "valid_from": "2020-01-01T00:00:00Z",
    "valid_until": "2099-01-01T00:00:00Z",
    "document_sha256": "ab" * 32,
    "document_location": "DMS contract 2026-017",
}


def test_the_record_over_the_api(
    api: TestClient, officer: Caller, auditor: Caller, system: Caller
) -> None:
    r = api.get(A, headers=auditor.headers)
    assert r.status_code == 200, r.text
    v1 = r.json()
    assert v1["version"] == 1 and digest(v1["record"]) == v1["sha256"]
    purposes = {a["purpose"] for a in v1["record"]["activities"]}
    assert "after_sales" in purposes
    assert api.get(A, headers=system.headers).status_code == 403
    # the same registers: the same version
    assert api.get(A, headers=officer.headers).json()["version"] == 1
    # a register change makes version 2; version 1 stays as it was
    r = api.put("/api/v1/recipients/acme-de", json=RECIPIENT, headers=officer.headers)
    assert r.status_code == 200, r.text
    r = api.post("/api/v1/agreements", json=AGREEMENT, headers=officer.headers)
    assert r.status_code == 201, r.text
    v2 = api.get(A, headers=officer.headers).json()
    assert v2["version"] == 2 and v2["sha256"] != v1["sha256"]
    [after_sales] = [a for a in v2["record"]["activities"] if a["purpose"] == "after_sales"]
    assert [(x["key"], x["abroad"]) for x in after_sales["recipients"]] == [("acme-de", True)]
    again = api.get(A + "/versions/1", headers=auditor.headers).json()
    assert again["sha256"] == v1["sha256"] and again["record"] == v1["record"]
    by_date = api.get(A, params={"as_of": v1["generated_at"]}, headers=auditor.headers).json()
    assert by_date["version"] == 1
    listed = api.get(A + "/versions", headers=auditor.headers).json()
    assert [x["version"] for x in listed] == [2, 1]
    assert_problem(api.get(A + "/versions/9", headers=auditor.headers), 404, "not-found", "version")
    assert api.get(A, params={"version": "0"}, headers=auditor.headers).status_code == 422
    r = api.get(A + "/csv", params={"version": 1}, headers=auditor.headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-record-sha256"] == v1["sha256"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert {row["purpose"] for row in rows} == purposes
    zh = {a["purpose"]: a["name_zh"] for a in v1["record"]["activities"]}
    assert all(row["name_zh"] == zh[row["purpose"]] for row in rows)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_record_on_the_console(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    for who in (people.officer, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    register(
        container,
        item("user.contact.email", "a@example.cn", channel=Channel.PHONE, purposes=(PURPOSE,)),
        kind="supplier_contact",
    )
    auditor = console(container, api, people.auditor, lang)
    html = auditor.page("/console/records")
    row = html.split('data-purpose="after_sales"')[1].split("</tr>")[0]
    zh = lang == "zh-CN"
    assert "<code>supplier_contact</code> " + ("供应商联系人" if zh else "Supplier contact") in row
    assert "<code>crm</code>" in row and ("电话" if zh else "Phone") in row
    assert ("个人信息主体类别" if zh else "Kinds of people") in html
    assert ("尚无记录" if zh else "none recorded yet") in html  # a purpose with no items
    measures = html.split('id="security"')[1].split("</ul>")[0]  # in the reader's words
    assert ("加密：每个值" if zh else "encryption: every value sealed") in measures
    assert ("sealed with" not in measures) if zh else ("加密" not in measures)
    assert f'<html lang="{lang}"' in html and html.count("<h1") == 1
    assert 'data-purpose="after_sales"' in html and 'id="record-csv"' in html
    assert ("处理活动记录" in html) if lang == "zh-CN" else ("Records of processing" in html)
    assert 'href="/console/records"' in html  # in the menu
    people.staff.page("/console/records", 403)
    bad = auditor.http.get("/console/records", params={"version": "abc", "as_of": "31/12"})
    assert bad.status_code == 422 and marked(bad.text, "version") and marked(bad.text, "as_of")
    gone = auditor.http.get("/console/records", params={"version": "7"})
    assert gone.status_code == 404 and marked(gone.text, "version")
    r = auditor.http.get("/console/records/csv", params={"version": "1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]


def test_the_record_from_the_cli(settings: Settings, container: Container, tmp_path: Path) -> None:
    del container
    r = piiguard(settings, "records", "show")
    assert r.returncode == 0, r.stderr
    assert "version 1" in r.stdout and "after_sales" in r.stdout
    assert "kinds of people" in r.stdout and "none recorded yet" in r.stdout
    out = tmp_path / "record.json"
    r = piiguard(settings, "records", "show", "--format", "json", "--output", str(out))
    assert r.returncode == 0, r.stderr
    whole = json.loads(out.read_text("utf-8"))
    assert whole["version"] == 1 and digest(whole["record"]) == whole["sha256"]
    r = piiguard(settings, "records", "show", "--format", "csv", "--version", "1")
    assert r.returncode == 0 and "purpose,name,name_zh" in r.stdout
    r = piiguard(settings, "records", "show", "--version", "5")
    assert r.returncode == 1 and "version" in r.stderr
    r = piiguard(settings, "records", "versions")
    assert r.returncode == 0 and whole["sha256"] in r.stdout


def test_the_layouts_and_the_workbook_over_the_api_and_the_console(
    container: Container, api: TestClient, people: People
) -> None:
    auditor = people.auditor.caller
    r = api.get(A + "/xlsx", headers=auditor.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert r.headers["x-record-version"] == "1"
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["GDPR Art 30", "PIPL 个人信息处理记录"]
    cells = {c.value for row in wb["PIPL 个人信息处理记录"].iter_rows() for c in row}
    assert "处理目的（第十七条）" in cells and "after_sales" in cells
    gdpr = api.get(A + "/csv", params={"layout": "gdpr"}, headers=auditor.headers)
    assert gdpr.status_code == 200 and "(e) Transfers to third countries" in gdpr.text
    assert gdpr.headers["content-disposition"].endswith('-gdpr.csv"')
    bad = api.get(A + "/csv", params={"layout": "ccpa"}, headers=auditor.headers)
    assert_problem(bad, 422, "invalid-input", "layout")

    who = console(container, api, people.auditor, "zh-CN")
    html = who.page("/console/records?layout=pipl")
    assert 'id="record-layout" data-layout="pipl"' in html and "个人信息处理者" in html
    assert 'data-purpose="after_sales"' in html and 'id="record-xlsx"' in html
    html = who.page("/console/records?layout=gdpr")
    assert "(a) Controller" in html and 'layout=gdpr" id="record-csv"' in html
    wrong = who.http.get("/console/records", params={"layout": "ccpa"})
    assert wrong.status_code == 422 and marked(wrong.text, "layout")
    x = who.http.get("/console/records/xlsx")
    assert x.status_code == 200 and x.content.startswith(b"PK")
    c = who.http.get("/console/records/csv", params={"layout": "pipl"})
    assert c.status_code == 200 and "处理目的（第十七条）" in c.text


def test_the_layouts_and_the_workbook_from_the_cli(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    del container
    book = tmp_path / "record.xlsx"
    r = piiguard(settings, "records", "show", "--format", "xlsx", "--output", str(book))
    assert r.returncode == 0, r.stderr
    assert load_workbook(book).sheetnames == ["GDPR Art 30", "PIPL 个人信息处理记录"]
    r = piiguard(settings, "records", "show", "--format", "csv", "--layout", "pipl")
    assert r.returncode == 0 and "处理目的（第十七条）" in r.stdout
    r = piiguard(settings, "records", "show", "--layout", "gdpr")
    assert r.returncode == 0 and "GDPR Art. 30(1)" in r.stdout
    r = piiguard(settings, "records", "show", "--format", "xlsx")
    assert r.returncode == 2 and "--output" in r.stderr
    r = piiguard(settings, "records", "show", "--format", "json", "--layout", "gdpr")
    assert r.returncode == 2 and "--layout" in r.stderr
