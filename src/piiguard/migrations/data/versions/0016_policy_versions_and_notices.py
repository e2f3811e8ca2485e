"""Policy versions with their Chinese text, effective date, summary and what a material
change changes; drafts of new versions (four eyes for a material one); one notice row per
person and version, which makes the mailing resumable and at most once (issue 17; R8.1,
R2.4). docs/accountability.md.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 18:10:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: Union[str, Sequence[str], None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("policy_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_zh", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("sha256_zh", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("effective_on", sa.Date(), nullable=True))
        for name in ("summary_en", "summary_zh"):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("material", sa.Boolean(), nullable=False, server_default="0"))
        for name in ("changes", "purposes", "renewal"):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("notify", sa.Boolean(), nullable=False, server_default="0"))
        for name in ("proposed_by", "approved_by"):
            batch_op.add_column(
                sa.Column(name, sa.String(length=80), nullable=False, server_default="")
            )
    op.create_table(
        "policy_drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("summary_en", sa.Text(), nullable=False),
        sa.Column("summary_zh", sa.Text(), nullable=False),
        sa.Column("material", sa.Boolean(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("purposes", sa.Text(), nullable=False),
        sa.Column("notify", sa.Boolean(), nullable=False),
        sa.Column("proposed_by", sa.String(length=80), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_drafts")),
    )
    with op.batch_alter_table("policy_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_drafts_status"), ["status"], unique=False)
    op.create_table(
        "policy_notices",
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("language", sa.String(length=8), server_default="", nullable=False),
        sa.Column("reply_code", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contact_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("renewal", sa.Text(), server_default="[]", nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("code_hash", sa.String(length=64), nullable=True),
        sa.Column("code_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("code_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answers", sa.Text(), server_default="[]", nullable=False),
        sa.PrimaryKeyConstraint("version", "subject_id", name=op.f("pk_policy_notices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_policy_notices_token_hash")),
    )
    with op.batch_alter_table("policy_notices", schema=None) as batch_op:
        batch_op.create_index(
            "ix_policy_notices_status_version", ["status", "version"], unique=False
        )
        batch_op.create_index("ix_policy_notices_subject_id", ["subject_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("policy_notices")
    op.drop_table("policy_drafts")
    with op.batch_alter_table("policy_versions", schema=None) as batch_op:
        for name in (
            "approved_by",
            "proposed_by",
            "notify",
            "renewal",
            "purposes",
            "changes",
            "material",
            "summary_zh",
            "summary_en",
            "effective_on",
            "sha256_zh",
            "text_zh",
        ):
            batch_op.drop_column(name)
