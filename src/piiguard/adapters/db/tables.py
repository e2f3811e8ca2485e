"""The data database's tables. Changed only through Alembic migrations (src/piiguard/migrations).

Times that feed hashes are integer microseconds (exact on every backend); others are
timezone-aware timestamps.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

from piiguard.adapters.db.types import UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

ID = 36  # uuid text
TS = UtcDateTime()

subjects = Table(
    "subjects", metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("erased_at", TS, nullable=True),  # tombstone: the id stays for the audit trail
    # R6.1: the day the subject reaches the configured age, derived from a date of birth
    Column("adult_on", Date, nullable=True),
    Column("declared_minor", Boolean, nullable=False, server_default="0"),
)

items = Table(
    "items", metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), ForeignKey("subjects.id"), nullable=False, index=True),
    Column("category", String(128), nullable=False),
    Column("ciphertext", LargeBinary, nullable=True),  # nonce || AES-256-GCM(value)
    Column("secret_hash", String(255), nullable=True),  # argon2id, credentials only
    Column("lookup_token", String(64), nullable=True),  # keyed blind index
    Column("channel", String(32), nullable=False),
    Column("collected_at", TS, nullable=False),
    Column("legal_basis", String(32), nullable=False),
    Column("source_system", String(64), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("held_in", String(64), nullable=False),
    # purposes declared to the person when this item was collected (JSON list)
    Column("collected_for", Text, nullable=False, server_default="[]"),
    Column("last_confirmed_at", TS, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Index("ix_items_lookup", "category", "lookup_token"),
)

decisions = Table(
    "decisions", metadata,
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

audit_entries = Table(
    "audit_entries", metadata,
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
    "audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("entry_hash", String(64), nullable=False),
)

audit_checkpoints = Table(
    "audit_checkpoints", metadata,
    Column("last_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("first_seq", BigInteger, nullable=False),
    Column("head_hash", String(64), nullable=False),
    Column("merkle_root", String(64), nullable=False),
    Column("at_us", BigInteger, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("signature", String(128), nullable=False),
)

system_clients = Table(
    "system_clients", metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("key_prefix", String(16), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of a 256-bit random key
    Column("created_at", TS, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("revoked_at", TS, nullable=True),
    # the key's scope: JSON lists of purposes / categories; NULL: not limited on that axis
    Column("purposes", Text, nullable=True),
    Column("categories", Text, nullable=True),
    # after a rotation the previous key keeps working until previous_expires_at (overlap)
    Column("previous_prefix", String(16), nullable=True, unique=True),
    Column("previous_hash", String(64), nullable=True),
    Column("previous_expires_at", TS, nullable=True),
)

staff_accounts = Table(
    "staff_accounts", metadata,
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
    "staff_sessions", metadata,
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
    "staff_password_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("staff_id", String(ID), ForeignKey("staff_accounts.id"), nullable=False, index=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", TS, nullable=False),
)

staff_recovery_codes = Table(
    "staff_recovery_codes", metadata,
    Column("staff_id", String(ID), ForeignKey("staff_accounts.id"), primary_key=True),
    Column("code_hash", String(64), primary_key=True),  # SHA-256 of 80 random bits
    Column("created_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
)

staff_invitations = Table(
    "staff_invitations", metadata,
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
    "departments", metadata,
    Column("key", String(64), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("purposes", Text, nullable=False),  # JSON list of purpose keys
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

login_throttle = Table(
    "login_throttle", metadata,
    Column("key", String(80), primary_key=True),  # acct:<keyed hash> | addr:<keyed hash>
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", TS, nullable=True),
    Column("blocked_until", TS, nullable=True),
    Column("locked", Boolean, nullable=False),
)

setup_tokens = Table(
    "setup_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
)

policy_versions = Table(
    "policy_versions", metadata,
    Column("version", String(32), primary_key=True),
    Column("published_at", TS, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("text", Text, nullable=False),
)


# -- purpose limitation (issue 3) -----------------------------------------------------------
# One row, bumped by every change to the register, the data map, exceptions or categories:
# processes rebuild their policy snapshot when it moves.
policy_epoch = Table(
    "policy_epoch", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("epoch", BigInteger, nullable=False),
    Column("register_version", Integer, nullable=False),
)

purposes = Table(
    "purposes", metadata,
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
    "purpose_versions", metadata,
    Column("register_version", Integer, primary_key=True, autoincrement=False),
    Column("purpose_key", String(64), nullable=False),
    Column("definition", Text, nullable=False),  # JSON of the purpose as changed
    Column("changed_at", TS, nullable=False),
    Column("changed_by", String(80), nullable=False),
)

company_categories = Table(
    "company_categories", metadata,
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
    "systems", metadata,
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
    "exports", metadata,
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
    "findings", metadata,
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

consents = Table(
    "consents", metadata,
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
)

restrictions = Table(
    "restrictions", metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), ForeignKey("subjects.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("purpose", String(64), nullable=True),
    Column("since", TS, nullable=False),
    Column("lifted_at", TS, nullable=True),
    Column("recorded_by", String(80), nullable=False),
)

guardian_links = Table(
    "guardian_links", metadata,
    Column("child_id", String(ID), ForeignKey("subjects.id"), primary_key=True),
    Column("guardian_id", String(ID), ForeignKey("subjects.id"), primary_key=True),
    Column("created_at", TS, nullable=False),
    Column("verified_by", String(80), nullable=True),
    Column("verified_at", TS, nullable=True),
)

legal_exceptions = Table(
    "legal_exceptions", metadata,
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

# --- requests of the person (R4.1–R4.4, R9.1, R9.2) ---------------------------------------

data_requests = Table(
    "data_requests", metadata,
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
    "request_codes", metadata,
    Column("request_id", String(ID), ForeignKey("data_requests.id"), primary_key=True),
    Column("sent_at", TS, primary_key=True),
    Column("code_hash", String(64), nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("used_at", TS, nullable=True),
)

request_notices = Table(
    "request_notices", metadata,
    Column("request_id", String(ID), ForeignKey("data_requests.id"), primary_key=True),
    Column("label", String(32), primary_key=True),  # reminder_7d ... escalation
    Column("at", TS, nullable=False),
    Column("sent", Boolean, nullable=False),  # False: passed while the scheduler was down
)

request_tasks = Table(
    "request_tasks", metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("data_requests.id"), nullable=False,
           index=True),
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
    "system_endpoints", metadata,
    Column("system", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),  # SecretBox-sealed HMAC key
)

request_packages = Table(
    "request_packages", metadata,
    Column("id", String(ID), primary_key=True),
    Column("request_id", String(ID), ForeignKey("data_requests.id"), nullable=False,
           index=True),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
    Column("sealed", LargeBinary, nullable=False),
)

triage_mail = Table(
    "triage_mail", metadata,
    Column("id", String(ID), primary_key=True),
    Column("received_at", TS, nullable=False),
    Column("sealed", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("resolved_at", TS, nullable=True),
    Column("resolved_by", String(80), nullable=True),
    Column("request_id", String(ID), nullable=True),
)

# a request's timeline is its audit entries (target request/<id>)
Index("ix_audit_entries_target", audit_entries.c.target_type, audit_entries.c.target_id)
