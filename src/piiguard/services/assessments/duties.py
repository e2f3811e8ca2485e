"""The duties that follow from the number of people held (R10.2; domain/assessments/duties.py
cites the CAC Measures of 2025 and PIPL Art. 52, 54): the count, the duties it triggers, the
last compliance audit recorded and when the next is due; recording an audit (audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from piiguard.domain.assessments.duties import ComplianceAudit, Duties, check_audit, duties
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.assessments._common import store
from piiguard.services.ids import new_id


def current_duties(uow: UnitOfWork, clock: Clock) -> tuple[Duties, list[ComplianceAudit]]:
    """The count now, the duties, and the audits recorded (newest first)."""
    with uow:
        s = store(uow)
        people, officers, audits = s.people_held(), s.officers(), s.audits()
    return duties(people, audits, officers, clock.now()), audits


def audit_overdue(uow: UnitOfWork, clock: Clock) -> bool:
    """Whether the audit after the last one recorded is overdue — without counting the people
    (the front page asks on every load; counting millions of rows is the duties page's)."""
    with uow:
        audits = store(uow).audits(limit=1)
    return bool(audits) and duties(0, audits, 0, clock.now()).audit_overdue


@dataclass(frozen=True, slots=True)
class AuditInput:
    audited_on: date
    auditor: str
    scope: str
    findings: int
    external: bool = False


def record_audit(uow: UnitOfWork, clock: Clock, actor: Actor, given: AuditInput) -> ComplianceAudit:
    """Record a compliance audit carried out (the report itself is kept where the company
    keeps reports; here its date, auditor, scope and the number of findings)."""
    now = clock.now()
    a = check_audit(
        ComplianceAudit(
            new_id(),
            given.audited_on,
            given.auditor.strip(),
            given.scope.strip(),
            given.findings,
            given.external,
            actor.ref,
            now,
        ),
        now.date(),
    )
    with uow:
        store(uow).add_audit(a)
        uow.audit(
            AuditEvent(
                "compliance_audit.record",
                actor.kind.value,
                actor.id,
                "compliance_audit",
                a.id,
                details={
                    "audited_on": a.audited_on.isoformat(),
                    "findings": a.findings,
                    "external": a.external,
                },
            )
        )
        uow.commit()
    return a
