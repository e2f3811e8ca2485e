"""The authorization table (R2.10, R5.1): `RULES`, from (method, path template) to the `Rule`
web/authz.py enforces on every route. One file of rows per part of the app, merged here: api.py
(the JSON API), console.py (sign-in, front page, request pages), privacy.py (the privacy
centre), and one per console area (datamap.py, registers.py, people.py, oversight.py, team.py).
A route with no row is refused; tests/e2e/test_authz.py and tests/e2e/test_console_matrix.py
walk the app's routes so none ships without one.

How to read a rule: `roles` — the roles that may call it ('system' is an API-key client; the
others are staff roles); `purpose` — REQUESTED when the route uses personal data for the purpose
the request names (query, form or JSON field `purpose`): a member of staff who holds the route
only through the role `staff` may name only a purpose assigned to their department (the
department register); `reauth` — staff must have signed in or re-authenticated within
`reauth_minutes` (console forms that need it ask for the password on the form:
web/console/kit.py `recent_auth`, and the rule is then False so the form can re-authenticate
before the check); `pending_ok` / `locked_ok` — the session may still have a step to finish
(enrol TOTP, change password) / may be idle-locked; `public` — no credentials at all.

Role groups follow issue 6: admin configures but sees no personal data; the auditor reads
decisions, the audit trail and registers, never plaintext personal data; staff use the purposes
of their department; systems call with scoped API keys."""

from __future__ import annotations

from piiguard.web.rules import (
    api,
    assessments,
    backups,
    confirmations,
    console,
    custody,
    datamap,
    incidents,
    oversight,
    people,
    policy,
    privacy,
    records,
    registers,
    retention,
    sharing,
    team,
)
from piiguard.web.rules.base import (
    ACCOUNTS_READERS,
    ADMIN,
    AUDIT,
    AUDITOR,
    CONFIG,
    CONSOLE,
    DATA,
    EVERYONE,
    OFFICER,
    OFFICERS,
    PEOPLE,
    PUBLIC,
    REQUESTED,
    STAFF,
    SYSTEM,
    Rule,
    roles,
)


def _merge(*parts: dict[tuple[str, str], Rule]) -> dict[tuple[str, str], Rule]:
    merged: dict[tuple[str, str], Rule] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"two rules for {sorted(twice)}: keep one row per route")
        merged.update(part)
    return merged


RULES = _merge(
    api.RULES,
    console.RULES,
    privacy.RULES,
    datamap.RULES,
    registers.RULES,
    people.RULES,
    oversight.RULES,
    team.RULES,
    retention.RULES,
    confirmations.RULES,
    custody.RULES,
    backups.RULES,
    incidents.RULES,
    policy.RULES,
    sharing.RULES,
    records.RULES,
    assessments.RULES,
)

__all__ = [
    "ACCOUNTS_READERS",
    "ADMIN",
    "AUDIT",
    "AUDITOR",
    "CONFIG",
    "CONSOLE",
    "DATA",
    "EVERYONE",
    "OFFICER",
    "OFFICERS",
    "PEOPLE",
    "PUBLIC",
    "REQUESTED",
    "RULES",
    "STAFF",
    "SYSTEM",
    "Rule",
    "roles",
]
