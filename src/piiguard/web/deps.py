"""FastAPI dependencies: the container, and who is asking (system API key or staff session).

Whether they may is decided by the route's rule in web/authz.py (R2.10); routes take the
actor from `authz.Authorized`, never from here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotAuthenticated
from piiguard.services.clients.api_keys import KEY_PREFIX, authenticate_client
from piiguard.web.session import SESSION_COOKIE, authenticate_staff_request


async def container(request: Request) -> Container:
    c: Container = request.app.state.container
    return c


ContainerDep = Annotated[Container, Depends(container)]


def request_credential(request: Request) -> tuple[str | None, bool]:
    """The credential a request carries and whether it is the console's session cookie:
    `X-API-Key`, `Authorization: Bearer <token>`, or the cookie, in that order. Any other
    `Authorization` (Basic, which a browser adds by itself behind a password-protected
    proxy; a bare `Bearer`) is no credential here: the cookie stays the credential, and a
    change made with it needs the CSRF token (web/session.py, R2.6)."""
    headers = request.headers
    key = (headers.get("x-api-key") or "").strip()
    if key:
        return key, False
    scheme, _, token = (headers.get("authorization") or "").strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip(), False
    return request.cookies.get(SESSION_COOKIE) or None, True


def request_token(request: Request) -> str | None:
    return request_credential(request)[0]


async def bearer_token(request: Request) -> str:
    token = request_token(request)
    if not token:
        raise NotAuthenticated("send `Authorization: Bearer <API key or session token>`")
    return token


async def resolve_actor(
    request: Request,
    c: Container,
    token: str,
    *,
    by_cookie: bool,
    pending_ok: bool = False,
    locked_ok: bool = False,
) -> Actor:
    """The system or member of staff behind `token` (`by_cookie`: it came in the session
    cookie, so a change needs the CSRF token). Async so the cheap case (a cached API key)
    runs on the event loop, not as a hop through the thread pool; what reads the database
    goes to the pool."""
    if token.startswith(KEY_PREFIX + "_"):
        actor = c.client_keys.get(token)
        if actor is None:  # a read-only unit of work: no write lock to read a key
            actor = await run_in_threadpool(
                authenticate_client, c.uow(readonly=True), c.clock, token
            )
            c.client_keys.put(token, actor)
        return actor
    return await run_in_threadpool(
        authenticate_staff_request,
        c,
        request,
        token,
        by_cookie=by_cookie,
        allow_pending=pending_ok,
        allow_locked=locked_ok,
    )
