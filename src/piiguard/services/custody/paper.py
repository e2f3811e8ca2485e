"""Paper records (R5.2): a printout registered — what it holds (categories, how many
people), from which designated system (R5.6) and by whom, its custodian and the cabinet it
belongs in — then locked, archived or shredded. A printout still in use past
PIIGUARD_PAPER_LOCK_HOURS is overdue (front page; the custody job escalates it). Shredding
records the day, the method and a witness: a second person, who confirms it with their own
account (four eyes). Every step is an audit entry on target `paper/<id>` (ids, categories,
counts — the label stays off the trail)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from piiguard.domain.custody.ports import CustodyUnitOfWork
from piiguard.domain.custody.records import SHRED_METHODS, PaperRecord, PaperStatus, Witnessing
from piiguard.domain.custody.rules import check_witness, confirm_as_witness
from piiguard.domain.decisions import Actor, ActorKind
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

TARGET = "paper"
MAX_PEOPLE = 10_000_000


def get_paper(uow: CustodyUnitOfWork, record_id: str, *, lock: bool = False) -> PaperRecord:
    """Inside an open unit of work."""
    p = uow.custody.paper(record_id, lock=lock)
    if p is None:
        raise NotFound(f"no paper record {record_id}", field="record_id")
    return p


def register_print(
    kit: CustodyKit,
    actor: Actor,
    *,
    label: str,
    categories: frozenset[str],
    people: int,
    system: str,
    custodian: str,
    location: str,
    cabinet: str,
    printed_by: str = "",
    printed_at: datetime | None = None,
) -> PaperRecord:
    """A printout on the register, `in_use` until locked away or shredded. A system (API
    key) names the member of staff who printed it (`printed_by`); staff print themselves
    unless they name someone else. Refused from a system that is not a designated,
    approved one holding these categories (R5.6), or outside the API key's scope."""
    if actor.kind is not ActorKind.SYSTEM:
        require_handler(actor, "registers a printout")
    label = text(label, "label", 200)
    location = text(location, "location", 200)
    cabinet = text(cabinet, "cabinet", 200)
    if not categories:
        raise InvalidInput("name the categories the printout holds", field="categories")
    if not 1 <= people <= MAX_PEOPLE:
        raise InvalidInput(f"people must be 1–{MAX_PEOPLE:,}", field="people")
    now = kit.clock.now()
    at = printed_at or now
    if at > now:
        raise InvalidInput("printed_at is in the future", field="printed_at")
    uow = kit.uow()
    with uow:
        check_source(uow, kit, actor, system, categories)
        keeper = active_staff(uow, custodian, "custodian")
        if printed_by.strip():
            printer = "staff:" + active_staff(uow, printed_by, "printed_by")
        elif actor.kind is ActorKind.SYSTEM:
            raise InvalidInput(
                "a system names the member of staff who printed it", field="printed_by"
            )
        else:
            printer = actor.ref
        p = PaperRecord(
            new_id(),
            label,
            frozenset(categories),
            people,
            system,
            printer,
            at,
            keeper,
            location,
            cabinet,
            PaperStatus.IN_USE,
            actor.ref,
            now,
            now,
        )
        uow.custody.add_paper(p)
        audited(
            uow,
            actor,
            "paper.register",
            TARGET,
            p.id,
            system=system,
            categories=sorted(p.categories),
            people=people,
            custodian=keeper,
            printed_by=printer,
        )
        uow.commit()
    return p


def _move(
    kit: CustodyKit,
    actor: Actor,
    record_id: str,
    status: PaperStatus,
    location: str,
    cabinet: str,
    custodian: str,
) -> PaperRecord:
    uow = kit.uow()
    with uow:
        p = get_paper(uow, record_id, lock=True)
        require_keeper(actor, p.custodian, f"puts a printout {status.value}")
        if p.status is PaperStatus.SHREDDED:
            raise Conflict(f"paper record {record_id} is shredded", field="record_id")
        keeper = active_staff(uow, custodian, "custodian") if custodian.strip() else p.custodian
        moved = replace(
            p,
            status=status,
            location=text(location, "location", 200) if location.strip() else p.location,
            cabinet=text(cabinet, "cabinet", 200) if cabinet.strip() else p.cabinet,
            custodian=keeper,
            updated_at=kit.clock.now(),
        )
        uow.custody.save_paper(moved)
        audited(
            uow,
            actor,
            f"paper.{status.value}",
            TARGET,
            p.id,
            was=p.status.value,
            custodian=keeper,
        )
        uow.commit()
    return moved


def lock_paper(
    kit: CustodyKit,
    actor: Actor,
    record_id: str,
    *,
    location: str = "",
    cabinet: str = "",
    custodian: str = "",
) -> PaperRecord:
    """Locked in its cabinet (or the one named, and a new custodian if named)."""
    return _move(kit, actor, record_id, PaperStatus.LOCKED, location, cabinet, custodian)


def archive_paper(
    kit: CustodyKit,
    actor: Actor,
    record_id: str,
    *,
    location: str = "",
    cabinet: str = "",
    custodian: str = "",
) -> PaperRecord:
    """Moved to the locked archive."""
    return _move(kit, actor, record_id, PaperStatus.ARCHIVED, location, cabinet, custodian)


def take_out_paper(kit: CustodyKit, actor: Actor, record_id: str) -> PaperRecord:
    """Taken out of its cabinet to work with: in use again (the clock starts again)."""
    uow = kit.uow()
    with uow:
        p = get_paper(uow, record_id, lock=True)
        require_keeper(actor, p.custodian, "takes a printout out")
        if p.status not in (PaperStatus.LOCKED, PaperStatus.ARCHIVED):
            raise Conflict(f"paper record {record_id} is {p.status.value}", field="record_id")
        now = kit.clock.now()
        out = replace(
            p, status=PaperStatus.IN_USE, in_use_since=now, updated_at=now, escalated_at=None
        )
        uow.custody.save_paper(out)
        audited(uow, actor, "paper.in_use", TARGET, p.id, was=p.status.value)
        uow.commit()
    return out


def shred_paper(
    kit: CustodyKit,
    actor: Actor,
    record_id: str,
    *,
    shredded_on: date,
    method: str,
    witness: str,
) -> PaperRecord:
    """Shredded on `shredded_on` by `method`, seen by `witness` — a second person (never
    the one recording it), who confirms it with `witness_paper`."""
    if method not in SHRED_METHODS:
        raise InvalidInput(f"method must be one of {', '.join(SHRED_METHODS)}", field="method")
    uow = kit.uow()
    with uow:
        p = get_paper(uow, record_id, lock=True)
        require_keeper(actor, p.custodian, "records a shredding")
        if p.status is PaperStatus.SHREDDED:
            raise Conflict(f"paper record {record_id} is already shredded", field="record_id")
        seen_by = active_staff(uow, witness, "witness")
        check_witness(actor, actor.ref, seen_by)
        now = kit.clock.now()
        day = check_day(shredded_on, now, "shredded_on")
        if day < p.printed_at.date():
            raise InvalidInput("shredded_on is before it was printed", field="shredded_on")
        done = replace(
            p,
            status=PaperStatus.SHREDDED,
            updated_at=now,
            shredding=Witnessing(day, method, actor.ref, seen_by, now),
        )
        uow.custody.save_paper(done)
        audited(
            uow,
            actor,
            "paper.shred",
            TARGET,
            p.id,
            was=p.status.value,
            method=method,
            shredded_on=day.isoformat(),
            witness=seen_by,
        )
        uow.commit()
    return done


def witness_paper(kit: CustodyKit, actor: Actor, record_id: str) -> PaperRecord:
    """The named witness confirms the shredding they saw (their own staff account)."""
    uow = kit.uow()
    with uow:
        p = get_paper(uow, record_id, lock=True)
        w = p.shredding
        if p.status is not PaperStatus.SHREDDED or w is None:
            raise Conflict(f"paper record {record_id} is not shredded", field="record_id")
        if not w.pending:
            raise Conflict("the shredding is already witnessed", field="record_id")
        confirm_as_witness(actor, w.done_by, w.witness)
        done = replace(p, shredding=replace(w, witnessed_at=kit.clock.now()))
        uow.custody.save_paper(done)
        audited(uow, actor, "paper.witness", TARGET, p.id, shredded_by=w.done_by)
        uow.commit()
    return done


def list_papers(
    kit: CustodyKit, statuses: tuple[PaperStatus, ...] = (), limit: int = 1000
) -> list[PaperRecord]:
    uow = kit.uow(readonly=True)
    with uow:
        return uow.custody.papers(statuses, limit)


def view_paper(kit: CustodyKit, record_id: str) -> PaperRecord:
    uow = kit.uow(readonly=True)
    with uow:
        return get_paper(uow, record_id)


def overdue_papers(kit: CustodyKit, now: datetime | None = None) -> list[PaperRecord]:
    """Printouts still in use past the set time (oldest first)."""
    at = now or kit.clock.now()
    uow = kit.uow(readonly=True)
    with uow:
        found = uow.custody.papers(
            (PaperStatus.IN_USE,), 10_000, in_use_before=at - kit.paper_limit
        )
    return sorted(found, key=lambda p: p.in_use_since or p.printed_at)


def awaiting_witness(kit: CustodyKit, witness: str | None = None) -> list[PaperRecord]:
    """Shreddings not yet confirmed by their witness (`witness`: only that person's)."""
    uow = kit.uow(readonly=True)
    with uow:
        found = uow.custody.papers((PaperStatus.SHREDDED,), 10_000, witness=witness)
    return [p for p in found if p.shredding is not None and p.shredding.pending]
