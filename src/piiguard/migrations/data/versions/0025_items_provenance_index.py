"""An index for the record of processing's kinds of people and sources per purpose (issue
17; R10.1): the grouped query over the items reads it only, never the rows.
docs/accountability.md.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 22:45:00.000000

"""

from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "0025"
down_revision: Union[str, Sequence[str], None] = "0024"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_items_provenance",
        "items",
        ["subject_id", "source_system", "channel", "collected_for"],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_items_provenance", table_name="items")
