"""The purpose-limitation registers (R2.3, R2.7): purposes (versioned), company categories,
the data map (systems, exports, findings), and the policy epoch — moved by every change to
these, to the legal exceptions (stores/legal_exceptions.py) and to the published policy
versions (stores/policy_versions.py), so processes rebuild their policy snapshot."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.policy.datamap import Approval, Export, Finding, FindingStatus, System
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.subjects import LegalBasis
from piiguard.domain.taxonomy import Category, Lookup, Tier


def purpose_json(rule: PurposeRule) -> str:
    return json.dumps(
        {
            "key": rule.key,
            "en": rule.en,
            "zh": rule.zh,
            "legal_basis": rule.legal_basis.value,
            "categories": sorted(rule.categories),
            "retention_days": rule.retention_days,
            "needs_consent": rule.needs_consent,
            "roles": sorted(rule.roles),
            "active": rule.active,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


class SqlRegisters:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- epoch ----------------------------------------------------------------------------
    def epoch(self, *, lock: bool = False) -> tuple[int, int]:
        q = select(t.policy_epoch.c.epoch, t.policy_epoch.c.register_version).where(
            t.policy_epoch.c.id == 1
        )
        row = self._c.execute(q.with_for_update() if lock else q).one()
        return int(row[0]), int(row[1])

    def bump(self, register_version: int | None = None) -> int:
        """Move the epoch (and the register version) under a row lock; returns the epoch."""
        epoch = self._c.execute(
            select(t.policy_epoch.c.epoch).where(t.policy_epoch.c.id == 1).with_for_update()
        ).scalar_one()
        values: dict[str, Any] = {"epoch": int(epoch) + 1}
        if register_version is not None:
            values["register_version"] = register_version
        self._c.execute(update(t.policy_epoch).where(t.policy_epoch.c.id == 1).values(**values))
        return int(epoch) + 1

    # -- purposes -------------------------------------------------------------------------
    def purposes(self) -> list[PurposeRule]:
        return [
            PurposeRule(
                r.key,
                r.en,
                r.zh,
                LegalBasis(r.legal_basis),
                as_set(r.categories),
                r.retention_days,
                r.needs_consent,
                as_set(r.roles),
                r.active,
            )
            for r in self._c.execute(select(t.purposes).order_by(t.purposes.c.key))
        ]

    def save_purpose(self, rule: PurposeRule, register_version: int, at: datetime, by: str) -> None:
        row = {
            "en": rule.en,
            "zh": rule.zh,
            "legal_basis": rule.legal_basis.value,
            "categories": as_json(rule.categories),
            "retention_days": rule.retention_days,
            "needs_consent": rule.needs_consent,
            "roles": as_json(rule.roles),
            "active": rule.active,
        }
        done = self._c.execute(
            update(t.purposes).where(t.purposes.c.key == rule.key).values(**row)
        ).rowcount
        if not done:
            self._c.execute(t.purposes.insert().values(key=rule.key, **row))
        self._c.execute(
            t.purpose_versions.insert().values(
                register_version=register_version,
                purpose_key=rule.key,
                definition=purpose_json(rule),
                changed_at=at,
                changed_by=by,
            )
        )

    def purpose_history(self, key: str | None = None) -> list[tuple[int, str, datetime, str]]:
        q = select(t.purpose_versions).order_by(t.purpose_versions.c.register_version)
        if key:
            q = q.where(t.purpose_versions.c.purpose_key == key)
        return [
            (r.register_version, r.definition, r.changed_at, r.changed_by)
            for r in self._c.execute(q)
        ]

    # -- company categories ---------------------------------------------------------------
    def categories(self) -> list[tuple[Category, datetime | None]]:
        q = select(t.company_categories).order_by(t.company_categories.c.key)
        return [
            (
                Category(
                    r.key,
                    r.name,
                    r.name_zh,
                    Tier(r.tier),
                    r.description,
                    Lookup(r.lookup),
                    origin="company",
                ),
                r.deprecated_at,
            )
            for r in self._c.execute(q)
        ]

    def add_category(self, cat: Category, at: datetime) -> None:
        self._c.execute(
            t.company_categories.insert().values(
                key=cat.key,
                name=cat.name,
                name_zh=cat.name_zh,
                tier=cat.tier.value,
                lookup=cat.lookup.value,
                description=cat.description,
                created_at=at,
            )
        )

    def deprecate_category(self, key: str, at: datetime) -> bool:
        return (
            self._c.execute(
                update(t.company_categories)
                .where(t.company_categories.c.key == key)
                .values(deprecated_at=at)
            ).rowcount
            == 1
        )

    def delete_category(self, key: str) -> bool:
        return (
            self._c.execute(
                delete(t.company_categories).where(t.company_categories.c.key == key)
            ).rowcount
            == 1
        )

    def category_in_use(self, key: str) -> bool:
        q = (
            select(t.items.c.id)
            .where((t.items.c.category == key) | t.items.c.category.like(key + ".%"))
            .limit(1)
        )
        return self._c.execute(q).first() is not None

    # -- systems --------------------------------------------------------------------------
    def systems(self) -> list[System]:
        return [
            System(
                r.key,
                r.name,
                r.owner,
                r.kind,
                r.region,
                Approval(r.status),
                r.cloud_provider,
                r.cloud_approved,
                as_set(r.categories),
                as_set(r.purposes),
                as_set(r.locations),
            )
            for r in self._c.execute(select(t.systems).order_by(t.systems.c.key))
        ]

    def save_system(self, s: System, at: datetime) -> None:
        row = {
            "name": s.name,
            "owner": s.owner,
            "kind": s.kind,
            "region": s.region,
            "status": s.status.value,
            "cloud_provider": s.cloud_provider,
            "cloud_approved": s.cloud_approved,
            "categories": as_json(s.categories),
            "purposes": as_json(s.purposes),
            "locations": as_json(s.locations),
            "updated_at": at,
        }
        if not self._c.execute(
            update(t.systems).where(t.systems.c.key == s.key).values(**row)
        ).rowcount:
            self._c.execute(t.systems.insert().values(key=s.key, **row))

    # -- exports --------------------------------------------------------------------------
    def exports(self) -> list[Export]:
        return [
            Export(
                r.id,
                r.system,
                r.recipient,
                r.requested_by,
                as_set(r.categories),
                r.purpose,
                r.created_at,
                r.expires_at,
            )
            for r in self._c.execute(select(t.exports).order_by(t.exports.c.created_at))
        ]

    def add_export(self, e: Export) -> None:
        self._c.execute(
            t.exports.insert().values(
                id=e.id,
                system=e.system,
                recipient=e.recipient,
                requested_by=e.requested_by,
                categories=as_json(e.categories),
                purpose=e.purpose,
                created_at=e.created_at,
                expires_at=e.expires_at,
            )
        )

    # -- findings -------------------------------------------------------------------------
    @staticmethod
    def _finding(r: Any) -> Finding:
        return Finding(
            r.id,
            r.fingerprint,
            r.kind,
            r.source,
            r.category,
            r.detail,
            FindingStatus(r.status),
            r.created_at,
            r.assignee,
            r.reason,
        )

    def findings(self, status: FindingStatus | None = None) -> list[Finding]:
        q = select(t.findings).order_by(t.findings.c.created_at)
        if status is not None:
            q = q.where(t.findings.c.status == status.value)
        return [self._finding(r) for r in self._c.execute(q)]

    def finding(self, finding_id: str) -> Finding | None:
        r = self._c.execute(select(t.findings).where(t.findings.c.id == finding_id)).first()
        return None if r is None else self._finding(r)

    def finding_by_fingerprint(self, fingerprint: str) -> Finding | None:
        r = self._c.execute(
            select(t.findings).where(t.findings.c.fingerprint == fingerprint)
        ).first()
        return None if r is None else self._finding(r)

    def save_finding(self, f: Finding, at: datetime) -> None:
        row = {
            "status": f.status.value,
            "assignee": f.assignee,
            "reason": f.reason,
            "detail": f.detail,
            "updated_at": at,
        }
        if not self._c.execute(
            update(t.findings).where(t.findings.c.id == f.id).values(**row)
        ).rowcount:
            self._c.execute(
                t.findings.insert().values(
                    id=f.id,
                    fingerprint=f.fingerprint,
                    kind=f.kind,
                    source=f.source,
                    category=f.category,
                    created_at=f.created_at,
                    **row,
                )
            )
