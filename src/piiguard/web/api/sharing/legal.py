"""The legal-request register (R3.5, R2.5; docs/sharing.md, "Authorities"): officers record
an authority's demand, a second officer reviews it, the disclosure is a share through the
decision point naming it, the person's being told is recorded, and it is closed; auditors
read the register (never the demand's own words, which may name people: officers only,
audited)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.sharing.disclosure import Delivery
from piiguard.domain.sharing.legal import LegalRequest, LegalRequestStatus
from piiguard.services.sharing import legal
from piiguard.web.api.schemas.decisions import DecisionOut
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict
from piiguard.web.api.sharing.schemas import ShareOut
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])
ONE = "/legal-requests/{request_id}"


class LegalRequestIn(Strict):
    authority: Slug = Field(description="a recipient of kind authority")
    basis: ExceptionKind = Field(description="the R2.5 circumstance the authority invokes")
    provision: str = Field(max_length=500, description="e.g. Criminal Procedure Law Art. 54")
    case_reference: str = Field(max_length=200)
    purpose: Slug = "legal_compliance"
    subject_ids: list[str] = Field(max_length=1000, description="the subjects demanded")
    categories: list[CategoryKey] = Field(max_length=200, description="the categories demanded")
    demand: str = Field(
        max_length=20_000, description="what is demanded, in the authority's words (sealed)"
    )
    deadline: AwareDatetime
    may_tell: bool = Field(False, description="whether the law lets us tell the person")
    tell_from: AwareDatetime | None = Field(None, description="from when it lets us")


class LegalRequestOut(BaseModel):
    id: str
    authority: str
    basis: ExceptionKind
    provision: str
    case_reference: str
    purpose: str
    subject_ids: list[str]
    categories: list[str]
    deadline: datetime
    overdue: bool
    may_tell: bool
    tell_from: datetime | None
    to_tell: bool
    status: LegalRequestStatus
    received_by: str
    received_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_note: str
    share_id: str | None
    disclosed_at: datetime | None
    told_by: str | None
    told_at: datetime | None
    closed_by: str | None
    closed_at: datetime | None

    @classmethod
    def of(cls, r: LegalRequest, now: datetime) -> LegalRequestOut:
        return cls(
            id=r.id,
            authority=r.authority,
            basis=r.basis,
            provision=r.provision,
            case_reference=r.case_reference,
            purpose=r.purpose,
            subject_ids=sorted(r.subjects),
            categories=sorted(r.categories),
            deadline=r.deadline,
            overdue=r.overdue(now),
            may_tell=r.may_tell,
            tell_from=r.tell_from,
            to_tell=r.to_tell(now),
            status=r.status,
            received_by=r.received_by,
            received_at=r.received_at,
            reviewed_by=r.reviewed_by,
            reviewed_at=r.reviewed_at,
            review_note=r.review_note,
            share_id=r.share_id,
            disclosed_at=r.disclosed_at,
            told_by=r.told_by,
            told_at=r.told_at,
            closed_by=r.closed_by,
            closed_at=r.closed_at,
        )


class ReviewIn(Strict):
    approve: bool
    note: str = Field("", max_length=2000, description="why; required to refuse")


class DiscloseIn(Strict):
    delivery: Delivery = Delivery.PULL


class DisclosedOut(BaseModel):
    request: LegalRequestOut
    share: ShareOut
    decisions: list[DecisionOut]


class DemandOut(BaseModel):
    demand: str


@router.get("/legal-requests", response_model=list[LegalRequestOut])
def legal_requests(
    c: ContainerDep,
    actor: Authorized,
    status: LegalRequestStatus | None = None,
    authority: Slug | None = None,
) -> list[LegalRequestOut]:
    """The register, newest first (ids and keys; the demand's words are not here)."""
    del actor
    found = legal.list_legal_requests(c.uow(readonly=True), (status,) if status else (), authority)
    now = c.clock.now()
    return [LegalRequestOut.of(r, now) for r in found]


@router.post("/legal-requests", status_code=status.HTTP_201_CREATED, response_model=LegalRequestOut)
def record(body: LegalRequestIn, c: ContainerDep, actor: Authorized) -> LegalRequestOut:
    """Record an authority's demand as received; nothing goes out until a second privacy
    officer approves it."""
    given = legal.LegalRequestInput(
        body.authority,
        body.basis,
        body.provision,
        body.case_reference,
        frozenset(body.subject_ids),
        frozenset(body.categories),
        body.demand,
        body.deadline,
        body.purpose,
        body.may_tell,
        body.tell_from,
    )
    return LegalRequestOut.of(
        legal.record_legal_request(c.uow(), c.requests, actor, given), c.clock.now()
    )


@router.get(ONE, response_model=LegalRequestOut)
def one(request_id: str, c: ContainerDep, actor: Authorized) -> LegalRequestOut:
    del actor
    return LegalRequestOut.of(
        legal.get_legal_request(c.uow(readonly=True), request_id), c.clock.now()
    )


@router.get(ONE + "/demand", response_model=DemandOut)
def demand(request_id: str, c: ContainerDep, actor: Authorized) -> DemandOut:
    """What the authority demands, in its words (officers only; the reading is audited)."""
    return DemandOut(demand=legal.read_demand(c.uow(), c.requests, actor, request_id))


@router.post(ONE + "/review", response_model=LegalRequestOut)
def review(request_id: str, body: ReviewIn, c: ContainerDep, actor: Authorized) -> LegalRequestOut:
    """Approve or refuse: a privacy officer other than whoever recorded it (four eyes)."""
    r = legal.review_legal_request(c.uow(), c.requests, actor, request_id, body.approve, body.note)
    return LegalRequestOut.of(r, c.clock.now())


@router.post(ONE + "/disclose", response_model=DisclosedOut)
def disclose(request_id: str, body: DiscloseIn, c: ContainerDep, actor: Authorized) -> DisclosedOut:
    """The minimised disclosure: a share to the authority through the decision point,
    only within the demand, logged; pulled with the authority's key or pushed."""
    r, out = legal.disclose_legal_request(c.uow(), c.requests, actor, request_id, body.delivery)
    return DisclosedOut(
        request=LegalRequestOut.of(r, c.clock.now()),
        share=ShareOut.of(out.share),
        decisions=[DecisionOut.of(d) for d in out.decisions],
    )


@router.post(ONE + "/told", response_model=LegalRequestOut)
def told(request_id: str, c: ContainerDep, actor: Authorized) -> LegalRequestOut:
    """The person was told (only once the law lets us)."""
    return LegalRequestOut.of(
        legal.record_told(c.uow(), c.requests, actor, request_id), c.clock.now()
    )


@router.post(ONE + "/close", response_model=LegalRequestOut)
def close(request_id: str, c: ContainerDep, actor: Authorized) -> LegalRequestOut:
    """Done: nothing more goes to the authority under it."""
    return LegalRequestOut.of(
        legal.close_legal_request(c.uow(), c.requests, actor, request_id), c.clock.now()
    )
