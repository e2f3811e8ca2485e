"""Retention and disposal (issue 14; R2.11, R2.8, R6.3): the schedule's vocabulary and an
item's retain-until (rules.py, pure), disposal batches (disposal.py), what the use cases
need from storage (ports.py). docs/retention.md is the design."""
