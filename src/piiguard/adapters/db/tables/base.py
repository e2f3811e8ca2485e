"""The one MetaData every table of the data database is declared on, with its naming
convention, and the column types the feature modules share."""

from __future__ import annotations

from sqlalchemy import MetaData

from piiguard.adapters.db.types import UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

ID = 36  # uuid text
TS = UtcDateTime()
