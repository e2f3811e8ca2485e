"""Shares, the disclosure log and what is passed on to recipients (R3.1, R3.6; GDPR
Art. 19 / PIPL Art. 23 spirit). A `Share` is one delivery to one recipient for one
purpose: its minimised package waits sealed for the recipient to pull it with its own API
key, or is pushed to its signed webhook. Every subject in it leaves a `Disclosure` row:
who, to whom, for what, which categories in what form, the decision and the agreement. A
correction or deletion the person asks for later opens a `PassOn` to every recipient the
log says received their data, open until the recipient confirms. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.sharing.register import Treatment


class Delivery(StrEnum):
    PULL = "pull"  # the recipient fetches it with its own API key
    WEBHOOK = "webhook"  # pushed, signed (HMAC-SHA256), to the recipient's endpoint
    HANDOVER = "handover"  # a business transfer: handed over with the business (R3.4)


class ShareStatus(StrEnum):
    READY = "ready"  # a pull package waiting; a push waiting for its next attempt
    DELIVERED = "delivered"  # pulled, or the webhook answered 2xx
    REFUSED = "refused"  # the decision point allowed nothing for anyone: no package
    EXPIRED = "expired"  # not pulled in time; the sealed package is dropped


@dataclass(frozen=True, slots=True)
class Share:
    id: str
    recipient: str
    purpose: str
    delivery: Delivery
    status: ShareStatus
    subjects: int  # how many subjects were asked for
    disclosed: int  # how many had something allowed
    created_by: str
    created_at: datetime
    expires_at: datetime
    package_sha256: str = ""  # of the package as delivered
    delivered_at: datetime | None = None
    attempts: int = 0
    last_error: str = ""


@dataclass(frozen=True, slots=True)
class Disclosure:
    id: str
    share_id: str
    subject_id: str
    recipient: str
    purpose: str
    categories: Mapping[str, Treatment]  # what went out, and in what form
    decision_id: str
    agreement_id: str  # the agreement that covered it ('' for an authority's legal request)
    at: datetime


@dataclass(frozen=True, slots=True)
class RecipientOfSubject:
    """One line of a person's access package: who received their data (R4.1)."""

    recipient: str
    legal_name: str
    country: str
    purposes: frozenset[str]
    categories: frozenset[str]
    first_at: datetime
    last_at: datetime


class PassOnAction(StrEnum):
    CORRECT = "correct"
    DELETE = "delete"


class PassOnStatus(StrEnum):
    OPEN = "open"  # to tell (by webhook, or the recipient pulls it)
    SENT = "sent"  # the recipient has it; its confirmation is awaited
    CONFIRMED = "confirmed"  # the recipient says it corrected or deleted

    @property
    def settled(self) -> bool:
        return self is PassOnStatus.CONFIRMED


@dataclass(frozen=True, slots=True)
class PassOn:
    id: str
    recipient: str
    subject_id: str
    action: PassOnAction
    request_id: str  # the rights request it follows
    categories: frozenset[str]
    status: PassOnStatus
    opened_at: datetime
    sent_at: datetime | None = None
    confirmed_at: datetime | None = None
    reference: str = ""  # the recipient's own reference when it confirmed
    attempts: int = 0
    last_error: str = ""
