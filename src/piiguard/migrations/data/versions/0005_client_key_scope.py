"""system client keys: scope (purposes, categories) and rotation with an overlap

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 14:40:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("system_clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purposes", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("categories", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("previous_prefix", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("previous_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("previous_expires_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_unique_constraint("uq_system_clients_previous_prefix", ["previous_prefix"])


def downgrade() -> None:
    with op.batch_alter_table("system_clients", schema=None) as batch_op:
        batch_op.drop_constraint("uq_system_clients_previous_prefix", type_="unique")
        batch_op.drop_column("previous_expires_at")
        batch_op.drop_column("previous_hash")
        batch_op.drop_column("previous_prefix")
        batch_op.drop_column("categories")
        batch_op.drop_column("purposes")
