"""Disposals and refreshes take turns across processes (issue 14; R2.11, R10.2; migration
0027, docs/retention.md "Two processes at once"), on both backends: two containers with
engines of their own on one database stand for the server's worker and `piiguard retention
dispose` run from a shell at the same time. The second is refused at once (409 on the API,
exit 1 on the CLI) and the certificate counts every item once; a claim left by a process
that stopped lapses after CLAIM_FOR, with the injected clock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.errors import Conflict, UnderWay
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.services.retention import refresh as refresh_module
from piiguard.services.retention._common import CLAIM_FOR
from piiguard.services.retention.batches import approve_batch, dispose_batch
from piiguard.services.retention.certificate import certificate_of
from piiguard.services.retention.job import run_sweep
from piiguard.services.retention.refresh import preview_current, refresh_changed
from piiguard.services.retention.sweep import propose_batch
from tests.builders import contact, item, register
from tests.integration.test_disposal import ALICE, BANK, BOB, TEN_YEARS, VALUES, _Paused, refresh
from tests.passwords import QUICK


@pytest.fixture
def other(settings: Settings, clock: FixedClock) -> Iterator[Container]:
    """A second piiguard on the same databases, with engines of its own (another process:
    the worker beside a shell's command). Its clock is the test's."""
    second = bootstrap(settings, migrate=False, clock=clock, passwords=QUICK)
    yield second
    second.close()


def approved_batch(c: Container, clock: FixedClock, people: int = 2) -> str:
    for n in range(people):  # contact details due, the bank account kept (re-keyed)
        register(c, *contact(f"q{n}@example.cn", f"1390000021{n}", "张三"), item(BANK, VALUES[3]))
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 3 * people
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    return batch.id


def in_thread(fn: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    got: dict[str, Any] = {}

    def run() -> None:
        try:
            got["value"] = fn()
        except BaseException as exc:  # the test asserts on it
            got["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, got


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_disposal_under_way_in_another_process_is_refused_and_counted_once(
    c: Container, other: Container, clock: FixedClock
) -> None:
    batch_id = approved_batch(c, clock)
    paused = _Paused(c.vault)
    first, got = in_thread(
        lambda: dispose_batch(c.uow(), paused, c.clock, ALICE, c.snapshots, batch_id)
    )
    try:
        assert paused.inside.wait(60)
        with pytest.raises(UnderWay) as second:  # a Conflict: 409 on the API, exit 1
            dispose_batch(other.uow(), other.vault, other.clock, BOB, other.snapshots, batch_id)
        assert isinstance(second.value, Conflict) and second.value.field == "batch_id"
        assert "being disposed of" in second.value.message
        # the other's sweep pass leaves the batch to it: no failed step
        report = run_sweep(other.uow(), other.requests)
        assert (report.disposed, report.errors) == (0, 0)
    finally:
        paused.go.set()
        first.join(60)
    assert "error" not in got, got
    assert got["value"].status is BatchStatus.DISPOSED
    facts = certificate_of(other.uow(readonly=True), batch_id).facts
    assert (facts["items"], facts["subjects"], facts["skipped"]) == (
        6,
        2,
        {"held": 0, "not_due": 0, "gone": 0},
    )
    with pytest.raises(Conflict) as late:  # after it: the batch is disposed of, not again
        dispose_batch(other.uow(), other.vault, other.clock, BOB, other.snapshots, batch_id)
    assert "disposed" in late.value.message and not isinstance(late.value, UnderWay)


@pytest.mark.req("R2.11")
def test_a_claim_left_by_a_stopped_process_lapses(
    c: Container, other: Container, clock: FixedClock
) -> None:
    batch_id = approved_batch(c, clock, people=1)
    # a process that claimed the batch and stopped (killed): its claim stays in the table
    with c.uow() as uow:
        now = clock.now()
        assert (
            uow.retention.claim(f"dispose:{batch_id}", "0" * 32, "host pid 1", now, now + CLAIM_FOR)
            is None
        )
        uow.commit()
    with pytest.raises(UnderWay) as refused:
        dispose_batch(other.uow(), other.vault, other.clock, BOB, other.snapshots, batch_id)
    assert "lapses at" in refused.value.message
    clock.advance(CLAIM_FOR - timedelta(seconds=1))
    with pytest.raises(UnderWay):
        dispose_batch(other.uow(), other.vault, other.clock, BOB, other.snapshots, batch_id)
    clock.advance(timedelta(seconds=1))
    done = dispose_batch(other.uow(), other.vault, other.clock, BOB, other.snapshots, batch_id)
    assert done.status is BatchStatus.DISPOSED
    assert certificate_of(c.uow(readonly=True), batch_id).facts["items"] == 3


@pytest.mark.req("R2.11")
def test_a_refresh_under_way_in_another_process_refuses_a_second(
    c: Container, other: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        register(c, *contact(f"s{n}@example.cn", f"139000022{n:02d}", "张三"))
    inside, go = threading.Event(), threading.Event()
    real = refresh_module.refresh_all

    def paused(*args: Any, **kwargs: Any) -> int:
        inside.set()
        assert go.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(refresh_module, "refresh_all", paused)
    first, got = in_thread(lambda: refresh_changed(c.uow(), c.clock))
    try:
        assert inside.wait(60)
        with pytest.raises(UnderWay) as second:
            preview_current(other.uow(), other.clock, other.clock.now())
        assert "retain-until" in second.value.message
        report = run_sweep(other.uow(), other.requests)  # skipped, not failed
        assert (report.refreshed, report.proposed, report.errors) == (0, 0, 0)
    finally:
        go.set()
        first.join(60)
    assert "error" not in got, got
    assert got["value"].items == 9  # three contact details each
    assert refresh_changed(other.uow(), other.clock).items == 0  # its turn: nothing left
