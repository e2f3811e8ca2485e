"""Key operations (R5.1): KEK rotation and retirement, each on the audit trail."""

from __future__ import annotations

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict
from piiguard.domain.ports import RotationReport, SecretBox, UnitOfWork, Vault
from piiguard.services.staff.mfa import reseal_totp_seeds, seeds_under


def rotate_keys(
    uow: UnitOfWork, vault: Vault, actor: Actor, box: SecretBox | None = None
) -> RotationReport:
    """Re-wrap every subject key under a new KEK version, and re-seal the staff TOTP seeds
    (`box`) under it; data ciphertexts stay as they are."""
    report = vault.rotate()
    with uow:
        resealed = reseal_totp_seeds(uow, box) if box is not None else 0
        uow.audit(
            AuditEvent(
                "key.rotate",
                actor.kind.value,
                actor.id,
                "kek",
                report.new_version,
                details={"rewrapped": report.rewrapped, "totp_resealed": resealed},
            )
        )
        uow.commit()
    return report


def retire_key(uow: UnitOfWork, vault: Vault, actor: Actor, version: str) -> None:
    with uow:
        left = seeds_under(uow, version)
    if left:
        raise Conflict(
            f"{left} staff TOTP seeds are still sealed under KEK version {version}; "
            "run `piiguard keys rotate` first",
            field="version",
        )
    vault.retire(version)
    with uow:
        uow.audit(AuditEvent("key.retire", actor.kind.value, actor.id, "kek", version))
        uow.commit()
