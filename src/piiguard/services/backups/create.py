"""Taking a backup (R5.7): the database's own consistent copy, encrypted on its way to a
target the data map approves (R5.6), a manifest beside it and in the register, every step
on the audit trail."""

from __future__ import annotations

import logging

from piiguard.domain.backups.model import (
    KEYSTORE_TABLE,
    Backup,
    BackupKind,
    BackupStatus,
    manifest_json,
)
from piiguard.domain.backups.ports import BackupUnreadable
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, DomainError
from piiguard.services.backups._common import BackupKit, audited, folder_of, ref
from piiguard.services.ids import new_id

log = logging.getLogger(__name__)


def _refused(kit: BackupKit, actor: Actor, kind: BackupKind, target: str, e: Exception) -> None:
    with kit.units() as uow:
        audited(
            uow,
            actor,
            "backup.refused",
            "",
            kind=kind.value,
            target=target,
            reason=type(e).__name__,
            field=getattr(e, "field", None) or "",
        )
        uow.commit()


def create_backup(
    kit: BackupKit, actor: Actor, kind: BackupKind = BackupKind.DATA, target: str | None = None
) -> Backup:
    """Copy the database of `kind` into `target` (a data-map system key; None: the
    configured default, "" the default folder). A copy that fails is recorded as failed
    (the error's type only) and raised; a refused target is on the trail as refused."""
    target = kit.target if target is None else target.strip()
    try:
        folder = kit.engine.folder_ok(folder_of(kit.units(), kit, target))
    except DomainError as e:
        _refused(kit, actor, kind, target, e)
        raise
    backup_id, now = new_id(), kit.clock.now()
    base = Backup(
        backup_id,
        kind,
        BackupStatus.OK,
        now,
        ref(actor),
        target,
        folder,
        kit.engine.dialect(kind),
        expires_at=now + kit.keep(kind is BackupKind.KEYSTORE),
    )
    try:
        w = kit.engine.create(kind, backup_id, folder)
        if kind is BackupKind.DATA and KEYSTORE_TABLE in w.facts.row_counts:
            kit.engine.delete(w.location)
            raise Conflict(  # noqa: TRY301 - recorded as failed below, like any other
                "the data database holds the key store's table (subject_keys): a data backup "
                "would carry the keys with the ciphertexts. Keep the key store in a database "
                "of its own (PIIGUARD_KEYSTORE_URL)",
                field="keystore_url",
            )
    except Exception as e:  # any failure of the copy is recorded, then raised
        _failed(kit, actor, base, e)
        raise
    b = Backup(
        backup_id,
        kind,
        BackupStatus.OK,
        now,
        base.by,
        target,
        w.location,
        base.dialect,
        w.size,
        w.sha256,
        w.kek_version,
        w.facts,
        base.expires_at,
    )
    kit.engine.write_manifest(w.location, manifest_json(b))
    with kit.units() as uow:
        uow.backups.add(b)
        audited(
            uow,
            actor,
            "backup.create",
            backup_id,
            kind=kind.value,
            target=target,
            size=w.size,
            sha256=w.sha256,
            audit_head_seq=w.facts.audit_head_seq,
            tables=len(w.facts.row_counts),
        )
        uow.commit()
    log.info("backup %s (%s) written: %d bytes", backup_id, kind.value, w.size)
    return b


def _failed(kit: BackupKit, actor: Actor, base: Backup, e: Exception) -> None:
    error = type(e).__name__
    if isinstance(e, DomainError | BackupUnreadable):
        error = f"{error}: {e}"  # our own messages: names and counts, never values
    failed = Backup(
        base.id,
        base.kind,
        BackupStatus.FAILED,
        base.created_at,
        base.by,
        base.target,
        base.location,
        base.dialect,
        error=error[:500],
    )
    with kit.units() as uow:
        uow.backups.add(failed)
        audited(uow, actor, "backup.fail", base.id, kind=base.kind.value, error=type(e).__name__)
        uow.commit()
