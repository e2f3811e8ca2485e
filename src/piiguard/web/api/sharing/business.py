"""Business transfers (R3.4; docs/sharing.md, "Business transfers"): officers record a
merger, acquisition, bankruptcy or asset transfer to an acquirer bound by its undertaking,
a second officer reviews it, it is carried out (logged, everyone queued to be told) and
its notices' progress is read here; auditors read, change nothing."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import AwareDatetime, BaseModel, Field

from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.sharing.business import BusinessTransfer, TransferKind, TransferStatus
from piiguard.services.notices.transfers import release_transfer_notices
from piiguard.services.sharing import business as bt
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict
from piiguard.web.api.sharing.legal import ReviewIn
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])
ONE = "/business-transfers/{transfer_id}"


class TransferIn(Strict):
    kind: TransferKind
    acquirer: Slug = Field(description="a recipient of kind acquirer")
    undertaking: str = Field(
        max_length=64, description="the acquirer's undertaking (agreement id) in force"
    )
    title: str = Field(max_length=500)
    effective_at: AwareDatetime
    purposes: list[Slug] = Field(default_factory=list, max_length=50, description="none: all")
    categories: list[CategoryKey] = Field(
        default_factory=list, max_length=200, description="none: all"
    )
    subject_ids: list[str] = Field(
        default_factory=list, max_length=10_000, description="none: everyone"
    )


class TransferOut(BaseModel):
    id: str
    kind: TransferKind
    acquirer: str
    undertaking: str
    title: str
    effective_at: datetime
    purposes: list[str]
    categories: list[str]
    subject_ids: list[str]
    status: TransferStatus
    recorded_by: str
    recorded_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_note: str
    transferred_by: str | None
    transferred_at: datetime | None
    share_id: str | None
    people: int
    notices: dict[NoticeStatus, int] = Field(
        default_factory=dict, description="how many people at each notice status"
    )

    @classmethod
    def of(cls, b: BusinessTransfer, notices: dict[NoticeStatus, int] | None = None) -> TransferOut:
        return cls(
            id=b.id,
            kind=b.kind,
            acquirer=b.acquirer,
            undertaking=b.undertaking,
            title=b.title,
            effective_at=b.effective_at,
            purposes=sorted(b.purposes),
            categories=sorted(b.categories),
            subject_ids=sorted(b.subjects),
            status=b.status,
            recorded_by=b.recorded_by,
            recorded_at=b.recorded_at,
            reviewed_by=b.reviewed_by,
            reviewed_at=b.reviewed_at,
            review_note=b.review_note,
            transferred_by=b.transferred_by,
            transferred_at=b.transferred_at,
            share_id=b.share_id,
            people=b.people,
            notices=notices or {},
        )


@router.get("/business-transfers", response_model=list[TransferOut])
def transfers(c: ContainerDep, actor: Authorized) -> list[TransferOut]:
    del actor
    return [TransferOut.of(b) for b in bt.list_business_transfers(c.uow(readonly=True))]


@router.post("/business-transfers", status_code=status.HTTP_201_CREATED, response_model=TransferOut)
def record(body: TransferIn, c: ContainerDep, actor: Authorized) -> TransferOut:
    """Record a transfer; nothing is handed over until a second officer approves it."""
    given = bt.TransferInput(
        body.kind,
        body.acquirer,
        body.undertaking,
        body.title,
        body.effective_at,
        frozenset(body.purposes),
        frozenset(body.categories),
        frozenset(body.subject_ids),
    )
    return TransferOut.of(bt.record_business_transfer(c.uow(), c.requests, actor, given))


@router.get(ONE, response_model=TransferOut)
def one(transfer_id: str, c: ContainerDep, actor: Authorized) -> TransferOut:
    """A transfer with how many of its people are at each notice status."""
    del actor
    return TransferOut.of(*bt.get_business_transfer(c.uow(readonly=True), transfer_id))


@router.post(ONE + "/review", response_model=TransferOut)
def review(transfer_id: str, body: ReviewIn, c: ContainerDep, actor: Authorized) -> TransferOut:
    """Approve or refuse: a privacy officer other than whoever recorded it."""
    return TransferOut.of(
        bt.review_business_transfer(
            c.uow(), c.requests, actor, transfer_id, body.approve, body.note
        )
    )


@router.post(ONE + "/carry-out", response_model=TransferOut)
def carry_out(transfer_id: str, c: ContainerDep, actor: Authorized) -> TransferOut:
    """The handover: logged, and every person it concerns queued to be told."""
    bt.carry_out_business_transfer(c.uow(), c.requests, actor, transfer_id)
    return TransferOut.of(*bt.get_business_transfer(c.uow(readonly=True), transfer_id))


class ReleaseIn(Strict):
    subject_ids: list[str] = Field(max_length=1000)


class ReleasedOut(BaseModel):
    released: int


@router.post(ONE + "/release", response_model=ReleasedOut)
def release(transfer_id: str, body: ReleaseIn, c: ContainerDep, actor: Authorized) -> ReleasedOut:
    """Send these people's uncertain or failed notices again (they may get it twice)."""
    n = release_transfer_notices(c.uow(), c.requests, actor, transfer_id, body.subject_ids)
    return ReleasedOut(released=n)
