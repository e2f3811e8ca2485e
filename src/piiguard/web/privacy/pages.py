"""The web privacy centre (R9.1, R4.3, R4.1, R4.2): where a person reads their rights, makes
a request, confirms it with the one-time code, follows it, reads and downloads their copy,
and manages their consents. Server-rendered in Simplified Chinese and English (the console's
language choice and page headers: web/console/pages.py), no script needed; every page is public
(web/authz.py), so each route guards itself:

- every form carries a CSRF token bound to a short-lived `__Host-piiguard-privacy` cookie
  (as the console's sign-in form does); a form that fails it is shown again with what was
  typed, and nothing is done;
- before the code, no page or mail differs with whether we hold data on the contact;
- after a confirmed code the browser holds a signed pass (`__Host-piiguard-privacy-pass`,
  HttpOnly, Secure, SameSite=Strict, 30 minutes; services/rights/self_service.py says how it is
  signed) that lets it manage the consents of that request's subject;
- a package's page is the package's own HTML (no script, its style blocks allowed by hash
  only, never framed); its download uses the single-use link up.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import re
import secrets
import zipfile
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.access import RIGHTS_PURPOSE, PolicyState
from piiguard.domain.errors import (
    Conflict,
    DomainError,
    InvalidInput,
    MailError,
    NotFound,
    TooManyAttempts,
)
from piiguard.domain.rights.ports import StoredPackage
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus
from piiguard.services.rights.intake import MAX_TEXT, RequestInput, open_request, resend_code
from piiguard.services.rights.packages import download_package
from piiguard.services.rights.self_service import (
    PASS_MINUTES,
    RequesterView,
    confirm_request,
    consents_of_requester,
    grant_requester_consent,
    issue_pass,
    read_pass,
    view_own_request,
    withdraw_requester_consent,
)
from piiguard.web.console.pages import _secure, templates
from piiguard.web.console.texts import LANG_COOKIE, language
from piiguard.web.deps import ContainerDep
from piiguard.web.inputs import ControlCharacter
from piiguard.web.privacy.texts import kind_words, phone_next, status_words, words
from piiguard.web.session import COOKIE_PARAMS

log = logging.getLogger("piiguard.web")

router = APIRouter(prefix="/privacy", include_in_schema=False)
FORM_COOKIE = "__Host-piiguard-privacy"
FORM_SECONDS = 2 * 3600  # time to fill the form in
PASS_COOKIE = "__Host-piiguard-privacy-pass"  # noqa: S105 (a cookie name)
ACTOR = "subject:web"
CHANGE_ROWS = 3
REQUEST_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LINK_TOKEN = re.compile(r"[0-9a-f]{64}")
# where each field's error points: the service's `field` -> the form control
ANCHORS = {"kind": "kind-access", "contact": "contact", "concerns": "concerns-first",
           "changes": "change-category-1", "purposes": "purposes-first", "text": "text"}
Text = Annotated[str, Form()]
Many = Annotated[list[str] | None, Form()]


# -- rendering ------------------------------------------------------------------------------------

def _lang(request: Request) -> str:
    return language(request)


def _render(request: Request, c: Container, name: str, context: dict[str, Any],
            status: int = 200, *, here: str | None = None, form: bool = False
            ) -> HTMLResponse:
    """A page in the visitor's language. `here`: the GET address the language switch
    reloads (a page shown in answer to a POST names its form's page). `form`: the page
    holds forms, so it gets a CSRF token and its cookie."""
    lang = _lang(request)
    nonce = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(32)
    response = templates.TemplateResponse(request, name, {
        "lang": lang, "t": words(lang), "other": "en" if lang == "zh-CN" else "zh-CN",
        "here": here or request.url.path, "company": c.requests.company,
        "csrf": c.staff.csrf_token(nonce) if form else "", "code": None, **context},
        status_code=status)
    _secure(response)
    response.headers["X-Frame-Options"] = "DENY"
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, **COOKIE_PARAMS)
    if form:
        response.set_cookie(FORM_COOKIE, nonce, max_age=FORM_SECONDS, **COOKIE_PARAMS)
    return response


def _see(url: str) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    _secure(response)
    return response


def _message(request: Request, c: Container, title: str, text: str, status: int, *,
             code: str | None = None, here: str = "/privacy") -> HTMLResponse:
    return _render(request, c, "privacy/message.html", {"title": title, "message": text,
                                                         "code": code}, status, here=here)


def page_error(request: Request, exc: DomainError, status: int) -> HTMLResponse:
    """A refusal before any route ran (web/inputs.py, a form the schema refused), as a page."""
    c: Container = request.app.state.container
    t = words(_lang(request))
    text = t["err_control" if isinstance(exc, ControlCharacter) else "err_form"]
    return _message(request, c, t["error_title"], text.format(field=exc.field or "?"),
                    status, code=exc.code)


def _csrf_ok(request: Request, c: Container, presented: str) -> bool:
    nonce = request.cookies.get(FORM_COOKIE)
    return bool(nonce) and c.staff.check_csrf(nonce or "", presented)


def _not_found(request: Request, c: Container) -> HTMLResponse:
    t = words(_lang(request))
    return _message(request, c, t["not_found_title"], t["not_found"], 404, code="not-found")


# -- the rights and the request form --------------------------------------------------------------

def _choices(state: PolicyState, lang: str) -> dict[str, Any]:
    """What the form offers: the taxonomy's top-level groups, every correctable category
    grouped under them, and the purposes a person may object to or restrict."""
    zh = lang == "zh-CN"
    tax = state.taxonomy
    groups = [g for g in tax.children("user") if not g.credential]
    correctable = [(g.name_zh if zh else g.name,
                    [(c.key, c.name_zh if zh else c.name) for c in tax
                     if tax.is_within(c.key, g.key) and not c.credential])
                   for g in groups]
    purposes = [(r.key, r.zh if zh else r.en) for r in state.register.rules.values()
                if r.active and r.key != RIGHTS_PURPOSE]
    return {"groups": [(g.key, g.name_zh if zh else g.name) for g in groups],
            "correctable": correctable, "purposes": sorted(purposes)}


def _form(request: Request, c: Container, values: dict[str, Any] | None = None,
          errors: dict[str, str] | None = None, *, general: str | None = None,
          status: int = 200) -> HTMLResponse:
    lang = _lang(request)
    state = c.requests.policy.read(c.uow(readonly=True))
    values = values or {}
    changes = list(values.get("changes", []))
    changes += [("", "")] * (CHANGE_ROWS - len(changes))
    errors = errors or {}
    summary = ([("", general)] if general else []) + [
        (ANCHORS.get(f, "kind-access"), m) for f, m in errors.items()]
    return _render(request, c, "privacy/index.html", {
        **_choices(state, lang), "kinds": kind_words(lang), "errors": errors,
        "summary": summary, "due_days": c.requests.terms.due_days,
        "pass_minutes": PASS_MINUTES, "max_text": MAX_TEXT,
        "values": {"kind": values.get("kind", ""), "contact": values.get("contact", ""),
                   "text": values.get("text", ""),
                   "concerns": set(values.get("concerns", [])),
                   "purposes": set(values.get("purposes", [])), "changes": changes}},
        status, here="/privacy", form=True)


@router.get("", response_class=HTMLResponse)
def privacy_page(request: Request, c: ContainerDep) -> HTMLResponse:
    """The person's rights (policy §4) and the request form."""
    return _form(request, c)


def _rows(categories: list[str], values: list[str]) -> list[tuple[str, str]]:
    return [(cat.strip(), val.strip()) for cat, val in zip(categories, values, strict=False)]


@router.post("/requests", response_class=HTMLResponse)
def submit_request(request: Request, c: ContainerDep, csrf_token: Text = "", kind: Text = "",
                   contact: Text = "", text: Text = "", concerns: Many = None,
                   purposes: Many = None, change_category: Many = None,
                   change_value: Many = None) -> Response:
    """Record the request (channel web) and send the code; then its status page."""
    t = words(_lang(request))
    rows = _rows(change_category or [], change_value or [])[:CHANGE_ROWS]
    values: dict[str, Any] = {"kind": kind, "contact": contact, "text": text,
                              "concerns": concerns or [], "purposes": purposes or [],
                              "changes": rows}
    if not _csrf_ok(request, c, csrf_token):
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
        RequestKind(kind), RequestChannel.WEB, contact,
        language="zh" if _lang(request) == "zh-CN" else "en", text=text,
        concerns=tuple(dict.fromkeys(concerns or [])),
        purposes=tuple(dict.fromkeys(purposes or [])) if restricting else (),
        changes={cat: val for cat, val in rows if cat and val} if is_correction else None)
    try:
        opened = open_request(c.uow(), c.requests, ACTOR, inp)
    except InvalidInput as exc:
        field = exc.field if exc.field in ANCHORS else "text"
        return _form(request, c, values, {field: t[f"err_{field}"]}, status=422)
    except MailError as exc:
        log.warning("privacy centre: the code mail failed: %s", type(exc).__name__)
        return _form(request, c, values, general=t["err_mail"], status=503)
    return _see(f"/privacy/requests/{opened.request.id}")


# -- a request's status, the code -----------------------------------------------------------------

def _status(request: Request, c: Container, view: RequesterView, *, error: str | None = None,
            notice: str | None = None, status: int = 200) -> HTMLResponse:
    lang = _lang(request)
    req = view.request
    name, next_step = status_words(lang, req.status)
    waiting = req.status is RequestStatus.AWAITING_VERIFICATION
    if waiting and not view.code_sent:
        next_step = phone_next(lang)
    has_pass = read_pass(c.requests, request.cookies.get(PASS_COOKIE)) == req.id
    return _render(request, c, "privacy/status.html", {
        "req": req, "kind_name": kind_words(lang)[req.kind.value], "status_name": name,
        "next_step": next_step, "show_code": waiting and view.code_sent, "error": error,
        "summary": [("code", error)] if error else [], "notice": notice,
        "has_pass": has_pass, "minutes": c.requests.terms.code_minutes},
        status, here=f"/privacy/requests/{req.id}", form=waiting and view.code_sent)


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
        return _not_found(request, c)
    t = words(_lang(request))
    shown = request.query_params.get("shown")
    notice = {"code": t["code_resent"], "verified": t["verified"]}.get(shown or "")
    return _status(request, c, view, notice=notice)


@router.post("/requests/{request_id}/code", response_class=HTMLResponse)
def new_code(request: Request, c: ContainerDep, request_id: str, csrf_token: Text = ""
             ) -> Response:
    """Send a new code (at most 3 an hour per request)."""
    view = _view(c, request_id)
    if view is None:
        return _not_found(request, c)
    t = words(_lang(request))
    if not _csrf_ok(request, c, csrf_token):
        return _status(request, c, view, error=t["err_csrf"], status=403)
    try:
        resend_code(c.uow(), c.requests, request_id)
    except TooManyAttempts:
        return _status(request, c, view, error=t["err_too_many"], status=429)
    except Conflict:  # verified meanwhile, or a phone request: the page says what is next
        return _see(f"/privacy/requests/{request_id}")
    except MailError as exc:
        log.warning("privacy centre: the code mail failed: %s", type(exc).__name__)
        return _status(request, c, view, error=t["err_mail"], status=503)
    return _see(f"/privacy/requests/{request_id}?shown=code")


@router.post("/requests/{request_id}/verify", response_class=HTMLResponse)
def verify(request: Request, c: ContainerDep, request_id: str, csrf_token: Text = "",
           code: Text = "") -> Response:
    """Check the code; the request is carried out at once, and this browser may manage the
    subject's consents for a while (the pass cookie)."""
    view = _view(c, request_id)
    if view is None:
        return _not_found(request, c)
    t = words(_lang(request))
    if not _csrf_ok(request, c, csrf_token):
        return _status(request, c, view, error=t["err_csrf"], status=403)
    if not code.strip():
        return _status(request, c, view, error=t["err_code_empty"], status=422)
    got = confirm_request(c.uow(), c.requests, request_id, code[:64])
    if got.already_verified:  # no pass: the code was not shown here
        return _see(f"/privacy/requests/{request_id}")
    if not got.ok:
        message = (t["err_code_dead"] if got.expired
                   else t["err_code_wrong"].format(n=got.attempts_left))
        return _status(request, c, RequesterView(got.request, True), error=message,
                       status=422)
    response = _see(f"/privacy/requests/{request_id}?shown=verified")
    response.set_cookie(PASS_COOKIE, issue_pass(c.requests, request_id),
                        max_age=PASS_MINUTES * 60, **COOKIE_PARAMS)
    return response


# -- the package ----------------------------------------------------------------------------------

BAR_CSS = (".pg-bar{background:#fff8e1;border-bottom:2px solid #8a5a00;padding:1rem 1.5rem;"
           "color:#1a1a1a}.pg-bar p{margin:0 0 .5rem}.pg-button{display:inline-block;"
           "padding:.6rem 1.2rem;background:#0b57d0;color:#fff;border-radius:4px;"
           "text-decoration:none;font-weight:600}.pg-button:focus{outline:3px solid #1a1a1a;"
           "outline-offset:2px}")
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_BODY = re.compile(r"<body[^>]*>")


def _package_csp(html: str) -> str:
    """No script, nothing fetched, never framed; the page's own style blocks by hash."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _STYLE.findall(html))
    return (f"default-src 'none'; style-src {hashes}; img-src 'none'; form-action 'none'; "
            "frame-ancestors 'none'; base-uri 'none'")


def _package_headers(response: Response) -> None:
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the link is the secret
    response.headers["X-Robots-Tag"] = "noindex"


def _gone(request: Request, c: Container, status: int) -> HTMLResponse:
    t = words(_lang(request))
    response = _message(request, c, t["gone_title"], t["gone"], status, code="link-gone")
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _access_page(request: Request, token: str, body: bytes) -> Response:
    lang = _lang(request)
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        html = zf.read("access.html").decode("utf-8")
    bar = templates.env.get_template("privacy/package_bar.html").render(
        t=words(lang), lang=lang, href=f"/privacy/packages/{token}/download")
    html = html.replace("</head>", f"<style>{BAR_CSS}</style></head>", 1)
    html = _BODY.sub(lambda m: m.group(0) + bar, html, count=1)
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = _package_csp(html)
    _package_headers(response)
    return response


def _package(request: Request, c: Container, token: str, *, consume: bool
             ) -> tuple[StoredPackage, bytes] | Response:
    """The package behind a link, or the page saying the link is unknown (404) or used up
    or expired (410)."""
    if not LINK_TOKEN.fullmatch(token):
        return _gone(request, c, 404)
    try:
        return download_package(c.uow(), c.requests, token, consume=consume)
    except NotFound:
        return _gone(request, c, 404)
    except Conflict:
        return _gone(request, c, 410)


@router.get("/packages/{token}", response_class=HTMLResponse)
def package_page(request: Request, c: ContainerDep, token: str) -> Response:
    """The readable copy (access) or a page to download the export (portability); the
    link is not used up until the download."""
    found = _package(request, c, token, consume=False)
    if isinstance(found, Response):
        return found
    stored, body = found
    if stored.kind == "access":
        return _access_page(request, token, body)
    response = _render(request, c, "privacy/package.html", {
        "href": f"/privacy/packages/{token}/download"})
    _package_headers(response)
    return response


@router.get("/packages/{token}/download")
def package_download(request: Request, c: ContainerDep, token: str) -> Response:
    """The zip (access) or the JSON (portability), once."""
    found = _package(request, c, token, consume=True)
    if isinstance(found, Response):
        return found
    stored, body = found
    zipped = stored.kind == "access"
    name = f"personal-information-{stored.request_id[:8]}.{'zip' if zipped else 'json'}"
    response = Response(body, media_type="application/zip" if zipped else "application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    _package_headers(response)
    return response


# -- consents -------------------------------------------------------------------------------------

def _passed(request: Request, c: Container) -> str | None:
    return read_pass(c.requests, request.cookies.get(PASS_COOKIE))


def _consent_text(lang: str, company: str, wording: str) -> str:
    return words(lang)["consent_text"].format(company=company, purpose=wording)


@router.get("/consents", response_class=HTMLResponse)
def consents_page(request: Request, c: ContainerDep) -> HTMLResponse:
    """The purposes that need consent, with the verified requester's state for each."""
    lang = _lang(request)
    request_id = _passed(request, c)
    rows = None
    if request_id is not None:
        try:
            rows = consents_of_requester(c.uow(), c.requests, request_id)
        except (NotFound, Conflict):
            rows = None
    t = words(lang)
    done = request.query_params.get("done")
    return _render(request, c, "privacy/consents.html", {
        "rows": [(p.purpose.key, p.purpose.zh if lang == "zh-CN" else p.purpose.en,
                  p.consent, _consent_text(lang, c.requests.company,
                                           p.purpose.zh if lang == "zh-CN" else p.purpose.en))
                 for p in rows or []],
        "passed": rows is not None, "pass_minutes": PASS_MINUTES,
        "notice": {"granted": t["granted"], "withdrawn": t["withdrawn"]}.get(done or "")},
        form=rows is not None)


def _refused(request: Request, c: Container) -> HTMLResponse:
    t = words(_lang(request))
    return _message(request, c, t["error_title"], t["err_purposes"], 422, code="invalid-input",
                    here="/privacy/consents")


@router.post("/consents", response_class=HTMLResponse)
def change_consent(request: Request, c: ContainerDep, csrf_token: Text = "",
                   purpose: Text = "", action: Text = "") -> Response:
    """Give (with the wording shown) or withdraw consent to one purpose."""
    lang = _lang(request)
    t = words(lang)
    if not _csrf_ok(request, c, csrf_token):
        return _message(request, c, t["error_title"], t["err_csrf"], 403,
                        code="csrf-refused", here="/privacy/consents")
    request_id = _passed(request, c)
    if request_id is None:
        return _see("/privacy/consents")  # the page says how to get a pass
    state = c.requests.policy.read(c.uow(readonly=True))
    rule = state.register.active(purpose)
    if rule is None or action not in ("grant", "withdraw"):
        return _refused(request, c)
    try:
        if action == "grant":
            wording = rule.zh if lang == "zh-CN" else rule.en
            grant_requester_consent(c.uow(), c.requests, request_id, purpose,
                                    _consent_text(lang, c.requests.company, wording))
        else:
            withdraw_requester_consent(c.uow(), c.requests, request_id, purpose)
    except (InvalidInput, NotFound, Conflict):
        return _refused(request, c)
    return _see(f"/privacy/consents?done={'granted' if action == 'grant' else 'withdrawn'}")
