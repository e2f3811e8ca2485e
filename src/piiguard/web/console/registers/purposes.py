"""The purpose register's pages (R2.3): the register with each purpose's version, a purpose
with its versions side by side (who changed what, when), and the officers' forms — add a
purpose and change one (the API's PUT /api/v1/purposes/{key}), deactivate one (its DELETE).
The same service calls as web/api/registers.py, so the same checks and audit entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, DomainError
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.subjects import LegalBasis
from piiguard.services.policy import snapshot as policy
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.schemas.registers import PurposeIO
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, done, fmt_time, merged
from piiguard.web.console.registers.common import (
    ROLES,
    Key,
    Many,
    Text,
    category_name,
    category_options,
    checked,
    failed,
    page,
    purpose_name,
    router,
    staff_names,
)
from piiguard.web.console.registers.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

FIELDS = (  # in the form's order (the error summary's)
    "key",
    "name_zh",
    "name_en",
    "legal_basis",
    "needs_consent",
    "retention_days",
    "roles",
    "categories",
    "active",
)
ALIASES = {"en": "name_en", "zh": "name_zh"}  # the API's names -> the form's
SHOWN = FIELDS[1:]  # the fields of a version, in the order the history shows them
LABELS = {
    "name_zh": "f_name_zh",
    "name_en": "f_name_en",
    "legal_basis": "f_basis",
    "categories": "f_categories",
    "retention_days": "f_retention",
    "needs_consent": "f_consent",
    "roles": "f_roles",
    "active": "f_active",
}


class PurposeForm(PurposeIO):
    key: Slug


def _versions(c: Container, key: str | None = None) -> list[dict[str, Any]]:
    """The register's history (of one purpose): each version's fields as the form names them."""
    out = []
    for version, definition, at, by in policy.purpose_history(c.uow(readonly=True), key):
        d = json.loads(definition)
        out.append(
            {
                "version": version,
                "at": at,
                "by": by,
                "key": d["key"],
                "fields": {
                    "name_en": d["en"],
                    "name_zh": d["zh"],
                    "legal_basis": d["legal_basis"],
                    "categories": tuple(d["categories"]),
                    "retention_days": d["retention_days"],
                    "needs_consent": d["needs_consent"],
                    "roles": tuple(d["roles"]),
                    "active": d["active"],
                },
            }
        )
    return out


def _options(c: Container, lang: str) -> dict[str, Any]:
    t = words(lang)
    return {
        "bases": [(b.value, t[f"basis_{b.value}"]) for b in LegalBasis],
        "category_options": category_options(c.state.taxonomy, lang),
        "role_options": [(r, t[f"role_{r}"]) for r in ROLES],
    }


def _form_values(rule: PurposeRule) -> dict[str, Any]:
    return {
        "key": rule.key,
        "name_en": rule.en,
        "name_zh": rule.zh,
        "legal_basis": rule.legal_basis.value,
        "categories": sorted(rule.categories),
        "retention_days": rule.retention_days,
        "needs_consent": "yes" if rule.needs_consent else "no",
        "roles": sorted(rule.roles),
        "active": "yes" if rule.active else "no",
    }


def _register_page(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    state = c.state
    latest = {v["key"]: v["version"] for v in _versions(c)}
    rows = [
        {"rule": r, "name": purpose_name(r, lang), "version": latest.get(r.key)}
        for r in sorted(state.register.rules.values(), key=lambda r: r.key)
    ]
    return page(
        request,
        c,
        actor,
        "purposes.html",
        {"register_version": state.register.version, "rows": rows, **_options(c, lang)},
        errors=errors or (),
        values=values or {"needs_consent": "no", "roles": ["staff", "privacy_officer", "system"]},
        status=status,
    )


@router.get("/purposes")
def register(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _register_page(request, c, actor)


def _unknown(request: Request, c: Container, actor: Actor) -> HTMLResponse:
    t = words(language(request))
    return _register_page(
        request, c, actor, errors=[FieldError("", t["unknown_purpose"])], status=404
    )


def _history(c: Container, key: str, lang: str) -> list[dict[str, Any]]:
    """Each version beside the one before it, newest first: per field, both values as the
    page shows them and whether it changed."""
    t, taxonomy, names = merged(words)(lang), c.state.taxonomy, staff_names(c)

    say: dict[str, Callable[[Any], Any]] = {
        "legal_basis": lambda v: t.get(f"basis_{v}", v),
        "categories": lambda v: [category_name(taxonomy, k, lang) for k in v],
        "roles": lambda v: [t.get(f"role_{r}", r) for r in v],
        "needs_consent": lambda v: t["yes"] if v else t["no"],
        "active": lambda v: t["active"] if v else t["inactive"],
        "retention_days": lambda v: t["days"].format(n=v),
    }

    def shown(name: str, value: Any) -> Any:
        return None if value is None else say.get(name, lambda v: v)(value)

    out: list[dict[str, Any]] = []
    before: dict[str, Any] | None = None
    for v in _versions(c, key):
        rows = []
        for name in SHOWN:
            old = before["fields"][name] if before else None
            new = v["fields"][name]
            rows.append(
                {
                    "field": name,
                    "label": t[LABELS[name]],
                    "before": shown(name, old),
                    "after": shown(name, new),
                    "changed": before is not None and old != new,
                }
            )
        by = v["by"]
        out.append(
            {
                "version": v["version"],
                "previous": before["version"] if before else None,
                "at": fmt_time(datetime.fromisoformat(v["at"])),
                "by": names.get(by, t["seeded"] if by.startswith("operator:") else by),
                "rows": rows,
            }
        )
        before = v
    return list(reversed(out))


def _purpose_page(
    request: Request,
    c: Container,
    actor: Actor,
    key: str,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    rule = c.state.register.rules.get(key)
    if rule is None:
        return _unknown(request, c, actor)
    history = _history(c, key, lang)
    return page(
        request,
        c,
        actor,
        "purpose.html",
        {
            "rule": rule,
            "name": purpose_name(rule, lang),
            "version": history[0]["version"] if history else None,
            "history": history,
            "categories": [
                category_name(c.state.taxonomy, k, lang) for k in sorted(rule.categories)
            ],
            **_options(c, lang),
        },
        errors=errors or (),
        values=values or _form_values(rule),
        status=status,
    )


@router.get("/purposes/{key}")
def purpose(request: Request, c: ContainerDep, actor: Authorized, key: Key) -> HTMLResponse:
    return _purpose_page(request, c, actor, key)


def _rule(key: str, form: dict[str, Any]) -> PurposeRule:
    """The form as the API's PurposeIO (same limits), then the rule the service saves."""
    data = {
        "key": key,
        "en": form["name_en"],
        "zh": form["name_zh"],
        "legal_basis": form["legal_basis"],
        "categories": form["categories"],
        "retention_days": form["retention_days"],
        "needs_consent": form["needs_consent"],
        "roles": form["roles"],
        "active": form.get("active", "yes"),
    }
    body = checked(PurposeForm, data, ALIASES)
    return body.rule(body.key)


def _typed(**form: Any) -> dict[str, Any]:
    return {k: ([] if v is None else v) for k, v in form.items()}


@router.post("/purposes")
def add_purpose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Text = "",
    name_en: Text = "",
    name_zh: Text = "",
    legal_basis: Text = "",
    categories: Many = None,
    retention_days: Text = "",
    needs_consent: Text = "",
    roles: Many = None,
) -> Response:
    """A new purpose (PUT /api/v1/purposes/{key} for a key the register does not have)."""
    form = _typed(
        key=key.strip(),
        name_en=name_en,
        name_zh=name_zh,
        legal_basis=legal_basis,
        categories=categories,
        retention_days=retention_days.strip(),
        needs_consent=needs_consent,
        roles=roles,
    )
    try:
        rule = _rule(form["key"], form)
        if rule.key in c.state.register.rules:
            raise Conflict(
                f"the register has a purpose {rule.key!r}: change it on its own page", field="key"
            )
        policy.save_purpose(c.uow(), c.snapshots, c.clock, actor, rule)
    except (DomainError, RequestValidationError) as exc:
        return _register_page(
            request, c, actor, values=form, **failed(request, exc, FIELDS, ALIASES)
        )
    return done(f"/console/purposes/{rule.key}", "purpose_added")


@router.post("/purposes/{key}")
def save_purpose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Key,
    name_en: Text = "",
    name_zh: Text = "",
    legal_basis: Text = "",
    categories: Many = None,
    retention_days: Text = "",
    needs_consent: Text = "",
    roles: Many = None,
    active: Text = "",
) -> Response:
    """Change a purpose (PUT /api/v1/purposes/{key}): a new register version."""
    if key not in c.state.register.rules:
        return _unknown(request, c, actor)
    form = _typed(
        key=key,
        name_en=name_en,
        name_zh=name_zh,
        legal_basis=legal_basis,
        categories=categories,
        retention_days=retention_days.strip(),
        needs_consent=needs_consent,
        roles=roles,
        active=active,
    )
    try:
        policy.save_purpose(c.uow(), c.snapshots, c.clock, actor, _rule(key, form))
    except (DomainError, RequestValidationError) as exc:
        return _purpose_page(
            request, c, actor, key, values=form, **failed(request, exc, FIELDS, ALIASES)
        )
    return done(f"/console/purposes/{key}", "purpose_saved")


@router.post("/purposes/{key}/deactivate")
def deactivate_purpose(request: Request, c: ContainerDep, actor: Authorized, key: Key) -> Response:
    """Deactivate a purpose (DELETE /api/v1/purposes/{key}): never deleted, only inactive."""
    rule = c.state.register.rules.get(key)
    if rule is None:
        return _unknown(request, c, actor)
    try:
        if not rule.active:
            raise Conflict("the purpose is inactive already")
        policy.deactivate_purpose(c.uow(), c.snapshots, c.clock, actor, key)
    except DomainError as exc:
        return _purpose_page(request, c, actor, key, **failed(request, exc, ()))
    return done(f"/console/purposes/{key}", "purpose_deactivated")
