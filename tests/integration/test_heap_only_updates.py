"""A disposal's two updates are heap-only on PostgreSQL (issue 14; R2.11; migration 0026,
docs/benchmarks.md "Retention", sixth round): re-sealing a kept item (`items.ciphertext`)
and marking a batch's entry disposed (`disposal_items.disposed_at`) write the new row
version on the row's own page, so no index of the table is written. That takes two things,
each tested here: no index covers the updated column (both databases: a new index on it
would silently bring the index writes back), and room on the page (PostgreSQL: the
tables' fillfactor). A row version that stays on its page with no indexed column changed
is by definition a heap-only update."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, inspect, text

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.ports import Rekeyed
from piiguard.domain.retention.disposal import BatchStatus, DisposalBatch, DisposalEntry
from piiguard.domain.retention.schedule import RecordType
from piiguard.services.subjects.register import SubjectInput, register_subjects
from tests.builders import contact

AT = datetime(2026, 3, 1, tzinfo=UTC)
UPDATED = {"items": "ciphertext", "disposal_items": "disposed_at"}


def _pages(conn: Connection, table: str, key: str, ids: list[str]) -> dict[str, int]:
    """The heap page (block number of the ctid) of each row."""
    rows = conn.execute(
        text(
            f"SELECT {key}, split_part(trim(both '()' from ctid::text), ',', 1)::int "
            f"FROM {table} WHERE {key} = ANY(:ids)"
        ),
        {"ids": ids},
    )
    return {str(k): int(p) for k, p in rows}


def _postgres_only(c: Container) -> None:
    if c.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no fillfactor and no heap-only updates")


@pytest.mark.req("R2.11")
def test_no_index_covers_a_column_a_disposal_updates(container: Container) -> None:
    insp = inspect(container.engine)
    for table, column in UPDATED.items():
        indexed = [ix["column_names"] for ix in insp.get_indexes(table)]
        indexed.append(insp.get_pk_constraint(table)["constrained_columns"])
        indexed += [u["column_names"] for u in insp.get_unique_constraints(table)]
        assert all(column not in cols for cols in indexed), (table, indexed)


@pytest.mark.req("R2.11")
def test_resealing_writes_the_new_row_version_on_its_own_page(container: Container) -> None:
    c = container
    _postgres_only(c)
    people = [
        SubjectInput("customer_contact", contact(f"p{i}@example.cn", f"1390000{i:04d}", "王五"))
        for i in range(60)  # three items each: several pages of rows
    ]
    done = register_subjects(
        c.uow(), c.vault, c.clock, OPERATOR, c.state, people, default_system="erp"
    )
    with c.engine.connect() as conn:
        last = conn.execute(
            text("SELECT max(split_part(trim(both '()' from ctid::text), ',', 1)::int) FROM items")
        ).scalar_one()
        # a person whose rows are all on a page filled before the last one was started
        for r in done:
            ids = [it.id for it in r.items]
            before = _pages(conn, "items", "id", ids)
            if max(before.values()) < last:
                break
        else:
            raise AssertionError("the people's rows fit on one page: register more")
    with c.uow() as uow:
        sealed = {s.record.id: s.ciphertext for s in uow.items.sealed(r.subject.id)}
        values = tuple((i, ct, bytes(reversed(ct))) for i, ct in sealed.items() if ct)
        assert uow.items.reseal_many([Rekeyed(r.subject.id, values)]) == len(values) == 3
        uow.commit()
    with c.engine.connect() as conn:
        assert _pages(conn, "items", "id", ids) == before


@pytest.mark.req("R2.11")
def test_marking_entries_disposed_writes_the_new_row_version_on_its_own_page(
    container: Container,
) -> None:
    c = container
    _postgres_only(c)
    batch = DisposalBatch("b1", BatchStatus.APPROVED, AT, AT, "o1", 400)
    entries = [
        DisposalEntry(
            "b1", RecordType.ITEM, f"item-{i:04d}", f"subject-{i // 5:04d}", "user.name", "erp"
        )
        for i in range(400)  # several pages of entries
    ]
    with c.uow() as uow:
        uow.retention.add_batch(batch, entries)
        uow.commit()
    marked = [e.record_id for e in entries[100:110]]  # ten entries inside a full page
    with c.engine.connect() as conn:
        before = _pages(conn, "disposal_items", "record_id", marked)
    with c.uow() as uow:
        uow.retention.mark_disposed("b1", RecordType.ITEM, marked, AT)
        uow.commit()
    with c.engine.connect() as conn:
        assert _pages(conn, "disposal_items", "record_id", marked) == before
