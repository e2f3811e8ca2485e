"""The record of processing activities (R10.1): read from the registers in one
transaction, built (domain/records/build.py), and kept as a new numbered version whenever
it differs from the last one kept — so what the record said on a given date can be shown
again. Reading the record regenerates it first: it is never older than the registers, and
a change is kept the first time anyone (the job, the API, the console, the CLI) looks.

The policy epoch row is locked while a version is added: two generators never race for
the same number."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.records.build import Registers, build_record, canonical, digest
from piiguard.domain.records.ports import RecordVersion
from piiguard.domain.taxonomy import Taxonomy


def read_registers(uow: UnitOfWork, taxonomy: Taxonomy, home_region: str) -> Registers:
    """The registers the record is built from, as they stand in `uow`'s transaction."""
    return Registers(
        purposes=uow.registers.purposes(),
        taxonomy=taxonomy,
        systems=uow.registers.systems(),
        rules=uow.retention.rules(),
        recipients=uow.sharing.recipients(),
        agreements=uow.sharing.agreements(),
        profiles=uow.sharing.profiles(),
        exports=uow.registers.exports(),
        home_region=home_region,
        provenance=uow.records.provenance(),
    )


def body_of(v: RecordVersion) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(v.body)
    return found


def generate_record(
    uow: UnitOfWork, clock: Clock, actor: Actor, taxonomy: Taxonomy, home_region: str
) -> tuple[RecordVersion, bool]:
    """The record as the registers say now: the last version kept if nothing changed, else
    a new version (audited: its number and hash). Returns (version, whether it is new)."""
    now = clock.now()
    with uow:
        uow.registers.epoch(lock=True)  # one generator at a time
        body = build_record(read_registers(uow, taxonomy, home_region), now)
        sha = digest(body)
        last = uow.records.latest()
        if last is not None and last.sha256 == sha:
            uow.rollback()
            return last, False
        v = RecordVersion(
            1 if last is None else last.version + 1,
            sha,
            canonical(body).decode(),
            now,
            actor.ref,
        )
        uow.records.add(v)
        uow.audit(
            AuditEvent(
                "records.generate",
                actor.kind.value,
                actor.id,
                "processing_record",
                str(v.version),
                details={
                    "sha256": sha,
                    "activities": len(body["activities"]),
                    "previous": "" if last is None else last.sha256,
                },
            )
        )
        uow.commit()
        return v, True


def record_version(uow: UnitOfWork, version: int) -> RecordVersion:
    with uow:
        v = uow.records.get(version)
    if v is None:
        raise NotFound(
            f"no version {version} of the record of processing; "
            "list them with GET /api/v1/records/versions",
            field="version",
        )
    return v


def record_as_of(uow: UnitOfWork, at: datetime) -> RecordVersion:
    """What the record said at `at` (the newest version generated at or before it)."""
    with uow:
        v = uow.records.as_of(at)
    if v is None:
        raise NotFound(
            f"no record of processing was generated on or before {at.isoformat()}",
            field="as_of",
        )
    return v


def record_versions(uow: UnitOfWork, limit: int = 100) -> list[RecordVersion]:
    with uow:
        return uow.records.versions(limit)
