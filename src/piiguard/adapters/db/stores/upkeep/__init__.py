"""Storage of data kept up to date (R2.8) and of child-data tasks (R6.3): sql.py."""

from piiguard.adapters.db.stores.upkeep.sql import SqlUpkeep

__all__ = ["SqlUpkeep"]
