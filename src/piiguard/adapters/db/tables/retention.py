"""Retention and disposal (issue 14; R2.11, R2.8, R6.3, R10.2): the schedule (rules per
purpose and category, rules for piiguard's own records, legal minimums, their versions and
reviews), the anchor events systems report, legal holds, each item's computed retain-until,
disposal batches with their items and the deletion tasks they open for systems, the
confirmation queue (kept up to date) and the tasks opened when a child's data is found.

docs/retention.md describes every table. JSON lists are sorted text; no table here holds
a personal value (ids, category and system keys, keyed hashes only)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata

# -- the schedule -----------------------------------------------------------------------

# A purpose's rule (category "") or a category override under a purpose. No row for a
# purpose: its `purposes.retention_days` counted from collection.
retention_rules = Table(
    "retention_rules",
    metadata,
    Column("purpose", String(64), primary_key=True),
    Column("category", String(128), primary_key=True),  # "" = the purpose's own rule
    Column("days", Integer, nullable=False),
    Column("anchor", String(32), nullable=False),  # collected, confirmed, contract_end ...
    Column("note", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),  # the schedule version that set it
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

# Rules for the records piiguard itself keeps about people (request records, triage mail,
# delivered packages, sealed notes of decisions): one row per record type.
record_rules = Table(
    "record_rules",
    metadata,
    Column("record_type", String(32), primary_key=True),
    Column("days", Integer, nullable=False),
    Column("anchor", String(32), nullable=False),  # request_closed, received, expired ...
    Column("note", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

# Legal minimums: keep longer whatever the purpose says. days NULL = permanently.
legal_minimums = Table(
    "legal_minimums",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("en", Text, nullable=False),
    Column("zh", Text, nullable=False),
    Column("legal_source", Text, nullable=False),
    Column("days", Integer, nullable=True),
    Column("anchor", String(32), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list; each covers its subtree
    Column("purposes", Text, nullable=False),  # JSON list; [] = whatever the purpose
    Column("active", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

# Every change to the schedule: one row per schedule version (as purpose_versions).
retention_versions = Table(
    "retention_versions",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),  # rule, record_rule, minimum, interval
    Column("target", String(200), nullable=False),  # purpose/category, key, record type
    Column("definition", Text, nullable=False),  # JSON of the rule as changed ("" removed)
    Column("changed_at", TS, nullable=False),
    Column("changed_by", String(80), nullable=False),
)

# The officers' periodic reviews of the schedule; the newest says when the next is due.
retention_reviews = Table(
    "retention_reviews",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("reviewed_at", TS, nullable=False, index=True),
    Column("reviewed_by", String(80), nullable=False),
    Column("schedule_version", Integer, nullable=False),
    Column("changes", Text, nullable=False),  # what the review changed (officer's words)
    Column("next_due_at", TS, nullable=False),
)

# Anchor events the company's systems report per subject (contract_end, last_order).
retention_anchors = Table(
    "retention_anchors",
    metadata,
    Column("subject_id", String(ID), primary_key=True),
    Column("event", String(32), primary_key=True),
    Column("at", TS, nullable=False),
    Column("reported_by", String(80), nullable=False),
    Column("reported_at", TS, nullable=False),
)

# -- holds ------------------------------------------------------------------------------

# A legal hold: proposed by one officer, approved by another (four eyes); lifting likewise.
# status: proposed, active, lift_proposed, lifted, rejected. Empty scope lists = all.
legal_holds = Table(
    "legal_holds",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("status", String(16), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("case_reference", Text, nullable=False),
    Column("subject_ids", Text, nullable=False),  # JSON list
    Column("categories", Text, nullable=False),  # JSON list
    Column("systems", Text, nullable=False),  # JSON list
    Column("until", TS, nullable=True),  # None: until lifted
    Column("placed_by", String(80), nullable=False),
    Column("placed_at", TS, nullable=False),
    Column("approved_by", String(80), nullable=True),
    Column("approved_at", TS, nullable=True),
    Column("lift_requested_by", String(80), nullable=True),
    Column("lift_requested_at", TS, nullable=True),
    Column("lift_reason", Text, nullable=False, server_default=""),
    Column("lifted_by", String(80), nullable=True),
    Column("lifted_at", TS, nullable=True),
)

# -- each item's retain-until -----------------------------------------------------------

# The retain-until computed by domain/retention.py for each item, kept so the sweep's
# selection is an indexed range scan (the domain function stays the truth: recomputed when
# the item's purposes, consents, restrictions, anchors or the schedule change). No foreign
# key: an item erased or disposed of takes its row with it in the same transaction, and
# the sweep joins items anyway. retain_until NULL = kept indefinitely (a permanent minimum).
item_retention = Table(
    "item_retention",
    metadata,
    Column("item_id", String(ID), primary_key=True),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("retain_until", TS, nullable=True),
    Column("schedule_version", Integer, nullable=False),
    Column("computed_at", TS, nullable=False),
    # the item's metadata the sweep's selection needs (0011): no join to items
    Column("category", String(128), nullable=False, server_default=""),
    Column("held_in", String(64), nullable=False, server_default=""),
    Column("purposes", Text, nullable=False, server_default="[]"),
    Index("ix_item_retention_due", "retain_until", "item_id"),
)

# -- disposal ---------------------------------------------------------------------------

# status: proposed, approved, disposed, rejected (an objection, with its reason).
disposal_batches = Table(
    "disposal_batches",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("status", String(16), nullable=False, index=True),
    Column("as_of", TS, nullable=False),  # due on or before this time
    Column("created_at", TS, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("auto_dispose_at", TS, nullable=True),  # PIIGUARD_RETENTION_AUTO_DISPOSE_DAYS
    Column("item_count", Integer, nullable=False),
    Column("approved_by", String(80), nullable=True),
    Column("approved_at", TS, nullable=True),
    Column("rejected_by", String(80), nullable=True),
    Column("rejected_at", TS, nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    Column("disposed_at", TS, nullable=True),
    Column("list_hash", String(64), nullable=True),  # SHA-256 of the sorted disposed ids
    Column("certificate", Text, nullable=True),  # JSON: counts, period, systems; no values
)

# What a batch disposes of: items, and piiguard's own records about people (record_type
# names which: item, data_request, triage_mail, request_package, decision_note).
disposal_items = Table(
    "disposal_items",
    metadata,
    Column("batch_id", String(ID), ForeignKey("disposal_batches.id"), primary_key=True),
    Column("record_type", String(32), primary_key=True),
    Column("record_id", String(ID), primary_key=True),
    Column("subject_id", String(ID), nullable=True, index=True),
    Column("category", String(128), nullable=False, server_default=""),
    Column("system", String(64), nullable=False, server_default=""),  # held_in
    Column("purposes", Text, nullable=False, server_default="[]"),  # JSON list (counts)
    Column("retain_until", TS, nullable=True),
    Column("disposed_at", TS, nullable=True),
    # a record already on an open batch is not proposed again
    Index("ix_disposal_items_record", "record_type", "record_id"),
    # room for marking disposed_at as a heap-only update: no index may cover it (0026)
    postgresql_with={"fillfactor": 70},
)

# Deletion notices to the systems holding a disposed category (the rights tasks' shape and
# statuses, tied to a batch instead of a request): delivered by signed webhook, tracked
# until confirmed or waived with a reason.
disposal_tasks = Table(
    "disposal_tasks",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("batch_id", String(ID), ForeignKey("disposal_batches.id"), nullable=False, index=True),
    Column("system", String(64), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("subject_ids", Text, nullable=False),  # JSON list: whose data the system deletes
    Column("status", String(16), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", TS, nullable=True, index=True),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("settled_at", TS, nullable=True),
    Column("settled_by", String(80), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
)

# -- kept up to date (R2.8) -------------------------------------------------------------

# Per category: items not confirmed within interval_days are queued for confirmation.
confirmation_intervals = Table(
    "confirmation_intervals",
    metadata,
    Column("category", String(128), primary_key=True),
    Column("interval_days", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("updated_by", String(80), nullable=False),
)

# One request to a person to confirm or correct their stale items.
# status: queued, mailed, staff_queue (unanswered after N days), answered, closed.
confirmation_requests = Table(
    "confirmation_requests",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("item_ids", Text, nullable=False),  # JSON list
    Column("language", String(2), nullable=False),
    Column("queued_at", TS, nullable=False),
    Column("mailed_at", TS, nullable=True),
    Column("token_hash", String(64), nullable=True, unique=True),  # the link's token
    Column("code_hash", String(64), nullable=True),  # the one-time code
    Column("code_expires_at", TS, nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("escalated_at", TS, nullable=True),
    Column("answered_at", TS, nullable=True),
    Column("answered_by", String(80), nullable=True),  # subject or the staff member
    Column("method", Text, nullable=False, server_default=""),  # staff: how (e.g. phone)
    Column("outcome", Text, nullable=False, server_default=""),  # JSON: per item, no values
    Index("ix_confirmation_requests_status", "status", "queued_at"),
)

# -- a child's data found (R6.3) --------------------------------------------------------

# status: open, escalated, closed; closure: disposed, guardian_consent, not_a_child.
child_data_tasks = Table(
    "child_data_tasks",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), nullable=True, index=True),
    Column("source", String(16), nullable=False),  # scanner, decision
    Column("reference", Text, nullable=False),  # finding id / decision id
    Column("status", String(16), nullable=False),
    Column("opened_at", TS, nullable=False),
    Column("due_at", TS, nullable=False),
    Column("escalated_at", TS, nullable=True),
    Column("closed_at", TS, nullable=True),
    Column("closed_by", String(80), nullable=True),
    Column("closure", String(32), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("open", Boolean, nullable=False, server_default=false()),
    Index("ix_child_data_tasks_open_due", "open", "due_at"),
)

# -- the sweep's incremental refresh ----------------------------------------------------

# One row (name "sweep"): how far the stored retain-until is up to date — every audit
# entry up to `audit_seq` has been looked at (the subjects it names recomputed) under the
# schedule whose key is `schedule_key` (its version and the purposes' days and consent
# needs). A different key: every item is recomputed. services/retention/schedule.py.
retention_refresh = Table(
    "retention_refresh",
    metadata,
    Column("name", String(16), primary_key=True),
    Column("audit_seq", BigInteger, nullable=False),
    Column("schedule_key", String(80), nullable=False),
    Column("refreshed_at", TS, nullable=False),
)

# Who is doing a piece of retention work now, across processes (0027): a disposal of a
# batch ("dispose:<batch id>") or a refresh of the stored retain-until ("refresh"). A row
# is written (claimed) before the work starts and deleted when it ends; a second process
# finding a row whose `expires_at` has not passed is refused (services/retention/_common.py
# `claimed`). The holder renews the expiry as it goes; a process that stopped leaves its
# row, which lapses at `expires_at` and is taken over then. `holder`: host and process id.
retention_claims = Table(
    "retention_claims",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("token", String(32), nullable=False),
    Column("holder", String(120), nullable=False),
    Column("claimed_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
)
