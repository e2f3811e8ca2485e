"""Paper records (R5.2, R5.6; docs/custody.md): register a printout (staff, or a system
with its API key — within the key's scope, from an approved data-map system, naming who
printed it), lock it away, archive it, take it out, shred it with a witness, and the
witness's own confirmation. Lists: `status`, `overdue=true` (in use past the set time),
`witness=me` (shreddings waiting for the caller's confirmation)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.custody.records import PaperRecord, PaperStatus
from piiguard.services.custody import paper as pp
from piiguard.web.api.custody.schemas import PaperIn, PaperMoveIn, PaperOut, ShredIn
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/paper", tags=["custody"])


def _out(c: ContainerDep, p: PaperRecord) -> PaperOut:
    return PaperOut.of(p, c.clock.now(), c.custody.terms.paper_hours)


@router.get("", response_model=list[PaperOut])
def papers(
    c: ContainerDep,
    actor: Authorized,
    status: PaperStatus | None = None,
    overdue: bool = False,
    witness: Annotated[str | None, Query(pattern="^me$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[PaperOut]:
    """The register, newest print first."""
    if witness:
        found = pp.awaiting_witness(c.custody, actor.id)
    elif overdue:
        found = pp.overdue_papers(c.custody)
    else:
        found = pp.list_papers(c.custody, (status,) if status else (), limit)
    return [_out(c, p) for p in found if status is None or p.status is status][:limit]


@router.post("", response_model=PaperOut, status_code=status.HTTP_201_CREATED)
def register(body: PaperIn, c: ContainerDep, actor: Authorized) -> PaperOut:
    """A printout holding personal data, `in_use` until locked away or shredded within
    PIIGUARD_PAPER_LOCK_HOURS. 422 naming `system` when the system is not an approved one
    in the data map, `categories` when it does not hold them or the API key's scope does
    not cover them."""
    p = pp.register_print(
        c.custody,
        actor,
        label=body.label,
        categories=frozenset(body.categories),
        people=body.people,
        system=body.system,
        custodian=body.custodian,
        location=body.location,
        cabinet=body.cabinet,
        printed_by=body.printed_by,
        printed_at=body.printed_at,
    )
    return _out(c, p)


@router.get("/{record_id}", response_model=PaperOut)
def paper(record_id: str, c: ContainerDep, actor: Authorized) -> PaperOut:
    del actor
    return _out(c, pp.view_paper(c.custody, record_id))


@router.post("/{record_id}/lock", response_model=PaperOut)
def lock(record_id: str, body: PaperMoveIn, c: ContainerDep, actor: Authorized) -> PaperOut:
    """Locked in its cabinet (or the one named; a new custodian if named)."""
    p = pp.lock_paper(
        c.custody,
        actor,
        record_id,
        location=body.location,
        cabinet=body.cabinet,
        custodian=body.custodian,
    )
    return _out(c, p)


@router.post("/{record_id}/archive", response_model=PaperOut)
def archive(record_id: str, body: PaperMoveIn, c: ContainerDep, actor: Authorized) -> PaperOut:
    p = pp.archive_paper(
        c.custody,
        actor,
        record_id,
        location=body.location,
        cabinet=body.cabinet,
        custodian=body.custodian,
    )
    return _out(c, p)


@router.post("/{record_id}/take-out", response_model=PaperOut)
def take_out(record_id: str, c: ContainerDep, actor: Authorized) -> PaperOut:
    """Out of its cabinet to work with: in use again, the clock restarted."""
    return _out(c, pp.take_out_paper(c.custody, actor, record_id))


@router.post("/{record_id}/shred", response_model=PaperOut)
def shred(record_id: str, body: ShredIn, c: ContainerDep, actor: Authorized) -> PaperOut:
    """Shredded: the day, the method, the witness (a second person; 403 naming `witness`
    when it is the caller). The witness then confirms it (`/witness`)."""
    p = pp.shred_paper(
        c.custody,
        actor,
        record_id,
        shredded_on=body.shredded_on,
        method=body.method,
        witness=body.witness,
    )
    return _out(c, p)


@router.post("/{record_id}/witness", response_model=PaperOut)
def witness(record_id: str, c: ContainerDep, actor: Authorized) -> PaperOut:
    """The named witness confirms the shredding, signed in with their own account."""
    return _out(c, pp.witness_paper(c.custody, actor, record_id))
