"""Who may call which route (R2.10, R5.1): one table, `RULES`, from (method, path template)
to a `Rule`, and one dependency, `authorize`, that every route of the app runs (installed
app-wide in app.py) and that enforces it. A route with no rule is refused (fail closed), and
tests/e2e/test_authz.py walks the app's route table so that none ships without one.

How to read a rule: `roles` — the roles that may call it ('system' is an API-key client;
the others are staff roles); `purpose` — REQUESTED when the route uses personal data for the
purpose the request names (query or JSON field `purpose`): a member of staff who holds the
route only through the role `staff` may name only a purpose assigned to their department
(the department register); `reauth` — staff must have signed in or re-authenticated within
`reauth_minutes`; `pending_ok` / `locked_ok` — the session may still have a step to finish
(enrol TOTP, change password) / may be idle-locked (the routes that finish the step,
re-authenticate or log out); `public` — no credentials at all.

Role groups follow issue 6: admin configures but sees no personal data; the auditor reads
decisions, the audit trail and registers, never plaintext personal data; staff use the
purposes of their department; systems call with scoped API keys."""

from __future__ import annotations

from dataclasses import dataclass
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
from piiguard.web.session import SAFE_METHODS, staff_session

REQUESTED = "{purpose}"  # the purpose the request names


@dataclass(frozen=True, slots=True)
class Rule:
    roles: frozenset[str] = frozenset()
    purpose: str | None = None
    reauth: bool = False
    public: bool = False
    pending_ok: bool = False
    locked_ok: bool = False


def _roles(*names: str) -> frozenset[str]:
    return frozenset(names)


SYSTEM, OFFICER, STAFF, ADMIN, AUDITOR = ("system", "privacy_officer", "staff", "admin", "auditor")
EVERYONE = _roles(SYSTEM, OFFICER, STAFF, ADMIN, AUDITOR)  # any signed-in caller
PEOPLE = _roles(OFFICER, STAFF, ADMIN, AUDITOR)  # any member of staff
DATA = _roles(SYSTEM, OFFICER, STAFF)  # personal data
AUDIT = _roles(AUDITOR, OFFICER, ADMIN)  # decisions, audit trail
CONFIG = _roles(ADMIN, OFFICER)  # accounts, systems
OFFICERS = _roles(OFFICER)
ACCOUNTS_READERS = _roles(ADMIN, OFFICER, AUDITOR)

PUBLIC = Rule(public=True)
DATA_RULE = Rule(DATA)
DATA_FOR_PURPOSE = Rule(DATA, purpose=REQUESTED)
SELF = Rule(PEOPLE, pending_ok=True)  # finishing one's own set-up
SESSION_END = Rule(PEOPLE, pending_ok=True, locked_ok=True)  # unlock / log out
CONSOLE = Rule(PEOPLE)

HANDLERS = _roles(STAFF, OFFICER)  # handle requests of the person
QUEUE = _roles(STAFF, OFFICER, AUDITOR)  # the queue: no personal data

S = "/api/v1/subjects/{subject_id}"
R = "/api/v1/requests/{request_id}"
RULES: dict[tuple[str, str], Rule] = {
    # health, the published policy, API docs, sign-in and first set-up
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/api/v1/policy"): PUBLIC,
    ("GET", "/api/v1/policy/versions"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("GET", "/setup"): PUBLIC,
    ("POST", "/setup"): PUBLIC,
    ("POST", "/api/v1/staff/setup"): PUBLIC,
    ("POST", "/api/v1/staff/login"): PUBLIC,
    ("POST", "/api/v1/staff/invitations/accept"): PUBLIC,
    # subjects and their data
    ("POST", "/api/v1/subjects"): DATA_RULE,
    ("POST", "/api/v1/subjects/lookup"): DATA_RULE,
    ("GET", S): DATA_RULE,
    ("GET", S + "/data"): DATA_FOR_PURPOSE,
    ("POST", S + "/items"): DATA_RULE,
    ("PUT", S + "/items/{item_id}"): DATA_RULE,
    ("POST", S + "/items/{item_id}/verify"): DATA_RULE,
    ("DELETE", S): DATA_RULE,
    ("POST", S + "/consents"): DATA_FOR_PURPOSE,
    ("GET", S + "/consents"): DATA_RULE,
    ("DELETE", S + "/consents/{consent_id}"): DATA_RULE,
    ("POST", S + "/restrictions"): DATA_FOR_PURPOSE,
    ("GET", S + "/restrictions"): DATA_RULE,
    ("DELETE", S + "/restrictions/{restriction_id}"): DATA_RULE,
    ("POST", S + "/guardians"): DATA_RULE,
    ("POST", S + "/guardians/{guardian_id}/verify"): Rule(DATA - {SYSTEM}),  # a person checks
    ("PUT", S + "/minor"): DATA_RULE,
    # the decision point
    ("POST", "/api/v1/decisions"): DATA_FOR_PURPOSE,
    ("GET", "/api/v1/decisions"): Rule(AUDIT),
    ("GET", "/api/v1/decisions/{decision_id}"): Rule(AUDIT),
    ("GET", "/api/v1/decisions/{decision_id}/explain"): Rule(AUDIT),
    # registers
    ("GET", "/api/v1/purposes"): Rule(EVERYONE),
    ("PUT", "/api/v1/purposes/{key}"): Rule(OFFICERS),
    ("DELETE", "/api/v1/purposes/{key}"): Rule(OFFICERS),
    ("GET", "/api/v1/taxonomy"): Rule(EVERYONE),
    ("POST", "/api/v1/taxonomy"): Rule(OFFICERS),
    ("DELETE", "/api/v1/taxonomy/{key}"): Rule(OFFICERS),
    ("GET", "/api/v1/systems"): Rule(EVERYONE),
    ("PUT", "/api/v1/systems/{key}"): Rule(CONFIG),
    ("POST", "/api/v1/systems/{key}/approval"): Rule(OFFICERS),
    ("GET", "/api/v1/exports"): Rule(OFFICERS),
    ("POST", "/api/v1/exports"): Rule(DATA, purpose=REQUESTED, reauth=True),
    ("POST", "/api/v1/exports/review"): Rule(OFFICERS),
    ("GET", "/api/v1/findings"): Rule(OFFICERS),
    ("PATCH", "/api/v1/findings/{finding_id}"): Rule(OFFICERS),
    ("GET", "/api/v1/exceptions"): Rule(OFFICERS),
    ("POST", "/api/v1/exceptions"): Rule(OFFICERS),
    ("POST", "/api/v1/exceptions/{exception_id}/approve"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/exceptions/{exception_id}/revoke"): Rule(OFFICERS),
    # the audit trail
    ("GET", "/api/v1/audit"): Rule(AUDIT),
    ("POST", "/api/v1/audit/verify"): Rule(AUDIT),
    # staff: one's own session and set-up
    ("POST", "/api/v1/staff/reauth"): SESSION_END,
    ("POST", "/api/v1/staff/logout"): SESSION_END,
    ("GET", "/api/v1/staff/me"): SELF,
    ("POST", "/api/v1/staff/me/password"): SELF,
    ("POST", "/api/v1/staff/me/totp"): SELF,
    ("POST", "/api/v1/staff/me/totp/confirm"): SELF,
    ("POST", "/api/v1/staff/me/recovery-codes"): Rule(PEOPLE, reauth=True),
    # staff: the register of accounts and departments
    ("POST", "/api/v1/staff/invitations"): Rule(CONFIG),
    ("GET", "/api/v1/staff/accounts"): Rule(ACCOUNTS_READERS),
    ("PUT", "/api/v1/staff/accounts/{staff_id}/roles"): Rule(CONFIG, reauth=True),
    ("POST", "/api/v1/staff/accounts/{staff_id}/unlock"): Rule(OFFICERS),
    ("POST", "/api/v1/staff/accounts/{staff_id}/deactivate"): Rule(CONFIG),
    ("POST", "/api/v1/staff/accounts/{staff_id}/mfa/reset"): Rule(OFFICERS, reauth=True),
    ("GET", "/api/v1/staff/departments"): Rule(EVERYONE),
    ("PUT", "/api/v1/staff/departments/{key}"): Rule(OFFICERS),
    # requests of the person (R4, R9): systems and staff record them; staff work the queue
    # (the auditor sees its metadata only); officers judge charges, refusals, the second
    # step's approval (four eyes, after re-authentication), webhooks and unread mail
    ("POST", "/api/v1/requests"): DATA_RULE,
    ("GET", "/api/v1/requests"): Rule(QUEUE),
    ("GET", "/api/v1/requests/counts"): Rule(QUEUE),
    ("GET", R): Rule(HANDLERS),
    **dict.fromkeys(
        [
            ("POST", R + step)
            for step in (
                "/identity",
                "/assign",
                "/document-check",
                "/pause",
                "/resume",
                "/correction",
                "/replied",
            )
        ],
        Rule(HANDLERS),
    ),
    ("POST", R + "/approve"): Rule(OFFICERS, reauth=True),
    **dict.fromkeys(
        [("POST", R + step) for step in ("/fee", "/waive", "/unfounded", "/refuse")], Rule(OFFICERS)
    ),
    ("POST", "/api/v1/requests/tasks/{task_id}/confirm"): Rule(_roles(SYSTEM, OFFICER)),
    ("POST", "/api/v1/requests/tasks/{task_id}/waive"): Rule(OFFICERS),
    ("PUT", "/api/v1/systems/{key}/webhook"): Rule(OFFICERS),
    ("GET", "/api/v1/requests/triage"): Rule(OFFICERS),
    ("GET", "/api/v1/requests/triage/{triage_id}"): Rule(OFFICERS),
    ("POST", "/api/v1/requests/triage/{triage_id}/resolve"): Rule(OFFICERS),
    # the staff console (web/console/pages.py); its forms carry the CSRF token
    ("GET", "/console/login"): PUBLIC,
    ("POST", "/console/login"): PUBLIC,  # login CSRF checked by the route (no session yet)
    ("GET", "/console/console.js"): PUBLIC,
    ("GET", "/console"): Rule(PEOPLE, locked_ok=True),  # locked: the unlock form, no data
    ("GET", "/console/enrol"): SELF,  # a pending session finishes its set-up here
    ("POST", "/console/enrol"): SELF,
    ("GET", "/console/password"): SELF,
    ("POST", "/console/password"): SELF,
    ("POST", "/console/unlock"): SESSION_END,
    ("POST", "/console/logout"): SESSION_END,
    # the console's request pages (web/console/rights*.py): the queue and a request for
    # staff, officers and auditors (an auditor sees its metadata and timeline, never what
    # the person wrote: the page does not open it for them); the steps for staff and
    # officers; officers alone approve (four eyes; the form asks for the password again
    # when the sign-in is older than reauth_minutes), refuse, charge, waive, flag as
    # unfounded, settle a system's notice and read the mail the inbox could not
    ("GET", "/console/requests"): Rule(_roles(STAFF, OFFICER, AUDITOR)),
    ("GET", "/console/requests/{request_id}"): Rule(_roles(STAFF, OFFICER, AUDITOR)),
    **dict.fromkeys(
        [("GET", "/console/requests/new"), ("POST", "/console/requests/new")]
        + [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("assign", "verify", "document", "pause", "resume", "correct", "replied")
        ],
        Rule(_roles(STAFF, OFFICER)),
    ),
    **dict.fromkeys(
        [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("approve", "refuse", "fee", "waive", "unfounded", "tasks/{task_id}/waive")
        ]
        + [
            ("GET", "/console/requests/triage"),
            ("GET", "/console/requests/triage/{triage_id}"),
            ("POST", "/console/requests/triage/{triage_id}/resolve"),
        ],
        Rule(OFFICERS),
    ),
    # the privacy centre (web/privacy/): the people whose data it is, no account;
    # each route guards itself (form CSRF cookie, the code, the signed pass, the link)
    **dict.fromkeys(
        [
            ("GET", "/privacy"),
            ("POST", "/privacy/requests"),
            ("GET", "/privacy/requests/{request_id}"),
            ("POST", "/privacy/requests/{request_id}/code"),
            ("POST", "/privacy/requests/{request_id}/verify"),
            ("GET", "/privacy/packages/{token}"),
            ("GET", "/privacy/packages/{token}/download"),
            ("GET", "/privacy/consents"),
            ("POST", "/privacy/consents"),
        ],
        PUBLIC,
    ),
}

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
    if found is None and request.headers.get("content-type", "").startswith("application/json"):
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
        "application/x-www-form-urlencoded"
    ):
        # a console form: its CSRF field stands for the header (web/session.py)
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
