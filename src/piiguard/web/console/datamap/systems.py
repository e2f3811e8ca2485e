"""The data map's systems (R2.7, R5.6): the list with its filters (status, kind, region,
whether data may flow to it), the form that registers one, and one system's page — its
description and the form that changes it (the rule of PUT /api/v1/systems/{key}: admins and
privacy officers), its approval (the rule of POST /api/v1/systems/{key}/approval: privacy
officers approve, with its cloud provider, put it back to pending, or retire it), and the
exports registered from it and where it receives correction and deletion notices (its
webhook's URL, never the secret). A new or described system keeps its approval as it is: only the
approval form changes it (services/policy/datamap.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from piiguard.domain.policy.datamap import Approval, System, check_region
from piiguard.services.policy import datamap
from piiguard.services.rights.jobs import webhook_urls
from piiguard.web.authz import Authorized
from piiguard.web.console.datamap.common import (
    CLOUD_MAX,
    NAME_MAX,
    OWNER_MAX,
    Long,
    Many,
    Param,
    Text,
    keys,
    limited,
    lines,
    options,
    page,
    slug,
)
from piiguard.web.console.datamap.texts import words
from piiguard.web.console.kit import done, error_status, form_errors
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)

FIELDS = (
    "key",
    "name",
    "owner",
    "kind",
    "region",
    "cloud_provider",
    "categories",
    "purposes",
    "locations",
)
FILTERS = ("status", "kind", "region", "usable")
KINDS = ("erp", "crm", "after_sales", "email", "file_share", "cloud", "hr", "database", "other")


def system_row(s: System) -> dict[str, Any]:
    return {
        "key": s.key,
        "name": s.name,
        "owner": s.owner,
        "kind": s.kind,
        "region": s.region,
        "status": s.status.value,
        "cloud_provider": s.cloud_provider,
        "cloud_approved": s.cloud_approved,
        "usable": s.usable,
        "categories": sorted(s.categories),
        "purposes": sorted(s.purposes),
        "locations": sorted(s.locations),
    }


def _filtered(
    systems: list[System], status: str, kind: str, region: str, usable: str
) -> list[System]:
    if status and status not in {a.value for a in Approval}:
        raise InvalidInput(f"unknown status {status!r}", field="status")
    if usable not in ("", "yes", "no"):
        raise InvalidInput("usable: yes or no", field="usable")
    return [
        s
        for s in systems
        if (not status or s.status.value == status)
        and (not kind or s.kind == kind)
        and (not region or s.region == region.strip().upper())
        and (not usable or s.usable == (usable == "yes"))
    ]


@router.get("/systems", response_class=HTMLResponse)
def systems(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    status: Param = "",
    kind: Param = "",
    region: Param = "",
    usable: Param = "",
) -> HTMLResponse:
    """The data map's systems, filtered by GET form."""
    t = words(language(request))
    every = datamap.list_systems(c.uow(readonly=True), c.snapshots)
    shown = {"status": status, "kind": kind, "region": region, "usable": usable}
    errors = []
    try:
        found = _filtered(every, status, kind, region, usable)
    except DomainError as exc:
        found, errors = [], form_errors(exc, request, fields=FILTERS)
    return page(
        request,
        c,
        actor,
        "systems.html",
        {
            "rows": [system_row(s) for s in found],
            "total": len(every),
            "f": shown,
            "statuses": [(a.value, t[f"status_{a.value}"]) for a in Approval],
            "kinds": [(k, t.get(f"kind_{k}", k)) for k in sorted({s.kind for s in every})],
            "regions": [(r, r) for r in sorted({s.region for s in every})],
        },
        errors=errors,
        values=shown,
        status=422 if errors else 200,
    )


def _system_from_form(
    key: str,
    name: str,
    owner: str,
    kind: str,
    region: str,
    cloud_provider: str,
    categories: list[str] | None,
    purposes: list[str] | None,
    locations: str,
) -> System:
    """What the form describes, checked as the API's SystemIO checks its JSON."""
    cloud = limited(cloud_provider, "cloud_provider", CLOUD_MAX, required=False)
    return System(
        slug(key, "key"),
        limited(name, "name", NAME_MAX),
        limited(owner, "owner", OWNER_MAX),
        slug(kind, "kind"),
        check_region(limited(region, "region", 2)),
        Approval.PENDING,
        cloud or None,
        False,
        keys(categories, "categories"),
        keys(purposes, "purposes"),
        lines(locations, "locations"),
    )


def _form_values(**typed: Any) -> dict[str, Any]:
    typed["categories"] = list(typed.get("categories") or [])
    typed["purposes"] = list(typed.get("purposes") or [])
    return typed


def _new_page(request: Request, c: Container, actor: Actor, **kw: Any) -> HTMLResponse:
    return page(
        request,
        c,
        actor,
        "system_new.html",
        {**options(c, language(request)), "known_kinds": KINDS},
        **kw,
    )


@router.get("/systems/new", response_class=HTMLResponse)
def new_system(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """The form that registers a system (it starts pending)."""
    return _new_page(request, c, actor, values={"region": c.snapshots.read(c.uow()).home_region})


@router.post("/systems/new", response_model=None)
def register_system(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Text = "",
    name: Text = "",
    owner: Text = "",
    kind: Text = "",
    region: Text = "",
    cloud_provider: Text = "",
    categories: Many = None,
    purposes: Many = None,
    locations: Long = "",
) -> Response:
    typed = _form_values(
        key=key,
        name=name,
        owner=owner,
        kind=kind,
        region=region,
        cloud_provider=cloud_provider,
        categories=categories,
        purposes=purposes,
        locations=locations,
    )
    try:
        system = _system_from_form(**typed)
        if system.key in c.snapshots.read(c.uow()).systems:
            raise Conflict(
                f"a system {system.key!r} is registered already: open it to change it",
                field="key",
            )
        datamap.register_system(c.uow(), c.snapshots, c.clock, actor, system)
    except (DomainError, RequestValidationError) as exc:
        return _new_page(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=FIELDS),
            values=typed,
            status=error_status(exc),
        )
    return done(f"/console/systems/{system.key}", "registered")


def _known(c: Container, key: str) -> System:
    system = c.snapshots.read(c.uow(readonly=True)).systems.get(key)
    if system is None:
        raise NotFound(f"no system {key!r} in the data map", field="key")
    return system


def _system_page(
    request: Request, c: Container, actor: Actor, system: System, **kw: Any
) -> HTMLResponse:
    row = system_row(system)
    values = kw.pop("values", None) or {**row, "locations": "\n".join(row["locations"])}
    exports = [e for e in datamap.list_exports(c.uow(readonly=True)) if e.system == system.key]
    return page(
        request,
        c,
        actor,
        "system.html",
        {
            **options(c, language(request), keep=system.purposes),
            "s": row,
            "exports": sorted(exports, key=lambda e: e.expires_at),
            "known_kinds": KINDS,
            "webhook": webhook_urls(c.uow(readonly=True)).get(system.key),
        },
        values=values,
        **kw,
    )


@router.get("/systems/{key}", response_class=HTMLResponse)
def system(request: Request, c: ContainerDep, actor: Authorized, key: str) -> HTMLResponse:
    """One system: its description, approval and exports; the forms the reader may use."""
    return _system_page(request, c, actor, _known(c, key))


@router.post("/systems/{key}", response_model=None)
def describe_system(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: str,
    name: Text = "",
    owner: Text = "",
    kind: Text = "",
    region: Text = "",
    cloud_provider: Text = "",
    categories: Many = None,
    purposes: Many = None,
    locations: Long = "",
) -> Response:
    """Change a system's description (PUT /api/v1/systems/{key}); its approval stays."""
    known = _known(c, key)
    typed = _form_values(
        name=name,
        owner=owner,
        kind=kind,
        region=region,
        cloud_provider=cloud_provider,
        categories=categories,
        purposes=purposes,
        locations=locations,
    )
    try:
        datamap.register_system(
            c.uow(), c.snapshots, c.clock, actor, _system_from_form(key=key, **typed)
        )
    except (DomainError, RequestValidationError) as exc:
        return _system_page(
            request,
            c,
            actor,
            known,
            errors=form_errors(exc, request, fields=FIELDS),
            values={**typed, "status": known.status.value},
            status=error_status(exc),
        )
    return done(f"/console/systems/{key}", "described")


@router.post("/systems/{key}/approval", response_model=None)
def approve_system(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: str,
    status: Text = "",
    cloud_approved: Text = "",
) -> Response:
    """Approve (and its cloud provider when ticked), back to pending, or retire
    (POST /api/v1/systems/{key}/approval)."""
    known = _known(c, key)
    try:
        try:
            to = Approval(status)
        except ValueError:
            raise InvalidInput(f"unknown status {status!r}", field="status") from None
        cloud = None
        if to is Approval.APPROVED and known.cloud_provider:
            cloud = cloud_approved == "yes"
        datamap.set_system_status(
            c.uow(), c.snapshots, c.clock, actor, key, to, cloud_approved=cloud
        )
    except DomainError as exc:
        return _system_page(
            request,
            c,
            actor,
            known,
            errors=form_errors(exc, request, fields=("cloud_approved",)),
            status=error_status(exc),
        )
    return done(
        f"/console/systems/{key}",
        {"approved": "approved", "pending": "held"}.get(to.value, "retired"),
    )
