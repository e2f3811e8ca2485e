"""The key store's one table, in a database of its own (PIIGUARD_KEYSTORE_URL).

Kept apart from the data so that a backup of the data carries no usable key: erasing a
subject deletes its wrapped key here, and every copy of its ciphertexts becomes noise.
Re-keying a subject (disposal of some of its items, docs/retention.md) stages a fresh key in
`next_*` beside the current one, and then overwrites the current one with it.

`record_keys`: one data key per record piiguard keeps about people (a rights request with
its staff notes, a delivered package, a mail in triage; adapters/vault/recordbox.py),
destroyed when the record is disposed of, so the record's copies in backups of the data
database, and its notes sealed inside audit entries, no longer open.
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
    # a fresh key staged by Vault.rekey until finish_rekey makes it the current one
    Column("next_kek_version", String(32), nullable=True, index=True),
    Column("next_wrapped_key", LargeBinary, nullable=True),
)

record_keys = Table(
    "record_keys",
    keystore_metadata,
    Column("scope", String(80), primary_key=True),  # e.g. "request:<id>"
    Column("kek_version", String(32), nullable=False, index=True),
    Column("wrapped_key", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)
