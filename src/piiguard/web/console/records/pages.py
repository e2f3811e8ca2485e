"""/console/records: the record of processing activities (R10.1) — regenerated from the
registers on every look, one version of it chosen by number or by date, shown whole or in
the GDPR Art. 30 or PIPL layout; its CSV (whole or per layout) and XLSX (both layouts, a
sheet each); the versions kept with their hashes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.records.layouts import Layout, sheet
from piiguard.domain.records.ports import RecordVersion
from piiguard.services.records import generate as gen
from piiguard.web.api.records import as_csv, as_xlsx, chosen
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, error_status, form_errors
from piiguard.web.console.records.texts import measures, words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)
Param = Annotated[str, Query(max_length=40)]


def _layout(request: Request, layout: str, errors: list[FieldError]) -> Layout | None:
    if not layout.strip():
        return None
    if layout.strip() in set(Layout):
        return Layout(layout.strip())
    errors.append(FieldError("layout", words(language(request))["bad_layout"]))
    return None


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
    picked: dict[str, str],
    errors: list[FieldError],
    status: int = 200,
) -> HTMLResponse:
    layout = _layout(request, picked["layout"], [])
    body = gen.body_of(v) if v else None
    shown = (
        sheet(body, layout, c.settings.company_name, c.settings.privacy_officer_email)
        if body is not None and layout is not None
        else None
    )
    return console_page(
        request,
        c,
        actor,
        "console/records/record.html",
        {
            "v": v,
            "record": body,
            "measures": measures(body.get("security_measures", []), language(request))
            if body
            else [],
            "sheet": shown,
            "versions": gen.record_versions(c.uow(readonly=True), 200),
            **picked,
        },
        words=words,
        errors=errors,
        status=status,
    )


def _answer(
    request: Request,
    c: Container,
    actor: Actor,
    picked: dict[str, str],
    done: Callable[[RecordVersion, Layout | None], Response],
) -> Response:
    """The chosen version handed to `done`, or the page with the field at fault."""
    n, at, errors = _pick(request, picked["version"], picked["as_of"])
    layout = _layout(request, picked["layout"], errors)
    if errors:
        return _page(request, c, actor, None, picked, errors, 422)
    try:
        v = chosen(c, actor, n, at)
    except DomainError as exc:
        found = form_errors(exc, request, fields=("version", "as_of"))
        return _page(request, c, actor, None, picked, found, error_status(exc))
    return done(v, layout)


@router.get("/console/records", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    version: Param = "",
    as_of: Param = "",
    layout: Param = "",
) -> Response:
    picked = {"version": version, "as_of": as_of, "layout": layout}
    return _answer(request, c, actor, picked, lambda v, _: _page(request, c, actor, v, picked, []))


@router.get("/console/records/csv")
def record_csv(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    version: Param = "",
    as_of: Param = "",
    layout: Param = "",
) -> Response:
    picked = {"version": version, "as_of": as_of, "layout": layout}
    return _answer(request, c, actor, picked, lambda v, lay: as_csv(c, v, lay))


@router.get("/console/records/xlsx")
def record_xlsx(
    request: Request, c: ContainerDep, actor: Authorized, version: Param = "", as_of: Param = ""
) -> Response:
    picked = {"version": version, "as_of": as_of, "layout": ""}
    return _answer(request, c, actor, picked, lambda v, _: as_xlsx(c, v))
