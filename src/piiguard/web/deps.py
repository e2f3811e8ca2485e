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
from piiguard.services.accounts import KEY_PREFIX, authenticate_client
from piiguard.web.session import SESSION_COOKIE, authenticate_staff_request


async def container(request: Request) -> Container:
    c: Container = request.app.state.container
    return c


ContainerDep = Annotated[Container, Depends(container)]


def request_token(request: Request) -> str | None:
    """The credential a request carries: `X-API-Key`, `Authorization: Bearer`, or the
    console's session cookie (web/session.py: CSRF for changes), in that order."""
    headers = request.headers
    key = headers.get("x-api-key")
    if key:
        return key.strip()
    authorization = headers.get("authorization")
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return request.cookies.get(SESSION_COOKIE) or None


async def bearer_token(request: Request) -> str:
    token = request_token(request)
    if not token:
        raise NotAuthenticated("send `Authorization: Bearer <API key or session token>`")
    return token


async def resolve_actor(request: Request, c: Container, token: str, *,
                        pending_ok: bool = False, locked_ok: bool = False) -> Actor:
    """The system or member of staff behind `token`. Async so the cheap case (a cached API
    key) runs on the event loop, not as a hop through the thread pool; what reads the
    database goes to the pool."""
    if token.startswith(KEY_PREFIX + "_"):
        actor = c.client_keys.get(token)
        if actor is None:  # a read-only unit of work: no write lock to read a key
            actor = await run_in_threadpool(authenticate_client, c.uow(readonly=True), c.clock,
                                            token)
            c.client_keys.put(token, actor)
        return actor
    return await run_in_threadpool(authenticate_staff_request, c, request, token,
                                   allow_pending=pending_ok, allow_locked=locked_ok)
