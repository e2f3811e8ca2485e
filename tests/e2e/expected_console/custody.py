"""Who may call paper records and removable media (web/rules/custody.py) — the JSON API and
the console's custody pages — written out for tests/e2e/test_authz.py: (method, path
template) -> the roles let in. Staff and privacy officers keep the registers; systems
register printouts; officers start and close inventories and record incidents; auditors
read; admins (without another role) and anonymous callers: none."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
KEEPERS = frozenset({"staff", "privacy_officer"})
READERS = frozenset({"staff", "privacy_officer", "auditor"})
P, M, INV = "/api/v1/paper", "/api/v1/media", "/api/v1/media-inventories"
CP, CM, CI = "/console/custody/paper", "/console/custody/media", "/console/custody/inventories"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", P): READERS,
    ("POST", P): frozenset({"system", "staff", "privacy_officer"}),
    ("GET", P + "/{record_id}"): READERS,
    ("POST", P + "/{record_id}/lock"): KEEPERS,
    ("POST", P + "/{record_id}/archive"): KEEPERS,
    ("POST", P + "/{record_id}/take-out"): KEEPERS,
    ("POST", P + "/{record_id}/shred"): KEEPERS,
    ("POST", P + "/{record_id}/witness"): KEEPERS,
    ("GET", M): READERS,
    ("POST", M): KEEPERS,
    ("GET", M + "/{medium_id}"): READERS,
    ("POST", M + "/{medium_id}/check-out"): KEEPERS,
    ("POST", M + "/{medium_id}/check-in"): KEEPERS,
    ("POST", M + "/{medium_id}/wipe"): KEEPERS,
    ("POST", M + "/{medium_id}/destroy"): KEEPERS,
    ("POST", M + "/{medium_id}/witness"): KEEPERS,
    ("POST", M + "/{medium_id}/missing"): KEEPERS,
    ("POST", M + "/{medium_id}/found"): KEEPERS,
    ("POST", M + "/{medium_id}/incident"): OFFICER,
    ("GET", INV): READERS,
    ("POST", INV): OFFICER,
    ("GET", INV + "/{inventory_id}"): READERS,
    ("POST", INV + "/{inventory_id}/lines/{medium_id}"): KEEPERS,
    ("POST", INV + "/{inventory_id}/close"): OFFICER,
    ("GET", "/console/custody"): READERS,
    ("GET", CP): READERS,
    ("GET", CP + "/new"): KEEPERS,
    ("POST", CP + "/new"): KEEPERS,
    ("GET", CP + "/{record_id}"): READERS,
    ("POST", CP + "/{record_id}/lock"): KEEPERS,
    ("POST", CP + "/{record_id}/archive"): KEEPERS,
    ("POST", CP + "/{record_id}/take-out"): KEEPERS,
    ("POST", CP + "/{record_id}/shred"): KEEPERS,
    ("POST", CP + "/{record_id}/witness"): KEEPERS,
    ("GET", CM): READERS,
    ("GET", CM + "/new"): KEEPERS,
    ("POST", CM + "/new"): KEEPERS,
    ("GET", CM + "/{medium_id}"): READERS,
    ("POST", CM + "/{medium_id}/check-out"): KEEPERS,
    ("POST", CM + "/{medium_id}/check-in"): KEEPERS,
    ("POST", CM + "/{medium_id}/dispose"): KEEPERS,
    ("POST", CM + "/{medium_id}/witness"): KEEPERS,
    ("POST", CM + "/{medium_id}/missing"): KEEPERS,
    ("POST", CM + "/{medium_id}/found"): KEEPERS,
    ("POST", CM + "/{medium_id}/incident"): OFFICER,
    ("GET", CI): READERS,
    ("POST", CI): OFFICER,
    ("GET", CI + "/{inventory_id}"): READERS,
    ("POST", CI + "/{inventory_id}/lines/{medium_id}"): KEEPERS,
    ("POST", CI + "/{inventory_id}/close"): OFFICER,
}
