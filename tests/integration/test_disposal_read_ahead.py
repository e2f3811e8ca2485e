"""A disposal checks its next chunk ahead (issue 14; R2.11, R5.5; services/retention/
rekeying.py `read_ahead`): on PostgreSQL the next chunk's people are read and judged in
another thread, on a read-only unit of work of its own, while this chunk is written; on
SQLite one chunk after the other. Either way the batch comes out as one chunk at a time
would have it, and a chunk that fails midway leaves the chunks before it done, its own
people and the chunks after it untouched, and no read under way: the disposal run again
(after the sweep's `finish_rekeys`) finishes the batch, every item counted once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db.stores.retention import SqlRetention
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.retention.disposal import BatchStatus, DisposalBatch
from piiguard.services.retention import batches, rekeying
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import approve_batch, dispose_batch
from piiguard.services.retention.certificate import certificate_of
from piiguard.services.retention.sweep import finish_rekeys, propose_batch
from tests.builders import contact, item, register
from tests.integration.test_vault import decrypt_with_live_keys

TEN_YEARS = 3651 * timedelta(days=1)  # contact details due; the bank account kept
BANK = "user.financial.bank_account"


def _batch(c: Container, clock: FixedClock, n: int) -> tuple[DisposalBatch, list[str]]:
    people = [
        register(
            c, *contact(f"p{k}@example.cn", f"1390000{k:04d}", "张三"), item(BANK, f"62220{k:05d}")
        ).subject.id
        for k in range(n)
    ]
    clock.advance(TEN_YEARS)
    sch.refresh_all(c.uow(), c.clock)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 3 * n
    approve_batch(c.uow(), c.clock, OPERATOR, batch.id)
    return batch, sorted(people)


def _values(c: Container, subject_id: str) -> dict[str, str]:
    """category -> value, each opened with the person's live key as stored now."""
    with c.uow(readonly=True) as uow:
        held = uow.items.sealed(subject_id)
    rows = [
        {"subject_id": subject_id, "id": s.record.id, "category": s.record.category}
        | {"ciphertext": s.ciphertext}
        for s in held
    ]
    return {r["category"]: decrypt_with_live_keys(c, r) for r in rows}


def _read_ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("read-ahead")]


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
@pytest.mark.parametrize("stored", ["trusted", "recomputed"])
def test_a_batch_of_several_chunks_comes_out_as_one_chunk_at_a_time(
    c: Container, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, stored: str
) -> None:
    """ "recomputed": no stored date trusted, every item's retain-until recomputed as
    things stand — on the read-only unit of work of the other thread on PostgreSQL."""
    monkeypatch.setattr(batches, "CHUNK", 2)  # five people: three chunks
    if stored == "recomputed":
        monkeypatch.setattr(rekeying, "_trusted_until", lambda *_: {})
    batch, people = _batch(c, clock, 5)
    checked_in: list[str] = []
    real = batches.still_due

    def still_due(*args: Any) -> Any:
        checked_in.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(batches, "still_due", still_due)
    done = dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch.id)
    assert done.status is BatchStatus.DISPOSED
    facts = certificate_of(c.uow(readonly=True), batch.id).facts
    assert (facts["items"], facts["subjects"], facts["skipped"]) == (
        15,
        5,
        {"held": 0, "not_due": 0, "gone": 0},
    )
    for k, sid in enumerate(people):
        assert set(_values(c, sid)) == {BANK}, k  # the kept item, re-sealed, still reads
    assert c.vault.unfinished_rekeys() == []
    ahead = [name for name in checked_in if name.startswith("read-ahead")]
    if c.engine.dialect.name == "postgresql":  # checked in the other thread, in turn
        assert len(checked_in) == len(ahead) == 3
    else:  # SQLite: in the caller's thread
        assert len(checked_in) == 3 and ahead == []
    assert _read_ahead_threads() == []


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_a_chunk_failing_midway_leaves_the_others_whole_and_a_second_run_finishes(
    c: Container, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "CHUNK", 2)
    batch, people = _batch(c, clock, 5)
    values = {sid: _values(c, sid) for sid in people}
    real = SqlRetention.forget_of
    calls: list[int] = []

    def dies_in_the_second_chunk(self: SqlRetention, wanted: Any) -> None:
        calls.append(len(wanted))
        if len(calls) == 2:  # its items deleted and re-sealed, in the same transaction
            raise ConnectionError("the database went away")
        real(self, wanted)

    with monkeypatch.context() as m:
        m.setattr(SqlRetention, "forget_of", dies_in_the_second_chunk)
        with pytest.raises(ConnectionError):
            dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch.id)
    assert _read_ahead_threads() == []  # the third chunk's read finished, nothing left
    first, second, third = people[:2], people[2:4], people[4:]
    assert _marked(c, batch.id) == sorted(first)
    assert sorted(c.vault.unfinished_rekeys()) == sorted(second)  # staged, never used
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == dict.fromkeys(second, "dropped")
    assert all(set(_values(c, sid)) == {BANK} for sid in first)  # done, for good
    assert all(_values(c, sid) == values[sid] for sid in second + third)  # all rolled back

    done = dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch.id)
    assert done.status is BatchStatus.DISPOSED
    facts = certificate_of(c.uow(readonly=True), batch.id).facts
    assert (facts["items"], facts["subjects"]) == (15, 5)  # each item once
    assert all(set(_values(c, sid)) == {BANK} for sid in people)
    assert _marked(c, batch.id) == people


def _marked(c: Container, batch_id: str) -> Sequence[str]:
    with c.uow(readonly=True) as uow:
        entries = uow.retention.entries(batch_id)
    return sorted({e.subject_id for e in entries if e.disposed_at is not None and e.subject_id})
