"""FastAPI dependencies: the container, and who is asking (system API key or staff session).

Authorization here is a small role table per router; the staff-security work replaces it
with the route -> (roles, purpose) table and its exhaustive test."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Cookie, Depends, Header, Request
from starlette.concurrency import run_in_threadpool

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Forbidden, NotAuthenticated
from piiguard.services.accounts import KEY_PREFIX, authenticate_client
from piiguard.web.session import SESSION_COOKIE, authenticate_staff_request


async def container(request: Request) -> Container:
    c: Container = request.app.state.container
    return c


ContainerDep = Annotated[Container, Depends(container)]


async def bearer_token(authorization: Annotated[str | None, Header()] = None,
                 x_api_key: Annotated[str | None, Header()] = None,
                 session_cookie: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None
                 ) -> str:
    if x_api_key:
        return x_api_key.strip()
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    if session_cookie:  # the console's (web/session.py: CSRF for changes)
        return session_cookie
    raise NotAuthenticated("send `Authorization: Bearer <API key or session token>`")


async def current_actor(request: Request, c: ContainerDep,
                        token: Annotated[str, Depends(bearer_token)]
                        ) -> Actor:
    """Dependencies here are `async` so the cheap ones run on the event loop, not as a hop
    through the thread pool each; what reads the database goes to the pool."""
    if token.startswith(KEY_PREFIX + "_"):
        actor = c.client_keys.get(token)
        if actor is None:  # a read-only unit of work: no write lock to read a key
            actor = await run_in_threadpool(authenticate_client, c.uow(readonly=True), token)
            c.client_keys.put(token, actor)
        return actor
    return await run_in_threadpool(authenticate_staff_request, c, request, token)


def allow(*roles: str) -> Callable[[Actor], Coroutine[Any, Any, Actor]]:
    """Only actors holding one of `roles` (systems hold the role 'system')."""
    wanted = frozenset(roles)

    async def check(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
        if not actor.roles & wanted:
            raise Forbidden(f"this needs one of the roles {sorted(wanted)}")
        return actor

    return check


DATA_ROLES = ("system", "privacy_officer", "staff")
AUDIT_ROLES = ("auditor", "privacy_officer", "admin")
DataActor = Annotated[Actor, Depends(allow(*DATA_ROLES))]
AuditActor = Annotated[Actor, Depends(allow(*AUDIT_ROLES))]
AdminActor = Annotated[Actor, Depends(allow("admin", "privacy_officer"))]
OfficerActor = Annotated[Actor, Depends(allow("privacy_officer"))]
AnyActor = Annotated[Actor, Depends(current_actor)]
