"""Staff accounts and sign-in (R2.6, R2.9): the first account, invitations, login with the
TOTP step, re-authentication, logout, one's own password, TOTP and recovery codes, and the
officers' register of accounts and departments."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from piiguard.services.staff import accounts as uc
from piiguard.services.staff import login as login_uc
from piiguard.services.staff import mfa
from piiguard.web.api.schemas.staff import (
    AcceptIn,
    AccountOut,
    DepartmentIn,
    DepartmentOut,
    InvitationOut,
    InviteIn,
    LoginIn,
    MeOut,
    PasswordChangeIn,
    PendingOut,
    ReauthIn,
    RecoveryCodesOut,
    RolesIn,
    SessionOut,
    SetupIn,
    TotpConfirmIn,
    TotpStartOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.client_address import request_address
from piiguard.web.deps import ContainerDep
from piiguard.web.session import staff_session
from piiguard.web.staff_deps import Token

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


def _address(request: Request) -> str:
    return request_address(request)  # the peer, or X-Forwarded-For from a trusted proxy


def _session_out(c: ContainerDep, signed: login_uc.SignedIn) -> SessionOut:
    return SessionOut.of(signed, c.settings.session_hours, c.settings.session_idle_minutes)


@router.post("/setup", status_code=status.HTTP_201_CREATED, response_model=SessionOut)
def setup_first_account(body: SetupIn, c: ContainerDep, request: Request) -> SessionOut:
    """The first account from the one-time link; signed in at once, with TOTP to enrol."""
    uc.complete_setup(c.staff, c.uow(), body.token, body.email, body.display_name, body.password)
    return _session_out(
        c,
        login_uc.login_staff(
            c.staff, c.uow(), body.email, body.password, address=_address(request)
        ),
    )


@router.post("/login", response_model=SessionOut)
def login(body: LoginIn, c: ContainerDep, request: Request) -> SessionOut:
    """Password, then (accounts with TOTP) `totp_code` or `recovery_code` in the same body:
    without one, 401 `mfa-required`. Failures back off per account (after
    `login_free_attempts`) and per client address (after the much higher
    `login_address_free_attempts`, counted across accounts), and lock the account after
    `login_lock_after` in a row (429 with Retry-After); an address is never locked."""
    return _session_out(
        c,
        login_uc.login_staff(
            c.staff,
            c.uow(),
            body.email,
            body.password,
            totp=body.totp_code,
            recovery_code=body.recovery_code,
            address=_address(request),
        ),
    )


@router.post("/reauth", response_model=PendingOut)
def reauth(
    body: ReauthIn, c: ContainerDep, actor: Authorized, token: Token, request: Request
) -> PendingOut:
    """Password (+ code) again: unlocks an idle-locked session and makes it fresh for the
    sensitive actions (approving exceptions, exports, role changes)."""
    del actor
    session = login_uc.reauthenticate(
        c.staff,
        c.uow(),
        token,
        body.password,
        totp=body.totp_code,
        recovery_code=body.recovery_code,
        address=_address(request),
    )
    return PendingOut(pending=session.pending)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(c: ContainerDep, actor: Authorized, token: Token) -> None:
    login_uc.logout_staff(c.staff, c.uow(), actor, token)


@router.get("/me", response_model=MeOut)
def me(c: ContainerDep, actor: Authorized, token: Token, request: Request) -> MeOut:
    session = staff_session(request)
    assert session is not None  # noqa: S101 (the dependency put it there)
    return MeOut(
        account=AccountOut.of(uc.view_staff(c.staff, c.uow(), actor.id)),
        session_expires_at=session.expires_at,
        authenticated_at=session.authenticated_at,
        last_seen_at=session.last_seen_at,
        idle_minutes=c.settings.session_idle_minutes,
        csrf_token=c.staff.csrf_token(token),
    )


@router.post("/me/password", response_model=PendingOut)
def change_password(
    body: PasswordChangeIn, c: ContainerDep, actor: Authorized, token: Token
) -> PendingOut:
    """Current password, then the new one (rules in docs/security.md); other sessions end."""
    return PendingOut(
        pending=uc.change_password(
            c.staff, c.uow(), actor, token, body.current_password, body.new_password
        )
    )


@router.post("/me/totp", response_model=TotpStartOut)
def start_totp(c: ContainerDep, actor: Authorized) -> TotpStartOut:
    e = mfa.start_totp(c.staff, c.uow(), actor)
    return TotpStartOut(secret=e.secret, otpauth_uri=e.uri)


@router.post("/me/totp/confirm", response_model=RecoveryCodesOut)
def confirm_totp(
    body: TotpConfirmIn, c: ContainerDep, actor: Authorized, token: Token
) -> RecoveryCodesOut:
    codes = mfa.confirm_totp(c.staff, c.uow(), actor, token, body.code)
    with c.uow(readonly=True) as uow:
        session = uow.staff.session(login_uc.token_hash(token))
    return RecoveryCodesOut(recovery_codes=codes, pending=session.pending if session else None)


@router.post("/me/recovery-codes", response_model=RecoveryCodesOut)
def new_recovery_codes(c: ContainerDep, actor: Authorized) -> RecoveryCodesOut:
    """Ten new codes; the old ones stop working. Needs a recent re-authentication."""
    return RecoveryCodesOut(recovery_codes=mfa.regenerate_recovery_codes(c.staff, c.uow(), actor))


@router.post("/invitations", status_code=status.HTTP_201_CREATED, response_model=InvitationOut)
def invite(body: InviteIn, c: ContainerDep, actor: Authorized) -> InvitationOut:
    """A single-use, expiring link for one person's own work email."""
    got = uc.invite_staff(
        c.staff, c.uow(), actor, body.email, body.department, frozenset(body.roles)
    )
    i = got.invitation
    return InvitationOut(
        id=i.id,
        email=i.email,
        department=i.department,
        roles=sorted(i.roles),
        expires_at=i.expires_at,
        token=got.token,
    )


@router.post("/invitations/accept", status_code=status.HTTP_201_CREATED, response_model=SessionOut)
def accept(body: AcceptIn, c: ContainerDep, request: Request) -> SessionOut:
    return _session_out(
        c,
        uc.accept_invitation(
            c.staff,
            c.uow(),
            body.token,
            body.display_name,
            body.password,
            address=_address(request),
        ),
    )


@router.get("/accounts", response_model=list[AccountOut])
def accounts(c: ContainerDep, actor: Authorized) -> list[AccountOut]:
    del actor
    return [AccountOut.of(v) for v in uc.list_staff(c.staff, c.uow())]


def _view(c: ContainerDep, staff_id: str) -> AccountOut:
    return AccountOut.of(uc.view_staff(c.staff, c.uow(), staff_id))


@router.put("/accounts/{staff_id}/roles", response_model=AccountOut)
def set_roles(staff_id: str, body: RolesIn, c: ContainerDep, actor: Authorized) -> AccountOut:
    """Changing roles needs a recent re-authentication (reauth-required otherwise)."""
    uc.set_roles(c.staff, c.uow(), actor, staff_id, frozenset(body.roles), body.department)
    return _view(c, staff_id)


@router.post("/accounts/{staff_id}/unlock", response_model=AccountOut)
def unlock(staff_id: str, c: ContainerDep, actor: Authorized) -> AccountOut:
    uc.unlock_staff(c.staff, c.uow(), actor, staff_id)
    return _view(c, staff_id)


@router.post("/accounts/{staff_id}/deactivate", response_model=AccountOut)
def deactivate(staff_id: str, c: ContainerDep, actor: Authorized) -> AccountOut:
    uc.deactivate_staff(c.staff, c.uow(), actor, staff_id)
    return _view(c, staff_id)


@router.post("/accounts/{staff_id}/mfa/reset", response_model=AccountOut)
def reset_mfa(staff_id: str, c: ContainerDep, actor: Authorized) -> AccountOut:
    """Lost phone and codes: TOTP off; the person enrols again at the next sign-in."""
    mfa.reset_totp(c.staff, c.uow(), actor, staff_id)
    return _view(c, staff_id)


@router.get("/departments", response_model=list[DepartmentOut])
def departments(c: ContainerDep, actor: Authorized) -> list[DepartmentOut]:
    del actor
    return [DepartmentOut.of(d) for d in uc.list_departments(c.uow())]


@router.put("/departments/{key}", response_model=DepartmentOut)
def save_department(
    key: str, body: DepartmentIn, c: ContainerDep, actor: Authorized
) -> DepartmentOut:
    return DepartmentOut.of(
        uc.save_department(c.staff, c.uow(), actor, key, body.name, frozenset(body.purposes))
    )
