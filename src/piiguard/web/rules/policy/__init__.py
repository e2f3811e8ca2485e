"""The authorization table's rows for the policy-version pages (web/console/policy/), a
versions and drafts, a version's diff, the draft form, publishing and rejecting a draft,
the notices per person and sending them again. How to read a rule: web/rules/__init__.py.

Privacy officers propose, publish (a material change: another officer than its proposer,
in the service; the form asks for the password when the sign-in is older than
reauth_minutes, so the row has reauth=False — the API's has reauth=True), reject and
release notices. Auditors read every page (R10.2); no form is shown to them. Staff and
admins without the officer role: none (the privacy centre shows the policy to everyone)."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, OFFICERS, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))
CHANGE = Rule(OFFICERS)
P = "/console/policy"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", P): READERS,
    ("GET", P + "/drafts/new"): CHANGE,
    ("POST", P + "/drafts"): CHANGE,
    ("GET", P + "/drafts/{draft_id}"): READERS,
    ("POST", P + "/drafts/{draft_id}/publish"): CHANGE,
    ("POST", P + "/drafts/{draft_id}/reject"): CHANGE,
    ("GET", P + "/versions/{version}"): READERS,
    ("GET", P + "/versions/{version}/notices"): READERS,
    ("POST", P + "/versions/{version}/notices/release"): CHANGE,
}
