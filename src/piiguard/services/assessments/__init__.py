"""Impact assessments and the duties by headcount (R10.4, R10.2; docs/accountability.md):
register.py (draft, submit, review, approve — four eyes —, reject, withdraw, dispose after
three years; the cases designated per purpose), duties.py (people held, the audit and
officer duties, the audits recorded)."""
