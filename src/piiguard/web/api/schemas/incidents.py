"""The JSON shapes of incidents (R5.8) and vulnerabilities (R5.9): web/api/incidents.py and
web/api/vulns.py. The officers' words (what happened, notes, root cause) are answered to
those who may read the register; nothing here holds a person's values — subject ids only."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.incidents.model import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Severity,
    Stage,
    TimelineEntry,
    suggest_severity,
)
from piiguard.domain.incidents.obligations import ClockStatus, Obligation, ObligationClock
from piiguard.domain.incidents.vulns import Vulnerability, VulnSeverity, VulnSource, VulnStatus
from piiguard.services.incidents.affected import Affected
from piiguard.services.incidents.register import IncidentFacts, IncidentView
from piiguard.services.incidents.vuln_import import ImportReport
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict

Text = str  # lengths checked by the services, so the error names the field


class IncidentIn(Strict):
    title: Text
    description: Text
    kind: IncidentKind
    severity: Severity
    jurisdictions: list[str] = Field(min_length=1, max_length=4)
    detected_at: AwareDatetime
    cii: bool = False
    high_risk: bool = False
    systems: list[Slug] = Field(default_factory=list, max_length=200)
    categories: list[CategoryKey] = Field(default_factory=list, max_length=200)
    affected_estimate: int | None = None
    handler: str | None = Field(default=None, max_length=80)

    def facts(self) -> IncidentFacts:
        return IncidentFacts(
            self.title,
            self.description,
            self.kind,
            self.severity,
            frozenset(self.jurisdictions),
            self.cii,
            self.high_risk,
            frozenset(self.systems),
            frozenset(self.categories),
            self.detected_at,
            self.affected_estimate,
            self.handler,
        )


class IncidentPatch(Strict):
    """Only the fields given change; `handler: ""` clears the handler."""

    title: Text | None = None
    description: Text | None = None
    kind: IncidentKind | None = None
    severity: Severity | None = None
    jurisdictions: list[str] | None = Field(default=None, min_length=1, max_length=4)
    detected_at: AwareDatetime | None = None
    cii: bool | None = None
    high_risk: bool | None = None
    systems: list[Slug] | None = Field(default=None, max_length=200)
    categories: list[CategoryKey] | None = Field(default=None, max_length=200)
    affected_estimate: int | None = None
    handler: str | None = Field(default=None, max_length=80)

    def facts(self) -> IncidentFacts:
        def opt(v: list[str] | None) -> frozenset[str] | None:
            return None if v is None else frozenset(v)

        return IncidentFacts(
            self.title,
            self.description,
            self.kind,
            self.severity,
            opt(self.jurisdictions),
            self.cii,
            self.high_risk,
            opt(self.systems),
            opt(self.categories),
            self.detected_at,
            self.affected_estimate,
            self.handler,
        )


class EntryIn(Strict):
    stage: Stage
    at: AwareDatetime
    note: Text


class TrailIn(Strict):
    actor: str = Field(max_length=120, description="system:<client id> or staff:<account id>")
    start: AwareDatetime
    end: AwareDatetime


class SubjectsIn(Strict):
    subject_ids: list[str] = Field(min_length=1, max_length=100_000)


class ReviewIn(Strict):
    root_cause: Text
    lessons: Text


class CloseIn(Strict):
    approve: bool
    note: Text = ""


class SubmitIn(Strict):
    submitted_to: Text
    reference: Text = ""
    submitted_at: AwareDatetime | None = None
    fields: dict[str, str] = Field(default_factory=dict, max_length=40)


class MailingTextIn(Strict):
    what_happened: Text
    measures_taken: Text
    what_you_can_do: Text
    contact: Text


class MailingIn(Strict):
    zh: MailingTextIn
    en: MailingTextIn


class LinkIn(Strict):
    vuln_id: str = Field(max_length=64)


class ObligationPatch(Strict):
    hours: int | None = None
    reminder_minutes: list[int] | None = Field(default=None, max_length=10)
    active: bool | None = None


class EntryOut(BaseModel):
    id: str
    stage: Stage
    at: datetime
    by: str
    note: str
    recorded_at: datetime

    @classmethod
    def of(cls, e: TimelineEntry) -> EntryOut:
        return cls(id=e.id, stage=e.stage, at=e.at, by=e.by, note=e.note, recorded_at=e.recorded_at)


class ClockOut(BaseModel):
    obligation: str
    started_at: datetime
    due_at: datetime
    status: ClockStatus
    overdue: bool
    late: bool
    submitted_at: datetime | None
    submitted_to: str
    reference: str
    submitted_by: str | None
    report: dict[str, Any] | None

    @classmethod
    def of(cls, c: ObligationClock, now: datetime) -> ClockOut:
        return cls(
            obligation=c.obligation,
            started_at=c.started_at,
            due_at=c.due_at,
            status=c.status,
            overdue=c.overdue(now),
            late=c.late(),
            submitted_at=c.submitted_at,
            submitted_to=c.submitted_to,
            reference=c.reference,
            submitted_by=c.submitted_by,
            report=json.loads(c.report) if c.report else None,
        )


class IncidentOut(BaseModel):
    id: str
    title: str
    description: str
    kind: IncidentKind
    severity: Severity
    severity_zh: str
    suggested_severity: Severity  # from the people affected (the CAC guide's PI criterion)
    jurisdictions: list[str]
    cii: bool
    high_risk: bool
    systems: list[str]
    categories: list[str]
    detected_at: datetime
    reported_by: str
    reported_at: datetime
    status: IncidentStatus
    handler: str | None
    affected_estimate: int | None
    affected_computed: int | None
    root_cause: str
    lessons: str
    review_requested_by: str | None
    closed_by: str | None
    closed_at: datetime | None
    closing_note: str

    @classmethod
    def of(cls, i: Incident) -> IncidentOut:
        return cls(
            id=i.id,
            title=i.title,
            description=i.description,
            kind=i.kind,
            severity=i.severity,
            severity_zh=i.severity.zh,
            suggested_severity=suggest_severity(i.people),
            jurisdictions=sorted(i.jurisdictions),
            cii=i.cii,
            high_risk=i.high_risk,
            systems=sorted(i.systems),
            categories=sorted(i.categories),
            detected_at=i.detected_at,
            reported_by=i.reported_by,
            reported_at=i.reported_at,
            status=i.status,
            handler=i.handler,
            affected_estimate=i.affected_estimate,
            affected_computed=i.affected_computed,
            root_cause=i.root_cause,
            lessons=i.lessons,
            review_requested_by=i.review_requested_by,
            closed_by=i.closed_by,
            closed_at=i.closed_at,
            closing_note=i.closing_note,
        )


class IncidentDetail(IncidentOut):
    timeline: list[EntryOut]
    clocks: list[ClockOut]
    vulnerabilities: list[str]
    recipients: dict[str, int]  # notification status -> people

    @classmethod
    def view(cls, v: IncidentView, now: datetime) -> IncidentDetail:
        return cls(
            **IncidentOut.of(v.incident).model_dump(),
            timeline=[EntryOut.of(e) for e in v.timeline],
            clocks=[ClockOut.of(c, now) for c in v.clocks],
            vulnerabilities=v.vulns,
            recipients=v.recipients,
        )


class AffectedOut(BaseModel):
    revealed: int
    metadata_only: int
    total: int
    added: int

    @classmethod
    def of(cls, a: Affected) -> AffectedOut:
        return cls(revealed=a.revealed, metadata_only=a.metadata_only, total=a.total, added=a.added)


class ObligationOut(BaseModel):
    key: str
    en: str
    zh: str
    audience: str
    recipient: str
    jurisdiction: str
    hours: int
    reminder_minutes: list[int]
    source: str
    fields: list[str]
    min_severity: Severity | None
    cii: bool | None
    personal_data: bool
    high_risk: bool
    active: bool

    @classmethod
    def of(cls, o: Obligation) -> ObligationOut:
        return cls(
            key=o.key,
            en=o.en,
            zh=o.zh,
            audience=o.audience.value,
            recipient=o.recipient,
            jurisdiction=o.jurisdiction,
            hours=o.hours,
            reminder_minutes=list(o.reminder_minutes),
            source=o.source,
            fields=list(o.fields),
            min_severity=o.min_severity,
            cii=o.cii,
            personal_data=o.personal_data,
            high_risk=o.high_risk,
            active=o.active,
        )


# -- vulnerabilities ----------------------------------------------------------------------


class VulnIn(Strict):
    identifier: str = Field(max_length=200)
    system: Slug
    title: Text
    source: VulnSource
    owner: Text
    severity: VulnSeverity | None = None
    cvss: float | None = None
    found_at: AwareDatetime | None = None
    component: str = Field(default="", max_length=500)
    aliases: list[str] = Field(default_factory=list, max_length=50)


class VulnPatch(Strict):
    status: VulnStatus | None = None
    owner: Text | None = None
    severity: VulnSeverity | None = None


class RiskIn(Strict):
    reason: Text
    until: AwareDatetime | None = None


class RiskDecisionIn(Strict):
    note: Text = ""


class ImportIn(Strict):
    format: str = Field(description="pip-audit or sarif")
    system: Slug
    owner: Text
    report: dict[str, Any] | list[Any] = Field(description="the report, as the tool wrote it")
    default_severity: VulnSeverity = VulnSeverity.HIGH


class VulnOut(BaseModel):
    id: str
    identifier: str
    system: str
    title: str
    source: VulnSource
    severity: VulnSeverity
    cvss: float | None
    owner: str
    found_at: datetime
    due_at: datetime
    overdue: bool
    status: VulnStatus
    component: str
    aliases: list[str]
    locations: int
    reported_by: str
    fixed_by: str | None
    verified_by: str | None
    risk_reason: str
    risk_proposed_by: str | None
    risk_approved_by: str | None
    risk_until: datetime | None
    seen_at: datetime | None

    @classmethod
    def of(cls, v: Vulnerability, now: datetime) -> VulnOut:
        return cls(
            id=v.id,
            identifier=v.identifier,
            system=v.system,
            title=v.title,
            source=v.source,
            severity=v.severity,
            cvss=v.cvss,
            owner=v.owner,
            found_at=v.found_at,
            due_at=v.due_at,
            overdue=v.overdue(now),
            status=v.status,
            component=v.component,
            aliases=sorted(v.aliases),
            locations=v.locations,
            reported_by=v.reported_by,
            fixed_by=v.fixed_by,
            verified_by=v.verified_by,
            risk_reason=v.risk_reason,
            risk_proposed_by=v.risk_proposed_by,
            risk_approved_by=v.risk_approved_by,
            risk_until=v.risk_until,
            seen_at=v.seen_at,
        )


class ImportOut(BaseModel):
    findings: int
    new: int
    seen_again: int
    reopened: int
    ids: list[str]

    @classmethod
    def of(cls, r: ImportReport) -> ImportOut:
        return cls(
            findings=r.findings,
            new=r.new,
            seen_again=r.seen_again,
            reopened=r.reopened,
            ids=list(r.ids),
        )
