"""What the upkeep pages share: the page frame with their words, the parameter types, field
checks (oversight's `Check`, with these pages' own messages), path ids and staff names."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.web.console.kit import console_page
from piiguard.web.console.oversight.common import Check as _Check
from piiguard.web.console.oversight.common import staff_names, who
from piiguard.web.console.upkeep.texts import words

__all__ = ["ID", "Check", "Many", "Param", "Text", "check_id", "page", "staff_names", "who"]

# far above each field's own limit (checked below, shown on the form with the field
# marked): a form's own cap only answers the dead-end error page, the form lost
Text = Annotated[str, Form(max_length=1_000_000)]
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=200)]
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class Check(_Check):
    """oversight's field checks, with the upkeep pages' own messages too."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.t = {**self.t, **words(self.lang)}


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    """An upkeep page (templates/console/upkeep/`name`) in the console's frame."""
    return console_page(request, c, actor, f"console/upkeep/{name}", context, words=words, **kw)


def check_id(value: str, field: str) -> str:
    """A path id as the services store them; anything else is not found, without asking."""
    if not ID.fullmatch(value):
        raise NotFound(f"no such {field.replace('_', ' ')}", field=field)
    return value
