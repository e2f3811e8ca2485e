"""Who acts: staff accounts and the company's systems (ERP, CRM, after-sales tools) that call
the API (R2.9, R2.10), and the records of staff security around them: sessions, departments
and the purposes they are assigned, invitations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from piiguard.domain.decisions import Scope
from piiguard.domain.errors import InvalidInput

ROLES: frozenset[str] = frozenset({"admin", "privacy_officer", "staff", "auditor"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(email: str, field: str = "email") -> str:
    email = email.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidInput("not a valid email address", field=field)
    return email.casefold()


def check_personal_email(email: str, generic: frozenset[str], field: str = "email") -> str:
    """One account per person (R2.9): a role or shared mailbox (admin@, sales@, ...) is
    refused, so nobody signs in as a team."""
    email = check_email(email, field)
    local = email.split("@", 1)[0]
    if local in generic or local.split("+", 1)[0] in generic:
        raise InvalidInput(
            f"{local}@ is a shared or role mailbox; staff accounts are personal "
            "(use the person's own work email)",
            field=field,
        )
    return email


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
    scope: Scope | None = None  # what its key may be used for; None: every purpose
    previous_prefix: str | None = None  # the key before the last rotation ...
    previous_expires_at: datetime | None = None  # ... works until then (the overlap)


@dataclass(frozen=True, slots=True)
class StaffAccount:
    id: str
    email: str
    display_name: str
    roles: frozenset[str]
    active: bool
    created_at: datetime
    department: str | None = None
    password_changed_at: datetime | None = None
    must_change_password: bool = False
    mfa_enrolled: bool = False
    deactivated_at: datetime | None = None


class SessionPending:
    """What a session must do before it may do anything else."""

    ENROL_TOTP = "enrol_totp"
    CHANGE_PASSWORD = "change_password"  # noqa: S105 (a step name, not a password)


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff: StaffAccount
    expires_at: datetime
    revoked: bool
    token_hash: str = ""
    created_at: datetime | None = None
    last_seen_at: datetime | None = None
    authenticated_at: datetime | None = None  # password (+ TOTP) at login or re-auth
    pending: str | None = None


@dataclass(frozen=True, slots=True)
class Department:
    key: str
    name: str
    purposes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Invitation:
    id: str
    email: str
    department: str
    roles: frozenset[str]
    invited_by: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
