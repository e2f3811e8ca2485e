"""The authorization table's rows for the people pages: find a person, their items' metadata,
consents, restrictions, objections, guardians, reading values for a purpose
(web/console/people/). How to read a rule: web/rules/__init__.py.

As the API's rows for the same services (web/rules/api.py, "subjects and their data"): people
and their data are for those who handle them — staff and privacy officers; an admin configures
and an auditor reads decisions and the trail, neither sees a person's records. A form that names
a purpose (a consent, a restriction or objection to one purpose, a read of values) is checked
against the department's purposes for a member of staff (purpose=REQUESTED, the form's field
`purpose`), as the API's DATA_FOR_PURPOSE rows are."""

from __future__ import annotations

from piiguard.web.rules.base import HANDLERS, REQUESTED, Rule

P = "/console/people/{subject_id}"
HANDLE = Rule(HANDLERS)
FOR_PURPOSE = Rule(HANDLERS, purpose=REQUESTED)

RULES: dict[tuple[str, str], Rule] = {
    # finding a person: a form, the value POSTed (never in a URL)
    ("GET", "/console/people"): HANDLE,
    ("POST", "/console/people/find"): HANDLE,
    # one person: metadata, never a value
    ("GET", P): HANDLE,
    # what the person decided
    ("GET", P + "/consents/new"): HANDLE,
    ("POST", P + "/consents"): FOR_PURPOSE,
    ("POST", P + "/consents/{consent_id}/withdraw"): HANDLE,
    ("GET", P + "/restrictions/new"): HANDLE,
    ("POST", P + "/restrictions"): FOR_PURPOSE,
    ("POST", P + "/restrictions/{restriction_id}/lift"): HANDLE,
    ("POST", P + "/guardians"): HANDLE,
    ("POST", P + "/guardians/{guardian_id}/verify"): HANDLE,
    ("POST", P + "/minor"): HANDLE,
    # values, through the decision point, for a purpose
    ("GET", P + "/read"): HANDLE,
    ("POST", P + "/read"): FOR_PURPOSE,
}
