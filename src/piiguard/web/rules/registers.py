"""The authorization table's rows for the registers' pages: purposes and their history, the
taxonomy, departments (web/console/registers/). How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import Rule

RULES: dict[tuple[str, str], Rule] = {}
