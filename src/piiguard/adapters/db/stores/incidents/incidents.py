"""The incident register's storage (R5.8): incidents and their timeline, the reporting
obligations and each incident's clocks, the reminders sent, the audit trail's reads by one
actor (who is affected), the people affected and the mailing, links to vulnerabilities."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import chunks
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.adapters.db.stores.incidents.people import IncidentPeople
from piiguard.domain.incidents.model import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Severity,
    Stage,
    TimelineEntry,
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


Opener = Callable[[str, str], str]  # (stored value, context) -> the clear text

# the officers' words (may name people): sealed at rest under the KEK, bound to the row
SEALED = ("title", "description", "root_cause", "lessons", "closing_note")


def _incident(r: Any, o: Opener) -> Incident:
    def w(name: str) -> str:
        return o(getattr(r, name), f"incident:{r.id}:{name}")

    return Incident(
        r.id,
        w("title"),
        w("description"),
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
        w("root_cause"),
        w("lessons"),
        r.review_requested_by,
        r.review_requested_at,
        r.closed_by,
        r.closed_at,
        w("closing_note"),
    )


def _incident_row(i: Incident, seal: Opener) -> dict[str, Any]:
    return {
        **{name: seal(getattr(i, name), f"incident:{i.id}:{name}") for name in SEALED},
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
        "review_requested_by": i.review_requested_by,
        "review_requested_at": i.review_requested_at,
        "closed_by": i.closed_by,
        "closed_at": i.closed_at,
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


class SqlIncidents(IncidentPeople):
    """`uow.incidents`; the people affected and the mailing: people.py."""

    # -- incidents and their timeline -------------------------------------------------------

    def add_incident(self, i: Incident) -> None:
        self._c.execute(insert(_I).values(id=i.id, **_incident_row(i, self._seal)))

    def save_incident(self, i: Incident) -> None:
        self._c.execute(update(_I).where(_I.c.id == i.id).values(**_incident_row(i, self._seal)))

    def incident(self, incident_id: str, *, lock: bool = False) -> Incident | None:
        r = self._c.execute(self._locked(select(_I).where(_I.c.id == incident_id), lock)).first()
        return None if r is None else _incident(r, self._open)

    def incidents(
        self, statuses: Sequence[IncidentStatus] = (), limit: int = 100
    ) -> list[Incident]:
        q = select(_I).order_by(_I.c.detected_at.desc(), _I.c.id).limit(limit)
        if statuses:
            q = q.where(_I.c.status.in_([s.value for s in statuses]))
        return [_incident(r, self._open) for r in self._c.execute(q)]

    def add_entry(self, e: TimelineEntry) -> None:
        self._c.execute(
            insert(_T).values(
                id=e.id,
                incident_id=e.incident_id,
                stage=e.stage.value,
                at=e.at,
                by=e.by,
                note=self._seal(e.note, f"incident-note:{e.id}"),
                recorded_at=e.recorded_at,
            )
        )

    def timeline(self, incident_id: str) -> list[TimelineEntry]:
        q = select(_T).where(_T.c.incident_id == incident_id).order_by(_T.c.at, _T.c.recorded_at)
        return [
            TimelineEntry(
                r.id,
                r.incident_id,
                Stage(r.stage),
                r.at,
                r.by,
                self._open(r.note, f"incident-note:{r.id}"),
                r.recorded_at,
            )
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
