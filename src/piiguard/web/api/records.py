"""The record of processing activities (R10.1; docs/accountability.md): generated from the
registers on every read and kept as numbered versions with their SHA-256. Officers and
auditors read it — now, as it stood at a given time, or any version — as JSON, CSV (the
whole record, or the GDPR Art. 30 or PIPL layout) or XLSX (both layouts, a sheet each)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel

from piiguard.bootstrap import Container
from piiguard.bootstrap.evidence import records_xlsx
from piiguard.domain.decisions import Actor
from piiguard.domain.records.build import to_csv
from piiguard.domain.records.layouts import Layout, sheet, sheet_csv, sheets
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


def _file(v: RecordVersion, content: str | bytes, media: str, suffix: str) -> Response:
    name = f"records-of-processing-v{v.version}{suffix}"
    return Response(
        content,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Record-Version": str(v.version),
            "X-Record-SHA256": v.sha256,
        },
    )


def as_csv(c: Container, v: RecordVersion, layout: Layout | None = None) -> Response:
    """The whole record as CSV, or one layout of it (GDPR Art. 30, PIPL)."""
    body = gen.body_of(v)
    if layout is None:
        return _file(v, to_csv(body), "text/csv; charset=utf-8", ".csv")
    s = sheet(body, layout, c.settings.company_name, c.settings.privacy_officer_email)
    return _file(v, sheet_csv(s), "text/csv; charset=utf-8", f"-{layout.value}.csv")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def as_xlsx(c: Container, v: RecordVersion) -> Response:
    """Both layouts in one workbook, a sheet each."""
    found = sheets(gen.body_of(v), c.settings.company_name, c.settings.privacy_officer_email)
    return _file(v, records_xlsx(found), XLSX, ".xlsx")


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


LayoutParam = Annotated[
    Layout | None,
    Query(description="gdpr (GDPR Art. 30(1)) or pipl (PIPL, in Chinese); none: every field"),
]


@router.get("/records/csv")
def record_csv(
    c: ContainerDep,
    actor: Authorized,
    version: Version = None,
    as_of: AsOf = None,
    layout: LayoutParam = None,
) -> Response:
    """The same record as CSV (UTF-8 with BOM), one row per activity: every field, or the
    columns of one layout."""
    return as_csv(c, chosen(c, actor, version, as_of), layout)


@router.get(
    "/records/xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}, "description": "the workbook"}},
)
def record_xlsx(
    c: ContainerDep, actor: Authorized, version: Version = None, as_of: AsOf = None
) -> Response:
    """The record as an XLSX workbook: a GDPR Art. 30 sheet and a PIPL sheet."""
    return as_xlsx(c, chosen(c, actor, version, as_of))


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
