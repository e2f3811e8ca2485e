"""Backups (R5.7; docs/backups.md): the register with manifests and restore-test evidence,
taking a backup, running a restore test now, the restore tests' state. Officers and admins
act; auditors read. No value in any answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from piiguard.bootstrap import Container
from piiguard.domain.backups.model import BackupKind, RestoreTest
from piiguard.domain.errors import NotFound
from piiguard.services.backups._common import BackupKit
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.job import attention
from piiguard.services.backups.verify import restore_test
from piiguard.web.api.backups.schemas import BackupIn, BackupOut, RestoreTestOut, StatusOut
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/backups", tags=["backups"])


def kit(c: Container) -> BackupKit:
    if c.backups is None:  # pragma: no cover - bootstrap always sets it
        raise NotFound("backups are not configured", field="id")
    return c.backups


@router.get("", response_model=list[BackupOut])
def list_backups(
    c: ContainerDep,
    actor: Authorized,
    kind: BackupKind | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[BackupOut]:
    """The backups, newest first, each with its manifest and its restore tests."""
    del actor
    with kit(c).units() as uow:
        found = uow.backups.recent(kind, limit)
        tests = uow.backups.tests(limit=5000)
    by: dict[str, list[RestoreTest]] = {}
    for t in tests:
        by.setdefault(t.backup_id, []).append(t)
    return [BackupOut.of(b, by.get(b.id, [])) for b in found]


@router.get("/status", response_model=StatusOut)
def status(c: ContainerDep, actor: Authorized) -> StatusOut:
    """Whether the restore tests need attention: ok, failed (the newest failed), overdue
    (none within PIIGUARD_BACKUP_RESTORE_TEST_DAYS), no_backup."""
    del actor
    return StatusOut.of(attention(kit(c)))


@router.get("/{backup_id}", response_model=BackupOut)
def get_backup(backup_id: str, c: ContainerDep, actor: Authorized) -> BackupOut:
    del actor
    with kit(c).units() as uow:
        b = uow.backups.get(backup_id)
        if b is None:
            raise NotFound(f"no backup {backup_id}", field="backup_id")
        return BackupOut.of(b, uow.backups.tests(backup_id))


@router.post("", response_model=BackupOut, status_code=201)
def take_backup(body: BackupIn, c: ContainerDep, actor: Authorized) -> BackupOut:
    """Take a backup now (the data database, or the key store apart) to the default target
    or a named data-map system of kind backup that is approved (403 `target` otherwise)."""
    b = create_backup(kit(c), actor, BackupKind(body.kind), body.target)
    return BackupOut.of(b, [])


@router.post("/{backup_id}/restore-tests", response_model=RestoreTestOut, status_code=201)
def run_restore_test(backup_id: str, c: ContainerDep, actor: Authorized) -> RestoreTestOut:
    """Restore the backup into a scratch database, check it, record the evidence (201 with
    `ok` false when a check failed: the failure is the evidence, not an error)."""
    return RestoreTestOut.of(restore_test(kit(c), actor, backup_id))
