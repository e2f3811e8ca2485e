"""The authorization table's rows for incidents (R5.8) and vulnerabilities (R5.9): the API
(/api/v1/incidents, /api/v1/vulnerabilities) and the console pages (web/console/incidents/).
How to read a rule: web/rules/__init__.py.

Anyone at work may report an incident (staff, officers, administrators, and systems through
the API: a detection tool). Handling — what is known, the timeline, who is affected,
asking for review — is the security team's: privacy officers and administrators. What
reaches people or authorities — report submissions, the mailing, the obligations, closing —
and approving an accepted risk are the privacy officers'; closing, starting the mailing and
approving a risk ask for a recent sign-in (the API's rows reauth=True; the console's forms
ask for the password, so their rows are reauth=False). Vulnerabilities are recorded and
imported by the team and by systems (a CI pipeline's key). Auditors read everything; no
form is shown to them."""

from __future__ import annotations

from piiguard.web.rules.base import ADMIN, AUDITOR, OFFICER, OFFICERS, STAFF, SYSTEM, Rule, roles

READERS = Rule(roles(OFFICER, ADMIN, AUDITOR))
TEAM = Rule(roles(OFFICER, ADMIN))
OFFICER_ONLY = Rule(OFFICERS)
OFFICER_READ = Rule(roles(OFFICER, AUDITOR))
A = "/api/v1/incidents"
AI = A + "/{incident_id}"
V = "/api/v1/vulnerabilities"
VI = V + "/{vuln_id}"
C = "/console/incidents"
CI = C + "/{incident_id}"
CV = "/console/vulnerabilities"
CVI = CV + "/{vuln_id}"

RULES: dict[tuple[str, str], Rule] = {
    # the API
    ("GET", A + "/obligations"): READERS,
    ("PATCH", A + "/obligations/{key}"): OFFICER_ONLY,
    ("GET", A): READERS,
    ("POST", A): Rule(roles(OFFICER, ADMIN, STAFF, SYSTEM)),
    ("GET", AI): READERS,
    ("PATCH", AI): TEAM,
    ("POST", AI + "/timeline"): TEAM,
    ("POST", AI + "/affected/trail"): TEAM,
    ("POST", AI + "/affected"): TEAM,
    ("GET", AI + "/clocks/{obligation}/draft"): OFFICER_READ,
    ("POST", AI + "/clocks/{obligation}/submit"): OFFICER_ONLY,
    ("PUT", AI + "/mailing"): OFFICER_ONLY,
    ("POST", AI + "/mailing/start"): Rule(OFFICERS, reauth=True),
    ("POST", AI + "/mailing/requeue"): OFFICER_ONLY,
    ("POST", AI + "/review"): TEAM,
    ("POST", AI + "/close"): Rule(OFFICERS, reauth=True),
    ("POST", AI + "/vulnerabilities"): TEAM,
    ("GET", V): READERS,
    ("POST", V): Rule(roles(OFFICER, ADMIN, SYSTEM)),
    ("POST", V + "/import"): Rule(roles(OFFICER, ADMIN, SYSTEM)),
    ("GET", VI): READERS,
    ("PATCH", VI): TEAM,
    ("POST", VI + "/accept-risk"): TEAM,
    ("POST", VI + "/accept-risk/approve"): Rule(OFFICERS, reauth=True),
    ("POST", VI + "/accept-risk/reject"): OFFICER_ONLY,
    # the console
    ("GET", C): READERS,
    ("GET", C + "/new"): Rule(roles(OFFICER, ADMIN, STAFF)),
    ("POST", C + "/new"): Rule(roles(OFFICER, ADMIN, STAFF)),
    ("GET", C + "/clocks"): READERS,
    ("GET", CI): READERS,
    ("POST", CI + "/update"): TEAM,
    ("POST", CI + "/timeline"): TEAM,
    ("POST", CI + "/affected"): TEAM,
    ("POST", CI + "/review"): TEAM,
    ("POST", CI + "/close"): OFFICER_ONLY,
    ("GET", CI + "/clocks/{obligation}"): OFFICER_READ,
    ("POST", CI + "/clocks/{obligation}/submit"): OFFICER_ONLY,
    ("GET", CI + "/notifications"): OFFICER_READ,
    ("POST", CI + "/mailing"): OFFICER_ONLY,
    ("POST", CI + "/mailing/start"): OFFICER_ONLY,
    ("GET", CV): READERS,
    ("POST", CV): TEAM,
    ("POST", CV + "/import"): TEAM,
    ("GET", CVI): READERS,
    ("POST", CVI + "/update"): TEAM,
    ("POST", CVI + "/accept-risk"): TEAM,
    ("POST", CVI + "/accept-risk/approve"): OFFICER_ONLY,
    ("POST", CVI + "/accept-risk/reject"): OFFICER_ONLY,
}
