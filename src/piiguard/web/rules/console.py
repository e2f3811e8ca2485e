"""The authorization table's rows for the staff console's sign-in, front page and request pages
(web/console/pages.py, rights*.py). How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import (
    AUDITOR,
    OFFICER,
    OFFICERS,
    PEOPLE,
    PUBLIC,
    SELF,
    SESSION_END,
    STAFF,
    Rule,
    roles,
)

RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/"): PUBLIC,  # the way in: the privacy centre or the console
    # the staff console (web/console/pages.py); its forms carry the CSRF token
    ("GET", "/console/login"): PUBLIC,
    ("POST", "/console/login"): PUBLIC,  # login CSRF checked by the route (no session yet)
    ("GET", "/console/console.js"): PUBLIC,
    ("GET", "/console"): Rule(PEOPLE, locked_ok=True),  # locked: the unlock form, no data
    ("GET", "/console/enrol"): SELF,  # a pending session finishes its set-up here
    ("POST", "/console/enrol"): SELF,
    ("GET", "/console/password"): SELF,
    ("POST", "/console/password"): SELF,
    ("POST", "/console/unlock"): SESSION_END,
    ("POST", "/console/logout"): SESSION_END,
    # the console's request pages (web/console/rights*.py): the queue and a request for
    # staff, officers and auditors (an auditor sees its metadata and timeline, never what
    # the person wrote: the page does not open it for them); the steps for staff and
    # officers; officers alone approve (four eyes; the form asks for the password again
    # when the sign-in is older than reauth_minutes), refuse, charge, waive, flag as
    # unfounded, settle a system's notice and read the mail the inbox could not
    ("GET", "/console/requests"): Rule(roles(STAFF, OFFICER, AUDITOR)),
    ("GET", "/console/requests/{request_id}"): Rule(roles(STAFF, OFFICER, AUDITOR)),
    **dict.fromkeys(
        [("GET", "/console/requests/new"), ("POST", "/console/requests/new")]
        + [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("assign", "verify", "document", "pause", "resume", "correct", "replied")
        ],
        Rule(roles(STAFF, OFFICER)),
    ),
    **dict.fromkeys(
        [
            ("POST", "/console/requests/{request_id}/" + step)
            for step in ("approve", "refuse", "fee", "waive", "unfounded", "tasks/{task_id}/waive")
        ]
        + [
            ("GET", "/console/requests/triage"),
            ("GET", "/console/requests/triage/{triage_id}"),
            ("POST", "/console/requests/triage/{triage_id}/resolve"),
        ],
        Rule(OFFICERS),
    ),
}
