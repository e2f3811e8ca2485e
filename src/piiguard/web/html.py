"""What every server-rendered page shares (the staff console, web/console/; the privacy
centre, web/privacy/; the first account's /setup): the one Jinja2 environment over
web/templates/, the reader's language (`?lang=`, remembered in a cookie, else the browser's
Accept-Language, else Chinese), the headers every page carries, the 303 after a form, and
`render`, a page in the reader's language with its words.

Each part's own words stay with it (web/console/texts.py, web/privacy/texts.py); `render`
takes the part's `words(lang)`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from piiguard.domain.rights.rules import NO_ENDPOINT
from piiguard.web.session import COOKIE_PARAMS

TEMPLATES = Path(__file__).parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["NO_ENDPOINT"] = NO_ENDPOINT  # a task's waiting, said in the page's words

LANGS = ("zh-CN", "en")
LANG_COOKIE = "piiguard-lang"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def language(request: Request) -> str:
    """The reader's language: `?lang=` or its cookie, else Accept-Language, else zh-CN."""
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if asked in LANGS:
        return asked
    best, best_q = "zh-CN", -1.0
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        tag = tag.lower()
        lang = "en" if tag.startswith("en") else "zh-CN" if tag.startswith("zh") else None
        if lang and weight > best_q:
            best, best_q = lang, weight
    return best


def secure(response: Response, referrer: str = "no-referrer") -> None:
    """The headers of every page and redirect: a strict CSP, never cached (no personal page
    in the back button), no MIME sniffing, no referrer (the console's pages: to this host
    only, so a refused form can be shown again on its page — web/console/replay.py)."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = referrer


def see(url: str) -> RedirectResponse:
    """303 See Other to `url`: the answer to a form that was taken."""
    response = RedirectResponse(url, status_code=303)
    secure(response)
    return response


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    *,
    words: Callable[[str], dict[str, str]],
) -> HTMLResponse:
    """The template `name` in the reader's language: `lang`, `t` (the part's words, unless
    the context brings its own), `other` (the language to switch to) and the context; the
    page headers; the language cookie when `?lang=` chose it."""
    lang = language(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "t": words(lang), "other": "en" if lang == "zh-CN" else "zh-CN", **context},
        status_code=status,
    )
    console = request.url.path == "/console" or request.url.path.startswith("/console/")
    secure(response, "same-origin" if console else "no-referrer")
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, **COOKIE_PARAMS)
    return response
