"""Security incidents on their legal clocks (R5.8) and vulnerabilities tracked until
repaired (R5.9): model.py (incidents, severity, timeline), obligations.py (the reporting
obligations and their clocks), notify.py (telling the people affected), vulns.py (the
vulnerability register), imports.py (pip-audit and SARIF reports), ports.py (storage)."""
