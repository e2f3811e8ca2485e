"""Who may call sharing's routes (issue 15; web/rules/sharing.py): the API and the console
pages. Officers keep the register; auditors read it; a share is a use of personal data
(officers, staff, systems — the decision point decides the rest); the recipient's side is
for API keys (the service checks the key is that recipient's)."""

from __future__ import annotations

OFFICER = frozenset({"privacy_officer"})
READERS = frozenset({"privacy_officer", "auditor"})
DATA = frozenset({"system", "privacy_officer", "staff"})
SYSTEM = frozenset({"system"})
A = "/api/v1"
REC = A + "/recipients/{key}"
C = "/console/sharing"
LR = A + "/legal-requests/{request_id}"
CL = C + "/legal/{request_id}"
BT = A + "/business-transfers/{transfer_id}"
CB = C + "/transfers/{transfer_id}"

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", A + "/recipients"): READERS,
    ("GET", REC): READERS,
    ("PUT", REC): OFFICER,
    ("POST", REC + "/key"): OFFICER,
    ("PUT", REC + "/webhook"): OFFICER,
    ("PUT", REC + "/profiles/{purpose}"): OFFICER,
    ("DELETE", REC + "/profiles/{purpose}"): OFFICER,
    ("GET", A + "/agreements"): READERS,
    ("POST", A + "/agreements"): OFFICER,
    ("GET", A + "/agreements/{agreement_id}"): READERS,
    ("POST", A + "/agreements/{agreement_id}/approve"): OFFICER,
    ("POST", A + "/agreements/{agreement_id}/terminate"): OFFICER,
    ("POST", A + "/shares"): DATA,
    ("GET", A + "/shares"): READERS,
    ("GET", A + "/shares/{share_id}"): READERS,
    ("GET", A + "/disclosures"): READERS,
    ("GET", A + "/pass-ons"): READERS,
    ("POST", A + "/pass-ons/{pass_on_id}/confirm"): OFFICER,
    ("GET", A + "/transfers/abroad"): READERS,
    ("GET", A + "/transfer-exemptions"): READERS,
    ("POST", A + "/transfer-exemptions"): OFFICER,
    ("GET", A + "/transfer-exemptions/{exemption_id}"): READERS,
    ("POST", A + "/transfer-exemptions/{exemption_id}/approve"): OFFICER,
    ("POST", A + "/transfer-exemptions/{exemption_id}/refuse"): OFFICER,
    ("POST", A + "/transfer-exemptions/{exemption_id}/withdraw"): OFFICER,
    ("GET", A + "/abroad-notices"): READERS,
    ("POST", A + "/abroad-notices/{notice_id}/told"): OFFICER,
    ("POST", A + "/abroad-notices/{notice_id}/retry"): OFFICER,
    ("GET", A + "/recipient/shares"): SYSTEM,
    ("GET", A + "/recipient/shares/{share_id}"): SYSTEM,
    ("GET", A + "/recipient/notices"): SYSTEM,
    ("POST", A + "/recipient/notices/{pass_on_id}/confirm"): SYSTEM,
    ("GET", C): READERS,
    ("POST", C + "/recipients"): OFFICER,
    ("GET", C + "/recipients/{key}"): READERS,
    ("POST", C + "/recipients/{key}/agreements"): OFFICER,
    ("POST", C + "/recipients/{key}/agreements/{agreement_id}/approve"): OFFICER,
    ("POST", C + "/recipients/{key}/agreements/{agreement_id}/terminate"): OFFICER,
    ("POST", C + "/recipients/{key}/profiles"): OFFICER,
    ("GET", C + "/shares"): READERS,
    ("GET", C + "/log"): READERS,
    ("POST", C + "/notices/{pass_on_id}/confirm"): OFFICER,
    ("GET", C + "/abroad"): READERS,
    ("GET", C + "/abroad/notices"): READERS,
    ("GET", C + "/abroad/exemptions"): READERS,
    ("POST", C + "/abroad/exemptions"): OFFICER,
    ("POST", C + "/abroad/exemptions/{exemption_id}/{step}"): OFFICER,
    ("POST", C + "/abroad/notices/{notice_id}/told"): OFFICER,
    ("POST", C + "/abroad/notices/{notice_id}/retry"): OFFICER,
    # the legal-request register (R3.5): officers keep it, auditors read it
    ("GET", A + "/legal-requests"): READERS,
    ("POST", A + "/legal-requests"): OFFICER,
    ("GET", LR): READERS,
    ("GET", LR + "/demand"): OFFICER,
    ("POST", LR + "/review"): OFFICER,
    ("POST", LR + "/disclose"): OFFICER,
    ("POST", LR + "/told"): OFFICER,
    ("POST", LR + "/close"): OFFICER,
    ("GET", C + "/legal"): READERS,
    ("POST", C + "/legal"): OFFICER,
    ("GET", CL): READERS,
    ("GET", CL + "/demand"): OFFICER,
    ("POST", CL + "/review"): OFFICER,
    ("POST", CL + "/disclose"): OFFICER,
    ("POST", CL + "/told"): OFFICER,
    ("POST", CL + "/close"): OFFICER,
    # business transfers (R3.4): officers record, review, carry out; auditors read
    ("GET", A + "/business-transfers"): READERS,
    ("POST", A + "/business-transfers"): OFFICER,
    ("GET", BT): READERS,
    ("POST", BT + "/review"): OFFICER,
    ("POST", BT + "/carry-out"): OFFICER,
    ("POST", BT + "/release"): OFFICER,
    ("GET", C + "/transfers"): READERS,
    ("POST", C + "/transfers"): OFFICER,
    ("GET", CB): READERS,
    ("POST", CB + "/review"): OFFICER,
    ("POST", CB + "/carry-out"): OFFICER,
    ("POST", CB + "/release"): OFFICER,
}
