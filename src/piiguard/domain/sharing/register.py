"""The recipient register, agreements and minimisation profiles (R3.2, R3.3, R3.6). Pure:
no clock reads, no I/O. A recipient is who receives personal data from us (a group company,
a business partner, a processor acting for us, an authority, an acquirer); an agreement
binds it for named purposes and categories over a period; a profile says, per recipient
and purpose, which categories it gets and in what form."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput, at_most

KEY = re.compile(r"^[a-z][a-z0-9_-]{1,49}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
TEXT_MOST = 500  # a title, a party's legal name, where the document is kept
SYSTEM_MOST = 100  # one of a recipient's systems, by name
SYSTEMS_MOST = 50


class RecipientKind(StrEnum):
    GROUP_COMPANY = "group_company"
    BUSINESS_PARTNER = "business_partner"  # after-sales maintenance, logistics ...
    PROCESSOR = "processor"  # processes for us, on our instructions
    AUTHORITY = "authority"  # only through a legal request
    ACQUIRER = "acquirer"  # merger, acquisition, bankruptcy, asset transfer


class RecipientStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"  # nothing shared while suspended; may be resumed
    ENDED = "ended"  # the relationship is over; kept for the record


@dataclass(frozen=True, slots=True)
class Recipient:
    key: str
    kind: RecipientKind
    legal_name: str
    country: str  # ISO 3166-1 alpha-2 of where it receives the data
    law: str  # the law it follows, e.g. "PIPL", "GDPR"
    contact: str  # a role contact (DPO mailbox, department), not a person's private data
    systems: frozenset[str]  # its systems that receive the data
    status: RecipientStatus
    recorded_by: str
    recorded_at: datetime

    def abroad(self, home_region: str) -> bool:
        return self.country != home_region


def check_recipient(r: Recipient) -> Recipient:
    if not KEY.match(r.key):
        raise InvalidInput(
            "a recipient key is 2-50 lower-case letters, digits, '-' or '_'", field="key"
        )
    if not r.legal_name.strip():
        raise InvalidInput("a recipient records its legal name", field="legal_name")
    if not COUNTRY.match(r.country):
        raise InvalidInput(
            "country is a two-letter ISO 3166 code in capitals, e.g. CN, DE", field="country"
        )
    if not r.law.strip():
        raise InvalidInput("name the law the recipient follows, e.g. PIPL, GDPR", field="law")
    if not r.contact.strip():
        raise InvalidInput("a recipient records a contact for data protection", field="contact")
    # the API's limits, here too so that the console and the CLI keep them (each names its field)
    for field, value, most in (
        ("legal_name", r.legal_name, TEXT_MOST),
        ("law", r.law, 200),
        ("contact", r.contact, TEXT_MOST),
        *(("systems", s, SYSTEM_MOST) for s in r.systems),
    ):
        at_most(value, most, field)
    if len(r.systems) > SYSTEMS_MOST:
        raise InvalidInput(f"at most {SYSTEMS_MOST} systems", field="systems")
    return r


class AgreementKind(StrEnum):
    DPA = "dpa"  # data processing agreement (PIPL Art. 21)
    INTRA_GROUP = "intra_group"  # intra-group data sharing agreement
    STANDARD_CONTRACT = "standard_contract"  # China's standard contract, filed (Art. 38)
    CERTIFICATION = "certification"  # personal information protection certification
    SECURITY_ASSESSMENT = "security_assessment"  # CAC security assessment approval
    SHARING = "sharing"  # data sharing agreement with an independent handler (Art. 23)
    UNDERTAKING = "undertaking"  # an acquirer's undertaking to follow the policy (Art. 22)


# the kinds that are a legal mechanism for a transfer abroad (PIPL Art. 38), each with the
# reference it must carry: the filing, the certificate, the CAC approval
MECHANISMS: Mapping[AgreementKind, str] = {
    AgreementKind.STANDARD_CONTRACT: "filing reference",
    AgreementKind.CERTIFICATION: "certificate number",
    AgreementKind.SECURITY_ASSESSMENT: "CAC approval reference",
}


class AgreementStatus(StrEnum):
    PROPOSED = "proposed"  # recorded, waiting for a second officer's approval: covers nothing
    ACTIVE = "active"  # approved: in force from valid_from until valid_until
    TERMINATED = "terminated"  # ended early; stops every share it covered


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    recipient: str  # recipient key
    kind: AgreementKind
    title: str
    parties: tuple[str, ...]  # the legal names that signed
    purposes: frozenset[str]
    categories: frozenset[str]  # each with its subtree
    valid_from: datetime
    valid_until: datetime | None
    document_sha256: str
    document_location: str  # where the signed document is kept
    reference: str  # filing reference, certificate number, approval reference ('' if none)
    status: AgreementStatus
    recorded_by: str
    recorded_at: datetime
    ended_by: str | None = None
    ended_at: datetime | None = None
    end_reason: str = ""
    reminded_at: datetime | None = None  # the expiry reminder was sent
    # four eyes (R3.6): the second privacy officer who approved it (None for agreements
    # recorded before approval existed, or still proposed)
    approved_by: str | None = None
    approved_at: datetime | None = None

    def in_force(self, at: datetime) -> bool:
        return (
            self.status is AgreementStatus.ACTIVE
            and self.valid_from <= at
            and (self.valid_until is None or at < self.valid_until)
        )

    def state(self, at: datetime) -> str:
        """proposed (waiting for a second officer), active, pending (not yet valid), expired
        or terminated — for people to read."""
        if self.status is AgreementStatus.TERMINATED:
            return "terminated"
        if self.status is AgreementStatus.PROPOSED:
            return "proposed"
        if at < self.valid_from:
            return "pending"
        return "active" if self.in_force(at) else "expired"


def check_agreement(a: Agreement) -> Agreement:
    if not a.title.strip():
        raise InvalidInput("an agreement records its title", field="title")
    if not a.parties or any(not p.strip() for p in a.parties):
        raise InvalidInput("name the parties that signed the agreement", field="parties")
    # the API's limits, here too so that the console and the CLI keep them (each names its field)
    for field, value, most in (
        ("title", a.title, TEXT_MOST),
        ("document_location", a.document_location, TEXT_MOST),
        ("reference", a.reference, 200),
        *(("parties", p, TEXT_MOST) for p in a.parties),
    ):
        at_most(value, most, field)
    if len(a.parties) > 20:
        raise InvalidInput("at most 20 parties", field="parties")
    if not a.purposes:
        raise InvalidInput("an agreement covers at least one purpose", field="purposes")
    if not a.categories:
        raise InvalidInput("an agreement covers at least one data category", field="categories")
    if a.valid_until is not None and a.valid_until <= a.valid_from:
        raise InvalidInput("valid_until comes after valid_from", field="valid_until")
    if not SHA256.match(a.document_sha256):
        raise InvalidInput(
            "document_sha256 is the signed document's SHA-256 in 64 lower-case hex digits",
            field="document_sha256",
        )
    if not a.document_location.strip():
        raise InvalidInput(
            "say where the signed document is kept (archive, file share, DMS id)",
            field="document_location",
        )
    if a.kind in MECHANISMS and not a.reference.strip():
        raise InvalidInput(
            f"a {a.kind.value} agreement records its {MECHANISMS[a.kind]}", field="reference"
        )
    return a


class Treatment(StrEnum):
    """How a category reaches the recipient."""

    WHOLE = "whole"
    MASKED = "masked"  # first and last characters kept, the rest starred
    HASHED = "hashed"  # keyed hash, one key per recipient: stable, not reversible, not joinable
    BIRTH_YEAR = "birth_year"  # a date of birth as its year only
    CITY = "city"  # an address as its city only


# the generalisations, and the categories they apply to (each with its subtree)
GENERALISES: Mapping[Treatment, str] = {
    Treatment.BIRTH_YEAR: "user.demographic.date_of_birth",
    Treatment.CITY: "user.contact.address",
}


@dataclass(frozen=True, slots=True)
class Profile:
    """What one recipient gets for one purpose: category -> treatment. A category asked for
    and not here (nor under one here) is not shared."""

    recipient: str
    purpose: str
    fields: Mapping[str, Treatment]
    updated_by: str
    updated_at: datetime

    def treatment(self, category: str) -> Treatment | None:
        """The treatment of `category`: its own row, else its nearest ancestor's."""
        key = category
        while True:
            t = self.fields.get(key)
            if t is not None:
                return t
            if "." not in key:
                return None
            key = key.rsplit(".", 1)[0]


def check_profile(p: Profile) -> Profile:
    if not p.fields:
        raise InvalidInput("a profile names at least one category", field="fields")
    for cat, how in p.fields.items():
        needs = GENERALISES.get(how)
        if needs is not None and not (cat == needs or cat.startswith(needs + ".")):
            raise InvalidInput(
                f"{how.value} applies only to {needs} (and its subtree), not {cat}",
                field="fields",
            )
    return p
