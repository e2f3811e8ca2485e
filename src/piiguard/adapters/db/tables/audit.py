"""The audit trail (R5.1): hash-chained entries, the chain's head and signed checkpoints."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text

from piiguard.adapters.db.tables.base import ID, metadata

audit_entries = Table(
    "audit_entries",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at_us", BigInteger, nullable=False),
    Column("actor_kind", String(16), nullable=False),
    Column("actor_id", String(80), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target_type", String(32), nullable=False),
    Column("target_id", String(80), nullable=False),
    Column("subject_id", String(ID), nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("decision_id", String(ID), nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Index("ix_audit_entries_subject", "subject_id"),
    Index("ix_audit_entries_actor", "actor_id"),
)

# One row: the chain's head. Appenders lock it (FOR UPDATE / BEGIN IMMEDIATE), which
# serialises appends so the chain never forks under concurrent writers.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("entry_hash", String(64), nullable=False),
)

audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("last_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("first_seq", BigInteger, nullable=False),
    Column("head_hash", String(64), nullable=False),
    Column("merkle_root", String(64), nullable=False),
    Column("at_us", BigInteger, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("signature", String(128), nullable=False),
)

# a request's timeline is its audit entries (target request/<id>)
Index("ix_audit_entries_target", audit_entries.c.target_type, audit_entries.c.target_id)
