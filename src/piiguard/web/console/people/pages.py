"""The people pages (R2.4, R2.7, R2.10, R4.1, R6): find a person, their items' metadata,
consents, restrictions, objections, guardians; reading values for a stated purpose.

Routes, with their rows in web/rules/people.py; words in texts.py beside this module; templates
in templates/console/people/. Conventions: web/console/kit.py. This module: finding a person
through the blind index (a search form, never a listing of everyone; the value looked up is
POSTed — never in a URL — and never shown again or logged) and the person's page
(view.person_page). Beside it: changes.py (consents, restrictions and objections, guardians,
minor status) and reading.py (values read through the decision point for a purpose)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from piiguard.domain.errors import DomainError
from piiguard.services.subjects import read
from piiguard.services.subjects.register import MAX_VALUE_CHARS
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import error_status, form_errors
from piiguard.web.console.people import changes, reading
from piiguard.web.console.people.view import (
    choice,
    people_page,
    person_page,
    searchable,
    text_field,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console", include_in_schema=False)
Field = Annotated[str, Form(max_length=MAX_VALUE_CHARS)]
FIND_FIELDS = ("category", "value")


@router.get("/people", response_class=HTMLResponse)
def find_form(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """The search form: by email, phone or ID number, exact match."""
    return people_page(
        request, c, actor, "find.html", {"categories": searchable(request, c), "matches": None}
    )


@router.post("/people/find", response_class=HTMLResponse)
def find(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    category: Field = "",
    value: Field = "",
) -> HTMLResponse:
    """The people found by one exact value, through the keyed blind index (as POST
    /api/v1/subjects/lookup: one audit entry per person found, with a keyed hash of the
    value). The value is not shown again on the page."""
    options = searchable(request, c)
    try:
        cat = choice(category, "category", dict(options))
        wanted = text_field(value, "value", MAX_VALUE_CHARS)
        matches = read.find_subjects(c.uow(), c.vault, actor, c.state, cat, wanted)
    except DomainError as exc:
        return people_page(
            request,
            c,
            actor,
            "find.html",
            {"categories": options, "matches": None},
            errors=form_errors(exc, request, fields=FIND_FIELDS),
            values={"category": category},  # never the value looked up
            status=error_status(exc),
        )
    return people_page(
        request,
        c,
        actor,
        "find.html",
        {"categories": options, "matches": matches},
        values={"category": cat},
    )


@router.get("/people/{subject_id}", response_class=HTMLResponse)
def person(request: Request, c: ContainerDep, actor: Authorized, subject_id: str) -> HTMLResponse:
    """What is held on a person (metadata, never a value) and what they decided."""
    return person_page(request, c, actor, subject_id)


router.include_router(changes.router)
router.include_router(reading.router)
