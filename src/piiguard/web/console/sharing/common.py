"""What the sharing pages share: the page frame with their words, field checks, keys and ids
in paths, a form's step with its refusal shown on the form."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotFound
from piiguard.web.console.kit import FieldError, console_page, done, error_status, form_errors
from piiguard.web.console.oversight.common import Check as _Check
from piiguard.web.console.sharing.texts import words

HERE = "/console/sharing"
# A form's own cap only answers the dead-end error page, the form lost: set far above any
# field's limit, so a pasted 100,000 characters reach the service (or the Check), whose
# refusal comes back on the form with the field marked (each field's limit is theirs)
Text = Annotated[str, Form(max_length=1_000_000)]
LongText = Text
Param = Annotated[str, Query(max_length=200)]
KEY = re.compile(r"[a-z][a-z0-9_-]{1,49}")
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}")


class Check(_Check):
    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.t = {**self.t, **words(self.lang)}


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    return console_page(request, c, actor, f"console/sharing/{name}", context, words=words, **kw)


def lines(value: str) -> list[str]:
    return [k.strip() for k in re.split(r"[\n,]", value) if k.strip()]


def day_at(check: Check, field: str, value: str, *, required: bool = False) -> datetime | None:
    """A YYYY-MM-DD field as 00:00 UTC that day (None: empty or wrong, the error noted)."""
    day = check.day(field, value)
    if day is None and required and not value.strip():
        check.fail(field, "required")
    return datetime.combine(day, time(0), UTC) if day else None


def check_key(value: str, field: str = "key") -> str:
    if not KEY.fullmatch(value):
        raise NotFound(f"no recipient {value[:60]!r}", field=field)
    return value


def attempt(
    request: Request,
    fields: tuple[str, ...],
    again: Callable[[list[FieldError], int], HTMLResponse],
    step: Callable[[], object],
    then: str,
    message: str,
    aliases: dict[str, str] | None = None,
) -> Response:
    """Run a form's step: 303 with the message, or the form again with the service's
    refusal on its field. Nothing is written when it fails."""
    try:
        step()
    except DomainError as exc:
        return again(form_errors(exc, request, fields=fields, aliases=aliases), error_status(exc))
    return done(then, message)
