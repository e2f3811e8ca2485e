"""The company's systems as API clients, on pages (R2.10, R5.1): every client with its key's
scope, prefix, creation, last rotation and status, filtered by GET; adding one and rotating
its key (each after a recent sign-in — key material), changing its scope, revoking it.

A key is shown once: on the page that answers the add or the rotation (never cached, like
every console page), never on any other page and never again — piiguard keeps only its
SHA-256. The same services as `piiguard client add/scope/rotate/revoke`
(services/clients/api_keys.py), with the signed-in officer as the actor on the audit trail.
A change made here forgets the server's cache of checked keys at once (a revoked key stops
working now, not after PIIGUARD_API_KEY_CACHE_SECONDS). Who may do what: web/rules/team.py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.accounts import SystemClient
from piiguard.domain.decisions import Actor, Scope
from piiguard.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from piiguard.services.clients import api_keys as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import (
    FieldError,
    Pager,
    console_page,
    done,
    error_status,
    form_errors,
    recent_auth,
)
from piiguard.web.console.team.staff import check_length
from piiguard.web.console.team.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/clients", include_in_schema=False)

Field = Annotated[str, Form(max_length=100_000)]  # lengths checked here, shown on the form
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=256)]
ClientId = Annotated[str, Path(max_length=64)]

STATUSES = ("active", "revoked")
FILTERS = ("q", "status")
SCOPE = ("purposes", "categories")
ADD = ("name", *SCOPE, "password", "code")
ROTATE = ("overlap", "password", "code")


@dataclass(frozen=True, slots=True)
class Row:
    """A client as the pages show it: never its key, only the key's public prefix."""

    id: str
    name: str
    prefix: str
    created_at: datetime
    rotated_at: datetime | None
    revoked_at: datetime | None
    previous_until: datetime | None  # the previous key still works until then
    purposes: tuple[str, ...] | None  # None: every purpose
    categories: tuple[str, ...] | None  # None: every category

    @property
    def status(self) -> str:
        return "revoked" if self.revoked_at else "active"


def _row(cl: SystemClient, rotated: dict[str, datetime], now: datetime) -> Row:
    scope = cl.scope or Scope()
    return Row(
        cl.id,
        cl.name,
        cl.key_prefix,
        cl.created_at,
        rotated.get(cl.id),
        cl.revoked_at,
        cl.previous_expires_at
        if cl.previous_expires_at and cl.previous_expires_at > now and not cl.revoked_at
        else None,
        None if scope.purposes is None else tuple(sorted(scope.purposes)),
        None if scope.categories is None else tuple(sorted(scope.categories)),
    )


def rows(c: Container) -> list[Row]:
    rotated = uc.last_rotations(c.uow(readonly=True))
    now = c.clock.now()
    return [_row(cl, rotated, now) for cl in uc.list_clients(c.uow(readonly=True))]


def _purposes(c: Container, lang: str) -> list[tuple[str, str]]:
    """The register's purposes to choose from, named in the reader's language."""
    return [
        (r.key, f"{r.zh if lang == 'zh-CN' else r.en} ({r.key})")
        for r in sorted(c.state.register.rules.values(), key=lambda r: r.key)
        if r.active
    ]


def _scope(c: Container, purposes: list[str], categories: str) -> Scope | None:
    """The form's scope, checked as the CLI checks it: none ticked, none typed — no limit."""
    check_length(categories, "categories", 4000)
    keys = frozenset(k for k in re.split(r"[\s,，]+", categories) if k)
    return uc.check_scope(c.state, frozenset(purposes) or None, keys or None)


def _context(c: Container, request: Request) -> dict[str, Any]:
    return {"purpose_options": _purposes(c, language(request))}


def _filtered(found: list[Row], f: dict[str, str]) -> list[Row]:
    if f["status"] and f["status"] not in STATUSES:
        raise InvalidInput("choose a status from the list", field="status")
    q = check_length(f["q"], "q", 128).strip().casefold()
    return [
        r for r in found if (not q or q in r.name) and (not f["status"] or r.status == f["status"])
    ]


def _list_page(
    request: Request,
    c: Container,
    actor: Actor,
    f: dict[str, str],
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    pager = Pager.of(request)
    everyone = rows(c)
    try:
        found = _filtered(everyone, f)
    except InvalidInput as exc:
        found = everyone
        errors, status = [*errors, *form_errors(exc, request, fields=FILTERS)], 422
    shown = pager.slice(found)
    return console_page(
        request,
        c,
        actor,
        "console/team/clients.html",
        {
            **_context(c, request),
            "rows": shown,
            "total": len(found),
            "pager": pager.counted(len(found), len(shown)),
            "f": f,
            "statuses": STATUSES,
        },
        words=words,
        errors=errors,
        values=values,
        status=status,
    )


@router.get("", response_class=HTMLResponse)
def clients(
    request: Request, c: ContainerDep, actor: Authorized, q: Param = "", status: Param = ""
) -> HTMLResponse:
    """Every system client (never a key), filtered by name and status."""
    return _list_page(request, c, actor, {"q": q, "status": status})


def _key_page(
    request: Request,
    c: Container,
    actor: Actor,
    client: SystemClient,
    key: str,
    previous_until: datetime | None,
    status: int,
) -> HTMLResponse:
    """The one page that shows a key: the answer to the add or the rotation."""
    return console_page(
        request,
        c,
        actor,
        "console/team/key.html",
        {"client": client, "key": key, "previous_until": previous_until},
        words=words,
        status=status,
    )


@router.post("", response_class=HTMLResponse)
def add(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    name: Field = "",
    purposes: Many = None,
    categories: Field = "",
    password: Field = "",
    code: Field = "",
) -> HTMLResponse:
    """A new client and its key, shown on this answer alone; after a recent sign-in."""
    chosen = purposes or []
    try:
        check_length(name, "name", 64)
        scope = _scope(c, chosen, categories)
        recent_auth(request, c, password, code)
        client, key = uc.add_client(c.uow(), c.clock, actor, name.strip(), scope)
    except DomainError as exc:
        return _list_page(
            request,
            c,
            actor,
            dict.fromkeys(FILTERS, ""),
            errors=form_errors(exc, request, fields=ADD),
            values={"name": name, "purposes": chosen, "categories": categories},
            status=error_status(exc),
        )
    return _key_page(request, c, actor, client, key, None, 201)


# --- one client ------------------------------------------------------------------------------


def _client(c: Container, client_id: str) -> SystemClient:
    for cl in uc.list_clients(c.uow(readonly=True)):
        if cl.id == client_id:
            return cl
    raise NotFound(f"no system client {client_id!r}", field="client")


def _client_page(
    request: Request,
    c: Container,
    actor: Actor,
    client_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    cl = _client(c, client_id)
    r = _row(cl, uc.last_rotations(c.uow(readonly=True)), c.clock.now())
    return console_page(
        request,
        c,
        actor,
        "console/team/client.html",
        {
            **_context(c, request),
            "r": r,
            "base": f"/console/clients/{r.id}",
            "base_rule": "/console/clients/{client_id}",
        },
        words=words,
        errors=errors,
        values=values
        or {
            "purposes": list(r.purposes or ()),
            "categories": " ".join(r.categories or ()),
            "overlap": "24",
        },
        status=status,
    )


@router.get("/{client_id}", response_class=HTMLResponse)
def client(request: Request, c: ContainerDep, actor: Authorized, client_id: ClientId) -> Response:
    """One client: its facts (never its key) and the forms the reader's roles may use."""
    return _client_page(request, c, actor, client_id)


def _refused(
    request: Request,
    c: Container,
    actor: Actor,
    client_id: str,
    exc: DomainError,
    fields: Sequence[str],
    values: dict[str, Any],
) -> HTMLResponse:
    return _client_page(
        request,
        c,
        actor,
        client_id,
        errors=form_errors(exc, request, fields=fields, aliases={"name": ""}),
        values=values,
        status=error_status(exc),
    )


@router.post("/{client_id}/scope", response_class=HTMLResponse)
def scope(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    client_id: ClientId,
    purposes: Many = None,
    categories: Field = "",
) -> Response:
    """What the key may be used for; the next decision holds to it."""
    chosen = purposes or []
    try:
        cl = _client(c, client_id)
        uc.scope_client(c.uow(), actor, cl.name, _scope(c, chosen, categories))
    except DomainError as exc:
        values = {"purposes": chosen, "categories": categories, "overlap": "24"}
        return _refused(request, c, actor, client_id, exc, SCOPE, values)
    c.client_keys.forget_all()
    return done(f"/console/clients/{client_id}", "scoped")


@router.post("/{client_id}/rotate", response_class=HTMLResponse)
def rotate(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    client_id: ClientId,
    overlap: Field = "24",
    password: Field = "",
    code: Field = "",
) -> Response:
    """A new key, shown on this answer alone; the current one works for `overlap` hours.
    After a recent sign-in."""
    try:
        cl = _client(c, client_id)
        hours = _hours(overlap)
        recent_auth(request, c, password, code)
        rotated, key = uc.rotate_client_key(c.uow(), c.clock, actor, cl.name, hours)
    except DomainError as exc:
        return _refused(request, c, actor, client_id, exc, ROTATE, {"overlap": overlap[:32]})
    c.client_keys.forget_all()
    return _key_page(request, c, actor, rotated, key, c.clock.now() + hours, 200)


def _hours(text: str) -> timedelta:
    try:
        hours = float(text.strip()) if len(text) <= 32 else -1.0
    except ValueError:
        hours = -1.0
    if not 0 <= hours <= 720:  # also refuses nan
        raise InvalidInput("the overlap is 0 to 720 hours (30 days)", field="overlap")
    return timedelta(hours=hours)


@router.post("/{client_id}/revoke", response_class=HTMLResponse)
def revoke(request: Request, c: ContainerDep, actor: Authorized, client_id: ClientId) -> Response:
    """The key (and a previous one in its overlap) stops working at once."""
    try:
        cl = _client(c, client_id)
        if cl.revoked_at is not None:
            raise Conflict(f"the client {cl.name!r} was revoked", field="client")
        uc.revoke_client(c.uow(), c.clock, actor, cl.name)
    except DomainError as exc:
        return _refused(request, c, actor, client_id, exc, (), {})
    c.client_keys.forget_all()
    return done(f"/console/clients/{client_id}", "revoked")
