"""The key store's one table, in a database of its own (PIIGUARD_KEYSTORE_URL).

Kept apart from the data so that a backup of the data carries no usable key: erasing a
subject deletes its wrapped key here, and every copy of its ciphertexts becomes noise.
"""

from __future__ import annotations

from sqlalchemy import Column, LargeBinary, MetaData, String, Table

from piiguard.adapters.db.tables import NAMING
from piiguard.adapters.db.types import UtcDateTime

keystore_metadata = MetaData(naming_convention=NAMING)

subject_keys = Table(
    "subject_keys",
    keystore_metadata,
    Column("subject_id", String(36), primary_key=True),
    Column("kek_version", String(32), nullable=False, index=True),
    Column("wrapped_key", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)
