"""Request and response shapes of the staff API (issue 6). Passwords, codes and tokens
travel only in bodies, never in URLs (access logs keep URLs)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from piiguard.domain.accounts import Department
from piiguard.services.staff.accounts import AccountView
from piiguard.services.staff.login import SignedIn
from piiguard.web.api.schemas.fields import Slug, Strict

Password = Field(max_length=1024)
Code = Field(None, max_length=64)


class SetupIn(Strict):
    token: str = Field(min_length=10, max_length=200)
    email: str = Field(max_length=254)
    display_name: str = Field(min_length=1, max_length=128)
    password: str = Password


class LoginIn(Strict):
    email: str = Field(max_length=254)
    password: str = Password
    totp_code: str | None = Code
    recovery_code: str | None = Code


class ReauthIn(Strict):
    password: str = Password
    totp_code: str | None = Code
    recovery_code: str | None = Code


class SessionOut(BaseModel):
    token: str = Field(description="send as `Authorization: Bearer <token>`; shown once")
    csrf_token: str = Field(description="for cookie-authenticated changes (X-CSRF-Token)")
    staff_id: str
    roles: list[str]
    expires_at: datetime
    expires_in_hours: float
    idle_minutes: float
    pending: str | None = Field(
        description="enrol_totp | change_password: the session may only do this first"
    )

    @classmethod
    def of(cls, s: SignedIn, hours: float, idle: float) -> SessionOut:
        return cls(
            token=s.token,
            csrf_token=s.csrf_token,
            staff_id=s.account.id,
            roles=sorted(s.account.roles),
            expires_at=s.expires_at,
            expires_in_hours=hours,
            idle_minutes=idle,
            pending=s.pending,
        )


class InviteIn(Strict):
    email: str = Field(max_length=254)
    department: Slug
    roles: list[str] = Field(min_length=1, max_length=4)


class InvitationOut(BaseModel):
    id: str
    email: str
    department: str
    roles: list[str]
    expires_at: datetime
    token: str = Field(description="single use; goes in the link sent to the person")


class AcceptIn(Strict):
    token: str = Field(min_length=10, max_length=200)
    display_name: str = Field(min_length=1, max_length=128)
    password: str = Password


class PasswordChangeIn(Strict):
    current_password: str = Password
    new_password: str = Password


class PendingOut(BaseModel):
    pending: str | None


class TotpStartOut(BaseModel):
    secret: str = Field(description="base32 seed for the authenticator app; shown once")
    otpauth_uri: str


class TotpConfirmIn(Strict):
    code: str = Field(min_length=6, max_length=10)


class RecoveryCodesOut(BaseModel):
    recovery_codes: list[str] = Field(description="each works once; shown once")
    pending: str | None = None


class RolesIn(Strict):
    roles: list[str] = Field(min_length=1, max_length=4)
    department: Slug | None = None


class AccountOut(BaseModel):
    id: str
    email: str
    display_name: str
    roles: list[str]
    department: str | None
    purposes: list[str]
    active: bool
    mfa_enrolled: bool
    locked: bool
    password_changed_at: datetime | None
    deactivated_at: datetime | None

    @classmethod
    def of(cls, v: AccountView) -> AccountOut:
        a = v.account
        return cls(
            id=a.id,
            email=a.email,
            display_name=a.display_name,
            roles=sorted(a.roles),
            department=a.department,
            purposes=sorted(v.purposes),
            active=a.active,
            mfa_enrolled=a.mfa_enrolled,
            locked=v.locked,
            password_changed_at=a.password_changed_at,
            deactivated_at=a.deactivated_at,
        )


class MeOut(BaseModel):
    account: AccountOut
    session_expires_at: datetime
    authenticated_at: datetime | None
    last_seen_at: datetime | None
    idle_minutes: float
    csrf_token: str


class DepartmentIn(Strict):
    name: str = Field(min_length=1, max_length=128)
    purposes: list[Slug] = Field(max_length=32)


class DepartmentOut(BaseModel):
    key: str
    name: str
    purposes: list[str]

    @classmethod
    def of(cls, d: Department) -> DepartmentOut:
        return cls(key=d.key, name=d.name, purposes=sorted(d.purposes))
