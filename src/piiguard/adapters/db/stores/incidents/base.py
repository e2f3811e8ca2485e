"""What the incident register's stores share: the connection, and the officers' words sealed
at rest with the SecretBox the unit of work hands (bootstrap always hands one; without it,
as in a bare unit of work, they are stored as given)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from piiguard.domain.ports import SecretBox


class SealedStore:
    def __init__(self, conn: Connection, box: SecretBox | None = None) -> None:
        self._c = conn
        self._box = box

    def _seal(self, value: str, context: str) -> str:
        if not value or self._box is None:
            return value
        return self._box.seal(value.encode(), context)

    def _open(self, value: str, context: str) -> str:
        if not value or self._box is None:
            return value
        return self._box.open(value, context).decode()

    def _locked(self, q: Any, lock: bool) -> Any:
        return q.with_for_update() if lock and self._c.dialect.name == "postgresql" else q
