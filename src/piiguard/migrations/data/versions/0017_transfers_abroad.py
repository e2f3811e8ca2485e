"""Transfers abroad counted per calendar year (issue 15; R7.1): one row per person per
year whose data went to a recipient abroad, flagged when sensitive data went too.
docs/sharing.md, "Transfers abroad".

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 19:20:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: Union[str, Sequence[str], None] = "0016"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "transfer_people",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", "subject_id", name=op.f("pk_transfer_people")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("transfer_people")
