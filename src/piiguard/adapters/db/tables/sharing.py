"""Sharing and disclosure (issue 15; R3.1–R3.3, R3.6, R7.1): the recipient register,
agreements, minimisation profiles, shares (with their sealed package while it waits to be
pulled or pushed), the disclosure log and the corrections and deletions passed on.

docs/sharing.md describes every table. JSON lists and maps are sorted text. No table here
holds a personal value in clear: a waiting package is sealed (SecretBox), the log holds
ids and category keys."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from piiguard.adapters.db.tables.base import ID, TS, metadata
from piiguard.adapters.db.tables.policy_texts import notice_columns

recipients = Table(
    "recipients",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("legal_name", Text, nullable=False),
    Column("country", String(2), nullable=False),
    Column("law", String(200), nullable=False),
    Column("contact", Text, nullable=False),
    Column("systems", Text, nullable=False, server_default="[]"),
    Column("status", String(16), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("recorded_at", TS, nullable=False),
    # its own API key (a system client scoped to no purpose: it can only pull its packages)
    Column("client_id", String(ID), nullable=True, unique=True),
    # its signed webhook: URL and the SecretBox-sealed HMAC key
    Column("webhook_url", Text, nullable=True),
    Column("webhook_secret", Text, nullable=True),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("recipient", String(64), ForeignKey("recipients.key"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("parties", Text, nullable=False),  # JSON list of legal names
    Column("purposes", Text, nullable=False),
    Column("categories", Text, nullable=False),
    Column("valid_from", TS, nullable=False),
    Column("valid_until", TS, nullable=True),
    Column("document_sha256", String(64), nullable=False),
    Column("document_location", Text, nullable=False),
    Column("reference", String(200), nullable=False, server_default=""),
    Column("status", String(16), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("recorded_at", TS, nullable=False),
    Column("ended_by", String(80), nullable=True),
    Column("ended_at", TS, nullable=True),
    Column("end_reason", Text, nullable=False, server_default=""),
    Column("reminded_at", TS, nullable=True),
    # four eyes: the second officer who approved it (proposed until then)
    Column("approved_by", String(80), nullable=True),
    Column("approved_at", TS, nullable=True),
)

sharing_profiles = Table(
    "sharing_profiles",
    metadata,
    Column("recipient", String(64), ForeignKey("recipients.key"), primary_key=True),
    Column("purpose", String(64), primary_key=True),
    Column("fields", Text, nullable=False),  # JSON {category: treatment}
    Column("updated_by", String(80), nullable=False),
    Column("updated_at", TS, nullable=False),
)

shares = Table(
    "shares",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("recipient", String(64), ForeignKey("recipients.key"), nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("delivery", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("subjects", Integer, nullable=False),
    Column("disclosed", Integer, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("package_sha256", String(64), nullable=False, server_default=""),
    Column("delivered_at", TS, nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("package", Text, nullable=True),  # SecretBox-sealed JSON while it waits
    Index("ix_shares_recipient_status", "recipient", "status"),
)

disclosure_log = Table(
    "disclosure_log",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("share_id", String(ID), ForeignKey("shares.id"), nullable=False, index=True),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("recipient", String(64), nullable=False, index=True),
    Column("purpose", String(64), nullable=False),
    Column("categories", Text, nullable=False),  # JSON {category: treatment}
    Column("decision_id", String(ID), nullable=False),
    Column("agreement_id", String(ID), nullable=False, server_default=""),
    Column("at", TS, nullable=False),
)

pass_ons = Table(
    "pass_ons",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("recipient", String(64), ForeignKey("recipients.key"), nullable=False),
    Column("subject_id", String(ID), nullable=False, index=True),
    Column("action", String(16), nullable=False),
    Column("request_id", String(ID), nullable=False, index=True),
    Column("categories", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("opened_at", TS, nullable=False),
    Column("sent_at", TS, nullable=True),
    Column("confirmed_at", TS, nullable=True),
    Column("reference", String(200), nullable=False, server_default=""),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
    Index("ix_pass_ons_recipient_status", "recipient", "status"),
)

# transfers abroad (R7.1): one row per person per calendar year (Asia/Shanghai) whose data
# went to a recipient abroad, `sensitive` once any of it was sensitive — the year's count
# (docs/sharing.md, "Transfers abroad")
transfer_people = Table(
    "transfer_people",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("subject_id", String(ID), primary_key=True),
    Column("sensitive", Boolean, nullable=False),
    Column("first_at", TS, nullable=False),
)

# the legal-request register (R3.5, R2.5; docs/sharing.md, "Authorities"): what an authority
# demands, reviewed by a second person; `demand` (its words, which may name people) sealed
legal_requests = Table(
    "legal_requests",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("authority", String(64), ForeignKey("recipients.key"), nullable=False, index=True),
    Column("basis", String(32), nullable=False),
    Column("provision", Text, nullable=False),
    Column("case_reference", String(200), nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("subjects", Text, nullable=False),  # JSON list of subject ids
    Column("categories", Text, nullable=False),  # JSON list of category keys
    Column("demand", Text, nullable=False),  # SecretBox-sealed
    Column("deadline", TS, nullable=False),
    Column("may_tell", Boolean, nullable=False),
    Column("tell_from", TS, nullable=True),
    Column("status", String(16), nullable=False, index=True),
    Column("received_by", String(80), nullable=False),
    Column("received_at", TS, nullable=False),
    Column("reviewed_by", String(80), nullable=True),
    Column("reviewed_at", TS, nullable=True),
    Column("review_note", Text, nullable=False, server_default=""),
    Column("share_id", String(ID), ForeignKey("shares.id"), nullable=True),
    Column("disclosed_at", TS, nullable=True),
    Column("told_by", String(80), nullable=True),
    Column("told_at", TS, nullable=True),
    Column("closed_by", String(80), nullable=True),
    Column("closed_at", TS, nullable=True),
)

# business transfers (R3.4; docs/sharing.md, "Business transfers"): the acquirer, its
# undertaking, the scope (JSON lists; empty: all), the four-eyes review, the handover
business_transfers = Table(
    "business_transfers",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("acquirer", String(64), ForeignKey("recipients.key"), nullable=False),
    Column("undertaking", String(ID), ForeignKey("agreements.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("effective_at", TS, nullable=False),
    Column("purposes", Text, nullable=False),
    Column("categories", Text, nullable=False),
    Column("subjects", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("recorded_at", TS, nullable=False),
    Column("reviewed_by", String(80), nullable=True),
    Column("reviewed_at", TS, nullable=True),
    Column("review_note", Text, nullable=False, server_default=""),
    Column("transferred_by", String(80), nullable=True),
    Column("transferred_at", TS, nullable=True),
    Column("share_id", String(ID), ForeignKey("shares.id"), nullable=True),
    Column("people", Integer, nullable=False, server_default="0"),
)

# the people a business transfer is told to, one row each (services/notices/batch.py):
# the policy notices' shape, `version` holding the transfer's id
business_transfer_notices = Table(
    "business_transfer_notices",
    metadata,
    *notice_columns(ID),
    Index("ix_business_transfer_notices_status", "status", "version"),
)

# the notice before a first transfer abroad (R7.1; domain/sharing/notice.py): one row per
# person and recipient, claimed before its mail and recorded after it
abroad_notices = Table(
    "abroad_notices",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("subject_id", String(ID), nullable=False),
    Column("recipient", String(64), ForeignKey("recipients.key"), nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list of category keys
    Column("status", String(16), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("language", String(8), nullable=False, server_default=""),
    Column("reply_code", Integer, nullable=True),
    Column("sent_at", TS, nullable=True),
    Column("contact_hash", String(64), nullable=False, server_default=""),
    Column("decided_by", String(80), nullable=True),
    Column("told_by", String(16), nullable=True),
    UniqueConstraint("subject_id", "recipient"),
    Index("ix_abroad_notices_status", "status"),
)

# recorded exemption cases for transfers abroad (R7.1; domain/sharing/exemption.py): art.
# 5(1)–(3) of the 2024 Provisions, recorded by one officer and approved by another
transfer_exemptions = Table(
    "transfer_exemptions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("basis", String(16), nullable=False),
    Column("recipient", String(64), ForeignKey("recipients.key"), nullable=False, index=True),
    Column("purpose", String(64), nullable=False),
    Column("scope", Text, nullable=False),
    Column("valid_from", TS, nullable=False),
    Column("valid_until", TS, nullable=True),
    Column("status", String(16), nullable=False),
    Column("recorded_by", String(80), nullable=False),
    Column("recorded_at", TS, nullable=False),
    Column("reviewed_by", String(80), nullable=True),
    Column("reviewed_at", TS, nullable=True),
    Column("ended_by", String(80), nullable=True),
    Column("ended_at", TS, nullable=True),
)

# the people whose data went abroad under a recorded exemption, counted apart per calendar
# year (not toward the thresholds)
transfer_exempt_people = Table(
    "transfer_exempt_people",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("subject_id", String(ID), primary_key=True),
    Column("exemption_id", String(ID), primary_key=True),
    Column("first_at", TS, nullable=False),
)
