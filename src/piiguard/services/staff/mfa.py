"""Second factor (R2.6, R2.9): TOTP (RFC 6238, pyotp) and single-use recovery codes.

The seed is sealed under the current key-encryption key (SecretBox) with the account id as
context; a code is accepted within ±`totp_window` steps of 30 s, and a time step once used
(or any earlier one) is never accepted again for that account. Recovery codes: 10 random
codes of 64 bits, kept as keyed hashes, each usable once."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp

from piiguard.domain.accounts import StaffAccount
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotAuthenticated
from piiguard.domain.ports import SecretBox, UnitOfWork
from piiguard.services.staff.kit import StaffKit, pending_for, token_hash

ISSUER = "piiguard"
STEP = 30


def totp_code(secret_b32: str, at: datetime, *, digits: int = 6, digest: str = "sha1") -> str:
    """The RFC 6238 code of `secret_b32` at `at` (the tests check the RFC's vectors)."""
    return pyotp.TOTP(secret_b32, digits=digits, digest=getattr(hashlib, digest), interval=STEP).at(
        at
    )


def matching_step(secret_b32: str, code: str, at: datetime, window: int) -> int | None:
    """The time step (within ±window of `at`) whose code is `code`, or None."""
    code = code.strip().replace(" ", "")
    if not code.isdigit():
        return None
    totp = pyotp.TOTP(secret_b32, interval=STEP)
    now_step = totp.timecode(at)
    for step in range(now_step - window, now_step + window + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _context(staff_id: str) -> str:
    return f"totp|{staff_id}"


def _recovery_hash(kit: StaffKit, staff_id: str, code: str) -> str:
    normal = code.strip().lower().replace("-", "").replace(" ", "")
    return kit.vault.keyed_hash(f"recovery|{staff_id}|{normal}")


def new_recovery_codes(kit: StaffKit) -> list[str]:
    return [
        "-".join(secrets.token_hex(8)[i : i + 4] for i in range(0, 16, 4))
        for _ in range(kit.policy.recovery_codes)
    ]


@dataclass(frozen=True, slots=True)
class Enrolment:
    secret: str  # base32, shown once for the authenticator app
    uri: str  # otpauth:// for a QR code


def start_totp(kit: StaffKit, uow: UnitOfWork, actor: Actor) -> Enrolment:
    """A fresh seed, kept unconfirmed until a code from it is shown (confirm_totp). A second
    start replaces an unconfirmed seed; an enrolled account re-enrols only after reset."""
    with uow:
        found = uow.staff.get(actor.id)
        if found is None:
            raise NotAuthenticated("no such staff account")
        account = found[0]
        if account.mfa_enrolled:
            raise Conflict(
                "two-factor sign-in is already on for this account; a privacy officer can reset it",
                field="totp",
            )
        secret = pyotp.random_base32()
        uow.staff.set_totp(account.id, kit.box.seal(secret.encode(), _context(account.id)), None)
        uow.audit(AuditEvent("staff.totp_started", "staff", account.id, "staff", account.id))
        uow.commit()
    uri = pyotp.TOTP(secret, interval=STEP).provisioning_uri(name=account.email, issuer_name=ISSUER)
    return Enrolment(secret, uri)


def confirm_totp(kit: StaffKit, uow: UnitOfWork, actor: Actor, token: str, code: str) -> list[str]:
    """Turn TOTP on once a code from the new seed is shown; returns 10 recovery codes (shown
    once). The session that confirmed is authenticated now (password at login + this code)."""
    now = kit.clock.now()
    with uow:
        found = uow.staff.get(actor.id)
        sealed, confirmed = uow.staff.totp(actor.id)
        if found is None or sealed is None or confirmed is not None:
            raise Conflict("start the enrolment first (POST /api/v1/staff/me/totp)", field="code")
        secret = kit.box.open(sealed, _context(actor.id)).decode()
        step = matching_step(secret, code, now, kit.policy.totp_window)
        if step is None or not uow.staff.use_totp_step(actor.id, step):
            raise InvalidInput(
                "that code does not match; use the current one from the app", field="code"
            )
        uow.staff.set_totp(actor.id, sealed, now)
        codes = new_recovery_codes(kit)
        uow.staff.replace_recovery_codes(
            actor.id, [_recovery_hash(kit, actor.id, c) for c in codes], now
        )
        account = uow.staff.get(actor.id)
        assert account is not None  # noqa: S101 (read in this transaction just above)
        uow.staff.authenticate_session(token_hash(token), now, pending_for(account[0], kit))
        uow.audit(AuditEvent("staff.totp_enrolled", "staff", actor.id, "staff", actor.id))
        uow.commit()
    return codes


def verify_second_factor(
    kit: StaffKit,
    uow: UnitOfWork,
    account: StaffAccount,
    *,
    totp: str | None,
    recovery_code: str | None,
) -> str | None:
    """Inside the caller's transaction: 'totp' or 'recovery' when a factor matches (and is
    then spent), None when it does not. Re-seals a seed found under an older KEK."""
    now = kit.clock.now()
    if totp:
        sealed, confirmed = uow.staff.totp(account.id)
        if sealed is None or confirmed is None:
            return None
        secret = kit.box.open(sealed, _context(account.id)).decode()
        step = matching_step(secret, totp, now, kit.policy.totp_window)
        if step is None or not uow.staff.use_totp_step(account.id, step):
            return None
        resealed = kit.box.seal(secret.encode(), _context(account.id))
        if resealed.split(":", 1)[0] != sealed.split(":", 1)[0]:
            uow.staff.set_totp(account.id, resealed, confirmed)
        return "totp"
    spent = recovery_code is not None and uow.staff.use_recovery_code(
        account.id, _recovery_hash(kit, account.id, recovery_code), now
    )
    return "recovery" if spent else None


def regenerate_recovery_codes(kit: StaffKit, uow: UnitOfWork, actor: Actor) -> list[str]:
    now = kit.clock.now()
    codes = new_recovery_codes(kit)
    with uow:
        _, confirmed = uow.staff.totp(actor.id)
        if confirmed is None:
            raise Conflict("turn two-factor sign-in on first", field="totp")
        uow.staff.replace_recovery_codes(
            actor.id, [_recovery_hash(kit, actor.id, c) for c in codes], now
        )
        uow.audit(AuditEvent("staff.recovery_codes", "staff", actor.id, "staff", actor.id))
        uow.commit()
    return codes


def reset_totp(kit: StaffKit, uow: UnitOfWork, actor: Actor, staff_id: str) -> None:
    """A privacy officer turns someone's TOTP off (lost phone and codes): the next sign-in
    asks them to enrol again before anything else. Their sessions end."""
    with uow:
        if uow.staff.get(staff_id) is None:
            raise InvalidInput("no such staff account", field="staff_id")
        uow.staff.set_totp(staff_id, None, None)
        uow.staff.replace_recovery_codes(staff_id, [], kit.clock.now())
        uow.staff.revoke_sessions_of(staff_id, kit.clock.now())
        uow.audit(AuditEvent("staff.totp_reset", actor.kind.value, actor.id, "staff", staff_id))
        uow.commit()


def reseal_totp_seeds(uow: UnitOfWork, box: SecretBox) -> int:
    """After a KEK rotation: every TOTP seed sealed under the new current KEK, so that the old
    version can be retired without locking anyone out. Inside the caller's transaction."""
    n = 0
    for staff_id, sealed in uow.staff.totp_seeds():
        fresh = box.seal(box.open(sealed, _context(staff_id)), _context(staff_id))
        uow.staff.reseal_totp(staff_id, fresh)
        n += 1
    return n


def seeds_under(uow: UnitOfWork, version: str) -> int:
    """How many TOTP seeds are still sealed under KEK `version`."""
    return sum(1 for _, sealed in uow.staff.totp_seeds() if sealed.startswith(f"v{version}:"))
