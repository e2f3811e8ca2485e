"""Who may call piiguard: system clients with API keys (R2.10), and the one-time setup
link of the first staff account. Staff sign-in, sessions and accounts: staff_login.py,
staff_accounts.py, mfa.py."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from piiguard.domain.accounts import SystemClient
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, NotAuthenticated, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.subjects import check_slug
from piiguard.services.ids import new_id

KEY_PREFIX = "pgk"


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
