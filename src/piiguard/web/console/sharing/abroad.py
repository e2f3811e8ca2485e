"""Transfers abroad on the console (R7.1; docs/sharing.md, "Transfers abroad"):
/console/sharing/abroad shows this year's count of people whose data went abroad (since
1 January 00:00 Asia/Shanghai), sensitive apart, the mechanism the count requires under
the 2024 Provisions on Cross-Border Data Flows, how near each threshold is (a warning from
80 %), and the recipients abroad with what each has in force; the front page says when a
threshold is at 80 % or a recipient abroad lacks what the count requires. Row in
web/rules/sharing.py; template templates/console/sharing/abroad.html."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.services.sharing.abroad import abroad_status
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, may_open
from piiguard.web.console.sharing import texts
from piiguard.web.deps import ContainerDep
from piiguard.web.html import LANGS, language

HERE = "/console/sharing/abroad"
router = APIRouter(prefix=HERE, include_in_schema=False)

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_abroad_intro": (
        "自当年1月1日0时（北京时间，Asia/Shanghai）起累计向境外提供个人信息的人数，"
        "每人每年只计一次，敏感个人信息另行计数。所需机制依据《促进和规范数据跨境流动规定》"
        "（国家互联网信息办公室，2024年3月22日）第五条、第七条、第八条：不满10万人（不含敏感"
        "个人信息）免予；10万人以上不满100万人，或不满1万人敏感个人信息，须订立标准合同并备案"
        "或通过认证；100万人以上或1万人以上敏感个人信息，须申报安全评估。“以上”含本数。",
        "Distinct people whose personal data went abroad since 1 January 00:00 China time "
        "(Asia/Shanghai), each counted once a year, sensitive data counted apart. The "
        "mechanism required follows the Provisions on Promoting and Regulating Cross-Border "
        "Data Flows (CAC, 22 March 2024), art. 5, 7 and 8: under 100,000 people (no "
        "sensitive data) exempt; 100,000 to under 1,000,000 people, or under 10,000 people's "
        "sensitive data: a filed standard contract or certification; 1,000,000 people or "
        "more, or 10,000 or more people's sensitive data: the CAC security assessment. "
        "The figure itself is already in the higher band.",
    ),
    "s_abroad_year": ("年度", "Year"),
    "s_abroad_show": ("查看", "Show"),
    "s_abroad_bad_year": (
        "请输入四位数的年份，如 2026。",
        "Give a year as four digits, e.g. 2026.",
    ),
    "s_abroad_people": ("出境人数", "People"),
    "s_abroad_sensitive": ("其中敏感个人信息人数", "Of whom with sensitive data"),
    "s_abroad_requires": ("所需机制", "Mechanism required"),
    "s_abroad_exempt": (
        "依据豁免情形出境的人数（不计入）",
        "People sent under recorded exemption cases (not counted)",
    ),
    "s_abroad_ciio": (
        "本公司设为关键信息基础设施运营者（PIIGUARD_CIIO）：任何出境均须安全评估。",
        "The company is set as a critical information infrastructure operator "
        "(PIIGUARD_CIIO): every transfer abroad needs the security assessment.",
    ),
    "s_abroad_thresholds": ("阈值", "Thresholds"),
    "s_abroad_threshold": ("阈值", "Threshold"),
    "s_abroad_count": ("计数", "Count"),
    "s_abroad_of": ("阈值人数", "Of"),
    "s_abroad_percent": ("比例", "Percent"),
    "s_abroad_state": ("状态", "State"),
    "s_abroad_source": ("依据", "Source"),
    "s_abroad_reached": ("已达到", "reached"),
    "s_abroad_warn": ("警告：已达 80%", "warning: 80 % reached"),
    "s_abroad_below": ("未达到", "below"),
    "s_abroad_people_contract": (
        "10万人（标准合同或认证）",
        "100,000 people (standard contract or certification)",
    ),
    "s_abroad_people_assessment": ("100万人（安全评估）", "1,000,000 people (security assessment)"),
    "s_abroad_sensitive_assessment": (
        "1万人敏感个人信息（安全评估）",
        "10,000 people's sensitive data (security assessment)",
    ),
    "s_abroad_recipients": ("境外接收方", "Recipients abroad"),
    "s_abroad_has": ("有效机制", "Mechanism in force"),
    "s_abroad_meets": ("是否满足", "Meets the requirement"),
    "s_abroad_yes": ("满足", "yes"),
    "s_abroad_no": ("不满足：向其提供将被拒绝", "no: shares to it are refused"),
    "s_abroad_no_recipients": ("尚无境外接收方。", "No recipients abroad."),
    "s_mech_exempt": ("免予（无需机制）", "exempt (none needed)"),
    "s_mech_standard_contract_or_certification": (
        "标准合同（备案）或个人信息保护认证",
        "standard contract (filed) or certification",
    ),
    "s_mech_security_assessment": ("数据出境安全评估", "CAC security assessment"),
    "attn_abroad_near": (
        "数据出境累计人数已达阈值 80% 以上：{n} 项",
        "transfer-abroad thresholds at 80 % or more: {n}",
    ),
    "attn_abroad_short": (
        "缺少所需出境机制的境外接收方：{n} 个",
        "recipients abroad without the mechanism the count requires: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return texts.words(lang) | {k: v[i] for k, v in TEXT.items()}


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    if not may_open(actor, HERE):
        return []
    s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock)
    return [
        {"key": "abroad_near", "count": len(s.warnings), "href": HERE},
        {"key": "abroad_short", "count": len(s.short), "href": HERE},
    ]


@router.get("", response_class=HTMLResponse)
def abroad(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    year: Annotated[str, Query(max_length=10)] = "",
) -> HTMLResponse:
    errors: list[FieldError] = []
    chosen: int | None = None
    if year.strip():
        if year.strip().isdigit():
            chosen = int(year.strip())
        else:
            errors.append(FieldError("year", words(language(request))["s_abroad_bad_year"]))
    try:
        s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock, chosen)
    except DomainError as exc:
        errors.append(FieldError("year", str(exc)))
        s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock)
    return console_page(
        request,
        c,
        actor,
        "console/sharing/abroad.html",
        {"s": s},
        words=words,
        errors=errors,
        values={"year": year},
        status=422 if errors else 200,
    )
