"""What the retention use cases share: who may change the schedule and holds, how a change
is audited, the facts retain_until reads of items and people."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden
from piiguard.domain.ports import SealedItem, UnitOfWork
from piiguard.domain.retention.rules import ItemFacts, PersonFacts, Schedule

OFFICER = "privacy_officer"


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused during a disposal: each chunk makes tens of
    thousands of short-lived objects without cycles (rows, sealed items, facts, audit
    entries), which reference counting frees as they go; the collector's passes over them
    took a sixth of a disposal's time, and two fifths of the sweep's selection of 100,000
    due rows (docs/benchmarks.md "Retention"). Re-enabled afterwards, as it was (what
    cycles a batch leaves are collected then)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def require_officer(actor: Actor, what: str) -> None:
    """The schedule and holds are the privacy officers' (the operator's CLI on the host)."""
    if actor.kind is not ActorKind.OPERATOR and OFFICER not in actor.roles:
        raise Forbidden(f"only a privacy officer {what}")


def audited(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    subject_id: str = "",
    **details: DetailValue,
) -> None:
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


def load_schedule(uow: UnitOfWork) -> Schedule:
    """The schedule as stored, inside an open unit of work."""
    purposes = uow.registers.purposes()
    r = uow.retention
    return Schedule.of(
        r.version(),
        {p.key: p.retention_days for p in purposes},
        (p.key for p in purposes if p.needs_consent),
        r.rules(),
        r.minimums(),
        r.record_rules(),
    )


def item_facts(sealed: Iterable[SealedItem]) -> list[ItemFacts]:
    return [
        ItemFacts(
            s.record.id,
            s.record.subject_id,
            s.record.category,
            s.record.held_in,
            s.record.provenance.collected_at,
            s.record.last_confirmed_at,
            s.record.provenance.purposes,
        )
        for s in sealed
    ]


def person_facts(uow: UnitOfWork, subject_ids: Sequence[str]) -> Mapping[str, PersonFacts]:
    """Consents, restrictions and reported anchor events of each live subject."""
    states = uow.consents.states(subject_ids)
    anchors = uow.retention.anchors_of(subject_ids)
    return {
        sid: PersonFacts(st.consents, st.restrictions, anchors.get(sid, {}))
        for sid, st in states.items()
    }
