"""Staff sessions on the web side (R2.6): who holds a session token, the session kept on
the request for the routes that need it (re-authentication, CSRF), the seconds until it
locks for idleness, and the cookie the console uses.

The cookie: `__Host-piiguard-session`, HttpOnly (no script reads it), Secure (HTTPS only;
browsers treat http://localhost as secure), SameSite=Strict (never sent on a cross-site
request), Path=/, no Domain (the __Host- prefix makes browsers enforce the last three), no
Max-Age (it ends with the browser; the server ends it anyway after the idle or absolute
limit). A request authenticated by the cookie that changes anything must carry the
session's CSRF token: header `X-CSRF-Token` for API calls, a `csrf_token` form field
for console forms (web/authz.py reads the field before the session is checked)."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from piiguard.bootstrap import Container
from piiguard.domain.accounts import StaffSession
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import CsrfRefused
from piiguard.services.staff.login import authenticate_staff

SESSION_COOKIE = "__Host-piiguard-session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
COOKIE_PARAMS: dict[str, Any] = {
    "httponly": True,
    "secure": True,
    "samesite": "strict",
    "path": "/",
}


def set_session_cookie(response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, **COOKIE_PARAMS)


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, **COOKIE_PARAMS)


def authenticate_staff_request(
    c: Container,
    request: Request,
    token: str,
    *,
    by_cookie: bool,
    allow_pending: bool = False,
    allow_locked: bool = False,
) -> Actor:
    """The staff member behind `token`; the session is kept as `request.state.staff_session`
    for the routes that look at it (require_recent_auth, logout). `by_cookie`: the token
    came in the session cookie (web/deps.py `request_credential`) — then a change needs the
    CSRF token, whatever other headers ride along; a bearer token that authenticated the
    request itself needs none (no browser adds it by itself)."""
    actor, session = authenticate_staff(
        c.staff,
        c.uow(readonly=True),
        c.uow(),
        token,
        allow_pending=allow_pending,
        allow_locked=allow_locked,
    )
    if (
        by_cookie
        and request.method not in SAFE_METHODS
        and not c.staff.check_csrf(
            token, request.headers.get(CSRF_HEADER) or getattr(request.state, "csrf_form", None)
        )
    ):
        raise CsrfRefused(
            f"a change made with the session cookie needs the session's CSRF "
            f"token (header {CSRF_HEADER})"
        )
    request.state.staff_session = session
    request.state.staff_token = token
    return actor


def staff_session(request: Request) -> StaffSession | None:
    session: StaffSession | None = getattr(request.state, "staff_session", None)
    return session


def seconds_until_lock(c: Container, request: Request) -> float:
    """Seconds until the server locks this request's session for idleness, as it counts them
    (from the last time it wrote `last_seen`, which this request may just have done): the
    console's pages start their lock timer (console.js) from it."""
    session = staff_session(request)
    assert session is not None  # noqa: S101 (authorize put it there)
    now = c.clock.now()
    seen = session.last_seen_at or session.created_at or now
    if (now - seen).total_seconds() >= c.staff.policy.touch_seconds:
        seen = now  # authenticate_staff has just touched it
    idle = c.staff.policy.idle_minutes * 60
    return max(0.0, idle - (now - seen).total_seconds())
