"""Wiring of the backups (R5.7): the engine that copies this installation's two databases
(adapters/db/backup/), the scratch databases a restore test opens, the kit the use cases
take (services/backups/_common.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from piiguard.adapters.db.backup import DatabaseBackups
from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.db.uow import SqlUnitOfWork
from piiguard.adapters.vault.envelope import DecisionSeal
from piiguard.adapters.vault.keyfile import LocalKeyProvider
from piiguard.config import Settings
from piiguard.domain.backups.model import BackupKind, BackupTerms
from piiguard.domain.backups.ports import BackupUnitOfWork
from piiguard.domain.ports import CheckpointSigner, Clock, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.domain.subjects import DEFAULT_SUBJECT_KINDS
from piiguard.domain.taxonomy import Taxonomy
from piiguard.services.backups._common import BackupKit, ScratchDb
from piiguard.services.policy.snapshot import PolicySnapshots


def backup_engine(s: Settings) -> DatabaseBackups:
    """The engine alone, without opening either database (a recovery starts here)."""
    return DatabaseBackups(
        {BackupKind.DATA: s.data_url, BackupKind.KEYSTORE: s.keys_url},
        LocalKeyProvider(s.key_file),
        s.witness_file,
    )


def backup_terms(s: Settings) -> BackupTerms:
    return BackupTerms(
        every_hours=s.backup_every_hours,
        keep_days=s.backup_keep_days,
        keystore_every_hours=s.backup_keystore_every_hours,
        keystore_keep_days=s.backup_keystore_keep_days,
        restore_test_days=s.backup_restore_test_days,
        sample=s.backup_sample,
    )


def backup_kit(
    s: Settings,
    clock: Clock,
    seal: DecisionSeal,
    taxonomy: Taxonomy,
    signer: CheckpointSigner,
    vault: Vault,
    mailer: Mailer,
    units: Callable[[], BackupUnitOfWork],
) -> BackupKit:
    @contextmanager
    def scratch(url: str) -> Iterator[ScratchDb]:
        engine = make_engine(url, pool_size=2)

        def scratch_units() -> UnitOfWork:
            return SqlUnitOfWork(engine, seal, clock.now)

        policy = PolicySnapshots(
            taxonomy,
            DEFAULT_SUBJECT_KINDS,
            home_region=s.home_region,
            child_age=s.child_age,
            child_data_hours=s.child_data_hours,
        )
        try:
            yield ScratchDb(scratch_units, policy)
        finally:
            engine.dispose()

    return BackupKit(
        clock,
        backup_engine(s),
        units,
        signer,
        vault,
        scratch,
        mailer,
        s.privacy_officer_email,
        s.public_url,
        backup_terms(s),
        str(s.backup_folder),
        s.backup_target,
    )
