"""What an access package and a portability export hold (R4.1, R4.2). The formats are
versioned (`ACCESS_FORMAT`, `PORTABILITY_FORMAT`) and documented in docs/requests.md; a
change that removes or renames a field is a new version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

ACCESS_FORMAT = "piiguard.access/1"
PORTABILITY_FORMAT = "piiguard.portability/1"


@dataclass(frozen=True, slots=True)
class PackageItem:
    item_id: str
    category: str
    category_name_en: str
    category_name_zh: str
    value: str | None  # None: a credential, held only as a one-way hash
    channel: str
    legal_basis: str
    source_system: str
    held_in: str
    collected_at: datetime
    last_confirmed_at: datetime
    purposes: tuple[str, ...]
    retain_until: date | None  # from the longest retention of its purposes
    provided_by_subject: bool  # portability covers what the person provided


@dataclass(frozen=True, slots=True)
class PackageRecipient:
    """A use that sent the data outside piiguard: a share or export to a system."""

    system: str
    system_name: str
    region: str
    purpose: str
    categories: tuple[str, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class PackageConsent:
    purpose: str
    kind: str
    granted_at: datetime
    withdrawn_at: datetime | None


@dataclass(frozen=True, slots=True)
class PackageRestriction:
    kind: str
    purpose: str | None
    since: datetime
    lifted_at: datetime | None


@dataclass(frozen=True, slots=True)
class AccessPackage:
    request_id: str
    subject_id: str
    generated_at: datetime
    language: str  # zh | en: the HTML page's language
    company: str
    decision_id: str  # the recorded decision that allowed the disclosure
    items: tuple[PackageItem, ...]
    recipients: tuple[PackageRecipient, ...] = ()
    consents: tuple[PackageConsent, ...] = ()
    restrictions: tuple[PackageRestriction, ...] = ()
