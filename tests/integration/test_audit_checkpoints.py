"""Checkpoints by count (R5.1, R2.10; issue 11 D), on both backends: every commit that
brings `PIIGUARD_AUDIT_CHECKPOINT_EVERY` entries since the last checkpoint signs one in the
same transaction, under the chain head's lock — so concurrent writers never both sign a
batch nor both miss it — and a tail lost in a crash (the database rolled back to an
earlier entry, head and checkpoints with it, as a restored copy or a lost write-ahead log
leaves it) is found by `audit verify` through the witness file, whatever the timer did."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, select, update
from typer.testing import CliRunner

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.cli import audit as audit_cli
from piiguard.cli import main as cli
from piiguard.config import Settings
from piiguard.domain.audit import Checkpoint, VerifyReport
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.audit import record_checkpoint, verify_audit
from piiguard.services.subjects.read import describe_subject
from tests.builders import register

E, CP = t.audit_entries, t.audit_checkpoints
EVERY = 5
TOTAL = 23  # checkpoints by count over 1–5, …, 16–20; 21–23 protected by the chain only


def small(settings: Settings) -> Settings:
    return settings.model_copy(update={"audit_checkpoint_every": EVERY})


@pytest.fixture
def c(settings: Settings) -> Iterator[Container]:
    container = bootstrap(small(settings), migrate=False)
    yield container
    container.close()


def verify(c: Container) -> VerifyReport:
    return verify_audit(c.uow(readonly=True), c.signer)


def stored(c: Container) -> list[Checkpoint]:
    with c.uow(readonly=True) as uow:
        return uow.audit_log.checkpoints()


def head_seq(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.execute(select(t.audit_head.c.seq)).scalar_one())


def one_entry_per_commit(c: Container, subject_id: str, n: int, actor: Actor = OPERATOR) -> None:
    for _ in range(n):
        describe_subject(c.uow(), actor, subject_id)


def roll_back_to(c: Container, keep: int) -> None:
    """What a crash that loses the last commits leaves (or a restored older copy): entries,
    chain head and checkpoints of the database agree with each other at entry `keep`. Only
    the witness file, outside the database, remembers more."""
    with c.engine.begin() as conn:
        last = conn.execute(select(E.c.entry_hash).where(E.c.seq == keep)).scalar_one()
        conn.execute(delete(E).where(E.c.seq > keep))
        conn.execute(delete(CP).where(CP.c.last_seq > keep))
        conn.execute(
            update(t.audit_head).where(t.audit_head.c.id == 1).values(seq=keep, entry_hash=last)
        )


def cli_verify(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, dict[str, object]]:
    """`piiguard audit verify --json` in this process, on the test's databases (its
    container closed afterwards, as the command closes its own)."""

    @contextmanager
    def open_container() -> Iterator[Container]:
        c = bootstrap(small(settings), migrate=False)
        try:
            yield c
        finally:
            c.close()

    monkeypatch.setattr(audit_cli, "open_container", open_container)
    r = CliRunner().invoke(cli.app, ["audit", "verify", "--json"])
    return r.exit_code, json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
def test_every_commit_that_completes_a_batch_signs_a_checkpoint(c: Container) -> None:
    """No timer ran and no shutdown came: the count alone made the checkpoints, each kept in
    the witness file too."""
    subject = register(c).subject.id
    assert head_seq(c) == 1  # one entry per commit from here on
    one_entry_per_commit(c, subject, TOTAL - 1)
    cps = stored(c)
    assert [(cp.first_seq, cp.last_seq) for cp in cps] == [(1, 5), (6, 10), (11, 15), (16, 20)]
    assert all(c.signer.verify(cp) for cp in cps)
    assert c.signer.witness() == cps[-1]
    report = verify(c)
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (TOTAL, TOTAL // EVERY)
    # the timer (or shutdown) still covers the rest; the count then starts from there
    timed = record_checkpoint(c.uow(), c.signer, c.clock)
    assert timed is not None and (timed.first_seq, timed.last_seq) == (21, 23)
    one_entry_per_commit(c, subject, EVERY)
    assert [(cp.first_seq, cp.last_seq) for cp in stored(c)][-2:] == [(21, 23), (24, 28)]
    assert verify(c).ok


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
@pytest.mark.parametrize("cut", [EVERY, EVERY + 2, 3 * EVERY, TOTAL - 1])
def test_a_tail_lost_in_a_crash_is_found_within_one_checkpoint_interval(
    settings: Settings, cut: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 D: under load, with checkpoints only on the timer, a tail cut off after a
    crash (head rolled back with it) passed `audit verify`. Now at most EVERY - 1 entries
    are ever without a signed checkpoint, so losing EVERY or more is always reported."""
    c = bootstrap(small(settings), migrate=False)
    subject = register(c).subject.id
    one_entry_per_commit(c, subject, TOTAL - 1)
    witness = c.signer.witness()
    assert witness is not None and witness.last_seq > TOTAL - EVERY
    # the crash: no shutdown checkpoint, the timer never fired, the last `cut` entries lost
    keep = TOTAL - cut
    roll_back_to(c, keep)
    c.close()
    after = bootstrap(small(settings), migrate=False)  # the restart
    try:
        report = verify(after)
    finally:
        after.close()
    assert not report.ok
    assert report.first is not None and report.first.seq == keep + 1
    assert "kept outside the database is missing" in report.first.what
    code, out = cli_verify(settings, monkeypatch)
    assert code == 1
    assert out["ok"] is False and out["first_bad_seq"] == keep + 1


WRITERS, WRITES = 8, 30


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
@pytest.mark.parametrize("timer", [False, True], ids=["count-only", "with-timer"])
def test_concurrent_writers_sign_each_batch_exactly_once(c: Container, timer: bool) -> None:
    """8 threads × 30 commits of one entry each, started together (on PostgreSQL they race
    for the head's row lock; on SQLite for the write lock). Without the timer every
    checkpoint covers exactly EVERY entries and there are entries // EVERY of them; with a
    timer thread signing whatever is new as fast as it can, the checkpoints still tile the
    trail without a gap or an overlap and none covers more than EVERY entries."""
    subject = register(c).subject.id
    start = threading.Barrier(WRITERS + 1)
    done = threading.Event()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait()
            one_entry_per_commit(c, subject, WRITES, Actor(f"writer-{n}", ActorKind.SYSTEM))
        except BaseException as exc:
            errors.append(exc)

    def checkpointer() -> None:
        try:
            start.wait()
            while timer and not done.is_set():
                record_checkpoint(c.uow(), c.signer, c.clock)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads.append(threading.Thread(target=checkpointer))
    for th in threads:
        th.start()
    for th in threads[:-1]:
        th.join()
    done.set()
    threads[-1].join()
    assert errors == []

    total = 1 + WRITERS * WRITES
    assert head_seq(c) == total
    cps = stored(c)
    spans = [(cp.first_seq, cp.last_seq) for cp in cps]
    assert spans[0][0] == 1
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans)), spans
    assert all(last - first + 1 <= EVERY for first, last in spans), spans
    assert total - spans[-1][1] < EVERY  # never EVERY entries without a checkpoint
    if not timer:
        assert len(cps) == total // EVERY
        assert all(last - first + 1 == EVERY for first, last in spans), spans
    assert c.signer.witness() == cps[-1]
    witnessed = c.settings.witness_file.read_text().splitlines()
    assert len(witnessed) == len(cps)  # each signed once, witnessed once
    report = verify(c)
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (total, len(cps))
