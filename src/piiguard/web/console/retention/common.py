"""What the retention pages share: the page frame with their words, the parameter types,
field checks (oversight's `Check`: each error kept against its field in the reader's
language, never echoing the value), staff names, dates and the sub-menu."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.retention.disposal import EARLIEST_AS_OF, LATEST_AS_OF
from piiguard.web.console.kit import console_page
from piiguard.web.console.oversight.common import Check as _Check
from piiguard.web.console.oversight.common import staff_names, who
from piiguard.web.console.retention.texts import words

__all__ = [
    "ID",
    "KEY",
    "Check",
    "Long",
    "Many",
    "Param",
    "Text",
    "category_options",
    "check_id",
    "day_start",
    "page",
    "purpose_options",
    "split_ids",
    "staff_names",
    "system_options",
    "who",
]

# far above each field's own limit (checked below, shown on the form with the field
# marked): a form's own cap only answers the dead-end error page, the form lost
Text = Annotated[str, Form(max_length=1_000_000)]
Long = Text
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=200)]

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
KEY = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")

SECTIONS = (
    ("sub_schedule", "/console/retention"),
    ("sub_history", "/console/retention/history"),
    ("sub_holds", "/console/retention/holds"),
    ("sub_preview", "/console/retention/preview"),
    ("sub_batches", "/console/retention/batches"),
)


class Check(_Check):
    """oversight's field checks, with the retention pages' own messages too."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.t = {**self.t, **words(self.lang)}

    def day(self, field: str, value: str) -> date | None:
        """A date the pages can count from: 1970-01-01 to 9998-12-31 (the end of the day
        is the next one's start; a preview counts up to 100 years back)."""
        found = super().day(field, value)
        if found is not None and not EARLIEST_AS_OF.date() <= found < LATEST_AS_OF.date():
            self.fail(field, "date_range")
            return None
        return found


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    """A retention page (templates/console/retention/`name`) in the console's frame."""
    here = request.url.path
    sections = [{"label": key, "href": href, "current": here == href} for key, href in SECTIONS]
    return console_page(
        request,
        c,
        actor,
        f"console/retention/{name}",
        {"sections": sections, **context},
        words=words,
        **kw,
    )


def time_tag(value: object, lang: str) -> Markup:
    """A time written as ISO 8601 (a certificate's) as a person reads it — 2026-12-07
    09:30 UTC, 2026年12月7日 09:30 UTC — in a <time> element whose `datetime` keeps the
    value as written (services/retention/certificate.py `time_tag` for the file)."""
    if not isinstance(value, str) or not value:
        return Markup("—")
    try:
        at = datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:
        return Markup("{}").format(value)
    shown = (
        f"{at.year}年{at.month}月{at.day}日 {at:%H:%M} UTC"
        if lang == "zh-CN"
        else f"{at:%Y-%m-%d %H:%M} UTC"
    )
    return Markup('<time datetime="{}">{}</time>').format(value, shown)


def check_id(value: str, field: str) -> str:
    """A path id as the services store them; anything else is not found, without asking."""
    if not ID.fullmatch(value):
        raise NotFound(f"no such {field.replace('_', ' ')}", field=field)
    return value


def split_ids(raw: str) -> list[str]:
    return [x for x in re.split(r"[\s,;]+", raw) if x]


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)


def purpose_options(c: Container, lang: str) -> list[tuple[str, str]]:
    return [
        (r.key, f"{r.zh if lang == 'zh-CN' else r.en} ({r.key})")
        for r in sorted(c.state.register.rules.values(), key=lambda r: r.key)
    ]


def category_options(c: Container, lang: str) -> list[tuple[str, str]]:
    return [
        (cat.key, f"{cat.key} — {cat.name_zh if lang == 'zh-CN' else cat.name}")
        for cat in sorted(c.state.taxonomy, key=lambda x: x.key)
    ]


def system_options(c: Container) -> list[tuple[str, str]]:
    return [(k, f"{s.name} ({k})") for k, s in sorted(c.state.systems.items())]
