"""The web privacy centre (R9.1, R4.3, R4.1, R4.2): where a person reads their rights, makes
a request, confirms it with the one-time code, follows it, reads and downloads their copy,
and manages their consents. Server-rendered in Simplified Chinese and English (the
language choice and page headers are web/html.py's, shared with the console), no script
needed; every page is public (web/authz.py), so each route guards itself:

- every form carries a CSRF token bound to a short-lived `__Host-piiguard-privacy` cookie
  (as the console's sign-in form does); a form that fails it is shown again with what was
  typed, and nothing is done;
- before the code, no page or mail differs with whether we hold data on the contact;
- after a confirmed code the browser holds a signed pass (`__Host-piiguard-privacy-pass`,
  HttpOnly, Secure, SameSite=Strict, 30 minutes; services/rights/self_service.py says how it is
  signed) that lets it manage the consents of that request's subject;
- a package's page is the package's own HTML (no script, its style blocks allowed by hash
  only, never framed); its download uses the single-use link up.

What lives where: this module is the centre's page frame (`page`, `message`, the error
page, the form's CSRF check, the cookies); web/privacy/requests.py the rights, the request
form, a request's status and its code; web/privacy/packages.py a package's page and its
download; web/privacy/consents.py the consents; web/privacy/texts.py the words.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.errors import DomainError
from piiguard.web.html import language, render
from piiguard.web.inputs import ControlCharacter
from piiguard.web.privacy.texts import words
from piiguard.web.session import COOKIE_PARAMS

FORM_COOKIE = "__Host-piiguard-privacy"
FORM_SECONDS = 2 * 3600  # time to fill the form in
PASS_COOKIE = "__Host-piiguard-privacy-pass"  # noqa: S105 (a cookie name)
Text = Annotated[str, Form()]
Many = Annotated[list[str] | None, Form()]


def page(
    request: Request,
    c: Container,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    *,
    here: str | None = None,
    form: bool = False,
) -> HTMLResponse:
    """A page in the visitor's language, never framed. `here`: the GET address the language
    switch reloads (a page shown in answer to a POST names its form's page). `form`: the
    page holds forms, so it gets a CSRF token and its cookie."""
    nonce = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        name,
        {
            "here": here or request.url.path,
            "company": c.requests.company,
            "csrf": c.staff.csrf_token(nonce) if form else "",
            "code": None,
            **context,
        },
        status,
        words=words,
    )
    response.headers["X-Frame-Options"] = "DENY"
    if form:
        response.set_cookie(FORM_COOKIE, nonce, max_age=FORM_SECONDS, **COOKIE_PARAMS)
    return response


def message(
    request: Request,
    c: Container,
    title: str,
    text: str,
    status: int,
    *,
    code: str | None = None,
    here: str = "/privacy",
) -> HTMLResponse:
    """A page with one message: an error, a link gone, a refusal."""
    return page(
        request,
        c,
        "privacy/message.html",
        {"title": title, "message": text, "code": code},
        status,
        here=here,
    )


def page_error(request: Request, exc: DomainError, status: int) -> HTMLResponse:
    """A refusal before any route ran (web/inputs.py, a form the schema refused), as a page."""
    c: Container = request.app.state.container
    t = words(language(request))
    text = t["err_control" if isinstance(exc, ControlCharacter) else "err_form"]
    return message(
        request, c, t["error_title"], text.format(field=exc.field or "?"), status, code=exc.code
    )


def csrf_ok(request: Request, c: Container, presented: str) -> bool:
    """The form's token matches this browser's form cookie."""
    nonce = request.cookies.get(FORM_COOKIE)
    return bool(nonce) and c.staff.check_csrf(nonce or "", presented)


def not_found(request: Request, c: Container) -> HTMLResponse:
    t = words(language(request))
    return message(request, c, t["not_found_title"], t["not_found"], 404, code="not-found")
