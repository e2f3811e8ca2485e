"""The notice before a first transfer abroad (issue 15; R7.1): one row per person and
recipient abroad (not a group company), claimed before its mail and recorded after it, so
a pass that dies halfway is resumed and nobody is mailed twice. docs/sharing.md.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 21:30:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0023"
down_revision: Union[str, Sequence[str], None] = "0022"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "abroad_notices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("language", sa.String(length=8), server_default="", nullable=False),
        sa.Column("reply_code", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contact_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("told_by", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["recipient"],
            ["recipients.key"],
            name=op.f("fk_abroad_notices_recipient_recipients"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_abroad_notices")),
        sa.UniqueConstraint(
            "subject_id", "recipient", name=op.f("uq_abroad_notices_subject_id_recipient")
        ),
    )
    with op.batch_alter_table("abroad_notices", schema=None) as batch_op:
        batch_op.create_index("ix_abroad_notices_status", ["status"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("abroad_notices", schema=None) as batch_op:
        batch_op.drop_index("ix_abroad_notices_status")
    op.drop_table("abroad_notices")
