"""Impact assessments and the duties that follow from the number of people held (R10.4,
R10.2; docs/accountability.md): model.py (cases, template, risk, scope, the workflow's
checks), rule.py (the decision point's `assessed_before_processing` and the index of
approved assessments it reads from the policy snapshot), duties.py (compliance audits and
the PI protection officer by headcount), ports.py (storage). Pure: stdlib and domain only."""
