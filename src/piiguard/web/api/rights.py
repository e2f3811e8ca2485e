"""Requests of the person over the JSON API (R4.1–R4.4, R9.1, R9.2): connected systems and
staff record a request (a phone call or a letter is entered by staff); staff work the
queue — verify identity by other means, assign, the second step (document check, then a
different officer's approval), pause for the requester, fee, refusal, a correction told in
words; systems confirm the corrections and deletions they were told of; officers register
the webhook endpoints that tell them, and read the mails the inbox could not turn into a
request. The requester's own code entry is the privacy centre's (web/privacy pages).

After every step that may make a request ready (identity, approval, resume, waiver) it is
carried out at once (request_fulfil.advance); the answer is the request as it then is.
Who may call what: web/authz.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime

from piiguard.bootstrap import Container
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import (
    RequestKind,
    RequestStatus,
    RightsRequest,
    check_webhook_url,
)
from piiguard.services.rights import fulfilment as fulfil
from piiguard.services.rights import intake as uc
from piiguard.services.rights import jobs, steps
from piiguard.services.rights import mail_intake as intake
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.schemas.rights import (
    AssignIn,
    ConfirmIn,
    CorrectionIn,
    CountsOut,
    DetailsOut,
    DocumentIn,
    FeeIn,
    IdentityIn,
    OpenedOut,
    PackageOut,
    QueueItemOut,
    ReasonIn,
    RepliedIn,
    RequestIn,
    RequestOut,
    RequestViewOut,
    ResolveIn,
    TaskOut,
    TimelineOut,
    TriageMailOut,
    TriageOut,
    WebhookIn,
    WebhookOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["requests"])
RID = "/requests/{request_id}"


def _out(c: Container, req: RightsRequest) -> RequestOut:
    return RequestOut.of(req, c.clock.now())


def _advanced(c: Container, req: RightsRequest) -> RequestOut:
    """Carry the request out if the step made it ready; the request as it then is."""
    return _out(c, fulfil.advance(c.uow(), c.requests, req.id))


# --- intake (R9.1) -------------------------------------------------------------------------


@router.post("/requests", status_code=status.HTTP_201_CREATED, response_model=OpenedOut)
def open_request(body: RequestIn, c: ContainerDep, actor: Authorized) -> OpenedOut:
    """Record a written request (a connected system's, or a phone call or letter entered by
    staff) and send the one-time code to the contact when it is an email address (a phone
    requester is verified by staff: POST .../identity). The answer is the same whether or
    not the contact belongs to anyone piiguard holds data on."""
    opened = uc.open_request(
        c.uow(),
        c.requests,
        actor,
        uc.RequestInput(
            body.kind,
            body.request_channel,
            body.contact,
            body.language,
            body.name,
            body.text,
            tuple(body.concerns),
            tuple(body.purposes),
            dict(body.changes) or None,
            body.received_at,
        ),
    )
    r = opened.request
    return OpenedOut(
        id=r.id,
        kind=r.kind,
        status=r.status,
        received_at=r.received_at,
        due_at=r.due_at,
        code_sent=opened.code_sent,
    )


# --- the queue (R9.2) ----------------------------------------------------------------------


@router.get("/requests", response_model=list[QueueItemOut])
def queue(
    c: ContainerDep,
    actor: Authorized,
    kind: RequestKind | None = None,
    statuses: Annotated[list[RequestStatus] | None, Query(alias="status")] = None,
    assignee: Annotated[str | None, Query(max_length=36)] = None,
    due_before: AwareDatetime | None = None,
    overdue: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,  # the largest BIGINT
) -> list[QueueItemOut]:
    """Open requests (or those of the `status`es named), overdue first, then by due date.
    `overdue=true`: only the overdue ones. Ids, dates and statuses only."""
    del actor
    now = c.clock.now()
    found = uc.list_requests(
        c.uow(readonly=True),
        QueueFilter(
            frozenset(statuses) if statuses else None,
            kind,
            assignee,
            due_before,
            now if overdue else None,
            limit,
            offset,
        ),
    )
    return [QueueItemOut.of(r, now) for r in found]


@router.get("/requests/counts", response_model=CountsOut)
def counts(c: ContainerDep, actor: Authorized) -> CountsOut:
    """Open and overdue requests: the console's front-page counter."""
    del actor
    n, late = uc.request_counts(c.uow(readonly=True), c.clock.now())
    return CountsOut(open=n, overdue=late)


# --- mail the inbox could not read (R9.1) ---------------------------------------------------


@router.get("/requests/triage", response_model=list[TriageOut])
def triage(c: ContainerDep, actor: Authorized, resolved: bool = False) -> list[TriageOut]:
    """Mails to the privacy address that did not become a request (the open ones;
    `resolved=true`: every one). The text is read one mail at a time (GET .../{triage_id})."""
    del actor
    return [
        TriageOut.of(t) for t in intake.list_triage(c.uow(readonly=True), open_only=not resolved)
    ]


@router.get("/requests/triage/{triage_id}", response_model=TriageMailOut)
def read_triage(triage_id: str, c: ContainerDep, actor: Authorized) -> TriageMailOut:
    """One mail, decoded (sender, subject, text); the read is on the audit trail."""
    found, text = intake.read_triage(c.uow(), c.requests, actor, triage_id)
    return TriageMailOut(**TriageOut.of(found).model_dump(), text=text)


@router.post("/requests/triage/{triage_id}/resolve", response_model=TriageOut)
def resolve_triage(
    triage_id: str, body: ResolveIn, c: ContainerDep, actor: Authorized
) -> TriageOut:
    """Close a triage mail: it became `request_id` (entered by staff), or needs nothing."""
    intake.resolve_triage(c.uow(), c.requests, actor, triage_id, body.request_id)
    return next(
        TriageOut.of(t)
        for t in intake.list_triage(c.uow(readonly=True), open_only=False)
        if t.id == triage_id
    )


# --- notices to the systems holding the data (R4.1) -----------------------------------------


@router.post("/requests/tasks/{task_id}/confirm", response_model=TaskOut)
def confirm_task(task_id: str, body: ConfirmIn, c: ContainerDep, actor: Authorized) -> TaskOut:
    """The system has corrected or deleted what it was told of (its own API key, or a
    privacy officer on its behalf); the request completes once every system has settled."""
    return TaskOut.of(jobs.confirm_task(c.uow(), c.requests, actor, task_id, body.reference))


@router.post("/requests/tasks/{task_id}/waive", response_model=TaskOut)
def waive_task(task_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> TaskOut:
    """Record why a system need not confirm (done by hand, system retired, ...)."""
    return TaskOut.of(jobs.waive_task(c.uow(), c.requests, actor, task_id, body.reason))


@router.put("/systems/{key}/webhook", response_model=WebhookOut)
def register_webhook(key: Slug, body: WebhookIn, c: ContainerDep, actor: Authorized) -> WebhookOut:
    """Where a data-map system receives correction and deletion notices, signed with
    HMAC-SHA256 (docs/webhooks.md). The secret is in this answer only: a new PUT makes a
    new one. Notices that waited for an endpoint go out on the next pass."""
    secret = jobs.register_endpoint(c.uow(), c.requests, actor, key, body.url)
    return WebhookOut(system=key, url=check_webhook_url(body.url), secret=secret)


# --- one request ---------------------------------------------------------------------------


@router.get(RID, response_model=RequestViewOut)
def view(request_id: str, c: ContainerDep, actor: Authorized) -> RequestViewOut:
    """The request with what the person wrote, its timeline (the audit entries on it), the
    notices to systems and the packages made (never their link)."""
    v = uc.view_request(c.uow(), c.requests, actor, request_id)
    return RequestViewOut(
        **_out(c, v.request).model_dump(),
        details=DetailsOut.of(v.details),
        timeline=[TimelineOut.of(e) for e in v.timeline],
        tasks=[TaskOut.of(t) for t in v.tasks],
        packages=[PackageOut.of(p) for p in v.packages],
    )


@router.post(RID + "/identity", response_model=RequestOut)
def verify_identity(
    request_id: str, body: IdentityIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """Staff verified the requester another way (called back the number on file, saw an
    identity card at the counter): recorded with the method (R4.3)."""
    return _advanced(c, uc.verify_by_staff(c.uow(), c.requests, actor, request_id, body.method))


@router.post(RID + "/assign", response_model=RequestOut)
def assign(request_id: str, body: AssignIn, c: ContainerDep, actor: Authorized) -> RequestOut:
    """Who handles it: reminders go to them (7, 3 and 1 days before the due date)."""
    return _out(c, steps.assign_request(c.uow(), c.requests, actor, request_id, body.staff_id))


@router.post(RID + "/document-check", response_model=RequestOut)
def check_document(
    request_id: str, body: DocumentIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """Second step, first half: an identity document was checked (name it, no number)."""
    return _out(c, steps.check_document(c.uow(), c.requests, actor, request_id, body.document))


@router.post(RID + "/approve", response_model=RequestOut)
def approve(request_id: str, c: ContainerDep, actor: Authorized) -> RequestOut:
    """Second step, second half: a privacy officer other than the one who checked the
    document approves (four eyes; 403 for the same person), after a recent
    re-authentication; the request is then carried out."""
    return _advanced(c, steps.approve_request(c.uow(), c.requests, actor, request_id))


@router.post(RID + "/pause", response_model=RequestOut)
def pause(request_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> RequestOut:
    """Wait on the requester (say for what): the deadline's clock stops, recorded."""
    return _out(c, steps.wait_on_requester(c.uow(), c.requests, actor, request_id, body.reason))


@router.post(RID + "/resume", response_model=RequestOut)
def resume(request_id: str, c: ContainerDep, actor: Authorized) -> RequestOut:
    """The requester answered (or paid): the due date moves by the time waited."""
    return _advanced(c, steps.resume_request(c.uow(), c.requests, actor, request_id))


@router.post(RID + "/fee", response_model=RequestOut)
def charge_fee(request_id: str, body: FeeIn, c: ContainerDep, actor: Authorized) -> RequestOut:
    """R4.4: a request flagged excessive or unfounded may carry a fee (e.g. "50 CNY"); it
    waits for payment (resume when paid); the reply states the fee and why."""
    return _out(c, steps.charge_fee(c.uow(), c.requests, actor, request_id, body.fee, body.reason))


@router.post(RID + "/waive", response_model=RequestOut)
def waive_excessive(
    request_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """A flagged request is reasonable after all: it goes ahead free of charge."""
    return _advanced(c, steps.waive_excessive(c.uow(), c.requests, actor, request_id, body.reason))


@router.post(RID + "/unfounded", response_model=RequestOut)
def flag_unfounded(
    request_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """Flag a request as manifestly unfounded: it waits for a fee, a waiver or a refusal."""
    return _out(c, steps.flag_unfounded(c.uow(), c.requests, actor, request_id, body.reason))


@router.post(RID + "/replied", response_model=RequestOut)
def record_reply(
    request_id: str, body: RepliedIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """A request made by phone is answered by staff: record how and when the person was
    told the outcome (the reply the request owes them, R9.2)."""
    return _out(c, fulfil.record_reply(c.uow(), c.requests, actor, request_id, body.how))


@router.post(RID + "/refuse", response_model=RequestOut)
def refuse(request_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> RequestOut:
    """Refuse with reasons; the reply to the person states them."""
    return _out(c, fulfil.refuse_request(c.uow(), c.requests, actor, request_id, body.reason))


@router.post(RID + "/correction", response_model=RequestOut)
def apply_correction(
    request_id: str, body: CorrectionIn, c: ContainerDep, actor: Authorized
) -> RequestOut:
    """Carry out a correction the person told in words: category -> the correct value.
    Old and new are recorded as keyed hashes; every system holding them is told."""
    return _out(
        c, fulfil.apply_correction(c.uow(), c.requests, actor, request_id, dict(body.changes))
    )
