"""Backups (R5.7): what a backup and a restore test are, the rules about when they are due
and when they are overdue (model.py), and the ports the use cases need (ports.py)."""
