"""Ports: the Protocols the use cases need from the outside world.

adapters/ implements each one for real (SQLAlchemy, AES-GCM, files); tests may pass small
in-memory ones. Use cases depend on these shapes only, never on an adapter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from piiguard.domain.accounts import PolicyVersion, StaffAccount, StaffSession, SystemClient
from piiguard.domain.audit import AuditEntry, AuditEvent, Checkpoint, RowTuple
from piiguard.domain.decisions import Decision, RecordedDecision
from piiguard.domain.subjects import ItemRecord, NewItem, RevealedItem, Subject


class Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class SealedItem:
    """An item as stored: metadata in the clear, the value encrypted (or hashed, for
    credentials), an optional blind-index token for exact-match lookup."""

    record: ItemRecord
    ciphertext: bytes | None
    secret_hash: str | None
    lookup_token: str | None


@dataclass(frozen=True, slots=True)
class ToSeal:
    item_id: str
    subject_id: str
    item: NewItem


class KeyRing(Protocol):
    """Opaque: the unwrapped data keys of some subjects, held only by the vault."""

    def __contains__(self, subject_id: object) -> bool: ...


@dataclass(frozen=True, slots=True)
class SealedValue:
    ciphertext: bytes | None
    secret_hash: str | None
    lookup_token: str | None


@dataclass(frozen=True, slots=True)
class RotationReport:
    new_version: str
    rewrapped: int
    versions_in_use: dict[str, int]


class Vault(Protocol):
    def provision(self, subject_ids: Sequence[str]) -> KeyRing:
        """Create, wrap and durably store a new data key per subject."""

    def keyring(self, subject_ids: Sequence[str]) -> KeyRing:
        """Load and unwrap the data keys of existing subjects (KeyShredded if erased)."""

    def seal(self, ring: KeyRing, batch: Sequence[ToSeal]) -> list[SealedValue]: ...

    def reveal(self, decision: RecordedDecision,
               items: Sequence[SealedItem]) -> list[RevealedItem]:
        """The one way out for plaintext: only items the recorded decision allows."""

    def lookup_token(self, category: str, value: str) -> str | None: ...

    def keyed_hash(self, value: str) -> str: ...

    def verify_credential(self, item: SealedItem, candidate: str) -> bool: ...

    def shred(self, subject_ids: Sequence[str]) -> int: ...

    def subjects_with_keys(self) -> Iterator[str]: ...

    def rotate(self) -> RotationReport: ...

    def retire(self, version: str) -> None: ...


class DecisionLedger(Protocol):
    def record(self, decision: Decision) -> RecordedDecision:
        """Write the decision in the current transaction and seal it for the vault."""

    def get(self, decision_id: str) -> Decision | None: ...


class SubjectRepository(Protocol):
    def add(self, subject: Subject, created_by: str) -> None: ...
    def get(self, subject_id: str) -> Subject | None: ...
    def mark_erased(self, subject_id: str, at: datetime) -> None: ...
    def list(self, *, limit: int, offset: int) -> list[Subject]: ...
    def erased_ids(self) -> Iterator[str]: ...


class ItemRepository(Protocol):
    def add_many(self, items: Sequence[SealedItem]) -> None: ...
    def records(self, subject_id: str) -> list[ItemRecord]: ...
    def sealed(self, subject_id: str, categories: frozenset[str] | None = None
               ) -> list[SealedItem]: ...
    def get(self, item_id: str) -> SealedItem | None: ...
    def replace_value(self, item_id: str, value: SealedValue, *, at: datetime,
                      provenance_recorded_by: str) -> None: ...
    def delete_for_subject(self, subject_id: str) -> int: ...
    def subjects_by_token(self, category: str, token: str) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class AuditQuery:
    subject_id: str | None = None
    actor_id: str | None = None
    action: str | None = None
    since_us: int | None = None
    until_us: int | None = None
    after_seq: int = 0
    limit: int = 100


class AuditLog(Protocol):
    def entries(self, query: AuditQuery) -> list[AuditEntry]: ...
    def rows(self) -> Iterator[RowTuple]: ...
    def checkpoints(self) -> list[Checkpoint]: ...
    def head(self, *, lock: bool = False) -> tuple[int, str]: ...
    def last_checkpoint(self) -> Checkpoint | None: ...
    def hashes(self, first_seq: int, last_seq: int) -> list[str]: ...
    def add_checkpoint(self, checkpoint: Checkpoint) -> None: ...


class ClientRepository(Protocol):
    def add(self, client: SystemClient, key_hash: str, created_by: str) -> None: ...
    def by_prefix(self, prefix: str) -> tuple[SystemClient, str] | None: ...
    def by_name(self, name: str) -> SystemClient | None: ...
    def revoke(self, client_id: str, at: datetime) -> None: ...
    def list(self) -> list[SystemClient]: ...


class StaffRepository(Protocol):
    def add(self, account: StaffAccount, password_hash: str) -> None: ...
    def by_email(self, email: str) -> tuple[StaffAccount, str] | None: ...
    def count(self) -> int: ...
    def set_password_hash(self, staff_id: str, password_hash: str) -> None: ...
    def add_session(self, token_hash: str, staff_id: str, created_at: datetime,
                    expires_at: datetime) -> None: ...
    def session(self, token_hash: str) -> StaffSession | None: ...
    def revoke_session(self, token_hash: str, at: datetime) -> None: ...
    def add_setup_token(self, token_hash: str, created_at: datetime,
                        expires_at: datetime) -> None: ...
    def use_setup_token(self, token_hash: str, at: datetime) -> bool:
        """Mark an unused, unexpired token used; False when there is no such token."""


class PolicyRepository(Protocol):
    def add(self, version: PolicyVersion) -> None: ...
    def latest(self) -> PolicyVersion | None: ...
    def list(self) -> list[PolicyVersion]: ...


class UnitOfWork(Protocol):
    """One transaction. Audit events recorded here are chained and written on commit, in
    the same transaction as the change they describe."""

    subjects: SubjectRepository
    items: ItemRepository
    decisions: DecisionLedger
    audit_log: AuditLog
    clients: ClientRepository
    staff: StaffRepository
    policies: PolicyRepository

    def __enter__(self) -> Self: ...
    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...
    def audit(self, event: AuditEvent) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class PasswordHashing(Protocol):
    """One-way password hashing (argon2id in adapters)."""

    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...
    def needs_rehash(self, password_hash: str) -> bool: ...


class CheckpointSigner(Protocol):
    key_id: str

    def sign(self, message: bytes) -> str: ...
    def verify(self, checkpoint: Checkpoint) -> bool: ...
    def witness(self) -> Checkpoint | None:
        """The newest checkpoint kept outside the database."""

    def keep_witness(self, checkpoint: Checkpoint) -> None: ...
