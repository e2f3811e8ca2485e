"""The authorization table's rows for accountability (docs/accountability.md): the record of
processing activities (R10.1) and the signed evidence report (R10.2) — the JSON API
(/api/v1/records…, /api/v1/evidence…) and the console pages (/console/records…,
/console/evidence…). How to read a rule: web/rules/__init__.py.

Privacy officers and auditors read the record, its versions, its CSV and XLSX. Nobody edits
it: it is generated from the registers, whose own rows say who changes them. Reading it may
keep a new version (when the registers changed since the last one), which is audited. The
same two roles make evidence reports (each audited) and check a report's signature: an
auditor is who the report is for; it holds counts, ids and dates, no personal data."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))
A = "/api/v1/records"
C = "/console/records"
EA = "/api/v1/evidence"
EC = "/console/evidence"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", A): READERS,
    ("GET", A + "/csv"): READERS,
    ("GET", A + "/xlsx"): READERS,
    ("GET", A + "/versions"): READERS,
    ("GET", A + "/versions/{version}"): READERS,
    ("GET", C): READERS,
    ("GET", C + "/csv"): READERS,
    ("GET", C + "/xlsx"): READERS,
    ("GET", EA + "/report"): READERS,
    ("POST", EA + "/verify"): READERS,
    ("GET", EC): READERS,
    ("GET", EC + "/report"): READERS,
    ("POST", EC + "/verify"): READERS,
}
