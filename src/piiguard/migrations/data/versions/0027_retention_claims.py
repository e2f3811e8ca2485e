"""Retention work claimed across processes (issue 14; R2.11): `retention_claims`, one row
per piece of work under way — a disposal of a batch, a refresh of the stored retain-until.
Two processes on one database (the server's worker and `piiguard retention dispose` from a
shell) took turns only within a process before; the second now finds the first's row and
is refused. A row left by a stopped process lapses at its `expires_at`
(docs/retention.md "Two processes at once").

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 09:40:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = "0027"
down_revision: Union[str, Sequence[str], None] = "0026"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "retention_claims",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("retention_claims")
