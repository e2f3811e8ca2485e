"""The taxonomy's page (R2.1): the category tree with each category's tier, the company's own
categories marked (and deprecated ones), and the officers' forms — add a company category
(POST /api/v1/taxonomy) and retire one (DELETE /api/v1/taxonomy/{key}: deleted when no data
has it, deprecated otherwise). The same service calls as web/api/registers.py."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, UnknownCategory
from piiguard.domain.taxonomy import Category, Lookup, Tier
from piiguard.services.policy import snapshot as policy
from piiguard.web.api.schemas.registers import CategoryIn
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, done
from piiguard.web.console.registers.common import (
    Key,
    Text,
    at_top,
    category_options,
    checked,
    failed,
    page,
    router,
)
from piiguard.web.console.registers.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

FIELDS = ("parent", "key", "name_en", "name_zh", "tier", "lookup", "description")
ALIASES = {"name": "name_en"}
SEGMENT = re.compile(r"^[a-z][a-z0-9_]*$")


def _tree(c: Container, lang: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The categories as nested nodes (children in key order) and the page's counts."""
    state = c.state
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for cat in state.taxonomy:  # parents come before their children (key order)
        node = {
            "cat": cat,
            "name": cat.name_zh if lang == "zh-CN" else cat.name,
            "deprecated": cat.key in state.deprecated,
            "anchor": cat.key.replace(".", "-"),
            "children": [],
        }
        nodes[cat.key] = node
        parent = nodes.get(cat.parent) if cat.parent else None
        (parent["children"] if parent else roots).append(node)
    cats = list(state.taxonomy)
    counts = {
        "n": len(cats),
        "s": sum(1 for x in cats if x.sensitive),
        "k": sum(1 for x in cats if x.origin == "company"),
    }
    return roots, counts


def _taxonomy_page(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    t = words(lang)
    tree, counts = _tree(c, lang)
    return page(
        request,
        c,
        actor,
        "taxonomy.html",
        {
            "tree": tree,
            "counts": counts,
            "parent_options": category_options(c.state.taxonomy, lang),
            "tier_options": [(x.value, t[f"tier_{x.value}"]) for x in Tier],
            "lookup_options": [(x.value, t[f"lookup_{x.value}"]) for x in Lookup],
        },
        errors=errors or (),
        values=values or {"tier": Tier.ORDINARY.value, "lookup": Lookup.NONE.value},
        status=status,
    )


@router.get("/taxonomy")
def taxonomy(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _taxonomy_page(request, c, actor)


@router.post("/taxonomy")
def add_category(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    parent: Text = "",
    key: Text = "",
    name_en: Text = "",
    name_zh: Text = "",
    tier: Text = "",
    lookup: Text = "",
    description: Text = "",
) -> Response:
    """A company category under `parent` (or at the top): stricter than its parent, never
    weaker (POST /api/v1/taxonomy)."""
    form = {
        "parent": parent.strip(),
        "key": key.strip(),
        "name_en": name_en,
        "name_zh": name_zh,
        "tier": tier,
        "lookup": lookup,
        "description": description,
    }
    try:
        if form["parent"] and form["parent"] not in c.state.taxonomy:
            raise UnknownCategory("choose the parent from the list", field="parent")
        if not SEGMENT.match(form["key"]):
            raise InvalidInput(words("en")["segment_bad"], field="key")
        full = f"{form['parent']}.{form['key']}" if form["parent"] else form["key"]
        body = checked(
            CategoryIn,
            {
                "key": full,
                "name": name_en,
                "name_zh": name_zh,
                "tier": tier,
                "lookup": lookup,
                "description": description,
            },
            ALIASES,
        )
        policy.add_category(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            Category(
                body.key,
                body.name,
                body.name_zh,
                body.tier,
                body.description,
                body.lookup,
                origin="company",
            ),
        )
    except (DomainError, RequestValidationError) as exc:
        return _taxonomy_page(
            request, c, actor, values=form, **failed(request, exc, FIELDS, ALIASES)
        )
    return done("/console/taxonomy", "category_added")


@router.post("/taxonomy/{key}/retire")
def retire_category(request: Request, c: ContainerDep, actor: Authorized, key: Key) -> Response:
    """Delete a company category nobody uses; one in use is only deprecated
    (DELETE /api/v1/taxonomy/{key})."""
    try:
        outcome = policy.retire_category(c.uow(), c.snapshots, c.clock, actor, key)
    except DomainError as exc:
        shown = failed(request, exc, ())
        return _taxonomy_page(
            request, c, actor, errors=at_top(shown["errors"]), status=shown["status"]
        )
    return done("/console/taxonomy", f"category_{outcome}")
