"""The authorization table's rows for the oversight pages: legal exceptions, decisions and their
explanations, the audit trail and its verification (web/console/oversight/). How to read a rule:
web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import Rule

RULES: dict[tuple[str, str], Rule] = {}
