"""The notices before a first transfer abroad (R7.1): the only SQL for them. One row per
person and recipient (a unique key: two shares queueing the same notice make one row);
claimed by a conditional UPDATE, so two passes never take the same row; rows of a crashed
pass marked uncertain. No column holds a contact or a value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.sharing.notice import AbroadNotice, AbroadNoticeStatus, ToldBy

_N = t.abroad_notices
CHUNK = 1000


def _notice(r: Any) -> AbroadNotice:
    return AbroadNotice(
        r.id,
        r.subject_id,
        r.recipient,
        r.purpose,
        as_set(r.categories),
        AbroadNoticeStatus(r.status),
        r.created_at,
        r.updated_at,
        r.attempts,
        r.language,
        r.reply_code,
        r.sent_at,
        r.contact_hash,
        r.decided_by,
        ToldBy(r.told_by) if r.told_by else None,
    )


def _values(n: AbroadNotice) -> dict[str, Any]:
    return {
        "subject_id": n.subject_id,
        "recipient": n.recipient,
        "purpose": n.purpose,
        "categories": as_json(n.categories),
        "status": n.status.value,
        "created_at": n.created_at,
        "updated_at": n.updated_at,
        "attempts": n.attempts,
        "language": n.language,
        "reply_code": n.reply_code,
        "sent_at": n.sent_at,
        "contact_hash": n.contact_hash,
        "decided_by": n.decided_by,
        "told_by": n.told_by.value if n.told_by else None,
    }


class SqlSharingNotices:
    _c: Connection

    def abroad_notices_for(
        self, recipient: str, subject_ids: Sequence[str]
    ) -> dict[str, AbroadNotice]:
        out: dict[str, AbroadNotice] = {}
        for i in range(0, len(subject_ids), CHUNK):
            rows = self._c.execute(
                select(_N).where(
                    _N.c.recipient == recipient,
                    _N.c.subject_id.in_(subject_ids[i : i + CHUNK]),
                )
            )
            out.update({r.subject_id: _notice(r) for r in rows})
        return out

    def add_abroad_notices(self, rows: Sequence[AbroadNotice]) -> None:
        if not rows:
            return
        ins = pg_insert(_N) if self._c.dialect.name == "postgresql" else sqlite_insert(_N)
        self._c.execute(ins.on_conflict_do_nothing(), [{"id": n.id, **_values(n)} for n in rows])

    def abroad_notice(self, notice_id: str) -> AbroadNotice | None:
        r = self._c.execute(select(_N).where(_N.c.id == notice_id)).first()
        return _notice(r) if r else None

    def save_abroad_notice(self, n: AbroadNotice) -> None:
        self._c.execute(update(_N).where(_N.c.id == n.id).values(**_values(n)))

    def claim_abroad_notice(self, notice_id: str, now: datetime) -> bool:
        result = self._c.execute(
            update(_N)
            .where(_N.c.id == notice_id, _N.c.status == AbroadNoticeStatus.PENDING.value)
            .values(status=AbroadNoticeStatus.SENDING.value, updated_at=now)
        )
        return result.rowcount == 1

    def abroad_notices_uncertain(
        self, claimed_before: datetime, now: datetime
    ) -> list[AbroadNotice]:
        stale = [
            _notice(r)
            for r in self._c.execute(
                select(_N).where(
                    _N.c.status == AbroadNoticeStatus.SENDING.value,
                    _N.c.updated_at < claimed_before,
                )
            )
        ]
        if stale:
            self._c.execute(
                update(_N)
                .where(
                    _N.c.id.in_([n.id for n in stale]),
                    _N.c.status == AbroadNoticeStatus.SENDING.value,
                )
                .values(status=AbroadNoticeStatus.UNCERTAIN.value, updated_at=now)
            )
        return stale

    def abroad_notices(
        self,
        statuses: Sequence[AbroadNoticeStatus] = (),
        recipient: str | None = None,
        subject_id: str | None = None,
        limit: int = 100,
    ) -> list[AbroadNotice]:
        q = select(_N).order_by(_N.c.created_at, _N.c.id).limit(limit)
        if statuses:
            q = q.where(_N.c.status.in_([s.value for s in statuses]))
        if recipient is not None:
            q = q.where(_N.c.recipient == recipient)
        if subject_id is not None:
            q = q.where(_N.c.subject_id == subject_id)
        return [_notice(r) for r in self._c.execute(q)]
