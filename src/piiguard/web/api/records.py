"""The record of processing activities (R10.1; docs/accountability.md): generated from the
registers on every read and kept as numbered versions with their SHA-256. Officers and
auditors read it — now, as it stood at a given time, or any version — as JSON or CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.records.build import to_csv
from piiguard.domain.records.ports import RecordVersion
from piiguard.services.records import generate as gen
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["records"])


class VersionOut(BaseModel):
    version: int
    sha256: str
    generated_at: datetime
    generated_by: str


class RecordOut(VersionOut):
    record: dict[str, Any]

    @classmethod
    def of(cls, v: RecordVersion) -> RecordOut:
        return cls(
            version=v.version,
            sha256=v.sha256,
            generated_at=v.generated_at,
            generated_by=v.generated_by,
            record=gen.body_of(v),
        )


def current(c: Container, actor: Actor) -> RecordVersion:
    """The record as the registers say now (a new version kept if they changed)."""
    v, _ = gen.generate_record(c.uow(), c.clock, actor, c.state.taxonomy, c.settings.home_region)
    return v


def chosen(
    c: Container, actor: Actor, version: int | None, as_of: datetime | None
) -> RecordVersion:
    if version is not None:
        return gen.record_version(c.uow(readonly=True), version)
    if as_of is not None:
        at = as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
        if at < c.clock.now():
            return gen.record_as_of(c.uow(readonly=True), at)
    return current(c, actor)


def as_csv(v: RecordVersion) -> Response:
    name = f"records-of-processing-v{v.version}.csv"
    return Response(
        to_csv(gen.body_of(v)),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Record-Version": str(v.version),
            "X-Record-SHA256": v.sha256,
        },
    )


Version = Annotated[int | None, Query(ge=1, le=2_147_483_647, description="a version kept earlier")]
AsOf = Annotated[
    datetime | None, Query(description="what the record said at this time (ISO 8601, UTC)")
]


@router.get("/records", response_model=RecordOut)
def record(
    c: ContainerDep, actor: Authorized, version: Version = None, as_of: AsOf = None
) -> RecordOut:
    """The record of processing: one activity per purpose with its legal basis, categories
    (and tier), systems and where they are, recipients and transfers abroad with their
    agreements, exports, retention and security measures. Regenerated from the registers
    first; `version` or `as_of` show a version kept earlier."""
    return RecordOut.of(chosen(c, actor, version, as_of))


@router.get("/records/csv")
def record_csv(
    c: ContainerDep, actor: Authorized, version: Version = None, as_of: AsOf = None
) -> Response:
    """The same record as CSV (UTF-8 with BOM), one row per activity."""
    return as_csv(chosen(c, actor, version, as_of))


@router.get("/records/versions", response_model=list[VersionOut])
def versions(c: ContainerDep, actor: Authorized) -> list[VersionOut]:
    """The versions kept, newest first (number, hash, when, by whom)."""
    current(c, actor)
    return [
        VersionOut(
            version=v.version,
            sha256=v.sha256,
            generated_at=v.generated_at,
            generated_by=v.generated_by,
        )
        for v in gen.record_versions(c.uow(readonly=True), 500)
    ]


@router.get("/records/versions/{version}", response_model=RecordOut)
def version_of(
    version: Annotated[int, Path(ge=1)], c: ContainerDep, actor: Authorized
) -> RecordOut:
    """One version as it was kept."""
    del actor
    return RecordOut.of(gen.record_version(c.uow(readonly=True), version))
