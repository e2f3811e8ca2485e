"""The rules of staff security as pure functions (R2.6, R2.9, R5.3): the settings, when a
login must wait or an account is locked, when a session is idle-locked or over, and whether
an authentication is recent enough for a sensitive action. What makes a password acceptable
(NIST SP 800-63B-4 §3.1.1.2) is in domain/password_rules.py. No clock reads: the time is
passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from piiguard.domain.accounts import StaffAccount, StaffSession
from piiguard.domain.errors import ReauthRequired

GENERIC_MAILBOXES: frozenset[str] = frozenset(
    {
        "admin",
        "administrator",
        "root",
        "sales",
        "service",
        "services",
        "info",
        "support",
        "office",
        "contact",
        "hr",
        "it",
        "helpdesk",
        "noreply",
        "no-reply",
        "team",
        "staff",
        "marketing",
        "finance",
        "accounts",
        "billing",
        "postmaster",
        "webmaster",
        "hostmaster",
        "security",
        "privacy",
        "dpo",
        "help",
        "mail",
        "enquiries",
        "inquiries",
        "orders",
        "purchasing",
        "reception",
        "general",
        "shared",
        "test",
        "user",
        "guest",
    }
)
MFA_ROLES: frozenset[str] = frozenset({"privacy_officer", "staff", "auditor"})


@dataclass(frozen=True, slots=True)
class StaffPolicy:
    """The settings of staff security, each with the standard it follows (docs/security.md)."""

    min_length: int = 15  # password as the only factor (SP 800-63B-4)
    min_length_mfa: int = 8  # password with a second factor
    max_length: int = 256  # SP 800-63B-4: allow at least 64
    max_age_days: int = 180  # 0 = no forced rotation (the policy asks for it; NIST not)
    min_guesses_log10: float = 8.0  # strength estimate: at least 10^8 guesses (0 = off)
    history: int = 5  # no reuse of the last N passwords
    mfa_roles: frozenset[str] = MFA_ROLES
    generic_mailboxes: frozenset[str] = GENERIC_MAILBOXES
    company_name: str = ""
    free_attempts: int = 3  # failures on one account before back-off starts
    address_free_attempts: int = 50  # failures from one client address before it backs off
    backoff_base_seconds: float = 1.0
    backoff_max_seconds: float = 900.0
    lock_after: int = 10  # consecutive failures that lock an account
    lock_minutes: float = 30.0  # a lock lifts by itself after this (or an officer lifts it)
    idle_minutes: float = 15.0
    session_hours: float = 12.0
    reauth_minutes: float = 10.0  # how recent a re-authentication a sensitive action needs
    invitation_hours: float = 72.0
    totp_window: int = 1  # steps either side accepted (clock drift)
    touch_seconds: float = 60.0  # last_seen is written at most this often per session
    recovery_codes: int = 10
    extra_words: tuple[str, ...] = field(default=())  # refused like the company's name
    context_words: tuple[str, ...] = ("piiguard",)  # told to the strength estimator


def needs_mfa(roles: Iterable[str], policy: StaffPolicy) -> bool:
    return bool(frozenset(roles) & policy.mfa_roles)


def password_expired(account: StaffAccount, now: datetime, policy: StaffPolicy) -> bool:
    """R5.3: the policy asks for regular changes; off when max_age_days is 0."""
    if policy.max_age_days <= 0:
        return False
    changed = account.password_changed_at or account.created_at
    return now - changed >= timedelta(days=policy.max_age_days)


# --- throttling ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Throttle:
    """Consecutive failures on one key (an account's email or a client address, both as
    keyed hashes) and until when the next attempt must wait."""

    key: str
    failures: int = 0
    last_failure_at: datetime | None = None
    blocked_until: datetime | None = None
    locked: bool = False


def backoff(failures: int, policy: StaffPolicy, free: int | None = None) -> timedelta:
    """Exponential back-off: nothing for the first `free` failures (`free_attempts` unless
    given), then base·2^(n-free-1) seconds, capped."""
    over = failures - (policy.free_attempts if free is None else free)
    if over <= 0:
        return timedelta(0)
    return timedelta(
        seconds=min(policy.backoff_base_seconds * 2 ** (over - 1), policy.backoff_max_seconds)
    )


def after_failure(
    t: Throttle, now: datetime, policy: StaffPolicy, *, lockable: bool, free: int | None = None
) -> Throttle:
    """The throttle after one more failure: an account (lockable) backs off after
    `free_attempts` and locks at `lock_after`; a client address (`free` =
    `address_free_attempts`, much higher: a whole office may share one NAT address) only
    backs off, never locks."""
    failures = t.failures + 1
    if lockable and failures >= policy.lock_after:
        return Throttle(
            t.key, failures, now, now + timedelta(minutes=policy.lock_minutes), locked=True
        )
    return Throttle(t.key, failures, now, now + backoff(failures, policy, free))


def wait_for(t: Throttle | None, now: datetime) -> timedelta:
    """How long the next attempt must still wait (zero when it may go ahead)."""
    if t is None or t.blocked_until is None or t.blocked_until <= now:
        return timedelta(0)
    return t.blocked_until - now


# --- sessions -----------------------------------------------------------------------------


class SessionState(StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"  # idle too long: the same session resumes after re-authentication
    ENDED = "ended"  # revoked, past its absolute lifetime, or the account is inactive


def session_state(s: StaffSession, now: datetime, policy: StaffPolicy) -> SessionState:
    if s.revoked or not s.staff.active or s.expires_at <= now:
        return SessionState.ENDED
    seen = s.last_seen_at or s.created_at
    if seen is not None and now - seen > timedelta(minutes=policy.idle_minutes):
        return SessionState.LOCKED
    return SessionState.ACTIVE


def require_recent_auth(session: StaffSession, now: datetime, within: timedelta) -> None:
    """Raise ReauthRequired unless the session's last authentication (login or re-auth) is
    within `within` of now (approving an exception, exporting data, rotating keys, changing
    roles call this)."""
    at = session.authenticated_at
    if at is None or now - at > within:
        minutes = int(within.total_seconds() // 60)
        raise ReauthRequired(
            f"this action needs your password and code again (the last "
            f"sign-in on this session is older than {minutes} minutes); "
            "POST /api/v1/staff/reauth"
        )
