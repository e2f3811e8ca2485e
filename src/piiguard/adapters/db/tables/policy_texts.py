"""The published versions of the privacy policy (what consents and decisions cite), the
drafts of new ones, and the per-person notices of a new version (R8.1, R2.4). No column
holds a contact or any personal value: ids, statuses, keyed hashes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table, Text

from piiguard.adapters.db.tables.base import ID, TS, metadata

policy_versions = Table(
    "policy_versions",
    metadata,
    Column("version", String(32), primary_key=True),
    Column("published_at", TS, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("text", Text, nullable=False),  # English
    Column("text_zh", Text, nullable=True),  # version 1 shipped in English only
    Column("sha256_zh", String(64), nullable=False, server_default=""),
    Column("effective_on", Date, nullable=True),
    Column("summary_en", Text, nullable=False, server_default=""),
    Column("summary_zh", Text, nullable=False, server_default=""),
    Column("material", Boolean, nullable=False, server_default="0"),
    Column("changes", Text, nullable=False, server_default="[]"),  # JSON lists
    Column("purposes", Text, nullable=False, server_default="[]"),
    Column("renewal", Text, nullable=False, server_default="[]"),
    Column("notify", Boolean, nullable=False, server_default="0"),
    Column("proposed_by", String(80), nullable=False, server_default=""),
    Column("approved_by", String(80), nullable=False, server_default=""),
)

policy_drafts = Table(
    "policy_drafts",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("status", String(16), nullable=False, index=True),
    Column("text_en", Text, nullable=False),
    Column("text_zh", Text, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("summary_en", Text, nullable=False),
    Column("summary_zh", Text, nullable=False),
    Column("material", Boolean, nullable=False),
    Column("changes", Text, nullable=False),
    Column("purposes", Text, nullable=False),
    Column("notify", Boolean, nullable=False),
    Column("proposed_by", String(80), nullable=False),
    Column("proposed_at", TS, nullable=False),
    Column("decided_by", String(80), nullable=True),
    Column("decided_at", TS, nullable=True),
    Column("version", String(32), nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
)


def notice_columns(key_length: int) -> list[Column[Any]]:
    """The columns of a per-person notice table (services/notices/batch.py): `version`
    names what the notice is about (a policy version, a business transfer's id)."""
    return [
        Column("version", String(key_length), primary_key=True),
        Column("subject_id", String(ID), primary_key=True),
        Column("status", String(16), nullable=False),
        Column("created_at", TS, nullable=False),
        Column("updated_at", TS, nullable=False),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("language", String(8), nullable=False, server_default=""),
        Column("reply_code", Integer, nullable=True),
        Column("sent_at", TS, nullable=True),
        Column("contact_hash", String(64), nullable=False, server_default=""),
        Column("renewal", Text, nullable=False, server_default="[]"),
        Column("token_hash", String(64), nullable=True, unique=True),
        Column("code_hash", String(64), nullable=True),
        Column("code_expires_at", TS, nullable=True),
        Column("code_attempts", Integer, nullable=False, server_default="0"),
        Column("answered_at", TS, nullable=True),
        Column("answers", Text, nullable=False, server_default="[]"),
    ]


policy_notices = Table(
    "policy_notices",
    metadata,
    *notice_columns(32),
    Index("ix_policy_notices_status_version", "status", "version"),
    Index("ix_policy_notices_subject_id", "subject_id"),
)
