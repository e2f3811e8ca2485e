"""/console/records: the record of processing activities (R10.1) — regenerated from the
registers on every look, one version of it chosen by number or by date, its CSV; the
versions kept with their hashes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.records.ports import RecordVersion
from piiguard.services.records import generate as gen
from piiguard.web.api.records import as_csv, chosen
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, error_status, form_errors
from piiguard.web.console.records.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)
Param = Annotated[str, Query(max_length=40)]


def _pick(
    request: Request, version: str, as_of: str
) -> tuple[int | None, datetime | None, list[FieldError]]:
    t = words(language(request))
    errors: list[FieldError] = []
    n: int | None = None
    at: datetime | None = None
    if version.strip():
        if version.strip().isdigit() and 1 <= int(version) <= 2_147_483_647:
            n = int(version)
        else:
            errors.append(FieldError("version", t["bad_version"]))
    if as_of.strip():
        try:
            day = date.fromisoformat(as_of.strip())
            at = datetime.combine(day, time.max, tzinfo=UTC)  # as it stood at the day's end
        except ValueError:
            errors.append(FieldError("as_of", t["bad_as_of"]))
    return n, at, errors


def _page(
    request: Request,
    c: Container,
    actor: Actor,
    v: RecordVersion | None,
    version: str,
    as_of: str,
    errors: list[FieldError],
    status: int = 200,
) -> HTMLResponse:
    return console_page(
        request,
        c,
        actor,
        "console/records/record.html",
        {
            "v": v,
            "record": gen.body_of(v) if v else None,
            "versions": gen.record_versions(c.uow(readonly=True), 200),
            "version": version,
            "as_of": as_of,
        },
        words=words,
        errors=errors,
        status=status,
    )


@router.get("/console/records", response_class=HTMLResponse)
def record(
    request: Request, c: ContainerDep, actor: Authorized, version: Param = "", as_of: Param = ""
) -> HTMLResponse:
    n, at, errors = _pick(request, version, as_of)
    if errors:
        return _page(request, c, actor, None, version, as_of, errors, 422)
    try:
        v = chosen(c, actor, n, at)
    except DomainError as exc:
        found = form_errors(exc, request, fields=("version", "as_of"))
        return _page(request, c, actor, None, version, as_of, found, error_status(exc))
    return _page(request, c, actor, v, version, as_of, [])


@router.get("/console/records/csv")
def record_csv(
    request: Request, c: ContainerDep, actor: Authorized, version: Param = "", as_of: Param = ""
) -> Response:
    n, at, errors = _pick(request, version, as_of)
    if errors:
        return _page(request, c, actor, None, version, as_of, errors, 422)
    try:
        return as_csv(chosen(c, actor, n, at))
    except DomainError as exc:
        found = form_errors(exc, request, fields=("version", "as_of"))
        return _page(request, c, actor, None, version, as_of, found, error_status(exc))
