"""record keys: one data key per record piiguard keeps about people, destroyed at disposal

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 21:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "record_keys",
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("kek_version", sa.String(length=32), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_record_keys")),
    )
    with op.batch_alter_table("record_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_keys_kek_version"), ["kek_version"])


def downgrade() -> None:
    with op.batch_alter_table("record_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_keys_kek_version"))
    op.drop_table("record_keys")
