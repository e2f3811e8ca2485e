"""Recorded exemption cases for transfers abroad (issue 15; R7.1): art. 5(1)–(3) of the 2024
Provisions on Cross-Border Data Flows, recorded by one privacy officer and approved by
another; the people transferred under one counted apart per year. docs/sharing.md.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 21:50:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0024"
down_revision: Union[str, Sequence[str], None] = "0023"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "transfer_exemptions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=80), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["recipient"],
            ["recipients.key"],
            name=op.f("fk_transfer_exemptions_recipient_recipients"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_exemptions")),
    )
    with op.batch_alter_table("transfer_exemptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transfer_exemptions_recipient"), ["recipient"], unique=False
        )
    op.create_table(
        "transfer_exempt_people",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("exemption_id", sa.String(length=36), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "year", "subject_id", "exemption_id", name=op.f("pk_transfer_exempt_people")
        ),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("transfer_exempt_people")
    with op.batch_alter_table("transfer_exemptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfer_exemptions_recipient"))
    op.drop_table("transfer_exemptions")
