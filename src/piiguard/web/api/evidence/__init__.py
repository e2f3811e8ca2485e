"""The evidence report in the API (R10.2; docs/accountability.md): report.py."""
