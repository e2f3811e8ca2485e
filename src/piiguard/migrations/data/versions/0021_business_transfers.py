"""Business transfers (issue 15; R3.4): a merger, acquisition, bankruptcy or asset transfer
to an acquirer bound by its undertaking, reviewed by a second person, and the per-person
notices that tell everyone it concerns. docs/sharing.md, "Business transfers".

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 21:30:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0021"
down_revision: Union[str, Sequence[str], None] = "0020"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "business_transfers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("acquirer", sa.String(length=64), nullable=False),
        sa.Column("undertaking", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("effective_at", TS, nullable=False),
        sa.Column("purposes", sa.Text(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=True),
        sa.Column("reviewed_at", TS, nullable=True),
        sa.Column("review_note", sa.Text(), server_default="", nullable=False),
        sa.Column("transferred_by", sa.String(length=80), nullable=True),
        sa.Column("transferred_at", TS, nullable=True),
        sa.Column("share_id", sa.String(length=36), nullable=True),
        sa.Column("people", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["acquirer"], ["recipients.key"], name=op.f("fk_business_transfers_acquirer_recipients")
        ),
        sa.ForeignKeyConstraint(
            ["undertaking"],
            ["agreements.id"],
            name=op.f("fk_business_transfers_undertaking_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["share_id"], ["shares.id"], name=op.f("fk_business_transfers_share_id_shares")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_transfers")),
    )
    op.create_table(
        "business_transfer_notices",
        sa.Column("version", sa.String(length=36), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("language", sa.String(length=8), server_default="", nullable=False),
        sa.Column("reply_code", sa.Integer(), nullable=True),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("contact_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("renewal", sa.Text(), server_default="[]", nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("code_hash", sa.String(length=64), nullable=True),
        sa.Column("code_expires_at", TS, nullable=True),
        sa.Column("code_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("answered_at", TS, nullable=True),
        sa.Column("answers", sa.Text(), server_default="[]", nullable=False),
        sa.PrimaryKeyConstraint("version", "subject_id", name=op.f("pk_business_transfer_notices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_business_transfer_notices_token_hash")),
    )
    op.create_index(
        "ix_business_transfer_notices_status",
        "business_transfer_notices",
        ["status", "version"],
        unique=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_business_transfer_notices_status", table_name="business_transfer_notices")
    op.drop_table("business_transfer_notices")
    op.drop_table("business_transfers")
