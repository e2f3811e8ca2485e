"""The authorization table's rows for the staff and system-client pages: invitations, roles,
unlock, deactivate, TOTP reset; API clients (web/console/team/). How to read a rule:
web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import Rule

RULES: dict[tuple[str, str], Rule] = {}
