"""Systems that call the API: their keys (hashed), scope and key rotation."""

from __future__ import annotations

from sqlalchemy import Column, String, Table, Text

from piiguard.adapters.db.tables.base import ID, TS, metadata

system_clients = Table(
    "system_clients",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("key_prefix", String(16), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of a 256-bit random key
    Column("created_at", TS, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("revoked_at", TS, nullable=True),
    # the key's scope: JSON lists of purposes / categories; NULL: not limited on that axis
    Column("purposes", Text, nullable=True),
    Column("categories", Text, nullable=True),
    # after a rotation the previous key keeps working until previous_expires_at (overlap)
    Column("previous_prefix", String(16), nullable=True, unique=True),
    Column("previous_hash", String(64), nullable=True),
    Column("previous_expires_at", TS, nullable=True),
)
