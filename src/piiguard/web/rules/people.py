"""The authorization table's rows for the people pages: find a person, their items' metadata,
consents, restrictions, objections, guardians, reading values for a purpose
(web/console/people/). How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import Rule

RULES: dict[tuple[str, str], Rule] = {}
