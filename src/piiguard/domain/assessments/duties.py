"""Duties that follow from how many people's personal information the company holds (R10.2):

- the CAC *Measures for Personal Information Protection Compliance Audits* (个人信息保护合规
  审计管理办法, in force 1 May 2025), Art. 4: a handler processing the personal information
  of **more than 10 million** people audits its compliance **at least once every two years**;
  every handler audits "regularly" (PIPL Art. 54) — piiguard holds a smaller one to the same
  two years unless an officer records audits more often;
- the same Measures, Art. 5, with PIPL Art. 52: a handler processing the personal information
  of **1 million people or more** designates a personal-information protection officer
  (个人信息保护负责人), who is responsible for the compliance audits.

Pure: the count and the audits recorded come in; what is due, and when, goes out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from piiguard.domain.errors import InvalidInput

AUDIT_EVERY_TWO_YEARS_ABOVE = 10_000_000  # Measures Art. 4: "超过1000万人"
OFFICER_FROM = 1_000_000  # Measures Art. 5: "100万人以上"
AUDIT_YEARS = 2


@dataclass(frozen=True, slots=True)
class ComplianceAudit:
    """A compliance audit carried out (by an internal team or a professional body)."""

    id: str
    audited_on: date  # the day the audit report was delivered
    auditor: str  # the internal team or the firm (an organisation, not a person)
    scope: str
    findings: int
    external: bool  # by a professional body (Measures Art. 8–9)
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Duties:
    people: int  # people whose personal information is held (not erased)
    counted_at: datetime
    audit_mandatory: bool  # more than 10 million: every two years by law
    officer_required: bool  # 1 million or more: a PI protection officer
    officers: int  # privacy officers on the staff register
    last_audit: ComplianceAudit | None
    next_audit_due: date  # two years after the last, or now when none was recorded
    audit_overdue: bool


def _plus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def duties(people: int, audits: Sequence[ComplianceAudit], officers: int, now: datetime) -> Duties:
    last = max(audits, key=lambda a: (a.audited_on, a.recorded_at), default=None)
    due = _plus_years(last.audited_on, AUDIT_YEARS) if last else now.date()
    return Duties(
        people=people,
        counted_at=now,
        audit_mandatory=people > AUDIT_EVERY_TWO_YEARS_ABOVE,
        officer_required=people >= OFFICER_FROM,
        officers=officers,
        last_audit=last,
        next_audit_due=due,
        audit_overdue=last is None or now.date() > due,
    )


def check_audit(a: ComplianceAudit, today: date) -> ComplianceAudit:
    if a.audited_on > today:
        raise InvalidInput(
            "an audit is recorded once it was done: not a future date", field="audited_on"
        )
    if not a.auditor.strip() or len(a.auditor) > 200:
        raise InvalidInput("the auditor (a team or a firm), 1 to 200 characters", field="auditor")
    if not a.scope.strip() or len(a.scope) > 2000:
        raise InvalidInput("what the audit covered, 1 to 2000 characters", field="scope")
    if not 0 <= a.findings <= 100_000:
        raise InvalidInput("the number of findings, 0 or more", field="findings")
    return a
