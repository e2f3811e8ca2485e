"""The per-person notice rows of a new policy version (R8.1, R2.4): enqueued for everyone
with an email item in one INSERT … SELECT, claimed one by one (a conditional UPDATE, so
two passes never take the same row), rows of a crashed pass marked uncertain. No column
holds a contact: ids, statuses, keyed hashes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, literal, select

from piiguard.adapters.db import tables as t
from piiguard.domain.policy.notices import Notice, NoticeStatus, RenewalAnswer

_N, _ITEMS, _SUBJECTS = t.policy_notices, t.items, t.subjects


def _notice(r: Any) -> Notice:
    return Notice(
        r.version,
        r.subject_id,
        NoticeStatus(r.status),
        r.created_at,
        r.updated_at,
        r.attempts,
        r.language,
        r.reply_code,
        r.sent_at,
        r.contact_hash,
        tuple(json.loads(r.renewal)),
        r.token_hash,
        r.code_hash,
        r.code_expires_at,
        r.code_attempts,
        r.answered_at,
        tuple((p, RenewalAnswer(a)) for p, a in json.loads(r.answers)),
    )


def _values(n: Notice) -> dict[str, Any]:
    return {
        "status": n.status.value,
        "updated_at": n.updated_at,
        "attempts": n.attempts,
        "language": n.language,
        "reply_code": n.reply_code,
        "sent_at": n.sent_at,
        "contact_hash": n.contact_hash,
        "renewal": json.dumps(list(n.renewal)),
        "token_hash": n.token_hash,
        "code_hash": n.code_hash,
        "code_expires_at": n.code_expires_at,
        "code_attempts": n.code_attempts,
        "answered_at": n.answered_at,
        "answers": json.dumps([[p, a.value] for p, a in n.answers]),
    }


class SqlNotices:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def enqueue(self, version: str, email_category: str, now: datetime) -> int:
        people = (
            select(_ITEMS.c.subject_id)
            .join(_SUBJECTS, _SUBJECTS.c.id == _ITEMS.c.subject_id)
            .where(_ITEMS.c.category == email_category, _SUBJECTS.c.erased_at.is_(None))
            .distinct()
            .subquery()
        )
        rows = select(
            literal(version, _N.c.version.type),
            people.c.subject_id,
            literal(NoticeStatus.PENDING.value, _N.c.status.type),
            literal(now, _N.c.created_at.type),
            literal(now, _N.c.updated_at.type),
        )
        self._c.execute(
            _N.insert().from_select(
                ["version", "subject_id", "status", "created_at", "updated_at"], rows
            )
        )
        # rowcount of INSERT … SELECT is not reported on every driver: count what is there
        count = select(func.count()).select_from(_N).where(_N.c.version == version)
        return int(self._c.execute(count).scalar_one())

    def get(self, version: str, subject_id: str, *, lock: bool = False) -> Notice | None:
        q = select(_N).where(_N.c.version == version, _N.c.subject_id == subject_id)
        if lock:
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else _notice(r)

    def by_token(self, token_hash: str) -> Notice | None:
        r = self._c.execute(select(_N).where(_N.c.token_hash == token_hash)).first()
        return None if r is None else _notice(r)

    def pending(self, limit: int) -> list[Notice]:
        q = (
            select(_N)
            .where(_N.c.status == NoticeStatus.PENDING.value)
            .order_by(_N.c.created_at, _N.c.version, _N.c.subject_id)
            .limit(limit)
        )
        return [_notice(r) for r in self._c.execute(q)]

    def claim(self, version: str, subject_id: str, now: datetime) -> bool:
        result = self._c.execute(
            _N.update()
            .where(
                _N.c.version == version,
                _N.c.subject_id == subject_id,
                _N.c.status == NoticeStatus.PENDING.value,
            )
            .values(status=NoticeStatus.SENDING.value, updated_at=now)
        )
        return result.rowcount == 1

    def save(self, notice: Notice) -> None:
        n = notice
        self._c.execute(
            _N.update()
            .where(_N.c.version == n.version, _N.c.subject_id == n.subject_id)
            .values(**_values(n))
        )

    def mark_uncertain(self, claimed_before: datetime, now: datetime) -> list[Notice]:
        stale = [
            _notice(r)
            for r in self._c.execute(
                select(_N)
                .where(
                    _N.c.status == NoticeStatus.SENDING.value,
                    _N.c.updated_at < claimed_before,
                )
                .with_for_update()
            )
        ]
        for n in stale:
            self._c.execute(
                _N.update()
                .where(_N.c.version == n.version, _N.c.subject_id == n.subject_id)
                .values(status=NoticeStatus.UNCERTAIN.value, updated_at=now)
            )
        return stale

    def of_version(
        self,
        version: str,
        statuses: Sequence[NoticeStatus] = (),
        limit: int = 50,
        offset: int = 0,
        subject_id: str | None = None,
    ) -> list[Notice]:
        q = select(_N).where(_N.c.version == version)
        if statuses:
            q = q.where(_N.c.status.in_([s.value for s in statuses]))
        if subject_id:
            q = q.where(_N.c.subject_id == subject_id)
        q = q.order_by(_N.c.updated_at.desc(), _N.c.subject_id).limit(limit).offset(offset)
        return [_notice(r) for r in self._c.execute(q)]

    def counts(self, version: str) -> dict[NoticeStatus, int]:
        q = select(_N.c.status, func.count()).where(_N.c.version == version).group_by(_N.c.status)
        return {NoticeStatus(s): int(n) for s, n in self._c.execute(q)}

    def of_subject(self, subject_id: str) -> list[Notice]:
        q = select(_N).where(_N.c.subject_id == subject_id).order_by(_N.c.created_at)
        return [_notice(r) for r in self._c.execute(q)]
