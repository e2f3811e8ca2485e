"""The data database's tables: one module per feature, all on the one `metadata` of
tables/base.py. Changed only through Alembic migrations (src/piiguard/migrations), which
compare against this `metadata` — importing this package declares every table on it.

Times that feed hashes are integer microseconds (exact on every backend); others are
timezone-aware timestamps.
"""

from __future__ import annotations

from piiguard.adapters.db.tables.audit import audit_checkpoints, audit_entries, audit_head
from piiguard.adapters.db.tables.backups import backup_claims, backups, restore_tests
from piiguard.adapters.db.tables.base import ID, NAMING, TS, metadata
from piiguard.adapters.db.tables.clients import system_clients
from piiguard.adapters.db.tables.consent import consents, guardian_links, restrictions
from piiguard.adapters.db.tables.custody import (
    inventory_lines,
    media,
    media_inventories,
    media_movements,
    paper_records,
)
from piiguard.adapters.db.tables.incidents import (
    incident_clocks,
    incident_mailings,
    incident_obligations,
    incident_recipients,
    incident_timeline,
    incident_vulns,
    incidents,
    security_notices,
    vulnerabilities,
)
from piiguard.adapters.db.tables.ledger import decisions
from piiguard.adapters.db.tables.personal_data import items, subjects
from piiguard.adapters.db.tables.policy_texts import policy_drafts, policy_notices, policy_versions
from piiguard.adapters.db.tables.registers import (
    company_categories,
    exports,
    findings,
    legal_exceptions,
    policy_epoch,
    processing_records,
    purpose_versions,
    purposes,
    systems,
)
from piiguard.adapters.db.tables.retention import (
    child_data_tasks,
    confirmation_intervals,
    confirmation_requests,
    disposal_batches,
    disposal_items,
    disposal_tasks,
    item_retention,
    legal_holds,
    legal_minimums,
    record_rules,
    retention_anchors,
    retention_refresh,
    retention_reviews,
    retention_rules,
    retention_versions,
)
from piiguard.adapters.db.tables.rights import (
    data_requests,
    request_codes,
    request_notices,
    request_packages,
    request_tasks,
    system_endpoints,
    triage_mail,
)
from piiguard.adapters.db.tables.sharing import (
    agreements,
    disclosure_log,
    legal_requests,
    pass_ons,
    recipients,
    shares,
    sharing_profiles,
    transfer_people,
)
from piiguard.adapters.db.tables.staff import (
    departments,
    login_throttle,
    setup_tokens,
    staff_accounts,
    staff_invitations,
    staff_password_history,
    staff_recovery_codes,
    staff_sessions,
)

__all__ = [
    "ID",
    "NAMING",
    "TS",
    "agreements",
    "audit_checkpoints",
    "audit_entries",
    "audit_head",
    "backup_claims",
    "backups",
    "child_data_tasks",
    "company_categories",
    "confirmation_intervals",
    "confirmation_requests",
    "consents",
    "data_requests",
    "decisions",
    "departments",
    "disclosure_log",
    "disposal_batches",
    "disposal_items",
    "disposal_tasks",
    "exports",
    "findings",
    "guardian_links",
    "incident_clocks",
    "incident_mailings",
    "incident_obligations",
    "incident_recipients",
    "incident_timeline",
    "incident_vulns",
    "incidents",
    "inventory_lines",
    "item_retention",
    "items",
    "legal_exceptions",
    "legal_holds",
    "legal_minimums",
    "legal_requests",
    "login_throttle",
    "media",
    "media_inventories",
    "media_movements",
    "metadata",
    "paper_records",
    "pass_ons",
    "policy_drafts",
    "policy_epoch",
    "policy_notices",
    "policy_versions",
    "processing_records",
    "purpose_versions",
    "purposes",
    "recipients",
    "record_rules",
    "request_codes",
    "request_notices",
    "request_packages",
    "request_tasks",
    "restore_tests",
    "restrictions",
    "retention_anchors",
    "retention_refresh",
    "retention_reviews",
    "retention_rules",
    "retention_versions",
    "security_notices",
    "setup_tokens",
    "shares",
    "sharing_profiles",
    "staff_accounts",
    "staff_invitations",
    "staff_password_history",
    "staff_recovery_codes",
    "staff_sessions",
    "subjects",
    "system_clients",
    "system_endpoints",
    "systems",
    "transfer_people",
    "triage_mail",
    "vulnerabilities",
]
