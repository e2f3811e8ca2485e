"""What the data map's pages share (web/console/datamap/): the form field types, the page
frame with the area's words, the checks of what a form sent (lengths, slugs, lists) that
the JSON API leaves to its pydantic shapes (web/api/schemas/registers.py), and the lists
the forms offer (categories, purposes, systems, staff)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.policy.datamap import Export, Finding, System, system_for
from piiguard.domain.subjects import check_slug
from piiguard.services.policy import datamap
from piiguard.services.staff.accounts import list_departments, list_staff
from piiguard.web.console.datamap.texts import words
from piiguard.web.console.kit import console_page
from piiguard.web.session import staff_session

# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Long = Text
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=64)]

SOON = timedelta(days=14)  # an export expiring within this is "expiring soon"
OLD = timedelta(days=30)  # an open finding older than this needs the officer

# the same limits as the API's shapes (web/api/schemas/registers.py)
NAME_MAX, OWNER_MAX, CLOUD_MAX, RECIPIENT_MAX = 128, 128, 64, 128
ASSIGNEE_MAX, REASON_MAX, LOCATIONS_MAX, LOCATION_MAX = 80, 2000, 100, 500


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    """A page of templates/console/datamap/ with the area's words."""
    return console_page(request, c, actor, f"console/datamap/{name}", context, words=words, **kw)


def limited(value: str, field: str, most: int, *, required: bool = True) -> str:
    """`value` stripped; an error on `field` when it is empty (if required) or too long."""
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{field.replace('_', ' ')} is required", field=field)
    if len(value) > most:
        raise InvalidInput(f"{field.replace('_', ' ')}: at most {most} characters", field=field)
    return value


def slug(value: str, field: str) -> str:
    return check_slug(limited(value, field, 64), field)


def keys(values: Iterable[str] | None, field: str, most: int = 200) -> frozenset[str]:
    """The keys ticked in a list of checkboxes (slugs or dotted category keys)."""
    found = frozenset(v.strip() for v in values or () if v.strip())
    if len(found) > most or any(len(v) > 128 for v in found):
        raise InvalidInput(f"{field}: too many or too long", field=field)
    return found


def lines(text: str, field: str) -> frozenset[str]:
    """One entry a line (a system's locations)."""
    found = frozenset(line.strip() for line in text.splitlines() if line.strip())
    if len(found) > LOCATIONS_MAX or any(len(v) > LOCATION_MAX for v in found):
        raise InvalidInput(
            f"{field}: at most {LOCATIONS_MAX} lines of {LOCATION_MAX} characters", field=field
        )
    return found


def options(c: Container, lang: str, keep: frozenset[str] = frozenset()) -> dict[str, Any]:
    """What the forms offer: categories and active purposes (and those in `keep`, a
    system's own, so that describing it keeps them) in the reader's language, systems."""
    state = c.snapshots.read(c.uow(readonly=True))
    zh = lang == "zh-CN"
    return {
        "category_options": [
            (cat.key, f"{cat.name_zh if zh else cat.name} ({cat.key})") for cat in state.taxonomy
        ],
        "purpose_options": [
            (r.key, f"{r.zh if zh else r.en} ({r.key})")
            for r in sorted(state.register.rules.values(), key=lambda r: r.key)
            if r.active or r.key in keep
        ],
        "system_options": [
            (s.key, f"{s.name} ({s.key})")
            for s in sorted(state.systems.values(), key=lambda s: s.key)
        ],
    }


def department_purposes(c: Container, request: Request, actor: Actor) -> frozenset[str] | None:
    """The purposes a member of staff holding only the role `staff` may name (their
    department's, as web/authz.py checks); None for anyone else (not limited)."""
    if "privacy_officer" in actor.roles:
        return None
    session = staff_session(request)
    department = session.staff.department if session else None
    for d in list_departments(c.uow(readonly=True)):
        if d.key == department:
            return d.purposes
    return frozenset()


def staff_names(c: Container) -> dict[str, str]:
    """Active staff ids -> display names (the finding's assignee)."""
    return {
        a.account.id: a.account.display_name
        for a in list_staff(c.staff, c.uow(readonly=True))
        if a.account.active
    }


def finding_system(
    f: Finding, systems: Iterable[System], exports: Mapping[str, Export]
) -> str | None:
    """The system a finding is about: an expired export's, or the one whose location holds
    the source; None where no system holds it (an unregistered location)."""
    if f.source.startswith("export:"):
        e = exports.get(f.source.removeprefix("export:"))
        return e.system if e else None
    s = system_for(systems, f.source)
    return s.key if s else None


def export_findings(c: Container) -> dict[str, Finding]:
    """Export id -> the finding its review opened (the latest)."""
    found = {}
    for f in sorted(datamap.list_findings(c.uow(readonly=True)), key=lambda f: f.created_at):
        if f.source.startswith("export:"):
            found[f.source.removeprefix("export:")] = f
    return found
