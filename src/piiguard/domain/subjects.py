"""Subjects (the people the data is about) and their personal-data items with provenance (R2.2).

An item's value never appears in these records: the vault holds it encrypted, and only a
recorded access decision brings it back (see decisions.py and the Vault port).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput

SLUG = re.compile(r"^[a-z][a-z0-9_\-]{0,63}$")

DEFAULT_SUBJECT_KINDS: frozenset[str] = frozenset(
    {
        "customer_contact",
        "partner_contact",
        "website_visitor",
        "guardian",
        "child",
        "supplier_contact",
        "job_applicant",
        "other",
    }
)


# zh/en names of the default kinds of people (the record of processing shows them, R10.1);
# a kind the installation added shows its key.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "customer_contact": ("客户联系人", "Customer contact"),
    "partner_contact": ("合作伙伴联系人", "Partner contact"),
    "website_visitor": ("网站访客", "Website visitor"),
    "guardian": ("监护人", "Guardian"),
    "child": ("儿童", "Child"),
    "supplier_contact": ("供应商联系人", "Supplier contact"),
    "job_applicant": ("求职者", "Job applicant"),
    "other": ("其他", "Other"),
}


class Channel(StrEnum):
    """How a piece of personal data reached the company (policy §2)."""

    WEB = "web"
    EMAIL = "email"
    PHONE = "phone"
    PURCHASE_ORDER = "purchase_order"
    BUSINESS_EVENT = "business_event"
    THIRD_PARTY = "third_party"


# zh/en names of the channels (the people pages and the record of processing show them)
CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    Channel.WEB: ("网站", "Web"),
    Channel.EMAIL: ("电子邮件", "Email"),
    Channel.PHONE: ("电话", "Phone"),
    Channel.PURCHASE_ORDER: ("采购订单", "Purchase order"),
    Channel.BUSINESS_EVENT: ("商务活动", "Business event"),
    Channel.THIRD_PARTY: ("第三方", "Third party"),
}


class LegalBasis(StrEnum):
    """The ground a piece of data was collected on (policy §1–2, R2.2 and R2.5)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGITIMATE_INTEREST = "legitimate_interest"
    LEGAL_OBLIGATION = "legal_obligation"
    # R2.5 legal exceptions: processing without consent, each needing a recorded reference
    NATIONAL_SECURITY = "national_security"
    PUBLIC_INTEREST = "public_interest"
    CRIMINAL_JUSTICE = "criminal_justice"
    VITAL_INTERESTS = "vital_interests"
    NEWS_REPORTING = "news_reporting"


def check_slug(value: str, field: str) -> str:
    if not SLUG.match(value):
        raise InvalidInput(
            f"{field} must be lower-case letters, digits, '_' or '-' "
            "(1–64, starting with a letter)",
            field=field,
        )
    return value


@dataclass(frozen=True, slots=True)
class Provenance:
    channel: Channel
    collected_at: datetime
    legal_basis: LegalBasis
    source_system: str
    recorded_by: str  # the actor id that recorded it (staff account or system client)
    purposes: frozenset[str] = frozenset()  # declared to the person at collection (R2.4)


@dataclass(frozen=True, slots=True)
class NewItem:
    """A value to be stored: it exists in plaintext only on its way into the vault."""

    category: str
    value: str
    provenance: Provenance
    held_in: str  # the designated system holding it (data map key)


@dataclass(frozen=True, slots=True)
class Subject:
    id: str
    kind: str
    created_at: datetime
    erased_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """What piiguard knows about an item without decrypting it."""

    id: str
    subject_id: str
    category: str
    provenance: Provenance
    held_in: str
    last_confirmed_at: datetime
    created_at: datetime
    updated_at: datetime
    credential: bool


@dataclass(frozen=True, slots=True)
class RevealedItem:
    """An item with its plaintext, produced only by the vault against a recorded decision."""

    record: ItemRecord
    value: str | None  # None for credentials: they cannot be read back
