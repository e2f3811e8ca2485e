"""The authorization table's rows for the record of processing activities (R10.1;
docs/accountability.md): the JSON API (/api/v1/records…) and the console page
(/console/records…). How to read a rule: web/rules/__init__.py.

Privacy officers and auditors read the record, its versions and its CSV. Nobody edits it:
it is generated from the registers, whose own rows say who changes them. Reading it may
keep a new version (when the registers changed since the last one), which is audited."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))
A = "/api/v1/records"
C = "/console/records"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", A): READERS,
    ("GET", A + "/csv"): READERS,
    ("GET", A + "/versions"): READERS,
    ("GET", A + "/versions/{version}"): READERS,
    ("GET", C): READERS,
    ("GET", C + "/csv"): READERS,
}
