"""What the retention use cases share: who may change the schedule and holds, how a change
is audited, the facts retain_until reads of items and people."""

from __future__ import annotations

import gc
import logging
import os
import secrets
import socket
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import timedelta

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden, UnderWay, VaultIntegrityError
from piiguard.domain.ports import Clock, SealedItem, SecretBox, UnitOfWork
from piiguard.domain.retention.rules import ItemFacts, PersonFacts, Schedule

OFFICER = "privacy_officer"
log = logging.getLogger(__name__)


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


# How long a claim holds without being renewed (docs/retention.md "Two processes at once"):
# the holder renews it as it goes (`Claim.keep`), at least every third of this; a process
# that stopped leaves its claim, which lapses this long after its last renewal.
CLAIM_FOR = timedelta(minutes=15)


def holder() -> str:
    """Who holds a claim: this host and process (read at each claim: a server's workers
    are forked after import, each with its own process id)."""
    return f"{socket.gethostname()[:80]} pid {os.getpid()}"


class Claim:
    """A piece of retention work claimed in the database (adapters/db/tables/retention.py
    `retention_claims`) by this process, for as long as it is under way."""

    def __init__(self, uow: UnitOfWork, clock: Clock, name: str, token: str) -> None:
        self._uow, self._clock, self.name, self._token = uow, clock, name, token
        self._renewed = clock.now()

    def keep(self) -> None:
        """Renew the claim when a third of CLAIM_FOR has passed since it was last renewed;
        UnderWay if it lapsed meanwhile and another process took the work over."""
        now = self._clock.now()
        if now - self._renewed < CLAIM_FOR / 3:
            return
        with self._uow as uow:
            kept = uow.retention.renew_claim(self.name, self._token, now + CLAIM_FOR)
            uow.commit()
        if not kept:
            raise UnderWay(f"{self.name}: this process's claim lapsed and another took it over")
        self._renewed = now


@contextmanager
def claimed(
    uow: UnitOfWork, clock: Clock, name: str, what: str, field: str | None
) -> Iterator[Claim]:
    """Do a piece of work named `name` only if no other process or request is doing it
    (`what` says one is, for the refusal): the claim is written and committed first; one
    that has not lapsed is UnderWay (a 409 naming `field`), saying who holds it and when
    it lapses if that process stopped. Released when the work ends, done or failed."""
    token = secrets.token_hex(16)
    now = clock.now()
    with uow:
        other = uow.retention.claim(name, token, holder(), now, now + CLAIM_FOR)
        uow.commit()
    if other is not None:
        who, expires = other
        raise UnderWay(
            f"{what} ({who or 'just ending'}); try again when it ends (a claim left by a "
            f"process that stopped lapses at {expires:%Y-%m-%d %H:%M} UTC)",
            field=field,
        )
    try:
        yield Claim(uow, clock, name, token)
    finally:
        try:
            with uow:
                uow.retention.release_claim(name, token)
                uow.commit()
        except Exception:  # the work's own error matters more; the claim lapses anyway
            log.exception("retention claim %s not released; it lapses by itself", name)


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


# -- officers' free text on the registers, sealed at rest -----------------------------------
# Hold reasons, deletion tasks' waiver reasons and schedule reviews' notes may name people:
# sealed under the key provider's KEK (`SecretBox`), bound to the row (a sealed text moved
# to another row does not open); opened only for the pages and answers that show them.


def seal_text(box: SecretBox, text: str, context: str) -> str:
    return box.seal(text.encode(), context) if text else ""


def open_text(box: SecretBox, value: str, context: str) -> str:
    return box.open(value, context).decode() if value else ""


def sealed_for(box: SecretBox, value: str, context: str) -> bool:
    """Whether `value` is sealed for `context` (an AEAD: clear text never opens)."""
    try:
        box.open(value, context)
    except (VaultIntegrityError, ValueError):  # not sealed for this row (or not at all)
        return False
    return True


def seal_if_clear(box: SecretBox, value: str, context: str) -> str:
    """`value` sealed if it is still stored in clear (written before it was sealed)."""
    return value if not value or sealed_for(box, value, context) else seal_text(box, value, context)
