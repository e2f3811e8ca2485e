"""RFC 9457 problem+json: one table from domain errors to HTTP, one stable `type` per error.

Bad input names the field at fault (`field`, and `errors[]` with every field for schema
errors); nothing about a request is written when it fails (one transaction per request).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from piiguard.domain import errors as e
from piiguard.safe_logging import describe
from piiguard.web.inputs import ControlCharacter

log = logging.getLogger("piiguard.web")

PROBLEM = "application/problem+json"

STATUS: dict[type[e.DomainError], tuple[int, str]] = {
    e.UnknownCategory: (422, "Unknown data category"),
    e.InvalidInput: (422, "Invalid input"),
    e.NotFound: (404, "Not found"),
    e.UnderWay: (409, "Under way in another process"),
    e.Conflict: (409, "Conflict"),
    e.AccessDenied: (403, "Access denied by the decision point"),
    e.SessionPending: (403, "Finish this step first"),
    e.CsrfRefused: (403, "CSRF token missing or wrong"),
    e.PurposeNotAssigned: (403, "Purpose not assigned to your department"),
    e.Forbidden: (403, "Forbidden"),
    e.ReauthRequired: (401, "Re-authentication required"),
    e.SessionLocked: (401, "Session locked after idle time"),
    e.MfaRequired: (401, "Second factor required"),
    e.NotAuthenticated: (401, "Not authenticated"),
    e.TooManyAttempts: (429, "Too many attempts"),
    e.MailError: (503, "Outbound mail unavailable"),
    e.CredentialNotReadable: (409, "Credentials cannot be read back"),
    e.KeyShredded: (410, "Erased"),
    e.VaultIntegrityError: (500, "Vault integrity failure"),
}


def type_uri(code: str) -> str:
    return f"urn:piiguard:problem:{code}"


def problem(
    status: int,
    code: str,
    title: str,
    detail: str,
    instance: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = {
        "type": type_uri(code),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    headers = dict(headers or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers or None)


def _lookup(exc: e.DomainError) -> tuple[int, str]:
    for cls in type(exc).__mro__:
        if cls in STATUS and issubclass(cls, e.DomainError):
            return STATUS[cls]
    return 400, "Request refused"


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """('body', 'items', 0, 'category') -> 'items[0].category'."""
    out = ""
    for part in loc:
        if part in ("body", "query", "path", "header") and not out:
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def _page(request: Request) -> Callable[[Request, e.DomainError, int], Response] | None:
    """The error page of the server-rendered pages under `app.state.page_errors` (path
    prefix -> renderer: the console, the privacy centre); None for the JSON API."""
    path = request.url.path
    for prefix, render in getattr(request.app.state, "page_errors", {}).items():
        if path == prefix or path.startswith(prefix + "/"):
            found: Callable[[Request, e.DomainError, int], Response] = render
            return found
    return None


# a pydantic error type -> the pages' message code for it (web/console/messages.py)
KINDS = {
    "string_too_long": "too-long",
    "missing": "required",
    "int_parsing": "not-a-number",
    "float_parsing": "not-a-number",
    "int_from_float": "not-a-number",
    "date_parsing": "not-a-date",
    "date_from_datetime_parsing": "not-a-date",
}

Refused = list[tuple[str, str, str]]  # (field, message code, the English detail or "")
Again = Callable[[Request, Refused], Awaitable[Response | None]]


def _again(request: Request) -> Again | None:
    """The form's own page shown again for a refused form (`app.state.form_again`: path
    prefix -> renderer, the console's), or None."""
    path = request.url.path
    for prefix, again in getattr(request.app.state, "form_again", {}).items():
        if request.method == "POST" and (path == prefix or path.startswith(prefix + "/")):
            found: Again = again
            return found
    return None


def install(app: FastAPI) -> None:
    @app.exception_handler(e.DomainError)
    async def _domain(request: Request, exc: e.DomainError) -> Response:
        status, title = _lookup(exc)
        page = _page(request)
        again = _again(request)
        if again is not None and isinstance(exc, e.InvalidInput) and exc.field:
            # a control character (refused before the route), or a refusal the route
            # left uncaught (its transaction not committed): the form again, marked
            control = isinstance(exc, ControlCharacter)
            code, detail = ("control-character-removed", "") if control else (exc.code, exc.message)
            shown = await again(request, [(exc.field, code, detail)])
            if shown is not None:
                return shown
        if page is not None:
            answer: Response = page(request, exc, status)  # the pages answer in HTML
            return answer
        extra: dict[str, Any] = {}
        if exc.field:
            extra["field"] = exc.field
            extra["errors"] = [{"field": exc.field, "message": exc.message}]
        if isinstance(exc, e.AccessDenied):
            extra["decision_id"] = exc.decision_id
            extra["reasons"] = [
                {"code": r.code, "en": r.en, "zh": r.zh, "categories": list(r.categories)}
                for r in exc.reasons
            ]
        headers: dict[str, str] = {}
        if isinstance(exc, e.TooManyAttempts):
            extra["retry_after"] = exc.retry_after
            extra["locked"] = exc.locked
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, e.SessionPending):
            extra["pending"] = exc.pending
        if isinstance(exc, e.WeakPassword):  # which rule, and why in both languages (R2.9)
            extra["password_rule"] = {
                "rule": exc.rule,
                "guesses_log10": exc.guesses_log10,
                "needed_log10": exc.needed_log10,
                "hints": [{"en": en, "zh": zh} for en, zh in exc.hints],
            }
        if isinstance(exc, e.ReauthRequired):
            headers["WWW-Authenticate"] = (
                'Bearer error="insufficient_user_authentication", '
                'error_description="re-authenticate"'
            )  # RFC 9470
        if status >= 500:
            log.error("domain failure %s on %s", exc.code, request.url.path)
        return problem(status, exc.code, title, exc.message, request.url.path, headers, **extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errs = [
            {
                "field": "body"
                if x.get("type") == "json_invalid"
                else field_path(tuple(x.get("loc", ()))),
                "message": str(x.get("msg", "")),
            }
            for x in exc.errors()
        ]
        first = errs[0]["field"] if errs else "body"
        again = _again(request)
        if again is not None:  # the form again with each field marked, not the error page
            refused = [
                (f["field"], KINDS.get(str(x.get("type", "")), "invalid-input"), "")
                for f, x in zip(errs, exc.errors(), strict=True)
                if f["field"] != "body"
            ]
            shown = await again(request, refused) if refused else None
            if shown is not None:
                return shown
        page = _page(request)
        if page is not None:  # a form on the pages: its error page names the field
            answer: Response = page(
                request,
                e.InvalidInput(
                    f"{first}: {errs[0]['message'] if errs else 'invalid'}", field=first
                ),
                422,
            )
            return answer
        return problem(
            422,
            "invalid-input",
            "Invalid input",
            f"{len(errs)} field(s) are invalid; see errors[]",
            request.url.path,
            field=first,
            errors=errs,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return problem(exc.status_code, code, str(exc.detail), str(exc.detail), request.url.path)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # Errors in the routes are answered by web/crashes.py; this is the last resort, for
        # the server's own middleware. Types only: messages, tracebacks and the path sent
        # may carry values.
        log.error("unhandled %s outside the routes", describe(exc))
        return problem(
            500,
            "internal-error",
            "Internal error",
            "piiguard failed; nothing was written. The server log has the error type.",
            request.url.path,
        )
