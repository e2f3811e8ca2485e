"""The sweep and disposal (issue 14; R2.11, R5.5, R10.2; docs/retention.md).

`dispose_subject_items` removes some of a subject's items so that no copy of them can be read
again, backups of the data database included: the items are deleted, the subject's kept
items re-sealed under a fresh data key (`Vault.rekey`) in the same transaction, and the old
key is then overwritten in the key store (`Vault.finish_rekey`). A subject left with nothing
is erased as today (crypto-shredding). `finish_rekeys` completes a re-keying interrupted
between the key store and the data (the sweep runs it first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.domain.retention.disposal import (
    DISPOSABLE_RECORDS,
    BatchStatus,
    DisposalBatch,
    DisposalEntry,
    DueRow,
    check_as_of,
)
from piiguard.domain.retention.rules import Schedule, record_until
from piiguard.domain.retention.schedule import LegalHold, RecordType
from piiguard.services.ids import new_id
from piiguard.services.retention._common import load_schedule, no_cycle_collection
from piiguard.services.subjects.erase import erase_subject


@dataclass(frozen=True, slots=True)
class SubjectDisposal:
    subject_id: str
    items_disposed: int
    items_kept: int
    subject_erased: bool  # nothing was left: erased as today, its key shredded
    key_destroyed: bool  # the key the disposed values were under is gone from the key store


def dispose_subject_items(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    subject_id: str,
    item_ids: Sequence[str],
    *,
    details: Mapping[str, DetailValue] | None = None,
    also: Callable[[UnitOfWork], None] | None = None,
) -> SubjectDisposal:
    """Dispose of `item_ids` (all the subject's) for good. `details` (ids only, e.g. the
    batch) go on the audit entry. NotFound for an unknown or erased subject or an item
    that is not the subject's; Conflict if the subject's items changed meanwhile (nothing
    is then disposed of: run it again). `also` runs in the transaction that deletes the
    items (a batch marks its entries disposed)."""
    wanted = set(item_ids)
    with uow:
        subject = uow.subjects.get(subject_id)
        if subject is None or subject.erased_at is not None:
            raise NotFound(f"no subject {subject_id}", field="subject_id")
        sealed = uow.items.sealed(subject_id)
    held = {s.record.id for s in sealed}
    if missing := sorted(wanted - held):
        raise NotFound(f"subject {subject_id} has no item {missing[0]}", field="item_ids")
    keep = [s for s in sealed if s.record.id not in wanted]
    if not keep:
        erasure = erase_subject(uow, vault, clock, actor, subject_id)
        with uow:
            uow.retention.forget(sorted(held))
            if also is not None:
                also(uow)
            uow.audit(disposal_event(actor, subject_id, erasure.items_deleted, 0, details))
            uow.commit()
        return SubjectDisposal(subject_id, erasure.items_deleted, 0, True, erasure.key_shredded)
    rekeyed = vault.rekey(subject_id, keep)  # the fresh key is durable before any data
    with uow:
        n = uow.items.delete_items(subject_id, sorted(wanted))
        resealed = uow.items.reseal(subject_id, rekeyed.values)
        changed = n != len(wanted) or resealed != len(rekeyed.values)
        if not changed:
            uow.retention.forget(sorted(wanted))
            if also is not None:
                also(uow)
            uow.audit(disposal_event(actor, subject_id, n, len(keep), details))
            uow.commit()
    if changed:  # rolled back: the fresh key protects nothing and is dropped
        _finish(uow, vault, actor, subject_id)
        raise Conflict(
            f"subject {subject_id}'s items changed during the disposal; nothing was "
            "disposed of, run it again"
        )
    destroyed = _finish(uow, vault, actor, subject_id) == "promoted"
    return SubjectDisposal(subject_id, n, len(keep), False, destroyed)


def finish_rekeys(uow: UnitOfWork, vault: Vault, actor: Actor) -> dict[str, str]:
    """Complete every re-keying left unfinished (a crash or an unreachable key store
    between the data's commit and the key's overwrite): subject -> promoted / dropped."""
    return {sid: _finish(uow, vault, actor, sid) for sid in vault.unfinished_rekeys()}


def _finish(uow: UnitOfWork, vault: Vault, actor: Actor, subject_id: str) -> str:
    with uow:
        items = uow.items.sealed(subject_id)
    outcome = vault.finish_rekey(subject_id, items)
    with uow:
        action = "key.rekey" if outcome == "promoted" else "key.rekey_dropped"
        uow.audit(AuditEvent(action, actor.kind.value, actor.id, "subject", subject_id, subject_id))
        uow.commit()
    return outcome


def disposal_event(
    actor: Actor,
    subject_id: str,
    disposed: int,
    kept: int,
    details: Mapping[str, DetailValue] | None,
) -> AuditEvent:
    return AuditEvent(
        "retention.dispose",
        actor.kind.value,
        actor.id,
        "subject",
        subject_id,
        subject_id,
        details={**(details or {}), "items_disposed": disposed, "items_kept": kept},
    )


# -- what is due: the preview and the sweep's proposals -------------------------------------
_PAGE = 50_000  # due rows a page: one round trip for most sweeps
NO_PURPOSE = "(none)"


# An item past its retain-until (metadata only): the store's row as it is.
DueItem = DueRow


@dataclass(frozen=True, slots=True)
class Preview:
    """What would be disposed of on `as_of`, without disposing: counts only."""

    as_of: datetime
    items: int
    subjects: int
    held: int  # due, but a legal hold in force covers them
    by_purpose: dict[str, int]
    by_category: dict[str, int]
    by_system: dict[str, int]
    records: dict[str, int] = field(default_factory=dict)  # piiguard's own, by record type


def due_items(
    uow: UnitOfWork, as_of: datetime, limit: int | None = None
) -> tuple[list[DueItem], int]:
    """Items whose stored retain-until (item_retention, kept by services/retention/
    schedule.py) is on or before `as_of` and that no legal hold in force then covers, in
    (retain-until, id) order, inside an open unit of work; and how many holds kept back.
    One range scan of item_retention, which keeps the items' metadata beside the date
    (adapters/db/stores/sweep.py `due_rows`); an item deleted since the last refresh is
    still listed and left out at disposal ("gone")."""
    with no_cycle_collection():  # 100,000 rows a sweep, no cycles among them
        return _due_items(uow, as_of, limit)


def _due_items(uow: UnitOfWork, as_of: datetime, limit: int | None) -> tuple[list[DueItem], int]:
    holds = [h for h in uow.retention.holds() if h.in_force(as_of)]
    out: list[DueItem] = []
    held = 0
    after: tuple[datetime, str] | None = None
    while limit is None or len(out) < limit:
        page = uow.retention.due_rows(as_of, _PAGE, after)
        if not page:
            break
        after, full = (page[-1].retain_until, page[-1].item_id), len(page) == _PAGE
        if holds:  # set-wise: most sweeps have none in force
            free = [
                r
                for r in page
                if not any(h.covers(r.subject_id, r.category, r.held_in) for h in holds)
            ]
            held += len(page) - len(free)
            page = free
        if limit is not None and len(out) + len(page) >= limit:
            out.extend(page[: limit - len(out)])
            break
        out.extend(page)
        if not full:
            break
    return out, held


@dataclass(frozen=True, slots=True)
class DueRecord:
    """One of piiguard's own records about a person past its record rule (ids only)."""

    record_type: RecordType
    record_id: str
    subject_id: str | None
    retain_until: datetime


def record_held(holds: Iterable[LegalHold], subject_id: str | None, at: datetime) -> bool:
    """A record has no category or system: a hold in force covers it when the hold names
    no category and no system and names its subject (or no subject at all)."""
    return any(h.in_force(at) and h.covers(subject_id, "", "") for h in holds)


def due_records(
    uow: UnitOfWork, schedule: Schedule, as_of: datetime, limit: int = 100_000
) -> tuple[list[DueRecord], int]:
    """piiguard's own records (request records, triage mail, delivered packages) whose
    record rule's days from its anchor event have passed by `as_of` and that no hold in
    force covers, inside an open unit of work; and how many holds kept back. No rule for a
    record type, or its anchor event not yet happened (an open request): kept."""
    holds = uow.retention.holds()
    out: list[DueRecord] = []
    held = 0
    for rt in DISPOSABLE_RECORDS:
        rule = schedule.record_rules.get(rt)
        if rule is None:
            continue
        cutoff = as_of - timedelta(days=rule.days)
        for r in uow.retention.own_records(rt, rule.anchor, cutoff, limit):
            until = record_until(rule, r.anchor_at)
            if until is None or until > as_of:
                continue
            if record_held(holds, r.subject_id, as_of):
                held += 1
                continue
            out.append(DueRecord(rt, r.record_id, r.subject_id, until))
    return out, held


def counts(items: Iterable[DueItem]) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """By purpose (an item counts under each of its purposes), category and system."""
    purpose: Counter[str] = Counter()
    category: Counter[str] = Counter()
    system: Counter[str] = Counter()
    for i in items:
        purpose.update(i.purposes or [NO_PURPOSE])
        category[i.category] += 1
        system[i.held_in] += 1
    return (
        dict(sorted(purpose.items())),
        dict(sorted(category.items())),
        dict(sorted(system.items())),
    )


def preview_disposal(uow: UnitOfWork, as_of: datetime) -> Preview:
    """What would go on `as_of` (any date, past or future), by purpose, category and system;
    nothing is written. Console and `piiguard retention preview --as-of DATE`."""
    check_as_of(as_of)
    with uow:
        items, held = due_items(uow, as_of)
        records, records_held = due_records(uow, load_schedule(uow), as_of)
    by_purpose, by_category, by_system = counts(items)
    return Preview(
        as_of,
        len(items),
        len({i.subject_id for i in items}),
        held + records_held,
        by_purpose,
        by_category,
        by_system,
        dict(sorted(Counter(r.record_type.value for r in records).items())),
    )


def propose_batch(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    *,
    auto_dispose_days: int = 0,
    as_of: datetime | None = None,
    limit: int = 10_000,
) -> DisposalBatch | None:
    """Put the items and piiguard's own records due now (or by `as_of`, not later than
    now), not under hold and not on an open batch already, on a new proposed batch (items
    first, at most `limit` entries); None when nothing is due. With
    `auto_dispose_days` > 0 the batch is disposed of that many days later unless an officer
    rejected it. Audited (ids and counts)."""
    now = clock.now()
    when = min(as_of or now, now)
    with uow:
        items, _ = due_items(uow, when)
        taken = uow.retention.on_open_batches(RecordType.ITEM, [i.item_id for i in items])
        items = [i for i in items if i.item_id not in taken][:limit]
        records, _ = due_records(uow, load_schedule(uow), when)
        for rt in DISPOSABLE_RECORDS:
            ids = [r.record_id for r in records if r.record_type is rt]
            taken |= uow.retention.on_open_batches(rt, ids) if ids else set()
        records = [r for r in records if r.record_id not in taken][: limit - len(items)]
        if not items and not records:
            return None
        batch = DisposalBatch(
            new_id(),
            BatchStatus.PROPOSED,
            when,
            now,
            actor.ref,
            len(items) + len(records),
            now + timedelta(days=auto_dispose_days) if auto_dispose_days > 0 else None,
        )
        uow.retention.add_batch(
            batch,
            [
                DisposalEntry(
                    batch.id,
                    RecordType.ITEM,
                    i.item_id,
                    i.subject_id,
                    i.category,
                    i.held_in,
                    i.purposes,
                    i.retain_until,
                )
                for i in items
            ]
            + [
                DisposalEntry(
                    batch.id, r.record_type, r.record_id, r.subject_id, retain_until=r.retain_until
                )
                for r in records
            ],
        )
        uow.audit(
            AuditEvent(
                "retention.batch.propose",
                actor.kind.value,
                actor.id,
                "disposal_batch",
                batch.id,
                details={
                    "items": len(items),
                    "records": len(records),
                    "subjects": len({i.subject_id for i in items}),
                    "as_of": when.isoformat(),
                    "auto_dispose_at": (
                        batch.auto_dispose_at.isoformat() if batch.auto_dispose_at else None
                    ),
                },
            )
        )
        uow.commit()
    return batch
