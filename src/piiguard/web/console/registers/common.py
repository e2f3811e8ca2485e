"""What the registers' pages share: the form field types, the page frame with the registers'
words, a form's JSON-API shape checked as the API checks it (its errors named by the form's
fields), and the names the pages show for keys (purposes, categories, roles, staff)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Form, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ValidationError

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.taxonomy import Taxonomy
from piiguard.services.staff.accounts import list_staff
from piiguard.web.console.kit import FieldError, console_page, error_status, form_errors
from piiguard.web.console.registers.texts import words

# a form's text: generous here (a guard against huge posts); the API's limits are checked
# by its own shapes, so a too-long field comes back on the form with the field marked
# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the page again with a generic message
Text = Annotated[str, Form(max_length=1_000_000)]
Many = Annotated[list[str] | None, Form(max_length=500)]
Key = Annotated[str, Path(max_length=200)]

# the registers' routes (purposes.py, taxonomy.py, departments.py), served by pages.py
router = APIRouter(prefix="/console", include_in_schema=False)
M = TypeVar("M", bound=BaseModel)
ROLES = ("staff", "privacy_officer", "system")  # the roles a purpose may be used by


def page(
    request: Request,
    c: Container,
    actor: Actor,
    name: str,
    context: dict[str, Any],
    **kw: Any,
) -> HTMLResponse:
    return console_page(request, c, actor, f"console/registers/{name}", context, words=words, **kw)


def failed(
    request: Request,
    exc: DomainError | RequestValidationError,
    fields: tuple[str, ...],
    aliases: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """`errors=` and `status=` for a form shown again after `exc`, the errors in the order
    of the form's `fields` (those of the form as a whole first)."""
    errors = form_errors(exc, request, fields=fields, aliases=aliases)
    order = {name: i for i, name in enumerate(fields)}
    return {
        "errors": sorted(errors, key=lambda e: order.get(e.field, -1)),
        "status": error_status(exc),
    }


def at_top(errors: list[FieldError]) -> list[FieldError]:
    """Errors of a form without fields of its own (a button): at the top of the page."""
    return [FieldError("", e.message) for e in errors]


def checked(model: type[M], data: dict[str, Any], aliases: Mapping[str, str]) -> M:
    """`data` as the JSON API's `model` (same limits, same rules); its errors are raised as
    a RequestValidationError naming the form's fields (`aliases`: the API's name -> the
    form's). No value is kept in the errors."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors(include_input=False, include_context=False, include_url=False):
            loc = tuple(err.get("loc", ()))
            name = str(loc[0]) if loc else ""
            errors.append({**err, "loc": (aliases.get(name, name), *loc[1:])})
        raise RequestValidationError(errors) from None


def purpose_name(rule: PurposeRule | Mapping[str, Any], lang: str) -> str:
    if isinstance(rule, PurposeRule):
        return rule.zh if lang == "zh-CN" else rule.en
    return str(rule.get("zh" if lang == "zh-CN" else "en", ""))


def category_name(taxonomy: Taxonomy, key: str, lang: str) -> str:
    """A category's name in `lang` and its key; an unknown key alone."""
    if key not in taxonomy:
        return key
    cat = taxonomy.get(key)
    return f"{cat.name_zh if lang == 'zh-CN' else cat.name} ({key})"


def category_options(taxonomy: Taxonomy, lang: str) -> list[tuple[str, str]]:
    """Every category as (key, its name indented by its depth) for a list of choices."""
    return [
        (c.key, "\u2003" * c.key.count(".") + category_name(taxonomy, c.key, lang))
        for c in taxonomy
    ]


def staff_names(c: Container) -> dict[str, str]:
    """Who changed a register, by the reference the store keeps ("staff:<id>")."""
    return {f"staff:{v.account.id}": v.account.display_name for v in list_staff(c.staff, c.uow())}
