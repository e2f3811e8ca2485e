"""Access decisions: the record every use of personal data leaves behind (R2.4, R2.10).

The rules that decide (purposes, consent, exceptions, children, systems) grow in
`access.py`; this module defines what a decision *is*. A `Decision` is a value. A
`RecordedDecision` is a decision that the ledger has durably written; only the ledger
can make one, because its `seal` is a MAC under a key that the ledger and the vault share
and nobody else holds. The vault's only plaintext-returning method takes a
`RecordedDecision` and checks the seal, so plaintext without a recorded decision is
impossible by construction, not by convention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Action(StrEnum):
    USE = "use"
    READ = "read"
    EXPORT = "export"
    SHARE = "share"
    DISCLOSE = "disclose"


class ActorKind(StrEnum):
    STAFF = "staff"
    SYSTEM = "system"
    SUBJECT = "subject"
    OPERATOR = "operator"  # the local CLI on the server host


class Outcome(StrEnum):
    """What a decision answered, in one word a caller cannot misread (R2.4)."""

    ALLOWED = "allowed"  # every requested category
    PARTLY_ALLOWED = "partly_allowed"  # some allowed, the others refused (`refused`, reasons)
    DENIED = "denied"  # nothing


@dataclass(frozen=True, slots=True)
class Scope:
    """What a system client's API key may be used for (R2.10): purposes and categories
    (a category covers its subtree). None: not limited on that axis."""

    purposes: frozenset[str] | None = None
    categories: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    kind: ActorKind
    roles: frozenset[str] = frozenset()
    scope: Scope | None = None  # a system client's key scope; the decision point holds to it

    @property
    def ref(self) -> str:
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision came out as it did: a stable code and a sentence in both languages."""

    code: str
    en: str
    zh: str
    categories: tuple[str, ...] = ()  # the categories this reason concerns, if not all


def reason(code: str, en: str, zh: str, cats: Iterable[str] = ()) -> Reason:
    """A reason with its categories in a stable order."""
    return Reason(code, en, zh, tuple(sorted(cats)))


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one rule of the decision point (domain/access_rules.py) refuses, and why."""

    reason: Reason
    refused: frozenset[str]
    liftable: bool = False  # a legal exception in force may lift it


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    at: datetime
    actor: Actor
    action: Action
    subject_id: str
    purpose: str
    requested: frozenset[str]
    allowed: frozenset[str]
    reasons: tuple[Reason, ...]
    policy_version: str
    obligations: tuple[str, ...] = field(default=())
    target_system: str | None = None
    exception_id: str | None = None

    @property
    def refused(self) -> frozenset[str]:
        return self.requested - self.allowed

    @property
    def outcome(self) -> Outcome:
        if not self.allowed:
            return Outcome.DENIED
        return Outcome.PARTLY_ALLOWED if self.refused else Outcome.ALLOWED

    def covers(self, subject_id: str, category: str) -> bool:
        return subject_id == self.subject_id and category in self.allowed


@dataclass(frozen=True, slots=True)
class RecordedDecision:
    decision: Decision
    seal: bytes

    def seal_message(self) -> bytes:
        return seal_message(self.decision)


def seal_message(decision: Decision) -> bytes:
    """The bytes the ledger's MAC covers: everything the vault relies on."""
    return "\x1f".join(
        [
            decision.id,
            decision.subject_id,
            decision.purpose,
            decision.action.value,
            ",".join(sorted(decision.allowed)),
        ]
    ).encode()
