"""The way in: `/` (a staff session goes on to the console; anyone else chooses between the
privacy centre and the console's sign-in) and the one-time setup of the first staff account
(/setup, in Simplified Chinese and English), reached from the link `piiguard init` prints,
whose last step leads to the console's sign-in (and TOTP enrolment). Rendered with the
pages' one Jinja2 environment (web/html.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.errors import DomainError
from piiguard.domain.staff_security import needs_mfa
from piiguard.services.staff.accounts import FIRST_ACCOUNT_ROLES, complete_setup
from piiguard.web.deps import ContainerDep
from piiguard.web.html import secure, see, templates
from piiguard.web.session import SESSION_COOKIE

router = APIRouter(include_in_schema=False)


def _min_password(c: Container) -> int:
    # the first account is a privacy officer: TOTP follows at its first sign-in
    p = c.staff.policy
    return p.min_length_mfa if needs_mfa(FIRST_ACCOUNT_ROLES, p) else p.min_length


@router.get("/", response_class=HTMLResponse)
def way_in(request: Request) -> Response:
    """Staff with a session cookie go on to the console (which checks it); the public
    chooses the privacy centre or the console's sign-in."""
    if request.cookies.get(SESSION_COOKIE):
        return see("/console")
    response = templates.TemplateResponse(request, "index.html", {})
    secure(response)
    return response


@router.get("/setup", response_class=HTMLResponse)
def setup_form(request: Request, token: str = "") -> HTMLResponse:
    c: Container = request.app.state.container
    response = templates.TemplateResponse(
        request, "setup.html", {"token": token, "min_password": _min_password(c)}
    )
    secure(response)  # the CSP and no-store of every page (the token is in this page)
    return response


@router.post("/setup", response_class=HTMLResponse)
def setup_submit(
    request: Request,
    c: ContainerDep,
    token: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    display_name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """A field left empty is the service's error on the form, as any other (not JSON)."""
    try:
        account = complete_setup(c.staff, c.uow(), token, email, display_name, password)
    except DomainError as exc:
        response = templates.TemplateResponse(
            request,
            "setup.html",
            {
                "token": token,
                "min_password": _min_password(c),
                "error": exc.message,
                "field": exc.field,
                "email": email,
                "display_name": display_name,
            },
            status_code=422 if exc.field else 401,
        )
    else:
        response = templates.TemplateResponse(
            request, "setup_done.html", {"roles": sorted(account.roles)}, status_code=201
        )
    secure(response)
    return response
