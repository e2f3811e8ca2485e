"""What the backup use cases share: their kit (handed in by bootstrap), the actor of the
scheduled pass, an audit entry, the target folder a data-map system names."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import timedelta

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.backups.model import BackupStatus, BackupTerms
from piiguard.domain.backups.ports import BackupEngine, BackupUnitOfWork
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import CheckpointSigner, Clock, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.services.policy.snapshot import PolicySnapshots

BACKUPS = Actor("backups", ActorKind.SYSTEM, frozenset({"system"}))
BACKUP_KIND = "backup"  # the data-map kind of a system that may receive backups


@dataclass(frozen=True, slots=True)
class ScratchDb:
    """A restored data database opened for the checks: units of work on it and a policy
    snapshot of its own (the live process's cache is not disturbed)."""

    units: Callable[[], UnitOfWork]
    policy: PolicySnapshots


@dataclass(frozen=True, slots=True)
class BackupKit:
    clock: Clock
    engine: BackupEngine
    units: Callable[[], BackupUnitOfWork]
    signer: CheckpointSigner
    vault: Vault
    scratch: Callable[[str], AbstractContextManager[ScratchDb]]
    mailer: Mailer
    officer_mail: str
    public_url: str
    terms: BackupTerms
    folder: str  # the default target folder
    target: str  # the default target system ("" = the folder)

    def keep(self, kind_is_keystore: bool) -> timedelta:
        t = self.terms
        return timedelta(days=t.keystore_keep_days if kind_is_keystore else t.keep_days)


def ref(actor: Actor) -> str:
    return f"{actor.kind.value}:{actor.id}"


def audited(
    uow: UnitOfWork, actor: Actor, action: str, target_id: str, **details: DetailValue
) -> None:
    uow.audit(AuditEvent(action, actor.kind.value, actor.id, "backup", target_id, details=details))


def folder_of(uow: BackupUnitOfWork, kit: BackupKit, target: str) -> str:
    """Where a backup to `target` goes: "" is the default folder; otherwise a system of
    the data map of kind `backup`, approved (and its cloud provider too), whose location
    is a folder (R5.6: data goes only to designated, approved systems)."""
    if not target:
        return kit.folder
    with uow:
        found = {s.key: s for s in uow.registers.systems()}.get(target)
    if found is None:
        raise NotFound(
            f"no system {target!r} in the data map: register it (kind backup) and have it "
            "approved first (piiguard system add / the console's data map)",
            field="target",
        )
    if found.kind != BACKUP_KIND:
        raise Forbidden(
            f"system {target!r} is of kind {found.kind!r}, not {BACKUP_KIND!r}: only a "
            "system registered to receive backups may receive them",
            field="target",
        )
    if not found.usable:
        why = (
            f"is {found.status.value}"
            if found.status.value != "approved"
            else "has a cloud provider that is not approved"
        )
        raise Forbidden(
            f"system {target!r} {why}: personal data goes only to approved systems (R5.6); "
            "approve it in the data map first",
            field="target",
        )
    for loc in sorted(found.locations):
        path = loc.removeprefix("file://")
        if path.startswith("/"):
            return path
    raise InvalidInput(
        f"system {target!r} has no folder among its locations (/path or file:///path)",
        field="target",
    )


def kept_under(kit: BackupKit, kek_version: str) -> None:
    """Refuse (Conflict on `version`) when kept backups are encrypted under this KEK
    version: retiring it would leave them unreadable. They go when pruned."""
    with kit.units() as uow:
        kept = [
            b
            for b in uow.backups.recent(limit=100_000)
            if b.status is BackupStatus.OK and b.kek_version == kek_version
        ]
    if kept:
        raise Conflict(
            f"{len(kept)} kept backup(s) are encrypted under KEK version {kek_version} (the "
            f"newest: {kept[0].id}); retiring it would leave them unreadable. Wait until "
            "they are pruned, or pass --abandon-backups",
            field="version",
        )
