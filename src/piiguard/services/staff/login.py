"""Signing in and staying signed in (R2.6, R2.9): login with back-off and lockout, the
second factor, server-side sessions with an idle lock and an absolute lifetime,
re-authentication before sensitive actions, logout.

Every attempt is on the audit trail with keyed hashes of the email and the client address,
never either in clear, and never a password, code or token."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from piiguard.domain.accounts import StaffAccount, StaffSession
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import (
    MfaRequired,
    NotAuthenticated,
    SessionLocked,
    SessionPending,
    TooManyAttempts,
)
from piiguard.domain.password_rules import normalise_password
from piiguard.domain.ports import PasswordHashing, UnitOfWork
from piiguard.domain.staff_security import (
    SessionState,
    Throttle,
    after_failure,
    session_state,
    wait_for,
)
from piiguard.domain.staff_security import require_recent_auth as _require_recent
from piiguard.services.staff.kit import (
    StaffKit,
    account_key,
    address_key,
    pending_for,
    staff_actor,
    token_hash,
)
from piiguard.services.staff.mfa import verify_second_factor

__all__ = [
    "SignedIn",
    "authenticate_staff",
    "login_staff",
    "logout_staff",
    "reauthenticate",
    "require_recent_auth",
    "token_hash",
]


@dataclass(frozen=True, slots=True)
class SignedIn:
    token: str  # shown once; only its SHA-256 is stored
    csrf_token: str
    account: StaffAccount
    expires_at: datetime
    pending: str | None  # enrol_totp | change_password: the session may do only that first


_DUMMY: dict[int, str] = {}


def _dummy_hash(passwords: PasswordHashing) -> str:
    """A hash to verify against when the email is unknown, so that answering takes as
    long as for a known one (no account enumeration by timing)."""
    key = id(passwords)
    if key not in _DUMMY:
        _DUMMY[key] = passwords.hash(secrets.token_urlsafe(16))
    return _DUMMY[key]


def _wait(
    throttles: dict[str, Throttle], keys: list[str], now: datetime
) -> tuple[timedelta, bool, str]:
    """The longest wait of the keys, whether a lock is among them, and whose wait it is."""
    waits = [
        (wait_for(throttles.get(k), now), bool(throttles.get(k) and throttles[k].locked), k)
        for k in keys
    ]
    longest = max(waits, key=lambda w: w[0])
    return longest[0], any(locked and w > timedelta(0) for w, locked, _ in waits), longest[2]


def _fresh(th: Throttle | None, key: str, now: datetime, kit: StaffKit) -> Throttle:
    """Failures are forgotten once the last one is older than the lock period."""
    if (
        th is None
        or th.last_failure_at is None
        or (now - th.last_failure_at > timedelta(minutes=kit.policy.lock_minutes))
    ):
        return Throttle(key)
    return th


def _fail(
    kit: StaffKit,
    uow: UnitOfWork,
    keys: dict[str, Throttle],
    acct: str,
    addr: str,
    account: StaffAccount | None,
    details: dict[str, DetailValue],
) -> None:
    now = kit.clock.now()
    a = after_failure(
        _fresh(keys.get(acct), acct, now, kit), now, kit.policy, lockable=account is not None
    )
    uow.staff.save_throttle(a)
    uow.staff.save_throttle(
        after_failure(
            _fresh(keys.get(addr), addr, now, kit),
            now,
            kit.policy,
            lockable=False,
            free=kit.policy.address_free_attempts,
        )
    )
    uow.audit(
        AuditEvent(
            "staff.login_failed",
            "anonymous",
            "-",
            "staff",
            account.id if account else "",
            details=details,
        )
    )
    if a.locked and account is not None:
        uow.audit(
            AuditEvent(
                "staff.locked",
                "system",
                "piiguard",
                "staff",
                account.id,
                details={
                    "failures": a.failures,
                    "until": a.blocked_until.isoformat() if a.blocked_until else "",
                },
            )
        )
    uow.commit()


def _refuse_if_throttled(
    kit: StaffKit,
    uow: UnitOfWork,
    keys: dict[str, Throttle],
    acct: str,
    addr: str,
    details: dict[str, DetailValue],
) -> None:
    wait, locked, whose = _wait(keys, [acct, addr], kit.clock.now())
    if wait > timedelta(0):
        by_address = whose == addr and not locked
        uow.audit(
            AuditEvent(
                "staff.login_blocked",
                "anonymous",
                "-",
                details={**details, "locked": locked, "by": "address" if by_address else "account"},
            )
        )
        uow.commit()
        seconds = math.ceil(wait.total_seconds())
        raise TooManyAttempts(
            (
                "this account is locked after too many failed sign-ins; a privacy officer can "
                f"unlock it, or try again in {seconds} s"
            )
            if locked
            else (
                f"too many failed sign-ins from this network address (to any account): wait "
                f"{seconds} s before the next attempt"
            )
            if by_address
            else f"too many failed sign-ins: wait {seconds} s before the next attempt",
            retry_after=seconds,
            locked=locked,
        )


def login_staff(
    kit: StaffKit,
    uow: UnitOfWork,
    email: str,
    password: str,
    *,
    totp: str | None = None,
    recovery_code: str | None = None,
    address: str = "unknown",
) -> SignedIn:
    """Check the password (argon2id, parameters upgraded on login) and, where the account
    has it, the TOTP code or a recovery code; open a server-side session."""
    key = email.strip().casefold()
    acct, addr = account_key(kit, key), address_key(kit, address)
    details: dict[str, DetailValue] = {
        "email_hash": kit.email_hash(key),
        "address_hash": kit.address_hash(address),
    }
    pw = normalise_password(password)
    with uow:
        keys = uow.staff.throttles([acct, addr], lock=True)  # attempts take turns
        _refuse_if_throttled(kit, uow, keys, acct, addr, details)
        found = uow.staff.by_email(key)
        if found is None:
            kit.passwords.verify(_dummy_hash(kit.passwords), pw)  # same time as a real check
            ok = False
        else:
            ok = found[0].active and kit.passwords.verify(found[1], pw)
        if not ok or found is None:
            _fail(
                kit,
                uow,
                keys,
                acct,
                addr,
                found[0] if found else None,
                {**details, "factor": "password"},
            )
            raise NotAuthenticated("wrong email or password")
        account, stored = found
        factor = None
        if account.mfa_enrolled:
            if not totp and not recovery_code:
                uow.audit(
                    AuditEvent(
                        "staff.login_mfa_asked",
                        "staff",
                        account.id,
                        "staff",
                        account.id,
                        details=details,
                    )
                )
                uow.commit()
                raise MfaRequired(
                    "enter the code from your authenticator app (totp_code) or a recovery code"
                )
            factor = verify_second_factor(kit, uow, account, totp=totp, recovery_code=recovery_code)
            if factor is None:
                _fail(kit, uow, keys, acct, addr, account, {**details, "factor": "second"})
                raise NotAuthenticated("wrong or already used code")
        if kit.passwords.needs_rehash(stored):
            uow.staff.set_password_hash(account.id, kit.passwords.hash(pw))
        if pw in kit.breached and not account.must_change_password:
            # found breached since it was set: change it now (SP 800-63B-4 §3.1.1.2)
            uow.staff.set_must_change_password(account.id, True)
            uow.audit(
                AuditEvent("staff.password_breached", "system", "piiguard", "staff", account.id)
            )
            refreshed = uow.staff.get(account.id)
            account = refreshed[0] if refreshed else account
        if acct in keys:
            uow.staff.clear_throttle(acct)
        uow.staff.drop_clean_throttles([acct, addr])
        pending = pending_for(account, kit)
        token = secrets.token_urlsafe(32)
        now = kit.clock.now()
        expires = now + timedelta(hours=kit.policy.session_hours)
        uow.staff.add_session(
            token_hash(token), account.id, now, expires, authenticated_at=now, pending=pending
        )
        uow.audit(
            AuditEvent(
                "staff.login",
                "staff",
                account.id,
                "staff",
                account.id,
                details={
                    "address_hash": details["address_hash"],
                    "factor": factor or "password",
                    "pending": pending or "",
                },
            )
        )
        uow.commit()
    return SignedIn(token, kit.csrf_token(token), account, expires, pending)


def authenticate_staff(
    kit: StaffKit,
    uow: UnitOfWork,
    writer: UnitOfWork,
    token: str,
    *,
    allow_pending: bool = False,
    allow_locked: bool = False,
) -> tuple[Actor, StaffSession]:
    """Who holds this session token. Reads through `uow` (read-only); `last_seen` is
    written through `writer` at most once per `touch_seconds`, so a busy session costs one
    small write a minute, not one per request."""
    now = kit.clock.now()
    with uow:
        session = uow.staff.session(token_hash(token))
    if session is None:
        raise NotAuthenticated("session unknown, ended or expired: log in again")
    state = session_state(session, now, kit.policy)
    if state is SessionState.ENDED:
        raise NotAuthenticated("session unknown, ended or expired: log in again")
    if state is SessionState.LOCKED and not allow_locked:
        raise SessionLocked(
            f"the session was idle for more than "
            f"{kit.policy.idle_minutes:g} minutes and is locked: "
            "re-authenticate (POST /api/v1/staff/reauth) to go on"
        )
    pending = pending_for(session.staff, kit)  # now: roles or the password's age may move
    if pending and not allow_pending:
        raise SessionPending(
            f"finish this first: {pending} (see docs/security.md)", pending=pending
        )
    seen = session.last_seen_at or session.created_at or now
    if state is SessionState.ACTIVE and (now - seen).total_seconds() >= kit.policy.touch_seconds:
        with writer:
            writer.staff.touch_session(session.token_hash, now)
            writer.commit()
    return staff_actor(session.staff), session


def reauthenticate(
    kit: StaffKit,
    uow: UnitOfWork,
    token: str,
    password: str,
    *,
    totp: str | None = None,
    recovery_code: str | None = None,
    address: str = "unknown",
) -> StaffSession:
    """Password (+ TOTP) again on the same session: unlocks an idle-locked session and makes
    it fresh for sensitive actions. Failures count like failed logins."""
    th = token_hash(token)
    pw = normalise_password(password)
    with uow:
        session = uow.staff.session(th)
        now = kit.clock.now()
        if session is None or session_state(session, now, kit.policy) is SessionState.ENDED:
            raise NotAuthenticated("session unknown, ended or expired: log in again")
        account = session.staff
        acct, addr = account_key(kit, account.email), address_key(kit, address)
        details: dict[str, DetailValue] = {
            "email_hash": kit.email_hash(account.email),
            "address_hash": kit.address_hash(address),
            "reauth": True,
        }
        keys = uow.staff.throttles([acct, addr], lock=True)  # attempts take turns
        _refuse_if_throttled(kit, uow, keys, acct, addr, details)
        found = uow.staff.get(account.id)
        if found is None or not kit.passwords.verify(found[1], pw):
            _fail(kit, uow, keys, acct, addr, account, {**details, "factor": "password"})
            raise NotAuthenticated("wrong password")
        factor = None
        if account.mfa_enrolled:
            if not totp and not recovery_code:
                raise MfaRequired("re-authentication needs your password and your code")
            factor = verify_second_factor(kit, uow, account, totp=totp, recovery_code=recovery_code)
            if factor is None:
                _fail(kit, uow, keys, acct, addr, account, {**details, "factor": "second"})
                raise NotAuthenticated("wrong or already used code")
        if acct in keys:
            uow.staff.clear_throttle(acct)
        uow.staff.drop_clean_throttles([acct, addr])
        uow.staff.authenticate_session(th, now, pending_for(account, kit))
        uow.audit(
            AuditEvent(
                "staff.reauth",
                "staff",
                account.id,
                "staff",
                account.id,
                details={"factor": factor or "password"},
            )
        )
        uow.commit()
    with uow:
        fresh = uow.staff.session(th)
    assert fresh is not None  # noqa: S101 (just written)
    return fresh


def require_recent_auth(
    kit: StaffKit, session: StaffSession, within: timedelta | None = None
) -> None:
    """ReauthRequired unless the session signed in or re-authenticated within
    `within` (default: the reauth_minutes setting). Approving a legal exception, exporting
    data, rotating keys and changing roles call this."""
    _require_recent(
        session, kit.clock.now(), within or timedelta(minutes=kit.policy.reauth_minutes)
    )


def logout_staff(kit: StaffKit, uow: UnitOfWork, actor: Actor, token: str) -> None:
    with uow:
        uow.staff.revoke_session(token_hash(token), kit.clock.now())
        uow.audit(AuditEvent("staff.logout", actor.kind.value, actor.id, "staff", actor.id))
        uow.commit()
