"""`piiguard recipient …`, `piiguard agreement …` (recipients.py) and `piiguard share …`
(shares.py): sharing (issue 15; docs/sharing.md)."""
