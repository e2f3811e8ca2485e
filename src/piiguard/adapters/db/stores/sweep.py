"""What the retention sweep reads and removes beyond the data items (R2.11; docs/
retention.md): piiguard's own records about people — request records with their sealed
details, mail in triage, delivered packages — selected by their anchor event and deleted
when disposed of; how far the stored retain-until is up to date (`retention_refresh`:
the audit entries looked at, the schedule's key), with the subjects the audit trail names
since; and who is doing a piece of retention work now (`retention_claims`). Part of
`SqlRetention` (uow.retention), through `SqlDisposal`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    bindparam,
    delete,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import chunks, driver_rows, id_chunks, in_ids
from piiguard.domain.retention.disposal import DueRow, OwnRecord
from piiguard.domain.retention.schedule import Anchor, RecordType

_REQ, _PKG, _MAIL = t.data_requests, t.request_packages, t.triage_mail
_E, _IR, _RF, _CL = t.audit_entries, t.item_retention, t.retention_refresh, t.retention_claims
_STATE = "sweep"
# the rows that hang off a request (foreign keys to data_requests)
_REQUEST_CHILDREN = (t.request_codes, t.request_notices, t.request_tasks, t.request_packages)


def _select(record_type: RecordType, anchor: Anchor) -> tuple[Select[Any], ColumnElement[Any]]:
    """(id, subject_id, anchor time) of a record type, and the anchor's column: a request
    counts from its closing (request_closed) or its receipt; a triage mail from its
    resolution or its receipt; a package from its request's closing or its making."""
    closed = anchor is Anchor.REQUEST_CLOSED
    if record_type is RecordType.DATA_REQUEST:
        col = _REQ.c.closed_at if closed else _REQ.c.received_at
        return select(_REQ.c.id, _REQ.c.subject_id, col), col
    if record_type is RecordType.TRIAGE_MAIL:
        col = _MAIL.c.resolved_at if closed else _MAIL.c.received_at
        return select(_MAIL.c.id, _MAIL.c.request_id, col), col  # no subject: unmatched
    if record_type is RecordType.REQUEST_PACKAGE:
        if closed:
            col = _REQ.c.closed_at
            q = select(_PKG.c.id, _PKG.c.subject_id, col).join(_REQ, _REQ.c.id == _PKG.c.request_id)
            return q, col
        col = _PKG.c.created_at
        return select(_PKG.c.id, _PKG.c.subject_id, col), col
    raise ValueError(f"the sweep does not dispose of {record_type} records")


_TABLES: dict[RecordType, Table] = {
    RecordType.DATA_REQUEST: _REQ,
    RecordType.TRIAGE_MAIL: _MAIL,
    RecordType.REQUEST_PACKAGE: _PKG,
}


def _id_col(record_type: RecordType) -> ColumnElement[Any]:
    return _TABLES[record_type].c.id


def _record(record_type: RecordType, r: Any) -> OwnRecord:
    subject = None if record_type is RecordType.TRIAGE_MAIL else r[1]
    return OwnRecord(record_type, r[0], subject, r[2])


# The sweep's selection: one range scan of ix_item_retention_due on item_retention alone,
# which keeps the metadata a batch entry needs beside the date (migration 0011; written by
# the refresh). Keyset paging on (retain_until, item_id). A row of an item deleted since
# the last refresh is still listed; disposal checks each item again and counts it "gone".
# The metadata comes as one text (category, system and purposes joined by a unit
# separator, which neither category keys, system keys nor purpose keys contain): the
# driver then makes one string a row instead of three, and the few distinct ones are
# split once (`due_rows`) — a third of the selection's cost on SQLite.
_SEP = "\x1f"
_DUE_COLS = (
    _IR.c.item_id,
    _IR.c.subject_id,
    (_IR.c.category + literal(_SEP) + _IR.c.held_in + literal(_SEP) + _IR.c.purposes).label("meta"),
    _IR.c.retain_until,
)
_DUE = (
    select(*_DUE_COLS)
    .where(_IR.c.retain_until <= bindparam("as_of"))
    .order_by(_IR.c.retain_until, _IR.c.item_id)
    .limit(bindparam("n"))
)
# `retain_until >= last` first: the index range starts at the previous page's end (an OR
# alone makes PostgreSQL re-read every earlier page's rows and drop them)
_DUE_AFTER = _DUE.where(
    _IR.c.retain_until >= bindparam("last_until"),
    (_IR.c.retain_until > bindparam("last_until")) | (_IR.c.item_id > bindparam("last_id")),
)

_new = tuple.__new__


def _meta(joined: str) -> tuple[str, str, frozenset[str]]:
    category, held_in, purposes = joined.split(_SEP)
    return category, held_in, frozenset(json.loads(purposes))


_STORED_UNTIL = select(_IR.c.item_id, _IR.c.retain_until).where(in_ids(_IR.c.item_id))
_STORED_UNTIL_OF = select(_IR.c.item_id, _IR.c.retain_until).where(in_ids(_IR.c.subject_id))


class SqlSweep:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- piiguard's own records -----------------------------------------------------------
    def own_records(
        self, record_type: RecordType, anchor: Anchor, until: datetime, limit: int
    ) -> list[OwnRecord]:
        """Records whose anchor event happened on or before `until`, oldest first."""
        q, col = _select(record_type, anchor)
        q = q.where(col.is_not(None), col <= until).order_by(col, _id_col(record_type))
        return [_record(record_type, r) for r in self._c.execute(q.limit(limit))]

    def own_records_of(
        self, record_type: RecordType, anchor: Anchor, record_ids: Sequence[str]
    ) -> list[OwnRecord]:
        q, _ = _select(record_type, anchor)
        q = q.where(in_ids(_id_col(record_type)))
        out: list[OwnRecord] = []
        for chunk in id_chunks(self._c, record_ids):
            out.extend(_record(record_type, r) for r in self._c.execute(q, {"ids": chunk}))
        return out

    def packages_of_requests(self, request_ids: Sequence[str]) -> list[str]:
        """The ids of the packages these requests delivered (they go with the requests)."""
        q = select(_PKG.c.id).where(in_ids(_PKG.c.request_id))
        out: list[str] = []
        for chunk in id_chunks(self._c, request_ids):
            out.extend(self._c.execute(q, {"ids": chunk}).scalars())
        return out

    def delete_own_records(self, record_type: RecordType, record_ids: Sequence[str]) -> int:
        """Delete the records (a request with its codes, reminders, system tasks and
        packages); how many of the records themselves were deleted."""
        n = 0
        for chunk in chunks(list(record_ids)):
            if record_type is RecordType.DATA_REQUEST:
                for child in _REQUEST_CHILDREN:
                    self._c.execute(delete(child).where(child.c.request_id.in_(chunk)))
            table = _TABLES[record_type]
            n += self._c.execute(delete(table).where(table.c.id.in_(chunk))).rowcount
        return n

    # -- the sweep's selection of due items -----------------------------------------------
    def due_rows(
        self, as_of: datetime, limit: int, after: tuple[datetime, str] | None = None
    ) -> list[DueRow]:
        """Items whose stored retain-until is on or before `as_of`, in (retain_until, id)
        order, after the (retain_until, id) of the previous page's last row. Read through
        the driver's cursor (plain tuples, one conversion a row: the date), as the audit
        chain's verification reads: the sweep's selection is held to twice a plain range
        scan of the same rows (docs/benchmarks.md "Retention")."""
        if after is None:
            rows, conv = driver_rows(self._c, _DUE, {"as_of": as_of, "n": limit})
        else:
            params = {"as_of": as_of, "n": limit, "last_until": after[0], "last_id": after[1]}
            rows, conv = driver_rows(self._c, _DUE_AFTER, params)
        meta = {m: _meta(m) for m in {r[2] for r in rows}}  # few distinct
        date = conv[3]
        # tuple.__new__: the named tuple without its Python-level constructor (a third less)
        return [_new(DueRow, (i, s, *meta[m], date(u))) for i, s, m, u in rows]

    def stored_until(self, item_ids: Sequence[str]) -> dict[str, datetime | None]:
        """item id -> its stored retain-until (None: kept indefinitely); an item without a
        stored row is not in the answer."""
        out: dict[str, datetime | None] = {}
        for chunk in id_chunks(self._c, item_ids):
            out.update((i, u) for i, u in self._c.execute(_STORED_UNTIL, {"ids": chunk}))
        return out

    def stored_until_of(self, subject_ids: Sequence[str]) -> dict[str, datetime | None]:
        """`stored_until` of every item of these people, through ix_item_retention_subject_id
        (an index range a person, where each item's key is a random one in the primary
        key: a disposal's chunk, docs/benchmarks.md "Retention", twelfth round); read
        through the driver, as due_rows."""
        if not subject_ids:
            return {}
        rows, conv = driver_rows(self._c, _STORED_UNTIL_OF, {"ids": list(subject_ids)})
        date = conv[1]
        return {i: None if u is None else date(u) for i, u in rows}

    # -- the incremental refresh ----------------------------------------------------------
    def refresh_state(self) -> tuple[int, str] | None:
        """(audit seq looked at, schedule key) of the last refresh; None: never."""
        r = self._c.execute(
            select(_RF.c.audit_seq, _RF.c.schedule_key).where(_RF.c.name == _STATE)
        ).first()
        return None if r is None else (int(r[0]), str(r[1]))

    def save_refresh_state(self, audit_seq: int, schedule_key: str, at: datetime) -> None:
        values = {"audit_seq": audit_seq, "schedule_key": schedule_key, "refreshed_at": at}
        if not self._c.execute(update(_RF).where(_RF.c.name == _STATE).values(**values)).rowcount:
            self._c.execute(_RF.insert().values(name=_STATE, **values))

    def changed_subjects(self, after_seq: int, through_seq: int, skip: Sequence[str]) -> list[str]:
        """The subjects named by audit entries after `after_seq` up to `through_seq` (a
        range of the chain's primary key), except entries whose action is in `skip` (an
        entry ending in "." skips a family, e.g. "data.")."""
        q = select(_E.c.subject_id).where(
            _E.c.seq > after_seq, _E.c.seq <= through_seq, _E.c.subject_id != ""
        )
        exact = [s for s in skip if not s.endswith(".")]
        if exact:
            q = q.where(_E.c.action.not_in(exact))
        for prefix in (s for s in skip if s.endswith(".")):
            q = q.where(_E.c.action.not_like(prefix + "%"))
        return sorted(set(self._c.execute(q.distinct()).scalars()))

    def forget_subjects(self, subject_ids: Sequence[str]) -> None:
        """Drop the stored retain-until of every item of these subjects."""
        stmt = delete(_IR).where(in_ids(_IR.c.subject_id))
        for chunk in id_chunks(self._c, subject_ids):
            self._c.execute(stmt, {"ids": chunk})

    # -- claims: one process at a time on a piece of work ---------------------------------
    def claim(
        self, name: str, token: str, holder: str, now: datetime, until: datetime
    ) -> tuple[str, datetime] | None:
        """Claim `name` until `until` (None), unless a claim on it has not lapsed by `now`:
        then its (holder, expires_at). A lapsed claim is taken over. Two claiming at once:
        PostgreSQL makes the second insert wait for the first and then do nothing;
        SQLite's writers take turns (BEGIN IMMEDIATE)."""
        self._c.execute(delete(_CL).where(_CL.c.name == name, _CL.c.expires_at <= now))
        ins = pg_insert(_CL) if self._c.dialect.name == "postgresql" else sqlite_insert(_CL)
        row = {"name": name, "token": token, "holder": holder, "claimed_at": now}
        stmt = ins.on_conflict_do_nothing().returning(_CL.c.name)  # (rowcount: -1 on psycopg)
        if self._c.execute(stmt, {**row, "expires_at": until}).first() is not None:
            return None
        r = self._c.execute(
            select(_CL.c.holder, _CL.c.expires_at).where(_CL.c.name == name)
        ).first()
        return ("", until) if r is None else (str(r[0]), r[1])

    def renew_claim(self, name: str, token: str, until: datetime) -> bool:
        """Push a claim's expiry to `until`; False: it is no longer this token's."""
        stmt = update(_CL).where(_CL.c.name == name, _CL.c.token == token)
        return bool(self._c.execute(stmt.values(expires_at=until)).rowcount)

    def release_claim(self, name: str, token: str) -> None:
        self._c.execute(delete(_CL).where(_CL.c.name == name, _CL.c.token == token))
