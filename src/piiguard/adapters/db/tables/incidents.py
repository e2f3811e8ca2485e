"""Security incidents (R5.8) — the incident, its timeline, its reporting obligations and
their clocks, the reminders sent, the people affected and the mailing that tells them — and
vulnerabilities (R5.9), with the links between them."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("title", Text, nullable=False),  # sealed at rest, as the other words of officers
    Column("description", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("severity", String(24), nullable=False),
    Column("jurisdictions", Text, nullable=False),  # JSON list
    Column("cii", Boolean, nullable=False),
    Column("high_risk", Boolean, nullable=False),
    Column("systems", Text, nullable=False),  # JSON list of data-map keys
    Column("categories", Text, nullable=False),  # JSON list of taxonomy keys
    Column("detected_at", TS, nullable=False),
    Column("reported_by", String(80), nullable=False),
    Column("reported_at", TS, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("handler", String(80), nullable=True),
    Column("affected_estimate", Integer, nullable=True),
    Column("affected_computed", Integer, nullable=True),
    Column("root_cause", Text, nullable=False),
    Column("lessons", Text, nullable=False),
    Column("review_requested_by", String(80), nullable=True),
    Column("review_requested_at", TS, nullable=True),
    Column("closed_by", String(80), nullable=True),
    Column("closed_at", TS, nullable=True),
    Column("closing_note", Text, nullable=False),
)

incident_timeline = Table(
    "incident_timeline",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("incident_id", String(ID), ForeignKey("incidents.id"), nullable=False, index=True),
    Column("stage", String(16), nullable=False),
    Column("at", TS, nullable=False),
    Column("by", String(80), nullable=False),
    Column("note", Text, nullable=False),
    Column("recorded_at", TS, nullable=False),
)

incident_obligations = Table(
    "incident_obligations",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("en", String(300), nullable=False),
    Column("zh", String(300), nullable=False),
    Column("audience", String(16), nullable=False),
    Column("recipient", String(300), nullable=False),
    Column("jurisdiction", String(8), nullable=False),
    Column("hours", Integer, nullable=False),
    Column("reminder_minutes", Text, nullable=False),  # JSON list of ints
    Column("source", Text, nullable=False),
    Column("fields", Text, nullable=False),  # JSON list
    Column("min_severity", String(24), nullable=True),
    Column("cii", Boolean, nullable=True),
    Column("personal_data", Boolean, nullable=False),
    Column("high_risk", Boolean, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

incident_clocks = Table(
    "incident_clocks",
    metadata,
    Column("incident_id", String(ID), ForeignKey("incidents.id"), primary_key=True),
    Column("obligation", String(64), primary_key=True),
    Column("started_at", TS, nullable=False),
    Column("due_at", TS, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("submitted_at", TS, nullable=True),
    Column("submitted_to", String(300), nullable=False),
    Column("reference", String(200), nullable=False),
    Column("submitted_by", String(80), nullable=True),
    Column("report", Text, nullable=False),
    Column("note", Text, nullable=False),
)

# reminders and escalations of the clocks and of overdue vulnerabilities, claimed by insert
security_notices = Table(
    "security_notices",
    metadata,
    Column("target", String(120), primary_key=True),  # <incident>/<obligation>, vuln/<id>
    Column("label", String(32), primary_key=True),
    Column("at", TS, nullable=False),
    Column("sent", Boolean, nullable=False),
)

incident_recipients = Table(
    "incident_recipients",
    metadata,
    Column("incident_id", String(ID), ForeignKey("incidents.id"), primary_key=True),
    Column("subject_id", String(ID), primary_key=True),
    Column("source", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("claimed_at", TS, nullable=True),
    Column("sent_at", TS, nullable=True),
    Column("message_id", String(200), nullable=False),
    Column("attempts", Integer, nullable=False),
    Index("ix_incident_recipients_status", "incident_id", "status", "subject_id"),
)

incident_mailings = Table(
    "incident_mailings",
    metadata,
    Column("incident_id", String(ID), ForeignKey("incidents.id"), primary_key=True),
    Column("texts", Text, nullable=False),  # JSON {"zh": {...}, "en": {...}}
    Column("created_by", String(80), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("started_at", TS, nullable=True),
    Column("started_by", String(80), nullable=True),
)

vulnerabilities = Table(
    "vulnerabilities",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("identifier", String(200), nullable=False),
    Column("system", String(64), nullable=False),
    Column("title", String(300), nullable=False),
    Column("source", String(16), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("cvss", Float, nullable=True),
    Column("owner", String(200), nullable=False),
    Column("found_at", TS, nullable=False),
    Column("due_at", TS, nullable=False, index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("component", String(500), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("locations", Integer, nullable=False),
    Column("reported_by", String(80), nullable=False),
    Column("updated_at", TS, nullable=True),
    Column("fixed_at", TS, nullable=True),
    Column("fixed_by", String(80), nullable=True),
    Column("verified_by", String(80), nullable=True),
    Column("verified_at", TS, nullable=True),
    Column("risk_reason", Text, nullable=False),
    Column("risk_proposed_by", String(80), nullable=True),
    Column("risk_proposed_at", TS, nullable=True),
    Column("risk_approved_by", String(80), nullable=True),
    Column("risk_approved_at", TS, nullable=True),
    Column("risk_until", TS, nullable=True),
    Column("seen_at", TS, nullable=True),
    UniqueConstraint("identifier", "system"),  # deduplicated by identifier + system
)

incident_vulns = Table(
    "incident_vulns",
    metadata,
    Column("incident_id", String(ID), ForeignKey("incidents.id"), primary_key=True),
    Column("vuln_id", String(ID), ForeignKey("vulnerabilities.id"), primary_key=True),
)
