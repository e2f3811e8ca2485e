"""Who may call the console's datamap pages (web/rules/datamap.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

ROWS: dict[tuple[str, str], frozenset[str]] = {}
