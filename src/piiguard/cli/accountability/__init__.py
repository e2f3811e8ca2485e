"""`piiguard assessment ...` (assessments.py) and `piiguard duties ...` (duties.py): impact
assessments and the duties by headcount (R10.4, R10.2; docs/accountability.md)."""
