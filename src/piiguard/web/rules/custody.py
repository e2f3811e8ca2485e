"""The authorization table's rows for paper records and removable media (issue 16; R5.2,
R5.4, R5.6): their JSON API and the console's custody pages. Staff and privacy officers
keep the registers (the services check further: the custodian or an officer moves or
destroys a record; only the named witness confirms); systems register printouts with a
scoped API key; privacy officers start and close inventories and record the incident a
missing medium is handled under; auditors read. How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import AUDITOR, OFFICER, OFFICERS, STAFF, SYSTEM, Rule, roles

KEEPERS = roles(STAFF, OFFICER)
READERS = roles(STAFF, OFFICER, AUDITOR)
P, M, INV = "/api/v1/paper", "/api/v1/media", "/api/v1/media-inventories"
CP, CM, CI = "/console/custody/paper", "/console/custody/media", "/console/custody/inventories"

RULES: dict[tuple[str, str], Rule] = {
    # -- the API ------------------------------------------------------------------------
    ("GET", P): Rule(READERS),
    ("POST", P): Rule(roles(SYSTEM, STAFF, OFFICER)),
    ("GET", P + "/{record_id}"): Rule(READERS),
    **{
        ("POST", f"{P}/{{record_id}}/{step}"): Rule(KEEPERS)
        for step in ("lock", "archive", "take-out", "shred", "witness")
    },
    ("GET", M): Rule(READERS),
    ("POST", M): Rule(KEEPERS),
    ("GET", M + "/{medium_id}"): Rule(READERS),
    **{
        ("POST", f"{M}/{{medium_id}}/{step}"): Rule(KEEPERS)
        for step in ("check-out", "check-in", "wipe", "destroy", "witness", "missing", "found")
    },
    ("POST", M + "/{medium_id}/incident"): Rule(OFFICERS),
    ("GET", INV): Rule(READERS),
    ("POST", INV): Rule(OFFICERS),
    ("GET", INV + "/{inventory_id}"): Rule(READERS),
    ("POST", INV + "/{inventory_id}/lines/{medium_id}"): Rule(KEEPERS),
    ("POST", INV + "/{inventory_id}/close"): Rule(OFFICERS),
    # -- the console ----------------------------------------------------------------------
    ("GET", "/console/custody"): Rule(READERS),
    ("GET", CP): Rule(READERS),
    ("GET", CP + "/new"): Rule(KEEPERS),
    ("POST", CP + "/new"): Rule(KEEPERS),
    ("GET", CP + "/{record_id}"): Rule(READERS),
    **{
        ("POST", f"{CP}/{{record_id}}/{step}"): Rule(KEEPERS)
        for step in ("lock", "archive", "take-out", "shred", "witness")
    },
    ("GET", CM): Rule(READERS),
    ("GET", CM + "/new"): Rule(KEEPERS),
    ("POST", CM + "/new"): Rule(KEEPERS),
    ("GET", CM + "/{medium_id}"): Rule(READERS),
    **{
        ("POST", f"{CM}/{{medium_id}}/{step}"): Rule(KEEPERS)
        for step in ("check-out", "check-in", "dispose", "witness", "missing", "found")
    },
    ("POST", CM + "/{medium_id}/incident"): Rule(OFFICERS),
    ("GET", CI): Rule(READERS),
    ("POST", CI): Rule(OFFICERS),
    ("GET", CI + "/{inventory_id}"): Rule(READERS),
    ("POST", CI + "/{inventory_id}/lines/{medium_id}"): Rule(KEEPERS),
    ("POST", CI + "/{inventory_id}/close"): Rule(OFFICERS),
}
