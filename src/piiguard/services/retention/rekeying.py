"""Disposal by the hundreds (issue 14; R2.11, R5.5; docs/retention.md): a disposal batch's
people are taken a chunk at a time, with the protocol of `dispose_subject_items`
(services/retention/sweep.py) done once per chunk instead of once per person:

1. the due items re-checked for the whole chunk (newly held, no longer due, gone);
2. the fresh keys of the chunk's people staged in one key-store transaction
   (`Vault.rekey_many`), durable before any data depends on them;
3. one data transaction: the due items deleted, the kept ones re-sealed where they still
   hold the value read, the batch's entries marked, one `retention.dispose` audit entry
   per person — committed only if every count matches;
4. the fresh keys promoted (the old ones overwritten) in one key-store transaction, the
   SQLite key store's log checkpointed once (`Vault.finish_rekey_many`), one `key.rekey`
   audit entry per person.

Interrupted between 2 and 3, every staged key protects nothing and `finish_rekeys` drops
it; between 3 and 4, every kept item is under the fresh key and `finish_rekeys` promotes
it — per person, exactly as for a single disposal. If anything in the chunk changed
meanwhile (3's counts fall short), the data transaction is rolled back, the staged keys
are dropped, and the chunk's people are disposed of one by one as before; a person whose
values are then under both keys (one corrected under the fresh key meanwhile) is left
unfinished with a Conflict, as `dispose_subject_items` does. A person left with nothing
is erased one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict
from piiguard.domain.ports import Clock, Rekeyed, SealedItem, UnitOfWork, Vault
from piiguard.domain.retention.disposal import DisposalEntry
from piiguard.domain.retention.rules import ItemFacts, Schedule
from piiguard.domain.retention.schedule import RecordType
from piiguard.services.retention._common import item_facts, load_schedule
from piiguard.services.retention.refresh import UNCHANGING, schedule_key
from piiguard.services.retention.schedule import compute
from piiguard.services.retention.sweep import disposal_event, dispose_subject_items

CHUNK = 1000  # people per chunk
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class ChangedSince:
    """The people named by audit entries since the refresh, as read so far by one
    disposal: each chunk reads only the entries appended after the last one read (the
    chain's appenders are serialised by its head's lock, so an entry committed later has a
    higher number), instead of every entry since the refresh again — a range that grows by
    two entries per person disposed of."""

    refresh: tuple[int, str] | None = None  # the refresh state the set counts from
    through: int = 0
    people: set[str] = field(default_factory=set)

    def read(self, uow: UnitOfWork, state: tuple[int, str]) -> set[str]:
        """Inside an open unit of work: the set, brought up to the chain's head."""
        if state != self.refresh:  # a refresh ran meanwhile: counted from it afresh
            self.refresh, self.through, self.people = state, state[0], set()
        head = uow.audit_log.head()[0]
        if head > self.through:
            self.people.update(uow.retention.changed_subjects(self.through, head, UNCHANGING))
            self.through = head
        return self.people


# person -> item ids still due, the people's items as read, why the others not
StillDue = tuple[dict[str, list[str]], dict[str, list[SealedItem]], dict[str, int]]


def read_ahead(
    uow: UnitOfWork, read: Callable[[UnitOfWork, T], R], todo: Sequence[T]
) -> Generator[R, None, None]:
    """`read(uow, each)` for each of `todo` in turn, handed over one at a time. Where the
    database takes a reader alongside a writer (`UnitOfWork.reader`: PostgreSQL), the next
    one is read in another thread, on a read-only unit of work of its own, while the
    caller works on this one's answer: a disposal's next chunk is checked (its people's
    items, stored dates and holds read, judged) while this chunk is re-keyed, written and
    promoted — its server's work beside this chunk's client's, where they took turns
    (docs/benchmarks.md "Retention", twelfth round). The chunks' people are distinct: what
    one chunk writes is none of what the next one reads. Each read's transaction ends
    before its answer is handed over; close the iterator (contextlib.closing) to wait for
    a read still under way when the caller stops early."""
    other = uow.reader()
    if other is None or len(todo) < 2:
        yield from (read(uow, each) for each in todo)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead") as pool:
        ahead = pool.submit(read, other, todo[0])
        for each in todo[1:]:
            got = ahead.result()
            ahead = pool.submit(read, other, each)
            yield got
        yield ahead.result()


def still_due(
    uow: UnitOfWork,
    schedule: Schedule,
    now: datetime,
    todo: Mapping[str, Sequence[DisposalEntry]],
    changed: ChangedSince | None = None,
) -> StillDue:
    """Which of these people's entries may be disposed of now (person -> item ids), the
    people's items as read, and why the others not (held / not_due / gone).

    The re-check trusts the stored retain-until (item_retention) where it is known to be
    current: it was computed under the schedule as it is now (the refresh's schedule key)
    and nothing the date reads has changed for the person since (no audit entry naming
    them after the refresh's sequence number, as the incremental refresh itself decides,
    services/retention/refresh.py). Everyone else's items, and an item without a stored
    date, are recomputed as things stand. Holds are read again for every item."""
    why = {"held": 0, "not_due": 0, "gone": 0}
    wanted = {e.record_id for es in todo.values() for e in es}
    with uow:
        # an erased person has no items left (erasure deletes them in the transaction
        # that marks the person erased): their entries come out "gone" without a read of
        # `subjects`, a sequential scan of the whole table a chunk (twelfth round)
        sealed = uow.items.sealed_many(sorted(todo))
        facts = [f for rows in sealed.values() for f in item_facts(rows) if f.item_id in wanted]
        why["gone"] = len(wanted) - len(facts)
        if not facts:
            return {}, {}, why
        if uow.retention.version() != schedule.version:  # changed during the disposal
            schedule = load_schedule(uow)
        stored = _trusted_until(uow, schedule, facts, changed or ChangedSince())
        holds = [h for h in uow.retention.holds() if h.in_force(now)]
        recheck = [f for f in facts if f.item_id not in stored]
        views = compute(uow, schedule, now, recheck) if recheck else []
    due = {v.item.item_id: v.retention.due(now) for v in views}
    due.update((i, until is not None and until <= now) for i, until in stored.items())
    ids: dict[str, list[str]] = {}
    for f in facts:
        if any(h.covers(f.subject_id, f.category, f.held_in) for h in holds):
            why["held"] += 1
        elif not due[f.item_id]:
            why["not_due"] += 1
        else:
            ids.setdefault(f.subject_id, []).append(f.item_id)
    return ids, {sid: rows for sid, rows in sealed.items() if sid in ids}, why


def _trusted_until(
    uow: UnitOfWork, schedule: Schedule, facts: Sequence[ItemFacts], since: ChangedSince
) -> dict[str, datetime | None]:
    """The stored retain-until of the items whose stored date is current (see still_due),
    inside an open unit of work: none when the schedule changed since the refresh, none of
    a person named by a change since."""
    state = uow.retention.refresh_state()
    if state is None or state[1] != schedule_key(schedule):
        return {}
    changed = since.read(uow, state)
    ids = [f.item_id for f in facts if f.subject_id not in changed]
    if not ids:
        return {}
    # read by the people (an index range each), every item of theirs: those wanted kept
    stored = uow.retention.stored_until_of(sorted({f.subject_id for f in facts} - changed))
    return {i: stored[i] for i in ids if i in stored}


def dispose_chunk(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    batch_id: str,
    wanted: Mapping[str, Sequence[str]],
    sealed: Mapping[str, Sequence[SealedItem]],
) -> None:
    """Dispose of `wanted` (person -> item ids, each the person's, as read in `sealed`)
    and mark the batch's entries; see the module's docstring."""
    keep: dict[str, list[SealedItem]] = {}
    alone: list[str] = []  # nothing kept: erased, one by one
    for sid, ids in wanted.items():
        drop = set(ids)
        kept = [s for s in sealed[sid] if s.record.id not in drop]
        if kept:
            keep[sid] = kept
        else:
            alone.append(sid)
    for sid in alone:
        _one(uow, vault, clock, actor, batch_id, sid, wanted[sid])
    if not keep:
        return
    try:
        rekeyed = vault.rekey_many(keep)  # the fresh keys are durable before any data
    except Conflict:  # one of them is being re-keyed: one by one, each says so
        for sid in sorted(keep):
            _one(uow, vault, clock, actor, batch_id, sid, wanted[sid])
        return
    ok = _commit(uow, clock, actor, batch_id, wanted, keep, rekeyed)
    unfinished = _finish_many(uow, vault, actor, sorted(keep))
    if not ok:  # rolled back: the fresh keys protected nothing (dropped); one by one
        for sid in sorted(set(keep) - set(unfinished)):
            _one(uow, vault, clock, actor, batch_id, sid, wanted[sid])
    if unfinished:  # as finish_rekey: left for finish_rekeys once the values are re-sealed
        raise Conflict(
            f"subject {unfinished[0]}: items under both the old and the fresh key; re-seal "
            "the old ones before finishing"
        )


def _commit(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    batch_id: str,
    wanted: Mapping[str, Sequence[str]],
    keep: Mapping[str, Sequence[SealedItem]],
    rekeyed: Sequence[Rekeyed],
) -> bool:
    """The chunk's one data transaction; False (rolled back) if any count falls short."""
    mine = {sid: wanted[sid] for sid in keep}  # by their people (stores/items.py)
    gone = [i for ids in mine.values() for i in ids]
    values = sum(len(r.values) for r in rekeyed)
    at = clock.now()
    with uow:
        if uow.items.delete_of(mine) != len(gone) or uow.items.reseal_many(rekeyed) != values:
            return False
        uow.retention.forget_of(mine)
        uow.retention.mark_disposed(batch_id, RecordType.ITEM, gone, at, of=list(mine))
        for sid, kept in keep.items():
            uow.audit(disposal_event(actor, sid, len(wanted[sid]), len(kept), {"batch": batch_id}))
        uow.commit()
    return True


def _one(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    batch_id: str,
    subject_id: str,
    ids: Sequence[str],
) -> None:
    at = clock.now()

    def mark(u: UnitOfWork, ids: Sequence[str] = ids, at: datetime = at) -> None:
        u.retention.mark_disposed(batch_id, RecordType.ITEM, ids, at)

    dispose_subject_items(
        uow, vault, clock, actor, subject_id, ids, details={"batch": batch_id}, also=mark
    )


def _finish_many(uow: UnitOfWork, vault: Vault, actor: Actor, subject_ids: list[str]) -> list[str]:
    """Promote or drop the staged keys of these people (one key-store transaction each
    way), audited; the people left unfinished (items under both keys)."""
    with uow:
        items = uow.items.ciphertexts_many(subject_ids)
    outcomes = vault.finish_rekey_many(items)
    with uow:
        for sid, outcome in outcomes.items():
            action = "key.rekey" if outcome == "promoted" else "key.rekey_dropped"
            uow.audit(AuditEvent(action, actor.kind.value, actor.id, "subject", sid, sid))
        uow.commit()
    return [sid for sid in subject_ids if sid not in outcomes]
