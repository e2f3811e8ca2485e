"""The authorization table's rows for impact assessments and the duties by headcount (R10.4,
R10.2; docs/accountability.md): the JSON API (/api/v1/assessments…, /api/v1/accountability…)
and the console (/console/assessments…, /console/accountability). How to read a rule:
web/rules/__init__.py.

Privacy officers draft, review, approve (another officer than the author: the service
checks), withdraw, designate cases and record audits; auditors read everything and change
nothing. No personal data of a subject is on any of these routes."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, OFFICERS, Rule, roles

READERS = Rule(roles(OFFICER, AUDITOR))
CHANGE = Rule(OFFICERS)
A = "/api/v1/assessments"
ONE = A + "/{assessment_id}"
C = "/console/assessments"
CONE = C + "/{assessment_id}"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", A): READERS,
    ("POST", A): CHANGE,
    ("GET", A + "/template"): READERS,
    ("GET", A + "/cases"): READERS,
    ("PUT", A + "/cases/{purpose}/{case}"): CHANGE,
    ("DELETE", A + "/cases/{purpose}/{case}"): CHANGE,
    ("GET", ONE): READERS,
    ("PUT", ONE): CHANGE,
    ("DELETE", ONE): CHANGE,
    ("POST", ONE + "/submit"): CHANGE,
    ("POST", ONE + "/review"): CHANGE,
    ("POST", ONE + "/approve"): CHANGE,
    ("POST", ONE + "/reject"): CHANGE,
    ("POST", ONE + "/withdraw"): CHANGE,
    ("GET", "/api/v1/accountability/duties"): READERS,
    ("POST", "/api/v1/accountability/audits"): CHANGE,
    # the console (web/console/assessments/)
    ("GET", C): READERS,
    ("GET", C + "/new"): CHANGE,
    ("POST", C): CHANGE,
    ("POST", C + "/cases"): CHANGE,
    ("POST", C + "/cases/remove"): CHANGE,
    ("GET", CONE): READERS,
    ("POST", CONE): CHANGE,
    ("POST", CONE + "/submit"): CHANGE,
    ("POST", CONE + "/review"): CHANGE,
    ("POST", CONE + "/approve"): CHANGE,
    ("POST", CONE + "/reject"): CHANGE,
    ("POST", CONE + "/withdraw"): CHANGE,
    ("GET", "/console/accountability"): READERS,
    ("POST", "/console/accountability/audits"): CHANGE,
}
