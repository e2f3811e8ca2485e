"""The vocabulary of custody (R5.2, R5.4): paper records (printouts) and removable media,
their movements and the periodic inventory of media. No personal value is ever held here:
categories, counts, ids of staff and systems, places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class PaperStatus(StrEnum):
    IN_USE = "in_use"  # printed, on someone's desk: must be locked or shredded in time
    LOCKED = "locked"  # in a locked cabinet
    ARCHIVED = "archived"  # in the locked archive
    SHREDDED = "shredded"  # destroyed (witnessed once the witness confirms)


class MediaKind(StrEnum):
    USB_DRIVE = "usb_drive"
    EXTERNAL_DISK = "external_disk"
    SD_CARD = "sd_card"
    OPTICAL_DISC = "optical_disc"
    TAPE = "tape"
    OTHER = "other"


class MediaStatus(StrEnum):
    STORED = "stored"  # locked away where `location` says
    CHECKED_OUT = "checked_out"  # with `holder`
    MISSING = "missing"  # not found at an inventory (or reported lost)
    WIPED = "wiped"
    DESTROYED = "destroyed"


class Disposal(StrEnum):
    """How a medium left the register (its contents gone for good)."""

    WIPE = "wipe"
    DESTROY = "destroy"


# how paper is destroyed (DIN 66399 / ISO 21964 shredding, or a certified contractor)
SHRED_METHODS = ("cross_cut", "micro_cut", "strip_cut", "pulping", "incineration", "contractor")
# how a medium is wiped or destroyed (NIST SP 800-88: clear, purge, destroy)
WIPE_METHODS = ("overwrite", "crypto_erase", "secure_erase", "degauss")
DESTROY_METHODS = ("shred", "disintegrate", "incinerate", "drill", "contractor")


@dataclass(frozen=True, slots=True)
class Witnessing:
    """Destruction of a record or a medium: who did it, when, how, and the second person
    who saw it (four eyes) — `witnessed_at` set when that person confirmed it themselves."""

    done_on: date
    method: str
    done_by: str  # actor ref of whoever recorded it
    witness: str  # the staff account id named as witness
    recorded_at: datetime
    witnessed_at: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.witnessed_at is None


@dataclass(frozen=True, slots=True)
class PaperRecord:
    id: str
    label: str  # what the document is (a reference such as "Q3 invoice run"), no names
    categories: frozenset[str]
    people: int  # how many people it is about
    system: str  # the data-map system it was printed from
    printed_by: str  # actor ref (staff:<id>, system:<client id>)
    printed_at: datetime
    custodian: str  # staff account id responsible for it
    location: str  # room / site
    cabinet: str  # the lock (cabinet, safe) it belongs in
    status: PaperStatus
    registered_by: str
    registered_at: datetime
    updated_at: datetime
    shredding: Witnessing | None = None
    escalated_at: datetime | None = None  # overdue printout escalated to the officers
    in_use_since: datetime | None = None  # printed, or taken out again (None: printed_at)

    def due_at(self, limit: timedelta) -> datetime:
        """Locked away or shredded by then: the set time after it was printed, or after it
        was last taken out of its cabinet."""
        return (self.in_use_since or self.printed_at) + limit

    def overdue(self, now: datetime, limit: timedelta) -> bool:
        """Still lying about (in use) past the set time since it was printed."""
        return self.status is PaperStatus.IN_USE and now >= self.due_at(limit)


@dataclass(frozen=True, slots=True)
class Medium:
    id: str
    identifier: str  # asset tag or serial number, unique in the register
    kind: MediaKind
    encrypted: bool
    encryption: str  # how (e.g. "LUKS2 AES-256", "BitLocker XTS-AES-256"), "" if not
    categories: frozenset[str]  # what its contents hold; empty: no personal data
    system: str  # the data-map system its contents come from ("" when it holds none)
    custodian: str  # staff account id
    location: str  # where it is locked away (room, safe)
    status: MediaStatus
    registered_by: str
    registered_at: datetime
    updated_at: datetime
    holder: str = ""  # staff account id while checked out
    checked_out_at: datetime | None = None
    missing_since: datetime | None = None
    incident: str = ""  # the incident opened for it when it went missing
    alarmed_at: datetime | None = None  # officers told that it is missing
    disposal: Disposal | None = None
    destruction: Witnessing | None = None

    @property
    def personal(self) -> bool:
        return bool(self.categories)

    @property
    def active(self) -> bool:
        """Still on the register's inventory (not wiped or destroyed)."""
        return self.status in (MediaStatus.STORED, MediaStatus.CHECKED_OUT, MediaStatus.MISSING)


class MoveKind(StrEnum):
    REGISTER = "register"
    CHECK_OUT = "check_out"
    CHECK_IN = "check_in"
    MISSING = "missing"
    FOUND = "found"
    WIPE = "wipe"
    DESTROY = "destroy"
    WITNESSED = "witnessed"
    CONFIRMED = "confirmed"  # seen at an inventory


@dataclass(frozen=True, slots=True)
class Movement:
    """One line of a medium's history."""

    medium_id: str
    at: datetime
    kind: MoveKind
    by: str  # actor ref
    holder: str = ""
    location: str = ""
    inventory_id: str = ""


class InventoryStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class LineOutcome(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Inventory:
    id: str
    started_at: datetime
    started_by: str
    status: InventoryStatus
    closed_at: datetime | None = None
    closed_by: str = ""


@dataclass(frozen=True, slots=True)
class InventoryLine:
    inventory_id: str
    medium_id: str
    outcome: LineOutcome
    by: str = ""
    at: datetime | None = None
    seen_at: str = ""  # where it was found (location or holder)


@dataclass(frozen=True, slots=True)
class MissingMedium:
    """What the incident register is told when a medium holding personal data is missing:
    ids and categories, never a value."""

    medium_id: str
    identifier: str
    kind: str
    encrypted: bool
    categories: frozenset[str]
    system: str
    reported_by: str
    reported_at: datetime
    inventory_id: str = ""
