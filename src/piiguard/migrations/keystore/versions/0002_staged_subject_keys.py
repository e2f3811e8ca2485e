"""staged subject keys: a fresh data key beside the current one while a subject is re-keyed

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 15:40:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subject_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_kek_version", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("next_wrapped_key", sa.LargeBinary(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_subject_keys_next_kek_version"), ["next_kek_version"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("subject_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subject_keys_next_kek_version"))
        batch_op.drop_column("next_wrapped_key")
        batch_op.drop_column("next_kek_version")
