"""The authorization table's rows for the data map's pages: systems, exports, findings
(web/console/datamap/). How to read a rule: web/rules/__init__.py.

The same rules as the API's rows (web/rules/api.py) for every change: admins and privacy
officers register and describe a system (PUT /api/v1/systems/{key}); privacy officers
approve, hold or retire it (POST .../approval), review exports and move findings; staff and
officers register an export for a purpose their department may use (POST /api/v1/exports —
its re-authentication is asked on the form, so reauth is False here). Every member of staff
reads the systems (GET /api/v1/systems: everyone); the register of exports and the findings
are read by officers and, read-only, by auditors (metadata only: ids, categories, sources —
never a value)."""

from __future__ import annotations

from piiguard.web.rules.base import (
    AUDITOR,
    CONFIG,
    OFFICER,
    OFFICERS,
    PEOPLE,
    REQUESTED,
    STAFF,
    Rule,
    roles,
)

READERS = roles(OFFICER, AUDITOR)

RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/console/systems"): Rule(PEOPLE),
    ("GET", "/console/systems/{key}"): Rule(PEOPLE),
    ("GET", "/console/systems/new"): Rule(CONFIG),
    ("POST", "/console/systems/new"): Rule(CONFIG),
    ("POST", "/console/systems/{key}"): Rule(CONFIG),
    ("POST", "/console/systems/{key}/approval"): Rule(OFFICERS),
    ("GET", "/console/exports"): Rule(READERS),
    ("POST", "/console/exports/review"): Rule(OFFICERS),
    ("GET", "/console/exports/new"): Rule(roles(STAFF, OFFICER)),
    ("POST", "/console/exports/new"): Rule(roles(STAFF, OFFICER), purpose=REQUESTED),
    ("GET", "/console/findings"): Rule(READERS),
    ("GET", "/console/findings/{finding_id}"): Rule(READERS),
    ("POST", "/console/findings/{finding_id}"): Rule(OFFICERS),
}
