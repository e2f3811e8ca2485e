"""Group commit and the API-key memory: the machinery the decision endpoint's speed rests on.
The decision point's promise (R2.4): nobody hears an answer before the commit that made
the decision durable, and one bad request fails no other."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.clients.auth_cache import ClientKeyCache
from piiguard.services.group_commit import GroupCommit

pytestmark = pytest.mark.req("R2.4")


class Ledger:
    """Stands in for the database: `committed` holds what a batch made durable."""

    def __init__(self) -> None:
        self.committed: set[int] = set()
        self.batches: list[list[int]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def run(self, batch: list[int]) -> list[int | Exception]:
        self.entered.set()
        self.gate.wait()
        self.batches.append(batch)
        answers: list[int | Exception] = [
            ValueError(f"odd {n}") if n % 2 else n * 10 for n in batch
        ]
        self.committed.update(n for n in batch if n % 2 == 0)
        return answers


def test_each_caller_gets_its_own_answer_only_after_its_batch_committed() -> None:
    ledger = Ledger()
    gc: GroupCommit[int, int] = GroupCommit(ledger.run, max_batch=16)

    def call(n: int) -> tuple[int, int | str, bool]:
        try:
            got: int | str = gc(n)
        except ValueError as e:
            return n, str(e), True
        return n, got, n in ledger.committed  # durable before the caller goes on

    with ThreadPoolExecutor(32) as pool:
        results = list(pool.map(call, range(400)))
    gc.close()
    for n, got, durable in results:
        assert got == (f"odd {n}" if n % 2 else n * 10)
        assert durable
    assert sorted(n for b in ledger.batches for n in b) == list(range(400))
    assert max(len(b) for b in ledger.batches) <= 16


def test_callers_waiting_together_share_one_batch() -> None:
    ledger = Ledger()
    ledger.gate.clear()  # hold the writer inside its first batch
    gc: GroupCommit[int, int] = GroupCommit(ledger.run, max_batch=256)
    first = gc.submit(0)
    assert ledger.entered.wait(5)
    rest = [gc.submit(n) for n in range(2, 42, 2)]  # queue up behind it
    ledger.gate.set()
    assert first.result(5) == 0
    assert [f.result(5) for f in rest] == [n * 10 for n in range(2, 42, 2)]
    assert ledger.batches == [[0], list(range(2, 42, 2))]
    gc.close()


def test_a_failing_batch_fails_every_caller_in_it_and_the_writer_goes_on() -> None:
    calls = []

    def run(batch: list[int]) -> list[int | Exception]:
        calls.append(batch)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return list(batch)

    gc: GroupCommit[int, int] = GroupCommit(run)
    with pytest.raises(ConnectionError):
        gc(1)
    assert gc(2) == 2
    gc.close()
    with pytest.raises(RuntimeError, match="closed"):
        gc.submit(3)


def test_a_wrong_number_of_answers_is_an_error_for_every_caller_not_a_hang() -> None:
    gc: GroupCommit[int, int] = GroupCommit(lambda batch: [])
    with pytest.raises(RuntimeError, match="0 answers for 1"):
        gc.submit(1).result(5)
    gc.close()


def test_a_cancelled_request_is_not_decided() -> None:
    ledger = Ledger()
    ledger.gate.clear()
    gc: GroupCommit[int, int] = GroupCommit(ledger.run)
    first = gc.submit(0)
    assert ledger.entered.wait(5)
    gone = gc.submit(2)
    assert gone.cancel()
    ledger.gate.set()
    assert first.result(5) == 0
    assert gc(4) == 40
    gc.close()
    assert 2 not in {n for b in ledger.batches for n in b}


@pytest.mark.req("R2.10")
def test_a_checked_api_key_is_remembered_only_for_its_time_and_only_by_hash() -> None:
    now = [0.0]
    cache = ClientKeyCache(5.0, lambda: now[0])
    erp = Actor("c1", ActorKind.SYSTEM, frozenset({"system"}))
    assert cache.get("pgk_a_secret") is None
    cache.put("pgk_a_secret", erp)
    assert cache.get("pgk_a_secret") == erp
    assert cache.get("pgk_a_other") is None
    assert "pgk_a_secret" not in repr(cache.__dict__)  # kept under its SHA-256 only
    now[0] = 4.99
    assert cache.get("pgk_a_secret") == erp
    now[0] = 5.0
    assert cache.get("pgk_a_secret") is None
    cache.put("pgk_a_secret", erp)
    cache.forget_all()
    assert cache.get("pgk_a_secret") is None
    off = ClientKeyCache(0)
    off.put("pgk_a_secret", erp)
    assert off.get("pgk_a_secret") is None
