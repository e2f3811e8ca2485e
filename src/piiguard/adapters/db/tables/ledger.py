"""The decision ledger: every decision of the decision point, with its reasons (R2.4)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, String, Table, Text

from piiguard.adapters.db.tables.base import ID, metadata

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("at_us", BigInteger, nullable=False, index=True),
    Column("actor_kind", String(16), nullable=False),
    Column("actor_id", String(80), nullable=False, index=True),
    Column("action", String(16), nullable=False),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("purpose", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # allowed, partly_allowed, denied
    Column("requested", Text, nullable=False),  # JSON list of category keys
    Column("allowed", Text, nullable=False),
    Column("reasons", Text, nullable=False),  # JSON list of {code, en, zh, categories}
    Column("policy_version", String(64), nullable=False),
    Column("obligations", Text, nullable=False, server_default="[]"),
    Column("target_system", String(64), nullable=True),
    Column("exception_id", String(ID), nullable=True),
    Index("ix_decisions_purpose_outcome", "purpose", "outcome"),
)
