"""The authorization table's rows for the oversight pages: legal exceptions, decisions and their
explanations, the audit trail and its verification (web/console/oversight/). How to read a rule:
web/rules/__init__.py.

Legal exceptions (R2.5): privacy officers request, approve (another officer: four eyes in the
service; the form asks for the password again when the sign-in is older than reauth_minutes,
so the row has reauth=False — the API's approval has reauth=True) and revoke; the auditor reads
the register and each exception read-only (no form, every change refused). Decisions and the
audit trail (R2.10, R5.1, R10.2): as the API, for auditors, officers and admins, who may all
run the verification."""

from __future__ import annotations

from piiguard.web.rules.base import AUDIT, AUDITOR, OFFICER, OFFICERS, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))

RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/console/exceptions"): READERS,
    ("GET", "/console/exceptions/{exception_id}"): READERS,
    ("POST", "/console/exceptions"): Rule(OFFICERS),
    ("POST", "/console/exceptions/{exception_id}/approve"): Rule(OFFICERS),
    ("POST", "/console/exceptions/{exception_id}/revoke"): Rule(OFFICERS),
    ("GET", "/console/decisions"): Rule(AUDIT),
    ("GET", "/console/decisions/{decision_id}"): Rule(AUDIT),
    ("GET", "/console/audit"): Rule(AUDIT),
    ("POST", "/console/audit/verify"): Rule(AUDIT),
}
