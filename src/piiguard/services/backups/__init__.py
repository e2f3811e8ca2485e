"""Backups (R5.7, R2.11, R10.2): create (create.py), restore tests (verify.py), recovery
(restore.py), the scheduled pass with pruning and escalation (job.py); docs/backups.md."""
