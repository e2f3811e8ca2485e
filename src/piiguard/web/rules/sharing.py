"""The authorization table's rows for sharing (issue 15; docs/sharing.md): the JSON API
(/api/v1/recipients, agreements, shares, disclosures, pass-ons, and the recipient's own
side /api/v1/recipient/...) and the console pages (web/console/sharing/). How to read a
rule: web/rules/__init__.py.

Privacy officers keep the register (recipients, agreements, profiles, keys, webhooks) and
read everything; auditors read everything, change nothing; a share is a use of personal
data — officers, staff for their department's purposes, systems within their key's scope
(the decision point decides the rest). A recipient's own API key is a system client scoped
to no purpose: it reaches only its own side (the service checks it is that recipient's)."""

from __future__ import annotations

from piiguard.web.rules.base import (
    AUDITOR,
    DATA_FOR_PURPOSE,
    OFFICER,
    OFFICERS,
    SYSTEM,
    Rule,
    roles,
)

READERS = Rule(roles(OFFICER, AUDITOR))
CHANGE = Rule(OFFICERS)
SECRET = Rule(OFFICERS, reauth=True)  # a key or a webhook secret is shown once
RECIPIENT = Rule(roles(SYSTEM))
A = "/api/v1"
REC = A + "/recipients/{key}"
LR = A + "/legal-requests/{request_id}"
BT = A + "/business-transfers/{transfer_id}"
C = "/console/sharing"
CL = C + "/legal/{request_id}"
CB = C + "/transfers/{transfer_id}"

RULES: dict[tuple[str, str], Rule] = {
    ("GET", A + "/recipients"): READERS,
    ("GET", REC): READERS,
    ("PUT", REC): CHANGE,
    ("POST", REC + "/key"): SECRET,
    ("PUT", REC + "/webhook"): SECRET,
    ("PUT", REC + "/profiles/{purpose}"): CHANGE,
    ("DELETE", REC + "/profiles/{purpose}"): CHANGE,
    ("GET", A + "/agreements"): READERS,
    ("POST", A + "/agreements"): CHANGE,
    ("GET", A + "/agreements/{agreement_id}"): READERS,
    ("POST", A + "/agreements/{agreement_id}/approve"): CHANGE,  # another officer (service)
    ("POST", A + "/agreements/{agreement_id}/terminate"): CHANGE,
    ("POST", A + "/shares"): DATA_FOR_PURPOSE,
    ("GET", A + "/shares"): READERS,
    ("GET", A + "/shares/{share_id}"): READERS,
    ("GET", A + "/disclosures"): READERS,
    ("GET", A + "/pass-ons"): READERS,
    ("POST", A + "/pass-ons/{pass_on_id}/confirm"): CHANGE,
    ("GET", A + "/transfers/abroad"): READERS,
    ("GET", A + "/transfer-exemptions"): READERS,  # web/api/sharing/exemptions.py
    ("POST", A + "/transfer-exemptions"): CHANGE,
    ("GET", A + "/transfer-exemptions/{exemption_id}"): READERS,
    ("POST", A + "/transfer-exemptions/{exemption_id}/approve"): CHANGE,  # another officer
    ("POST", A + "/transfer-exemptions/{exemption_id}/refuse"): CHANGE,
    ("POST", A + "/transfer-exemptions/{exemption_id}/withdraw"): CHANGE,
    ("GET", A + "/abroad-notices"): READERS,  # web/api/sharing/notices.py
    ("POST", A + "/abroad-notices/{notice_id}/told"): CHANGE,
    ("POST", A + "/abroad-notices/{notice_id}/retry"): CHANGE,
    # the legal-request register (web/api/sharing/legal.py); the demand's words: officers
    ("GET", A + "/legal-requests"): READERS,
    ("POST", A + "/legal-requests"): CHANGE,
    ("GET", LR): READERS,
    ("GET", LR + "/demand"): CHANGE,
    ("POST", LR + "/review"): CHANGE,
    ("POST", LR + "/disclose"): CHANGE,
    ("POST", LR + "/told"): CHANGE,
    ("POST", LR + "/close"): CHANGE,
    # business transfers (web/api/sharing/business.py)
    ("GET", A + "/business-transfers"): READERS,
    ("POST", A + "/business-transfers"): CHANGE,
    ("GET", BT): READERS,
    ("POST", BT + "/review"): CHANGE,
    ("POST", BT + "/carry-out"): CHANGE,
    ("POST", BT + "/release"): CHANGE,
    ("GET", A + "/recipient/shares"): RECIPIENT,
    ("GET", A + "/recipient/shares/{share_id}"): RECIPIENT,
    ("GET", A + "/recipient/notices"): RECIPIENT,
    ("POST", A + "/recipient/notices/{pass_on_id}/confirm"): RECIPIENT,
    # the console (web/console/sharing/pages.py)
    ("GET", C): READERS,
    ("POST", C + "/recipients"): CHANGE,
    ("GET", C + "/recipients/{key}"): READERS,
    ("POST", C + "/recipients/{key}/agreements"): CHANGE,
    ("POST", C + "/recipients/{key}/agreements/{agreement_id}/approve"): CHANGE,
    ("POST", C + "/recipients/{key}/agreements/{agreement_id}/terminate"): CHANGE,
    ("POST", C + "/recipients/{key}/profiles"): CHANGE,
    ("GET", C + "/shares"): READERS,
    ("GET", C + "/log"): READERS,
    ("POST", C + "/notices/{pass_on_id}/confirm"): CHANGE,
    ("GET", C + "/abroad"): READERS,  # web/console/sharing/abroad.py
    ("GET", C + "/abroad/notices"): READERS,  # web/console/sharing/notices.py
    ("GET", C + "/abroad/exemptions"): READERS,  # web/console/sharing/exemptions.py
    ("POST", C + "/abroad/exemptions"): CHANGE,
    ("POST", C + "/abroad/exemptions/{exemption_id}/{step}"): CHANGE,
    ("POST", C + "/abroad/notices/{notice_id}/told"): CHANGE,
    ("POST", C + "/abroad/notices/{notice_id}/retry"): CHANGE,
    # the legal-request register (web/console/sharing/legal.py)
    ("GET", C + "/legal"): READERS,
    ("POST", C + "/legal"): CHANGE,
    ("GET", CL): READERS,
    ("GET", CL + "/demand"): CHANGE,
    ("POST", CL + "/review"): CHANGE,
    ("POST", CL + "/disclose"): CHANGE,
    ("POST", CL + "/told"): CHANGE,
    ("POST", CL + "/close"): CHANGE,
    # business transfers (web/console/sharing/business.py)
    ("GET", C + "/transfers"): READERS,
    ("POST", C + "/transfers"): CHANGE,
    ("GET", CB): READERS,
    ("POST", CB + "/review"): CHANGE,
    ("POST", CB + "/carry-out"): CHANGE,
    ("POST", CB + "/release"): CHANGE,
}
