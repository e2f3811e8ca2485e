"""a decision's outcome has three values — allowed, partly_allowed, denied (issue 11): the
column widens to hold `partly_allowed`, and decisions recorded before that allowed only
some of what was asked are marked so (requested and allowed are stored as sorted JSON
lists, so differing text is a differing set); nothing else in an old row changes

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 10:00:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.alter_column(
            "outcome",
            existing_type=sa.String(length=8),
            type_=sa.String(length=16),
            existing_nullable=False,
        )
    op.execute(
        "UPDATE decisions SET outcome = 'partly_allowed' "
        "WHERE outcome = 'allowed' AND requested <> allowed"
    )


def downgrade() -> None:
    op.execute("UPDATE decisions SET outcome = 'allowed' WHERE outcome = 'partly_allowed'")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.alter_column(
            "outcome",
            existing_type=sa.String(length=16),
            type_=sa.String(length=8),
            existing_nullable=False,
        )
