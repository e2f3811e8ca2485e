"""The purpose-limitation registers (R2.3, R2.5, R2.7): purposes (versioned), company
categories, the data map (systems, exports, findings), legal exceptions, and the policy
epoch that moves with every change to them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, Integer, String, Table, Text

from piiguard.adapters.db.tables.base import ID, TS, metadata

# One row, bumped by every change to the registers (purposes, categories, the data map,
# legal exceptions) and by each published policy version: processes rebuild their policy
# snapshot when it moves.
policy_epoch = Table(
    "policy_epoch",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("epoch", BigInteger, nullable=False),
    Column("register_version", Integer, nullable=False),
)

purposes = Table(
    "purposes",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("en", Text, nullable=False),
    Column("zh", Text, nullable=False),
    Column("legal_basis", String(32), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("retention_days", Integer, nullable=False),
    Column("needs_consent", Boolean, nullable=False),
    Column("roles", Text, nullable=False),  # JSON list
    Column("active", Boolean, nullable=False),
)

purpose_versions = Table(
    "purpose_versions",
    metadata,
    Column("register_version", Integer, primary_key=True, autoincrement=False),
    Column("purpose_key", String(64), nullable=False),
    Column("definition", Text, nullable=False),  # JSON of the purpose as changed
    Column("changed_at", TS, nullable=False),
    Column("changed_by", String(80), nullable=False),
)

company_categories = Table(
    "company_categories",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("name_zh", String(128), nullable=False),
    Column("tier", String(16), nullable=False),
    Column("lookup", String(16), nullable=False),
    Column("description", Text, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("deprecated_at", TS, nullable=True),
)

systems = Table(
    "systems",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("owner", String(128), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("region", String(2), nullable=False),
    Column("status", String(16), nullable=False),
    Column("cloud_provider", String(64), nullable=True),
    Column("cloud_approved", Boolean, nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("purposes", Text, nullable=False),  # JSON list
    Column("locations", Text, nullable=False, server_default="[]"),  # JSON list
    Column("updated_at", TS, nullable=False),
)

exports = Table(
    "exports",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("system", String(64), nullable=False, index=True),
    Column("recipient", String(128), nullable=False),
    Column("requested_by", String(80), nullable=False),
    Column("categories", Text, nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("source", Text, nullable=False),
    Column("category", String(128), nullable=False),
    Column("detail", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("assignee", String(80), nullable=True),
    Column("reason", Text, nullable=True),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
)

legal_exceptions = Table(
    "legal_exceptions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("authority", Text, nullable=False),
    Column("case_reference", Text, nullable=False),
    Column("legal_provision", Text, nullable=False),
    Column("subject_ids", Text, nullable=False),  # JSON list
    Column("categories", Text, nullable=False),  # JSON list
    Column("valid_from", TS, nullable=False),
    Column("valid_until", TS, nullable=False),
    Column("requested_by", String(80), nullable=False),
    Column("approved_by", String(80), nullable=True),
    Column("approved_at", TS, nullable=True),
    Column("revoked_at", TS, nullable=True),
    Column("created_at", TS, nullable=False),
)

# Records of processing (R10.1; docs/accountability.md): each generated version of the
# record built from these registers, with the SHA-256 of its canonical JSON. The body holds
# register facts (purposes, categories, systems, recipients, agreements, retention), no
# personal data.
processing_records = Table(
    "processing_records",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("sha256", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("generated_at", TS, nullable=False, index=True),
    Column("generated_by", String(80), nullable=False),
)

# Impact assessments (R10.4; PIPL Art. 55–56; docs/accountability.md): the scope in the clear
# (cases, purposes, categories, recipients, systems: register keys), the answers to the
# template and the reviewers' notes sealed (they are free text), kept at least three years.
impact_assessments = Table(
    "impact_assessments",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("cases", Text, nullable=False),  # JSON list
    Column("purposes", Text, nullable=False),  # JSON list
    Column("categories", Text, nullable=False),  # JSON list
    Column("recipients", Text, nullable=False),  # JSON list
    Column("systems", Text, nullable=False),  # JSON list
    Column("answers", Text, nullable=False),  # sealed JSON object
    Column("impact", String(16), nullable=False),
    Column("likelihood", String(16), nullable=False),
    Column("author", String(80), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("submitted_at", TS, nullable=True),
    Column("reviewer", String(80), nullable=True),
    Column("reviewed_at", TS, nullable=True),
    Column("review_note", Text, nullable=False),  # sealed ('' when none)
    Column("approver", String(80), nullable=True),
    Column("decided_at", TS, nullable=True),
    Column("decision_note", Text, nullable=False),  # sealed ('' when none)
    Column("withdrawn_at", TS, nullable=True),
    Column("withdrawn_by", String(80), nullable=True),
    Column("review_by", Date, nullable=True),
    Column("fingerprints", Text, nullable=False),  # JSON object, at approval
)

# The cases of PIPL Art. 55 a privacy officer added for a purpose (automated decisions,
# public disclosure, other processing with a major impact).
assessment_cases = Table(
    "assessment_cases",
    metadata,
    Column("purpose", String(64), primary_key=True),
    Column("case", String(32), primary_key=True),
    Column("designated_by", String(80), nullable=False),
    Column("designated_at", TS, nullable=False),
)

# Compliance audits carried out (CAC Measures of 2025, Art. 4; PIPL Art. 54).
compliance_audits = Table(
    "compliance_audits",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("audited_on", Date, nullable=False, index=True),
    Column("auditor", String(200), nullable=False),
    Column("scope", Text, nullable=False),
    Column("findings", Integer, nullable=False),
    Column("external", Boolean, nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("recorded_at", TS, nullable=False),
)
