"""What the retention use cases share: who may change the schedule and holds, how a change
is audited, the facts retain_until reads of items and people."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden
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


_DISPOSING: set[str] = set()
_DISPOSING_LOCK = threading.Lock()


@contextmanager
def one_disposal_at_a_time(batch_id: str) -> Iterator[None]:
    """One disposal of a batch at a time in this process (the server's requests and the
    sweep's pass run in one process by default): a second one started while the first is
    under way is refused at once (Conflict on batch_id). Both would otherwise work on the
    same people with what each had read — one re-keying a person the other had just
    re-keyed (VaultIntegrityError, a 500), or failing half-way on an item the other had
    disposed of (a 404) — and the certificate would count the other's items as gone."""
    with _DISPOSING_LOCK:
        if batch_id in _DISPOSING:
            raise Conflict(
                f"disposal batch {batch_id} is being disposed of by another request; its "
                "certificate is written when that one ends",
                field="batch_id",
            )
        _DISPOSING.add(batch_id)
    try:
        yield
    finally:
        with _DISPOSING_LOCK:
            _DISPOSING.discard(batch_id)


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
