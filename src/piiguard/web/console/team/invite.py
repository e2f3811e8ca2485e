"""Where an invitation link leads (R2.9): /console/invite?token=… — the invited colleague
gives their name and a password, and is signed in (the account's email is verified: the
link reached it); a role that needs TOTP enrols it next (the console's /console/enrol). The
same service as POST /api/v1/staff/invitations/accept. Public: the single-use token is the
credential; an unknown, used or expired one is refused on the form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.domain.errors import DomainError
from piiguard.services.staff import accounts as uc
from piiguard.web.client_address import request_address
from piiguard.web.console.kit import FieldError, error_status, form_errors, merged
from piiguard.web.console.team.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import render, see
from piiguard.web.session import set_session_cookie

router = APIRouter(prefix="/console/invite", include_in_schema=False)
Field = Annotated[str, Form(max_length=1024)]
FIELDS = ("display_name", "password")


def _form(
    request: Request,
    token: str,
    *,
    errors: list[FieldError] | None = None,
    name: str = "",
    status: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "console/team/accept.html",
        {"token": token, "errors": errors or [], "values": {"display_name": name}},
        status,
        words=merged(words),
    )


@router.get("", response_class=HTMLResponse)
def accept_form(request: Request, token: Annotated[str, Query(max_length=256)] = "") -> Response:
    return _form(request, token)


@router.post("", response_class=HTMLResponse)
def accept(
    request: Request,
    c: ContainerDep,
    token: Field = "",
    display_name: Field = "",
    password: Field = "",
) -> Response:
    try:
        signed = uc.accept_invitation(
            c.staff, c.uow(), token, display_name, password, address=request_address(request)
        )
    except DomainError as exc:
        errors = form_errors(exc, request, fields=FIELDS, aliases={"token": ""})
        if exc.code == "not-authenticated":  # the link, not the password: say so at the top
            errors = [FieldError("", e.message) for e in errors]
        return _form(request, token, errors=errors, name=display_name, status=error_status(exc))
    response = see("/console")  # a role needing TOTP: the console sends it to enrol first
    set_session_cookie(response, signed.token)
    return response
