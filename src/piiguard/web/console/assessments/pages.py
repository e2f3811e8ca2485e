"""Impact assessments on the console (R10.4): the register (with "review due"), the cases
officers add per purpose, the form with the template's questions, and one assessment with
its review, approval (another officer than its author: services/assessments/register.py),
rejection and withdrawal. Auditors read every page without a form. Rules:
web/rules/assessments/. The duties by headcount: duties.py."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.assessments.model import DESIGNATED, QUESTIONS, Case, Level
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, NotFound
from piiguard.services.assessments import register as reg
from piiguard.web.authz import Authorized
from piiguard.web.console.assessments.texts import words
from piiguard.web.console.kit import FieldError, console_page, done, error_status, form_errors
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/assessments", include_in_schema=False)
Text = Annotated[str, Form(max_length=100_000)]  # the service checks each field's own limit
Many = Annotated[list[str] | None, Form()]
ID = re.compile(r"[A-Za-z0-9-]{1,64}")
QKEYS = tuple(f"q_{q.key}" for q in QUESTIONS)
FORM = (
    "title",
    "cases",
    "purposes",
    "categories",
    "recipients",
    "systems",
    "impact",
    "likelihood",
    *QKEYS,
)
ALIASES = {f"answers.{q.key}": f"q_{q.key}" for q in QUESTIONS}


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    return console_page(
        request, c, actor, f"console/assessments/{name}", context, words=words, **kw
    )


def _choices(request: Request, c: Container) -> dict[str, Any]:
    state = c.state
    zh = language(request) == "zh-CN"
    return {
        "all_cases": [k.value for k in Case],
        "designable": sorted(DESIGNATED),
        "levels": [lv.value for lv in Level],
        "purposes": [
            (r.key, f"{r.key} — {r.zh if zh else r.en}")
            for r in sorted(state.register.rules.values(), key=lambda r: r.key)
        ],
        "recipients": [
            (r.key, f"{r.key} — {r.legal_name} ({r.country})")
            for r in sorted(state.recipients.values(), key=lambda r: r.key)
        ],
        "systems": [
            (s.key, f"{s.key} — {s.name} ({s.region})")
            for s in sorted(state.systems.values(), key=lambda s: s.key)
            if s.region != state.home_region
        ],
        "questions": QUESTIONS,
    }


@router.get("", response_class=HTMLResponse)
def index(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _index(request, c, actor)


def _index(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    views = reg.list_assessments(c.uow(readonly=True), c.snapshots, c.clock)
    return page(
        request,
        c,
        actor,
        "index.html",
        {
            "views": views,
            "designations": reg.designations(c.uow(readonly=True)),
            **_choices(request, c),
        },
        errors=errors or [],
        status=code,
    )


@router.post("/cases", response_class=HTMLResponse)
def add_case(
    request: Request, c: ContainerDep, actor: Authorized, purpose: Text = "", case: Text = ""
) -> Response:
    """Designate a case for a purpose (automated decisions, public disclosure, other)."""
    try:
        reg.designate_case(c.uow(), c.snapshots, c.clock, actor, purpose[:64], case[:32])
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("purpose", "case"))
        return _index(request, c, actor, errors=errors, code=error_status(exc))
    return done("/console/assessments", "ia_cases")


@router.post("/cases/remove", response_class=HTMLResponse)
def remove_case(
    request: Request, c: ContainerDep, actor: Authorized, purpose: Text = "", case: Text = ""
) -> Response:
    try:
        reg.undesignate_case(c.uow(), actor, purpose[:64], case[:32])
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("purpose", "case"))
        return _index(request, c, actor, errors=errors, code=error_status(exc))
    return done("/console/assessments", "ia_cases")


def _form(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    values: dict[str, Any] | None = None,
    errors: list[FieldError] | None = None,
    code: int = 200,
    assessment_id: str = "",
) -> HTMLResponse:
    return page(
        request,
        c,
        actor,
        "form.html",
        {"assessment_id": assessment_id, **_choices(request, c)},
        values=values or {"impact": "medium", "likelihood": "medium"},
        errors=errors or [],
        status=code,
    )


@router.get("/new", response_class=HTMLResponse)
def new(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _form(request, c, actor)


async def _given(request: Request) -> tuple[reg.AssessmentInput, dict[str, Any]]:
    """The form as the service's input, and as typed (to show it again)."""
    form = await request.form()

    def one(name: str) -> str:
        v = form.get(name, "")
        # bounded, but past every field's own limit: the service refuses and marks a field
        # that is too long (cutting it at 8,000 kept a longer answer silently cut short)
        return v[:100_000] if isinstance(v, str) else ""

    def many(name: str) -> list[str]:
        return [v[:128] for v in form.getlist(name) if isinstance(v, str)][:200]

    cats = [k for k in re.split(r"[\s,，、]+", one("categories")) if k]
    values: dict[str, Any] = {
        "title": one("title"),
        "cases": many("cases"),
        "purposes": many("purposes"),
        "categories": one("categories"),
        "recipients": many("recipients"),
        "systems": many("systems"),
        "impact": one("impact"),
        "likelihood": one("likelihood"),
        **{k: one(k) for k in QKEYS},
    }
    given = reg.AssessmentInput(
        values["title"],
        frozenset(values["cases"]),
        frozenset(values["purposes"]),
        frozenset(cats[:200]),
        frozenset(values["recipients"]),
        frozenset(values["systems"]),
        {q.key: values[f"q_{q.key}"] for q in QUESTIONS},
        values["impact"],
        values["likelihood"],
    )
    return given, values


@router.post("", response_class=HTMLResponse)
async def create(request: Request, c: ContainerDep, actor: Authorized) -> Response:
    given, values = await _given(request)
    try:
        a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, actor, given)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=FORM, aliases=ALIASES)
        return _form(request, c, actor, values=values, errors=errors, code=error_status(exc))
    return done(f"/console/assessments/{a.id}", "ia_drafted")


def _checked(assessment_id: str) -> str:
    if not ID.fullmatch(assessment_id):
        raise NotFound("no such assessment", field="assessment_id")
    return assessment_id


def _one(
    request: Request,
    c: Container,
    actor: Actor,
    assessment_id: str,
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
    values: dict[str, Any] | None = None,
) -> HTMLResponse:
    v = reg.view_assessment(c.uow(readonly=True), c.snapshots, c.clock, _checked(assessment_id))
    a = v.assessment
    if values is None:
        values = {
            "title": a.title,
            "cases": [k.value for k in a.scope.cases],
            "purposes": sorted(a.scope.purposes),
            "categories": "\n".join(sorted(a.scope.categories)),
            "recipients": sorted(a.scope.recipients),
            "systems": sorted(a.scope.systems),
            "impact": a.impact.value,
            "likelihood": a.likelihood.value,
            **{f"q_{k}": text for k, text in a.answers.items()},
        }
    return page(
        request,
        c,
        actor,
        "one.html",
        {"v": v, "a": a, "own": a.author == actor.ref, **_choices(request, c)},
        values=values,
        errors=errors or [],
        status=code,
    )


@router.get("/{assessment_id}", response_class=HTMLResponse)
def one(request: Request, c: ContainerDep, actor: Authorized, assessment_id: str) -> HTMLResponse:
    return _one(request, c, actor, assessment_id)


@router.post("/{assessment_id}", response_class=HTMLResponse)
async def update(
    request: Request, c: ContainerDep, actor: Authorized, assessment_id: str
) -> Response:
    """Its author changes the draft."""
    given, values = await _given(request)
    try:
        reg.update_draft(c.uow(), c.snapshots, c.clock, actor, _checked(assessment_id), given)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=FORM, aliases=ALIASES)
        return _one(
            request, c, actor, assessment_id, errors=errors, code=error_status(exc), values=values
        )
    return done(f"/console/assessments/{assessment_id}", "ia_drafted")


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    assessment_id: str,
    message: str,
    fields: tuple[str, ...],
    run: Any,
) -> Response:
    try:
        run(_checked(assessment_id))
    except DomainError as exc:
        errors = form_errors(exc, request, fields=(*fields, *QKEYS), aliases=ALIASES)
        return _one(request, c, actor, assessment_id, errors=errors, code=error_status(exc))
    return done(f"/console/assessments/{assessment_id}", message)


@router.post("/{assessment_id}/submit", response_class=HTMLResponse)
def submit(request: Request, c: ContainerDep, actor: Authorized, assessment_id: str) -> Response:
    def run(i: str) -> None:
        reg.submit_assessment(c.uow(), c.clock, actor, i)

    return _step(request, c, actor, assessment_id, "ia_submitted", (), run)


@router.post("/{assessment_id}/review", response_class=HTMLResponse)
def review(
    request: Request, c: ContainerDep, actor: Authorized, assessment_id: str, opinion: Text = ""
) -> Response:
    def run(i: str) -> None:
        reg.review_assessment(c.uow(), c.clock, actor, i, opinion)

    return _step(request, c, actor, assessment_id, "ia_reviewed", ("opinion",), run)


@router.post("/{assessment_id}/approve", response_class=HTMLResponse)
def approve(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    assessment_id: str,
    note: Text = "",
    review_by: Text = "",
) -> Response:
    def run(i: str) -> None:
        try:
            day = date.fromisoformat(review_by.strip()) if review_by.strip() else None
        except ValueError:
            raise InvalidInput("a date as YYYY-MM-DD", field="review_by") from None
        reg.approve_assessment(c.uow(), c.snapshots, c.clock, actor, i, note, day)

    return _step(request, c, actor, assessment_id, "ia_approved", ("note", "review_by"), run)


@router.post("/{assessment_id}/reject", response_class=HTMLResponse)
def reject(
    request: Request, c: ContainerDep, actor: Authorized, assessment_id: str, reason: Text = ""
) -> Response:
    def run(i: str) -> None:
        reg.reject_assessment(c.uow(), c.clock, actor, i, reason)

    return _step(request, c, actor, assessment_id, "ia_rejected", ("reason",), run)


@router.post("/{assessment_id}/withdraw", response_class=HTMLResponse)
def withdraw(
    request: Request, c: ContainerDep, actor: Authorized, assessment_id: str, reason: Text = ""
) -> Response:
    def run(i: str) -> None:
        reg.withdraw_assessment(c.uow(), c.clock, actor, i, reason)

    return _step(request, c, actor, assessment_id, "ia_withdrawn", ("reason",), run)
