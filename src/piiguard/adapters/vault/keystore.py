"""The key store: wrapped subject data keys, in their own database. Each call is its own
short transaction, committed before the data that depends on it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import Engine, bindparam, delete, func, select, update

from piiguard.adapters.vault.keyfile import WrappedKey
from piiguard.adapters.vault.keystore_tables import subject_keys

_CHUNK = 900  # stay below SQLite's bound-parameter limit


class KeyStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def put_many(self, rows: Sequence[tuple[str, WrappedKey]], at: datetime) -> None:
        if not rows:
            return
        with self._engine.begin() as conn:
            conn.execute(
                subject_keys.insert(),
                [
                    {
                        "subject_id": sid,
                        "kek_version": w.version,
                        "wrapped_key": w.blob,
                        "created_at": at,
                    }
                    for sid, w in rows
                ],
            )

    def get_many(self, subject_ids: Sequence[str]) -> dict[str, WrappedKey]:
        found: dict[str, WrappedKey] = {}
        with self._engine.connect() as conn:
            for i in range(0, len(subject_ids), _CHUNK):
                chunk = list(subject_ids[i : i + _CHUNK])
                q = select(
                    subject_keys.c.subject_id,
                    subject_keys.c.kek_version,
                    subject_keys.c.wrapped_key,
                ).where(subject_keys.c.subject_id.in_(chunk))
                for sid, version, blob in conn.execute(q):
                    found[sid] = WrappedKey(version, bytes(blob))
        return found

    def delete_many(self, subject_ids: Sequence[str]) -> int:
        n = 0
        with self._engine.begin() as conn:
            for i in range(0, len(subject_ids), _CHUNK):
                chunk = list(subject_ids[i : i + _CHUNK])
                n += conn.execute(
                    delete(subject_keys).where(subject_keys.c.subject_id.in_(chunk))
                ).rowcount
        return n

    def subject_ids(self) -> Iterator[str]:
        with self._engine.connect() as conn:
            yield from conn.execute(select(subject_keys.c.subject_id)).scalars()

    def not_under(self, version: str, limit: int) -> list[tuple[str, WrappedKey]]:
        with self._engine.connect() as conn:
            q = (
                select(
                    subject_keys.c.subject_id,
                    subject_keys.c.kek_version,
                    subject_keys.c.wrapped_key,
                )
                .where(subject_keys.c.kek_version != version)
                .limit(limit)
            )
            return [(sid, WrappedKey(v, bytes(b))) for sid, v, b in conn.execute(q)]

    def rewrap(self, rows: Sequence[tuple[str, str, WrappedKey]]) -> None:
        """rows: (subject_id, old version, new wrapped key); a row re-wrapped meanwhile by
        another rotation is left as it is (the old-version guard)."""
        if not rows:
            return
        stmt = (
            update(subject_keys)
            .where(
                subject_keys.c.subject_id == bindparam("sid"),
                subject_keys.c.kek_version == bindparam("old"),
            )
            .values(kek_version=bindparam("new_version"), wrapped_key=bindparam("blob"))
        )
        with self._engine.begin() as conn:
            conn.execute(
                stmt,
                [
                    {"sid": sid, "old": old, "new_version": new.version, "blob": new.blob}
                    for sid, old, new in rows
                ],
            )

    def versions_in_use(self) -> dict[str, int]:
        with self._engine.connect() as conn:
            q = select(subject_keys.c.kek_version, func.count()).group_by(
                subject_keys.c.kek_version
            )
            return {v: int(n) for v, n in conn.execute(q)}
