"""The reporting obligations and their clocks (R5.8): the obligations are configuration,
seeded with their sources on first start (domain/incidents/obligations.py SEED) and changed
by privacy officers; an incident's clocks follow from its jurisdictions, severity, CII,
personal data and risk (sync_clocks, on every change of those); each clock reminds and
escalates as the requests' deadlines do (notice_pass, a periodic job), has a report draft
with its authority's fields, and ends when its submission is recorded (when, to whom,
reference). Every step is an audit entry on target incident/<id>."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound
from piiguard.domain.incidents.model import Incident, Stage
from piiguard.domain.incidents.obligations import (
    SEED,
    ClockStatus,
    Obligation,
    ObligationClock,
    check_obligation,
    clock_notices,
    clocks_for,
    report_draft,
)
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.ports import Clock
from piiguard.domain.rights.deadlines import ESCALATION
from piiguard.services.incidents import mail
from piiguard.services.incidents._common import (
    OFFICER,
    SCHEDULER,
    TARGET,
    SecurityKit,
    audited,
    get_incident,
    officer_addresses,
    require,
)

log = logging.getLogger(__name__)
OFFICERS = frozenset({OFFICER})


def ensure_obligations(uow: SecurityUnitOfWork, clock: Clock, by: str) -> int:
    """Seed the obligations on first start (an officer's later changes are kept)."""
    with uow:
        have = {o.key for o in uow.incidents.obligations()}
        new = [o for o in SEED if o.key not in have]
        for o in new:
            uow.incidents.save_obligation(o, clock.now(), by)
        if new:
            uow.commit()
    return len(new)


def list_obligations(uow: SecurityUnitOfWork) -> list[Obligation]:
    with uow:
        return uow.incidents.obligations()


def change_obligation(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    key: str,
    *,
    hours: int | None = None,
    reminder_minutes: tuple[int, ...] | None = None,
    active: bool | None = None,
) -> Obligation:
    """A privacy officer changes an obligation's clock, reminders or whether it applies.
    Running clocks keep the due time they started with (the law in force then)."""
    require(actor, OFFICERS, "changes a reporting obligation")
    with uow:
        o = next((x for x in uow.incidents.obligations() if x.key == key), None)
        if o is None:
            raise NotFound(f"no obligation {key}", field="key")
        o = check_obligation(
            replace(
                o,
                hours=o.hours if hours is None else hours,
                reminder_minutes=o.reminder_minutes
                if reminder_minutes is None
                else tuple(sorted(set(reminder_minutes), reverse=True)),
                active=o.active if active is None else active,
            )
        )
        uow.incidents.save_obligation(o, clock.now(), actor.ref)
        audited(
            uow,
            actor,
            "incident.obligation.change",
            "obligation",
            key,
            hours=o.hours,
            reminders=[str(m) for m in o.reminder_minutes],
            active=o.active,
        )
        uow.commit()
    return o


def sync_clocks(uow: SecurityUnitOfWork, actor: Actor, i: Incident) -> list[ObligationClock]:
    """Inside an open unit of work: start the clock of every obligation that now applies
    (from detection), and mark not applicable the running clocks of those that no longer
    do (a submitted clock stays as it was)."""
    obligations = uow.incidents.obligations()
    wanted = {c.obligation: c for c in clocks_for(i, obligations)}
    have = {c.obligation: c for c in uow.incidents.clocks(i.id)}
    for key, fresh in wanted.items():
        old = have.get(key)
        if old is None or old.status is ClockStatus.NOT_APPLICABLE:
            uow.incidents.save_clock(fresh)
            audited(
                uow,
                actor,
                "incident.clock.start",
                TARGET,
                i.id,
                obligation=key,
                due_at=fresh.due_at.isoformat(),
            )
        elif old.status is ClockStatus.RUNNING and old.started_at != i.detected_at:
            moved = replace(
                old, started_at=i.detected_at, due_at=i.detected_at + (old.due_at - old.started_at)
            )
            uow.incidents.save_clock(moved)
            audited(
                uow,
                actor,
                "incident.clock.move",
                TARGET,
                i.id,
                obligation=key,
                due_at=moved.due_at.isoformat(),
            )
    for key, old in have.items():
        if key not in wanted and old.status is ClockStatus.RUNNING:
            uow.incidents.save_clock(
                replace(old, status=ClockStatus.NOT_APPLICABLE, note="no longer applies")
            )
            audited(uow, actor, "incident.clock.stop", TARGET, i.id, obligation=key)
    return uow.incidents.clocks(i.id)


def _facts(uow: SecurityUnitOfWork, kit: SecurityKit, i: Incident) -> dict[str, str]:
    entries = uow.incidents.timeline(i.id)
    done = "\n".join(
        f"{e.at:%Y-%m-%d %H:%M} UTC {e.stage.value}: {e.note}"
        for e in entries
        if e.stage in (Stage.CONTAINMENT, Stage.ERADICATION, Stage.RECOVERY)
    )
    people = (
        f"{i.people} (estimated {i.affected_estimate if i.affected_estimate is not None else '—'}, "
        f"from the audit trail {i.affected_computed if i.affected_computed is not None else '—'})"
    )
    categories = ", ".join(sorted(i.categories))
    return {
        "organisation": kit.company,
        "systems": ", ".join(sorted(i.systems)),
        "detected_at": f"{i.detected_at:%Y-%m-%d %H:%M} UTC",
        "kind": i.kind.value,
        "impact": f"{i.title}. People affected: {people}. Categories: {categories or '—'}.",
        "measures_taken": done,
        "preliminary_cause": i.root_cause,
        "cause": i.root_cause,
        "nature": f"{i.kind.value} incident: {i.title}",
        "categories": categories,
        "people": people,
        "contact": kit.officer_mail,
    }


def draft_report(
    uow: SecurityUnitOfWork, kit: SecurityKit, incident_id: str, key: str
) -> dict[str, str]:
    """The report an obligation asks for, in its authority's fields, filled from the
    register; empty fields are the officer's to complete."""
    with uow:
        i = get_incident(uow, incident_id)
        o = next((x for x in uow.incidents.obligations() if x.key == key), None)
        if o is None:
            raise NotFound(f"no obligation {key}", field="obligation")
        return report_draft(o, i, _facts(uow, kit, i))


def submit_report(
    uow: SecurityUnitOfWork,
    kit: SecurityKit,
    actor: Actor,
    incident_id: str,
    key: str,
    submitted_to: str,
    reference: str,
    submitted_at: datetime | None = None,
    fields: dict[str, str] | None = None,
) -> ObligationClock:
    """Record that the report (or the people's notification) was made: when, to whom,
    the authority's reference, and the report as sent (the draft with the officer's
    fields over it). Stops the clock; a submission after the due time is marked late."""
    require(actor, OFFICERS, "records a report to an authority")
    now = kit.clock.now()
    at = submitted_at or now
    if not submitted_to.strip():
        raise InvalidInput("to whom the report went", field="submitted_to")
    if len(submitted_to) > 300 or len(reference) > 200:
        raise InvalidInput("submitted_to ≤ 300, reference ≤ 200 characters", field="reference")
    if at > now:
        raise InvalidInput("a submission cannot be recorded in the future", field="submitted_at")
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if at < i.detected_at:
            raise InvalidInput("submitted before the incident was detected", field="submitted_at")
        c = next((x for x in uow.incidents.clocks(i.id) if x.obligation == key), None)
        if c is None:
            raise NotFound(f"obligation {key} does not apply to this incident", field="obligation")
        if c.status is ClockStatus.SUBMITTED:
            raise Conflict(f"the {key} report was recorded already", field="obligation")
        o = next(x for x in uow.incidents.obligations() if x.key == key)
        draft = report_draft(o, i, _facts(uow, kit, i))
        unknown = set(fields or {}) - set(draft)
        if unknown:
            raise InvalidInput(
                f"{sorted(unknown)[0]} is not a field of this report ({', '.join(draft)})",
                field="fields",
            )
        report = {**draft, **{k: v.strip() for k, v in (fields or {}).items()}}
        done = replace(
            c,
            status=ClockStatus.SUBMITTED,
            submitted_at=at,
            submitted_to=submitted_to.strip(),
            reference=reference.strip(),
            submitted_by=actor.ref,
            report=json.dumps(report, ensure_ascii=False),
        )
        uow.incidents.save_clock(done)
        audited(
            uow,
            actor,
            "incident.report.submit",
            TARGET,
            i.id,
            obligation=key,
            submitted_at=at.isoformat(),
            late=done.late(),
            reference=done.reference,
        )
        uow.commit()
    return done


def notice_pass(uow: SecurityUnitOfWork, kit: SecurityKit) -> int:
    """Reminders to the officers and the incident's handler before a clock is due, and an
    escalation to every privacy officer once it is past due; after downtime only the most
    urgent is sent, the others recorded as passed. How many mails went."""
    now = kit.clock.now()
    with uow:
        running = uow.incidents.clocks_by_status((ClockStatus.RUNNING,))
        obligations = {o.key: o for o in uow.incidents.obligations()}
        sent = uow.incidents.notices_sent([f"{c.incident_id}/{c.obligation}" for c in running])
        staff = {a.id: a for a in uow.staff.accounts() if a.active}
    officers: list[str] | None = None
    n = 0
    for c in running:
        o = obligations.get(c.obligation)
        if o is None:
            continue
        target = f"{c.incident_id}/{c.obligation}"
        owed = clock_notices(c, o, now, sent[target])
        if not owed:
            continue
        urgent = owed[-1]
        with uow:
            i = get_incident(uow, c.incident_id)
            claimed = uow.incidents.add_notice(target, urgent, now, True)
            for label in owed[:-1]:
                uow.incidents.add_notice(target, label, now, False)
            if claimed:
                audited(
                    uow,
                    SCHEDULER,
                    "incident.clock.escalate" if urgent == ESCALATION else "incident.clock.remind",
                    TARGET,
                    c.incident_id,
                    obligation=c.obligation,
                    notice=urgent,
                    passed=owed[:-1],
                )
            uow.commit()
        if not claimed:
            continue  # another worker sent it
        if officers is None:
            officers = officer_addresses(uow, kit)
        handler = i.handler or ""
        to = set(officers)
        if handler.startswith("staff:") and handler[6:] in staff:
            to.add(staff[handler[6:]].email)
        try:
            for address in sorted(to):
                kit.mailer.send(mail.clock_notice(kit, i, c, o, urgent, address, now))
        except MailError as e:
            log.warning(
                "incident %s clock %s: the %s mail was not sent (%s); retried next pass",
                c.incident_id,
                c.obligation,
                urgent,
                e.reply_code or "server unreachable",
            )
            with uow:
                uow.incidents.drop_notice(target, urgent)
                uow.commit()
            continue
        n += 1
    return n
