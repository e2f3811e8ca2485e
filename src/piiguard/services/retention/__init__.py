"""Retention and disposal (issue 14; docs/retention.md): schedule.py, holds.py, reviews.py
(the schedule), sweep.py (due items, disposal batches, disposal, certificates)."""
