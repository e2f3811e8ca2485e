"""The signed evidence report (R10.2, R10.3; docs/accountability.md): live.py reads this
installation's live evidence, sign.py makes, signs, audits and verifies a report."""
