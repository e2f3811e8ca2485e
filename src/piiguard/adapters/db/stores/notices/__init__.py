"""Storage of the notices of a new policy version (R8.1): sql.py."""

from piiguard.adapters.db.stores.notices.sql import SqlNotices

__all__ = ["SqlNotices"]
