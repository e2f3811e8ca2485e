"""What the records use cases need from storage: `uow.records`
(adapters/db/stores/records/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RecordVersion:
    """One generated version of the record of processing, as it was kept."""

    version: int
    sha256: str  # of the canonical JSON body (build.digest)
    body: str  # the canonical JSON body
    generated_at: datetime
    generated_by: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """One distinct combination among the items held (R10.1): the purposes they were
    collected for, their person's kind, the system they came from and the channel."""

    purposes: frozenset[str]
    kind: str
    source_system: str
    channel: str


class RecordStore(Protocol):
    def latest(self, *, lock: bool = False) -> RecordVersion | None: ...
    def get(self, version: int) -> RecordVersion | None: ...
    def as_of(self, at: datetime) -> RecordVersion | None:
        """The version in force at `at`: the newest generated at or before it."""

    def versions(self, limit: int = 100) -> list[RecordVersion]:
        """Newest first, without their bodies (body '')."""

    def add(self, v: RecordVersion) -> None: ...
    def provenance(self) -> list[Provenance]:
        """The distinct (purposes collected for, kind, source system, channel) of the items
        of people not erased: one grouped query over the items (index ix_items_provenance)."""
