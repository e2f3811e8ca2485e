"""Erasing a subject (R4.1, R5.1): its items deleted and a tombstone kept for the
audit trail, then its data key destroyed (crypto-shredding), so every copy of its
ciphertexts, backups included, becomes unreadable; `sweep_keys` finishes a shredding that
did not complete."""

from __future__ import annotations

from dataclasses import dataclass

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.services.subjects._common import live_subject


@dataclass(frozen=True, slots=True)
class Erasure:
    subject_id: str
    items_deleted: int
    key_shredded: bool


def erase_subject(
    uow: UnitOfWork, vault: Vault, clock: Clock, actor: Actor, subject_id: str
) -> Erasure:
    """Delete the subject's items, keep a tombstone for the audit trail, then destroy its
    data key (crypto-shredding): every copy of its ciphertexts, backups included, becomes
    unreadable. If the key store is unreachable after the commit, `sweep_keys` finishes."""
    with uow:
        live_subject(uow, subject_id)
        n = uow.items.delete_for_subject(subject_id)
        uow.subjects.mark_erased(subject_id, clock.now())
        uow.audit(
            AuditEvent(
                "subject.erase",
                actor.kind.value,
                actor.id,
                "subject",
                subject_id,
                subject_id,
                details={"items_deleted": n},
            )
        )
        uow.commit()
    shredded = _shred(uow, vault, actor, [subject_id])
    return Erasure(subject_id, n, shredded == 1)


def _shred(uow: UnitOfWork, vault: Vault, actor: Actor, subject_ids: list[str]) -> int:
    n = vault.shred(subject_ids)
    with uow:
        for sid in subject_ids:
            uow.audit(AuditEvent("key.shred", actor.kind.value, actor.id, "subject", sid, sid))
        uow.commit()
    return n


def sweep_keys(uow: UnitOfWork, vault: Vault, actor: Actor) -> int:
    """Shred the keys of erased subjects whose shredding did not complete."""
    with uow:
        erased = set(uow.subjects.erased_ids())
    pending = [sid for sid in vault.subjects_with_keys() if sid in erased]
    return _shred(uow, vault, actor, pending) if pending else 0
