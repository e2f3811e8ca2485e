"""Records of processing (issue 17; R10.1): each generated version of the record with the
SHA-256 of its canonical JSON. docs/accountability.md.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 19:45:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0018"
down_revision: Union[str, Sequence[str], None] = "0017"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "processing_records",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("generated_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_processing_records")),
    )
    with op.batch_alter_table("processing_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processing_records_generated_at"), ["generated_at"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("processing_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processing_records_generated_at"))
    op.drop_table("processing_records")
