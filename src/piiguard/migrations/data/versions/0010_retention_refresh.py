"""retention_refresh (issue 14): how far the stored retain-until (item_retention) is up to
date — the audit sequence number looked at and the schedule's key — so each sweep
recomputes only the subjects whose inputs changed since (docs/retention.md)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 18:10:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "retention_refresh",
        sa.Column("name", sa.String(length=16), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("schedule_key", sa.String(length=80), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_retention_refresh")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("retention_refresh")
