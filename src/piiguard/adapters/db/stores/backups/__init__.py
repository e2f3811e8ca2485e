"""Storage of the backup register and its restore tests (R5.7): sql.py."""

from piiguard.adapters.db.stores.backups.sql import SqlBackups

__all__ = ["SqlBackups"]
