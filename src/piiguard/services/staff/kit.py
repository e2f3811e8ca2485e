"""What the staff-security use cases share: their collaborators and settings in one place
(`StaffKit`, built by bootstrap), the hashing of tokens, the keys under which sign-in
attempts are counted, and what a session must still do before it may act.

A parameter object here, unlike elsewhere: every staff use case needs the same seven
collaborators, and listing them at each call would hide which one differs."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from piiguard.domain.accounts import SessionPending, StaffAccount
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.password_rules import check_password
from piiguard.domain.ports import (
    BreachedPasswords,
    Clock,
    PasswordHashing,
    PasswordStrength,
    SecretBox,
    Vault,
)
from piiguard.domain.staff_security import StaffPolicy, needs_mfa, password_expired


@dataclass(frozen=True)
class StaffKit:
    clock: Clock
    passwords: PasswordHashing
    vault: Vault  # keyed hashes: throttling keys, audit details, CSRF, recovery codes
    box: SecretBox  # TOTP seeds, sealed under the current KEK
    breached: BreachedPasswords
    policy: StaffPolicy
    strength: PasswordStrength  # the guess-count estimate beside the list (zxcvbn)

    def check_password(
        self, password: str, *, mfa: bool, email: str = "", name: str = "", field: str = "password"
    ) -> str:
        """Every path that sets a password comes here: the first account, an invitation
        accepted, one's own change (domain/password_rules.py has the rules)."""
        return check_password(
            password,
            mfa=mfa,
            policy=self.policy,
            breached=self.breached.__contains__,
            email=email,
            name=name,
            field=field,
            strength=self.strength.estimate,
        )

    def email_hash(self, email: str) -> str:
        """What the audit trail and the throttle table hold instead of an email."""
        return self.vault.keyed_hash(f"staff-email|{email.strip().casefold()}")

    def address_hash(self, address: str) -> str:
        return self.vault.keyed_hash(f"client-address|{address}")

    def csrf_token(self, token: str) -> str:
        """One CSRF token per session, derived (HMAC) from it: nothing more to store, and
        useless without the session it belongs to."""
        return self.vault.keyed_hash(f"csrf|{token_hash(token)}")

    def check_csrf(self, token: str, presented: str | None) -> bool:
        return presented is not None and secrets.compare_digest(self.csrf_token(token), presented)


def token_hash(token: str) -> str:
    """Session, setup and invitation tokens are 256 random bits: SHA-256 is enough."""
    return hashlib.sha256(token.encode()).hexdigest()


def account_key(kit: StaffKit, email: str) -> str:
    return "acct:" + kit.email_hash(email)[:64]


def address_key(kit: StaffKit, address: str) -> str:
    return "addr:" + kit.address_hash(address)[:64]


def pending_for(account: StaffAccount, kit: StaffKit) -> str | None:
    """The step a session must finish first: enrol TOTP when the role needs it, then change
    a password that is breached, expired or was set by someone else."""
    now = kit.clock.now()
    if needs_mfa(account.roles, kit.policy) and not account.mfa_enrolled:
        return SessionPending.ENROL_TOTP
    if account.must_change_password or password_expired(account, now, kit.policy):
        return SessionPending.CHANGE_PASSWORD
    return None


def staff_actor(account: StaffAccount) -> Actor:
    return Actor(account.id, ActorKind.STAFF, account.roles)
