"""The incident register (R5.8): reporting an incident, changing what is known of it (its
clocks follow), the timeline (containment, eradication, recovery), root cause and lessons,
links to vulnerabilities, and closing — asked for by whoever handled it, done by a privacy
officer who neither reported nor handled it (four eyes). Every step is an audit entry on
target incident/<id> with ids, keys and counts, never the officers' free text."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, FourEyes, InvalidInput, NotFound
from piiguard.domain.incidents.model import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Severity,
    Stage,
    TimelineEntry,
    check_jurisdictions,
    check_people,
    check_text,
)
from piiguard.domain.incidents.obligations import ObligationClock
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.ports import Clock
from piiguard.services.ids import new_id
from piiguard.services.incidents._common import (
    HANDLERS,
    OFFICER,
    REPORTERS,
    TARGET,
    audited,
    get_incident,
    require,
    require_person,
)
from piiguard.services.incidents.clocks import sync_clocks
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories

OFFICERS = frozenset({OFFICER})


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """What a report or a change says of an incident (None: unchanged, on a change)."""

    title: str | None = None
    description: str | None = None
    kind: IncidentKind | None = None
    severity: Severity | None = None
    jurisdictions: frozenset[str] | None = None
    cii: bool | None = None
    high_risk: bool | None = None
    systems: frozenset[str] | None = None
    categories: frozenset[str] | None = None
    detected_at: datetime | None = None
    affected_estimate: int | None = None
    handler: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentView:
    incident: Incident
    timeline: list[TimelineEntry]
    clocks: list[ObligationClock]
    vulns: list[str]
    recipients: dict[str, int]


def _checked(
    uow: SecurityUnitOfWork, policy: PolicySnapshots, now: datetime, f: IncidentFacts
) -> IncidentFacts:
    state = policy.current(uow)
    if f.categories:
        check_categories(state.taxonomy, set(f.categories))
    if f.systems and (unknown := sorted(s for s in f.systems if s not in state.systems)):
        raise NotFound(f"no system {unknown[0]} in the data map", field="systems")
    if f.detected_at is not None and f.detected_at > now:
        raise InvalidInput("detected_at is in the future", field="detected_at")
    if f.handler is not None and f.handler:
        kind, _, ident = f.handler.partition(":")
        if kind != "staff" or uow.staff.get(ident) is None:
            raise NotFound("the handler is staff:<account id> of an account", field="handler")
    return replace(
        f,
        title=None if f.title is None else check_text(f.title, "title", most=300),
        description=None
        if f.description is None
        else check_text(f.description, "description", most=20_000),
        jurisdictions=None if f.jurisdictions is None else check_jurisdictions(f.jurisdictions),
        affected_estimate=check_people(f.affected_estimate),
    )


def report_incident(
    uow: SecurityUnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, f: IncidentFacts
) -> Incident:
    """Record an incident; the clocks of every obligation that applies start from its
    detection time (which may be earlier than now)."""
    require(actor, REPORTERS, "reports an incident")
    now = clock.now()
    for name in ("title", "description", "kind", "severity", "jurisdictions", "detected_at"):
        if getattr(f, name) is None:
            raise InvalidInput(f"{name.replace('_', ' ')} is required", field=name)
    with uow:
        f = _checked(uow, policy, now, f)
        assert f.title and f.description and f.kind and f.severity and f.jurisdictions  # noqa: S101
        assert f.detected_at is not None  # noqa: S101
        i = Incident(
            new_id(),
            f.title,
            f.description,
            f.kind,
            f.severity,
            f.jurisdictions,
            bool(f.cii),
            bool(f.high_risk),
            f.systems or frozenset(),
            f.categories or frozenset(),
            f.detected_at,
            actor.ref,
            now,
            handler=f.handler or None,
            affected_estimate=f.affected_estimate,
        )
        uow.incidents.add_incident(i)
        uow.incidents.add_entry(
            TimelineEntry(new_id(), i.id, Stage.DETECTION, i.detected_at, actor.ref, "", now)
        )
        audited(
            uow,
            actor,
            "incident.report",
            TARGET,
            i.id,
            kind=i.kind.value,
            severity=i.severity.value,
            jurisdictions=sorted(i.jurisdictions),
            cii=i.cii,
            systems=sorted(i.systems),
            categories=sorted(i.categories),
            detected_at=i.detected_at.isoformat(),
        )
        sync_clocks(uow, actor, i)
        uow.commit()
    return i


def update_incident(
    uow: SecurityUnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    incident_id: str,
    f: IncidentFacts,
) -> Incident:
    """Change what is known (severity, jurisdictions, scope, people, handler ...); the
    clocks follow: new obligations start from detection, those no longer applying stop."""
    require(actor, HANDLERS, "changes an incident")
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if i.status is IncidentStatus.CLOSED:
            raise Conflict("the incident is closed", field="incident_id")
        f = _checked(uow, policy, clock.now(), f)
        changed: dict[str, Any] = {}
        for name in (x.name for x in fields(IncidentFacts)):
            value = getattr(f, name)
            if value is not None and value != getattr(i, name):
                changed[name] = value
        if "handler" in changed and changed["handler"] == "":
            changed["handler"] = None
        if not changed:
            return i
        new = replace(i, **changed)
        uow.incidents.save_incident(new)
        audited(
            uow,
            actor,
            "incident.update",
            TARGET,
            i.id,
            changed=sorted(changed),
            severity=new.severity.value,
            jurisdictions=sorted(new.jurisdictions),
            cii=new.cii,
            high_risk=new.high_risk,
        )
        sync_clocks(uow, actor, new)
        uow.commit()
    return new


def add_entry(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    incident_id: str,
    stage: Stage,
    at: datetime,
    note: str,
) -> TimelineEntry:
    """A step of the response on the timeline: when it happened and what was done."""
    require(actor, HANDLERS, "writes an incident's timeline")
    note = check_text(note, "note", most=5000)
    now = clock.now()
    if at > now:
        raise InvalidInput("a timeline entry cannot be in the future", field="at")
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if i.status is IncidentStatus.CLOSED:
            raise Conflict("the incident is closed", field="incident_id")
        if at < i.detected_at and stage is not Stage.NOTE:
            raise InvalidInput("before the incident was detected", field="at")
        e = TimelineEntry(new_id(), i.id, stage, at, actor.ref, note, now)
        uow.incidents.add_entry(e)
        audited(uow, actor, "incident.timeline", TARGET, i.id, stage=stage.value, at=at.isoformat())
        uow.commit()
    return e


def request_review(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    incident_id: str,
    root_cause: str,
    lessons: str,
) -> Incident:
    """The handler is done: root cause and lessons written, a privacy officer who neither
    reported nor handled it reviews and closes."""
    require(actor, HANDLERS, "asks for an incident's review")
    root_cause = check_text(root_cause, "root_cause", most=20_000)
    lessons = check_text(lessons, "lessons", most=20_000)
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if i.status is not IncidentStatus.OPEN:
            raise Conflict(f"the incident is {i.status.value}", field="incident_id")
        stages = {e.stage for e in uow.incidents.timeline(i.id)}
        if Stage.CONTAINMENT not in stages or Stage.RECOVERY not in stages:
            raise Conflict(
                "record containment and recovery on the timeline before asking for review",
                field="incident_id",
            )
        new = replace(
            i,
            status=IncidentStatus.REVIEW,
            root_cause=root_cause,
            lessons=lessons,
            review_requested_by=actor.ref,
            review_requested_at=clock.now(),
        )
        uow.incidents.save_incident(new)
        audited(uow, actor, "incident.review_request", TARGET, i.id)
        uow.commit()
    return new


def close_incident(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    incident_id: str,
    approve: bool,
    note: str,
) -> Incident:
    """A privacy officer's review: close, or send it back open with a note. Four eyes: the
    reviewer is not who reported it, handles it or asked for the review."""
    require(actor, OFFICERS, "reviews an incident")
    require_person(actor, "reviews an incident")
    note = check_text(note, "note", required=not approve, most=5000)
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if i.status is not IncidentStatus.REVIEW:
            raise Conflict(
                f"the incident is {i.status.value}: its handler asks for review first",
                field="incident_id",
            )
        if actor.ref in i.handled_by():
            raise FourEyes(
                "another privacy officer reviews this incident: you reported or handled it "
                "(four eyes)"
            )
        now = clock.now()
        if approve:
            new = replace(
                i,
                status=IncidentStatus.CLOSED,
                closed_by=actor.ref,
                closed_at=now,
                closing_note=note,
            )
        else:
            new = replace(i, status=IncidentStatus.OPEN, closing_note=note)
            uow.incidents.add_entry(
                TimelineEntry(new_id(), i.id, Stage.NOTE, now, actor.ref, note, now)
            )
        uow.incidents.save_incident(new)
        audited(uow, actor, "incident.close" if approve else "incident.review_return", TARGET, i.id)
        uow.commit()
    return new


def link_vuln(uow: SecurityUnitOfWork, actor: Actor, incident_id: str, vuln_id: str) -> bool:
    require(actor, HANDLERS, "links a vulnerability to an incident")
    with uow:
        i = get_incident(uow, incident_id)
        if uow.vulns.vuln(vuln_id) is None:
            raise NotFound(f"no vulnerability {vuln_id}", field="vuln_id")
        added = uow.incidents.link(i.id, vuln_id)
        if added:
            audited(uow, actor, "incident.link_vuln", TARGET, i.id, vuln=vuln_id)
        uow.commit()
    return added


def list_incidents(
    uow: SecurityUnitOfWork, statuses: tuple[IncidentStatus, ...] = (), limit: int = 100
) -> list[Incident]:
    with uow:
        return uow.incidents.incidents(statuses, limit)


def view_incident(uow: SecurityUnitOfWork, incident_id: str) -> IncidentView:
    with uow:
        i = get_incident(uow, incident_id)
        return IncidentView(
            i,
            uow.incidents.timeline(i.id),
            uow.incidents.clocks(i.id),
            uow.incidents.linked_vulns(i.id),
            uow.incidents.recipient_counts(i.id),
        )
