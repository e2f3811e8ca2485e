"""Subjects and their items: who the data is about, and each value held (ciphertext only)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata

subjects = Table(
    "subjects",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("erased_at", TS, nullable=True),  # tombstone: the id stays for the audit trail
    # R6.1: the day the subject reaches the configured age, derived from a date of birth
    Column("adult_on", Date, nullable=True),
    Column("declared_minor", Boolean, nullable=False, server_default="0"),
)

items = Table(
    "items",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), ForeignKey("subjects.id"), nullable=False, index=True),
    Column("category", String(128), nullable=False),
    Column("ciphertext", LargeBinary, nullable=True),  # nonce || AES-256-GCM(value)
    Column("secret_hash", String(255), nullable=True),  # argon2id, credentials only
    Column("lookup_token", String(64), nullable=True),  # keyed blind index
    Column("channel", String(32), nullable=False),
    Column("collected_at", TS, nullable=False),
    Column("legal_basis", String(32), nullable=False),
    Column("source_system", String(64), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("held_in", String(64), nullable=False),
    # purposes declared to the person when this item was collected (JSON list)
    Column("collected_for", Text, nullable=False, server_default="[]"),
    Column("last_confirmed_at", TS, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Index("ix_items_lookup", "category", "lookup_token"),
    # the record of processing's kinds of people and sources per purpose (R10.1): the
    # grouped query reads this index only, never the rows
    Index("ix_items_provenance", "subject_id", "source_system", "channel", "collected_for"),
    # room on each page for re-sealing as a heap-only update: no index may cover ciphertext
    # (migration 0026; tests/integration/test_heap_only_updates.py)
    postgresql_with={"fillfactor": 80},
)
