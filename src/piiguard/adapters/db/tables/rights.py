"""Rights requests of the person (R4.1–R4.4, R9.1, R9.2): the requests (details sealed),
verification codes, reminders, tasks for systems and their webhook endpoints, download
packages and the mail triage queue."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    false,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata

data_requests = Table(
    "data_requests",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("status", String(32), nullable=False),
    Column("received_at", TS, nullable=False),
    Column("due_at", TS, nullable=False),
    Column("contact_hash", String(64), nullable=False, index=True),
    Column("language", String(2), nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("subject_id", String(ID), nullable=True, index=True),
    Column("assignee", String(80), nullable=True),
    Column("verified_at", TS, nullable=True),
    Column("document_checked_by", String(80), nullable=True),
    Column("approved_by", String(80), nullable=True),
    Column("excessive", Boolean, nullable=False, server_default=false()),
    Column("excessive_reason", Text, nullable=False, server_default=""),
    Column("fee", String(32), nullable=False, server_default=""),
    Column("refusal_reason", Text, nullable=False, server_default=""),
    Column("paused_at", TS, nullable=True),
    Column("paused_seconds", Integer, nullable=False, server_default="0"),
    Column("closed_at", TS, nullable=True),
    Column("outcome", Text, nullable=False, server_default=""),
    Column("sensitive", Boolean, nullable=False, server_default=false()),
    Column("open", Boolean, nullable=False),  # not completed or refused: the queue's filter
    # waiting on the requester (paused_at set): the queue lists these after the running ones
    Column("waiting", Boolean, nullable=False, server_default=false()),
    # a process carrying the request out holds it (two workers, a double submit: one wins)
    Column("claimed_at", TS, nullable=True),
    Column("details", Text, nullable=False),  # sealed RequestDetails (personal data)
    # the queue and the overdue view: open requests by due date
    Index("ix_data_requests_open_due", "open", "due_at"),
    Index("ix_data_requests_queue", "open", "waiting", "due_at", "id"),
)


request_codes = Table(
    "request_codes",
    metadata,
    Column("request_id", String(ID), ForeignKey("data_requests.id"), primary_key=True),
    Column("sent_at", TS, primary_key=True),
    Column("code_hash", String(64), nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("used_at", TS, nullable=True),
)

request_notices = Table(
    "request_notices",
    metadata,
    Column("request_id", String(ID), ForeignKey("data_requests.id"), primary_key=True),
    Column("label", String(32), primary_key=True),  # reminder_7d ... escalation
    Column("at", TS, nullable=False),
    Column("sent", Boolean, nullable=False),  # False: passed while the scheduler was down
)

request_tasks = Table(
    "request_tasks",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("data_requests.id"), nullable=False, index=True),
    Column("system", String(64), nullable=False),
    Column("action", String(16), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("status", String(16), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", TS, nullable=True, index=True),
    Column("last_error", Text, nullable=False),
    Column("settled_at", TS, nullable=True),
    Column("note", Text, nullable=False),
)

system_endpoints = Table(
    "system_endpoints",
    metadata,
    Column("system", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),  # SecretBox-sealed HMAC key
)

request_packages = Table(
    "request_packages",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("data_requests.id"), nullable=False, index=True),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
    Column("sealed", LargeBinary, nullable=False),
)

triage_mail = Table(
    "triage_mail",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("received_at", TS, nullable=False),
    Column("sealed", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("resolved_at", TS, nullable=True),
    Column("resolved_by", String(80), nullable=True),
    Column("request_id", String(ID), nullable=True),
)
