"""The privacy centre's package pages (R4.1, R4.2): behind the single-use link a request's
answer mails, the readable copy (access: the package's own HTML with a download bar) or a
page to download the export (portability), and the download itself, which uses the link
up. A package's page allows no script, its style blocks by hash only, is never framed and
sends no referrer (the link is the secret); an unknown link is 404, a used or expired one
410. The page frame is web/privacy/pages.py's."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.rights.ports import StoredPackage
from piiguard.services.rights.packages import download_package
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, templates
from piiguard.web.privacy.pages import message, page
from piiguard.web.privacy.texts import words

router = APIRouter(prefix="/privacy", include_in_schema=False)
LINK_TOKEN = re.compile(r"[0-9a-f]{64}")
BAR_CSS = (
    ".pg-bar{background:#fff8e1;border-bottom:2px solid #8a5a00;padding:1rem 1.5rem;"
    "color:#1a1a1a}.pg-bar p{margin:0 0 .5rem}.pg-button{display:inline-block;"
    "padding:.6rem 1.2rem;background:#0b57d0;color:#fff;border-radius:4px;"
    "text-decoration:none;font-weight:600}.pg-button:focus{outline:3px solid #1a1a1a;"
    "outline-offset:2px}"
)
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_BODY = re.compile(r"<body[^>]*>")


def _package_csp(html: str) -> str:
    """No script, nothing fetched, never framed; the page's own style blocks by hash."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _STYLE.findall(html)
    )
    return (
        f"default-src 'none'; style-src {hashes}; img-src 'none'; form-action 'none'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )


def _package_headers(response: Response) -> None:
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the link is the secret
    response.headers["X-Robots-Tag"] = "noindex"


def _gone(request: Request, c: Container, status: int) -> HTMLResponse:
    t = words(language(request))
    response = message(request, c, t["gone_title"], t["gone"], status, code="link-gone")
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _access_page(request: Request, token: str, body: bytes) -> Response:
    lang = language(request)
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        html = zf.read("access.html").decode("utf-8")
    bar = templates.env.get_template("privacy/package_bar.html").render(
        t=words(lang), lang=lang, href=f"/privacy/packages/{token}/download"
    )
    html = html.replace("</head>", f"<style>{BAR_CSS}</style></head>", 1)
    html = _BODY.sub(lambda m: m.group(0) + bar, html, count=1)
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = _package_csp(html)
    _package_headers(response)
    return response


def _package(
    request: Request, c: Container, token: str, *, consume: bool
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
    response = page(
        request, c, "privacy/package.html", {"href": f"/privacy/packages/{token}/download"}
    )
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
    response = Response(
        body,
        media_type="application/zip" if zipped else "application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
    _package_headers(response)
    return response
