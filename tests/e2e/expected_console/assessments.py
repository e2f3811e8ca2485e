"""Who may call the impact-assessment and duties routes (web/rules/assessments/), API and
console, written out for tests/e2e/test_authz.py: (method, path template) -> the roles let
in. Officers draft, review, approve, withdraw, designate and record audits; auditors read."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
A = "/api/v1/assessments"
ONE = A + "/{assessment_id}"
C = "/console/assessments"
CONE = C + "/{assessment_id}"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", A): READERS,
    ("POST", A): OFFICER,
    ("GET", A + "/template"): READERS,
    ("GET", A + "/cases"): READERS,
    ("PUT", A + "/cases/{purpose}/{case}"): OFFICER,
    ("DELETE", A + "/cases/{purpose}/{case}"): OFFICER,
    ("GET", ONE): READERS,
    ("PUT", ONE): OFFICER,
    ("DELETE", ONE): OFFICER,
    **{
        ("POST", ONE + s): OFFICER
        for s in ("/submit", "/review", "/approve", "/reject", "/withdraw")
    },
    ("GET", "/api/v1/accountability/duties"): READERS,
    ("POST", "/api/v1/accountability/audits"): OFFICER,
    ("GET", C): READERS,
    ("GET", C + "/new"): OFFICER,
    ("POST", C): OFFICER,
    ("POST", C + "/cases"): OFFICER,
    ("POST", C + "/cases/remove"): OFFICER,
    ("GET", CONE): READERS,
    ("POST", CONE): OFFICER,
    **{
        ("POST", CONE + s): OFFICER
        for s in ("/submit", "/review", "/approve", "/reject", "/withdraw")
    },
    ("GET", "/console/accountability"): READERS,
    ("POST", "/console/accountability/audits"): OFFICER,
}
