"""Many audit entries in one transaction (a disposal writes two a person): on PostgreSQL
they go as one COPY (adapters/db/bulk.py `insert_rows`), on SQLite as one executemany.
Either way each stored row is exactly the entry the chain computed — text that COPY's
format must escape included — the chain verifies, and a failed insert leaves nothing
(R2.10; docs/benchmarks.md "Retention", sixth round)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import COPY_FROM, insert_rows
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.audit import AuditEntry, AuditEvent
from piiguard.services.audit import verify_audit

E = t.audit_entries
AWKWARD = ["tab\there", "line\nbreak", "back\\slash", "\\N", "", "李雷 ｜ «quoted» 'x' \"y\""]


def _events(n: int) -> list[AuditEvent]:
    return [
        AuditEvent(
            "retention.dispose",
            OPERATOR.kind.value,
            OPERATOR.id,
            "subject",
            f"s{i}",
            f"s{i}",
            details={"note": AWKWARD[i % len(AWKWARD)], "items": i, "done": i % 2 == 0},
        )
        for i in range(n)
    ]


@pytest.mark.req("R2.10")
def test_many_entries_in_one_transaction_are_stored_exactly(container: Container) -> None:
    c = container
    n = 3 * COPY_FROM
    with c.uow() as uow:
        for e in _events(n):
            uow.audit(e)
        uow.commit()
    with c.uow(readonly=True) as uow:
        rows = [AuditEntry(*r) for r in uow.audit_log.rows()]
    mine = [r for r in rows if r.action == "retention.dispose"]
    assert [r.target_id for r in mine] == [f"s{i}" for i in range(n)]
    for i, r in enumerate(mine):
        assert json.loads(r.details)["note"] == AWKWARD[i % len(AWKWARD)]
    report = verify_audit(c.uow(readonly=True), c.signer)
    assert report.ok, report.problems
    assert report.entries == len(rows)


@pytest.mark.req("R2.10")
def test_a_failed_bulk_insert_leaves_nothing(container: Container) -> None:
    c = container
    with c.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(E)).scalar_one()
    row = (10**9, 0, "staff", "o", "x", "", "", "", "", "", "{}", "0" * 64, "1" * 64)
    with pytest.raises(IntegrityError), c.engine.begin() as conn:
        insert_rows(conn, E, [row] * COPY_FROM)  # the same seq twice: the key refuses
    with c.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(E)).scalar_one() == before
