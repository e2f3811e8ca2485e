"""What the oversight pages share: the parameter types, the reader's words, staff names for
actor references, and `Check` — a filter or form's values checked one by one, each error
kept against its field in the reader's language (never echoing the value)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.services.staff.accounts import list_staff
from piiguard.web.console.kit import FieldError, console_page
from piiguard.web.console.messages import label
from piiguard.web.console.oversight.texts import words
from piiguard.web.html import language

Param = Annotated[str, Query(max_length=200)]
# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Long = Text
Many = Annotated[list[str] | None, Form()]

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
KEY = re.compile(r"[a-z0-9][a-z0-9_.]{0,63}")  # actions, purposes, target types


def page(
    request: Request,
    c: Container,
    actor: Actor,
    name: str,
    context: dict[str, Any],
    **kw: Any,
) -> HTMLResponse:
    """An oversight page (templates/console/oversight/`name`) in the console's frame."""
    return console_page(request, c, actor, f"console/oversight/{name}", context, words=words, **kw)


def staff_names(c: Container) -> dict[str, str]:
    """Staff ids -> display names, to name requesters, approvers and actors."""
    return {a.account.id: a.account.display_name for a in list_staff(c.staff, c.uow(readonly=True))}


def who(ref: str | None, names: Mapping[str, str]) -> str:
    """An actor reference ("staff:<id>", "system:<id>" or a bare id) for people: a staff
    member's name with the id, else the reference itself."""
    if not ref:
        return "—"
    kind, _, ident = ref.partition(":") if ":" in ref else ("", "", ref)
    name = names.get(ident)
    return f"{name} ({ident})" if name else (f"{kind}:{ident}" if kind else ident)


def bare_actor_id(value: str) -> str:
    """An actor filter as typed: "staff:<id>" or "system:<id>" or the id alone."""
    for prefix in ("staff:", "system:"):
        if value.startswith(prefix):
            return value.removeprefix(prefix)
    return value


class Check:
    """A form or filter checked field by field: the errors in the reader's language."""

    def __init__(self, request: Request) -> None:
        self.lang = language(request)
        self.t = words(self.lang)
        self.errors: list[FieldError] = []

    def fail(self, field: str, key: str) -> None:
        self.errors.append(FieldError(field, self.t[key].format(f=label(field, self.lang))))

    def text(self, field: str, value: str, *, required: bool = False, most: int = 300) -> str:
        value = value.strip()
        if required and not value:
            self.fail(field, "required")
        elif len(value) > most:
            self.fail(field, "too_long")
        return value

    def ident(self, field: str, value: str, pattern: re.Pattern[str] = ID) -> str | None:
        value = value.strip()
        if not value:
            return None
        if not pattern.fullmatch(value):
            self.fail(field, "bad_id")
            return None
        return value

    def choice(self, field: str, value: str, options: Collection[str]) -> str | None:
        if not value:
            return None
        if value not in options:
            self.fail(field, "unknown_value")
            return None
        return value

    def day(self, field: str, value: str) -> date | None:
        value = value.strip()
        if not value:
            return None
        try:
            found = date.fromisoformat(value)
        except ValueError:
            found = None
        if found is None or len(value) != len("2024-01-31"):  # YYYY-MM-DD, nothing else
            self.fail(field, "bad_date")
            return None
        return found

    def period(
        self, since: str, until: str
    ) -> tuple[datetime | None, datetime | None]:  # [since 00:00, day after until 00:00)
        a, b = self.day("since", since), self.day("until", until)
        if a and b and b < a:
            self.fail("until", "bad_range")
        return start_of(a), start_of(b + timedelta(days=1) if b else None)


def start_of(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, UTC) if day else None
