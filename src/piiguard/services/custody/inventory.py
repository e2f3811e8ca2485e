"""The periodic inventory of removable media (R5.4): a privacy officer starts one — a line
for every medium on the register (stored, checked out, or missing since an earlier one) —
and each line is settled: the medium seen (where, or with whom) or reported missing. It
closes only when every line is settled; the next is due PIIGUARD_MEDIA_INVENTORY_DAYS after
the last one closed (front page). A medium reported missing (at an inventory or any time)
that holds personal data opens an incident through the incident register's seam
(`CustodyKit.incidents`); until one is opened — or an officer records the incident's
reference — it is an alarm on the front page, on the audit trail, and (by the custody job)
in the officers' mail. Found again, it is back under lock."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.custody.ports import CustodyUnitOfWork
from piiguard.domain.custody.records import (
    Inventory,
    InventoryLine,
    InventoryStatus,
    LineOutcome,
    MediaStatus,
    Medium,
    MissingMedium,
    MoveKind,
    Movement,
)
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from piiguard.services.custody.kit import (
    CustodyKit,
    audited,
    require_handler,
    require_officer,
    text,
)
from piiguard.services.custody.media import get_medium
from piiguard.services.ids import new_id

log = logging.getLogger(__name__)
TARGET = "media_inventory"
COUNTED = (MediaStatus.STORED, MediaStatus.CHECKED_OUT, MediaStatus.MISSING)
GONE = (MediaStatus.WIPED, MediaStatus.DESTROYED)


@dataclass(frozen=True, slots=True)
class InventoryView:
    inventory: Inventory
    lines: list[InventoryLine]
    media: dict[str, Medium]

    @property
    def pending(self) -> int:
        return sum(1 for x in self.lines if x.outcome is LineOutcome.PENDING)


@dataclass(frozen=True, slots=True)
class InventoryState:
    last_closed: Inventory | None
    open: Inventory | None
    next_due: datetime | None  # None: nothing on the register to count
    overdue: bool


def start_inventory(kit: CustodyKit, actor: Actor) -> InventoryView:
    require_officer(actor, "starts an inventory of removable media")
    uow = kit.uow()
    with uow:
        if any(i.status is InventoryStatus.OPEN for i in uow.custody.inventories(20)):
            raise Conflict("an inventory is already open: settle and close it first")
        media = uow.custody.media(COUNTED, 100_000)
        if not media:
            raise Conflict("no removable medium on the register to count")
        now = kit.clock.now()
        inv = Inventory(new_id(), now, actor.ref, InventoryStatus.OPEN)
        lines = [InventoryLine(inv.id, m.id, LineOutcome.PENDING) for m in media]
        uow.custody.add_inventory(inv, lines)
        audited(uow, actor, "media_inventory.start", TARGET, inv.id, media=len(lines))
        uow.commit()
    return InventoryView(inv, lines, {m.id: m for m in media})


def view_inventory(kit: CustodyKit, inventory_id: str) -> InventoryView:
    uow = kit.uow(readonly=True)
    with uow:
        inv = uow.custody.inventory(inventory_id)
        if inv is None:
            raise NotFound(f"no inventory {inventory_id}", field="inventory_id")
        lines = uow.custody.lines(inv.id)
        media = {m.id: m for m in uow.custody.media((), 100_000)}
    return InventoryView(inv, lines, {x.medium_id: media[x.medium_id] for x in lines})


def list_inventories(kit: CustodyKit, limit: int = 100) -> list[Inventory]:
    uow = kit.uow(readonly=True)
    with uow:
        return uow.custody.inventories(limit)


def settle_line(
    kit: CustodyKit,
    actor: Actor,
    inventory_id: str,
    medium_id: str,
    outcome: LineOutcome,
    seen_at: str = "",
) -> InventoryLine:
    """A line settled: `confirmed` (seen at `seen_at`: where, or with whom) or `missing`."""
    require_handler(actor, "counts removable media")
    if outcome is LineOutcome.PENDING:
        raise InvalidInput("confirm the medium or report it missing", field="outcome")
    seen = text(seen_at, "seen_at", 200, required=outcome is LineOutcome.CONFIRMED)
    uow = kit.uow()
    with uow:
        inv = uow.custody.inventory(inventory_id, lock=True)
        if inv is None:
            raise NotFound(f"no inventory {inventory_id}", field="inventory_id")
        if inv.status is not InventoryStatus.OPEN:
            raise Conflict(f"inventory {inventory_id} is closed", field="inventory_id")
        m = get_medium(uow, medium_id, lock=True)
        if not m.active:  # wiped or destroyed since the inventory started: not counted
            raise Conflict(f"medium {m.identifier} is {m.status.value}", field="medium_id")
        line = next((x for x in uow.custody.lines(inv.id) if x.medium_id == m.id), None)
        if line is None:
            raise NotFound(f"medium {m.identifier} is not on this inventory", field="medium_id")
        now = kit.clock.now()
        line = replace(line, outcome=outcome, by=actor.ref, at=now, seen_at=seen)
        uow.custody.save_line(line)
        if outcome is LineOutcome.CONFIRMED:
            if m.status is MediaStatus.MISSING:
                m = _found(m, now, seen)
                audited(uow, actor, "medium.found", "medium", m.id, inventory=inv.id)
            m = replace(m, updated_at=now)
            uow.custody.save_medium(m)
            uow.custody.add_movement(
                Movement(
                    m.id, now, MoveKind.CONFIRMED, actor.ref, location=seen, inventory_id=inv.id
                )
            )
            audited(uow, actor, "media_inventory.confirm", TARGET, inv.id, medium=m.id)
            uow.commit()
            return line
        audited(uow, actor, "media_inventory.missing", TARGET, inv.id, medium=m.id)
        missing = _mark_missing(uow, actor, m, now, inv.id)
        uow.commit()
    if missing is not None:
        open_incident_for(kit, actor, missing)
    return line


def _found(m: Medium, now: datetime, where: str) -> Medium:
    return replace(
        m,
        status=MediaStatus.STORED,
        holder="",
        checked_out_at=None,
        location=where or m.location,
        missing_since=None,
        alarmed_at=None,
        updated_at=now,
    )


def _mark_missing(
    uow: CustodyUnitOfWork, actor: Actor, m: Medium, now: datetime, inventory_id: str
) -> MissingMedium | None:
    """The medium missing (once: a medium already missing stays so, since then); what to
    tell the incident register when it holds personal data and has no incident yet."""
    if m.status is not MediaStatus.MISSING:
        m = replace(m, status=MediaStatus.MISSING, missing_since=now, updated_at=now)
        uow.custody.save_medium(m)
        uow.custody.add_movement(
            Movement(m.id, now, MoveKind.MISSING, actor.ref, inventory_id=inventory_id)
        )
        audited(
            uow,
            actor,
            "medium.missing",
            "medium",
            m.id,
            personal=m.personal,
            encrypted=m.encrypted,
            categories=sorted(m.categories),
            system=m.system,
            inventory=inventory_id,
        )
    if not m.personal or m.incident:
        return None
    return MissingMedium(
        m.id,
        m.identifier,
        m.kind.value,
        m.encrypted,
        m.categories,
        m.system,
        actor.ref,
        now,
        inventory_id,
    )


def report_missing(kit: CustodyKit, actor: Actor, medium_id: str) -> Medium:
    """A medium reported lost outside an inventory (or at one, by `settle_line`)."""
    require_handler(actor, "reports a medium missing")
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        if not m.active:
            raise Conflict(f"medium {m.identifier} is {m.status.value}", field="medium_id")
        if m.status is MediaStatus.MISSING:
            raise Conflict(f"medium {m.identifier} is already missing", field="medium_id")
        missing = _mark_missing(uow, actor, m, kit.clock.now(), "")
        uow.commit()
    if missing is not None:
        open_incident_for(kit, actor, missing)
    return view_medium_now(kit, m.id)


def record_found(kit: CustodyKit, actor: Actor, medium_id: str, location: str) -> Medium:
    """A missing medium found: back under lock at `location` (any incident stays open in
    its own register; the finding is on the trail)."""
    require_handler(actor, "records a medium found")
    where = text(location, "location", 200)
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        if m.status is not MediaStatus.MISSING:
            raise Conflict(f"medium {m.identifier} is not missing", field="medium_id")
        now = kit.clock.now()
        m = _found(m, now, where)
        uow.custody.save_medium(m)
        uow.custody.add_movement(Movement(m.id, now, MoveKind.FOUND, actor.ref, location=where))
        audited(uow, actor, "medium.found", "medium", m.id, incident=m.incident)
        uow.commit()
    return m


def open_incident_for(kit: CustodyKit, actor: Actor, missing: MissingMedium) -> str:
    """Through the incident register's seam, when one is wired: the incident's id kept on
    the medium. Without one (or when it fails) the medium stays an alarm: front page, audit
    trail, the officers' mail (job.py) — until an officer records an incident reference."""
    if kit.incidents is None:
        return ""
    try:
        incident = kit.incidents(missing)
    except DomainError as exc:  # the medium stays an alarm; the trail says so
        log.warning("medium %s: no incident opened (%s)", missing.medium_id, exc.code)
        return ""
    link_incident(kit, actor, missing.medium_id, incident, opened=True)
    return incident


def link_incident(
    kit: CustodyKit, actor: Actor, medium_id: str, reference: str, *, opened: bool = False
) -> Medium:
    """The incident a missing medium is handled under (opened through the seam, or an
    officer's reference to one): the front page's alarm is then settled."""
    if not opened:
        require_officer(actor, "records the incident of a missing medium")
    ref = text(reference, "incident", 80)
    uow = kit.uow()
    with uow:
        m = get_medium(uow, medium_id, lock=True)
        if m.status is not MediaStatus.MISSING:
            raise Conflict(f"medium {m.identifier} is not missing", field="medium_id")
        if m.incident:
            raise Conflict(f"medium {m.identifier} is handled under incident {m.incident}")
        m = replace(m, incident=ref, updated_at=kit.clock.now())
        uow.custody.save_medium(m)
        audited(uow, actor, "medium.incident", "medium", m.id, incident=ref, opened=opened)
        uow.commit()
    return m


def view_medium_now(kit: CustodyKit, medium_id: str) -> Medium:
    uow = kit.uow(readonly=True)
    with uow:
        return get_medium(uow, medium_id)


def close_inventory(kit: CustodyKit, actor: Actor, inventory_id: str) -> Inventory:
    """Closed once every medium on it is confirmed or reported missing."""
    require_officer(actor, "closes an inventory of removable media")
    uow = kit.uow()
    with uow:
        inv = uow.custody.inventory(inventory_id, lock=True)
        if inv is None:
            raise NotFound(f"no inventory {inventory_id}", field="inventory_id")
        if inv.status is not InventoryStatus.OPEN:
            raise Conflict(f"inventory {inventory_id} is closed", field="inventory_id")
        lines = uow.custody.lines(inv.id)
        # a medium wiped or destroyed (witnessed) since the inventory started is accounted
        # for by its destruction record
        gone = {m.id for m in uow.custody.media(GONE, 100_000)}
        pending = sum(
            1 for x in lines if x.outcome is LineOutcome.PENDING and x.medium_id not in gone
        )
        if pending:
            raise Conflict(
                f"{pending} media not yet confirmed or reported missing", field="inventory_id"
            )
        inv = replace(
            inv, status=InventoryStatus.CLOSED, closed_at=kit.clock.now(), closed_by=actor.ref
        )
        uow.custody.save_inventory(inv)
        missing = sum(1 for x in lines if x.outcome is LineOutcome.MISSING)
        audited(
            uow,
            actor,
            "media_inventory.close",
            TARGET,
            inv.id,
            confirmed=len(lines) - missing,
            missing=missing,
        )
        uow.commit()
    return inv


def inventory_state(kit: CustodyKit) -> InventoryState:
    """The last closed inventory, one open, when the next is due (and whether overdue)."""
    now = kit.clock.now()
    uow = kit.uow(readonly=True)
    with uow:
        recent = uow.custody.inventories(100)
        counted = bool(uow.custody.media(COUNTED, 1))
    closed = next((i for i in recent if i.status is InventoryStatus.CLOSED), None)
    open_ = next((i for i in recent if i.status is InventoryStatus.OPEN), None)
    if not counted:
        return InventoryState(closed, open_, None, False)
    if closed is None or closed.closed_at is None:
        return InventoryState(None, open_, now, True)
    due = closed.closed_at + timedelta(days=kit.terms.inventory_days)
    return InventoryState(closed, open_, due, now >= due)


def missing_alarms(kit: CustodyKit) -> list[Medium]:
    """Media missing with personal data and no incident yet: the front page's alarm."""
    uow = kit.uow(readonly=True)
    with uow:
        found = uow.custody.media((MediaStatus.MISSING,), 10_000)
    return [m for m in found if m.personal and not m.incident]
