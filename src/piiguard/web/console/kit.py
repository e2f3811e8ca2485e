"""What every console page of a register shares (issue 13's conventions): the page frame,
form errors as an error summary with the field marked, paging, the 303 with a message after
a form, and the re-authentication a form asks for when the sign-in is old.

How a register's pages use it (web/console/datamap/pages.py is a full example):

    @router.get("/systems")
    def systems(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
        return console_page(request, c, actor, "console/datamap/systems.html",
                            {"rows": ...}, words=words)

    @router.post("/systems/{key}/approve")
    def approve(request, c, actor, key: str, password: Text = "", code: Text = ""):
        try:
            recent_auth(request, c, password, code)      # only when the rule needs it
            approve_system(...)
        except DomainError as exc:
            return console_page(request, c, actor, "...", {...}, words=words,
                                errors=form_errors(exc, request), status=error_status(exc))
        return done(f"/console/systems/{key}", "approved")

Templates extend "console/layout.html" and import "console/kit.html" for the form macros
(error summary, fields with their error, CSRF, the re-authentication fields, the pager).
Every word on the page comes from the area's texts (zh-CN and en) merged over the console's
(web/console/texts.py); service errors are translated by web/console/messages.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotAuthenticated
from piiguard.services.staff.login import reauthenticate, require_recent_auth
from piiguard.web.client_address import request_address
from piiguard.web.console import texts
from piiguard.web.console.messages import message_for, shown_code
from piiguard.web.deps import request_token
from piiguard.web.html import language, render, see
from piiguard.web.problems import STATUS
from piiguard.web.rules import RULES
from piiguard.web.session import seconds_until_lock, staff_session

Words = Callable[[str], dict[str, str]]

# The console's navigation: (key of its words, where it leads). A link shows only to the
# roles the authorization table lets open it (web/rules/), so the menu and the rules
# cannot disagree.
NAV: tuple[tuple[str, str], ...] = (
    ("nav_front", "/console"),
    ("nav_requests", "/console/requests"),
    ("nav_people", "/console/people"),
    ("nav_systems", "/console/systems"),
    ("nav_exports", "/console/exports"),
    ("nav_findings", "/console/findings"),
    ("nav_purposes", "/console/purposes"),
    ("nav_taxonomy", "/console/taxonomy"),
    ("nav_departments", "/console/departments"),
    ("nav_exceptions", "/console/exceptions"),
    ("nav_policy", "/console/policy"),
    ("nav_retention", "/console/retention"),
    ("nav_confirmations", "/console/confirmations"),
    ("nav_children", "/console/children"),
    ("nav_custody", "/console/custody"),
    ("nav_sharing", "/console/sharing"),
    ("nav_records", "/console/records"),
    ("nav_assessments", "/console/assessments"),
    ("nav_accountability", "/console/accountability"),
    ("nav_evidence", "/console/evidence"),
    ("nav_decisions", "/console/decisions"),
    ("nav_audit", "/console/audit"),
    ("nav_incidents", "/console/incidents"),
    ("nav_vulns", "/console/vulnerabilities"),
    ("nav_backups", "/console/backups"),
    ("nav_staff", "/console/staff"),
    ("nav_clients", "/console/clients"),
)


def may_open(actor: Actor, path: str, method: str = "GET") -> bool:
    """Whether the authorization table lets `actor` call `method path` (a route template)."""
    rule = RULES.get((method, path))
    return rule is not None and bool(actor.roles & rule.roles)


def nav_for(actor: Actor, t: Mapping[str, str], here: str) -> list[dict[str, Any]]:
    """The links of the menu `actor` may follow, the current one marked."""
    return [
        {"href": href, "label": t[key], "current": here == href or here.startswith(href + "/")}
        for key, href in NAV
        if may_open(actor, href)
    ]


def merged(area: Words) -> Words:
    """An area's words over the console's: one `t` for the frame and the page."""

    def words(lang: str) -> dict[str, str]:
        return {**texts.words(lang), **area(lang)}

    return words


@dataclass(frozen=True, slots=True)
class FieldError:
    """One error of a form: `field` is the form field at fault ("" for the form as a
    whole); `message` is in the reader's language."""

    field: str
    message: str


def form_errors(
    exc: DomainError | RequestValidationError,
    request: Request,
    fields: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> list[FieldError]:
    """The errors to show on a form, in the reader's language: a service's field name is
    mapped through `aliases` to the form's; a field that is not one of `fields` (when given)
    is shown at the top of the form. Never echoes a value."""
    lang = language(request)
    aliases = aliases or {}

    def place(name: str) -> str:
        name = aliases.get(name, name)
        return name if not fields or name in fields else ""

    if isinstance(exc, RequestValidationError):
        found = []
        for err in exc.errors():
            loc = [str(part) for part in err.get("loc", ()) if part not in ("body", "query")]
            name = loc[0] if loc else ""
            found.append(FieldError(place(name), message_for("invalid-input", name, lang)))
        return found
    name = exc.field or ""
    if isinstance(exc, NotAuthenticated):
        name = "password"  # a form's re-authentication
    return [FieldError(place(name), message_for(shown_code(exc), name, lang, exc.message))]


def error_status(exc: DomainError | RequestValidationError) -> int:
    """The status of a form shown again with its error: problems.py's table."""
    if isinstance(exc, RequestValidationError):
        return 422
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls][0]
    return 400


def needs_reauth(request: Request, c: Container) -> bool:
    """Whether a change that needs a recent sign-in must ask for the password first."""
    session = staff_session(request)
    if session is None:
        return True
    try:
        require_recent_auth(c.staff, session)
    except NotAuthenticated:
        return True
    return False


def recent_auth(request: Request, c: Container, password: str, code: str = "") -> None:
    """Re-authenticate with what the form sent when the sign-in is older than
    `reauth_minutes` (R2.6); nothing when it is recent. Raises NotAuthenticated (shown at
    the form's password field) when the password or code is missing or wrong."""
    if not needs_reauth(request, c):
        return
    if not password:
        raise NotAuthenticated("enter your password again to confirm this change")
    code = code.strip()
    totp, recovery = (code, None) if code.isdigit() else (None, code or None)
    reauthenticate(
        c.staff,
        c.uow(),
        request_token(request) or "",
        password,
        totp=totp,
        recovery_code=recovery,
        address=request_address(request),
    )


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a long list: `page` (from 1) of `size` rows; the links keep the filters."""

    page: int
    size: int
    total: int | None = None  # None: unknown, "next" shows while a page comes back full
    shown: int = 0
    query: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, request: Request, size: int = 50) -> Pager:
        raw = request.query_params.get("page", "1")
        page = int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1
        query = {k: v for k, v in request.query_params.items() if k not in ("page", "done")}
        return cls(page, size, query=query)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def slice(self, rows: Sequence[Any]) -> list[Any]:
        """This page of rows already in memory."""
        return list(rows[self.offset : self.offset + self.size])

    def counted(self, total: int, shown: int) -> Pager:
        return Pager(self.page, self.size, total, shown, self.query)

    def link(self, page: int) -> str:
        return "?" + urlencode({**self.query, "page": str(page)})

    @property
    def prev(self) -> str | None:
        return self.link(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        more = (
            self.offset + self.shown < self.total
            if self.total is not None
            else self.shown >= self.size
        )
        return self.link(self.page + 1) if more else None


def fmt_time(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if at else "—"


def fmt_day(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d") if at else "—"


def done(url: str, message: str, **extra: str) -> RedirectResponse:
    """303 to `url` with the key of the message to show there (`done_<key>` in the area's
    words) — the answer to a form that was taken."""
    sep = "&" if "?" in url else "?"
    return see(url + sep + urlencode({"done": message, **extra}))


def console_page(
    request: Request,
    c: Container,
    actor: Actor,
    name: str,
    context: dict[str, Any],
    *,
    words: Words,
    errors: Sequence[FieldError] = (),
    values: Mapping[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """A console page (templates/`name`, extending console/layout.html): the console's and
    the area's words, the menu for `actor`, the session's CSRF token, the idle-lock timer,
    the message of the form just taken (`?done=`), the form's errors and what was typed in
    it (`values`), and whether a change needing a recent sign-in must ask for the password."""
    lang = language(request)
    t = merged(words)(lang)
    session = staff_session(request)
    key = request.query_params.get("done", "")
    return render(
        request,
        name,
        {
            "actor": actor,
            "me": actor.id,
            "roles": actor.roles,
            "may": lambda path, method="GET": may_open(actor, path, method),
            "nav": nav_for(actor, t, request.url.path),
            "csrf": c.staff.csrf_token(request_token(request) or ""),
            "lock_in": round(seconds_until_lock(c, request), 1),
            "mfa": session is not None and session.staff.mfa_enrolled,
            "reauth": needs_reauth(request, c),
            "flashes": [t[f"done_{key}"]] if f"done_{key}" in t else [],
            "errors": list(errors),
            "values": dict(values or {}),
            "fmt": fmt_time,
            "day": fmt_day,
            "now": c.clock.now(),
            **context,
        },
        status,
        words=merged(words),
    )
