"""Who may call the console's people pages (web/rules/people.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

P = "/console/people/{subject_id}"
HANDLERS = frozenset({"staff", "privacy_officer"})  # people's records: not admin, not auditor

ROWS: dict[tuple[str, str], frozenset[str]] = dict.fromkeys(
    [
        ("GET", "/console/people"),
        ("POST", "/console/people/find"),
        ("GET", P),
        ("GET", P + "/consents/new"),
        ("POST", P + "/consents"),
        ("POST", P + "/consents/{consent_id}/withdraw"),
        ("GET", P + "/restrictions/new"),
        ("POST", P + "/restrictions"),
        ("POST", P + "/restrictions/{restriction_id}/lift"),
        ("POST", P + "/guardians"),
        ("POST", P + "/guardians/{guardian_id}/verify"),
        ("POST", P + "/minor"),
        ("GET", P + "/read"),
        ("POST", P + "/read"),
    ],
    HANDLERS,
)
