"""Dependencies around staff sessions: a session that may only finish a pending step
(enrol TOTP, change password), a locked one that may re-authenticate, and the check that a
sensitive action follows a recent authentication (R2.6)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import NotAuthenticated
from piiguard.services.staff_login import require_recent_auth
from piiguard.web.deps import ContainerDep, bearer_token, current_actor
from piiguard.web.session import authenticate_staff_request, staff_session

Token = Annotated[str, Depends(bearer_token)]


async def _self_service(request: Request, c: ContainerDep, token: Token) -> Actor:
    return await run_in_threadpool(authenticate_staff_request, c, request, token,
                                   allow_pending=True)


async def _locked_ok(request: Request, c: ContainerDep, token: Token) -> Actor:
    return await run_in_threadpool(authenticate_staff_request, c, request, token,
                                   allow_pending=True, allow_locked=True)


async def recent_auth(request: Request, c: ContainerDep,
                      actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
    """Staff must have signed in or re-authenticated within `reauth_minutes` (systems have
    no interactive session; their keys are scoped and rotated instead)."""
    if actor.kind is ActorKind.STAFF:
        session = staff_session(request)
        if session is None:
            raise NotAuthenticated("no staff session on this request")
        require_recent_auth(c.staff, session)
    return actor


SelfServiceActor = Annotated[Actor, Depends(_self_service)]
LockedSessionActor = Annotated[Actor, Depends(_locked_ok)]
RecentAuth = Annotated[Actor, Depends(recent_auth)]
