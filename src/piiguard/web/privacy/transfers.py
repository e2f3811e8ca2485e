"""The privacy centre's page of the person's data sent abroad (R7.1): for a browser holding
the pass of a verified request (web/privacy/requests.py), each recipient abroad the
disclosure log says received their data — its legal name and country, the purposes, the
categories, when first and last — and how to exercise their rights; and the notices we sent
them before a first transfer abroad (or that still wait). The page frame is
web/privacy/pages.py's."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.sharing.disclosure import RecipientOfSubject
from piiguard.domain.sharing.notice import AbroadNotice
from piiguard.domain.sharing.register import Recipient
from piiguard.services.rights.self_service import (
    PASS_MINUTES,
    abroad_notices_of_requester,
    read_pass,
    transfers_of_requester,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.privacy.pages import PASS_COOKIE, page

router = APIRouter(prefix="/privacy", include_in_schema=False)


@router.get("/transfers", response_class=HTMLResponse)
def transfers_page(request: Request, c: ContainerDep) -> HTMLResponse:
    request_id = read_pass(c.requests, request.cookies.get(PASS_COOKIE))
    rows: list[RecipientOfSubject] | None = None
    notices: list[tuple[AbroadNotice, Recipient]] = []
    if request_id is not None:
        try:
            rows = transfers_of_requester(c.uow(), c.requests, request_id)
            notices = abroad_notices_of_requester(c.uow(), c.requests, request_id)
        except (NotFound, Conflict):
            rows = None
    return page(
        request,
        c,
        "privacy/transfers.html",
        {
            "rows": rows or [],
            "notices": notices,
            "passed": rows is not None,
            "pass_minutes": PASS_MINUTES,
        },
    )
