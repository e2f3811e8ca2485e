"""The signed evidence report (R10.2, R10.3; docs/accountability.md): controls.py (which
control implements each requirement), report.py (the report's shape), signature.py (the
signature line a report carries)."""
