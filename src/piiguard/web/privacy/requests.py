"""The privacy centre's request pages (R9.1, R4.3): the person's rights (policy §4) and the
request form, the request's status page, a new one-time code, and the code's check — after
which the request is carried out at once and this browser holds the pass that lets it manage
the subject's consents (web/privacy/consents.py). The page frame is web/privacy/pages.py's."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.access import RIGHTS_PURPOSE, PolicyState
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound, TooManyAttempts
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus
from piiguard.services.rights.intake import MAX_TEXT, RequestInput, open_request, resend_code
from piiguard.services.rights.self_service import (
    PASS_MINUTES,
    RequesterView,
    confirm_request,
    issue_pass,
    read_pass,
    view_own_request,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, see
from piiguard.web.privacy.pages import PASS_COOKIE, Many, Text, csrf_ok, not_found, page
from piiguard.web.privacy.texts import kind_words, phone_next, status_words, words
from piiguard.web.session import COOKIE_PARAMS

log = logging.getLogger("piiguard.web")

router = APIRouter(prefix="/privacy", include_in_schema=False)
ACTOR = "subject:web"
CHANGE_ROWS = 3
REQUEST_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# where each field's error points: the service's `field` -> the form control
ANCHORS = {
    "kind": "kind-access",
    "contact": "contact",
    "concerns": "concerns-first",
    "changes": "change-category-1",
    "purposes": "purposes-first",
    "text": "text",
}


# -- the rights and the request form --------------------------------------------------------------


def _choices(state: PolicyState, lang: str) -> dict[str, Any]:
    """What the form offers: the taxonomy's top-level groups, every correctable category
    grouped under them, and the purposes a person may object to or restrict."""
    zh = lang == "zh-CN"
    tax = state.taxonomy
    groups = [g for g in tax.children("user") if not g.credential]
    correctable = [
        (
            g.name_zh if zh else g.name,
            [
                (c.key, c.name_zh if zh else c.name)
                for c in tax
                if tax.is_within(c.key, g.key) and not c.credential
            ],
        )
        for g in groups
    ]
    purposes = [
        (r.key, r.zh if zh else r.en)
        for r in state.register.rules.values()
        if r.active and r.key != RIGHTS_PURPOSE
    ]
    return {
        "groups": [(g.key, g.name_zh if zh else g.name) for g in groups],
        "correctable": correctable,
        "purposes": sorted(purposes),
    }


def _form(
    request: Request,
    c: Container,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    general: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    state = c.requests.policy.read(c.uow(readonly=True))
    values = values or {}
    changes = list(values.get("changes", []))
    changes += [("", "")] * (CHANGE_ROWS - len(changes))
    errors = errors or {}
    summary = ([("", general)] if general else []) + [
        (ANCHORS.get(f, "kind-access"), m) for f, m in errors.items()
    ]
    return page(
        request,
        c,
        "privacy/index.html",
        {
            **_choices(state, lang),
            "kinds": kind_words(lang),
            "errors": errors,
            "summary": summary,
            "due_days": c.requests.terms.due_days,
            "pass_minutes": PASS_MINUTES,
            "max_text": MAX_TEXT,
            "values": {
                "kind": values.get("kind", ""),
                "contact": values.get("contact", ""),
                "text": values.get("text", ""),
                "concerns": set(values.get("concerns", [])),
                "purposes": set(values.get("purposes", [])),
                "changes": changes,
            },
        },
        status,
        here="/privacy",
        form=True,
    )


@router.get("", response_class=HTMLResponse)
def privacy_page(request: Request, c: ContainerDep) -> HTMLResponse:
    """The person's rights (policy §4) and the request form."""
    return _form(request, c)


def _rows(categories: list[str], values: list[str]) -> list[tuple[str, str]]:
    return [(cat.strip(), val.strip()) for cat, val in zip(categories, values, strict=False)]


@router.post("/requests", response_class=HTMLResponse)
def submit_request(
    request: Request,
    c: ContainerDep,
    csrf_token: Text = "",
    kind: Text = "",
    contact: Text = "",
    text: Text = "",
    concerns: Many = None,
    purposes: Many = None,
    change_category: Many = None,
    change_value: Many = None,
) -> Response:
    """Record the request (channel web) and send the code; then its status page."""
    t = words(language(request))
    rows = _rows(change_category or [], change_value or [])[:CHANGE_ROWS]
    values: dict[str, Any] = {
        "kind": kind,
        "contact": contact,
        "text": text,
        "concerns": concerns or [],
        "purposes": purposes or [],
        "changes": rows,
    }
    if not csrf_ok(request, c, csrf_token):
        return _form(request, c, values, general=t["err_csrf"], status=403)
    errors: dict[str, str] = {}
    if kind not in {k.value for k in RequestKind}:
        errors["kind"] = t["err_kind"]
    if not contact.strip():
        errors["contact"] = t["err_contact"]
    is_correction = kind == RequestKind.CORRECTION
    if is_correction and any(bool(cat) != bool(val) for cat, val in rows):
        errors["changes"] = t["err_change_pair"]
    if errors:
        return _form(request, c, values, errors, status=422)
    restricting = kind in (RequestKind.OBJECTION, RequestKind.RESTRICTION)
    inp = RequestInput(
        RequestKind(kind),
        RequestChannel.WEB,
        contact,
        language="zh" if language(request) == "zh-CN" else "en",
        text=text,
        concerns=tuple(dict.fromkeys(concerns or [])),
        purposes=tuple(dict.fromkeys(purposes or [])) if restricting else (),
        changes={cat: val for cat, val in rows if cat and val} if is_correction else None,
    )
    try:
        opened = open_request(c.uow(), c.requests, ACTOR, inp)
    except InvalidInput as exc:
        field = exc.field if exc.field in ANCHORS else "text"
        return _form(request, c, values, {field: t[f"err_{field}"]}, status=422)
    except MailError as exc:
        log.warning("privacy centre: the code mail failed: %s", type(exc).__name__)
        return _form(request, c, values, general=t["err_mail"], status=503)
    return see(f"/privacy/requests/{opened.request.id}")


# -- a request's status, the code -----------------------------------------------------------------


def _status(
    request: Request,
    c: Container,
    view: RequesterView,
    *,
    error: str | None = None,
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    req = view.request
    name, next_step = status_words(lang, req.status)
    waiting = req.status is RequestStatus.AWAITING_VERIFICATION
    if waiting and not view.code_sent:
        next_step = phone_next(lang)
    has_pass = read_pass(c.requests, request.cookies.get(PASS_COOKIE)) == req.id
    return page(
        request,
        c,
        "privacy/status.html",
        {
            "req": req,
            "kind_name": kind_words(lang)[req.kind.value],
            "status_name": name,
            "next_step": next_step,
            "show_code": waiting and view.code_sent,
            "error": error,
            "summary": [("code", error)] if error else [],
            "notice": notice,
            "has_pass": has_pass,
            "minutes": c.requests.terms.code_minutes,
        },
        status,
        here=f"/privacy/requests/{req.id}",
        form=waiting and view.code_sent,
    )


def _view(c: Container, request_id: str) -> RequesterView | None:
    if not REQUEST_ID.fullmatch(request_id):
        return None
    try:
        return view_own_request(c.uow(readonly=True), request_id)
    except NotFound:
        return None


@router.get("/requests/{request_id}", response_class=HTMLResponse)
def request_page(request: Request, c: ContainerDep, request_id: str) -> HTMLResponse:
    view = _view(c, request_id)
    if view is None:
        return not_found(request, c)
    t = words(language(request))
    shown = request.query_params.get("shown")
    notice = {"code": t["code_resent"], "verified": t["verified"]}.get(shown or "")
    return _status(request, c, view, notice=notice)


@router.post("/requests/{request_id}/code", response_class=HTMLResponse)
def new_code(request: Request, c: ContainerDep, request_id: str, csrf_token: Text = "") -> Response:
    """Send a new code (at most 3 an hour per request)."""
    view = _view(c, request_id)
    if view is None:
        return not_found(request, c)
    t = words(language(request))
    if not csrf_ok(request, c, csrf_token):
        return _status(request, c, view, error=t["err_csrf"], status=403)
    try:
        resend_code(c.uow(), c.requests, request_id)
    except TooManyAttempts:
        return _status(request, c, view, error=t["err_too_many"], status=429)
    except Conflict:  # verified meanwhile, or a phone request: the page says what is next
        return see(f"/privacy/requests/{request_id}")
    except MailError as exc:
        log.warning("privacy centre: the code mail failed: %s", type(exc).__name__)
        return _status(request, c, view, error=t["err_mail"], status=503)
    return see(f"/privacy/requests/{request_id}?shown=code")


@router.post("/requests/{request_id}/verify", response_class=HTMLResponse)
def verify(
    request: Request, c: ContainerDep, request_id: str, csrf_token: Text = "", code: Text = ""
) -> Response:
    """Check the code; the request is carried out at once, and this browser may manage the
    subject's consents for a while (the pass cookie)."""
    view = _view(c, request_id)
    if view is None:
        return not_found(request, c)
    t = words(language(request))
    if not csrf_ok(request, c, csrf_token):
        return _status(request, c, view, error=t["err_csrf"], status=403)
    if not code.strip():
        return _status(request, c, view, error=t["err_code_empty"], status=422)
    got = confirm_request(c.uow(), c.requests, request_id, code[:64])
    if got.already_verified:  # no pass: the code was not shown here
        return see(f"/privacy/requests/{request_id}")
    if not got.ok:
        message = (
            t["err_code_dead"] if got.expired else t["err_code_wrong"].format(n=got.attempts_left)
        )
        return _status(request, c, RequesterView(got.request, True), error=message, status=422)
    response = see(f"/privacy/requests/{request_id}?shown=verified")
    response.set_cookie(
        PASS_COOKIE, issue_pass(c.requests, request_id), max_age=PASS_MINUTES * 60, **COOKIE_PARAMS
    )
    return response
