"""The notices before a first transfer abroad (R7.1; docs/sharing.md "The notice before a
first transfer abroad"): officers and auditors list them (ids, recipient, purpose,
categories, status — never an address); officers decide what is stuck — the person was told
another way (`told`), or try the mail again (`retry`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from piiguard.domain.sharing.notice import AbroadNotice, AbroadNoticeStatus, ToldBy
from piiguard.services.sharing import notice as uc
from piiguard.web.api.schemas.fields import Slug, Strict
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])


class AbroadNoticeOut(BaseModel):
    id: str
    subject_id: str
    recipient: str
    purpose: str
    categories: list[str]
    status: AbroadNoticeStatus
    created_at: datetime
    updated_at: datetime
    attempts: int
    language: str
    reply_code: int | None
    sent_at: datetime | None
    decided_by: str | None
    told_by: ToldBy | None

    @classmethod
    def of(cls, n: AbroadNotice) -> AbroadNoticeOut:
        return cls(
            id=n.id,
            subject_id=n.subject_id,
            recipient=n.recipient,
            purpose=n.purpose,
            categories=sorted(n.categories),
            status=n.status,
            created_at=n.created_at,
            updated_at=n.updated_at,
            attempts=n.attempts,
            language=n.language,
            reply_code=n.reply_code,
            sent_at=n.sent_at,
            decided_by=n.decided_by,
            told_by=n.told_by,
        )


class ToldIn(Strict):
    told_by: ToldBy


@router.get("/abroad-notices", response_model=list[AbroadNoticeOut])
def abroad_notices(
    c: ContainerDep,
    actor: Authorized,
    status: AbroadNoticeStatus | None = None,
    recipient: Slug | None = None,
    subject_id: Annotated[str | None, Query(max_length=36)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AbroadNoticeOut]:
    """The notices, oldest first: `pending`, `sending`, `sent`, `told` (an officer recorded
    the person was told another way), `refused`, `failed`, `no_contact`, `uncertain`."""
    del actor
    found = uc.list_abroad_notices(
        c.uow(readonly=True), [status] if status else [], recipient, subject_id, limit
    )
    return [AbroadNoticeOut.of(n) for n in found]


@router.post("/abroad-notices/{notice_id}/told", response_model=AbroadNoticeOut)
def told(notice_id: str, body: ToldIn, c: ContainerDep, actor: Authorized) -> AbroadNoticeOut:
    """The person the mail did not reach was told another way (post, phone, in person, another
    channel): the share of their data to that recipient may go from the next one on. Only a
    notice that is refused, failed, without contact or uncertain (409 otherwise)."""
    return AbroadNoticeOut.of(uc.record_told(c.uow(), c.requests, actor, notice_id, body.told_by))


@router.post("/abroad-notices/{notice_id}/retry", response_model=AbroadNoticeOut)
def retry(notice_id: str, c: ContainerDep, actor: Authorized) -> AbroadNoticeOut:
    """Mail it again on the next pass (an uncertain one may then reach the person twice)."""
    return AbroadNoticeOut.of(uc.retry_notice(c.uow(), c.requests, actor, notice_id))
