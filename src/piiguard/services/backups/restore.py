"""A real recovery (R5.7): a backup from its folder (the manifest beside the file is all
it needs — the database it came from may be gone) put back over the live database; refused
over a database in use unless forced. docs/operations.md "Restoring" is the runbook."""

from __future__ import annotations

from piiguard.domain.backups.model import Backup, BackupKind, from_manifest
from piiguard.domain.backups.ports import BackupEngine
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, NotFound
from piiguard.services.backups._common import BackupKit, audited


def find_backup(engine: BackupEngine, folder: str, backup_id: str) -> Backup:
    found = engine.read_manifest(folder, backup_id)
    if found is None:
        raise NotFound(
            f"no backup {backup_id} in {folder} (its .manifest.json is not there): "
            "`piiguard backup list` shows the backups and their folders",
            field="id",
        )
    location, doc = found
    return from_manifest(doc, location)


def restore_backup(engine: BackupEngine, folder: str, backup_id: str, *, force: bool) -> Backup:
    """Check the file against its manifest, refuse a database in use without `force`,
    decrypt and restore. Raises BackupUnreadable when the file does not open."""
    b = find_backup(engine, folder, backup_id)
    size, sha = engine.digest(b.location)
    if (size, sha) != (b.size, b.sha256):
        raise Conflict(
            f"backup {backup_id}'s file does not match its manifest ({size} bytes, SHA-256 "
            f"{sha[:16]}…; the manifest says {b.size} bytes, {b.sha256[:16]}…): altered or "
            "damaged — restore another backup",
            field="id",
        )
    if not engine.is_empty(b.kind) and not force:
        what = "data database" if b.kind is BackupKind.DATA else "key store"
        raise Conflict(
            f"the {what} is in use (it holds people, staff, requests or keys): restoring "
            "would replace all of it. Stop the servers and the worker, then run again with "
            "--force (docs/operations.md, Restoring)",
            field="force",
        )
    with engine.decrypt(b.location, b.id) as plain:
        engine.restore(b.kind, plain)
    return b


def note_restore(kit: BackupKit, actor: Actor, b: Backup, *, forced: bool, witness: str) -> None:
    """On the restored trail: which backup was put back, over what, by whom."""
    with kit.units() as uow:
        audited(
            uow,
            actor,
            "backup.restore",
            b.id,
            kind=b.kind.value,
            forced=forced,
            audit_head_seq=b.facts.audit_head_seq if b.facts else 0,
            witness_aside=bool(witness),
        )
        uow.commit()
