"""Who may call the console's upkeep pages (web/rules/confirmations.py), written out for
tests/e2e/test_authz.py: (method, path template) -> the roles let in. The confirmation
queue: staff and privacy officers; the intervals and the child-data tasks: privacy
officers; auditors and admins (without the officer role): none."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
HANDLERS = frozenset({"staff", "privacy_officer"})
Q = "/console/confirmations"
K = "/console/children"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", Q): HANDLERS,
    ("GET", Q + "/{confirmation_id}"): HANDLERS,
    ("POST", Q + "/{confirmation_id}/record"): HANDLERS,
    ("POST", Q + "/intervals"): OFFICER,
    ("POST", Q + "/intervals/remove"): OFFICER,
    ("GET", K): OFFICER,
    ("GET", K + "/{task_id}"): OFFICER,
    ("POST", K + "/{task_id}/dispose"): OFFICER,
    ("POST", K + "/{task_id}/guardian"): OFFICER,
    ("POST", K + "/{task_id}/not-a-child"): OFFICER,
}
