"""Who may read the record of processing (web/rules/records.py), API and console, written
out for tests/e2e/test_authz.py: (method, path template) -> the roles let in."""

from __future__ import annotations

READERS = frozenset({"privacy_officer", "auditor"})

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/api/v1/records"): READERS,
    ("GET", "/api/v1/records/csv"): READERS,
    ("GET", "/api/v1/records/versions"): READERS,
    ("GET", "/api/v1/records/versions/{version}"): READERS,
    ("GET", "/console/records"): READERS,
    ("GET", "/console/records/csv"): READERS,
    ("GET", "/api/v1/records/xlsx"): READERS,
    ("GET", "/console/records/xlsx"): READERS,
    # the signed evidence report (R10.2): made and checked by officers and auditors
    ("GET", "/api/v1/evidence/report"): READERS,
    ("POST", "/api/v1/evidence/verify"): READERS,
    ("GET", "/console/evidence"): READERS,
    ("GET", "/console/evidence/report"): READERS,
    ("POST", "/console/evidence/verify"): READERS,
}
