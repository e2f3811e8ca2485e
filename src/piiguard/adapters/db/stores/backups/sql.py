"""The backup register's SQL (domain/backups/ports.py BackupStore)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from piiguard.adapters.db.tables.backups import backup_claims, backups, restore_tests
from piiguard.domain.backups.model import (
    Backup,
    BackupKind,
    BackupStatus,
    Check,
    Facts,
    RestoreTest,
)

_B = backups.c
_T = restore_tests.c


def _row(b: Backup) -> dict[str, Any]:
    f = b.facts
    return {
        "id": b.id,
        "kind": b.kind.value,
        "status": b.status.value,
        "created_at": b.created_at,
        "by": b.by,
        "target": b.target,
        "location": b.location,
        "dialect": b.dialect,
        "size": b.size,
        "sha256": b.sha256,
        "kek_version": b.kek_version,
        "schema_revision": f.schema_revision if f else "",
        "audit_head_seq": f.audit_head_seq if f else 0,
        "audit_head_hash": f.audit_head_hash if f else "",
        "checkpoint_seq": f.checkpoint_seq if f else 0,
        "row_counts": json.dumps(dict(f.row_counts) if f else {}, sort_keys=True),
        "expires_at": b.expires_at,
        "error": b.error,
        "pruned_at": b.pruned_at,
    }


def _backup(r: Any) -> Backup:
    facts = None
    if r.status != BackupStatus.FAILED.value:
        facts = Facts(
            r.schema_revision,
            int(r.audit_head_seq),
            r.audit_head_hash,
            int(r.checkpoint_seq),
            {str(k): int(v) for k, v in json.loads(r.row_counts).items()},
        )
    return Backup(
        r.id,
        BackupKind(r.kind),
        BackupStatus(r.status),
        r.created_at,
        r.by,
        r.target,
        r.location,
        r.dialect,
        int(r.size),
        r.sha256,
        r.kek_version,
        facts,
        r.expires_at,
        r.error,
        r.pruned_at,
    )


def _test(r: Any) -> RestoreTest:
    checks = tuple(
        Check(c["name"], bool(c["ok"]), c.get("detail", "")) for c in json.loads(r.checks)
    )
    return RestoreTest(
        r.id, r.backup_id, r.started_at, int(r.duration_ms), bool(r.ok), r.by, checks
    )


class SqlBackups:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add(self, b: Backup) -> None:
        self._c.execute(insert(backups).values(**_row(b)))

    def save(self, b: Backup) -> None:
        values = _row(b)
        del values["id"]
        self._c.execute(update(backups).where(_B.id == b.id).values(**values))

    def get(self, backup_id: str) -> Backup | None:
        r = self._c.execute(select(backups).where(_B.id == backup_id)).first()
        return None if r is None else _backup(r)

    def recent(self, kind: BackupKind | None = None, limit: int = 100) -> list[Backup]:
        q = select(backups).order_by(_B.created_at.desc(), _B.id).limit(limit)
        if kind is not None:
            q = q.where(_B.kind == kind.value)
        return [_backup(r) for r in self._c.execute(q)]

    def newest(self, kind: BackupKind) -> Backup | None:
        q = (
            select(backups)
            .where(_B.kind == kind.value, _B.status == BackupStatus.OK.value)
            .order_by(_B.created_at.desc())
            .limit(1)
        )
        r = self._c.execute(q).first()
        return None if r is None else _backup(r)

    def add_test(self, t: RestoreTest) -> None:
        checks = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in t.checks]
        self._c.execute(
            insert(restore_tests).values(
                id=t.id,
                backup_id=t.backup_id,
                started_at=t.started_at,
                duration_ms=t.duration_ms,
                ok=t.ok,
                by=t.by,
                checks=json.dumps(checks, ensure_ascii=False),
            )
        )

    def tests(self, backup_id: str | None = None, limit: int = 100) -> list[RestoreTest]:
        q = select(restore_tests).order_by(_T.started_at.desc(), _T.id).limit(limit)
        if backup_id is not None:
            q = q.where(_T.backup_id == backup_id)
        return [_test(r) for r in self._c.execute(q)]

    def test(self, test_id: str) -> RestoreTest | None:
        r = self._c.execute(select(restore_tests).where(_T.id == test_id)).first()
        return None if r is None else _test(r)

    def _ensure(self, name: str) -> None:
        found = self._c.execute(
            select(backup_claims.c.name).where(backup_claims.c.name == name)
        ).first()
        if found is None:
            self._c.execute(insert(backup_claims).values(name=name, claimed_until=None, note=""))

    def claim(self, name: str, now: datetime, until: datetime) -> bool:
        self._ensure(name)
        q = (
            update(backup_claims)
            .where(
                backup_claims.c.name == name,
                or_(backup_claims.c.claimed_until.is_(None), backup_claims.c.claimed_until <= now),
            )
            .values(claimed_until=until)
        )
        return bool(self._c.execute(q).rowcount)

    def release(self, name: str) -> None:
        self._c.execute(
            update(backup_claims).where(backup_claims.c.name == name).values(claimed_until=None)
        )

    def note(self, name: str) -> str:
        r = self._c.execute(
            select(backup_claims.c.note).where(backup_claims.c.name == name)
        ).scalar()
        return str(r or "")

    def set_note(self, name: str, note: str) -> None:
        self._ensure(name)
        self._c.execute(update(backup_claims).where(backup_claims.c.name == name).values(note=note))
