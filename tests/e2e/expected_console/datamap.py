"""Who may call the console's datamap pages (web/rules/datamap.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

STAFF_ROLES = frozenset({"staff", "privacy_officer", "admin", "auditor"})
CONFIG = frozenset({"admin", "privacy_officer"})
OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
HANDLERS = frozenset({"staff", "privacy_officer"})

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/console/systems"): STAFF_ROLES,
    ("GET", "/console/systems/{key}"): STAFF_ROLES,
    ("GET", "/console/systems/new"): CONFIG,
    ("POST", "/console/systems/new"): CONFIG,
    ("POST", "/console/systems/{key}"): CONFIG,
    ("POST", "/console/systems/{key}/approval"): OFFICER,
    ("GET", "/console/exports"): READERS,
    ("POST", "/console/exports/review"): OFFICER,
    ("GET", "/console/exports/new"): HANDLERS,
    ("POST", "/console/exports/new"): HANDLERS,
    ("GET", "/console/findings"): READERS,
    ("GET", "/console/findings/{finding_id}"): READERS,
    ("POST", "/console/findings/{finding_id}"): OFFICER,
}
