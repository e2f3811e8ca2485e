"""Disposal batches (R2.11, R5.5, R10.2; docs/retention.md): an officer approves or rejects
what the sweep proposed; disposal removes the approved items for good (services/retention/
sweep.py `dispose_subject_items`: re-keying, or erasure when nothing is left), opens a
deletion task for every approved system holding a disposed category, and writes the
batch's certificate (counts, period, approver, the SHA-256 of the sorted disposed ids; no
plaintext) on the batch and on the audit trail.

At disposal each item is checked again as things stand then: one no longer due (a consent
given again, the schedule changed), newly covered by a legal hold, or already gone (erased
meanwhile) is left out, counted in the certificate, and stays off the hash.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.access import PolicyState
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.policy.datamap import Approval
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork, Vault
from piiguard.domain.retention.disposal import (
    BatchStatus,
    DisposalBatch,
    DisposalEntry,
    DisposalTask,
    DisposalTaskStatus,
    record_scope,
)
from piiguard.domain.retention.rules import record_until
from piiguard.domain.retention.schedule import Anchor, RecordType
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.retention._common import (
    Claim,
    claimed,
    load_schedule,
    no_cycle_collection,
    require_officer,
)
from piiguard.services.retention.rekeying import (
    CHUNK,
    ChangedSince,
    StillDue,
    dispose_chunk,
    read_ahead,
    still_due,
)
from piiguard.services.retention.sweep import NO_PURPOSE, record_held
from piiguard.services.retention.tasks import readable as readable_task


@dataclass(frozen=True, slots=True)
class BatchDetail:
    batch: DisposalBatch
    entries: list[DisposalEntry]
    tasks: list[DisposalTask]


def list_batches(
    uow: UnitOfWork, statuses: tuple[BatchStatus, ...] = (), limit: int = 100
) -> list[DisposalBatch]:
    with uow:
        return uow.retention.batches(statuses, limit)


def batch_detail(uow: UnitOfWork, batch_id: str, *, box: SecretBox) -> BatchDetail:
    """A batch with its entries (ids and metadata, never values) and deletion tasks (their
    waiver reasons opened: `box`)."""
    with uow:
        batch = _get(uow, batch_id)
        entries, tasks = uow.retention.entries(batch_id), uow.retention.tasks_of(batch_id)
    return BatchDetail(batch, entries, [readable_task(box, t) for t in tasks])


def _get(uow: UnitOfWork, batch_id: str, *, lock: bool = False) -> DisposalBatch:
    batch = uow.retention.batch(batch_id, lock=lock)
    if batch is None:
        raise NotFound(f"no disposal batch {batch_id}", field="batch_id")
    return batch


def _event(actor: Actor, action: str, batch_id: str, **details: DetailValue) -> AuditEvent:
    return AuditEvent(
        action, actor.kind.value, actor.id, "disposal_batch", batch_id, details=details
    )


def approve_batch(
    uow: UnitOfWork, clock: Clock, actor: Actor, batch_id: str, *, auto: bool = False
) -> DisposalBatch:
    """An officer approves a proposed batch (`auto`: the scheduler, after the setting's days
    without objection). Disposal follows (`dispose_batch`)."""
    if not auto:
        require_officer(actor, "approves a disposal batch")
    with uow:
        batch = _get(uow, batch_id, lock=True)
        if batch.status is not BatchStatus.PROPOSED:
            raise Conflict(f"disposal batch {batch_id} is {batch.status}", field="batch_id")
        batch = replace(
            batch, status=BatchStatus.APPROVED, approved_by=actor.ref, approved_at=clock.now()
        )
        uow.retention.save_batch(batch)
        uow.audit(_event(actor, "retention.batch.approve", batch_id, auto=auto))
        uow.commit()
    return batch


def reject_batch(
    uow: UnitOfWork, clock: Clock, actor: Actor, batch_id: str, reason: str
) -> DisposalBatch:
    """An officer objects: nothing on the batch is disposed of; its items may be proposed
    again by a later sweep (once the objection is dealt with, e.g. by a hold)."""
    require_officer(actor, "rejects a disposal batch")
    reason = reason.strip()
    if not 5 <= len(reason) <= 1000:
        raise InvalidInput("say why (5–1,000 characters)", field="reason")
    with uow:
        batch = _get(uow, batch_id, lock=True)
        if batch.status is not BatchStatus.PROPOSED:
            raise Conflict(f"disposal batch {batch_id} is {batch.status}", field="batch_id")
        batch = replace(
            batch,
            status=BatchStatus.REJECTED,
            rejected_by=actor.ref,
            rejected_at=clock.now(),
            reason=reason,
        )
        uow.retention.save_batch(batch)
        uow.audit(_event(actor, "retention.batch.reject", batch_id))
        uow.commit()
    return batch


def list_hash(item_ids: list[str]) -> str:
    """SHA-256 of the disposed ids, sorted, one per line (UTF-8, no trailing newline): an
    auditor holding the list recomputes it."""
    return hashlib.sha256("\n".join(sorted(item_ids)).encode()).hexdigest()


def dispose_batch(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    policy: PolicySnapshots,
    batch_id: str,
) -> DisposalBatch:
    """Dispose of an approved batch: per subject its due items removed for good, then the
    deletion tasks and the certificate. Safe to run again after an interruption (what is
    done stays done; the rest is finished); refused (UnderWay, a 409 on batch_id) while
    another disposal of the batch is under way, in this process or another on the same
    database (_common.py `claimed`): both would work on the same people with what each had
    read — re-keying a person the other had just re-keyed, failing half-way on an item the
    other had disposed of — and the certificate would count the other's items as gone.
    The cyclic garbage collector is paused meanwhile (_common.py `no_cycle_collection`)."""
    being = f"disposal batch {batch_id} is being disposed of by another process or request"
    with (
        no_cycle_collection(),
        claimed(uow, clock, f"dispose:{batch_id}", being, "batch_id") as claim,
    ):
        return _dispose_batch(uow, vault, clock, actor, policy, batch_id, claim)


def _dispose_batch(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    policy: PolicySnapshots,
    batch_id: str,
    claim: Claim,
) -> DisposalBatch:
    with uow:
        batch = _get(uow, batch_id)
        if batch.status is not BatchStatus.APPROVED:
            raise Conflict(
                f"disposal batch {batch_id} is {batch.status}; only an approved batch is "
                "disposed of",
                field="batch_id",
            )
        entries = uow.retention.entries(batch_id)
    skipped = {"held": 0, "not_due": 0, "gone": 0}
    by_subject: dict[str, list[DisposalEntry]] = defaultdict(list)
    for e in entries:
        if e.record_type is RecordType.ITEM and e.disposed_at is None and e.subject_id:
            by_subject[e.subject_id].append(e)
    with uow:
        schedule = load_schedule(uow)  # read again if its version moves meanwhile
        # a table filled in bulk since autovacuum last looked would be read whole per chunk
        uow.retention.gather_statistics()
        uow.commit()
    people = sorted(by_subject)
    changed = ChangedSince()  # read on from chunk to chunk
    chunks = [  # a chunk of people at a time (rekeying.py)
        {sid: by_subject[sid] for sid in people[start : start + CHUNK]}
        for start in range(0, len(people), CHUNK)
    ]

    def check(u: UnitOfWork, chunk: dict[str, list[DisposalEntry]]) -> StillDue:
        return still_due(u, schedule, clock.now(), chunk, changed)

    # the next chunk checked while this one is disposed of (rekeying.py `read_ahead`)
    with closing(read_ahead(uow, check, chunks)) as checked:
        for ids, sealed, why in checked:
            claim.keep()
            for k, n in why.items():
                skipped[k] += n
            if ids:
                dispose_chunk(uow, vault, clock, actor, batch_id, ids, sealed)
    for rt in (RecordType.REQUEST_PACKAGE, RecordType.TRIAGE_MAIL, RecordType.DATA_REQUEST):
        todo = [e for e in entries if e.record_type is rt and e.disposed_at is None]
        for start in range(0, len(todo), _RECORDS_AT_ONCE):
            claim.keep()
            why = _dispose_records(
                uow, vault, clock, actor, batch_id, rt, todo[start : start + _RECORDS_AT_ONCE]
            )
            for k, n in why.items():
                skipped[k] += n
    # records disposed of by an earlier, interrupted run: their keys destroyed (again)
    vault.shred_records(
        [
            record_scope(e.record_type, e.record_id)
            for e in entries
            if e.record_type is not RecordType.ITEM and e.disposed_at is not None
        ]
    )
    return _close(uow, clock, actor, policy, batch_id, skipped)


_RECORDS_AT_ONCE = 500


def _dispose_records(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    batch_id: str,
    record_type: RecordType,
    todo: list[DisposalEntry],
) -> dict[str, int]:
    """Delete piiguard's own records on the batch that are still due and not held, in one
    transaction with their entries marked and an audit entry (ids and counts); then their
    keys (and those of a request's packages) destroyed in the key store, so the records'
    copies in backups, and the staff's notes sealed in the audit entries about them, no
    longer open (adapters/vault/recordbox.py). A record's rows go; the audit entries about
    it stay, intact (they hold ids, keyed hashes and sealed notes, no value in clear)."""
    why = {"held": 0, "not_due": 0, "gone": 0}
    now = clock.now()
    with uow:
        rule = load_schedule(uow).record_rules.get(record_type)
        anchor = rule.anchor if rule is not None else Anchor.RECEIVED
        found = {
            r.record_id: r
            for r in uow.retention.own_records_of(record_type, anchor, [e.record_id for e in todo])
        }
        holds = uow.retention.holds()
        ids = []
        for e in todo:
            r = found.get(e.record_id)
            until = record_until(rule, r.anchor_at) if r is not None else None
            if r is None:
                why["gone"] += 1
            elif until is None or until > now:
                why["not_due"] += 1
            elif record_held(holds, r.subject_id, now):
                why["held"] += 1
            else:
                ids.append(e.record_id)
        scopes = [record_scope(record_type, i) for i in ids]
        if ids and record_type is RecordType.DATA_REQUEST:
            packages = uow.retention.packages_of_requests(ids)
            scopes += [record_scope(RecordType.REQUEST_PACKAGE, p) for p in packages]
        if ids:
            n = uow.retention.delete_own_records(record_type, ids)
            uow.retention.mark_disposed(batch_id, record_type, ids, now)
            uow.audit(
                _event(
                    actor,
                    "retention.dispose_records",
                    batch_id,
                    record_type=record_type.value,
                    records=n,
                )
            )
        uow.commit()
    vault.shred_records(scopes)  # after the rows: a failed transaction keeps both
    return why


def _holders(state: PolicyState, categories: set[str], held_in: set[str]) -> list[str]:
    """Approved systems of the data map holding any of these categories, and the systems
    the items were held in (piiguard's own vault is not in the data map)."""
    out = {
        s.key
        for s in state.systems.values()
        if s.status is Approval.APPROVED
        and any(state.taxonomy.is_within(c, sc) for c in categories for sc in s.categories)
    }
    out |= {
        h for h in held_in if h in state.systems and state.systems[h].status is Approval.APPROVED
    }
    return sorted(out)


def _close(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    policy: PolicySnapshots,
    batch_id: str,
    skipped: dict[str, int],
) -> DisposalBatch:
    now = clock.now()
    with uow:
        batch = _get(uow, batch_id, lock=True)
        if batch.status is not BatchStatus.APPROVED:  # closed meanwhile by another process
            return batch
        entries = uow.retention.entries(batch_id)
        done = [e for e in entries if e.disposed_at is not None]
        items = [e for e in done if e.record_type is RecordType.ITEM]
        records = [e for e in done if e.record_type is not RecordType.ITEM]
        state = policy.current(uow)
        tasks = _tasks_for(state, batch_id, items, now)
        uow.retention.add_tasks(tasks)
        digest = list_hash([e.record_id for e in done])
        cert = _certificate(batch, items, records, skipped, [t.system for t in tasks], actor, now)
        batch = replace(
            batch,
            status=BatchStatus.DISPOSED,
            disposed_at=now,
            list_hash=digest,
            certificate=json.dumps(cert, ensure_ascii=False, sort_keys=True),
        )
        uow.retention.save_batch(batch)
        uow.audit(
            _event(
                actor,
                "retention.batch.dispose",
                batch_id,
                items=len(items),
                records=len(records),
                subjects=len({e.subject_id for e in items}),
                list_hash=digest,
                systems=sorted(t.system for t in tasks),
                **{f"skipped_{k}": v for k, v in skipped.items()},
            )
        )
        uow.commit()
    return batch


def _tasks_for(
    state: PolicyState, batch_id: str, done: list[DisposalEntry], now: datetime
) -> list[DisposalTask]:
    tasks = []
    categories = {e.category for e in done}
    for system in _holders(state, categories, {e.system for e in done}):
        sc = state.systems[system].categories
        held = {k for k in categories if any(state.taxonomy.is_within(k, c) for c in sc)}
        mine = [e for e in done if e.system == system or e.category in held]
        tasks.append(
            DisposalTask(
                new_id(),
                batch_id,
                system,
                frozenset(e.category for e in mine),
                frozenset(e.subject_id for e in mine if e.subject_id),
                DisposalTaskStatus.PENDING,
                now,
                next_attempt_at=now,
            )
        )
    return tasks


def _certificate(
    batch: DisposalBatch,
    done: list[DisposalEntry],
    records: list[DisposalEntry],
    skipped: dict[str, int],
    systems: list[str],
    actor: Actor,
    now: datetime,
) -> dict[str, object]:
    purposes: dict[str, int] = defaultdict(int)
    categories: dict[str, int] = defaultdict(int)
    held_in: dict[str, int] = defaultdict(int)
    for e in done:
        for p in e.purposes or {NO_PURPOSE}:
            purposes[p] += 1
        categories[e.category] += 1
        held_in[e.system] += 1
    kinds: dict[str, int] = defaultdict(int)
    for e in records:
        kinds[e.record_type.value] += 1
    due = sorted(e.retain_until for e in done + records if e.retain_until is not None)
    return {
        "batch_id": batch.id,
        "as_of": batch.as_of.isoformat(),
        "proposed_at": batch.created_at.isoformat(),
        "proposed_by": batch.created_by,
        "approved_by": batch.approved_by,
        "approved_at": batch.approved_at.isoformat() if batch.approved_at else None,
        "disposed_at": now.isoformat(),
        "disposed_by": actor.ref,
        "items": len(done),
        "subjects": len({e.subject_id for e in done}),
        "skipped": skipped,
        "by_category": dict(sorted(categories.items())),
        "by_purpose": dict(sorted(purposes.items())),
        "by_system": dict(sorted(held_in.items())),
        "records": dict(sorted(kinds.items())),  # piiguard's own records, by type
        "period": {
            "due_from": due[0].isoformat() if due else None,
            "due_to": due[-1].isoformat() if due else None,
        },
        "systems_told": sorted(systems),
        "list_hash": list_hash([e.record_id for e in done + records]),
        "list_hash_of": "SHA-256 of the disposed item and record ids, sorted, one per line",
    }
