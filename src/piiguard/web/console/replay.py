"""A console form refused before its route could show it again — a control character in a
field (web/inputs.py, app-wide), a value its type refuses (a number that is not one, a
form's own cap), a required field missing, a service's refusal the route left uncaught —
comes back on its own page, not on the dead-end error page: the page the form was posted
from (its Referer, this console's own path, else the form's own address) is rendered again
for the same member of staff, the form filled with what was typed (never a password or a
file; control characters taken out, the XML of a page cannot hold them), the field marked
(aria-invalid, its error above it) and an error summary naming it in the page's language.

Nothing was written: the route never ran, or its transaction was not committed. When the
page cannot be found again, or the form is not on it, the caller shows the error page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from lxml import html as lhtml
from starlette.datastructures import UploadFile

from piiguard.web.console.messages import message_for
from piiguard.web.console.texts import words
from piiguard.web.html import language, secure
from piiguard.web.inputs import LINES

HERE = "/console"
# what the replayed GET keeps of the refused POST's scope: the connection, not the request
SCOPE_KEPT = ("type", "asgi", "http_version", "server", "client", "scheme", "root_path", "state")
HEADERS_DROPPED = {b"content-type", b"content-length", b"transfer-encoding"}
BOXES = ("checkbox", "radio")
NOT_REFILLED = {"password", "file", "submit", "button", "image", "reset"}


def form_page(request: Request) -> str | None:
    """Where the refused form was: its Referer when that is this host's console, else the
    address the form was posted to (most console forms post to their own page)."""
    ref = urlsplit(request.headers.get("referer", ""))
    if ref.path and ref.netloc in ("", request.url.netloc) and _console(ref.path):
        query = urlencode([(k, v) for k, v in parse_qsl(ref.query) if k != "done"])
        return ref.path + (f"?{query}" if query else "")  # not the last form's message
    return request.url.path if _console(request.url.path) else None


def _console(path: str) -> bool:
    return (path == HERE or path.startswith(HERE + "/")) and "//" not in path


async def _get(request: Request, page: str) -> str | None:
    """The page `page` as the same member of staff would GET it now (200 HTML), or None."""
    path, _, query = page.partition("?")
    scope: dict[str, Any] = {k: request.scope[k] for k in SCOPE_KEPT if k in request.scope}
    scope.update(
        method="GET",
        path=path,
        raw_path=path.encode(),
        query_string=query.encode(),
        headers=[(k, v) for k, v in request.scope["headers"] if k not in HEADERS_DROPPED],
    )
    status = 0
    content_type = b""
    body: list[bytes] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Mapping[str, Any]) -> None:
        nonlocal status, content_type
        if message["type"] == "http.response.start":
            status = int(message["status"])
            content_type = dict(message.get("headers", [])).get(b"content-type", b"")
        elif message["type"] == "http.response.body":
            body.append(bytes(message.get("body", b"")))

    await request.app(scope, receive, send)
    if status != 200 or not content_type.startswith(b"text/html"):
        return None
    return b"".join(body).decode("utf-8")


def _posted(form: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in form.multi_items():
        if isinstance(value, str) and not isinstance(value, UploadFile):
            out.setdefault(LINES.sub("", name), []).append(LINES.sub("", value))
    return out


def _the_form(doc: Any, action: str, page: str, posted: Mapping[str, list[str]]) -> Any:
    """The page's form posting to `action`; of several, the one whose hidden fields match
    what was posted (a row's form carries the row's id)."""
    best, score = None, -1
    for form in doc.xpath("//form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        if (urlsplit(form.get("action") or page).path or page.partition("?")[0]) != action:
            continue
        hidden = form.xpath(".//input[@type='hidden'][@name!='csrf_token']")
        hits = sum(1 for h in hidden if h.get("value", "") in posted.get(h.get("name"), []))
        if hits - (len(hidden) - hits) > score:
            best, score = form, hits - (len(hidden) - hits)
    return best


def _refill(form: Any, posted: Mapping[str, list[str]]) -> None:
    """Each control of `form` holds what was posted for it (in order, for repeated names)."""
    taken: dict[str, int] = {}
    for el in form.xpath(".//input|.//textarea|.//select"):
        name = el.get("name")
        if not name or name == "csrf_token":
            continue
        kind = (el.get("type") or "text").lower() if el.tag == "input" else el.tag
        values = posted.get(name, [])
        if kind in NOT_REFILLED or (kind in ("hidden", "select") and not values):
            continue
        if kind in BOXES:
            _pick(el, "checked", el.get("value", "on") in values)
        elif kind == "select":
            for option in el.xpath(".//option"):
                _pick(option, "selected", option.get("value", option.text_content()) in values)
        else:
            i = taken.get(name, 0)
            taken[name] = i + 1
            value = values[i] if i < len(values) else ""
            if kind == "textarea":
                for child in list(el):
                    el.remove(child)
                el.text = value
            else:
                el.set("value", value)


def _pick(el: Any, attribute: str, on: bool) -> None:
    if on:
        el.set(attribute, attribute)
    elif attribute in el.attrib:
        del el.attrib[attribute]


def _mark(form: Any, field: str, message: str) -> str | None:
    """The control `field` marked invalid with its error above it; its id, for the summary's
    link (None when the form has no such control)."""
    found = form.xpath(".//*[@name=$n][self::input or self::textarea or self::select]", n=field)
    if not found:
        return None
    first = found[0]
    group = first.xpath("ancestor::fieldset[1]") if first.get("type") in BOXES else []
    target = group[0] if group else first
    ident = target.get("id") or f"f-{field}"
    target.set("id", ident)
    for el in found if target is first else [target]:
        el.set("aria-invalid", "true")
    described = [x for x in (target.get("aria-describedby") or "").split() if x]
    target.set("aria-describedby", " ".join([*described, f"{ident}-error"]))
    error = lhtml.Element("p", {"class": "field-error", "id": f"{ident}-error"})
    error.text = message
    if target is first:
        target.addprevious(error)
    else:
        target.insert(1 if len(target) and target[0].tag == "legend" else 0, error)
    holder = target.getparent()
    if holder is not None and "field" in (holder.get("class") or "").split():
        holder.set("class", (holder.get("class") or "") + " invalid")
    return ident


def _summary(doc: Any, form: Any, items: Sequence[tuple[str | None, str]], title: str) -> None:
    for old in doc.xpath("//*[@id='error-summary']"):
        old.getparent().remove(old)
    box = lhtml.Element(
        "div",
        {
            "class": "summary-box",
            "role": "alert",
            "aria-labelledby": "error-summary-title",
            "tabindex": "-1",
            "id": "error-summary",
        },
    )
    head = lhtml.Element("h2", {"id": "error-summary-title"})
    head.text = title
    box.append(head)
    listing = lhtml.Element("ul")
    for ident, message in items:
        li = lhtml.Element("li")
        if ident:
            link = lhtml.Element("a", {"href": f"#{ident}"})
            link.text = message
            li.append(link)
        else:
            li.text = message
        listing.append(li)
    box.append(listing)
    main = doc.xpath("//main[@id='content']")
    if main:  # where the console's layout puts it: under the messages, above the page
        flashes = main[0].xpath("./p[contains(@class, 'flash')]")
        if flashes:
            flashes[-1].addnext(box)
        else:
            main[0].insert(0, box)
    else:
        form.addprevious(box)


async def form_again(request: Request, errors: Sequence[tuple[str, str, str]]) -> Response | None:
    """The refused form on its page again, 422, for `errors` — (field, code, the service's
    English detail) each — or None when it cannot be (the caller shows the error page)."""
    if request.method != "POST":
        return None
    page = form_page(request)
    if page is None:
        return None
    posted = _posted(await request.form())
    html = await _get(request, page)
    if html is None:
        return None
    doc = lhtml.document_fromstring(html)
    form = _the_form(doc, request.url.path, page, posted)
    if form is None:
        return None
    _refill(form, posted)
    lang = language(request)
    items: list[tuple[str | None, str]] = []
    for field, code, detail in errors:
        message = message_for(code, field, lang, detail)
        items.append((_mark(form, field, message) if field else None, message))
    _summary(doc, form, items, words(lang)["error_summary"])
    out = lhtml.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    response = HTMLResponse(out, status_code=422)
    secure(response, "same-origin")
    return response
