"""The authorization table's rows for the registers' pages: purposes and their history, the
taxonomy, departments (web/console/registers/). How to read a rule: web/rules/__init__.py.

Anyone on the staff reads them, as the API's GET /api/v1/purposes, /taxonomy and
/staff/departments (the auditor read-only); privacy officers alone change them, as the API's
PUT/DELETE /api/v1/purposes/{key}, POST/DELETE /api/v1/taxonomy and
PUT /api/v1/staff/departments/{key}."""

from __future__ import annotations

from piiguard.web.rules.base import OFFICERS, PEOPLE, Rule

RULES: dict[tuple[str, str], Rule] = {
    **dict.fromkeys(
        [
            ("GET", "/console/purposes"),
            ("GET", "/console/purposes/{key}"),
            ("GET", "/console/taxonomy"),
            ("GET", "/console/departments"),
            ("GET", "/console/departments/{key}"),
        ],
        Rule(PEOPLE),
    ),
    **dict.fromkeys(
        [
            ("POST", "/console/purposes"),
            ("POST", "/console/purposes/{key}"),
            ("POST", "/console/purposes/{key}/deactivate"),
            ("POST", "/console/taxonomy"),
            ("POST", "/console/taxonomy/{key}/retire"),
            ("POST", "/console/departments"),
            ("POST", "/console/departments/{key}"),
        ],
        Rule(OFFICERS),
    ),
}
