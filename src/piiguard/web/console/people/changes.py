"""What a person decided, recorded on pages (R2.4, R4.1–4.2, R6.1, R6.2): a consent with the
exact text shown (its SHA-256 kept as evidence and shown on the person's page) and its
withdrawal, a restriction (of all processing or one purpose) or an objection to a purpose and
their lifting, a guardian linked to a child and verified by staff, a person declared a minor.
The same services and audit entries as web/api/consents.py; the forms that name a purpose
are checked by web/authz.py as the API's are (staff: their department's purposes).

Each change is a POST with the session's CSRF token answered 303 back to the person's page
with a message, or its form again with the error next to the field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.subjects import Channel
from piiguard.services.policy import consents as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, done, error_status, form_errors
from piiguard.web.console.people.view import (
    check_id,
    choice,
    people_page,
    person_page,
    purpose_options,
    text_field,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(include_in_schema=False)
P = "/people/{subject_id}"
Short = Annotated[str, Form(max_length=1024)]
Long = Annotated[str, Form(max_length=40_000)]
MaybeShort = Annotated[str | None, Form(max_length=1024)]
TEXT_SHOWN_MAX = 20_000  # as the API's ConsentIn
CONSENT_FIELDS = ("purpose", "kind", "channel", "text_shown", "given_by")
RESTRICT_FIELDS = ("kind", "purpose")
PERSON_FIELDS = ("guardian_id", "minor")


def _back(subject_id: str, message: str, **extra: str) -> Response:
    return done(f"/console/people/{subject_id}", message, **extra)


def _on_person_page(
    request: Request,
    c: Container,
    actor: Actor,
    subject_id: str,
    change: Callable[[], None],
    message: str,
    values: dict[str, str] | None = None,
) -> Response:
    """A change made from the person's page: 303 back with `message`, or the page again
    with the error (the fields of its forms marked)."""
    try:
        check_id(subject_id)
        change()
    except DomainError as exc:
        return person_page(
            request,
            c,
            actor,
            subject_id,
            errors=form_errors(exc, request, fields=PERSON_FIELDS),
            values=values,
            status=error_status(exc),
        )
    return _back(subject_id, message)


# -- consents ---------------------------------------------------------------------------------


def _consent_form(
    request: Request,
    c: Container,
    actor: Actor,
    subject_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    check_id(subject_id)
    age = uc.guardianship(c.uow(), c.clock, actor, subject_id)  # who may give it for a child
    return people_page(
        request,
        c,
        actor,
        "consent.html",
        {
            "subject_id": subject_id,
            "purposes": purpose_options(request, c, actor),
            "kinds": [k.value for k in ConsentKind],
            "channels": [ch.value for ch in Channel],
            "guardians": [g.guardian_id for g in age.guardians],
        },
        errors=errors,
        values=values,
        status=status,
    )


@router.get(P + "/consents/new", response_class=HTMLResponse)
def consent_form(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str
) -> HTMLResponse:
    """The form that records a consent with the text the person was shown."""
    return _consent_form(request, c, actor, subject_id)


@router.post(P + "/consents", response_class=HTMLResponse)
def grant(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject_id: str,
    purpose: Short = "",
    kind: Short = "",
    channel: Short = "",
    text_shown: Long = "",
    given_by: Short = "",
) -> Response:
    """Record a consent (as POST /api/v1/subjects/{id}/consents)."""
    typed = {
        "purpose": purpose,
        "kind": kind,
        "channel": channel,
        "text_shown": text_shown,
        "given_by": given_by,
    }
    try:
        check_id(subject_id)
        consent = uc.grant_consent(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            subject_id,
            text_field(purpose, "purpose", 64),
            ConsentKind(choice(kind, "kind", [k.value for k in ConsentKind])),
            Channel(choice(channel, "channel", [ch.value for ch in Channel])),
            text_field(text_shown, "text_shown", TEXT_SHOWN_MAX),
            text_field(given_by, "given_by", 36, required=False) or None,
        )
    except DomainError as exc:
        return _consent_form(
            request,
            c,
            actor,
            subject_id,
            errors=form_errors(exc, request, fields=CONSENT_FIELDS),
            values=typed,
            status=error_status(exc),
        )
    return _back(subject_id, "consent", consent=consent.id)


@router.post(P + "/consents/{consent_id}/withdraw", response_class=HTMLResponse)
def withdraw(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str, consent_id: str
) -> Response:
    """Withdraw a consent: the next decision already refuses what needed it."""
    return _on_person_page(
        request,
        c,
        actor,
        subject_id,
        lambda: uc.withdraw_consent(
            c.uow(), c.clock, actor, subject_id, check_id(consent_id, "consent_id")
        ),
        "withdrawn",
    )


# -- restrictions and objections --------------------------------------------------------------


def _restrict_form(
    request: Request,
    c: Container,
    actor: Actor,
    subject_id: str,
    *,
    errors: Sequence[FieldError] = (),
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    check_id(subject_id)
    return people_page(
        request,
        c,
        actor,
        "restrict.html",
        {
            "subject_id": subject_id,
            "purposes": purpose_options(request, c, actor),
            "kinds": [k.value for k in RestrictionKind],
        },
        errors=errors,
        values=values,
        status=status,
    )


@router.get(P + "/restrictions/new", response_class=HTMLResponse)
def restrict_form(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str
) -> HTMLResponse:
    """The forms that restrict all processing, or restrict / object to one purpose."""
    return _restrict_form(request, c, actor, subject_id)


@router.post(P + "/restrictions", response_class=HTMLResponse)
def restrict(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject_id: str,
    kind: Short = "",
    purpose: MaybeShort = None,
) -> Response:
    """A restriction (of every purpose: the form without a purpose field; or of one) or an
    objection to one purpose (as POST /api/v1/subjects/{id}/restrictions)."""
    typed = {"kind": kind, "purpose": purpose or ""}
    try:
        check_id(subject_id)
        r = uc.restrict_processing(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            subject_id,
            RestrictionKind(choice(kind, "kind", [k.value for k in RestrictionKind])),
            None if purpose is None else text_field(purpose, "purpose", 64),
        )
    except DomainError as exc:
        return _restrict_form(
            request,
            c,
            actor,
            subject_id,
            errors=form_errors(exc, request, fields=RESTRICT_FIELDS),
            values=typed,
            status=error_status(exc),
        )
    return _back(subject_id, r.kind.value)


@router.post(P + "/restrictions/{restriction_id}/lift", response_class=HTMLResponse)
def lift(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str, restriction_id: str
) -> Response:
    return _on_person_page(
        request,
        c,
        actor,
        subject_id,
        lambda: uc.lift_restriction(
            c.uow(), c.clock, actor, subject_id, check_id(restriction_id, "restriction_id")
        ),
        "lifted",
    )


# -- guardians and minors ---------------------------------------------------------------------


@router.post(P + "/guardians", response_class=HTMLResponse)
def link_guardian(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str, guardian_id: Short = ""
) -> Response:
    """Link a guardian (a person on file) to a child; staff verify the link before it
    counts (R6.1)."""
    return _on_person_page(
        request,
        c,
        actor,
        subject_id,
        lambda: uc.link_guardian(
            c.uow(),
            c.clock,
            actor,
            subject_id,
            check_id(text_field(guardian_id, "guardian_id", 36), "guardian_id"),
        ),
        "linked",
        {"guardian_id": guardian_id[:36]},
    )


@router.post(P + "/guardians/{guardian_id}/verify", response_class=HTMLResponse)
def verify_guardian(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str, guardian_id: str
) -> Response:
    """Staff confirm the guardian (household register, birth certificate): from now on
    their consent counts for the child."""
    return _on_person_page(
        request,
        c,
        actor,
        subject_id,
        lambda: uc.verify_guardian(
            c.uow(), c.clock, actor, subject_id, check_id(guardian_id, "guardian_id")
        ),
        "verified",
    )


@router.post(P + "/minor", response_class=HTMLResponse)
def declare_minor(
    request: Request, c: ContainerDep, actor: Authorized, subject_id: str, minor: Short = ""
) -> Response:
    """Declare a person a minor (or not) when no date of birth says so."""
    return _on_person_page(
        request,
        c,
        actor,
        subject_id,
        lambda: uc.declare_minor(
            c.uow(), actor, subject_id, choice(minor, "minor", ("yes", "no")) == "yes"
        ),
        "minor",
        {"minor": minor[:8]},
    )
