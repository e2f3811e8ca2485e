"""Staff accounts and their security (R2.6, R2.9): sessions, password history, recovery
codes, invitations, departments, sign-in throttling and the first-start setup tokens."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    false,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata

staff_accounts = Table(
    "staff_accounts",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("display_name", String(128), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("roles", Text, nullable=False),  # JSON list
    Column("active", Boolean, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("deactivated_at", TS, nullable=True),
    Column("department", String(64), nullable=True),
    Column("email_verified_at", TS, nullable=True),  # the invitation link reached the inbox
    Column("password_changed_at", TS, nullable=True),
    Column("must_change_password", Boolean, nullable=False, server_default=false()),
    Column("totp_secret", Text, nullable=True),  # sealed under the current KEK
    Column("totp_confirmed_at", TS, nullable=True),
    Column("totp_last_step", BigInteger, nullable=True),  # a code is never accepted twice
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("staff_id", String(ID), ForeignKey("staff_accounts.id"), nullable=False, index=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("revoked_at", TS, nullable=True),
    Column("last_seen_at", TS, nullable=True),
    Column("authenticated_at", TS, nullable=True),  # password (+ TOTP): login or re-auth
    Column("pending", String(32), nullable=True),  # enrol_totp | change_password
)

staff_password_history = Table(
    "staff_password_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("staff_id", String(ID), ForeignKey("staff_accounts.id"), nullable=False, index=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", TS, nullable=False),
)

staff_recovery_codes = Table(
    "staff_recovery_codes",
    metadata,
    Column("staff_id", String(ID), ForeignKey("staff_accounts.id"), primary_key=True),
    Column("code_hash", String(64), primary_key=True),  # SHA-256 of 80 random bits
    Column("created_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
)

staff_invitations = Table(
    "staff_invitations",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("email", String(254), nullable=False),
    Column("department", String(64), nullable=False),
    Column("roles", Text, nullable=False),  # JSON list
    Column("invited_by", String(80), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
    Column("staff_id", String(ID), nullable=True),
)

departments = Table(
    "departments",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("purposes", Text, nullable=False),  # JSON list of purpose keys
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(80), primary_key=True),  # acct:<keyed hash> | addr:<keyed hash>
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", TS, nullable=True),
    Column("blocked_until", TS, nullable=True),
    Column("locked", Boolean, nullable=False),
)

setup_tokens = Table(
    "setup_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
)
