"""The backup pages (R5.7, R10.2; docs/backups.md): the list with each backup's manifest
and newest restore test and the state of the restore tests at the top; a backup with its
manifest, rows per table and every restore test with each check; taking a backup (with
re-authentication when the sign-in is old, as the API's rule) and running a restore test;
the settings in force. Officers and admins act; auditors read. `attention(c, actor)` tells
the front page of a failed or overdue restore test. Rows in web/rules/backups.py."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.backups.model import Attention, Backup, BackupKind, RestoreState, RestoreTest
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, NotFound
from piiguard.services.backups._common import BACKUP_KIND, BackupKit
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.job import attention as restore_state
from piiguard.services.backups.job import failed_copy
from piiguard.services.backups.verify import restore_test
from piiguard.web.authz import Authorized
from piiguard.web.console.backups.details import detail_in
from piiguard.web.console.backups.texts import words
from piiguard.web.console.kit import (
    FieldError,
    Pager,
    console_page,
    done,
    error_status,
    form_errors,
    may_open,
    recent_auth,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

__all__ = ["attention", "router"]

router = APIRouter(prefix="/console/backups", include_in_schema=False)
HERE = "/console/backups"
Text = Annotated[str, Form(max_length=200)]
Param = Annotated[str, Query(max_length=20)]
KINDS = tuple(k.value for k in BackupKind)


def _kit(c: Container) -> BackupKit:
    if c.backups is None:  # pragma: no cover - bootstrap always sets it
        raise NotFound("backups are not configured")
    return c.backups


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """A failed newest restore test, or none within the interval (officers, admins,
    auditors: whoever may open the backups)."""
    if not may_open(actor, HERE):
        return []
    a = restore_state(_kit(c))
    copy = failed_copy(_kit(c))
    return [
        {
            "key": "backups_copy_failed",
            "count": int(copy is not None),
            "href": HERE,
        },
        {"key": "backups_failed", "count": int(a.state is RestoreState.FAILED), "href": HERE},
        {"key": "backups_overdue", "count": int(a.state is RestoreState.OVERDUE), "href": HERE},
    ]


def _targets(c: Container) -> list[tuple[str, str]]:
    systems = c.state.systems.values()
    return sorted((s.key, s.name) for s in systems if s.kind == BACKUP_KIND and s.usable)


def _state(c: Container) -> dict[str, Any]:
    a: Attention = restore_state(_kit(c))
    tested = ""
    if a.test_id:
        with _kit(c).units() as uow:
            t = uow.backups.test(a.test_id)
        tested = t.backup_id if t else ""
    return {
        "tested_backup": tested,
        "state": a.state.value,
        "since": a.since,
        "test_id": a.test_id,
        "days": f"{_kit(c).terms.restore_test_days:g}",
    }


def _list(
    request: Request,
    c: Container,
    actor: Actor,
    kind: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    wanted = BackupKind(kind) if kind in KINDS else None
    with _kit(c).units() as uow:
        found = uow.backups.recent(wanted, 5000)
        newest: dict[str, RestoreTest] = {}
        for t in reversed(uow.backups.tests(limit=5000)):
            newest[t.backup_id] = t
    pager = Pager.of(request, 50)
    shown: list[Backup] = pager.slice(found)
    return console_page(
        request,
        c,
        actor,
        "console/backups/list.html",
        {
            "rows": shown,
            "tests": newest,
            "pager": pager.counted(len(found), len(shown)),
            "kind": kind if wanted else "",
            "kinds": KINDS,
            "targets": _targets(c),
            **_state(c),
        },
        words=words,
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def backups(request: Request, c: ContainerDep, actor: Authorized, kind: Param = "") -> HTMLResponse:
    """The backups, newest first (filter: kind), with the restore tests' state on top."""
    return _list(request, c, actor, kind)


@router.get("/settings", response_class=HTMLResponse)
def settings(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """The settings in force and the approved backup systems of the data map."""
    s = c.settings
    return console_page(
        request,
        c,
        actor,
        "console/backups/settings.html",
        {"s": s, "targets": _targets(c)},
        words=words,
    )


@router.post("", response_class=HTMLResponse)
def take(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    kind: Text = "data",
    target: Text = "",
    password: Text = "",
    code: Text = "",
) -> Response:
    """Take a backup now (after re-authentication when the sign-in is old)."""
    values = {"kind": kind, "target": target}
    try:
        if kind not in KINDS:
            raise InvalidInput("choose the data database or the key store", field="kind")
        recent_auth(request, c, password, code)
        b = create_backup(_kit(c), actor, BackupKind(kind), target.strip())
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("kind", "target", "password", "code"))
        return _list(request, c, actor, "", errors=errors, values=values, code=error_status(exc))
    return done(f"{HERE}/{b.id}", "created")


def _detail(request: Request, c: Container, actor: Actor, backup_id: str) -> HTMLResponse:
    with _kit(c).units() as uow:
        b = uow.backups.get(backup_id) if len(backup_id) <= 64 else None
        if b is None:
            raise NotFound(f"no backup {backup_id[:64]}", field="backup_id")
        tests = uow.backups.tests(b.id)
    return console_page(
        request,
        c,
        actor,
        "console/backups/backup.html",
        {
            "b": b,
            "tests": tests,
            "rows": sorted((b.facts.row_counts if b.facts else {}).items()),
            "detail": partial(detail_in, language(request)),  # a check's, in the page's words
        },
        words=words,
    )


@router.get("/{backup_id}", response_class=HTMLResponse)
def backup(request: Request, c: ContainerDep, actor: Authorized, backup_id: str) -> HTMLResponse:
    """One backup: its manifest, rows per table, and every restore test with each check."""
    return _detail(request, c, actor, backup_id)


@router.post("/{backup_id}/restore-tests", response_class=HTMLResponse)
def run_test(request: Request, c: ContainerDep, actor: Authorized, backup_id: str) -> Response:
    """Run a restore test of this backup now; the result, passed or failed, is recorded."""
    _detail(request, c, actor, backup_id)  # 404 before anything runs
    t = restore_test(_kit(c), actor, backup_id)
    return done(f"{HERE}/{backup_id}", "tested_ok" if t.ok else "tested_failed")
