"""Who may call the console's policy-version pages (web/rules/policy.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in. Officers propose,
publish, reject and release notices; auditors read; staff and admins (without the officer
role) none."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
P = "/console/policy"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", P): READERS,
    ("GET", P + "/drafts/new"): OFFICER,
    ("POST", P + "/drafts"): OFFICER,
    ("GET", P + "/drafts/{draft_id}"): READERS,
    ("POST", P + "/drafts/{draft_id}/publish"): OFFICER,
    ("POST", P + "/drafts/{draft_id}/reject"): OFFICER,
    ("GET", P + "/versions/{version}"): READERS,
    ("GET", P + "/versions/{version}/notices"): READERS,
    ("POST", P + "/versions/{version}/notices/release"): OFFICER,
}
