"""Who may call the console's registers pages (web/rules/registers.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

READERS = frozenset({"staff", "privacy_officer", "admin", "auditor"})  # as the API's GETs
OFFICER = frozenset({"privacy_officer"})

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/console/purposes"): READERS,
    ("GET", "/console/purposes/{key}"): READERS,
    ("POST", "/console/purposes"): OFFICER,
    ("POST", "/console/purposes/{key}"): OFFICER,
    ("POST", "/console/purposes/{key}/deactivate"): OFFICER,
    ("GET", "/console/taxonomy"): READERS,
    ("POST", "/console/taxonomy"): OFFICER,
    ("POST", "/console/taxonomy/{key}/retire"): OFFICER,
    ("GET", "/console/departments"): READERS,
    ("GET", "/console/departments/{key}"): READERS,
    ("POST", "/console/departments"): OFFICER,
    ("POST", "/console/departments/{key}"): OFFICER,
}
