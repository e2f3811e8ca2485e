"""Who is affected (R5.8): computed from the audit trail — every subject whose data a given
API key's client or staff account read in a time window (a compromised key, a misused
account) — or named by an officer. Each person becomes a recipient row of the incident (the
mailing tells them, notify.py); the incident keeps the count. The audit entries record the
window, the actor and the counts, never who the people are (their ids are on the rows)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.incidents.model import IncidentStatus, Trail
from piiguard.domain.incidents.notify import Recipient, RecipientSource
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.services.incidents._common import (
    HANDLERS,
    TARGET,
    audited,
    get_incident,
    require,
)

# what reveals personal data: a read through the decision point (allowed or partly),
# and what says a person is known to us: a lookup by value, a description of their items
REVEALING = ("data.read", "data.export", "data.use", "data.share", "data.disclose")
METADATA = ("subject.lookup", "subject.describe")
MAX_LISTED = 100_000


@dataclass(frozen=True, slots=True)
class Affected:
    revealed: int  # people whose values were disclosed to the actor
    metadata_only: int  # people only looked up or described
    total: int  # both: the count the incident keeps
    added: int  # recipient rows new to the incident


def _opened(uow: SecurityUnitOfWork, incident_id: str) -> None:
    i = get_incident(uow, incident_id, lock=True)
    if i.status is IncidentStatus.CLOSED:
        raise Conflict("the incident is closed", field="incident_id")


def compute_affected(
    uow: SecurityUnitOfWork, actor: Actor, incident_id: str, trail: Trail
) -> Affected:
    """Read the trail for `trail.actor`'s reads in [start, end) and list every subject
    concerned on the incident."""
    require(actor, HANDLERS, "computes who an incident affects")
    trail = trail.check()
    kind, _, ident = trail.actor.partition(":")
    start_us = int(trail.start.timestamp() * 1_000_000)
    end_us = int(trail.end.timestamp() * 1_000_000)
    with uow:
        _opened(uow, incident_id)
        if kind == "system" and all(x.id != ident for x in uow.clients.list()):
            raise NotFound(f"no system client {ident}", field="actor")
        if kind == "staff" and uow.staff.get(ident) is None:
            raise NotFound(f"no staff account {ident}", field="actor")
        revealed: set[str] = set()
        seen: set[str] = set()
        for subject_id, action, details in uow.incidents.trail_reads(
            kind, ident, start_us, end_us, REVEALING + METADATA
        ):
            if action in REVEALING:
                if json.loads(details).get("outcome") == "denied":
                    continue
                revealed.add(subject_id)
            seen.add(subject_id)
        added = uow.incidents.add_recipients(
            [Recipient(incident_id, s, RecipientSource.TRAIL) for s in sorted(seen)]
        )
        i = get_incident(uow, incident_id)
        total = sum(uow.incidents.recipient_counts(incident_id).values())
        uow.incidents.save_incident(replace(i, affected_computed=total))
        audited(
            uow,
            actor,
            "incident.affected.compute",
            TARGET,
            incident_id,
            actor_read=trail.actor,
            start=trail.start.isoformat(),
            end=trail.end.isoformat(),
            revealed=len(revealed),
            metadata_only=len(seen - revealed),
            added=added,
            total=total,
        )
        uow.commit()
    return Affected(len(revealed), len(seen - revealed), len(seen), added)


def list_affected(
    uow: SecurityUnitOfWork, actor: Actor, incident_id: str, subject_ids: list[str]
) -> int:
    """People an officer knows are affected (from another source than the trail)."""
    require(actor, HANDLERS, "lists the people an incident affects")
    ids = sorted({s.strip() for s in subject_ids if s.strip()})
    if not ids:
        raise InvalidInput("name at least one subject id", field="subject_ids")
    if len(ids) > MAX_LISTED:
        raise InvalidInput(f"at most {MAX_LISTED} subjects at once", field="subject_ids")
    with uow:
        _opened(uow, incident_id)
        if missing := sorted(set(ids) - uow.subjects.live_ids(ids)):
            raise NotFound(f"no subject {missing[0]}", field="subject_ids")
        added = uow.incidents.add_recipients(
            [Recipient(incident_id, s, RecipientSource.LISTED) for s in ids]
        )
        i = get_incident(uow, incident_id)
        total = sum(uow.incidents.recipient_counts(incident_id).values())
        uow.incidents.save_incident(replace(i, affected_computed=total))
        audited(uow, actor, "incident.affected.list", TARGET, incident_id, added=added, total=total)
        uow.commit()
    return added
