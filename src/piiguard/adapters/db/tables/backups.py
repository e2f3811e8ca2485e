"""Backups (issue 16; R5.7, R10.2): the register of backup files with their manifests, the
restore tests with each check's result, and the claims that keep two processes from taking
the same scheduled step. docs/backups.md describes every column; nothing here is personal
data (ids, hashes, counts, table names)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, String, Table, Text

from piiguard.adapters.db.tables.base import ID, TS, metadata

backups = Table(
    "backups",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(16), nullable=False),  # data | keystore
    Column("status", String(16), nullable=False),  # ok | failed | pruned
    Column("created_at", TS, nullable=False),
    Column("by", String(128), nullable=False),
    Column("target", String(64), nullable=False, server_default=""),  # data-map system key
    Column("location", Text, nullable=False),
    Column("dialect", String(16), nullable=False),
    Column("size", BigInteger, nullable=False, server_default="0"),
    Column("sha256", String(64), nullable=False, server_default=""),
    Column("kek_version", String(32), nullable=False, server_default=""),
    Column("schema_revision", String(32), nullable=False, server_default=""),
    Column("audit_head_seq", BigInteger, nullable=False, server_default="0"),
    Column("audit_head_hash", String(64), nullable=False, server_default=""),
    Column("checkpoint_seq", BigInteger, nullable=False, server_default="0"),
    Column("row_counts", Text, nullable=False, server_default="{}"),  # JSON table -> rows
    Column("expires_at", TS, nullable=True),
    Column("error", Text, nullable=False, server_default=""),
    Column("pruned_at", TS, nullable=True),
    Index("ix_backups_kind_created", "kind", "created_at"),
)

restore_tests = Table(
    "restore_tests",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("backup_id", String(ID), nullable=False, index=True),
    Column("started_at", TS, nullable=False, index=True),
    Column("duration_ms", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("by", String(128), nullable=False),
    Column("checks", Text, nullable=False),  # JSON [{name, ok, detail}]
)

backup_claims = Table(
    "backup_claims",
    metadata,
    Column("name", String(32), primary_key=True),  # data, keystore, restore_test, prune ...
    Column("claimed_until", TS, nullable=True),
    Column("note", Text, nullable=False, server_default=""),
)
