"""Security incidents on their legal clocks (R5.8) and vulnerabilities tracked until
repaired (R5.9): incidents, their timeline, the reporting obligations (configuration,
seeded on start by services/incidents/clocks.py) and each incident's clocks, reminders
sent, the people affected and their mailing, vulnerabilities (one per identifier and
system) and the links between incidents and vulnerabilities. docs/incidents.md.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 17:54:12.314463

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0014"
down_revision: Union[str, Sequence[str], None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "incident_obligations",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("en", sa.String(length=300), nullable=False),
        sa.Column("zh", sa.String(length=300), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("jurisdiction", sa.String(length=8), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("reminder_minutes", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("min_severity", sa.String(length=24), nullable=True),
        sa.Column("cii", sa.Boolean(), nullable=True),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("high_risk", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_incident_obligations")),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=24), nullable=False),
        sa.Column("jurisdictions", sa.Text(), nullable=False),
        sa.Column("cii", sa.Boolean(), nullable=False),
        sa.Column("high_risk", sa.Boolean(), nullable=False),
        sa.Column("systems", sa.Text(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_by", sa.String(length=80), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("handler", sa.String(length=80), nullable=True),
        sa.Column("affected_estimate", sa.Integer(), nullable=True),
        sa.Column("affected_computed", sa.Integer(), nullable=True),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("lessons", sa.Text(), nullable=False),
        sa.Column("review_requested_by", sa.String(length=80), nullable=True),
        sa.Column("review_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_status"), ["status"], unique=False)

    op.create_table(
        "security_notices",
        sa.Column("target", sa.String(length=120), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("target", "label", name=op.f("pk_security_notices")),
    )
    op.create_table(
        "vulnerabilities",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("identifier", sa.String(length=200), nullable=False),
        sa.Column("system", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("cvss", sa.Float(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("component", sa.String(length=500), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("locations", sa.Integer(), nullable=False),
        sa.Column("reported_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fixed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fixed_by", sa.String(length=80), nullable=True),
        sa.Column("verified_by", sa.String(length=80), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("risk_reason", sa.Text(), nullable=False),
        sa.Column("risk_proposed_by", sa.String(length=80), nullable=True),
        sa.Column("risk_proposed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("risk_approved_by", sa.String(length=80), nullable=True),
        sa.Column("risk_approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("risk_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vulnerabilities")),
        sa.UniqueConstraint(
            "identifier", "system", name=op.f("uq_vulnerabilities_identifier_system")
        ),
    )
    with op.batch_alter_table("vulnerabilities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vulnerabilities_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_vulnerabilities_status"), ["status"], unique=False)

    op.create_table(
        "incident_clocks",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("obligation", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_to", sa.String(length=300), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("submitted_by", sa.String(length=80), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_clocks_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("incident_id", "obligation", name=op.f("pk_incident_clocks")),
    )
    with op.batch_alter_table("incident_clocks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_clocks_status"), ["status"], unique=False)

    op.create_table(
        "incident_mailings",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("texts", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_by", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_mailings_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("incident_id", name=op.f("pk_incident_mailings")),
    )
    op.create_table(
        "incident_recipients",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_recipients_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("incident_id", "subject_id", name=op.f("pk_incident_recipients")),
    )
    with op.batch_alter_table("incident_recipients", schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_recipients_status", ["incident_id", "status", "subject_id"], unique=False
        )

    op.create_table(
        "incident_timeline",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_timeline_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_timeline")),
    )
    with op.batch_alter_table("incident_timeline", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_timeline_incident_id"), ["incident_id"], unique=False
        )

    op.create_table(
        "incident_vulns",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("vuln_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_vulns_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["vuln_id"],
            ["vulnerabilities.id"],
            name=op.f("fk_incident_vulns_vuln_id_vulnerabilities"),
        ),
        sa.PrimaryKeyConstraint("incident_id", "vuln_id", name=op.f("pk_incident_vulns")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("incident_vulns")
    with op.batch_alter_table("incident_timeline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_timeline_incident_id"))

    op.drop_table("incident_timeline")
    with op.batch_alter_table("incident_recipients", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_recipients_status")

    op.drop_table("incident_recipients")
    op.drop_table("incident_mailings")
    with op.batch_alter_table("incident_clocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_clocks_status"))

    op.drop_table("incident_clocks")
    with op.batch_alter_table("vulnerabilities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vulnerabilities_status"))
        batch_op.drop_index(batch_op.f("ix_vulnerabilities_due_at"))

    op.drop_table("vulnerabilities")
    op.drop_table("security_notices")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_status"))

    op.drop_table("incidents")
    op.drop_table("incident_obligations")
