"""Reading a person's values for a stated purpose (R2.4, R2.10, R10.2): the one console page
that shows values. The form names a purpose the reader may use (staff: their department's,
checked by web/authz.py; officers: any), optionally the categories wanted and an approved
legal exception; the read goes through the decision point exactly as
GET /api/v1/subjects/{id}/data does (decided, recorded with its audit entry and committed
before anything is decrypted), and the answer is a POST result page — never cached (no-store,
web/html.py), never a URL to bookmark — that shows the decision's id (linked to its page),
the values allowed, the categories masked on a staff screen (the decision's `mask:`
obligations: sensitive categories) and those refused with the reasons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Action, Actor, Outcome
from piiguard.domain.errors import DomainError, InvalidInput
from piiguard.services.decisions import DecisionRequest
from piiguard.services.subjects import read
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, error_status, form_errors
from piiguard.web.console.people.view import (
    category_label,
    check_id,
    people_page,
    purpose_options,
    text_field,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(include_in_schema=False)
P = "/people/{subject_id}/read"
Short = Annotated[str, Form(max_length=1024)]
Many = Annotated[list[str] | None, Form()]
READ_FIELDS = ("purpose", "category", "exception_id")


def mask(value: str) -> str:
    """A value on a staff screen under a `mask:` obligation: its length kept, only the last
    characters of a long value shown (enough to match what the person says, not to copy)."""
    shown = 4 if len(value) >= 12 else 2 if len(value) >= 6 else 0
    return "*" * (len(value) - shown) + value[len(value) - shown :]


def _held(c: Container, actor: Actor, lang: str, subject_id: str) -> list[tuple[str, str]]:
    _, records = read.describe_subject(c.uow(), actor, subject_id)
    keys = sorted({r.category for r in records})
    return [(k, f"{category_label(c, lang, k)} ({k})") for k in keys]


def _read_form(
    request: Request,
    c: Container,
    actor: Actor,
    subject_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, object] | None = None,
    status: int = 200,
) -> HTMLResponse:
    check_id(subject_id)
    return people_page(
        request,
        c,
        actor,
        "read.html",
        {
            "subject_id": subject_id,
            "purposes": purpose_options(request, c, actor),
            "held": _held(c, actor, language(request), subject_id),
        },
        errors=errors,
        values=values,
        status=status,
    )


@router.get(P, response_class=HTMLResponse)
def read_form(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str
) -> HTMLResponse:
    """The form: which purpose (and which categories, which legal exception)."""
    return _read_form(request, c, actor, subject_id)


@router.post(P, response_class=HTMLResponse)
def read_values(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject_id: str,
    purpose: Short = "",
    category: Many = None,
    exception_id: Short = "",
) -> HTMLResponse:
    """The values the recorded decision allows (403 with the decision when it allows none)."""
    typed: dict[str, object] = {
        "purpose": purpose,
        "category": category or [],
        "exception_id": exception_id,
    }
    lang = language(request)
    try:
        check_id(subject_id)
        wanted = [text_field(x, "category", 128) for x in category or []]
        if len(wanted) > 200:
            raise InvalidInput("choose at most 200 categories", field="category")
        exception = text_field(exception_id, "exception_id", 36, required=False)
        decided = c.decisions(
            DecisionRequest(  # group commit: recorded before decrypted
                actor,
                subject_id,
                text_field(purpose, "purpose", 64),
                frozenset(wanted) or None,
                Action.READ,
                None,
                check_id(exception, "exception_id") if exception else None,
                reveal=True,
            )
        )
        [disclosure] = read.disclose(c.vault, [decided])
    except DomainError as exc:
        return _read_form(
            request,
            c,
            actor,
            subject_id,
            errors=form_errors(exc, request, fields=READ_FIELDS),
            values=typed,
            status=error_status(exc),
        )
    d = disclosure.decision.decision
    masked = {o.removeprefix("mask:") for o in d.obligations if o.startswith("mask:")}
    rows = [
        {
            "category": i.record.category,
            "label": category_label(c, lang, i.record.category),
            "source": i.record.provenance.source_system,
            "masked": i.record.category in masked and i.value is not None,
            "value": (
                None
                if i.value is None
                else mask(i.value)
                if i.record.category in masked
                else i.value
            ),
        }
        for i in sorted(disclosure.items, key=lambda i: (i.record.category, i.record.created_at))
    ]
    return people_page(
        request,
        c,
        actor,
        "values.html",
        {
            "subject_id": subject_id,
            "decision": d,
            "rows": rows,
            "masked": sorted(masked),
            "refused": sorted(d.refused),
            "label": lambda key: category_label(c, lang, key),
            "reason_text": lambda r: r.zh if lang == "zh-CN" else r.en,
        },
        status=403 if d.outcome is Outcome.DENIED else 200,
    )
