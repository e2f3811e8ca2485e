"""Security incidents on their legal clocks (R5.8) and vulnerabilities tracked until repaired
(R5.9): register.py (report, change, timeline, review and close), clocks.py (obligations,
clocks, report drafts and submissions, reminders), affected.py (who is affected, from the
audit trail), notify.py (telling them), vulns.py and vuln_import.py (the vulnerability
register and scanners' reports), job.py (the periodic pass). docs/incidents.md."""
