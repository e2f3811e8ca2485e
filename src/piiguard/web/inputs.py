"""Text at the edge (R5.1): no NUL, other control character or lone surrogate gets past the
web layer, on any route, whatever the database would make of it (PostgreSQL refuses NUL in
text and the UTF-8 encoder refuses lone surrogates: both were 500s; SQLite took them in).

One dependency, installed app-wide before the authorization check (app.py), looks at every
value a route can read: path parameters, query parameters (names too), form fields and
JSON bodies (keys too, at any depth). Path and query values are one line, so every C0/C1
control character is refused there; in bodies and forms tab, line feed and carriage return
stay (notes, policy texts and letters have lines). A refusal is `InvalidInput` naming the
field (`items[0].value`, `subject_id`, `email`): 422 problem+json as for any schema error,
or the error page on the console and privacy-centre pages. The value itself is never
echoed, only the code point."""

from __future__ import annotations

import re
from email.message import Message
from typing import Any

from fastapi import Request, params

from piiguard.domain.errors import InvalidInput

# C0 and C1 controls, DEL, and UTF-16 surrogates (only lone ones survive JSON decoding)
ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # \t \n \r kept
MAX_DEPTH = 64  # deeper JSON is refused too: nothing piiguard takes nests like that


class ControlCharacter(InvalidInput):
    """A value with a control character: 422 invalid-input naming the field."""


def _check(value: str, field: str, pattern: re.Pattern[str]) -> None:
    found = pattern.search(value)
    if found is not None:
        name = ONE_LINE.sub("\ufffd", field) or "body"  # a bad name is not echoed either
        point = f"U+{ord(found.group()):04X}"
        raise ControlCharacter(
            f"{name} contains a control character ({point}), which text "
            f"may not contain — {name} 含有控制字符（{point}），文本中不能"
            f"含有控制字符",
            field=name,
        )


def _walk(value: Any, field: str, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        name = ONE_LINE.sub("\ufffd", field) or "body"
        raise InvalidInput(
            f"{name} nests deeper than {MAX_DEPTH} levels — {name} 嵌套超过 {MAX_DEPTH} 层",
            field=name,
        )
    if isinstance(value, str):
        _check(value, field, LINES)
    elif isinstance(value, dict):
        for key, inner in value.items():
            name = f"{field}.{key}" if field else str(key)
            _check(str(key), name, ONE_LINE)
            _walk(inner, name, depth + 1)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            _walk(inner, f"{field}[{i}]", depth + 1)


def _is_form(content_type: str) -> bool:
    message = Message()
    message["content-type"] = content_type
    return message.get_content_type() in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )


def _is_json(content_type: str) -> bool:
    message = Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


async def refuse_control_characters(request: Request) -> None:
    """The app-wide check; FastAPI has read (and cached) the body and form already."""
    for name, value in request.path_params.items():
        if isinstance(value, str):
            _check(value, name, ONE_LINE)
    for name, value in request.query_params.multi_items():
        _check(name, name, ONE_LINE)
        _check(value, name, ONE_LINE)
    body_field = getattr(request.scope.get("route"), "body_field", None)
    content_type = request.headers.get("content-type", "")
    if body_field is None and not _is_form(content_type):
        return  # the route reads no body
    if body_field is None or isinstance(body_field.field_info, params.Form):
        # a form (whatever the header's spelling), or a route reading the form itself
        # (a form of questions by key: an assessment, an incident's clocks)
        form = await request.form()
        for name, item in form.multi_items():
            _check(name, name, ONE_LINE)
            if isinstance(item, str):
                _check(item, name, LINES)
            elif item.filename is not None:
                _check(item.filename, name, ONE_LINE)
    elif content_type and _is_json(content_type):
        try:
            body = await request.json()
        except ValueError:
            return  # FastAPI has answered malformed JSON already; never reached
        _walk(body, "")
