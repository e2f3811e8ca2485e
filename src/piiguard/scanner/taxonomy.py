"""The one place where a detected type is mapped to its taxonomy category key."""

from __future__ import annotations

from typing import Final

CATEGORY: Final[dict[str, str]] = {
    "email": "user.contact.email",
    "phone": "user.contact.phone_number",
    "resident_id": "user.government_id.national_identification_number",
    "passport": "user.government_id.passport_number",
    "credit_card": "user.financial.credit_card",
    "bank_card": "user.financial.bank_account",
    "iban": "user.financial.bank_account",
    "bank_account": "user.financial.bank_account",
    "ip_address": "user.device.ip_address",
    "person_name": "user.name",
    "address": "user.contact.address",
    "date_of_birth": "user.demographic.date_of_birth",
    "coordinates": "user.location.precise",
    "licence_plate": "user.government_id.vehicle_registration",
    "secret": "user.authorization.credentials",
}

TYPES: Final[tuple[str, ...]] = tuple(CATEGORY)


def category_of(kind: str) -> str:
    return CATEGORY[kind]
