"""The audit trail's storage: append under the head lock, stream for verification,
search for auditors, and checkpoints (by count at append, and on the timer)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import cast

from sqlalchemy import Connection, Engine, func, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import insert_rows
from piiguard.domain.audit import (
    AuditEntry,
    AuditEvent,
    Checkpoint,
    RowTuple,
    chain,
    checkpoint_due,
    sign_checkpoint,
)
from piiguard.domain.ports import AuditQuery, CheckpointSigner

_E = t.audit_entries
_ROW_COLS = (
    _E.c.seq,
    _E.c.at_us,
    _E.c.actor_kind,
    _E.c.actor_id,
    _E.c.action,
    _E.c.target_type,
    _E.c.target_id,
    _E.c.subject_id,
    _E.c.purpose,
    _E.c.decision_id,
    _E.c.details,
    _E.c.prev_hash,
    _E.c.entry_hash,
)


class SqlAuditLog:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def head(self, *, lock: bool = False) -> tuple[int, str]:
        q = select(t.audit_head.c.seq, t.audit_head.c.entry_hash).where(t.audit_head.c.id == 1)
        if lock:  # PostgreSQL row lock; on SQLite the writer already holds BEGIN IMMEDIATE
            q = q.with_for_update()
        seq, h = self._c.execute(q).one()
        return int(seq), str(h)

    def append(self, events: Sequence[AuditEvent], at_us: int) -> list[AuditEntry]:
        """Chain and insert `events` after the locked head. Call as late as possible in the
        transaction: the lock serialises every appender until commit."""
        seq, h = self.head(lock=True)
        entries = chain(events, head_seq=seq, head_hash=h, at_us=at_us)
        insert_rows(
            self._c,
            _E,
            [  # the table's column order
                (
                    e.seq,
                    e.at_us,
                    e.actor_kind,
                    e.actor_id,
                    e.action,
                    e.target_type,
                    e.target_id,
                    e.subject_id,
                    e.purpose,
                    e.decision_id,
                    e.details,
                    e.prev_hash,
                    e.entry_hash,
                )
                for e in entries
            ],
        )
        last = entries[-1]
        self._c.execute(
            update(t.audit_head)
            .where(t.audit_head.c.id == 1)
            .values(seq=last.seq, entry_hash=last.entry_hash)
        )
        return entries

    def entries(self, query: AuditQuery) -> list[AuditEntry]:
        q = select(*_ROW_COLS).where(_E.c.seq > query.after_seq)
        if query.subject_id:
            q = q.where(_E.c.subject_id == query.subject_id)
        if query.actor_id:
            q = q.where(_E.c.actor_id == query.actor_id)
        if query.action:
            q = q.where(_E.c.action == query.action)
        if query.target is not None:
            q = q.where(_E.c.target_type == query.target[0], _E.c.target_id == query.target[1])
        if query.since_us is not None:
            q = q.where(_E.c.at_us >= query.since_us)
        if query.until_us is not None:
            q = q.where(_E.c.at_us < query.until_us)
        q = q.order_by(_E.c.seq).limit(query.limit)
        return [AuditEntry(*cast(RowTuple, tuple(r))) for r in self._c.execute(q)]

    def rows(self) -> Iterator[RowTuple]:
        """The whole chain in seq order, streamed. This is verification's hot loop, so it
        reads through the driver's cursor (plain tuples, no Row objects); on PostgreSQL a
        named (server-side) cursor keeps memory flat."""
        sql = str(select(*_ROW_COLS).order_by(_E.c.seq).compile(self._c))
        raw = self._c.connection.dbapi_connection
        if raw is None:
            raise RuntimeError("the unit of work's connection is closed")
        if self._c.dialect.name == "postgresql":
            cur = raw.cursor(name="piiguard_audit_verify")
        else:
            cur = raw.cursor()
        try:
            cur.execute(sql)
            while batch := cur.fetchmany(20_000):
                yield from cast(list[RowTuple], batch)
        finally:
            cur.close()

    def hashes(self, first_seq: int, last_seq: int) -> list[str]:
        q = (
            select(_E.c.entry_hash)
            .where(_E.c.seq >= first_seq, _E.c.seq <= last_seq)
            .order_by(_E.c.seq)
        )
        return list(self._c.execute(q).scalars())

    def checkpoints(self) -> list[Checkpoint]:
        q = select(t.audit_checkpoints).order_by(t.audit_checkpoints.c.last_seq)
        return [
            Checkpoint(
                r.first_seq, r.last_seq, r.head_hash, r.merkle_root, r.at_us, r.key_id, r.signature
            )
            for r in self._c.execute(q)
        ]

    def last_checkpoint(self) -> Checkpoint | None:
        q = select(t.audit_checkpoints).order_by(t.audit_checkpoints.c.last_seq.desc()).limit(1)
        r = self._c.execute(q).first()
        return (
            None
            if r is None
            else Checkpoint(
                r.first_seq, r.last_seq, r.head_hash, r.merkle_root, r.at_us, r.key_id, r.signature
            )
        )

    def checkpoint_if_due(
        self, head: AuditEntry, every: int, signer: CheckpointSigner
    ) -> Checkpoint | None:
        """Sign the entries since the last checkpoint once `every` of them wait. Call right
        after `append` (`head` is the entry it placed last), in its transaction: the head
        lock it holds is what the timer's `record_checkpoint` takes too, so exactly one
        writer sees each batch due, and the checkpoint commits — or not — with the entries
        that made it due. The last checkpoint is read after the lock is held, in a statement
        of its own (on PostgreSQL, read committed: it sees every checkpoint committed by the
        writers this one waited for)."""
        last = self._c.execute(select(func.max(t.audit_checkpoints.c.last_seq))).scalar()
        done = int(last or 0)
        if not checkpoint_due(head.seq, done, every):
            return None
        cp = sign_checkpoint(
            done + 1,
            head.seq,
            head.entry_hash,
            self.hashes(done + 1, head.seq),
            head.at_us,
            signer.key_id,
            signer.sign,
        )
        self.add_checkpoint(cp)
        return cp

    def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        cp = checkpoint
        self._c.execute(
            t.audit_checkpoints.insert().values(
                last_seq=cp.last_seq,
                first_seq=cp.first_seq,
                head_hash=cp.head_hash,
                merkle_root=cp.merkle_root,
                at_us=cp.at_us,
                key_id=cp.key_id,
                signature=cp.signature,
            )
        )


def stream_rows(engine: Engine) -> Iterator[RowTuple]:
    """Stream the whole chain on a connection of its own (for `audit verify`)."""
    with engine.connect() as conn:
        yield from SqlAuditLog(conn).rows()
