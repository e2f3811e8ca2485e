"""What the custody pages share: the page frame with their words, parameter types, field
checks (oversight's `Check` with these pages' words), path ids, the form after a refusal,
and the rows the templates show."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, NotFound
from piiguard.web.console.custody.texts import words
from piiguard.web.console.kit import FieldError, console_page, done, error_status, form_errors
from piiguard.web.console.oversight.common import Check as _Check
from piiguard.web.console.oversight.common import staff_names, who

__all__ = ["Check", "Param", "Text", "act", "check_id", "lines", "page", "staff_names", "who"]

# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Param = Annotated[str, Query(max_length=200)]
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{0,119}")


class Check(_Check):
    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.t = {**self.t, **words(self.lang)}


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    """A custody page (templates/console/custody/`name`) in the console's frame."""
    return console_page(
        request,
        c,
        actor,
        f"console/custody/{name}",
        {"hours": c.custody.terms.paper_hours, "days": c.custody.terms.inventory_days, **context},
        words=words,
        **kw,
    )


def check_id(value: str, field: str) -> str:
    if not ID.fullmatch(value):
        raise NotFound(f"no such {field.replace('_', ' ')}", field=field)
    return value


def lines(value: str) -> frozenset[str]:
    """A textarea's keys, one a line (commas too)."""
    return frozenset(k.strip() for k in re.split(r"[\n,]", value) if k.strip())


def act(
    request: Request,
    then: str,
    message: str,
    again: Callable[[list[FieldError], int], HTMLResponse],
    fields: tuple[str, ...],
    step: Callable[[], object],
    errors: list[FieldError] | None = None,
) -> Response:
    """Run a form's step: 303 to `then` with `message`, or the page `again` with the
    errors (the input's own, or the service's refusal naming its field). Nothing is
    written when it fails."""
    if errors:
        return again(errors, 422)
    try:
        step()
    except DomainError as exc:
        return again(form_errors(exc, request, fields=fields), error_status(exc))
    return done(then, message)
