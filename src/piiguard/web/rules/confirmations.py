"""The authorization table's rows for data kept up to date (R2.8) and a child's data found
(R6.3): the privacy centre's confirmation page (public, each route guarding itself: the
link's token, the form's CSRF cookie, the one-time code, the pass), the console's
confirmations and children pages (their JSON API's rows are in api.py). How to read a
rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import HANDLERS, OFFICERS, PUBLIC, Rule

Q = "/console/confirmations"
K = "/console/children"

RULES: dict[tuple[str, str], Rule] = {
    **dict.fromkeys(
        [
            ("GET", "/privacy/confirm/{token}"),
            ("POST", "/privacy/confirm/{token}"),
            ("POST", "/privacy/confirm/{token}/code"),
            ("POST", "/privacy/confirm/{token}/verify"),
        ],
        PUBLIC,
    ),
    # the confirmation queue: staff and officers (metadata only; a confirmation by phone
    # recorded); the intervals: officers
    ("GET", Q): Rule(HANDLERS),
    ("GET", Q + "/{confirmation_id}"): Rule(HANDLERS),
    ("POST", Q + "/{confirmation_id}/record"): Rule(HANDLERS),
    ("POST", Q + "/intervals"): Rule(OFFICERS),
    ("POST", Q + "/intervals/remove"): Rule(OFFICERS),
    # child-data tasks: officers; disposing asks for the password on the form when the
    # sign-in is older than reauth_minutes (the API's row has reauth=True)
    ("GET", K): Rule(OFFICERS),
    ("GET", K + "/{task_id}"): Rule(OFFICERS),
    ("POST", K + "/{task_id}/dispose"): Rule(OFFICERS),
    ("POST", K + "/{task_id}/guardian"): Rule(OFFICERS),
    ("POST", K + "/{task_id}/not-a-child"): Rule(OFFICERS),
}
