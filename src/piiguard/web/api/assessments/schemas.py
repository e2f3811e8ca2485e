"""The JSON shapes of impact assessments and the duties by headcount (R10.4, R10.2). An
assessment's answers and notes are free text about processing: shown to privacy officers
and auditors (the only callers of these routes), sealed at rest, never in the audit trail."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from piiguard.domain.assessments.duties import ComplianceAudit, Duties
from piiguard.domain.assessments.model import Case, Level, Status
from piiguard.services.assessments.register import AssessmentInput, AssessmentView
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict


class AssessmentIn(Strict):
    title: str = Field(max_length=200)
    cases: list[Case] = Field(min_length=1, max_length=7)
    purposes: list[Slug] = Field(max_length=50)
    categories: list[CategoryKey] = Field(max_length=200)
    recipients: list[Slug] = Field(default_factory=list, max_length=50)
    systems: list[Slug] = Field(default_factory=list, max_length=50)
    answers: dict[str, str] = Field(
        default_factory=dict, description="question key -> answer (GET .../template)"
    )
    impact: Level = Level.MEDIUM
    likelihood: Level = Level.MEDIUM

    def given(self) -> AssessmentInput:
        return AssessmentInput(
            self.title,
            frozenset(c.value for c in self.cases),
            frozenset(self.purposes),
            frozenset(self.categories),
            frozenset(self.recipients),
            frozenset(self.systems),
            self.answers,
            self.impact.value,
            self.likelihood.value,
        )


class OpinionIn(Strict):
    opinion: str = Field(max_length=4000)


class ApproveIn(Strict):
    note: str = Field(default="", max_length=4000)
    review_by: date | None = Field(default=None, description="the next periodic review")


class ReasonIn(Strict):
    reason: str = Field(max_length=4000)


class AssessmentOut(BaseModel):
    id: str
    title: str
    status: Status
    cases: list[Case]
    purposes: list[str]
    categories: list[str]
    recipients: list[str]
    systems: list[str]
    impact: Level
    likelihood: Level
    risk: Level
    author: str
    created_at: datetime
    submitted_at: datetime | None
    reviewer: str | None
    reviewed_at: datetime | None
    approver: str | None
    decided_at: datetime | None
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    review_by: date | None
    keep_until: date = Field(description="not disposable before (PIPL Art. 56: 3 years)")
    review_due: bool = Field(description="its scope changed since approval, or review_by passed")
    changed_since_approval: list[str]
    answers: dict[str, str] | None = None  # in the one-assessment view
    review_note: str | None = None
    decision_note: str | None = None

    @classmethod
    def of(cls, v: AssessmentView, *, full: bool = False) -> AssessmentOut:
        a = v.assessment
        s = a.scope
        return cls(
            id=a.id,
            title=a.title,
            status=a.status,
            cases=sorted(s.cases),
            purposes=sorted(s.purposes),
            categories=sorted(s.categories),
            recipients=sorted(s.recipients),
            systems=sorted(s.systems),
            impact=a.impact,
            likelihood=a.likelihood,
            risk=a.risk,
            author=a.author,
            created_at=a.created_at,
            submitted_at=a.submitted_at,
            reviewer=a.reviewer,
            reviewed_at=a.reviewed_at,
            approver=a.approver,
            decided_at=a.decided_at,
            withdrawn_at=a.withdrawn_at,
            withdrawn_by=a.withdrawn_by,
            review_by=a.review_by,
            keep_until=a.keep_until(),
            review_due=v.review_due,
            changed_since_approval=list(v.changed),
            answers=dict(a.answers) if full else None,
            review_note=a.review_note if full else None,
            decision_note=a.decision_note if full else None,
        )


class QuestionOut(BaseModel):
    key: str
    en: str
    zh: str
    basis: str


class TemplateOut(BaseModel):
    questions: list[QuestionOut]
    cases: list[Case]
    designable_cases: list[Case]
    levels: list[Level]


class DesignationOut(BaseModel):
    purpose: str
    case: Case
    designated_by: str
    designated_at: str


class AuditIn(Strict):
    audited_on: date
    auditor: str = Field(max_length=200, description="the internal team or the firm")
    scope: str = Field(max_length=2000)
    findings: int = Field(ge=0, le=100_000)
    external: bool = False


class AuditOut(BaseModel):
    id: str
    audited_on: date
    auditor: str
    scope: str
    findings: int
    external: bool
    recorded_by: str
    recorded_at: datetime

    @classmethod
    def of(cls, a: ComplianceAudit) -> AuditOut:
        return cls(
            id=a.id,
            audited_on=a.audited_on,
            auditor=a.auditor,
            scope=a.scope,
            findings=a.findings,
            external=a.external,
            recorded_by=a.recorded_by,
            recorded_at=a.recorded_at,
        )


class DutiesOut(BaseModel):
    people: int = Field(description="people whose personal information is held (not erased)")
    counted_at: datetime
    audit_every_two_years_required: bool = Field(
        description="more than 10,000,000 people (CAC Measures 2025, Art. 4)"
    )
    officer_required: bool = Field(
        description="1,000,000 people or more (CAC Measures 2025, Art. 5; PIPL Art. 52)"
    )
    privacy_officers: int
    last_audit: AuditOut | None
    next_audit_due: date
    audit_overdue: bool
    audits: list[AuditOut]

    @classmethod
    def of(cls, d: Duties, audits: list[ComplianceAudit]) -> DutiesOut:
        return cls(
            people=d.people,
            counted_at=d.counted_at,
            audit_every_two_years_required=d.audit_mandatory,
            officer_required=d.officer_required,
            privacy_officers=d.officers,
            last_audit=AuditOut.of(d.last_audit) if d.last_audit else None,
            next_audit_due=d.next_audit_due,
            audit_overdue=d.audit_overdue,
            audits=[AuditOut.of(a) for a in audits],
        )
