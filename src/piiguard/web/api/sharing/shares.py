"""Shares, the disclosure log and notices passed on (R3.1, R3.6, R7.1; docs/sharing.md).
Staff (for their department's purposes), officers and systems share through the decision
point; officers and auditors read shares, the log and the notices. The recipient's own
side (`/api/v1/recipient/...`, its own API key): the packages waiting for it, pulling one
(once), its notices of corrections and deletions, and confirming one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from piiguard.domain.sharing.disclosure import PassOnStatus, ShareStatus
from piiguard.services.sharing import delivery
from piiguard.services.sharing import share as sh
from piiguard.web.api.schemas.decisions import DecisionOut
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.sharing.schemas import (
    ConfirmIn,
    DisclosureOut,
    PassOnOut,
    ShareIn,
    ShareOut,
    ShareResultOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.post("/shares", status_code=status.HTTP_201_CREATED, response_model=ShareResultOut)
def share(body: ShareIn, c: ContainerDep, actor: Authorized) -> ShareResultOut:
    """Share subjects' data with a recipient for a purpose: one recorded decision per
    subject (the recipient's agreement, profile, the person's consent abroad …), what is
    allowed minimised as the profile says, sealed for the recipient to pull or pushed to
    its webhook, every subject in the disclosure log. A refusal answers 201 too, with the
    share `refused` and each decision's reasons."""
    ask = sh.ShareRequest(
        body.recipient,
        body.purpose,
        tuple(body.subject_ids),
        frozenset(body.categories) if body.categories else None,
        body.delivery,
        body.legal_request_id,
        body.keep_days,
    )
    out = sh.share_data(c.uow(), c.requests, actor, ask)
    return ShareResultOut(
        share=ShareOut.of(out.share),
        decisions=[DecisionOut.of(d) for d in out.decisions],
        abroad_notices_queued=out.notices_queued,
    )


@router.get("/shares", response_model=list[ShareOut])
def shares(
    c: ContainerDep,
    actor: Authorized,
    recipient: Slug | None = None,
    status: ShareStatus | None = None,
    limit: Limit = 100,
) -> list[ShareOut]:
    del actor
    found = sh.list_shares(c.uow(readonly=True), recipient, [status] if status else [], limit)
    return [ShareOut.of(s) for s in found]


@router.get("/shares/{share_id}", response_model=ShareOut)
def one_share(share_id: str, c: ContainerDep, actor: Authorized) -> ShareOut:
    del actor
    return ShareOut.of(sh.get_share(c.uow(readonly=True), share_id))


@router.get("/disclosures", response_model=list[DisclosureOut])
def disclosures(
    c: ContainerDep,
    actor: Authorized,
    subject_id: str | None = None,
    recipient: Slug | None = None,
    share_id: str | None = None,
    limit: Limit = 100,
) -> list[DisclosureOut]:
    """The disclosure log, newest first: who, to whom, for what, which categories in what
    form, the decision and the agreement (ids and keys, no values)."""
    rows = sh.disclosure_log(
        c.uow(),
        actor,
        subject_id=subject_id,
        recipient=recipient,
        share_id=share_id,
        limit=limit,
    )
    return [DisclosureOut.of(d) for d in rows]


@router.get("/pass-ons", response_model=list[PassOnOut])
def pass_ons(
    c: ContainerDep,
    actor: Authorized,
    status: PassOnStatus | None = None,
    recipient: Slug | None = None,
    request_id: str | None = None,
) -> list[PassOnOut]:
    """Corrections and deletions passed on to recipients, and whether each confirmed."""
    del actor
    found = delivery.list_pass_ons(
        c.uow(readonly=True), [status] if status else [], recipient, request_id
    )
    return [PassOnOut.of(p) for p in found]


@router.post("/pass-ons/{pass_on_id}/confirm", response_model=PassOnOut)
def confirm_for_recipient(
    pass_on_id: str, body: ConfirmIn, c: ContainerDep, actor: Authorized
) -> PassOnOut:
    """An officer records the recipient's written confirmation."""
    return PassOnOut.of(
        delivery.confirm_pass_on(c.uow(), c.requests, actor, pass_on_id, body.reference)
    )


# -- the recipient's own side (its own API key) -----------------------------------------


@router.get("/recipient/shares", response_model=list[ShareOut])
def my_shares(c: ContainerDep, actor: Authorized) -> list[ShareOut]:
    """The packages waiting for you to pull."""
    return [ShareOut.of(s) for s in delivery.waiting_shares(c.uow(), c.requests, actor)]


@router.get("/recipient/shares/{share_id}")
def pull(share_id: str, c: ContainerDep, actor: Authorized) -> Response:
    """The package (`piiguard.share/1` JSON), once: it is dropped when handed over."""
    body = delivery.pull_share(c.uow(), c.requests, actor, share_id)
    return Response(
        body,
        media_type="application/json",
        headers={"Cache-Control": "no-store", "Content-Disposition": "attachment"},
    )


@router.get("/recipient/notices", response_model=list[PassOnOut])
def my_notices(c: ContainerDep, actor: Authorized) -> list[PassOnOut]:
    """Corrections and deletions to carry out, open until you confirm each."""
    return [PassOnOut.of(p) for p in delivery.recipient_notices(c.uow(), actor)]


@router.post("/recipient/notices/{pass_on_id}/confirm", response_model=PassOnOut)
def confirm(pass_on_id: str, body: ConfirmIn, c: ContainerDep, actor: Authorized) -> PassOnOut:
    """You corrected or deleted as the notice said."""
    return PassOnOut.of(
        delivery.confirm_pass_on(c.uow(), c.requests, actor, pass_on_id, body.reference)
    )
