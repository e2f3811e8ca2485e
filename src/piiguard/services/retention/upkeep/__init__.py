"""Data kept up to date (R2.8) and a child's data found (R6.3): confirmation intervals
(intervals.py), confirmation requests — queued, mailed, answered on the privacy centre or
by staff (confirmations.py, person.py, mail.py) — child-data tasks (children.py), and the
periodic pass that drives them (job.py). docs/retention.md "Kept up to date"."""
