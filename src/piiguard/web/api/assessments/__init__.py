"""Impact assessments (R10.4; PIPL Art. 55–56; docs/accountability.md) and the duties by
headcount (R10.2): the register and its workflow — draft, submit, review, approve (four
eyes), reject, withdraw, dispose after three years —, the template, the cases officers add
per purpose, the count of people held with the audit and officer duties, and the compliance
audits recorded. Privacy officers change; auditors read (web/rules/assessments/)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.assessments.model import DESIGNATED, QUESTIONS, Case, Level, Status
from piiguard.domain.errors import InvalidInput
from piiguard.services.assessments import duties as du
from piiguard.services.assessments import register as reg
from piiguard.web.api.assessments.schemas import (
    ApproveIn,
    AssessmentIn,
    AssessmentOut,
    AuditIn,
    AuditOut,
    DesignationOut,
    DutiesOut,
    OpinionIn,
    QuestionOut,
    ReasonIn,
    TemplateOut,
)
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["assessments"])
A = "/assessments"
ONE = A + "/{assessment_id}"
StatusParam = Annotated[str | None, Query(max_length=16)]


@router.get(A + "/template", response_model=TemplateOut)
def template(actor: Authorized) -> TemplateOut:
    """The questions every assessment answers (PIPL Art. 56; GB/T 39335-2020), the cases
    (Art. 55), those an officer adds per purpose, and the rating scale."""
    del actor
    return TemplateOut(
        questions=[QuestionOut(key=q.key, en=q.en, zh=q.zh, basis=q.basis) for q in QUESTIONS],
        cases=list(Case),
        designable_cases=sorted(DESIGNATED),
        levels=list(Level),
    )


@router.get(A + "/cases", response_model=list[DesignationOut])
def cases(c: ContainerDep, actor: Authorized) -> list[DesignationOut]:
    """The cases officers added per purpose (automated decisions, public disclosure, other
    processing with a major impact): every use of the purpose needs an assessment of it."""
    del actor
    return [
        DesignationOut(purpose=p, case=k, designated_by=by, designated_at=at)
        for p, k, by, at in reg.designations(c.uow(readonly=True))
    ]


@router.put(A + "/cases/{purpose}/{case}", response_model=DesignationOut)
def designate(purpose: Slug, case: str, c: ContainerDep, actor: Authorized) -> DesignationOut:
    reg.designate_case(c.uow(), c.snapshots, c.clock, actor, purpose, case[:32])
    [found] = [d for d in reg.designations(c.uow(readonly=True)) if (d[0], d[1]) == (purpose, case)]
    return DesignationOut(
        purpose=found[0], case=found[1], designated_by=found[2], designated_at=found[3]
    )


@router.delete(A + "/cases/{purpose}/{case}", status_code=status.HTTP_204_NO_CONTENT)
def undesignate(purpose: Slug, case: str, c: ContainerDep, actor: Authorized) -> None:
    reg.undesignate_case(c.uow(), actor, purpose, case[:32])


@router.get(A, response_model=list[AssessmentOut])
def assessments(
    c: ContainerDep, actor: Authorized, status: StatusParam = None
) -> list[AssessmentOut]:
    """Newest first, with whether each is due for review; `status` filters."""
    del actor
    wanted: tuple[Status, ...] = ()
    if status:
        if status not in {s.value for s in Status}:
            raise InvalidInput(f"status is one of {', '.join(Status)}", field="status")
        wanted = (Status(status),)
    views = reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock, wanted)
    return [AssessmentOut.of(v) for v in views]


@router.post(A, status_code=status.HTTP_201_CREATED, response_model=AssessmentOut)
def draft(body: AssessmentIn, c: ContainerDep, actor: Authorized) -> AssessmentOut:
    """A new draft (answers may come later); it covers nothing until approved."""
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, actor, body.given())
    return _full(c, a.id)


def _full(c: ContainerDep, assessment_id: str) -> AssessmentOut:
    v = reg.view_assessment(c.uow(readonly=True), c.snapshots, c.clock, assessment_id)
    return AssessmentOut.of(v, full=True)


@router.get(ONE, response_model=AssessmentOut)
def assessment(assessment_id: str, c: ContainerDep, actor: Authorized) -> AssessmentOut:
    """One assessment with its answers and the reviewers' notes."""
    del actor
    return _full(c, assessment_id)


@router.put(ONE, response_model=AssessmentOut)
def update(
    assessment_id: str, body: AssessmentIn, c: ContainerDep, actor: Authorized
) -> AssessmentOut:
    """Its author changes a draft."""
    a = reg.update_draft(c.uow(), c.snapshots, c.clock, actor, assessment_id, body.given())
    return _full(c, a.id)


@router.post(ONE + "/submit", response_model=AssessmentOut)
def submit(assessment_id: str, c: ContainerDep, actor: Authorized) -> AssessmentOut:
    """Its author submits it for review (every question answered)."""
    a = reg.submit_assessment(c.uow(), c.clock, actor, assessment_id)
    return _full(c, a.id)


@router.post(ONE + "/review", response_model=AssessmentOut)
def review(
    assessment_id: str, body: OpinionIn, c: ContainerDep, actor: Authorized
) -> AssessmentOut:
    """Another officer than its author records a review opinion."""
    a = reg.review_assessment(c.uow(), c.clock, actor, assessment_id, body.opinion)
    return _full(c, a.id)


@router.post(ONE + "/approve", response_model=AssessmentOut)
def approve(
    assessment_id: str, c: ContainerDep, actor: Authorized, body: ApproveIn | None = None
) -> AssessmentOut:
    """An officer other than its author approves it: it covers its scope from now on. The
    body is optional (no note, no review date), as for an agreement's approval."""
    body = body or ApproveIn()
    a = reg.approve_assessment(
        c.uow(), c.snapshots, c.clock, actor, assessment_id, body.note, body.review_by
    )
    return _full(c, a.id)


@router.post(ONE + "/reject", response_model=AssessmentOut)
def reject(assessment_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> AssessmentOut:
    a = reg.reject_assessment(c.uow(), c.clock, actor, assessment_id, body.reason)
    return _full(c, a.id)


@router.post(ONE + "/withdraw", response_model=AssessmentOut)
def withdraw(
    assessment_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized
) -> AssessmentOut:
    """It covers nothing from now on; kept three years."""
    a = reg.withdraw_assessment(c.uow(), c.clock, actor, assessment_id, body.reason)
    return _full(c, a.id)


@router.delete(ONE, status_code=status.HTTP_204_NO_CONTENT)
def dispose(assessment_id: str, c: ContainerDep, actor: Authorized) -> None:
    """A withdrawn or rejected assessment, once kept three years (409 before)."""
    reg.dispose_assessment(c.uow(), c.clock, actor, assessment_id)


@router.get("/accountability/duties", response_model=DutiesOut)
def duties(c: ContainerDep, actor: Authorized) -> DutiesOut:
    """The people held now, the duties the count triggers, the audits recorded and when the
    next is due."""
    del actor
    d, audits = du.current_duties(c.uow(readonly=True), c.clock)
    return DutiesOut.of(d, audits)


@router.post("/accountability/audits", status_code=status.HTTP_201_CREATED, response_model=AuditOut)
def record_audit(body: AuditIn, c: ContainerDep, actor: Authorized) -> AuditOut:
    """Record a compliance audit carried out (date, auditor, scope, findings)."""
    given = du.AuditInput(body.audited_on, body.auditor, body.scope, body.findings, body.external)
    return AuditOut.of(du.record_audit(c.uow(), c.clock, actor, given))
