"""Removable media (R5.4): each medium registered — identifier, kind, encryption (required
for sensitive categories: refused otherwise), its contents' categories and the designated
system they come from (R5.6), custodian, where it is locked away — then checked out to a
member of staff and checked in (its history), and at the end wiped or destroyed with a
witness: a second person, who confirms it with their own account (four eyes). Every step
is an audit entry on target `medium/<id>` and a line of the medium's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from piiguard.domain.custody.ports import CustodyUnitOfWork
from piiguard.domain.custody.records import (
    DESTROY_METHODS,
    WIPE_METHODS,
    Disposal,
    MediaKind,
    MediaStatus,
    Medium,
    MoveKind,
    Movement,
    Witnessing,
)
from piiguard.domain.custody.rules import (
    check_witness,
    confirm_as_witness,
    encryption_refusals,
    refuse,
)
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.services.custody.kit import (
    CustodyKit,
    active_staff,
    audited,
    check_day,
    check_source,
    require_handler,
    require_keeper,
    text,
)
from piiguard.services.ids import new_id

TARGET = "medium"


def get_medium(uow: CustodyUnitOfWork, medium_id: str, *, lock: bool = False) -> Medium:
    """Inside an open unit of work: by id, or by its identifier (asset tag, serial)."""
    m = uow.custody.medium(medium_id, lock=lock)
    if m is None:
        by_tag = uow.custody.medium_by_identifier(medium_id)
        m = uow.custody.medium(by_tag.id, lock=lock) if by_tag else None
    if m is None:
        raise NotFound(f"no removable medium {medium_id}", field="medium_id")
    return m


def _moved(uow: CustodyUnitOfWork, m: Medium, kind: MoveKind, actor: Actor, **kw: str) -> None:
    uow.custody.add_movement(Movement(m.id, m.updated_at, kind, actor.ref, **kw))


def register_medium(
    kit: CustodyKit,
    actor: Actor,
    *,
    identifier: str,
    kind: MediaKind,
    encrypted: bool,
    encryption: str,
    categories: frozenset[str],
    system: str,
    custodian: str,
    location: str,
) -> Medium:
    """A medium on the register, locked away at `location`. With personal data its
    contents come from a designated approved system holding them (R5.6); with a sensitive
    category it must be encrypted and say how (R5.4, R5.5). No personal data: no system."""
    require_handler(actor, "registers a removable medium")
    identifier = text(identifier, "identifier", 120)
    encryption = text(encryption, "encryption", 200, required=False)
    location = text(location, "location", 200)
    if encrypted and not encryption:
        raise InvalidInput("name how the medium is encrypted", field="encryption")
    uow = kit.uow()
    with uow:
        if categories:
            check_source(uow, kit, actor, system, categories)
            state = kit.snapshots.current(uow)
            refuse(encryption_refusals(state.taxonomy, categories, encrypted, encryption))
        elif system.strip():
            raise InvalidInput(
                "a medium without personal data names no system; name its categories",
                field="categories",
            )
        if uow.custody.medium_by_identifier(identifier) is not None:
            raise Conflict(f"medium {identifier} is already registered", field="identifier")
        keeper = active_staff(uow, custodian, "custodian")
        now = kit.clock.now()
        m = Medium(
            new_id(),
            identifier,
            kind,
            encrypted,
            encryption if encrypted else "",
            frozenset(categories),
            system.strip() if categories else "",
            keeper,
            location,
            MediaStatus.STORED,
            actor.ref,
            now,
            now,
        )
        uow.custody.add_medium(m)
        _moved(uow, m, MoveKind.REGISTER, actor, location=location)
        audited(
            uow,
            actor,
            "medium.register",
            TARGET,
            m.id,
            kind=kind.value,
            encrypted=encrypted,
            categories=sorted(m.categories),
            system=m.system,
            custodian=keeper,
        )
        uow.commit()
    return m


def check_out(kit: CustodyKit, actor: Actor, medium_id: str, holder: str = "") -> Medium:
    """Out of its lock to `holder` (default: whoever checks it out)."""
    require_handler(actor, "checks a medium out")
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        if m.status is not MediaStatus.STORED:
            raise Conflict(f"medium {m.identifier} is {m.status.value}", field="medium_id")
        who = active_staff(uow, holder or actor.id, "holder")
        now = kit.clock.now()
        m = replace(
            m, status=MediaStatus.CHECKED_OUT, holder=who, checked_out_at=now, updated_at=now
        )
        uow.custody.save_medium(m)
        _moved(uow, m, MoveKind.CHECK_OUT, actor, holder=who)
        audited(uow, actor, "medium.check_out", TARGET, m.id, holder=who)
        uow.commit()
    return m


def check_in(kit: CustodyKit, actor: Actor, medium_id: str, location: str = "") -> Medium:
    """Back under lock, where it was kept (or at `location`)."""
    require_handler(actor, "checks a medium in")
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        if m.status is not MediaStatus.CHECKED_OUT:
            raise Conflict(f"medium {m.identifier} is {m.status.value}", field="medium_id")
        where = text(location, "location", 200) if location.strip() else m.location
        moved_elsewhere = where != m.location
        now = kit.clock.now()
        m = replace(
            m,
            status=MediaStatus.STORED,
            holder="",
            checked_out_at=None,
            location=where,
            updated_at=now,
        )
        uow.custody.save_medium(m)
        _moved(uow, m, MoveKind.CHECK_IN, actor, location=where)
        audited(uow, actor, "medium.check_in", TARGET, m.id, location_changed=moved_elsewhere)
        uow.commit()
    return m


def dispose_medium(
    kit: CustodyKit,
    actor: Actor,
    medium_id: str,
    *,
    how: Disposal,
    done_on: date,
    method: str,
    witness: str,
) -> Medium:
    """Wiped or destroyed on `done_on` by `method`, seen by `witness` — a second person,
    who confirms it with `witness_medium`. A medium out with someone is checked in first."""
    methods = WIPE_METHODS if how is Disposal.WIPE else DESTROY_METHODS
    if method not in methods:
        raise InvalidInput(f"method must be one of {', '.join(methods)}", field="method")
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        require_keeper(actor, m.custodian, f"records that a medium is {how.value}d")
        if m.status is MediaStatus.CHECKED_OUT:
            raise Conflict(
                f"medium {m.identifier} is checked out: check it in first", field="medium_id"
            )
        if not m.active:
            raise Conflict(f"medium {m.identifier} is {m.status.value}", field="medium_id")
        if m.status is MediaStatus.MISSING:
            raise Conflict(
                f"medium {m.identifier} is missing: record it found first", field="medium_id"
            )
        seen_by = active_staff(uow, witness, "witness")
        check_witness(actor, actor.ref, seen_by)
        now = kit.clock.now()
        day = check_day(done_on, now, "done_on")
        status = MediaStatus.WIPED if how is Disposal.WIPE else MediaStatus.DESTROYED
        m = replace(
            m,
            status=status,
            disposal=how,
            destruction=Witnessing(day, method, actor.ref, seen_by, now),
            updated_at=now,
        )
        uow.custody.save_medium(m)
        _moved(uow, m, MoveKind.WIPE if how is Disposal.WIPE else MoveKind.DESTROY, actor)
        audited(
            uow,
            actor,
            f"medium.{how.value}",
            TARGET,
            m.id,
            method=method,
            done_on=day.isoformat(),
            witness=seen_by,
            categories=sorted(m.categories),
        )
        uow.commit()
    return m


def witness_medium(kit: CustodyKit, actor: Actor, medium_id: str) -> Medium:
    """The named witness confirms the wipe or destruction they saw (own staff account)."""
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        w = m.destruction
        if w is None:
            raise Conflict(
                f"medium {m.identifier} is neither wiped nor destroyed", field="medium_id"
            )
        if not w.pending:
            raise Conflict("already witnessed", field="medium_id")
        confirm_as_witness(actor, w.done_by, w.witness)
        now = kit.clock.now()
        m = replace(m, destruction=replace(w, witnessed_at=now), updated_at=now)
        uow.custody.save_medium(m)
        _moved(uow, m, MoveKind.WITNESSED, actor)
        audited(uow, actor, "medium.witness", TARGET, m.id, done_by=w.done_by)
        uow.commit()
    return m


def list_media(
    kit: CustodyKit, statuses: tuple[MediaStatus, ...] = (), limit: int = 1000
) -> list[Medium]:
    uow = kit.uow(readonly=True)
    with uow:
        return uow.custody.media(statuses, limit)


def view_medium(kit: CustodyKit, medium_id: str) -> tuple[Medium, list[Movement]]:
    """A medium and its history, oldest first."""
    uow = kit.uow(readonly=True)
    with uow:
        m = get_medium(uow, medium_id)
        return m, uow.custody.movements(m.id)


def media_awaiting_witness(kit: CustodyKit, witness: str | None = None) -> list[Medium]:
    uow = kit.uow(readonly=True)
    with uow:
        found = uow.custody.media(
            (MediaStatus.WIPED, MediaStatus.DESTROYED), 10_000, witness=witness
        )
    return [m for m in found if m.destruction is not None and m.destruction.pending]
