"""Key operations (R5.1): KEK rotation and retirement, each on the audit trail."""

from __future__ import annotations

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.ports import RotationReport, UnitOfWork, Vault


def rotate_keys(uow: UnitOfWork, vault: Vault, actor: Actor) -> RotationReport:
    """Re-wrap every subject key under a new KEK version; data ciphertexts stay as they are."""
    report = vault.rotate()
    with uow:
        uow.audit(AuditEvent("key.rotate", actor.kind.value, actor.id, "kek", report.new_version,
                             details={"rewrapped": report.rewrapped}))
        uow.commit()
    return report


def retire_key(uow: UnitOfWork, vault: Vault, actor: Actor, version: str) -> None:
    vault.retire(version)
    with uow:
        uow.audit(AuditEvent("key.retire", actor.kind.value, actor.id, "kek", version))
        uow.commit()
