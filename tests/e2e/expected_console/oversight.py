"""Who may call the console's oversight pages (web/rules/oversight.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
AUDIT = frozenset({"auditor", "privacy_officer", "admin"})

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/console/exceptions"): READERS,
    ("GET", "/console/exceptions/{exception_id}"): READERS,
    ("POST", "/console/exceptions"): OFFICER,
    ("POST", "/console/exceptions/{exception_id}/approve"): OFFICER,
    ("POST", "/console/exceptions/{exception_id}/revoke"): OFFICER,
    ("GET", "/console/decisions"): AUDIT,
    ("GET", "/console/decisions/{decision_id}"): AUDIT,
    ("GET", "/console/audit"): AUDIT,
    ("POST", "/console/audit/verify"): AUDIT,
}
