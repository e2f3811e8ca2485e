"""The authorization table's rows for the staff and system-client pages: invitations, roles,
unlock, deactivate, TOTP reset; API clients (web/console/team/). How to read a rule:
web/rules/__init__.py.

The same roles as the JSON API's staff routes (web/rules/api.py): admins and privacy
officers (CONFIG) invite, change roles and deactivate; privacy officers alone unlock and
reset TOTP; the auditor reads the register of accounts. System clients have no API route
(the CLI's `piiguard client`): admins and officers manage them, the auditor reads them. The
changes the API protects with re-authentication — roles, TOTP reset — and the ones that hand
out key material — adding a client, rotating its key — ask for the password on the form
(web/console/kit.py `recent_auth`), so their rows leave `reauth` False."""

from __future__ import annotations

from piiguard.web.rules.base import ACCOUNTS_READERS, AUDIT, CONFIG, OFFICERS, PUBLIC, Rule

ST = "/console/staff/{staff_id}"
CL = "/console/clients/{client_id}"
RULES: dict[tuple[str, str], Rule] = {
    # staff accounts (web/console/team/staff.py)
    ("GET", "/console/staff"): Rule(ACCOUNTS_READERS),
    ("POST", "/console/staff/invitations"): Rule(CONFIG),
    ("GET", ST): Rule(ACCOUNTS_READERS),
    ("POST", ST + "/roles"): Rule(CONFIG),  # re-authentication on the form
    ("POST", ST + "/unlock"): Rule(OFFICERS),
    ("POST", ST + "/deactivate"): Rule(CONFIG),
    ("POST", ST + "/mfa-reset"): Rule(OFFICERS),  # re-authentication on the form
    # system clients (web/console/team/clients.py)
    ("GET", "/console/clients"): Rule(AUDIT),
    ("POST", "/console/clients"): Rule(CONFIG),  # re-authentication on the form
    ("GET", CL): Rule(AUDIT),
    ("POST", CL + "/scope"): Rule(CONFIG),
    ("POST", CL + "/rotate"): Rule(CONFIG),  # re-authentication on the form
    ("POST", CL + "/revoke"): Rule(CONFIG),
    # where an invitation link leads (web/console/team/invite.py): the single-use token is
    # the credential; the colleague has no account yet
    ("GET", "/console/invite"): PUBLIC,
    ("POST", "/console/invite"): PUBLIC,
}
