"""The per-person notice rows of a new policy version (R8.1, R2.4): enqueued for everyone
with an email item in one INSERT … SELECT, claimed one by one (a conditional UPDATE, so
two passes never take the same row), rows of a crashed pass marked uncertain. No column
holds a contact: ids, statuses, keyed hashes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, func, literal, or_, select

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
    """The rows of `table`: policy_notices, or a table of the same shape for another kind
    of per-person notice (business_transfer_notices, services/sharing/business.py)."""

    def __init__(self, conn: Connection, table: Table = _N) -> None:
        self._c = conn
        self._n = table

    def enqueue(self, version: str, email_category: str, now: datetime) -> int:
        people = (
            select(_ITEMS.c.subject_id)
            .join(_SUBJECTS, _SUBJECTS.c.id == _ITEMS.c.subject_id)
            .where(_ITEMS.c.category == email_category, _SUBJECTS.c.erased_at.is_(None))
            .distinct()
            .subquery()
        )
        rows = select(
            literal(version, self._n.c.version.type),
            people.c.subject_id,
            literal(NoticeStatus.PENDING.value, self._n.c.status.type),
            literal(now, self._n.c.created_at.type),
            literal(now, self._n.c.updated_at.type),
        )
        self._c.execute(
            self._n.insert().from_select(
                ["version", "subject_id", "status", "created_at", "updated_at"], rows
            )
        )
        # rowcount of INSERT … SELECT is not reported on every driver: count what is there
        count = select(func.count()).select_from(self._n).where(self._n.c.version == version)
        return int(self._c.execute(count).scalar_one())

    def get(self, version: str, subject_id: str, *, lock: bool = False) -> Notice | None:
        q = select(self._n).where(self._n.c.version == version, self._n.c.subject_id == subject_id)
        if lock:
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else _notice(r)

    def by_token(self, token_hash: str) -> Notice | None:
        r = self._c.execute(select(self._n).where(self._n.c.token_hash == token_hash)).first()
        return None if r is None else _notice(r)

    def pending(self, limit: int) -> list[Notice]:
        q = (
            select(self._n)
            .where(self._n.c.status == NoticeStatus.PENDING.value)
            .order_by(self._n.c.created_at, self._n.c.version, self._n.c.subject_id)
            .limit(limit)
        )
        return [_notice(r) for r in self._c.execute(q)]

    def claim(self, version: str, subject_id: str, now: datetime) -> bool:
        result = self._c.execute(
            self._n.update()
            .where(
                self._n.c.version == version,
                self._n.c.subject_id == subject_id,
                self._n.c.status == NoticeStatus.PENDING.value,
            )
            .values(status=NoticeStatus.SENDING.value, updated_at=now)
        )
        return result.rowcount == 1

    def save(self, notice: Notice) -> None:
        n = notice
        self._c.execute(
            self._n.update()
            .where(self._n.c.version == n.version, self._n.c.subject_id == n.subject_id)
            .values(**_values(n))
        )

    def mark_uncertain(self, claimed_before: datetime, now: datetime) -> list[Notice]:
        stale = [
            _notice(r)
            for r in self._c.execute(
                select(self._n)
                .where(
                    self._n.c.status == NoticeStatus.SENDING.value,
                    self._n.c.updated_at < claimed_before,
                )
                .with_for_update()
            )
        ]
        for n in stale:
            self._c.execute(
                self._n.update()
                .where(self._n.c.version == n.version, self._n.c.subject_id == n.subject_id)
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
        q = select(self._n).where(self._n.c.version == version)
        if statuses:
            q = q.where(self._n.c.status.in_([s.value for s in statuses]))
        if subject_id:
            q = q.where(self._n.c.subject_id == subject_id)
        q = (
            q.order_by(self._n.c.updated_at.desc(), self._n.c.subject_id)
            .limit(limit)
            .offset(offset)
        )
        return [_notice(r) for r in self._c.execute(q)]

    def counts(self, version: str) -> dict[NoticeStatus, int]:
        q = (
            select(self._n.c.status, func.count())
            .where(self._n.c.version == version)
            .group_by(self._n.c.status)
        )
        return {NoticeStatus(s): int(n) for s, n in self._c.execute(q)}

    def of_subject(self, subject_id: str) -> list[Notice]:
        q = select(self._n).where(self._n.c.subject_id == subject_id).order_by(self._n.c.created_at)
        return [_notice(r) for r in self._c.execute(q)]

    def enqueue_people(
        self,
        version: str,
        subject_ids: Sequence[str] | None,
        categories: Sequence[str],
        now: datetime,
    ) -> int:
        """A pending row for each live person named (None: every live person) who holds an
        item in one of `categories` (each with its subtree; none: any item); how many."""
        q = select(_SUBJECTS.c.id).where(_SUBJECTS.c.erased_at.is_(None))
        if subject_ids is not None:
            q = q.where(_SUBJECTS.c.id.in_(sorted(subject_ids)))
        if categories:
            held = select(_ITEMS.c.subject_id).where(
                or_(
                    *(
                        or_(_ITEMS.c.category == c, _ITEMS.c.category.like(c + ".%"))
                        for c in categories
                    )
                )
            )
            q = q.where(_SUBJECTS.c.id.in_(held))
        people = q.subquery()
        rows = select(
            literal(version, self._n.c.version.type),
            people.c.id,
            literal(NoticeStatus.PENDING.value, self._n.c.status.type),
            literal(now, self._n.c.created_at.type),
            literal(now, self._n.c.updated_at.type),
        )
        self._c.execute(
            self._n.insert().from_select(
                ["version", "subject_id", "status", "created_at", "updated_at"], rows
            )
        )
        count = select(func.count()).select_from(self._n).where(self._n.c.version == version)
        return int(self._c.execute(count).scalar_one())

    def subject_ids(self, version: str, after: str, limit: int) -> list[str]:
        """The people of `version`, in id order after `after` (a page of them)."""
        q = (
            select(self._n.c.subject_id)
            .where(self._n.c.version == version, self._n.c.subject_id > after)
            .order_by(self._n.c.subject_id)
            .limit(limit)
        )
        return [r.subject_id for r in self._c.execute(q)]
