"""What the person decided (R2.4, R6.1): consents with their evidence, restrictions and
objections, guardian links."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table

from piiguard.adapters.db.tables.base import ID, TS, metadata

consents = Table(
    "consents",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), ForeignKey("subjects.id"), nullable=False, index=True),
    Column("purpose", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("granted_at", TS, nullable=False),
    Column("withdrawn_at", TS, nullable=True),
    Column("channel", String(32), nullable=False),
    Column("policy_version", String(32), nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("given_by", String(ID), nullable=True),
    # a transfer-abroad consent's recipient (register key) and destination country
    Column("recipient", String(64), nullable=True),
    Column("destination", String(2), nullable=True),
)

restrictions = Table(
    "restrictions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), ForeignKey("subjects.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("purpose", String(64), nullable=True),
    Column("since", TS, nullable=False),
    Column("lifted_at", TS, nullable=True),
    Column("recorded_by", String(80), nullable=False),
)

guardian_links = Table(
    "guardian_links",
    metadata,
    Column("child_id", String(ID), ForeignKey("subjects.id"), primary_key=True),
    Column("guardian_id", String(ID), ForeignKey("subjects.id"), primary_key=True),
    Column("created_at", TS, nullable=False),
    Column("verified_by", String(80), nullable=True),
    Column("verified_at", TS, nullable=True),
)
