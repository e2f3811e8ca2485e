"""What the custody use cases need from storage (`uow.custody`,
adapters/db/stores/custody/), the unit of work that has it, and the seam to the incident
register (`IncidentOpener`): a missing medium holding personal data opens an incident."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from piiguard.domain.custody.records import (
    Inventory,
    InventoryLine,
    MediaStatus,
    Medium,
    MissingMedium,
    Movement,
    PaperRecord,
    PaperStatus,
)
from piiguard.domain.ports import UnitOfWork


class CustodyStore(Protocol):
    def add_paper(self, p: PaperRecord) -> None: ...
    def paper(self, record_id: str, *, lock: bool = False) -> PaperRecord | None: ...
    def save_paper(self, p: PaperRecord) -> None: ...
    def papers(
        self,
        statuses: Sequence[PaperStatus] = (),
        limit: int = 1000,
        *,
        in_use_before: datetime | None = None,
        witness: str | None = None,
    ) -> list[PaperRecord]: ...
    def add_medium(self, m: Medium) -> None: ...
    def medium(self, medium_id: str, *, lock: bool = False) -> Medium | None: ...
    def medium_by_identifier(self, identifier: str) -> Medium | None: ...
    def save_medium(self, m: Medium) -> None: ...
    def media(
        self, statuses: Sequence[MediaStatus] = (), limit: int = 1000, *, witness: str | None = None
    ) -> list[Medium]: ...
    def add_movement(self, mv: Movement) -> None: ...
    def movements(self, medium_id: str) -> list[Movement]: ...
    def add_inventory(self, inv: Inventory, lines: Sequence[InventoryLine]) -> None: ...
    def inventory(self, inventory_id: str, *, lock: bool = False) -> Inventory | None: ...
    def inventories(self, limit: int = 100) -> list[Inventory]: ...
    def save_inventory(self, inv: Inventory) -> None: ...
    def lines(self, inventory_id: str) -> list[InventoryLine]: ...
    def save_line(self, line: InventoryLine) -> None: ...


class CustodyUnitOfWork(UnitOfWork, Protocol):
    """A unit of work with the custody registers (the adapters' SqlUnitOfWork is one)."""

    @property
    def custody(self) -> CustodyStore: ...


class IncidentOpener(Protocol):
    """Opens an incident for a medium gone missing with personal data and returns its id
    (the incident register's own transaction). bootstrap wires the incident register's
    use case here once it exists; until then none is wired, and the missing medium stays
    an alarm on the console's front page, on the audit trail and in the officers' mail."""

    def __call__(self, missing: MissingMedium) -> str: ...
