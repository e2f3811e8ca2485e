"""The authorization table's rows for the backup pages (web/console/backups/; a package,
so that web/rules/ stays within 15 modules): officers and admins take backups and run
restore tests (taking one asks for the password on the form when the sign-in is old, so
that row has reauth=False; the API's has reauth=True); auditors read the list, each
backup's evidence and the settings (R10.2). Staff: none."""

from __future__ import annotations

from piiguard.web.rules.base import ADMIN, AUDITOR, OFFICER, Rule, roles

READERS = Rule(roles(OFFICER, ADMIN, AUDITOR))
ACT = Rule(roles(OFFICER, ADMIN))
B = "/console/backups"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", B): READERS,
    ("POST", B): ACT,
    ("GET", B + "/settings"): READERS,
    ("GET", B + "/{backup_id}"): READERS,
    ("POST", B + "/{backup_id}/restore-tests"): ACT,
}
