"""The published versions of the privacy policy (what consents and decisions cite)."""

from __future__ import annotations

from sqlalchemy import Column, String, Table, Text

from piiguard.adapters.db.tables.base import TS, metadata

policy_versions = Table(
    "policy_versions",
    metadata,
    Column("version", String(32), primary_key=True),
    Column("published_at", TS, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("text", Text, nullable=False),
)
