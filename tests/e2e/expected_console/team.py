"""Who may call the console's team pages (web/rules/team.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

ALL = frozenset({"admin", "privacy_officer", "staff", "auditor", "system", "anonymous"})
READERS = frozenset({"admin", "privacy_officer", "auditor"})  # accounts and clients, read
CONFIG = frozenset({"admin", "privacy_officer"})
OFFICER = frozenset({"privacy_officer"})
ST = "/console/staff/{staff_id}"
CL = "/console/clients/{client_id}"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/console/staff"): READERS,
    ("POST", "/console/staff/invitations"): CONFIG,
    ("GET", ST): READERS,
    ("POST", ST + "/roles"): CONFIG,
    ("POST", ST + "/unlock"): OFFICER,
    ("POST", ST + "/deactivate"): CONFIG,
    ("POST", ST + "/mfa-reset"): OFFICER,
    ("GET", "/console/clients"): READERS,
    ("POST", "/console/clients"): CONFIG,
    ("GET", CL): READERS,
    ("POST", CL + "/scope"): CONFIG,
    ("POST", CL + "/rotate"): CONFIG,
    ("POST", CL + "/revoke"): CONFIG,
    ("GET", "/console/invite"): ALL,  # the invitation's link: its token is the credential
    ("POST", "/console/invite"): ALL,
}
