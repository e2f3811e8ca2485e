"""The authorization table's rows for the retention pages (web/console/retention/): the
schedule and its history, legal holds, the disposal preview, disposal batches, their
certificates and deletion notices. How to read a rule: web/rules/__init__.py.

Privacy officers change the schedule, propose, approve (another officer: four eyes in the
service), reject and lift holds, make, approve, reject and dispose of batches, confirm or
waive deletion notices; approving a hold or a batch, lifting a hold and disposing ask for
the password on the form when the sign-in is older than reauth_minutes, so those rows have
reauth=False (the API's have reauth=True). Auditors read every page and download
certificates (R2.10, R10.2); no change form is shown to them. Staff: none."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, OFFICERS, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))
CHANGE = Rule(OFFICERS)
R = "/console/retention"
B = R + "/batches/{batch_id}"
H = R + "/holds/{hold_id}"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", R): READERS,
    ("GET", R + "/history"): READERS,
    ("POST", R + "/rules"): CHANGE,
    ("POST", R + "/rules/remove"): CHANGE,
    ("POST", R + "/record-rules"): CHANGE,
    ("POST", R + "/minimums"): CHANGE,
    ("POST", R + "/reviews"): CHANGE,
    ("GET", R + "/holds"): READERS,
    ("POST", R + "/holds"): CHANGE,
    ("GET", H): READERS,
    ("POST", H + "/approve"): CHANGE,
    ("POST", H + "/reject"): CHANGE,
    ("POST", H + "/lift-request"): CHANGE,
    ("POST", H + "/lift"): CHANGE,
    ("GET", R + "/preview"): READERS,
    ("GET", R + "/batches"): READERS,
    ("POST", R + "/batches"): CHANGE,
    ("GET", B): READERS,
    ("POST", B + "/approve"): CHANGE,
    ("POST", B + "/reject"): CHANGE,
    ("POST", B + "/dispose"): CHANGE,
    ("GET", B + "/certificate"): READERS,
    ("GET", B + "/certificate.html"): READERS,
    ("POST", B + "/tasks/{task_id}/confirm"): CHANGE,
    ("POST", B + "/tasks/{task_id}/waive"): CHANGE,
}
