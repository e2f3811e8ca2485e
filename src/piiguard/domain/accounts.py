"""Who acts: staff accounts and the company's systems (ERP, CRM, after-sales tools) that call
the API (R2.9, R2.10). The full staff-security rules (password policy, MFA, idle lock)
grow around these records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from piiguard.domain.errors import InvalidInput

ROLES: frozenset[str] = frozenset({"admin", "privacy_officer", "staff", "auditor"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(email: str, field: str = "email") -> str:
    email = email.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidInput("not a valid email address", field=field)
    return email.casefold()


def check_roles(roles: frozenset[str], field: str = "roles") -> frozenset[str]:
    unknown = roles - ROLES
    if unknown or not roles:
        raise InvalidInput(f"roles must be some of {sorted(ROLES)}", field=field)
    return roles


@dataclass(frozen=True, slots=True)
class SystemClient:
    id: str
    name: str
    key_prefix: str
    created_at: datetime
    revoked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StaffAccount:
    id: str
    email: str
    display_name: str
    roles: frozenset[str]
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff: StaffAccount
    expires_at: datetime
    revoked: bool


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    version: str
    published_at: datetime
    sha256: str
    text: str
