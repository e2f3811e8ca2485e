"""Who may call the console's backup pages (web/rules/backups.py), written out for
tests/e2e/test_authz.py: officers and admins take backups and run restore tests; auditors
read the list, each backup's evidence and the settings; staff: none."""

from __future__ import annotations

READERS = frozenset({"privacy_officer", "admin", "auditor"})
ACT = frozenset({"privacy_officer", "admin"})
B = "/console/backups"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", B): READERS,
    ("POST", B): ACT,
    ("GET", B + "/settings"): READERS,
    ("GET", B + "/{backup_id}"): READERS,
    ("POST", B + "/{backup_id}/restore-tests"): ACT,
}
