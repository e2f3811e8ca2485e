"""The shares made (/console/sharing/shares) and the disclosure log with the corrections
and deletions passed on to recipients, confirmed on the page (/console/sharing/log)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.sharing.disclosure import PassOnStatus
from piiguard.services.sharing import delivery
from piiguard.services.sharing import share as sh
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError
from piiguard.web.console.sharing.common import (
    HERE,
    ID,
    KEY,
    Check,
    Param,
    Text,
    attempt,
    page,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(include_in_schema=False)


@router.get("/shares", response_class=HTMLResponse)
def shares(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    found = sh.list_shares(c.uow(readonly=True), limit=500)
    return page(request, c, actor, "shares.html", {"rows": found})


def _log(
    request: Request,
    c: Container,
    actor: Actor,
    subject: str,
    recipient: str,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    check = Check(request)
    sid = check.ident("subject", subject)
    rcp = check.ident("recipient", recipient, KEY)
    errors = [*(errors or []), *check.errors]
    rows = (
        []
        if check.errors
        else sh.disclosure_log(c.uow(), actor, subject_id=sid, recipient=rcp, limit=500)
    )
    notices = delivery.list_pass_ons(c.uow(readonly=True), [PassOnStatus.OPEN, PassOnStatus.SENT])
    return page(
        request,
        c,
        actor,
        "log.html",
        {
            "rows": [(d, sorted(d.categories.items())) for d in rows],
            "notices": notices,
            "subject": subject,
            "recipient": recipient,
        },
        errors=errors,
        status=422 if check.errors else code,
    )


@router.get("/log", response_class=HTMLResponse)
def log(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject: Param = "",
    recipient: Param = "",
) -> HTMLResponse:
    return _log(request, c, actor, subject, recipient)


@router.post("/notices/{pass_on_id}/confirm", response_class=HTMLResponse)
def confirm(
    pass_on_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    reference: Text = "",
) -> Response:
    if not ID.fullmatch(pass_on_id):
        raise NotFound("no such notice", field="pass_on_id")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _log(request, c, actor, "", "", errors, code)

    return attempt(
        request,
        ("reference",),
        again,
        lambda: delivery.confirm_pass_on(c.uow(), c.requests, actor, pass_on_id, reference),
        f"{HERE}/log",
        "confirmed",
    )
