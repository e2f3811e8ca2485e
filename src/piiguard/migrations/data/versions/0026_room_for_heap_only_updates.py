"""Room on the pages of `items` and `disposal_items` for heap-only (HOT) updates on
PostgreSQL (issue 14; R2.11): a disposal re-seals every kept item of its people
(`UPDATE items SET ciphertext …`) and marks each entry disposed (`disposal_items.disposed_at`).
Neither column is in any index, so PostgreSQL can write the new row version on the same
page without touching the indexes — if the page has room. Packed full (fillfactor 100),
the first update of a page moved the row to another page and wrote an entry in every index
of the table (four on `items`). `items` now keeps a fifth of each page free as it is
filled, `disposal_items` (written once by the proposal, updated once by the disposal) a
third. Measured in docs/benchmarks.md "Retention", sixth round; the cost (a larger heap)
in docs/retention.md "The tables".

Only new pages follow the setting: pages already written keep what they hold until
PostgreSQL rewrites them (`VACUUM FULL items`, which locks the table: an operator's choice,
not done here). SQLite has no fillfactor: nothing to do there.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 00:10:00.000000

"""

from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "0026"
down_revision: Union[str, Sequence[str], None] = "0025"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# as declared in adapters/db/tables (postgresql_with)
FILLFACTOR = {"items": 80, "disposal_items": 70}


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, percent in FILLFACTOR.items():
        op.execute(f"ALTER TABLE {table} SET (fillfactor = {percent})")


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in FILLFACTOR:
        op.execute(f"ALTER TABLE {table} RESET (fillfactor)")
