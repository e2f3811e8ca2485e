"""The record of processing in the two shapes the laws ask for (R10.1): GDPR Art. 30(1) (a
controller's record, in English) and the record PIPL asks of a handler (Art. 17, 19, 21,
23, 28, 38–39, 51, 55–56; in Chinese). Both are views of one body (build.py): the same
facts, never typed twice — a `Sheet` is a title, a header and one row per activity, which
the console shows as a table and the XLSX download writes as a worksheet each."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from piiguard.domain.records.build import provenance_cells, safe_cell


class Layout(StrEnum):
    GDPR = "gdpr"
    PIPL = "pipl"


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str  # worksheet name (≤ 31 characters)
    title: str
    preamble: tuple[tuple[str, str], ...]  # (label, value) lines above the table
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


_BASIS_ZH = {
    "consent": "个人同意（第十三条第一款第一项）",
    "contract": "订立、履行合同所必需（第十三条第一款第二项）",
    "legal_obligation": "履行法定职责或者法定义务所必需（第十三条第一款第三项）",
    "legitimate_interest": "合法利益（GDPR；PIPL 无对应依据，需另行核实）",
    "national_security": "履行法定职责或者法定义务所必需（第十三条第一款第三项）",
    "criminal_justice": "履行法定职责或者法定义务所必需（第十三条第一款第三项）",
    "public_interest": "应对突发公共卫生事件等所必需（第十三条第一款第四项）",
    "vital_interests": "紧急情况下保护生命健康和财产安全所必需（第十三条第一款第四项）",
    "news_reporting": "为公共利益实施新闻报道、舆论监督（第十三条第一款第五项）",
}


def _j(xs: Iterable[str], sep: str = "; ") -> str:
    return sep.join(xs)


def _recipients(a: Mapping[str, Any], abroad: bool | None) -> list[Mapping[str, Any]]:
    return [r for r in a["recipients"] if abroad is None or r["abroad"] is abroad]


def _name(r: Mapping[str, Any]) -> str:
    return str(r["legal_name"] or r["key"])


def _agreements(r: Mapping[str, Any]) -> str:
    return _j(
        f"{g['kind']} {g['reference'] or g['id']}"
        + (f" → {g['valid_until']}" if g["valid_until"] else "")
        + ("" if g["in_force"] else " (not in force)")
        for g in r["agreements"]
    )


def _retention(a: Mapping[str, Any], days: str) -> str:
    rules = _j(
        f"{x['category'] or '*'}: {x['days']} {days} ({x['anchor']})"
        for x in a["retention"]["schedule"]
    )
    return f"{a['retention']['days']} {days}" + (f"; {rules}" if rules else "")


def gdpr(body: Mapping[str, Any], controller: str, contact: str) -> Sheet:
    """GDPR Art. 30(1): (a) controller, (b) purposes, (c) data subjects and personal data,
    (d) recipients, (e) transfers to third countries and their safeguards, (f) time limits
    for erasure, (g) security measures."""
    measures = _j(body["security_measures"])
    rows = []
    for a in body["activities"]:
        cats = a["categories"]
        people, systems, channels = provenance_cells(a, "en")
        rows.append(
            (
                a["purpose"],
                a["name"] + ("" if a["active"] else " (inactive)"),
                a["legal_basis"],
                people,
                _j(f"{c['key']} ({c['name']})" for c in cats if c["tier"] != "sensitive"),
                _j(f"{c['key']} ({c['name']})" for c in cats if c["tier"] == "sensitive"),
                f"systems: {systems}; channels: {channels}",
                _j(
                    f"{r['legal_name'] or r['key']} ({r['kind']}, {r['country']})"
                    for r in a["recipients"]
                ),
                _j(
                    f"{r['legal_name'] or r['key']} ({r['country']}): {_agreements(r) or 'none'}"
                    for r in _recipients(a, True)
                ),
                _retention(a, "days"),
                _j(f"{s['key']} ({s['region']})" for s in a["systems"]),
                measures,
            )
        )
    return Sheet(
        "GDPR Art 30",
        "Record of processing activities — GDPR Art. 30(1)",
        (
            ("(a) Controller", controller),
            ("Contact (privacy officer)", contact),
            (
                "(c) Data subjects, sources",
                "derived from the items held: the kind of each person and the system and "
                "channel each item came from, per purpose it was collected for",
            ),
        ),
        (
            "Activity",
            "(b) Purpose",
            "Legal basis (Art. 6)",
            "(c) Categories of data subjects",
            "(c) Categories of personal data",
            "(c) Special categories (Art. 9) / sensitive",
            "Sources (systems, channels)",
            "(d) Recipients",
            "(e) Transfers to third countries, safeguards",
            "(f) Time limits for erasure",
            "Systems (region)",
            "(g) Security measures",
        ),
        tuple(rows),
    )


def _needs_assessment(a: Mapping[str, Any]) -> bool:
    """PIPL Art. 55: sensitive data, entrusting or providing to others, transfer abroad."""
    return bool(a["sensitive"] or a["recipients"] or a["exports"])


def pipl(body: Mapping[str, Any], handler: str, contact: str) -> Sheet:
    """A handler's record in PIPL's terms (处理目的、处理方式、个人信息种类、保存期限、
    向他人提供、向境外提供、安全保护措施、个人信息保护影响评估)."""
    measures = _j(body["security_measures"])
    rows = []
    for a in body["activities"]:
        cats = a["categories"]
        home, abroad = _recipients(a, False), _recipients(a, True)
        people, systems, channels = provenance_cells(a, "zh")
        rows.append(
            (
                a["purpose"],
                a["name_zh"] + ("" if a["active"] else "（已停用）"),
                _BASIS_ZH.get(a["legal_basis"], a["legal_basis"]),
                "是" if a["needs_consent"] else "否",
                people,
                f"系统：{systems}；渠道：{channels}",
                _j((f"{c['key']}（{c['name_zh']}）" for c in cats), "；"),
                _j(
                    (f"{c['key']}（{c['name_zh']}）" for c in cats if c["tier"] == "sensitive"),
                    "；",
                )
                or "无",
                _j((f"{s['key']}（{s['region']}）" for s in a["systems"]), "；"),
                _j(
                    (f"{_name(r)}（{r['kind']}，{r['country']}）" for r in home),
                    "；",
                )
                or "无",
                _j(
                    (f"{_name(r)}（{r['country']}）：{_agreements(r) or '无协议'}" for r in abroad),
                    "；",
                )
                or "无",
                _retention(a, "天"),
                "需要（第五十五条）" if _needs_assessment(a) else "不需要",
                measures,
            )
        )
    return Sheet(
        "PIPL 个人信息处理记录",
        "个人信息处理活动记录 —《个人信息保护法》",
        (
            ("个人信息处理者", handler),
            ("个人信息保护负责人联系方式", contact),
            (
                "个人信息主体类别、来源",
                "由所持个人信息推导：每人的类别、每项数据的来源系统和收集渠道，按收集时声明的用途",
            ),
            ("影响评估", "“需要”按第五十五条由登记簿推定；评估本身见影响评估登记簿"),
        ),
        (
            "用途",
            "处理目的（第十七条）",
            "合法性基础（第十三条）",
            "需单独同意",
            "个人信息主体类别",
            "个人信息来源（系统、渠道）",
            "个人信息种类",
            "敏感个人信息（第二十八条）",
            "处理方式：系统及所在地",
            "委托处理、向他人提供（第二十一、二十三条）",
            "向境外提供及其机制（第三十八、三十九条）",
            "保存期限（第十九条）",
            "个人信息保护影响评估（第五十五条）",
            "安全保护措施（第五十一条）",
        ),
        tuple(rows),
    )


def sheets(body: Mapping[str, Any], controller: str, contact: str) -> list[Sheet]:
    return [gdpr(body, controller, contact), pipl(body, controller, contact)]


def sheet(body: Mapping[str, Any], layout: Layout, controller: str, contact: str) -> Sheet:
    return (gdpr if layout is Layout.GDPR else pipl)(body, controller, contact)


def sheet_csv(s: Sheet) -> str:
    """One layout as CSV: the header and a row per activity (UTF-8 with a BOM, no cell
    read as a formula), as build.to_csv writes the whole record."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(s.header)
    w.writerows([safe_cell(x) for x in row] for row in s.rows)
    return "\ufeff" + out.getvalue()
