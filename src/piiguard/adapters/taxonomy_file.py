"""Company categories from a YAML file (R2.1): a list of {key, name, name_zh, tier,
description, lookup}. They extend the built-in taxonomy; they cannot weaken it."""

from __future__ import annotations

from pathlib import Path

import yaml

from piiguard.domain.errors import InvalidInput
from piiguard.domain.taxonomy import Category, Lookup, Taxonomy, Tier


def load_company_categories(path: Path) -> list[Category]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = doc.get("categories", []) if isinstance(doc, dict) else doc
    if not isinstance(entries, list):
        raise InvalidInput(f"{path}: expected a list under 'categories'", field="categories")
    cats = []
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or "key" not in e or "name" not in e:
            raise InvalidInput(
                f"{path}: entry {i} needs at least 'key' and 'name'", field=f"categories[{i}]"
            )
        try:
            cats.append(
                Category(
                    key=str(e["key"]),
                    name=str(e["name"]),
                    name_zh=str(e.get("name_zh", e["name"])),
                    tier=Tier(e.get("tier", "ordinary")),
                    description=str(e.get("description", "")),
                    lookup=Lookup(e.get("lookup", "none")),
                    origin="company",
                )
            )
        except ValueError as exc:
            raise InvalidInput(f"{path}: entry {i}: {exc}", field=f"categories[{i}]") from None
    return cats


def load_taxonomy(company_file: Path | None) -> Taxonomy:
    base = Taxonomy.default()
    if company_file is None or not company_file.exists():
        return base
    return base.extend(load_company_categories(company_file))
