"""The systems that call the API: their keys (hashed, with the previous key during a
rotation's overlap) and the scope each key is held to."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, select, update

from piiguard.adapters.db import tables as t
from piiguard.domain.accounts import SystemClient
from piiguard.domain.decisions import Scope


def _json_set(values: frozenset[str] | None) -> str | None:
    return None if values is None else json.dumps(sorted(values))


def _set_of(stored: str | None) -> frozenset[str] | None:
    return None if stored is None else frozenset(json.loads(stored))


class SqlClients:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    @staticmethod
    def _client(r: Row[Any]) -> SystemClient:
        purposes, categories = _set_of(r.purposes), _set_of(r.categories)
        scope = None if purposes is None and categories is None else Scope(purposes, categories)
        return SystemClient(
            r.id,
            r.name,
            r.key_prefix,
            r.created_at,
            r.revoked_at,
            scope,
            r.previous_prefix,
            r.previous_expires_at,
        )

    def add(self, client: SystemClient, key_hash: str, created_by: str) -> None:
        scope = client.scope or Scope()
        self._c.execute(
            t.system_clients.insert().values(
                id=client.id,
                name=client.name,
                key_prefix=client.key_prefix,
                key_hash=key_hash,
                created_at=client.created_at,
                created_by=created_by,
                purposes=_json_set(scope.purposes),
                categories=_json_set(scope.categories),
            )
        )

    def by_prefix(self, prefix: str) -> tuple[SystemClient, str, datetime | None] | None:
        """The client whose current key, or whose previous key (with the time it stops
        working), has this prefix."""
        c = t.system_clients.c
        r = self._c.execute(
            select(t.system_clients).where((c.key_prefix == prefix) | (c.previous_prefix == prefix))
        ).first()
        if r is None:
            return None
        if r.key_prefix == prefix:
            return self._client(r), r.key_hash, None
        return self._client(r), r.previous_hash, r.previous_expires_at

    def by_name(self, name: str) -> SystemClient | None:
        r = self._c.execute(select(t.system_clients).where(t.system_clients.c.name == name)).first()
        return None if r is None else self._client(r)

    def set_scope(self, client_id: str, scope: Scope | None) -> None:
        scope = scope or Scope()
        self._c.execute(
            update(t.system_clients)
            .where(t.system_clients.c.id == client_id)
            .values(purposes=_json_set(scope.purposes), categories=_json_set(scope.categories))
        )

    def rotate(
        self, client_id: str, prefix: str, key_hash: str, previous_expires_at: datetime
    ) -> None:
        c = t.system_clients.c
        self._c.execute(
            update(t.system_clients)
            .where(c.id == client_id)
            .values(
                previous_prefix=c.key_prefix,
                previous_hash=c.key_hash,
                previous_expires_at=previous_expires_at,
                key_prefix=prefix,
                key_hash=key_hash,
            )
        )

    def revoke(self, client_id: str, at: datetime) -> None:
        self._c.execute(
            update(t.system_clients).where(t.system_clients.c.id == client_id).values(revoked_at=at)
        )

    def list(self) -> list[SystemClient]:
        q = select(t.system_clients).order_by(t.system_clients.c.name)
        return [self._client(r) for r in self._c.execute(q)]
