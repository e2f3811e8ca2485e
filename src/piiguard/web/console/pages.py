"""The staff console (R2.6): server-rendered pages in Simplified Chinese and English —
sign-in (password, then the TOTP step), the front page, unlock after the idle lock, sign-out.

Sessions are B's server-side staff sessions (services/staff/login.py) carried in the
`__Host-` cookie of web/session.py. Every form carries a CSRF token: the session's, or
before sign-in a token bound to a short-lived `__Host-piiguard-login` cookie (login CSRF).
The front page locks itself when the session goes idle (console.js shows an overlay that
hides the data and asks for the password); the server refuses the idle session too, so
reloading the page or calling the API shows nothing until the password is given again.

What lives where in web/console/: this module (signing in and out, the set-up steps, the
error page, `page` — a page with the console's words); front.py the front page; kit.py
what every register's page shares (frame, menu, form errors, paging, re-authentication);
messages.py service errors in both languages; texts.py the console's words; rights*.py the
request pages; one package per area of registers (datamap/, registers/, people/,
oversight/, team/); setup.py the way in (`/`) and the first account's /setup. What every
page shares (the templates, the language, the headers, the 303) is web/html.py."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import (
    CsrfRefused,
    DomainError,
    InvalidInput,
    MfaRequired,
    NotAuthenticated,
    SessionLocked,
    SessionPending,
    TooManyAttempts,
)
from piiguard.services.staff import mfa
from piiguard.services.staff.accounts import change_password
from piiguard.services.staff.login import (
    login_staff,
    logout_staff,
    reauthenticate,
    token_hash,
)
from piiguard.web.authz import Authorized
from piiguard.web.client_address import request_address
from piiguard.web.console.messages import message_for, shown_code
from piiguard.web.console.texts import words
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.html import TEMPLATES, language, render, see
from piiguard.web.inputs import ControlCharacter
from piiguard.web.session import (
    COOKIE_PARAMS,
    clear_session_cookie,
    set_session_cookie,
    staff_session,
)

router = APIRouter(prefix="/console", include_in_schema=False)
LOGIN_COOKIE = "__Host-piiguard-login"
LOGIN_STEP_SECONDS = 300  # the code step must follow the password within this time
Text = Annotated[str, Form(max_length=1024)]
PENDING_PAGES = {"enrol_totp": "/console/enrol", "change_password": "/console/password"}


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A console page in the reader's language, with the console's words (web/html.py)."""
    return render(request, name, context, status, words=words)


def page_error(request: Request, exc: DomainError, status: int) -> Response:
    """Errors on console pages, as pages (problems.py calls this for /console paths)."""
    if isinstance(exc, NotAuthenticated) and not isinstance(exc, SessionLocked):
        response = see("/console/login")
        if exc.code == "not-authenticated":
            clear_session_cookie(response)
        return response
    if isinstance(exc, SessionLocked):
        return see("/console")
    if isinstance(exc, SessionPending) and exc.pending in PENDING_PAGES:
        return see(PENDING_PAGES[exc.pending])
    lang = language(request)
    t = words(lang)
    message = (
        t["csrf"]
        if isinstance(exc, CsrfRefused)
        else t["pending"].format(p=exc.pending)
        if isinstance(exc, SessionPending)
        else message_for(
            "control-character" if isinstance(exc, ControlCharacter) else shown_code(exc),
            exc.field or "",
            lang,
            exc.message,
        )  # zh on a zh page
    )
    context = {"message": message, "code": exc.code, "form_page": _form_page(request)}
    return page(request, "console/error.html", context, status)


def _form_page(request: Request) -> str | None:
    """The console page a refused form was posted from (its Referer, this host's own
    console path only), for a link back to it: a browser going back keeps what was typed."""
    if request.method != "POST":
        return None
    ref = urlsplit(request.headers.get("referer", ""))
    if ref.netloc not in ("", request.url.netloc) or not ref.path.startswith("/console"):
        return None
    return ref.path + (f"?{ref.query}" if ref.query else "")


# -- signing in ------------------------------------------------------------------------------


def _login_form(
    request: Request,
    c: Container,
    *,
    error: str | None = None,
    email: str = "",
    sealed: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = page(
        request,
        "console/login.html",
        {
            "csrf": c.staff.csrf_token(nonce),
            "error": error,
            "email": email,
            "sealed": sealed,
            "signed_out": request.query_params.get("signed_out") == "1",
        },
        status,
    )
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=LOGIN_STEP_SECONDS * 2, **COOKIE_PARAMS)
    return response


def _check_login_csrf(request: Request, c: Container, presented: str) -> str:
    nonce = request.cookies.get(LOGIN_COOKIE)
    if not nonce or not c.staff.check_csrf(nonce, presented):
        raise CsrfRefused("the sign-in form's token is missing or wrong: open the page again")
    return nonce


def _seal_step(c: Container, nonce: str, email: str, password: str) -> str:
    """The password kept for the code step, sealed under the KEK and bound to this
    browser's login cookie: it never travels or sits in the page in clear."""
    until = (c.clock.now() + timedelta(seconds=LOGIN_STEP_SECONDS)).timestamp()
    plain = json.dumps({"email": email, "password": password, "until": until})
    return c.staff.box.seal(plain.encode(), f"console-login|{nonce}")


def _open_step(c: Container, nonce: str, sealed: str) -> tuple[str, str]:
    try:
        got = json.loads(c.staff.box.open(sealed, f"console-login|{nonce}"))
    except Exception as exc:  # tampered, another browser's, or sealed under a retired KEK
        raise NotAuthenticated("the sign-in step expired: start again") from exc
    if got["until"] < c.clock.now().timestamp():
        raise NotAuthenticated("the sign-in step expired: start again")
    return str(got["email"]), str(got["password"])


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, c: ContainerDep) -> HTMLResponse:
    return _login_form(request, c)


@router.post("/login", response_class=HTMLResponse)
def login_submit(
    request: Request,
    c: ContainerDep,
    csrf_token: Text = "",
    email: Text = "",
    password: Text = "",
    code: Text = "",
    sealed: Annotated[str, Form(max_length=4096)] = "",
) -> Response:
    nonce = _check_login_csrf(request, c, csrf_token)
    address = request_address(request)
    try:
        if sealed:
            email, password = _open_step(c, nonce, sealed)
        code = code.strip()
        totp, recovery = (code, None) if code.isdigit() else (None, code or None)
        signed = login_staff(
            c.staff, c.uow(), email, password, totp=totp, recovery_code=recovery, address=address
        )
    except MfaRequired:
        return _login_form(request, c, email=email, sealed=_seal_step(c, nonce, email, password))
    except NotAuthenticated as exc:
        lang = language(request)
        error = words(lang)["login_failed"] if lang == "zh-CN" else exc.message
        return _login_form(request, c, error=error, email=email, status=401)
    response = see("/console")
    set_session_cookie(response, signed.token)
    response.delete_cookie(LOGIN_COOKIE, **COOKIE_PARAMS)
    return response


# -- unlock, sign-out (the front page: front.py) ---------------------------------------------


@router.post("/unlock", response_class=HTMLResponse)
def unlock(
    request: Request, c: ContainerDep, actor: Authorized, password: Text, code: Text = ""
) -> Response:
    """Password (+ code) again on the same session (the CSRF field was checked by
    authorize, as for every change made with the session cookie)."""
    del actor
    code = code.strip()
    totp, recovery = (code, None) if code.isdigit() else (None, code or None)
    try:
        reauthenticate(
            c.staff,
            c.uow(),
            request_token(request) or "",
            password,
            totp=totp,
            recovery_code=recovery,
            address=request_address(request),
        )
    except NotAuthenticated as exc:
        t = words(language(request))
        return page(
            request,
            "console/locked.html",
            {
                "csrf": c.staff.csrf_token(request_token(request) or ""),
                "error": exc.message if exc.code != "mfa-required" else t["code"],
                "mfa": True,
            },
            401,
        )
    return see("/console")


# -- finishing one's set-up: two-step sign-in, a new password ------------------------------


def _next_page(c: Container, request: Request) -> str:
    """Where to go once a step is done: the next pending step, or the front page."""
    with c.uow(readonly=True) as uow:
        session = uow.staff.session(token_hash(request_token(request) or ""))
    pending = session.pending if session else None
    return PENDING_PAGES.get(pending or "", "/console")


def _enrol_form(
    request: Request, c: Container, actor: Actor, error: str | None = None, status: int = 200
) -> HTMLResponse:
    e = mfa.start_totp(c.staff, c.uow(), actor)  # a fresh key each time the form is shown
    return page(
        request,
        "console/enrol.html",
        {
            "csrf": c.staff.csrf_token(request_token(request) or ""),
            "uri": e.uri,
            "secret_groups": " ".join(e.secret[i : i + 4] for i in range(0, len(e.secret), 4)),
            "error": error,
        },
        status,
    )


@router.get("/enrol", response_class=HTMLResponse)
def enrol_page(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """Two-step sign-in: the key for the authenticator app, then a code from it."""
    return _enrol_form(request, c, actor)


@router.post("/enrol", response_class=HTMLResponse)
def enrol_submit(
    request: Request, c: ContainerDep, actor: Authorized, code: Text = ""
) -> HTMLResponse:
    try:
        codes = mfa.confirm_totp(
            c.staff, c.uow(), actor, request_token(request) or "", code.replace(" ", "")
        )
    except InvalidInput as exc:  # a wrong code: a new key, and say why
        return _enrol_form(request, c, actor, exc.message, 422)
    return page(request, "console/codes.html", {"codes": codes, "next": _next_page(c, request)})


def _password_form(
    request: Request, c: Container, error: str | None = None, status: int = 200
) -> HTMLResponse:
    session = staff_session(request)
    policy = c.staff.policy
    mfa_on = session is not None and session.staff.mfa_enrolled
    return page(
        request,
        "console/password.html",
        {
            "csrf": c.staff.csrf_token(request_token(request) or ""),
            "error": error,
            "min_length": policy.min_length_mfa if mfa_on else policy.min_length,
        },
        status,
    )


@router.get("/password", response_class=HTMLResponse)
def password_page(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    del actor
    return _password_form(request, c)


@router.post("/password", response_class=HTMLResponse)
def password_submit(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    current_password: Text = "",
    new_password: Text = "",
) -> Response:
    try:
        change_password(
            c.staff, c.uow(), actor, request_token(request) or "", current_password, new_password
        )
    except (InvalidInput, NotAuthenticated) as exc:
        if isinstance(exc, TooManyAttempts):
            raise
        return _password_form(request, c, exc.message, 422)
    return see(_next_page(c, request))


@router.post("/logout")
def logout(request: Request, c: ContainerDep, actor: Authorized) -> Response:
    logout_staff(c.staff, c.uow(), actor, request_token(request) or "")
    response = see("/console/login?signed_out=1")
    clear_session_cookie(response)
    return response


@router.get("/console.js")
def script() -> Response:
    body = (TEMPLATES / "console" / "console.js").read_bytes()
    response = Response(body, media_type="text/javascript")
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
