"""The incident register's storage (R5.8): incidents and their timeline, the reporting
obligations and each incident's clocks, the reminders sent, the audit trail's reads by one
actor (who is affected), the people affected and the mailing, links to vulnerabilities."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import chunks
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.incidents.model import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Severity,
    Stage,
    TimelineEntry,
)
from piiguard.domain.incidents.notify import (
    Mailing,
    MailingText,
    Recipient,
    RecipientSource,
    RecipientStatus,
)
from piiguard.domain.incidents.obligations import (
    Audience,
    ClockStatus,
    Obligation,
    ObligationClock,
)

_I, _T, _O, _C = t.incidents, t.incident_timeline, t.incident_obligations, t.incident_clocks
_N, _R, _M, _L = t.security_notices, t.incident_recipients, t.incident_mailings, t.incident_vulns
_A = t.audit_entries


def _incident(r: Any) -> Incident:
    return Incident(
        r.id,
        r.title,
        r.description,
        IncidentKind(r.kind),
        Severity(r.severity),
        as_set(r.jurisdictions),
        r.cii,
        r.high_risk,
        as_set(r.systems),
        as_set(r.categories),
        r.detected_at,
        r.reported_by,
        r.reported_at,
        IncidentStatus(r.status),
        r.handler,
        r.affected_estimate,
        r.affected_computed,
        r.root_cause,
        r.lessons,
        r.review_requested_by,
        r.review_requested_at,
        r.closed_by,
        r.closed_at,
        r.closing_note,
    )


def _incident_row(i: Incident) -> dict[str, Any]:
    return {
        "title": i.title,
        "description": i.description,
        "kind": i.kind.value,
        "severity": i.severity.value,
        "jurisdictions": as_json(i.jurisdictions),
        "cii": i.cii,
        "high_risk": i.high_risk,
        "systems": as_json(i.systems),
        "categories": as_json(i.categories),
        "detected_at": i.detected_at,
        "reported_by": i.reported_by,
        "reported_at": i.reported_at,
        "status": i.status.value,
        "handler": i.handler,
        "affected_estimate": i.affected_estimate,
        "affected_computed": i.affected_computed,
        "root_cause": i.root_cause,
        "lessons": i.lessons,
        "review_requested_by": i.review_requested_by,
        "review_requested_at": i.review_requested_at,
        "closed_by": i.closed_by,
        "closed_at": i.closed_at,
        "closing_note": i.closing_note,
    }


def _obligation(r: Any) -> Obligation:
    return Obligation(
        r.key,
        r.en,
        r.zh,
        Audience(r.audience),
        r.recipient,
        r.jurisdiction,
        r.hours,
        tuple(json.loads(r.reminder_minutes)),
        r.source,
        tuple(json.loads(r.fields)),
        Severity(r.min_severity) if r.min_severity else None,
        r.cii,
        r.personal_data,
        r.high_risk,
        r.active,
    )


def _clock(r: Any) -> ObligationClock:
    return ObligationClock(
        r.incident_id,
        r.obligation,
        r.started_at,
        r.due_at,
        ClockStatus(r.status),
        r.submitted_at,
        r.submitted_to,
        r.reference,
        r.submitted_by,
        r.report,
        r.note,
    )


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


class SqlIncidents:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def _locked(self, q: Any, lock: bool) -> Any:
        return q.with_for_update() if lock and self._c.dialect.name == "postgresql" else q

    # -- incidents and their timeline -------------------------------------------------------

    def add_incident(self, i: Incident) -> None:
        self._c.execute(insert(_I).values(id=i.id, **_incident_row(i)))

    def save_incident(self, i: Incident) -> None:
        self._c.execute(update(_I).where(_I.c.id == i.id).values(**_incident_row(i)))

    def incident(self, incident_id: str, *, lock: bool = False) -> Incident | None:
        r = self._c.execute(self._locked(select(_I).where(_I.c.id == incident_id), lock)).first()
        return None if r is None else _incident(r)

    def incidents(
        self, statuses: Sequence[IncidentStatus] = (), limit: int = 100
    ) -> list[Incident]:
        q = select(_I).order_by(_I.c.detected_at.desc(), _I.c.id).limit(limit)
        if statuses:
            q = q.where(_I.c.status.in_([s.value for s in statuses]))
        return [_incident(r) for r in self._c.execute(q)]

    def add_entry(self, e: TimelineEntry) -> None:
        self._c.execute(
            insert(_T).values(
                id=e.id,
                incident_id=e.incident_id,
                stage=e.stage.value,
                at=e.at,
                by=e.by,
                note=e.note,
                recorded_at=e.recorded_at,
            )
        )

    def timeline(self, incident_id: str) -> list[TimelineEntry]:
        q = select(_T).where(_T.c.incident_id == incident_id).order_by(_T.c.at, _T.c.recorded_at)
        return [
            TimelineEntry(r.id, r.incident_id, Stage(r.stage), r.at, r.by, r.note, r.recorded_at)
            for r in self._c.execute(q)
        ]

    # -- obligations and clocks -------------------------------------------------------------

    def obligations(self) -> list[Obligation]:
        return [_obligation(r) for r in self._c.execute(select(_O).order_by(_O.c.key))]

    def save_obligation(self, o: Obligation, at: datetime, by: str) -> None:
        row = {
            "en": o.en,
            "zh": o.zh,
            "audience": o.audience.value,
            "recipient": o.recipient,
            "jurisdiction": o.jurisdiction,
            "hours": o.hours,
            "reminder_minutes": json.dumps(sorted(o.reminder_minutes, reverse=True)),
            "source": o.source,
            "fields": json.dumps(list(o.fields)),
            "min_severity": o.min_severity.value if o.min_severity else None,
            "cii": o.cii,
            "personal_data": o.personal_data,
            "high_risk": o.high_risk,
            "active": o.active,
            "updated_at": at,
            "updated_by": by,
        }
        if not self._c.execute(update(_O).where(_O.c.key == o.key).values(**row)).rowcount:
            self._c.execute(insert(_O).values(key=o.key, **row))

    def clocks(self, incident_id: str) -> list[ObligationClock]:
        q = select(_C).where(_C.c.incident_id == incident_id).order_by(_C.c.due_at, _C.c.obligation)
        return [_clock(r) for r in self._c.execute(q)]

    def clocks_by_status(
        self, statuses: Sequence[ClockStatus], limit: int = 10_000
    ) -> list[ObligationClock]:
        q = (
            select(_C)
            .where(_C.c.status.in_([s.value for s in statuses]))
            .order_by(_C.c.due_at, _C.c.incident_id, _C.c.obligation)
            .limit(limit)
        )
        return [_clock(r) for r in self._c.execute(q)]

    def save_clock(self, c: ObligationClock) -> None:
        row = {
            "started_at": c.started_at,
            "due_at": c.due_at,
            "status": c.status.value,
            "submitted_at": c.submitted_at,
            "submitted_to": c.submitted_to,
            "reference": c.reference,
            "submitted_by": c.submitted_by,
            "report": c.report,
            "note": c.note,
        }
        key = (_C.c.incident_id == c.incident_id) & (_C.c.obligation == c.obligation)
        if not self._c.execute(update(_C).where(key).values(**row)).rowcount:
            self._c.execute(
                insert(_C).values(incident_id=c.incident_id, obligation=c.obligation, **row)
            )

    # -- reminders and escalations ----------------------------------------------------------

    def notices_sent(self, targets: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {x: set() for x in targets}
        for part in chunks(list(targets)):
            q = select(_N.c.target, _N.c.label).where(_N.c.target.in_(part))
            for target, label in self._c.execute(q):
                out[target].add(label)
        return out

    def add_notice(self, target: str, label: str, at: datetime, sent: bool) -> bool:
        try:
            with self._c.begin_nested():
                self._c.execute(insert(_N).values(target=target, label=label, at=at, sent=sent))
        except IntegrityError:
            return False
        return True

    def drop_notice(self, target: str, label: str) -> None:
        self._c.execute(_N.delete().where(_N.c.target == target, _N.c.label == label))

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
        by_incident: dict[str, list[Recipient]] = {}
        for r in rows:
            by_incident.setdefault(r.incident_id, []).append(r)
        for incident_id, group in by_incident.items():
            for part in chunks([r.subject_id for r in group]):
                q = select(_R.c.subject_id).where(
                    _R.c.incident_id == incident_id, _R.c.subject_id.in_(part)
                )
                have = set(self._c.execute(q).scalars())
                new = [r for r in group if r.subject_id in set(part) - have]
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
            "texts": texts,
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
        texts = json.loads(r.texts)
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

    # -- links to vulnerabilities -----------------------------------------------------------

    def link(self, incident_id: str, vuln_id: str) -> bool:
        try:
            with self._c.begin_nested():
                self._c.execute(insert(_L).values(incident_id=incident_id, vuln_id=vuln_id))
        except IntegrityError:
            return False
        return True

    def linked_vulns(self, incident_id: str) -> list[str]:
        q = select(_L.c.vuln_id).where(_L.c.incident_id == incident_id).order_by(_L.c.vuln_id)
        return list(self._c.execute(q).scalars())

    def incidents_of(self, vuln_id: str) -> list[str]:
        q = select(_L.c.incident_id).where(_L.c.vuln_id == vuln_id).order_by(_L.c.incident_id)
        return list(self._c.execute(q).scalars())
