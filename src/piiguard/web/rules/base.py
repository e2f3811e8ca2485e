"""The vocabulary of the authorization table (web/rules/): a `Rule` and the roles and role groups
rules are written with. How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from dataclasses import dataclass

REQUESTED = "{purpose}"  # the purpose the request names


@dataclass(frozen=True, slots=True)
class Rule:
    roles: frozenset[str] = frozenset()
    purpose: str | None = None
    reauth: bool = False
    public: bool = False
    pending_ok: bool = False
    locked_ok: bool = False


def roles(*names: str) -> frozenset[str]:
    return frozenset(names)


SYSTEM, OFFICER, STAFF, ADMIN, AUDITOR = ("system", "privacy_officer", "staff", "admin", "auditor")
EVERYONE = roles(SYSTEM, OFFICER, STAFF, ADMIN, AUDITOR)  # any signed-in caller
PEOPLE = roles(OFFICER, STAFF, ADMIN, AUDITOR)  # any member of staff
DATA = roles(SYSTEM, OFFICER, STAFF)  # personal data
AUDIT = roles(AUDITOR, OFFICER, ADMIN)  # decisions, audit trail
CONFIG = roles(ADMIN, OFFICER)  # accounts, systems
OFFICERS = roles(OFFICER)
ACCOUNTS_READERS = roles(ADMIN, OFFICER, AUDITOR)

PUBLIC = Rule(public=True)
DATA_RULE = Rule(DATA)
DATA_FOR_PURPOSE = Rule(DATA, purpose=REQUESTED)
SELF = Rule(PEOPLE, pending_ok=True)  # finishing one's own set-up
SESSION_END = Rule(PEOPLE, pending_ok=True, locked_ok=True)  # unlock / log out
CONSOLE = Rule(PEOPLE)

HANDLERS = roles(STAFF, OFFICER)  # handle requests of the person
QUEUE = roles(STAFF, OFFICER, AUDITOR)  # the queue: no personal data
