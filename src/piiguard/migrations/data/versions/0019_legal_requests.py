"""The legal-request register (issue 15; R3.5, R2.5): an authority's demand, reviewed by a
second person, the disclosure made and whether the person was told. docs/sharing.md,
"Authorities".

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 21:10:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0019"
down_revision: Union[str, Sequence[str], None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "legal_requests",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("authority", sa.String(length=64), nullable=False),
        sa.Column("basis", sa.String(length=32), nullable=False),
        sa.Column("provision", sa.Text(), nullable=False),
        sa.Column("case_reference", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("demand", sa.Text(), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("may_tell", sa.Boolean(), nullable=False),
        sa.Column("tell_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), server_default="", nullable=False),
        sa.Column("share_id", sa.String(length=36), nullable=True),
        sa.Column("disclosed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("told_by", sa.String(length=80), nullable=True),
        sa.Column("told_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["authority"], ["recipients.key"], name=op.f("fk_legal_requests_authority_recipients")
        ),
        sa.ForeignKeyConstraint(
            ["share_id"], ["shares.id"], name=op.f("fk_legal_requests_share_id_shares")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_requests")),
    )
    op.create_index(
        op.f("ix_legal_requests_authority"), "legal_requests", ["authority"], unique=False
    )
    op.create_index(op.f("ix_legal_requests_status"), "legal_requests", ["status"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_legal_requests_status"), table_name="legal_requests")
    op.drop_index(op.f("ix_legal_requests_authority"), table_name="legal_requests")
    op.drop_table("legal_requests")
