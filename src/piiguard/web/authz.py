"""Who may call which route (R2.10, R5.1): one table, `RULES` (web/rules/: one file of rows per
part of the app, merged), from (method, path template) to a `Rule`, and one dependency,
`authorize`, that every route of the app runs (installed app-wide in app.py) and that enforces
it. A route with no rule is refused (fail closed), and tests/e2e/test_authz.py walks the app's
route table so that none ships without one.

How to read a rule (also in web/rules/__init__.py): `roles` — the roles that may call it
('system' is an API-key client; the others are staff roles); `purpose` — REQUESTED when the
route uses personal data for the purpose the request names (query or JSON field `purpose`): a
member of staff who holds the route only through the role `staff` may name only a purpose
assigned to their department (the department register); `reauth` — staff must have signed in or
re-authenticated within `reauth_minutes`; `pending_ok` / `locked_ok` — the session may still
have a step to finish (enrol TOTP, change password) / may be idle-locked (the routes that finish
the step, re-authenticate or log out); `public` — no credentials at all.

Role groups follow issue 6: admin configures but sees no personal data; the auditor reads
decisions, the audit trail and registers, never plaintext personal data; staff use the purposes
of their department; systems call with scoped API keys."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.routing import iter_route_contexts
from starlette.concurrency import run_in_threadpool

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden, NotAuthenticated, PurposeNotAssigned
from piiguard.services.audit import note_refusal
from piiguard.services.staff.accounts import list_departments
from piiguard.services.staff.login import require_recent_auth
from piiguard.web.deps import request_credential, resolve_actor
from piiguard.web.rules import (
    OFFICER,
    REQUESTED,
    RULES,
    STAFF,
    Rule,
)
from piiguard.web.session import SAFE_METHODS, staff_session

__all__ = ["OFFICER", "RULES", "STAFF", "Authorized", "Rule", "authorize", "install"]

_FAIL_CLOSED = Rule()  # a route without a rule: nobody (the route-table test catches it)


def route_table(app: FastAPI) -> list[tuple[str, str, Any]]:
    """Every (method, path template, route) the app answers; HEAD rides on GET."""
    return [
        (method, rc.path, rc.original_route)
        for rc in iter_route_contexts(app.routes)
        if rc.path is not None
        for method in sorted(rc.methods or ())
        if method != "HEAD"
    ]


SECURITY_SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "a system client's API key (`piiguard client add`) or a staff "
        "session token (POST /api/v1/staff/login)",
    },
    "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "a system client's API key, as an alternative header",
    },
}


def install(app: FastAPI, rules: dict[tuple[str, str], Rule] | None = None) -> None:
    """Index the rules by route object, so the dependency finds its rule with one lookup,
    and describe them in the OpenAPI document (who may call each operation, how to send
    the credential). Call after every router is included."""
    rules = RULES if rules is None else rules
    app.state.authz = {
        (id(route), method): rules.get((method, path), _FAIL_CLOSED)
        for method, path, route in route_table(app)
    }
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
            for path, operations in schema.get("paths", {}).items():
                for method, op in operations.items():
                    rule = rules.get((method.upper(), path), _FAIL_CLOSED)
                    op["security"] = [] if rule.public else [{"bearer": []}, {"apiKey": []}]
                    if not rule.public:
                        op["description"] = (
                            op.get("description", "") + "\n\n**Who may "
                            f"call it:** {', '.join(sorted(rule.roles))}"
                            + (" (after a recent re-authentication)" if rule.reauth else "")
                        ).strip()
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _rule(request: Request) -> Rule:
    index: dict[tuple[int, str], Rule] = request.app.state.authz
    return index.get((id(request.scope.get("route")), request.method), _FAIL_CLOSED)


async def _requested(request: Request, name: str) -> str | None:
    """A field the request names: path, query, or its JSON body."""
    found = request.path_params.get(name) or request.query_params.get(name)
    kind = request.headers.get("content-type", "")
    if found is None and kind.startswith("application/x-www-form-urlencoded"):
        field = (await request.form()).get(name)  # a console form, parsed once and cached
        found = field if isinstance(field, str) else None
    if found is None and kind.startswith("application/json"):
        try:  # FastAPI has read and cached the body already
            body = await request.json()
        except ValueError:
            return None
        if isinstance(body, dict) and isinstance(body.get(name), str):
            found = body[name]
    return None if found is None else str(found)


def _department_purposes(c: Container, department: str | None) -> frozenset[str]:
    for d in list_departments(c.uow(readonly=True)):
        if d.key == department:
            return d.purposes
    return frozenset()


async def _check_purpose(request: Request, c: Container, rule_purpose: str) -> None:
    purpose = await _requested(request, "purpose") if rule_purpose == REQUESTED else rule_purpose
    session = staff_session(request)
    if purpose is None or session is None:
        return  # no purpose named: the request's own validation refuses it
    assigned = await run_in_threadpool(_department_purposes, c, session.staff.department)
    if purpose not in assigned:
        raise PurposeNotAssigned(
            f"purpose {purpose!r} is not assigned to your department "
            f"({session.staff.department or 'none'}): it may use {sorted(assigned)}",
            field="purpose",
        )


async def authorize(request: Request) -> Actor | None:
    """The one authorization check: the route's rule, then who is asking. Cheap for API
    keys (a dict lookup and the cached key); staff sessions are read in the thread pool."""
    rule = _rule(request)
    if rule.public:
        return None
    c: Container = request.app.state.container
    if request.method not in SAFE_METHODS and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        # a console form (multipart: one with a file): its CSRF field stands for the header
        # (web/session.py)
        form = await request.form()  # parsed once; FastAPI reuses it
        presented = form.get("csrf_token")
        request.state.csrf_form = presented if isinstance(presented, str) else None
    token, by_cookie = request_credential(request)
    if not token:
        raise NotAuthenticated("send `Authorization: Bearer <API key or session token>`")
    actor = await resolve_actor(
        request, c, token, by_cookie=by_cookie, pending_ok=rule.pending_ok, locked_ok=rule.locked_ok
    )
    try:
        await _enforce(request, c, rule, actor)
    except PurposeNotAssigned as refused:
        # a refused use of personal data that never reached the decision point (which
        # records its own refusals): on the trail too, ids only. Role refusals are not
        # recorded — they touch no personal data, and a misconfigured client would flood
        # the trail with them.
        route = getattr(request.scope.get("route"), "path", request.url.path)
        await run_in_threadpool(
            note_refusal,
            c.uow(),
            actor,
            f"{request.method} {route}",
            refused.code,
            (await _requested(request, "purpose") or "")[:64],
            (await _requested(request, "subject_id") or "")[:36],
        )
        raise
    return actor


async def _enforce(request: Request, c: Container, rule: Rule, actor: Actor) -> None:
    granted = actor.roles & rule.roles
    if not granted:
        raise Forbidden(
            f"this needs one of the roles {sorted(rule.roles)}"
            if rule.roles
            else "no authorization rule covers this route"
        )
    if actor.kind is ActorKind.STAFF:
        if rule.reauth:
            session = staff_session(request)
            if session is None:
                raise NotAuthenticated("no staff session on this request")
            require_recent_auth(c.staff, session)
        if rule.purpose is not None and granted == {STAFF}:
            await _check_purpose(request, c, rule.purpose)


async def authorized(actor: Annotated[Actor | None, Depends(authorize)]) -> Actor:
    """The actor the rule let in, for routes that are not public."""
    if actor is None:
        raise NotAuthenticated("this route needs a signed-in caller")
    return actor


Authorized = Annotated[Actor, Depends(authorized)]
