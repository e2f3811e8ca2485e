"""What the incident and vulnerability pages share: the page frame with their words, the
parameter types, field checks (oversight's `Check` with these pages' words), path ids,
staff names, the sub-menu, options for the forms."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import partial
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.web.console.incidents.texts import recipient_in, words
from piiguard.web.console.kit import console_page
from piiguard.web.console.messages import label
from piiguard.web.console.oversight.common import Check as _Check
from piiguard.web.console.oversight.common import staff_names, who
from piiguard.web.html import language

__all__ = [
    "Check",
    "Many",
    "Param",
    "Report",
    "Text",
    "category_options",
    "check_id",
    "page",
    "staff_names",
    "system_options",
    "who",
]

# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Report = Annotated[str, Form(max_length=5_000_000)]  # a pasted scanner report
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=200)]
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
SECTIONS = (
    ("sub_incidents", "/console/incidents"),
    ("sub_clocks", "/console/incidents/clocks"),
    ("sub_vulns", "/console/vulnerabilities"),
)


class Check(_Check):
    """oversight's field checks, with these pages' messages too."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.t = {**self.t, **words(self.lang)}

    def when(self, field: str, value: str) -> datetime | None:
        """A date-time from the form (<input type=datetime-local>, read as UTC)."""
        value = value.strip()
        if not value:
            return None
        try:
            found = datetime.fromisoformat(value)
        except ValueError:
            self.fail(field, "bad_date")
            return None
        return found if found.tzinfo else found.replace(tzinfo=UTC)

    def number(self, field: str, value: str) -> int | None:
        value = value.strip()
        if not value:
            return None
        if not value.isdigit() or len(value) > 11:
            self.fail(field, "bad_number")
            return None
        return int(value)


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    """A page of templates/console/incidents/`name` in the console's frame."""
    here = request.url.path
    sections = [{"label": key, "href": href, "current": here == href} for key, href in SECTIONS]
    return console_page(
        request,
        c,
        actor,
        f"console/incidents/{name}",
        {
            "sections": sections,
            "recipient": partial(recipient_in, language(request)),
            "label": lambda field: label(field, language(request)),
            **context,
        },
        words=words,
        **kw,
    )


def check_id(value: str, field: str) -> str:
    """A path id as the services store them; anything else is not found, without asking."""
    if not ID.fullmatch(value):
        raise NotFound(f"no such {field.replace('_', ' ')}", field=field)
    return value


def category_options(c: Container, lang: str) -> list[tuple[str, str]]:
    return [
        (cat.key, f"{cat.key} — {cat.name_zh if lang == 'zh-CN' else cat.name}")
        for cat in sorted(c.state.taxonomy, key=lambda x: x.key)
    ]


def system_options(c: Container) -> list[tuple[str, str]]:
    return [(k, f"{s.name} ({k})") for k, s in sorted(c.state.systems.items())]
