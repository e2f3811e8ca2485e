"""Who may call piiguard: system clients with API keys, staff with a login (R2.9, R2.10).
The full staff-security rules (password policy, MFA, idle lock, throttling) build on this."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from piiguard.domain.accounts import (
    StaffAccount,
    SystemClient,
    check_email,
)
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from piiguard.domain.ports import Clock, PasswordHashing, UnitOfWork, Vault
from piiguard.domain.subjects import check_slug
from piiguard.services.ids import new_id

KEY_PREFIX = "pgk"
MIN_PASSWORD = 15  # NIST SP 800-63B-4 for a password as the only factor
MAX_PASSWORD = 1024
FIRST_ACCOUNT_ROLES = frozenset({"admin", "privacy_officer"})


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_client(uow: UnitOfWork, clock: Clock, actor: Actor, name: str
               ) -> tuple[SystemClient, str]:
    """Register a system (ERP, CRM, ...). Returns its API key, shown once: only a SHA-256 of
    it is kept (it is 256 random bits, so a slow hash adds nothing)."""
    check_slug(name, "name")
    prefix = secrets.token_hex(6)
    key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    client = SystemClient(new_id(), name, prefix, clock.now())
    with uow:
        if uow.clients.by_name(name) is not None:
            raise Conflict(f"a system client named {name!r} exists", field="name")
        uow.clients.add(client, _sha256(key), actor.ref)
        uow.audit(AuditEvent("client.add", actor.kind.value, actor.id, "client", client.id,
                             details={"name": name}))
        uow.commit()
    return client, key


def revoke_client(uow: UnitOfWork, clock: Clock, actor: Actor, name: str) -> SystemClient:
    with uow:
        client = uow.clients.by_name(name)
        if client is None:
            raise NotFound(f"no system client named {name!r}", field="name")
        uow.clients.revoke(client.id, clock.now())
        uow.audit(AuditEvent("client.revoke", actor.kind.value, actor.id, "client", client.id))
        uow.commit()
    return client


def list_clients(uow: UnitOfWork) -> list[SystemClient]:
    with uow:
        return uow.clients.list()


def authenticate_client(uow: UnitOfWork, key: str) -> Actor:
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        raise NotAuthenticated("not a piiguard API key")
    with uow:
        found = uow.clients.by_prefix(parts[1])
    if found is None or not secrets.compare_digest(found[1], _sha256(key)):
        raise NotAuthenticated("unknown API key")
    client = found[0]
    if client.revoked_at is not None:
        raise NotAuthenticated("this API key was revoked")
    return Actor(client.id, ActorKind.SYSTEM, frozenset({"system"}))


def open_setup(uow: UnitOfWork, clock: Clock, hours: float) -> str | None:
    """A one-time setup token for the first staff account, when there is none yet."""
    with uow:
        if uow.staff.count():
            return None
        token = secrets.token_urlsafe(32)
        now = clock.now()
        uow.staff.add_setup_token(_sha256(token), now, now + timedelta(hours=hours))
        uow.audit(AuditEvent("staff.setup_opened", "operator", "local-operator"))
        uow.commit()
    return token


def _check_password(password: str, email: str, display_name: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(f"the password must be {MIN_PASSWORD}–{MAX_PASSWORD} characters; a "
                           "few unrelated words make a strong one", field="password")
    lowered = password.casefold()
    for part in (email.split("@", maxsplit=1)[0], display_name):
        if len(part) >= 3 and part.casefold() in lowered:
            raise InvalidInput("the password must not contain your name or email",
                               field="password")


def complete_setup(uow: UnitOfWork, clock: Clock, passwords: PasswordHashing, token: str,
                   email: str, display_name: str, password: str) -> StaffAccount:
    email = check_email(email)
    if not display_name.strip() or len(display_name) > 128:
        raise InvalidInput("display_name must be 1–128 characters", field="display_name")
    _check_password(password, email, display_name)
    account = StaffAccount(new_id(), email, display_name.strip(), FIRST_ACCOUNT_ROLES,
                           True, clock.now())
    with uow:
        if not uow.staff.use_setup_token(_sha256(token), clock.now()):
            raise NotAuthenticated("this setup link is unknown, used or expired; run "
                                   "`piiguard init` for a new one")
        uow.staff.add(account, passwords.hash(password))
        uow.audit(AuditEvent("staff.create", "staff", account.id, "staff", account.id,
                             details={"roles": sorted(account.roles), "via": "setup"}))
        uow.commit()
    return account


def login_staff(uow: UnitOfWork, clock: Clock, passwords: PasswordHashing, vault: Vault,
                email: str, password: str, hours: float) -> tuple[str, StaffAccount]:
    """Check the password (argon2id, parameters upgraded on login), open a server-side
    session and return its token. Every attempt is audited, by id or keyed hash."""
    key = email.strip().casefold()
    with uow:
        found = uow.staff.by_email(key)
        ok = found is not None and found[0].active and passwords.verify(found[1], password)
        if not ok or found is None:
            uow.audit(AuditEvent("staff.login_failed", "anonymous", "-", details={
                "email_hash": vault.keyed_hash(key)}))
            uow.commit()
            raise NotAuthenticated("wrong email or password")
        account, stored = found
        if passwords.needs_rehash(stored):
            uow.staff.set_password_hash(account.id, passwords.hash(password))
        token = secrets.token_urlsafe(32)
        now = clock.now()
        uow.staff.add_session(_sha256(token), account.id, now, now + timedelta(hours=hours))
        uow.audit(AuditEvent("staff.login", "staff", account.id, "staff", account.id))
        uow.commit()
    return token, account


def authenticate_staff(uow: UnitOfWork, clock: Clock, token: str) -> Actor:
    with uow:
        session = uow.staff.session(_sha256(token))
    if (session is None or session.revoked or not session.staff.active
            or session.expires_at <= clock.now()):
        raise NotAuthenticated("session unknown, ended or expired: log in again")
    return Actor(session.staff.id, ActorKind.STAFF, session.staff.roles)


def logout_staff(uow: UnitOfWork, clock: Clock, actor: Actor, token: str) -> None:
    with uow:
        uow.staff.revoke_session(_sha256(token), clock.now())
        uow.audit(AuditEvent("staff.logout", actor.kind.value, actor.id))
        uow.commit()
