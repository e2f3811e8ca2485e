"""The record of processing in the GDPR Art. 30 and PIPL layouts, and as XLSX, on both
backends (R10.1): the same facts as the record generated from the registers — a row per
purpose, the sensitive categories apart, a recipient abroad with its agreement under
transfers in both layouts, the impact assessment PIPL Art. 55 asks for where data is
provided to others or is sensitive — and the workbook holds both sheets with those rows."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container
from piiguard.bootstrap.evidence import records_xlsx
from piiguard.domain.records.layouts import Layout, sheet, sheet_csv, sheets
from piiguard.services.records import generate as gen
from tests.builders import group_company_abroad
from tests.integration.test_records import generate

pytestmark = pytest.mark.req("R10.1")
OURS = ("Our Co Ltd", "dpo@our.example")


def test_both_layouts_say_what_the_record_says(c: Container, clock: FixedClock) -> None:
    agreement = group_company_abroad(c, 200)
    v, _ = generate(c)
    body = gen.body_of(v)
    by_purpose = {a["purpose"]: a for a in body["activities"]}
    gdpr, pipl = sheets(body, *OURS)
    assert gdpr.preamble[0] == ("(a) Controller", "Our Co Ltd")
    assert pipl.preamble[0] == ("个人信息处理者", "Our Co Ltd")
    for s in (gdpr, pipl):
        assert [r[0] for r in s.rows] == sorted(by_purpose)
        assert all(len(r) == len(s.header) for r in s.rows)
    g = {r[0]: dict(zip(gdpr.header, r, strict=True)) for r in gdpr.rows}
    p = {r[0]: dict(zip(pipl.header, r, strict=True)) for r in pipl.rows}
    for key, a in by_purpose.items():
        sensitive = [x["key"] for x in a["categories"] if x["tier"] == "sensitive"]
        cell = g[key]["(c) Special categories (Art. 9) / sensitive"]
        assert sorted(filter(None, (x.split(" (")[0] for x in cell.split("; ")))) == sensitive
        assert g[key]["(b) Purpose"].startswith(a["name"])
        assert p[key]["处理目的（第十七条）"].startswith(a["name_zh"])
        assert g[key]["(f) Time limits for erasure"].startswith(f"{a['retention']['days']} days")
        needs = a["sensitive"] or a["recipients"] or a["exports"]
        assert p[key]["个人信息保护影响评估（第五十五条）"] == (
            "需要（第五十五条）" if needs else "不需要"
        )
    abroad_g = g["after_sales"]["(e) Transfers to third countries, safeguards"]
    abroad_p = p["after_sales"]["向境外提供及其机制（第三十八、三十九条）"]
    assert "Acme Service GmbH (DE)" in abroad_g and "intra_group" in abroad_g
    assert "Acme Service GmbH（DE）" in abroad_p and "intra_group" in abroad_p
    assert p["after_sales"]["委托处理、向他人提供（第二十一、二十三条）"] == "无"  # none at home
    assert g["order_fulfilment"]["(e) Transfers to third countries, safeguards"] == ""
    assert agreement  # bound by it

    # the CSV of a layout: its header and rows, with the BOM
    text = sheet_csv(sheet(body, Layout.PIPL, *OURS))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == pipl.header and [r[0] for r in rows[1:]] == sorted(by_purpose)

    # the workbook: a sheet per layout, the same rows
    wb = load_workbook(io.BytesIO(records_xlsx([gdpr, pipl])))
    assert wb.sheetnames == ["GDPR Art 30", "PIPL 个人信息处理记录"]
    for s in (gdpr, pipl):
        values = [tuple(x.value or "" for x in r) for r in wb[s.name[:31]].iter_rows()]
        at = values.index(s.header)
        assert values[at + 1 :] == list(s.rows)
