"""Who an incident affects and the mailing that tells them (R5.8): the audit trail's reads
by one actor in a window, one recipient row per person with its notification status, and the
mailing's words (sealed at rest)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import chunks
from piiguard.adapters.db.stores.incidents.base import SealedStore
from piiguard.domain.incidents.notify import (
    Mailing,
    MailingText,
    Recipient,
    RecipientSource,
    RecipientStatus,
)

_R, _M, _A = t.incident_recipients, t.incident_mailings, t.audit_entries


def _recipient(r: Any) -> Recipient:
    return Recipient(
        r.incident_id,
        r.subject_id,
        RecipientSource(r.source),
        RecipientStatus(r.status),
        r.language,
        r.claimed_at,
        r.sent_at,
        r.message_id,
        r.attempts,
    )


def _text(d: dict[str, str]) -> MailingText:
    return MailingText(d["what_happened"], d["measures_taken"], d["what_you_can_do"], d["contact"])


class IncidentPeople(SealedStore):
    # -- who is affected: the audit trail's reads ------------------------------------------

    def trail_reads(
        self, actor_kind: str, actor_id: str, start_us: int, end_us: int, actions: Sequence[str]
    ) -> Iterator[tuple[str, str, str]]:
        q = (
            select(_A.c.subject_id, _A.c.action, _A.c.details)
            .where(
                _A.c.actor_id == actor_id,
                _A.c.actor_kind == actor_kind,
                _A.c.at_us >= start_us,
                _A.c.at_us < end_us,
                _A.c.action.in_(list(actions)),
                _A.c.subject_id != "",
            )
            .order_by(_A.c.seq)
        )
        for row in self._c.execute(q.execution_options(yield_per=5000)):
            yield (row[0], row[1], row[2])

    # -- the people affected and the mailing ------------------------------------------------

    def add_recipients(self, rows: Sequence[Recipient]) -> int:
        """Add the people not already listed for the incident; how many were new."""
        added = 0
        by_incident: dict[str, dict[str, Recipient]] = {}
        for r in rows:
            by_incident.setdefault(r.incident_id, {})[r.subject_id] = r
        for incident_id, group in by_incident.items():
            for part in chunks(sorted(group)):
                q = select(_R.c.subject_id).where(
                    _R.c.incident_id == incident_id, _R.c.subject_id.in_(part)
                )
                have = set(self._c.execute(q).scalars())
                new = [group[sid] for sid in part if sid not in have]
                if new:
                    self._c.execute(
                        insert(_R),
                        [
                            {
                                "incident_id": r.incident_id,
                                "subject_id": r.subject_id,
                                "source": r.source.value,
                                "status": r.status.value,
                                "language": r.language,
                                "message_id": "",
                                "attempts": 0,
                            }
                            for r in new
                        ],
                    )
                    added += len(new)
        return added

    def recipients(
        self,
        incident_id: str,
        statuses: Sequence[RecipientStatus] = (),
        limit: int = 1000,
        after: str = "",
    ) -> list[Recipient]:
        q = (
            select(_R)
            .where(_R.c.incident_id == incident_id, _R.c.subject_id > after)
            .order_by(_R.c.subject_id)
            .limit(limit)
        )
        if statuses:
            q = q.where(_R.c.status.in_([s.value for s in statuses]))
        return [_recipient(r) for r in self._c.execute(q)]

    def recipient(
        self, incident_id: str, subject_id: str, *, lock: bool = False
    ) -> Recipient | None:
        q = select(_R).where(_R.c.incident_id == incident_id, _R.c.subject_id == subject_id)
        r = self._c.execute(self._locked(q, lock)).first()
        return None if r is None else _recipient(r)

    def save_recipient(self, r: Recipient) -> None:
        self._c.execute(
            update(_R)
            .where(_R.c.incident_id == r.incident_id, _R.c.subject_id == r.subject_id)
            .values(
                source=r.source.value,
                status=r.status.value,
                language=r.language,
                claimed_at=r.claimed_at,
                sent_at=r.sent_at,
                message_id=r.message_id,
                attempts=r.attempts,
            )
        )

    def recipient_counts(self, incident_id: str) -> dict[str, int]:
        q = (
            select(_R.c.status, func.count())
            .where(_R.c.incident_id == incident_id)
            .group_by(_R.c.status)
        )
        return {str(row[0]): int(row[1]) for row in self._c.execute(q)}

    def save_mailing(self, m: Mailing) -> None:
        texts = json.dumps(
            {
                lang: {
                    "what_happened": x.what_happened,
                    "measures_taken": x.measures_taken,
                    "what_you_can_do": x.what_you_can_do,
                    "contact": x.contact,
                }
                for lang, x in (("zh", m.zh), ("en", m.en))
            },
            ensure_ascii=False,
        )
        row = {
            "texts": self._seal(texts, f"incident-mailing:{m.incident_id}"),
            "created_by": m.created_by,
            "created_at": m.created_at,
            "started_at": m.started_at,
            "started_by": m.started_by,
        }
        q = update(_M).where(_M.c.incident_id == m.incident_id).values(**row)
        if not self._c.execute(q).rowcount:
            self._c.execute(insert(_M).values(incident_id=m.incident_id, **row))

    def mailing(self, incident_id: str) -> Mailing | None:
        r = self._c.execute(select(_M).where(_M.c.incident_id == incident_id)).first()
        if r is None:
            return None
        texts = json.loads(self._open(r.texts, f"incident-mailing:{r.incident_id}"))
        return Mailing(
            r.incident_id,
            _text(texts["zh"]),
            _text(texts["en"]),
            r.created_by,
            r.created_at,
            r.started_at,
            r.started_by,
        )

    def mailings_started(self) -> list[str]:
        q = select(_M.c.incident_id).where(_M.c.started_at.is_not(None)).order_by(_M.c.started_at)
        return list(self._c.execute(q).scalars())
