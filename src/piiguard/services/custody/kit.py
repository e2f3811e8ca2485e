"""What the custody use cases share: the kit (units of work with the custody registers,
clock, policy snapshot, terms, mail to the officers, the incident seam), who may act, the
staff accounts a record names, the checks against the data map (R5.6) and the audit entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.custody.ports import CustodyUnitOfWork, IncidentOpener
from piiguard.domain.custody.rules import refuse, scope_refusals, source_refusals
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import Clock
from piiguard.domain.rights.ports import Mailer
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories

OFFICER = "privacy_officer"
HANDLERS = frozenset({"staff", OFFICER})
SYSTEM_ACTOR = Actor("custody", ActorKind.SYSTEM, frozenset({"system"}))


@dataclass(frozen=True, slots=True)
class CustodyTerms:
    paper_hours: int = 24  # a printout is locked or shredded within this time
    inventory_days: int = 90  # how often every medium is accounted for


@dataclass
class CustodyKit:
    units: Callable[[bool], CustodyUnitOfWork]
    clock: Clock
    snapshots: PolicySnapshots
    terms: CustodyTerms
    mailer: Mailer
    officer_mail: str
    public_url: str
    incidents: IncidentOpener | None = None  # the incident register, once wired

    def uow(self, *, readonly: bool = False) -> CustodyUnitOfWork:
        return self.units(readonly)

    @property
    def paper_limit(self) -> timedelta:
        return timedelta(hours=self.terms.paper_hours)


def require_handler(actor: Actor, what: str) -> None:
    """Staff and privacy officers (and the operator on the host) keep the registers."""
    if actor.kind is ActorKind.OPERATOR or actor.roles & HANDLERS:
        return
    raise Forbidden(f"only staff or a privacy officer {what}")


def require_officer(actor: Actor, what: str) -> None:
    if actor.kind is not ActorKind.OPERATOR and OFFICER not in actor.roles:
        raise Forbidden(f"only a privacy officer {what}")


def require_keeper(actor: Actor, custodian: str, what: str) -> None:
    """The custodian, a privacy officer or the operator."""
    if actor.kind is ActorKind.OPERATOR or OFFICER in actor.roles:
        return
    if actor.kind is ActorKind.STAFF and actor.id == custodian:
        return
    raise Forbidden(f"only its custodian or a privacy officer {what}", field="custodian")


def active_staff(uow: CustodyUnitOfWork, staff_id: str, field: str) -> str:
    """A staff account a record names (custodian, holder, witness): it exists and is
    active. Accepts the account's id or its e-mail address; returns the id."""
    ref = staff_id.strip()
    if not ref:
        raise InvalidInput(f"name the {field} (a staff account)", field=field)
    found = uow.staff.by_email(ref) if "@" in ref else uow.staff.get(ref)
    if found is None or not found[0].active:
        raise NotFound(f"no active staff account {ref!r} for the {field}", field=field)
    return found[0].id


def check_source(
    uow: CustodyUnitOfWork,
    kit: CustodyKit,
    actor: Actor,
    system: str,
    categories: frozenset[str],
) -> None:
    """Known categories, within the caller's API key scope, from a designated approved
    system that the data map says holds them (R5.6). Inside an open unit of work."""
    state = kit.snapshots.current(uow)
    check_categories(state.taxonomy, categories)
    refuse(scope_refusals(actor, state.taxonomy, categories))
    refuse(source_refusals(state.systems, state.taxonomy, system, categories))


def text(value: str, field: str, most: int, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{field.replace('_', ' ')} is required", field=field)
    if len(value) > most:
        raise InvalidInput(f"{field.replace('_', ' ')} is longer than {most}", field=field)
    if any(ord(ch) < 32 for ch in value):
        raise InvalidInput(f"{field.replace('_', ' ')} has control characters", field=field)
    return value


def check_day(day: date, now: datetime, field: str) -> date:
    if day > now.date():
        raise InvalidInput(f"{field.replace('_', ' ')} is in the future", field=field)
    return day


def audited(
    uow: CustodyUnitOfWork,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    **details: DetailValue,
) -> None:
    uow.audit(
        AuditEvent(action, actor.kind.value, actor.id, target_type, target_id, details=details)
    )
