"""The key store: wrapped subject data keys, in their own database. Each call is its own
short transaction, committed before the data that depends on it.

A key that is destroyed (a subject erased, or re-keyed after a disposal) must not live on in
the key store's own files: on SQLite every connection runs with `secure_delete` (freed
content is zeroed) and the write-ahead log is checkpointed and truncated after the key is
gone, so the old wrapped key's bytes are in neither file (tests/integration/test_rekey.py).
On PostgreSQL the old row version stays in the table's file until VACUUM reuses its space,
and in the WAL archive: docs/retention.md says how long key-store backups may be kept."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, bindparam, delete, event, func, select, update
from sqlalchemy.exc import IntegrityError

from piiguard.adapters.db.bulk import driver_rows, in_ids
from piiguard.adapters.vault.keyfile import WrappedKey
from piiguard.adapters.vault.keystore_tables import record_keys, subject_keys

_CHUNK = 900  # stay below SQLite's bound-parameter limit


_K = subject_keys.c
_R = record_keys.c
_GET_MANY = select(
    _K.subject_id, _K.kek_version, _K.wrapped_key, _K.next_kek_version, _K.next_wrapped_key
).where(in_ids(_K.subject_id))


class KeyStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sqlite = engine.dialect.name == "sqlite"
        if self._sqlite:
            event.listen(engine, "connect", _secure_delete)

    def _forget(self) -> None:
        """After a key is destroyed: on SQLite, copy the log into the file (where the freed
        cell was zeroed) and truncate it, so no old page holding the key stays in the log.
        Best effort: a checkpoint blocked by a reader leaves the rest to the next one."""
        if not self._sqlite:
            return
        with self._engine.connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

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

    def get_many(
        self, subject_ids: Sequence[str]
    ) -> dict[str, tuple[WrappedKey, WrappedKey | None]]:
        """subject -> (its current key, the fresh key staged for it by a re-keying or None)."""
        found: dict[str, tuple[WrappedKey, WrappedKey | None]] = {}
        if not subject_ids:
            return found
        with self._engine.connect() as conn:  # the driver's tuples: no Row per key
            rows, _ = driver_rows(conn, _GET_MANY, {"ids": list(subject_ids)})
        for sid, version, blob, next_version, next_blob in rows:
            staged = None if next_blob is None else WrappedKey(next_version, bytes(next_blob))
            found[sid] = (WrappedKey(version, bytes(blob)), staged)
        return found

    def delete_many(self, subject_ids: Sequence[str]) -> int:
        n = 0
        with self._engine.begin() as conn:
            for i in range(0, len(subject_ids), _CHUNK):
                chunk = list(subject_ids[i : i + _CHUNK])
                n += conn.execute(
                    delete(subject_keys).where(subject_keys.c.subject_id.in_(chunk))
                ).rowcount
        if n:
            self._forget()
        return n

    # -- re-keying: stage a fresh key, then make it the current one -----------------------
    def stage(self, subject_id: str, key: WrappedKey) -> bool:
        """Keep `key` beside the subject's current key; False if the subject has no key or
        a staged key already (an unfinished re-keying)."""
        with self._engine.begin() as conn:
            q = (
                update(subject_keys)
                .where(_K.subject_id == subject_id, _K.next_wrapped_key.is_(None))
                .values(next_kek_version=key.version, next_wrapped_key=key.blob)
            )
            return bool(conn.execute(q).rowcount)

    def promote(self, subject_id: str) -> bool:
        """The staged key overwrites the current one (which is then nowhere in the store)."""
        with self._engine.begin() as conn:
            q = (
                update(subject_keys)
                .where(_K.subject_id == subject_id, _K.next_wrapped_key.is_not(None))
                .values(
                    kek_version=_K.next_kek_version,
                    wrapped_key=_K.next_wrapped_key,
                    next_kek_version=None,
                    next_wrapped_key=None,
                )
            )
            done = bool(conn.execute(q).rowcount)
        if done:
            self._forget()
        return done

    def unstage(self, subject_id: str) -> bool:
        """Drop a staged key no item depends on (a re-keying whose data never committed)."""
        with self._engine.begin() as conn:
            q = (
                update(subject_keys)
                .where(_K.subject_id == subject_id, _K.next_wrapped_key.is_not(None))
                .values(next_kek_version=None, next_wrapped_key=None)
            )
            done = bool(conn.execute(q).rowcount)
        if done:
            self._forget()
        return done

    # -- re-keying by the hundreds (a disposal batch's chunk of people) -------------------
    def stage_many(self, rows: Sequence[tuple[str, WrappedKey]]) -> bool:
        """`stage` for many subjects in one transaction, all or none: False (nothing
        staged) if any of them has no key or a staged key already."""
        q = (
            update(subject_keys)
            .where(_K.subject_id == bindparam("sid"), _K.next_wrapped_key.is_(None))
            .values(next_kek_version=bindparam("v"), next_wrapped_key=bindparam("blob"))
        )
        with self._engine.connect() as conn, conn.begin() as tx:
            params = [{"sid": sid, "v": w.version, "blob": w.blob} for sid, w in rows]
            if conn.execute(q, params).rowcount == len(rows):
                return True
            tx.rollback()
            return False

    def promote_many(self, subject_ids: Sequence[str]) -> int:
        """`promote` for many subjects in one transaction, the log checkpointed once."""
        return self._settle_many(subject_ids, promote=True)

    def unstage_many(self, subject_ids: Sequence[str]) -> int:
        return self._settle_many(subject_ids, promote=False)

    def _settle_many(self, subject_ids: Sequence[str], *, promote: bool) -> int:
        values: dict[str, Any] = {"next_kek_version": None, "next_wrapped_key": None}
        if promote:
            values |= {"kek_version": _K.next_kek_version, "wrapped_key": _K.next_wrapped_key}
        if not subject_ids:
            return 0
        q = (
            update(subject_keys)
            .where(in_ids(_K.subject_id), _K.next_wrapped_key.is_not(None))
            .values(**values)
        )
        with self._engine.begin() as conn:
            n = int(conn.execute(q, {"ids": list(subject_ids)}).rowcount)
        if n:
            self._forget()
        return n

    def staged_subject_ids(self) -> list[str]:
        with self._engine.connect() as conn:
            q = select(_K.subject_id).where(_K.next_wrapped_key.is_not(None))
            return list(conn.execute(q).scalars())

    def subject_ids(self) -> Iterator[str]:
        with self._engine.connect() as conn:
            yield from conn.execute(select(subject_keys.c.subject_id)).scalars()

    def staged_not_under(self, version: str, limit: int) -> list[tuple[str, WrappedKey]]:
        with self._engine.connect() as conn:
            q = (
                select(_K.subject_id, _K.next_kek_version, _K.next_wrapped_key)
                .where(_K.next_kek_version.is_not(None), _K.next_kek_version != version)
                .limit(limit)
            )
            return [(sid, WrappedKey(v, bytes(b))) for sid, v, b in conn.execute(q)]

    def rewrap_staged(self, rows: Sequence[tuple[str, str, WrappedKey]]) -> None:
        """`rewrap` for staged keys (a KEK rotation during a re-keying)."""
        if not rows:
            return
        stmt = (
            update(subject_keys)
            .where(_K.subject_id == bindparam("sid"), _K.next_kek_version == bindparam("old"))
            .values(next_kek_version=bindparam("new_version"), next_wrapped_key=bindparam("blob"))
        )
        with self._engine.begin() as conn:
            conn.execute(
                stmt,
                [
                    {"sid": sid, "old": old, "new_version": new.version, "blob": new.blob}
                    for sid, old, new in rows
                ],
            )

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
        """KEK version -> keys it wraps (staged keys included: a version is in use while
        a re-keying's fresh key is under it)."""
        with self._engine.connect() as conn:
            q = select(_K.kek_version, func.count()).group_by(_K.kek_version)
            used = {v: int(n) for v, n in conn.execute(q)}
            staged = (
                select(_K.next_kek_version, func.count())
                .where(_K.next_kek_version.is_not(None))
                .group_by(_K.next_kek_version)
            )
            for v, n in conn.execute(staged):
                used[v] = used.get(v, 0) + int(n)
            records = select(_R.kek_version, func.count()).group_by(_R.kek_version)
            for v, n in conn.execute(records):
                used[v] = used.get(v, 0) + int(n)
            return used

    # -- record keys (piiguard's own records about people, adapters/vault/recordbox.py) ---
    def record_key(self, scope: str) -> WrappedKey | None:
        with self._engine.connect() as conn:
            q = select(_R.kek_version, _R.wrapped_key).where(_R.scope == scope)
            row = conn.execute(q).first()
        return None if row is None else WrappedKey(row[0], bytes(row[1]))

    def add_record_key(self, scope: str, key: WrappedKey, at: datetime) -> bool:
        """Store the record's key (committed before anything is sealed under it); False if
        another process stored one first (then use that one)."""
        row = {"scope": scope, "kek_version": key.version, "wrapped_key": key.blob}
        try:
            with self._engine.begin() as conn:
                conn.execute(record_keys.insert(), [row | {"created_at": at}])
        except IntegrityError:
            return False
        return True

    def delete_record_keys(self, scopes: Sequence[str]) -> int:
        """Destroy these records' keys (the log truncated on SQLite, as for subject keys)."""
        n = 0
        with self._engine.begin() as conn:
            for i in range(0, len(scopes), _CHUNK):
                chunk = list(scopes[i : i + _CHUNK])
                n += conn.execute(delete(record_keys).where(_R.scope.in_(chunk))).rowcount
        if n:
            self._forget()
        return n

    def record_keys_not_under(self, version: str, limit: int) -> list[tuple[str, WrappedKey]]:
        with self._engine.connect() as conn:
            q = (
                select(_R.scope, _R.kek_version, _R.wrapped_key)
                .where(_R.kek_version != version)
                .limit(limit)
            )
            return [(scope, WrappedKey(v, bytes(b))) for scope, v, b in conn.execute(q)]

    def rewrap_record_keys(self, rows: Sequence[tuple[str, str, WrappedKey]]) -> None:
        """rows: (scope, old version, new wrapped key), as `rewrap`."""
        stmt = (
            update(record_keys)
            .where(_R.scope == bindparam("sc"), _R.kek_version == bindparam("old"))
            .values(kek_version=bindparam("new_version"), wrapped_key=bindparam("blob"))
        )
        with self._engine.begin() as conn:
            conn.execute(
                stmt,
                [
                    {"sc": sc, "old": old, "new_version": new.version, "blob": new.blob}
                    for sc, old, new in rows
                ],
            )


def _secure_delete(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()
