"""Who may call piiguard: system clients with API keys (R2.10) — add, scope, rotate, revoke,
authenticate. Staff accounts, their sign-in and the first account's setup link are
services/staff/."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from piiguard.domain.access import PolicyState
from piiguard.domain.accounts import SystemClient
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind, Scope
from piiguard.domain.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from piiguard.domain.ports import AuditQuery, Clock, UnitOfWork
from piiguard.domain.subjects import check_slug
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import check_categories

KEY_PREFIX = "pgk"


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_key() -> tuple[str, str]:
    prefix = secrets.token_hex(6)
    return prefix, f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"


def check_scope(
    state: PolicyState, purposes: frozenset[str] | None, categories: frozenset[str] | None
) -> Scope | None:
    """A key's scope: purposes from the register, categories from the taxonomy."""
    for purpose in sorted(purposes or ()):
        if purpose not in state.register.rules:
            raise InvalidInput(
                f"unknown purpose {purpose!r}; see piiguard purpose list", field="purposes"
            )
    check_categories(state.taxonomy, categories or frozenset(), "categories")
    if purposes is None and categories is None:
        return None
    return Scope(purposes, categories)


def add_client(
    uow: UnitOfWork, clock: Clock, actor: Actor, name: str, scope: Scope | None = None
) -> tuple[SystemClient, str]:
    """Register a system (ERP, CRM, ...), its key scoped to purposes and categories (None:
    every purpose the register allows systems). Returns its API key, shown once: only a
    SHA-256 of it is kept (it is 256 random bits, so a slow hash adds nothing)."""
    check_slug(name, "name")
    prefix, key = _new_key()
    client = SystemClient(new_id(), name, prefix, clock.now(), scope=scope)
    with uow:
        if uow.clients.by_name(name) is not None:
            raise Conflict(f"a system client named {name!r} exists", field="name")
        uow.clients.add(client, _sha256(key), actor.ref)
        uow.audit(
            AuditEvent(
                "client.add",
                actor.kind.value,
                actor.id,
                "client",
                client.id,
                details={"name": name, **_scope_details(scope)},
            )
        )
        uow.commit()
    return client, key


def _scope_details(scope: Scope | None) -> dict[str, list[str] | None]:
    scope = scope or Scope()
    return {
        "purposes": None if scope.purposes is None else sorted(scope.purposes),
        "categories": None if scope.categories is None else sorted(scope.categories),
    }


def _client_named(uow: UnitOfWork, name: str) -> SystemClient:
    client = uow.clients.by_name(name)
    if client is None:
        raise NotFound(f"no system client named {name!r}; see piiguard client list", field="name")
    if client.revoked_at is not None:
        raise Conflict(f"the client {name!r} was revoked", field="name")
    return client


def scope_client(uow: UnitOfWork, actor: Actor, name: str, scope: Scope | None) -> SystemClient:
    """Change what a client's key may be used for; the next decision holds to it."""
    with uow:
        client = _client_named(uow, name)
        uow.clients.set_scope(client.id, scope)
        uow.audit(
            AuditEvent(
                "client.scope",
                actor.kind.value,
                actor.id,
                "client",
                client.id,
                details=_scope_details(scope),
            )
        )
        uow.commit()
    return client


def rotate_client_key(
    uow: UnitOfWork, clock: Clock, actor: Actor, name: str, overlap: timedelta
) -> tuple[SystemClient, str]:
    """A new key for a client; the current one keeps working for `overlap` (so the system
    can be switched over without an outage), then stops. A key older than that is gone
    at once. Returns the new key, shown once."""
    if overlap < timedelta(0) or overlap > timedelta(days=30):
        raise InvalidInput("the overlap is 0 to 30 days", field="overlap")
    prefix, key = _new_key()
    until = clock.now() + overlap
    with uow:
        client = _client_named(uow, name)
        uow.clients.rotate(client.id, prefix, _sha256(key), until)
        uow.audit(
            AuditEvent(
                "client.rotate",
                actor.kind.value,
                actor.id,
                "client",
                client.id,
                details={"previous_until": until.isoformat()},
            )
        )
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


def last_rotations(uow: UnitOfWork, batch: int = 1000) -> dict[str, datetime]:
    """When each client's key was last rotated, by client id: its latest `client.rotate`
    entry on the audit trail (a client never rotated has none). Ids and times only."""
    found: dict[str, datetime] = {}
    after = 0
    with uow:
        while True:
            entries = uow.audit_log.entries(
                AuditQuery(action="client.rotate", after_seq=after, limit=batch)
            )
            for e in entries:
                found[e.target_id] = datetime.fromtimestamp(e.at_us / 1_000_000, UTC)
            if len(entries) < batch:
                return found
            after = entries[-1].seq


def authenticate_client(uow: UnitOfWork, clock: Clock, key: str) -> Actor:
    """The system behind an API key — its current key, or the previous one during the
    overlap after a rotation — with the key's scope, which the decision point holds to."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        raise NotAuthenticated("not a piiguard API key")
    with uow:
        found = uow.clients.by_prefix(parts[1])
    if found is None or not secrets.compare_digest(found[1], _sha256(key)):
        raise NotAuthenticated("unknown API key")
    client, _, previous_until = found
    if client.revoked_at is not None:
        raise NotAuthenticated("this API key was revoked")
    if previous_until is not None and previous_until <= clock.now():
        raise NotAuthenticated(
            "this API key was replaced and its overlap has ended: use the new key"
        )
    return Actor(client.id, ActorKind.SYSTEM, frozenset({"system"}), client.scope)
