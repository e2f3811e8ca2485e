"""Security incidents on their legal clocks (R5.8): report, change (the clocks follow), the
timeline, who is affected (from the audit trail, or listed), each obligation's report draft
and its submission, the mailing to the people affected, review and closing (four eyes),
links to vulnerabilities, and the obligations themselves. docs/incidents.md."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.incidents.model import IncidentStatus, Trail
from piiguard.domain.incidents.notify import MailingText
from piiguard.services.incidents import affected, clocks, notify, register
from piiguard.web.api.schemas.incidents import (
    AffectedOut,
    ClockOut,
    CloseIn,
    EntryIn,
    EntryOut,
    IncidentDetail,
    IncidentIn,
    IncidentOut,
    IncidentPatch,
    LinkIn,
    MailingIn,
    ObligationOut,
    ObligationPatch,
    ReviewIn,
    SubjectsIn,
    SubmitIn,
    TrailIn,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["incidents"])
P = "/incidents"
I = P + "/{incident_id}"  # noqa: E741


@router.get(P + "/obligations", response_model=list[ObligationOut])
def list_obligations(c: ContainerDep, actor: Authorized) -> list[ObligationOut]:
    """The reporting obligations: source, to whom, the clock, reminders, report fields."""
    del actor
    return [ObligationOut.of(o) for o in clocks.list_obligations(c.security_uow(readonly=True))]


@router.patch(P + "/obligations/{key}", response_model=ObligationOut)
def change_obligation(
    key: str, body: ObligationPatch, c: ContainerDep, actor: Authorized
) -> ObligationOut:
    """A privacy officer changes an obligation's hours, reminders or whether it is active."""
    o = clocks.change_obligation(
        c.security_uow(),
        c.clock,
        actor,
        key,
        hours=body.hours,
        reminder_minutes=None if body.reminder_minutes is None else tuple(body.reminder_minutes),
        active=body.active,
    )
    return ObligationOut.of(o)


@router.get(P, response_model=list[IncidentOut])
def list_incidents(
    c: ContainerDep,
    actor: Authorized,
    status_: Annotated[IncidentStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[IncidentOut]:
    del actor
    found = register.list_incidents(
        c.security_uow(readonly=True), (status_,) if status_ else (), limit
    )
    return [IncidentOut.of(i) for i in found]


def _detail(c: ContainerDep, incident_id: str) -> IncidentDetail:
    return IncidentDetail.view(
        register.view_incident(c.security_uow(readonly=True), incident_id), c.clock.now()
    )


@router.post(P, status_code=status.HTTP_201_CREATED, response_model=IncidentDetail)
def report_incident(body: IncidentIn, c: ContainerDep, actor: Authorized) -> IncidentDetail:
    """Report an incident; the clock of every obligation that applies starts from
    `detected_at`."""
    i = register.report_incident(c.security_uow(), c.snapshots, c.clock, actor, body.facts())
    return _detail(c, i.id)


@router.get(I, response_model=IncidentDetail)
def get_incident(incident_id: str, c: ContainerDep, actor: Authorized) -> IncidentDetail:
    """The incident, its timeline, clocks, linked vulnerabilities and notification counts."""
    del actor
    return _detail(c, incident_id)


@router.patch(I, response_model=IncidentDetail)
def update_incident(
    incident_id: str, body: IncidentPatch, c: ContainerDep, actor: Authorized
) -> IncidentDetail:
    """Change what is known; the clocks follow severity, jurisdictions, CII and risk."""
    register.update_incident(
        c.security_uow(), c.snapshots, c.clock, actor, incident_id, body.facts()
    )
    return _detail(c, incident_id)


@router.post(I + "/timeline", status_code=status.HTTP_201_CREATED, response_model=EntryOut)
def add_entry(incident_id: str, body: EntryIn, c: ContainerDep, actor: Authorized) -> EntryOut:
    """Containment, eradication, recovery or a note: when it happened and what was done."""
    e = register.add_entry(
        c.security_uow(), c.clock, actor, incident_id, body.stage, body.at, body.note
    )
    return EntryOut.of(e)


@router.post(I + "/affected/trail", response_model=AffectedOut)
def affected_from_trail(
    incident_id: str, body: TrailIn, c: ContainerDep, actor: Authorized
) -> AffectedOut:
    """Every subject whose data `actor` (an API key's client or a staff account) read
    between `start` and `end`, from the audit trail, listed as affected."""
    got = affected.compute_affected(
        c.security_uow(), actor, incident_id, Trail(body.actor, body.start, body.end)
    )
    return AffectedOut.of(got)


@router.post(I + "/affected", response_model=AffectedOut)
def list_affected(
    incident_id: str, body: SubjectsIn, c: ContainerDep, actor: Authorized
) -> AffectedOut:
    """People known to be affected from elsewhere, by subject id."""
    added = affected.list_affected(c.security_uow(), actor, incident_id, body.subject_ids)
    return AffectedOut(revealed=0, metadata_only=0, total=len(body.subject_ids), added=added)


@router.get(I + "/clocks/{obligation}/draft")
def report_draft(
    incident_id: str, obligation: str, c: ContainerDep, actor: Authorized
) -> dict[str, str]:
    """The report the obligation asks for, in its authority's fields, filled from the
    register (empty fields are the officer's to complete)."""
    del actor
    return clocks.draft_report(c.security_uow(readonly=True), c.requests, incident_id, obligation)


@router.post(I + "/clocks/{obligation}/submit", response_model=ClockOut)
def submit_report(
    incident_id: str, obligation: str, body: SubmitIn, c: ContainerDep, actor: Authorized
) -> ClockOut:
    """Record the submission: when, to whom, the reference, the fields as sent."""
    done = clocks.submit_report(
        c.security_uow(),
        c.requests,
        actor,
        incident_id,
        obligation,
        body.submitted_to,
        body.reference,
        body.submitted_at,
        body.fields,
    )
    return ClockOut.of(done, c.clock.now())


@router.put(I + "/mailing", status_code=status.HTTP_204_NO_CONTENT)
def write_mailing(incident_id: str, body: MailingIn, c: ContainerDep, actor: Authorized) -> None:
    """The notification's words in Chinese and English (until it is started)."""
    notify.write_mailing(
        c.security_uow(),
        c.clock,
        actor,
        incident_id,
        MailingText(**body.zh.model_dump()),
        MailingText(**body.en.model_dump()),
    )


@router.post(I + "/mailing/start", status_code=status.HTTP_204_NO_CONTENT)
def start_mailing(incident_id: str, c: ContainerDep, actor: Authorized) -> None:
    """The people listed are mailed by the next passes of the security job (throttled)."""
    notify.start_mailing(c.security_uow(), c.clock, actor, incident_id)


@router.post(I + "/mailing/requeue")
def requeue(
    incident_id: str, body: SubjectsIn, c: ContainerDep, actor: Authorized
) -> dict[str, int]:
    """After checking the mail server's log: mail these `unknown` people again."""
    n = notify.requeue_unknown(c.security_uow(), actor, incident_id, body.subject_ids)
    return {"requeued": n}


@router.post(I + "/review", response_model=IncidentDetail)
def request_review(
    incident_id: str, body: ReviewIn, c: ContainerDep, actor: Authorized
) -> IncidentDetail:
    """Handling done: root cause and lessons; a privacy officer who did not handle it
    reviews."""
    register.request_review(
        c.security_uow(), c.clock, actor, incident_id, body.root_cause, body.lessons
    )
    return _detail(c, incident_id)


@router.post(I + "/close", response_model=IncidentDetail)
def close_incident(
    incident_id: str, body: CloseIn, c: ContainerDep, actor: Authorized
) -> IncidentDetail:
    """The review (four eyes; after re-authentication): close, or send back with a note."""
    register.close_incident(c.security_uow(), c.clock, actor, incident_id, body.approve, body.note)
    return _detail(c, incident_id)


@router.post(I + "/vulnerabilities", response_model=IncidentDetail)
def link_vuln(incident_id: str, body: LinkIn, c: ContainerDep, actor: Authorized) -> IncidentDetail:
    register.link_vuln(c.security_uow(), actor, incident_id, body.vuln_id)
    return _detail(c, incident_id)
