"""Who may call incidents (R5.8) and vulnerabilities (R5.9), the API and the console pages
(web/rules/incidents.py), written out for tests/e2e/test_authz.py: (method, path template)
-> the roles let in. Anyone at work reports an incident (systems through the API); officers
and administrators handle; what reaches authorities or people, closing and approving a risk
are the officers'; auditors read."""

from __future__ import annotations

READERS = frozenset({"privacy_officer", "admin", "auditor"})
TEAM = frozenset({"privacy_officer", "admin"})
OFFICER = frozenset({"privacy_officer"})
OFFICER_READ = frozenset({"privacy_officer", "auditor"})
A = "/api/v1/incidents"
AI = A + "/{incident_id}"
V = "/api/v1/vulnerabilities"
VI = V + "/{vuln_id}"
C = "/console/incidents"
CI = C + "/{incident_id}"
CV = "/console/vulnerabilities"
CVI = CV + "/{vuln_id}"
REPORTERS = frozenset({"privacy_officer", "admin", "staff"})

ROWS: dict[tuple[str, str], frozenset[str]] = {
    ("GET", A + "/obligations"): READERS,
    ("PATCH", A + "/obligations/{key}"): OFFICER,
    ("GET", A): READERS,
    ("POST", A): frozenset({"privacy_officer", "admin", "staff", "system"}),
    ("GET", AI): READERS,
    ("PATCH", AI): TEAM,
    ("POST", AI + "/timeline"): TEAM,
    ("POST", AI + "/affected/trail"): TEAM,
    ("POST", AI + "/affected"): TEAM,
    ("GET", AI + "/clocks/{obligation}/draft"): OFFICER_READ,
    ("POST", AI + "/clocks/{obligation}/submit"): OFFICER,
    ("PUT", AI + "/mailing"): OFFICER,
    ("POST", AI + "/mailing/start"): OFFICER,
    ("POST", AI + "/mailing/requeue"): OFFICER,
    ("POST", AI + "/review"): TEAM,
    ("POST", AI + "/close"): OFFICER,
    ("POST", AI + "/vulnerabilities"): TEAM,
    ("GET", V): READERS,
    ("POST", V): frozenset({"privacy_officer", "admin", "system"}),
    ("POST", V + "/import"): frozenset({"privacy_officer", "admin", "system"}),
    ("GET", VI): READERS,
    ("PATCH", VI): TEAM,
    ("POST", VI + "/accept-risk"): TEAM,
    ("POST", VI + "/accept-risk/approve"): OFFICER,
    ("POST", VI + "/accept-risk/reject"): OFFICER,
    # the console
    ("GET", C): READERS,
    ("GET", C + "/new"): REPORTERS,
    ("POST", C + "/new"): REPORTERS,
    ("GET", C + "/clocks"): READERS,
    ("GET", CI): READERS,
    ("POST", CI + "/update"): TEAM,
    ("POST", CI + "/timeline"): TEAM,
    ("POST", CI + "/affected"): TEAM,
    ("POST", CI + "/review"): TEAM,
    ("POST", CI + "/close"): OFFICER,
    ("GET", CI + "/clocks/{obligation}"): OFFICER_READ,
    ("POST", CI + "/clocks/{obligation}/submit"): OFFICER,
    ("GET", CI + "/notifications"): OFFICER_READ,
    ("POST", CI + "/mailing"): OFFICER,
    ("POST", CI + "/mailing/start"): OFFICER,
    ("GET", CV): READERS,
    ("POST", CV): TEAM,
    ("POST", CV + "/import"): TEAM,
    ("GET", CVI): READERS,
    ("POST", CVI + "/update"): TEAM,
    ("POST", CVI + "/accept-risk"): TEAM,
    ("POST", CVI + "/accept-risk/approve"): OFFICER,
    ("POST", CVI + "/accept-risk/reject"): OFFICER,
}
