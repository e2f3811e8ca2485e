"""Consent, restriction, objection and guardianship (R2.4, R6.1, R6.2).

A consent is a record with its evidence; withdrawing it is as easy as granting and takes
effect on the next decision. PIPL asks for *separate* consent for sensitive categories
(Art. 29) and for transfer abroad (Art. 39): those are their own kinds, never implied by a
general consent. A child's data needs the consent of a guardian whose link to the child
staff verified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from piiguard.domain.subjects import Channel


class ConsentKind(StrEnum):
    GENERAL = "general"
    SENSITIVE = "sensitive"  # PIPL Art. 29
    TRANSFER_ABROAD = "transfer_abroad"  # PIPL Art. 39
    GUARDIAN = "guardian"  # given by a verified guardian for a child (PIPL Art. 31)


@dataclass(frozen=True, slots=True)
class Consent:
    id: str
    subject_id: str
    purpose: str
    kind: ConsentKind
    granted_at: datetime
    channel: Channel
    policy_version: str
    text_hash: str  # SHA-256 of the text shown when it was given
    recorded_by: str
    given_by: str | None = None  # the guardian's subject id, for guardian consent
    withdrawn_at: datetime | None = None
    # a transfer-abroad consent names the recipient (register key) or the destination
    # country (ISO 3166 alpha-2) it was given for; a share abroad needs one that names it
    recipient: str | None = None
    destination: str | None = None

    def in_force(self, at: datetime) -> bool:
        return self.granted_at <= at and (self.withdrawn_at is None or at < self.withdrawn_at)


class RestrictionKind(StrEnum):
    RESTRICTION = "restriction"  # limit processing (all purposes when purpose is None)
    OBJECTION = "objection"  # refuse a purpose


@dataclass(frozen=True, slots=True)
class Restriction:
    id: str
    subject_id: str
    kind: RestrictionKind
    purpose: str | None
    since: datetime
    lifted_at: datetime | None = None

    def applies(self, purpose: str, at: datetime) -> bool:
        active = self.since <= at and (self.lifted_at is None or at < self.lifted_at)
        return active and (self.purpose is None or self.purpose == purpose)


@dataclass(frozen=True, slots=True)
class GuardianLink:
    child_id: str
    guardian_id: str
    verified_by: str | None
    verified_at: datetime | None

    @property
    def verified(self) -> bool:
        return self.verified_at is not None


def adult_on(date_of_birth: date, age: int) -> date:
    """The day a person born on `date_of_birth` reaches `age` (29 Feb -> 1 Mar)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:
        return date(date_of_birth.year + age, 3, 1)
