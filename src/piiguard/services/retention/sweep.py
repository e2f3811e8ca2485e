"""The sweep and disposal (issue 14; R2.11, R5.5, R10.2; docs/retention.md).

`dispose_subject_items` removes some of a subject's items so that no copy of them can be read
again, backups of the data database included: the items are deleted, the subject's kept
items re-sealed under a fresh data key (`Vault.rekey`) in the same transaction, and the old
key is then overwritten in the key store (`Vault.finish_rekey`). A subject left with nothing
is erased as today (crypto-shredding). `finish_rekeys` completes a re-keying interrupted
between the key store and the data (the sweep runs it first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.ports import Clock, UnitOfWork, Vault
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
) -> SubjectDisposal:
    """Dispose of `item_ids` (all the subject's) for good. `details` (ids only, e.g. the
    batch) go on the audit entry. NotFound for an unknown or erased subject or an item
    that is not the subject's; Conflict if the subject's items changed meanwhile (nothing
    is then disposed of: run it again)."""
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
        _audit_disposal(uow, actor, subject_id, erasure.items_deleted, 0, details)
        return SubjectDisposal(subject_id, erasure.items_deleted, 0, True, erasure.key_shredded)
    rekeyed = vault.rekey(subject_id, keep)  # the fresh key is durable before any data
    with uow:
        n = uow.items.delete_items(subject_id, sorted(wanted))
        resealed = uow.items.reseal(subject_id, rekeyed.values)
        changed = n != len(wanted) or resealed != len(rekeyed.values)
        if not changed:
            uow.audit(_disposal_event(actor, subject_id, n, len(keep), details))
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


def _disposal_event(
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


def _audit_disposal(
    uow: UnitOfWork,
    actor: Actor,
    subject_id: str,
    disposed: int,
    kept: int,
    details: Mapping[str, DetailValue] | None,
) -> None:
    with uow:
        uow.audit(_disposal_event(actor, subject_id, disposed, kept, details))
        uow.commit()
