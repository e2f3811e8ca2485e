"""What the incident and vulnerability use cases share: who may do what, an audit entry,
finding an incident, the officers' addresses; the kit and terms (kit.py)."""

from __future__ import annotations

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden, NotFound
from piiguard.domain.incidents.model import Incident
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.services.incidents.kit import SecurityKit, SecurityTerms

OFFICER = "privacy_officer"
HANDLERS = frozenset({OFFICER, "admin"})  # the security team: officers and administrators
REPORTERS = frozenset({OFFICER, "admin", "staff", "system"})
TARGET = "incident"
__all__ = [
    "HANDLERS",
    "OFFICER",
    "REPORTERS",
    "SCHEDULER",
    "TARGET",
    "SecurityKit",
    "SecurityTerms",
    "audited",
    "get_incident",
    "is_officer",
    "officer_addresses",
    "require",
    "require_person",
]
SCHEDULER = Actor("security-jobs", ActorKind.SYSTEM, frozenset({"system"}))


def is_officer(actor: Actor) -> bool:
    return actor.kind is ActorKind.OPERATOR or OFFICER in actor.roles


def require(actor: Actor, roles: frozenset[str], what: str) -> None:
    if actor.kind is not ActorKind.OPERATOR and not (actor.roles & roles):
        raise Forbidden(f"only {' or '.join(sorted(r.replace('_', ' ') for r in roles))} {what}")


def require_person(actor: Actor, what: str) -> None:
    """Four eyes need two people: a personal staff account (or the operator on the host)."""
    if actor.kind not in (ActorKind.STAFF, ActorKind.OPERATOR):
        raise Forbidden(f"a person's own staff account {what}")


def audited(
    uow: SecurityUnitOfWork,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    subject_id: str = "",
    **details: DetailValue,
) -> None:
    """An audit entry: ids, keys, counts and statuses — never the officers' free text
    (what happened, root cause, a mailing's words), which may name people."""
    uow.audit(
        AuditEvent(
            action,
            actor.kind.value,
            actor.id,
            target_type,
            target_id,
            subject_id=subject_id,
            details=details,
        )
    )


def get_incident(uow: SecurityUnitOfWork, incident_id: str, *, lock: bool = False) -> Incident:
    found = uow.incidents.incident(incident_id, lock=lock)
    if found is None:
        raise NotFound(f"no incident {incident_id}", field="incident_id")
    return found


def officer_addresses(uow: SecurityUnitOfWork, kit: SecurityKit) -> list[str]:
    """The privacy officers' addresses and the configured officer mailbox."""
    with uow:
        staff = uow.staff.accounts()
    return sorted(
        {a.email for a in staff if a.active and OFFICER in a.roles}
        | ({kit.officer_mail} if kit.officer_mail else set())
    )
