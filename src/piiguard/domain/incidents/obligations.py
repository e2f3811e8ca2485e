"""The reporting obligations of an incident (R5.8): configuration, seeded with their legal
sources, each a clock from detection with reminders and an escalation, a report draft with
the fields its authority asks for and the submission recorded. Which apply follows the
incident's jurisdictions, severity, whether it concerns critical information infrastructure,
personal data and a high risk to people. Pure: no clock reads, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from piiguard.domain.errors import InvalidInput
from piiguard.domain.incidents.model import JURISDICTIONS, Incident, Severity
from piiguard.domain.rights.deadlines import owed_notices

CAC = (
    "国家网络安全事件报告管理办法（国家互联网信息办公室 2025年9月11日公布，2025年11月1日起施行）"
    "第四条 / Network Security Incident Reporting Measures (CAC), Art. 4"
)


class Audience(StrEnum):
    AUTHORITY = "authority"
    PEOPLE = "people"


class ClockStatus(StrEnum):
    RUNNING = "running"
    SUBMITTED = "submitted"  # the report or notification made (when, to whom, reference)
    NOT_APPLICABLE = "not_applicable"  # no longer applies (severity or jurisdiction changed)


@dataclass(frozen=True, slots=True)
class Obligation:
    key: str
    en: str
    zh: str
    audience: Audience
    recipient: str  # to whom (the authority, or "the people affected")
    jurisdiction: str  # CN or EU
    hours: int  # the clock from detection
    reminder_minutes: tuple[int, ...]  # reminders this long before the due time
    source: str  # the legal text it comes from
    fields: tuple[str, ...]  # what the report holds (report_draft)
    min_severity: Severity | None = None  # applies from this level up (None: any)
    cii: bool | None = None  # True: only CII; False: only not CII; None: either
    personal_data: bool = False  # only when personal data is concerned
    high_risk: bool = False  # only when a high risk to people's rights
    active: bool = True

    def applies(self, i: Incident) -> bool:
        return (
            self.active
            and self.jurisdiction in i.jurisdictions
            and (self.min_severity is None or i.severity.rank >= self.min_severity.rank)
            and (self.cii is None or self.cii == i.cii)
            and (not self.personal_data or i.personal_data)
            and (not self.high_risk or i.high_risk)
        )

    def reminders(self) -> list[tuple[str, timedelta]]:
        return [(f"reminder_{m}m", timedelta(minutes=m)) for m in self.reminder_minutes]


_KEY = re.compile(r"[a-z0-9][a-z0-9_]{0,63}")


def check_obligation(o: Obligation) -> Obligation:
    if not _KEY.fullmatch(o.key):
        raise InvalidInput("a key of lower-case letters, digits and _", field="key")
    if o.jurisdiction not in JURISDICTIONS:
        raise InvalidInput(f"jurisdiction is one of {sorted(JURISDICTIONS)}", field="jurisdiction")
    if not 1 <= o.hours <= 24 * 365:
        raise InvalidInput("hours from 1 to 8760", field="hours")
    if any(not 1 <= m < o.hours * 60 for m in o.reminder_minutes):
        raise InvalidInput(
            "each reminder is from 1 minute to less than the clock's length",
            field="reminder_minutes",
        )
    for name in ("en", "zh", "recipient", "source"):
        if not getattr(o, name).strip():
            raise InvalidInput(f"{name} is required", field=name)
    return o


CAC_FIELDS = (
    "organisation",  # 事件发生单位名称
    "systems",  # 发生事件的设施、系统、平台的基本情况
    "detected_at",  # 事件发现或者发生时间
    "kind",  # 事件类型
    "impact",  # 已造成的影响和危害
    "measures_taken",  # 已采取的措施及效果
    "trend",  # 事态发展趋势及可能进一步造成的影响和危害
    "preliminary_cause",  # 初步分析的事件原因
    "investigation_leads",  # 进一步调查分析和溯源所需的线索
    "next_steps",  # 拟进一步采取的应对措施以及请求支援事项
    "site_preservation",  # 事件现场保护情况
)
GDPR33_FIELDS = (
    "nature",  # Art. 33(3)(a): nature, categories and approximate numbers
    "categories",
    "people",
    "contact",  # (b) the DPO or other contact point
    "consequences",  # (c) likely consequences
    "measures_taken",  # (d) measures taken or proposed
)
PEOPLE_FIELDS = (
    "nature",  # what happened, in clear language (GDPR Art. 34(2), PIPL Art. 57)
    "categories",  # PIPL Art. 57 (1): the categories of personal information
    "cause",  # (1) the cause
    "possible_harm",  # (1) the possible harm
    "measures_taken",  # (2) the remedial measures taken
    "what_people_can_do",  # (2) what the person can do to reduce the harm
    "contact",  # (3) how to reach the company
)
PIPL57_FIELDS = ("nature", "categories", "cause", "possible_harm", "measures_taken", "contact")

SEED: tuple[Obligation, ...] = (
    Obligation(
        "cac_cii",
        "CAC: critical information infrastructure, within 1 hour",
        "网信：关键信息基础设施，1小时内报告",
        Audience.AUTHORITY,
        "保护工作部门、公安机关 (the CII protection department and the public security organ)",
        "CN",
        1,
        (30, 10),
        CAC + ": 涉及关键信息基础设施的，运营者应当第一时间向保护工作部门、公安机关报告，"
        "最迟不得超过1小时 (relatively major incidents or worse)",
        CAC_FIELDS,
        min_severity=Severity.RELATIVELY_MAJOR,
        cii=True,
    ),
    Obligation(
        "cac",
        "CAC: relatively major or worse, within 4 hours",
        "网信：较大以上网络安全事件，4小时内报告",
        Audience.AUTHORITY,
        "属地省级网信部门 (the provincial cyberspace administration)",
        "CN",
        4,
        (120, 60, 15),
        CAC + ": 其他网络运营者应当及时向属地省级网信部门报告，最迟不得超过4小时 "
        "(relatively major incidents or worse, 较大以上)",
        CAC_FIELDS,
        min_severity=Severity.RELATIVELY_MAJOR,
        cii=False,
    ),
    Obligation(
        "gdpr_33",
        "GDPR Art. 33: the supervisory authority within 72 hours",
        "GDPR 第33条：72小时内通知监管机构",
        Audience.AUTHORITY,
        "the competent supervisory authority (lead authority under Art. 56)",
        "EU",
        72,
        (24 * 60, 6 * 60),
        "Regulation (EU) 2016/679 (GDPR) Art. 33(1): without undue delay and, where feasible, "
        "not later than 72 hours after having become aware of it, unless the breach is "
        "unlikely to result in a risk to the rights and freedoms of natural persons",
        GDPR33_FIELDS,
        personal_data=True,
    ),
    Obligation(
        "gdpr_34",
        "GDPR Art. 34: the people, without undue delay (high risk)",
        "GDPR 第34条：高风险时及时通知个人",
        Audience.PEOPLE,
        "the people affected",
        "EU",
        72,
        (24 * 60,),
        "Regulation (EU) 2016/679 (GDPR) Art. 34(1): when the breach is likely to result in a "
        "high risk to the rights and freedoms of natural persons, communicate it to the data "
        "subject without undue delay (the 72 hours here are this company's own limit)",
        PEOPLE_FIELDS,
        personal_data=True,
        high_risk=True,
    ),
    Obligation(
        "pipl_57_authority",
        "PIPL Art. 57: the authority, without delay",
        "个人信息保护法第五十七条：立即通知履行个人信息保护职责的部门",
        Audience.AUTHORITY,
        "履行个人信息保护职责的部门 (the departments with personal-information duties)",
        "CN",
        24,
        (6 * 60, 60),
        "《中华人民共和国个人信息保护法》第五十七条：发生或者可能发生个人信息泄露、篡改、丢失的，"
        "个人信息处理者应当立即采取补救措施，并通知履行个人信息保护职责的部门和个人 "
        "(PIPL Art. 57: immediately; the 24 hours here are this company's own limit)",
        PIPL57_FIELDS,
        personal_data=True,
    ),
    Obligation(
        "pipl_57_people",
        "PIPL Art. 57: the people affected",
        "个人信息保护法第五十七条：通知个人",
        Audience.PEOPLE,
        "the people affected",
        "CN",
        72,
        (24 * 60,),
        "《中华人民共和国个人信息保护法》第五十七条：通知应当包括个人信息种类、原因和可能造成的"
        "危害；已采取的补救措施和个人可以采取的减轻危害的措施；联系方式。已采取措施能够有效避免"
        "危害的，可以不通知个人 (PIPL Art. 57; the 72 hours are this company's own limit)",
        PEOPLE_FIELDS,
        personal_data=True,
        high_risk=True,
    ),
)


@dataclass(frozen=True, slots=True)
class ObligationClock:
    incident_id: str
    obligation: str
    started_at: datetime  # the incident's detection
    due_at: datetime
    status: ClockStatus = ClockStatus.RUNNING
    submitted_at: datetime | None = None
    submitted_to: str = ""
    reference: str = ""  # the authority's case number, or the notification's id
    submitted_by: str | None = None
    report: str = ""  # the report as submitted (JSON of its fields)
    note: str = ""

    def overdue(self, now: datetime) -> bool:
        return self.status is ClockStatus.RUNNING and now > self.due_at

    def late(self) -> bool:
        """Submitted after its due time."""
        return self.submitted_at is not None and self.submitted_at > self.due_at

    def left(self, now: datetime) -> timedelta:
        return self.due_at - now


def clocks_for(i: Incident, obligations: Iterable[Obligation]) -> list[ObligationClock]:
    """A running clock for every obligation that applies to `i`, from its detection."""
    return [
        ObligationClock(i.id, o.key, i.detected_at, i.detected_at + timedelta(hours=o.hours))
        for o in obligations
        if o.applies(i)
    ]


def clock_notices(
    c: ObligationClock, o: Obligation, now: datetime, sent: Iterable[str]
) -> list[str]:
    """Reminders and the escalation owed now (domain/rights/deadlines.py, as the requests
    of the person): none once submitted or no longer applicable."""
    if c.status is not ClockStatus.RUNNING:
        return []
    return owed_notices(c.due_at, now, o.reminders(), sent)


def report_draft(o: Obligation, i: Incident, facts: Mapping[str, str]) -> dict[str, str]:
    """The report's fields in the order its authority asks for them, filled from what
    the register knows (`facts`: field -> text); a field nothing fills stays empty for
    the officer to complete before submitting."""
    return {name: facts.get(name, "") for name in o.fields}
