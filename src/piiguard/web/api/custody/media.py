"""Removable media and their inventory (R5.4, R5.6; docs/custody.md): register a medium
(encrypted when it holds a sensitive category: 422 naming `encrypted` otherwise), check it
out and in, wipe or destroy it with a witness and the witness's confirmation, report it
missing or found, record the incident it is handled under; the periodic inventory —
start, settle each medium (seen or missing), close."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.custody.records import Disposal, MediaStatus
from piiguard.services.custody import inventory as inv
from piiguard.services.custody import media as md
from piiguard.web.api.custody.schemas import (
    CheckInIn,
    CheckOutIn,
    DisposeIn,
    FoundIn,
    IncidentIn,
    InventoryOut,
    LineIn,
    LineOut,
    MediumIn,
    MediumOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(tags=["custody"])
M = "/api/v1/media"
INV = "/api/v1/media-inventories"


@router.get(M, response_model=list[MediumOut])
def media(
    c: ContainerDep,
    actor: Authorized,
    status: MediaStatus | None = None,
    witness: Annotated[str | None, Query(pattern="^me$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[MediumOut]:
    """The register by identifier (`witness=me`: wipes and destructions waiting for the
    caller's confirmation)."""
    if witness:
        return [MediumOut.of(m) for m in md.media_awaiting_witness(c.custody, actor.id)]
    return [MediumOut.of(m) for m in md.list_media(c.custody, (status,) if status else (), limit)]


@router.post(M, response_model=MediumOut, status_code=status.HTTP_201_CREATED)
def register(body: MediumIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    m = md.register_medium(
        c.custody,
        actor,
        identifier=body.identifier,
        kind=body.kind,
        encrypted=body.encrypted,
        encryption=body.encryption,
        categories=frozenset(body.categories),
        system=body.system,
        custodian=body.custodian,
        location=body.location,
    )
    return MediumOut.of(m)


@router.get(M + "/{medium_id}", response_model=MediumOut)
def medium(medium_id: str, c: ContainerDep, actor: Authorized) -> MediumOut:
    """One medium (by id or identifier) with its history."""
    del actor
    m, history = md.view_medium(c.custody, medium_id)
    return MediumOut.of(m, history)


@router.post(M + "/{medium_id}/check-out", response_model=MediumOut)
def check_out(medium_id: str, body: CheckOutIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    return MediumOut.of(md.check_out(c.custody, actor, medium_id, body.holder))


@router.post(M + "/{medium_id}/check-in", response_model=MediumOut)
def check_in(medium_id: str, body: CheckInIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    return MediumOut.of(md.check_in(c.custody, actor, medium_id, body.location))


def _dispose(
    c: ContainerDep, actor: Authorized, medium_id: str, how: Disposal, body: DisposeIn
) -> MediumOut:
    m = md.dispose_medium(
        c.custody,
        actor,
        medium_id,
        how=how,
        done_on=body.done_on,
        method=body.method,
        witness=body.witness,
    )
    return MediumOut.of(m)


@router.post(M + "/{medium_id}/wipe", response_model=MediumOut)
def wipe(medium_id: str, body: DisposeIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    """Wiped (overwrite, crypto_erase, secure_erase, degauss) with a second person as
    witness (403 naming `witness` when it is the caller)."""
    return _dispose(c, actor, medium_id, Disposal.WIPE, body)


@router.post(M + "/{medium_id}/destroy", response_model=MediumOut)
def destroy(medium_id: str, body: DisposeIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    """Destroyed (shred, disintegrate, incinerate, drill, contractor) with a witness."""
    return _dispose(c, actor, medium_id, Disposal.DESTROY, body)


@router.post(M + "/{medium_id}/witness", response_model=MediumOut)
def witness(medium_id: str, c: ContainerDep, actor: Authorized) -> MediumOut:
    """The named witness confirms the wipe or destruction with their own account."""
    return MediumOut.of(md.witness_medium(c.custody, actor, medium_id))


@router.post(M + "/{medium_id}/missing", response_model=MediumOut)
def missing(medium_id: str, c: ContainerDep, actor: Authorized) -> MediumOut:
    """Reported missing: with personal data, an incident is opened (when the incident
    register is wired) or the officers are alarmed until one is recorded."""
    return MediumOut.of(inv.report_missing(c.custody, actor, medium_id))


@router.post(M + "/{medium_id}/found", response_model=MediumOut)
def found(medium_id: str, body: FoundIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    return MediumOut.of(inv.record_found(c.custody, actor, medium_id, body.location))


@router.post(M + "/{medium_id}/incident", response_model=MediumOut)
def incident(medium_id: str, body: IncidentIn, c: ContainerDep, actor: Authorized) -> MediumOut:
    """The incident a missing medium is handled under (privacy officers)."""
    return MediumOut.of(inv.link_incident(c.custody, actor, medium_id, body.incident))


def _inventory_out(view: inv.InventoryView) -> InventoryOut:
    lines = [LineOut.of(x, view.media[x.medium_id].identifier) for x in view.lines]
    return InventoryOut.of(view.inventory, lines)


@router.get(INV, response_model=list[InventoryOut])
def inventories(c: ContainerDep, actor: Authorized) -> list[InventoryOut]:
    del actor
    return [InventoryOut.of(i) for i in inv.list_inventories(c.custody)]


@router.post(INV, response_model=InventoryOut, status_code=status.HTTP_201_CREATED)
def start(c: ContainerDep, actor: Authorized) -> InventoryOut:
    """A new inventory: a line for every medium stored, checked out or missing (409 while
    another is open)."""
    return _inventory_out(inv.start_inventory(c.custody, actor))


@router.get(INV + "/{inventory_id}", response_model=InventoryOut)
def inventory(inventory_id: str, c: ContainerDep, actor: Authorized) -> InventoryOut:
    del actor
    return _inventory_out(inv.view_inventory(c.custody, inventory_id))


@router.post(INV + "/{inventory_id}/lines/{medium_id}", response_model=LineOut)
def settle(
    inventory_id: str, medium_id: str, body: LineIn, c: ContainerDep, actor: Authorized
) -> LineOut:
    """A medium seen (`confirmed`, with `seen_at`) or `missing`."""
    line = inv.settle_line(c.custody, actor, inventory_id, medium_id, body.outcome, body.seen_at)
    m = inv.view_medium_now(c.custody, line.medium_id)
    return LineOut.of(line, m.identifier)


@router.post(INV + "/{inventory_id}/close", response_model=InventoryOut)
def close(inventory_id: str, c: ContainerDep, actor: Authorized) -> InventoryOut:
    """Closed when every medium is settled (409 saying how many are not)."""
    inv.close_inventory(c.custody, actor, inventory_id)
    return _inventory_out(inv.view_inventory(c.custody, inventory_id))
