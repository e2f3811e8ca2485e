"""Who may call the console's retention pages (web/rules/retention.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in. Officers change;
auditors read; staff and admins (without the officer role) none."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
R = "/console/retention"
B = R + "/batches/{batch_id}"
H = R + "/holds/{hold_id}"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", R): READERS,
    ("GET", R + "/history"): READERS,
    ("POST", R + "/rules"): OFFICER,
    ("POST", R + "/rules/remove"): OFFICER,
    ("POST", R + "/record-rules"): OFFICER,
    ("POST", R + "/minimums"): OFFICER,
    ("POST", R + "/reviews"): OFFICER,
    ("GET", R + "/holds"): READERS,
    ("POST", R + "/holds"): OFFICER,
    ("GET", H): READERS,
    ("POST", H + "/approve"): OFFICER,
    ("POST", H + "/reject"): OFFICER,
    ("POST", H + "/lift-request"): OFFICER,
    ("POST", H + "/lift"): OFFICER,
    ("GET", R + "/preview"): READERS,
    ("GET", R + "/batches"): READERS,
    ("POST", R + "/batches"): OFFICER,
    ("GET", B): READERS,
    ("POST", B + "/approve"): OFFICER,
    ("POST", B + "/reject"): OFFICER,
    ("POST", B + "/dispose"): OFFICER,
    ("GET", B + "/certificate"): READERS,
    ("GET", B + "/certificate.html"): READERS,
    ("POST", B + "/tasks/{task_id}/confirm"): OFFICER,
    ("POST", B + "/tasks/{task_id}/waive"): OFFICER,
}
