"""Legal exceptions on pages (R2.5): the register (basis, scope, validity, status, who
requested and who approved), the request form (privacy officers), one exception's page with
the approval (another privacy officer, after a recent sign-in — four eyes, enforced by
services/policy/legal_exceptions.py), the revocation, and the decisions it let through.
Auditors see the same pages without a form. Rules: web/rules/oversight.py."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, Decision
from piiguard.domain.errors import Conflict, DomainError, Forbidden, NotFound
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.services.decisions import search_decisions
from piiguard.services.policy import legal_exceptions as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors, recent_auth
from piiguard.web.console.oversight.common import (
    ID,
    KEY,
    Check,
    Long,
    Many,
    Param,
    Text,
    page,
    staff_names,
    start_of,
    who,
)
from piiguard.web.console.oversight.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/exceptions", include_in_schema=False)

STATUSES = ("pending", "in_force", "scheduled", "expired", "revoked")
FORM = (
    "kind",
    "authority",
    "case_reference",
    "legal_provision",
    "subject_ids",
    "categories",
    "valid_from",
    "valid_until",
)
ALIASES = {"category": "categories"}
MAX_SUBJECTS = 10_000
PER_SUBJECT = 200  # decisions read per covered person, newest first
FEW_SUBJECTS = 20  # beyond this many people, the exception's period is searched instead
WINDOW = 1000


def status_of(ex: LegalException, now: datetime) -> str:
    if ex.revoked_at is not None:
        return "revoked"
    if now >= ex.valid_until:
        return "expired"
    if ex.approved_by is None:
        return "pending"
    return "in_force" if ex.in_force(now) else "scheduled"


def waiting(c: Container) -> list[LegalException]:
    """Exceptions waiting for a second approver (still able to take effect)."""
    now = c.clock.now()
    return [e for e in uc.list_exceptions(c.uow(readonly=True)) if status_of(e, now) == "pending"]


def row(ex: LegalException, now: datetime, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": ex.id,
        "kind": ex.kind.value,
        "authority": ex.authority,
        "case_reference": ex.case_reference,
        "legal_provision": ex.legal_provision,
        "subjects": sorted(ex.subject_ids),
        "categories": sorted(ex.categories),
        "valid_from": ex.valid_from,
        "valid_until": ex.valid_until,
        "status": status_of(ex, now),
        "requested_by": who(ex.requested_by, names),
        "approved_by": who(ex.approved_by, names) if ex.approved_by else None,
        "approved_at": ex.approved_at,
        "revoked_at": ex.revoked_at,
    }


def _categories(c: Container, lang: str) -> list[tuple[str, str]]:
    return [
        (cat.key, f"{cat.key} — {cat.name_zh if lang == 'zh-CN' else cat.name}")
        for cat in c.state.taxonomy
    ]


def _list(
    request: Request,
    c: Container,
    actor: Actor,
    status: str = "",
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    now, names = c.clock.now(), staff_names(c)
    rows = [row(e, now, names) for e in uc.list_exceptions(c.uow(readonly=True))]
    rows = [r for r in rows if wanted is None or r["status"] == wanted]
    rows.sort(key=lambda r: (r["status"] != "pending", -r["valid_from"].timestamp()))
    pager = Pager.of(request, 25)
    shown = pager.slice(rows)
    return page(
        request,
        c,
        actor,
        "exceptions.html",
        {
            "rows": shown,
            "pager": pager.counted(len(rows), len(shown)),
            "status": wanted or "",
            "statuses": STATUSES,
            "kinds": [k.value for k in ExceptionKind],
            "categories": _categories(c, language(request)),
            "today": now.date().isoformat(),
        },
        errors=[*check.errors, *(errors or [])],
        values=values or {},
        status=422 if check.errors and code == 200 else code,
    )


@router.get("", response_class=HTMLResponse)
def exceptions(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = ""
) -> HTMLResponse:
    """The register of legal exceptions, those waiting for approval first."""
    return _list(request, c, actor, status)


def _subject_ids(check: Check, raw: str) -> frozenset[str]:
    ids = [x for x in re.split(r"[\s,;]+", raw) if x]
    if not ids:
        check.fail("subject_ids", "required")
    elif len(ids) > MAX_SUBJECTS:
        check.fail("subject_ids", "too_long")
    elif not all(ID.fullmatch(x) for x in ids):
        check.fail("subject_ids", "bad_id")
    return frozenset(ids)


@router.post("", response_class=HTMLResponse)
def request_exception(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    kind: Text = "",
    authority: Text = "",
    case_reference: Text = "",
    legal_provision: Text = "",
    subject_ids: Long = "",
    categories: Many = None,
    valid_from: Text = "",
    valid_until: Text = "",
) -> Response:
    """Record a legal exception; it waits for another privacy officer's approval."""
    values = {
        "kind": kind,
        "authority": authority,
        "case_reference": case_reference,
        "legal_provision": legal_provision,
        "subject_ids": subject_ids,
        "categories": categories or [],
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    check = Check(request)
    chosen = check.choice("kind", kind, [k.value for k in ExceptionKind])
    if not kind:
        check.fail("kind", "required")
    texts = {
        name: check.text(name, value, required=True)
        for name, value in (
            ("authority", authority),
            ("case_reference", case_reference),
            ("legal_provision", legal_provision),
        )
    }
    subjects = _subject_ids(check, subject_ids)
    cats = frozenset(categories or [])
    if not cats:
        check.fail("categories", "required")
    elif not all(KEY.fullmatch(x) for x in cats):
        check.fail("categories", "unknown_value")
    start, end = check.day("valid_from", valid_from), check.day("valid_until", valid_until)
    if not valid_from:
        check.fail("valid_from", "required")
    if not valid_until:
        check.fail("valid_until", "required")
    now = c.clock.now()
    if check.errors or chosen is None or start is None or end is None:
        return _list(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        ex = uc.request_exception(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            ExceptionKind(chosen),
            texts["authority"],
            texts["case_reference"],
            texts["legal_provision"],
            subjects,
            cats,
            start_of(start) or now,
            start_of(end + timedelta(days=1)) or now,
        )
    except DomainError as exc:
        return _list(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=FORM, aliases=ALIASES),
            values=values,
            code=error_status(exc),
        )
    return done(f"/console/exceptions/{ex.id}", "requested")


def _find(c: Container, exception_id: str) -> LegalException:
    if ID.fullmatch(exception_id):
        for ex in uc.list_exceptions(c.uow(readonly=True)):
            if ex.id == exception_id:
                return ex
    raise NotFound("no such legal exception", field="exception_id")


def let_through(c: Container, actor: Actor, ex: LegalException) -> tuple[list[Decision], str]:
    """The decisions that name `ex`: searched per covered person within the time it could
    be in force (or over that period when it covers many people), then filtered — the
    decision search has no filter by exception. Returns them, newest first, and how."""
    if ex.approved_at is None:
        return [], "per_subject"
    since = max(ex.approved_at, ex.valid_from)
    until = min(ex.revoked_at or ex.valid_until, ex.valid_until)
    if until <= since:
        return [], "per_subject"
    if len(ex.subject_ids) <= FEW_SUBJECTS:
        found = [
            d
            for sid in sorted(ex.subject_ids)
            for d in search_decisions(
                c.uow(), actor, subject_id=sid, since=since, until=until, limit=PER_SUBJECT
            )
        ]
        how = "per_subject"
    else:
        found = search_decisions(c.uow(), actor, since=since, until=until, limit=WINDOW)
        how = "window"
    mine = [d for d in found if d.exception_id == ex.id]
    return sorted(mine, key=lambda d: d.at, reverse=True), how


def _detail(
    request: Request,
    c: Container,
    actor: Actor,
    ex: LegalException,
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    names = staff_names(c)
    decisions, how = let_through(c, actor, ex)
    return page(
        request,
        c,
        actor,
        "exception.html",
        {
            "x": row(ex, c.clock.now(), names),
            "own": ex.requested_by == actor.ref,
            "decisions": [
                {
                    "id": d.id,
                    "at": d.at,
                    "actor": who(d.actor.ref, names),
                    "subject_id": d.subject_id,
                    "purpose": d.purpose,
                    "outcome": d.outcome.value,
                }
                for d in decisions
            ],
            "how": how,
            "per_subject": PER_SUBJECT,
            "few": FEW_SUBJECTS,
            "window": WINDOW,
        },
        errors=errors or [],
        status=code,
    )


@router.get("/{exception_id}", response_class=HTMLResponse)
def exception(
    request: Request, c: ContainerDep, actor: Authorized, exception_id: str
) -> HTMLResponse:
    """One legal exception: its basis, scope, validity, who asked and who approved, and the
    decisions it let through."""
    return _detail(request, c, actor, _find(c, exception_id))


@router.post("/{exception_id}/approve", response_class=HTMLResponse)
def approve(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    exception_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """The second privacy officer's approval, after a recent sign-in (R2.5)."""
    ex = _find(c, exception_id)
    try:
        recent_auth(request, c, password, code)
        uc.approve_exception(c.uow(), c.clock, actor, ex.id)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("password", "code"))
        if isinstance(exc, Forbidden) and ex.requested_by == actor.ref:
            errors = [FieldError("", words(language(request))["own_request"])]
        return _detail(request, c, actor, ex, errors=errors, code=error_status(exc))
    return done(f"/console/exceptions/{ex.id}", "approved")


@router.post("/{exception_id}/revoke", response_class=HTMLResponse)
def revoke(request: Request, c: ContainerDep, actor: Authorized, exception_id: str) -> Response:
    """End the exception at once."""
    ex = _find(c, exception_id)
    try:
        if ex.revoked_at is not None:  # the service would move the time it ended
            raise Conflict("this exception was already revoked", field="exception_id")
        uc.revoke_exception(c.uow(), c.clock, actor, ex.id)
    except DomainError as exc:
        return _detail(
            request, c, actor, ex, errors=form_errors(exc, request), code=error_status(exc)
        )
    return done(f"/console/exceptions/{ex.id}", "revoked")
