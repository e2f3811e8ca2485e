"""Security incidents (R5.8): what happened, its kind and severity, what it touched, who is
affected, its timeline and its review. Pure: no clock reads, no I/O.

Severity follows China's Network Security Incident Reporting Measures (国家网络安全事件报告
管理办法, Cyberspace Administration of China, published 11 September 2025, in force
1 November 2025) and their annex, the grading guide (网络安全事件分级指南): four levels,
特别重大 / 重大 / 较大 / 一般. The guide grades by many criteria (systems down, people's
supplies, money lost, harmful content spread, ...); the one this register can compute is the
number of people whose personal information leaked (guide: 1亿 / 1000万 / 100万 people), so
`suggest_severity` proposes a level from that count and the officer sets the level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput


class IncidentKind(StrEnum):
    CONFIDENTIALITY = "confidentiality"  # disclosed, read or taken without authority
    INTEGRITY = "integrity"  # altered or destroyed
    AVAILABILITY = "availability"  # lost or out of reach


class Severity(StrEnum):
    """The four levels of the CAC grading guide, lowest first."""

    GENERAL = "general"  # 一般
    RELATIVELY_MAJOR = "relatively_major"  # 较大
    MAJOR = "major"  # 重大
    PARTICULARLY_MAJOR = "particularly_major"  # 特别重大

    @property
    def rank(self) -> int:
        return list(Severity).index(self)

    @property
    def zh(self) -> str:
        return SEVERITY_ZH[self]


SEVERITY_ZH = {
    Severity.GENERAL: "一般",
    Severity.RELATIVELY_MAJOR: "较大",
    Severity.MAJOR: "重大",
    Severity.PARTICULARLY_MAJOR: "特别重大",
}

# the grading guide's personal-information criterion: people whose data leaked
PEOPLE_THRESHOLDS = (
    (100_000_000, Severity.PARTICULARLY_MAJOR),
    (10_000_000, Severity.MAJOR),
    (1_000_000, Severity.RELATIVELY_MAJOR),
)


def suggest_severity(people: int) -> Severity:
    """The level the guide's personal-information criterion gives for `people` affected."""
    for at_least, level in PEOPLE_THRESHOLDS:
        if people >= at_least:
            return level
    return Severity.GENERAL


class IncidentStatus(StrEnum):
    OPEN = "open"  # reported, being handled
    REVIEW = "review"  # handled: root cause and lessons written, a privacy officer reviews
    CLOSED = "closed"  # reviewed and closed by a privacy officer who did not handle it

    @property
    def closed(self) -> bool:
        return self is IncidentStatus.CLOSED


class Stage(StrEnum):
    """A timeline entry: the incident-response phases, and notes between them."""

    DETECTION = "detection"
    CONTAINMENT = "containment"
    ERADICATION = "eradication"
    RECOVERY = "recovery"
    NOTE = "note"


JURISDICTIONS = frozenset({"CN", "EU"})
_SYSTEM = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")


def check_jurisdictions(values: frozenset[str]) -> frozenset[str]:
    found = frozenset(v.strip().upper() for v in values if v.strip())
    if not found or found - JURISDICTIONS:
        raise InvalidInput(
            f"jurisdictions are some of {sorted(JURISDICTIONS)} (where the people affected "
            "live or the processing happens)",
            field="jurisdictions",
        )
    return found


def check_text(value: str, field: str, *, required: bool = True, most: int = 5000) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{field.replace('_', ' ')} is required", field=field)
    if len(value) > most:
        raise InvalidInput(f"{field.replace('_', ' ')} is at most {most} characters", field=field)
    return value


def check_people(value: int | None, field: str = "affected_estimate") -> int | None:
    if value is not None and not 0 <= value <= 10_000_000_000:
        raise InvalidInput("a number of people from 0", field=field)
    return value


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    title: str
    description: str  # what happened; officers' words, never copied to the audit trail
    kind: IncidentKind
    severity: Severity
    jurisdictions: frozenset[str]
    cii: bool  # concerns critical information infrastructure (关键信息基础设施)
    high_risk: bool  # likely a high risk to people's rights (GDPR Art. 34, PIPL Art. 57)
    systems: frozenset[str]  # data-map keys
    categories: frozenset[str]  # taxonomy keys of the personal data concerned
    detected_at: datetime  # the legal clocks run from here (awareness)
    reported_by: str  # actor ref
    reported_at: datetime
    status: IncidentStatus = IncidentStatus.OPEN
    handler: str | None = None  # actor ref of who handles it
    affected_estimate: int | None = None
    affected_computed: int | None = None  # from the audit trail (affected.py)
    root_cause: str = ""
    lessons: str = ""
    review_requested_by: str | None = None
    review_requested_at: datetime | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    closing_note: str = ""

    @property
    def personal_data(self) -> bool:
        """Personal data is concerned: categories named or people counted."""
        return bool(self.categories) or bool(self.affected_estimate or self.affected_computed)

    @property
    def people(self) -> int:
        """The larger of the estimate and the count from the trail (0: unknown)."""
        return max(self.affected_estimate or 0, self.affected_computed or 0)

    def handled_by(self) -> frozenset[str]:
        """Who reported or handled it: none of them may close it (four eyes)."""
        return frozenset(x for x in (self.reported_by, self.handler, self.review_requested_by) if x)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    id: str
    incident_id: str
    stage: Stage
    at: datetime  # when it happened (may be before it was written down)
    by: str
    note: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Trail:
    """What the affected people were computed from: every subject whose data `actor` (an
    actor ref, `system:<client id>` or `staff:<account id>`) read between `start` and
    `end`."""

    actor: str
    start: datetime
    end: datetime

    def check(self) -> Trail:
        kind, _, ident = self.actor.partition(":")
        if kind not in ("system", "staff") or not ident:
            raise InvalidInput(
                "the actor is system:<client id> (an API key's client) or staff:<account id>",
                field="actor",
            )
        if self.end <= self.start:
            raise InvalidInput("the window ends after it starts", field="end")
        return self
