"""Unexpected errors (R5.1, R5.5): answered problem+json 500 `internal-error`, logged as
one line with their types, the route and where they were raised — never their messages,
args or chained causes, which may quote personal data (SQLAlchemy lists a statement's
parameters; a database quotes the value it refused).

`CrashGuard` wraps the routes (inside Starlette's ServerErrorMiddleware). It must not
re-raise: ServerErrorMiddleware would hand the exception on to uvicorn, which prints
"Exception in ASGI application" with the whole traceback, messages included. (Every other
log record's exception is reduced by piiguard/safe_logging.py, installed by bootstrap.)"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from piiguard.safe_logging import describe, raised_at
from piiguard.web.problems import problem

log = logging.getLogger("piiguard.web")


def _route(scope: Scope) -> str:
    """The route template (`/api/v1/subjects/{subject_id}`), not the path the caller sent,
    which may hold anything."""
    route = getattr(scope.get("route"), "path", None)
    return f"{scope.get('method', '')} {route or '(no route matched)'}"


class CrashGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            # no traceback (log.exception): the messages in it may hold personal data
            log.error(  # noqa: TRY400
                "unhandled %s on %s (raised at %s)",
                describe(exc),
                _route(scope),
                raised_at(exc),
            )
            if not started:  # else the connection just ends: the client sees it cut short
                answer = problem(
                    500,
                    "internal-error",
                    "Internal error",
                    "piiguard failed; nothing was written. The server log has the error type.",
                    scope.get("path", ""),
                )
                await answer(scope, receive, send)
