"""What the people pages share: the person's page (items' metadata — never a value —,
consents, restrictions and objections, guardians, minor status) built from the services as
the JSON API reads them (each list on the audit trail), the purposes an actor may name on a
form, the checks of the form fields, and the page frame with the people pages' words."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput, NotFound
from piiguard.domain.retention.upkeep import is_stale
from piiguard.domain.subjects import ItemRecord
from piiguard.domain.taxonomy import Lookup
from piiguard.services.policy import consents as uc
from piiguard.services.retention.upkeep.intervals import list_intervals
from piiguard.services.staff.accounts import list_departments
from piiguard.services.subjects import read
from piiguard.web.console.kit import FieldError, console_page
from piiguard.web.console.people.texts import words
from piiguard.web.console.retention.people import retain_until
from piiguard.web.console.rights import staff_names
from piiguard.web.html import language
from piiguard.web.rules import OFFICER
from piiguard.web.session import staff_session

_ID = re.compile(r"^[0-9A-Za-z-]{1,36}$")


def check_id(value: str, field: str = "subject_id") -> str:
    """A path id as the services store them (a UUID as text); anything else is not found,
    without sending it to the database."""
    if not _ID.match(value):
        raise NotFound(f"no such {field.replace('_', ' ')}", field=field)
    return value


def text_field(value: str, field: str, max_len: int, *, required: bool = True) -> str:
    """A form field trimmed, refused (naming the field) when empty or too long."""
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{field.replace('_', ' ')} is required", field=field)
    if len(value) > max_len:
        raise InvalidInput(
            f"{field.replace('_', ' ')} is longer than {max_len} characters", field=field
        )
    return value


def choice(value: str, field: str, allowed: Sequence[str] | Mapping[str, Any]) -> str:
    """A select's value, refused (naming the field) when it is not one of the options."""
    if value not in allowed:
        raise InvalidInput(f"choose one of the listed {field.replace('_', ' ')}s", field=field)
    return value


def purpose_options(request: Request, c: Container, actor: Actor) -> list[tuple[str, str]]:
    """The purposes `actor` may name on a form (value, label): a privacy officer any active
    purpose of the register, a member of staff those of their department (web/authz.py
    enforces the same when the form is posted)."""
    register = c.state.register
    lang = language(request)
    mine: frozenset[str] | None = None
    if OFFICER not in actor.roles:
        session = staff_session(request)
        department = session.staff.department if session else None
        mine = next(
            (d.purposes for d in list_departments(c.uow(readonly=True)) if d.key == department),
            frozenset(),
        )
    return [
        (rule.key, f"{rule.zh if lang == 'zh-CN' else rule.en} ({rule.key})")
        for rule in sorted(register.rules.values(), key=lambda r: r.key)
        if rule.active and (mine is None or rule.key in mine)
    ]


def searchable(request: Request, c: Container) -> list[tuple[str, str]]:
    """The categories with a blind index (email, phone, ID numbers): what a person can be
    found by."""
    lang = language(request)
    return [
        (cat.key, f"{cat.name_zh if lang == 'zh-CN' else cat.name} ({cat.key})")
        for cat in sorted(c.state.taxonomy, key=lambda x: x.key)
        if cat.lookup is not Lookup.NONE
    ]


def category_label(c: Container, lang: str, key: str) -> str:
    cats = c.state.taxonomy
    if key not in cats:
        return key
    cat = cats.get(key)
    return cat.name_zh if lang == "zh-CN" else cat.name


@dataclass(frozen=True, slots=True)
class ItemRow:
    """An item as the person's page shows it: metadata only."""

    record: ItemRecord
    label: str
    stale: bool


def item_rows(c: Container, lang: str, records: Sequence[ItemRecord]) -> list[ItemRow]:
    """R2.8: an item is stale when its category's confirmation interval has passed since it
    was last confirmed — what the upkeep pass queues (no interval for it: never stale)."""
    now: datetime = c.clock.now()
    intervals = list_intervals(c.uow(readonly=True))
    return [
        ItemRow(
            r,
            category_label(c, lang, r.category),
            is_stale(r.last_confirmed_at, r.category, intervals, now),
        )
        for r in sorted(records, key=lambda r: (r.category, r.created_at))
    ]


def people_page(
    request: Request,
    c: Container,
    actor: Actor,
    name: str,
    context: dict[str, Any],
    *,
    errors: Sequence[FieldError] = (),
    values: Mapping[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """A people page (templates/console/people/`name`) in the console's frame."""
    return console_page(
        request,
        c,
        actor,
        f"console/people/{name}",
        context,
        words=words,
        errors=errors,
        values=values,
        status=status,
    )


def person_page(
    request: Request,
    c: Container,
    actor: Actor,
    subject_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: Mapping[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """One person: what is held (no value), what they decided, their guardians and age."""
    check_id(subject_id)
    lang = language(request)
    subject, records = read.describe_subject(c.uow(), actor, subject_id)
    consents = uc.list_consents(c.uow(), actor, subject_id)
    restrictions = uc.list_restrictions(c.uow(), actor, subject_id)
    age = uc.guardianship(c.uow(), c.clock, actor, subject_id)
    register = c.state.register.rules
    return people_page(
        request,
        c,
        actor,
        "person.html",
        {
            "subject": subject,
            "items": item_rows(c, lang, records),
            "retain": retain_until(c, lang, subject_id),  # item id -> retain-until (R2.11)
            "consents": sorted(consents, key=lambda x: x.granted_at, reverse=True),
            "restrictions": sorted(restrictions, key=lambda x: x.since, reverse=True),
            "age": age,
            "staff": staff_names(c),
            "purpose_name": {k: (r.zh if lang == "zh-CN" else r.en) for k, r in register.items()},
            "new_consent": request.query_params.get("consent", ""),
        },
        errors=errors,
        values=values,
        status=status,
    )
