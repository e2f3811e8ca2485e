"""The authorization table's rows for the data map's pages: systems, exports, findings
(web/console/datamap/). How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import Rule

RULES: dict[tuple[str, str], Rule] = {}
