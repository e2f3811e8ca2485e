"""item_retention keeps the item's category, system and declared purposes beside its
retain-until (issue 14; R2.11): the sweep's selection of due items is then one range scan
of ix_item_retention_due on one table, with no join to the wide items rows
(docs/benchmarks.md "Retention"). Written by the refresh (services/retention/schedule.py);
filled here from the items for the rows already stored.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 16:40:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: Union[str, Sequence[str], None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("item_retention", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("category", sa.String(length=128), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("held_in", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("purposes", sa.Text(), nullable=False, server_default="[]"))
    # the rows already stored: their items' metadata; rows of items gone are dropped
    op.execute(
        "DELETE FROM item_retention WHERE NOT EXISTS "
        "(SELECT 1 FROM items WHERE items.id = item_retention.item_id)"
    )
    op.execute(
        "UPDATE item_retention SET "
        "category = (SELECT category FROM items WHERE items.id = item_retention.item_id), "
        "held_in = (SELECT held_in FROM items WHERE items.id = item_retention.item_id), "
        "purposes = (SELECT collected_for FROM items WHERE items.id = item_retention.item_id)"
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("item_retention", schema=None) as batch_op:
        batch_op.drop_column("purposes")
        batch_op.drop_column("held_in")
        batch_op.drop_column("category")
