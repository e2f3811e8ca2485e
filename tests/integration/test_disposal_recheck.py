"""Disposal checks each item again against the stored retain-until only where it is current
(issue 14; R2.11; docs/retention.md "Checked again at disposal"), on both backends: a
person nothing changed for since the sweep's refresh is judged by the stored date; a
person the audit trail names as changed since is recomputed as things stand; after a
schedule change every item is recomputed. The stored dates are altered by hand below so
that the two answers differ and the test shows which one disposal used."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import update

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import approve_batch, dispose_batch
from piiguard.services.retention.refresh import refresh_changed
from piiguard.services.retention.rekeying import ChangedSince
from piiguard.services.retention.sweep import propose_batch
from tests.builders import register

DAY = timedelta(days=1)
TEN_YEARS = 3651 * DAY  # every contact item past legal_compliance's 3,650 days


def _stored_far_ahead(c: Container, subject_id: str) -> None:
    """The stored retain-until says 'not due' (the truth, recomputed, says due)."""
    with c.engine.begin() as conn:
        conn.execute(
            update(t.item_retention)
            .where(t.item_retention.c.subject_id == subject_id)
            .values(retain_until=c.clock.now() + 1000 * DAY)
        )


@pytest.mark.req("R2.11")
def test_unchanged_people_are_judged_by_the_stored_date_changed_ones_recomputed(
    c: Container, clock: FixedClock
) -> None:
    trusted, changed, plain = register(c), register(c), register(c)
    n = len(plain.items)
    clock.advance(TEN_YEARS)
    assert refresh_changed(c.uow(), c.clock).full  # first pass: every item, state saved
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 3 * n
    _stored_far_ahead(c, trusted.subject.id)
    _stored_far_ahead(c, changed.subject.id)
    # a change on the trail for `changed` (an anchor its rules do not count from)
    sch.report_anchor(
        c.uow(), c.clock, OPERATOR, changed.subject.id, Anchor.LAST_ORDER, c.clock.now()
    )
    approve_batch(c.uow(), c.clock, OPERATOR, batch.id)
    done = dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch.id)
    cert = json.loads(done.certificate or "{}")
    # `trusted` kept by its stored date; `changed` recomputed (due) and disposed of
    assert (cert["items"], cert["subjects"]) == (2 * n, 2)
    assert cert["skipped"] == {"held": 0, "not_due": n, "gone": 0}
    with c.uow(readonly=True) as uow:
        assert uow.subjects.live_ids([trusted.subject.id]) == {trusted.subject.id}
        assert not uow.subjects.live_ids([changed.subject.id, plain.subject.id])


@pytest.mark.req("R2.11")
def test_after_a_schedule_change_every_item_is_recomputed(c: Container, clock: FixedClock) -> None:
    a, _ = register(c), register(c)
    n = len(a.items)
    clock.advance(TEN_YEARS)
    refresh_changed(c.uow(), c.clock)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 2 * n
    _stored_far_ahead(c, a.subject.id)
    sch.save_rule(  # any change to the schedule: the stored dates are no longer trusted
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        RetentionRule("consultation_recommendation", "", 30, Anchor.COLLECTED),
    )
    approve_batch(c.uow(), c.clock, OPERATOR, batch.id)
    done = dispose_batch(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, batch.id)
    cert = json.loads(done.certificate or "{}")
    assert (cert["items"], cert["subjects"]) == (2 * n, 2)
    assert cert["skipped"] == {"held": 0, "not_due": 0, "gone": 0}


@pytest.mark.req("R2.11")
def test_each_chunk_reads_on_the_changes_since_the_refresh(c: Container, clock: FixedClock) -> None:
    """A disposal's chunks share one `ChangedSince`: each reads the trail only after the
    last entry the one before read, and still sees a change made between two chunks; a
    refresh that ran meanwhile starts the set afresh."""
    a, b = register(c), register(c)
    refresh_changed(c.uow(), c.clock)
    since = ChangedSince()

    def read() -> set[str]:
        with c.uow(readonly=True) as uow:
            state = uow.retention.refresh_state()
            assert state is not None
            found = set(since.read(uow, state))
            assert since.through == uow.audit_log.head()[0]
            return found

    assert read().isdisjoint({a.subject.id, b.subject.id})
    sch.report_anchor(c.uow(), c.clock, OPERATOR, a.subject.id, Anchor.LAST_ORDER, clock.now())
    assert a.subject.id in read()
    sch.report_anchor(c.uow(), c.clock, OPERATOR, b.subject.id, Anchor.LAST_ORDER, clock.now())
    assert {a.subject.id, b.subject.id} <= read()  # the earlier change is kept
    clock.advance(DAY)
    refresh_changed(c.uow(), c.clock)  # both recomputed: their stored dates current again
    assert read().isdisjoint({a.subject.id, b.subject.id})
