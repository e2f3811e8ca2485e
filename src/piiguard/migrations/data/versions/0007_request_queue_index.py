"""the request queue's order: running requests by due date, then those waiting on the
requester — a `waiting` flag and an index, so the first page stays an index scan; and
`claimed_at`, so that one process at a time carries a request out

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 16:45:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("data_requests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("waiting", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            "ix_data_requests_queue", ["open", "waiting", "due_at", "id"], unique=False
        )
    op.execute("UPDATE data_requests SET waiting = (paused_at IS NOT NULL)")


def downgrade() -> None:
    with op.batch_alter_table("data_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_data_requests_queue")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("waiting")
