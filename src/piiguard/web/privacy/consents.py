"""The privacy centre's consents page (R4.2, R6.1): the purposes that need consent and, for
a browser holding the pass of a verified request (web/privacy/requests.py), that subject's
state for each, to give (with the wording shown, kept as evidence) or withdraw. The page
frame is web/privacy/pages.py's."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.services.rights.self_service import (
    PASS_MINUTES,
    consents_of_requester,
    grant_requester_consent,
    read_pass,
    withdraw_requester_consent,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, see
from piiguard.web.privacy.pages import PASS_COOKIE, Text, csrf_ok, message, page
from piiguard.web.privacy.texts import words

router = APIRouter(prefix="/privacy", include_in_schema=False)


def _passed(request: Request, c: Container) -> str | None:
    return read_pass(c.requests, request.cookies.get(PASS_COOKIE))


def _consent_text(lang: str, company: str, wording: str) -> str:
    return words(lang)["consent_text"].format(company=company, purpose=wording)


@router.get("/consents", response_class=HTMLResponse)
def consents_page(request: Request, c: ContainerDep) -> HTMLResponse:
    """The purposes that need consent, with the verified requester's state for each."""
    lang = language(request)
    request_id = _passed(request, c)
    rows = None
    if request_id is not None:
        try:
            rows = consents_of_requester(c.uow(), c.requests, request_id)
        except (NotFound, Conflict):
            rows = None
    t = words(lang)
    done = request.query_params.get("done")
    return page(
        request,
        c,
        "privacy/consents.html",
        {
            "rows": [
                (
                    p.purpose.key,
                    p.purpose.zh if lang == "zh-CN" else p.purpose.en,
                    p.consent,
                    _consent_text(
                        lang, c.requests.company, p.purpose.zh if lang == "zh-CN" else p.purpose.en
                    ),
                )
                for p in rows or []
            ],
            "passed": rows is not None,
            "pass_minutes": PASS_MINUTES,
            "notice": {"granted": t["granted"], "withdrawn": t["withdrawn"]}.get(done or ""),
        },
        form=rows is not None,
    )


def _refused(request: Request, c: Container) -> HTMLResponse:
    t = words(language(request))
    return message(
        request,
        c,
        t["error_title"],
        t["err_purposes"],
        422,
        code="invalid-input",
        here="/privacy/consents",
    )


@router.post("/consents", response_class=HTMLResponse)
def change_consent(
    request: Request, c: ContainerDep, csrf_token: Text = "", purpose: Text = "", action: Text = ""
) -> Response:
    """Give (with the wording shown) or withdraw consent to one purpose."""
    lang = language(request)
    t = words(lang)
    if not csrf_ok(request, c, csrf_token):
        return message(
            request,
            c,
            t["error_title"],
            t["err_csrf"],
            403,
            code="csrf-refused",
            here="/privacy/consents",
        )
    request_id = _passed(request, c)
    if request_id is None:
        return see("/privacy/consents")  # the page says how to get a pass
    state = c.requests.policy.read(c.uow(readonly=True))
    rule = state.register.active(purpose)
    if rule is None or action not in ("grant", "withdraw"):
        return _refused(request, c)
    try:
        if action == "grant":
            wording = rule.zh if lang == "zh-CN" else rule.en
            grant_requester_consent(
                c.uow(),
                c.requests,
                request_id,
                purpose,
                _consent_text(lang, c.requests.company, wording),
            )
        else:
            withdraw_requester_consent(c.uow(), c.requests, request_id, purpose)
    except (InvalidInput, NotFound, Conflict):
        return _refused(request, c)
    return see(f"/privacy/consents?done={'granted' if action == 'grant' else 'withdrawn'}")
