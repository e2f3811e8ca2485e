"""The retention tables through their store on both backends (R2.11, R10.2): the schedule
(rules, record rules, legal minimums, versions, reviews), anchor events, legal holds, each
item's stored retain-until paged in due order, disposal batches with their entries and
deletion tasks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.retention.disposal import (
    BatchStatus,
    DisposalBatch,
    DisposalEntry,
    DisposalTask,
    DisposalTaskStatus,
)
from piiguard.domain.retention.schedule import (
    Anchor,
    AnchorEvent,
    HoldStatus,
    ItemRetention,
    LegalHold,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
    ScheduleChange,
    ScheduleReview,
)
from tests.integration.conftest import START

DAY = timedelta(days=1)


@pytest.mark.req("R2.11")
def test_the_schedule_is_stored_versioned_and_reviewed(c: Container) -> None:
    with c.uow() as uow:
        s = uow.retention
        v = s.version()  # the legal minimums seeded on start (services/retention/schedule.py)
        seeded = s.minimums()
        s.save_rule(RetentionRule("after_sales", "", 1825, Anchor.CONTRACT_END), v + 1, START, "o1")
        s.add_change(ScheduleChange(v + 1, "rule", "after_sales/", "{}", START, "o1"))
        override = RetentionRule("after_sales", "user.contact", 730, Anchor.CONFIRMED, "why")
        s.save_rule(override, v + 2, START, "o1")
        s.save_rule(replace(override, days=365), v + 3, START, "o2")  # an update, not a new row
        s.add_change(ScheduleChange(v + 2, "rule", "after_sales/user.contact", "{}", START, "o1"))
        s.add_change(ScheduleChange(v + 3, "rule", "after_sales/user.contact", "{}", START, "o2"))
        s.save_record_rule(
            RecordRule(RecordType.DATA_REQUEST, 1095, Anchor.REQUEST_CLOSED), v + 3, START, "o2"
        )
        rule = LegalMinimum(
            "zz_payroll",
            "Payroll",
            "工资",
            "some provision",
            3650,
            Anchor.COLLECTED,
            frozenset({"user.financial"}),
            frozenset({"order_fulfilment"}),
        )
        s.save_minimum(rule, v + 3, START, "o2")
        s.save_minimum(replace(rule, days=None, active=False), v + 3, START, "o2")
        s.add_review(
            ScheduleReview("r1", START, "o2", v + 3, "override shortened", START + 365 * DAY)
        )
        uow.commit()
    with c.uow(readonly=True) as uow:
        s = uow.retention
        assert s.version() == v + 3
        assert s.rules() == [
            RetentionRule("after_sales", "", 1825, Anchor.CONTRACT_END),
            RetentionRule("after_sales", "user.contact", 365, Anchor.CONFIRMED, "why"),
        ]
        assert s.record_rules() == [
            RecordRule(RecordType.DATA_REQUEST, 1095, Anchor.REQUEST_CLOSED)
        ]
        assert s.minimums() == [*seeded, replace(rule, days=None, active=False)]
        assert s.minimum("nope") is None
        assert [ch.version for ch in s.changes(3)] == [v + 3, v + 2, v + 1]
        assert s.reviews()[0].next_due_at == START + 365 * DAY
    with c.uow() as uow:
        assert uow.retention.delete_rule("after_sales", "user.contact")
        assert not uow.retention.delete_rule("after_sales", "user.contact")
        uow.commit()


@pytest.mark.req("R2.11")
def test_anchors_and_holds(c: Container) -> None:
    hold = LegalHold(
        "h1",
        HoldStatus.PROPOSED,
        "litigation",
        "(2026)京01民初1号",
        frozenset({"s1"}),
        frozenset({"user.contact"}),
        frozenset(),
        START + 90 * DAY,
        "o1",
        START,
    )
    with c.uow() as uow:
        s = uow.retention
        s.save_anchor(AnchorEvent("s1", Anchor.CONTRACT_END, START, "crm", START))
        s.save_anchor(AnchorEvent("s1", Anchor.CONTRACT_END, START + DAY, "crm", START + DAY))
        s.save_anchor(AnchorEvent("s2", Anchor.LAST_ORDER, START, "shop", START))
        s.save_hold(hold)
        s.save_hold(replace(hold, status=HoldStatus.ACTIVE, approved_by="o2", approved_at=START))
        uow.commit()
    with c.uow(readonly=True) as uow:
        s = uow.retention
        assert s.anchors_of(["s1", "s2", "s3"]) == {
            "s1": {Anchor.CONTRACT_END: START + DAY},
            "s2": {Anchor.LAST_ORDER: START},
        }
        got = s.hold("h1")
        assert got is not None and got.approved_by == "o2" and got.status is HoldStatus.ACTIVE
        assert got.in_force(START + DAY) and not got.in_force(START + 90 * DAY)
        assert got.covers("s1", "user.contact.email", "crm")
        assert not got.covers("s2", "user.contact.email", "crm")
        assert s.holds([HoldStatus.PROPOSED]) == [] and s.holds() == [got]


@pytest.mark.req("R2.11")
def test_retain_until_is_paged_in_due_order(c: Container) -> None:
    rows = [ItemRetention(f"i{n:03}", "s1", START + (n % 5) * DAY, 1, START) for n in range(30)] + [
        ItemRetention("kept", "s1", None, 1, START)
    ]
    with c.uow() as uow:
        uow.retention.set_retention(rows)
        uow.retention.set_retention([replace(rows[0], retain_until=START + 10 * DAY)])
        uow.commit()
    with c.uow(readonly=True) as uow:
        s = uow.retention
        seen: list[str] = []
        after = ""
        while page := s.due(START + 2 * DAY, 4, after):
            seen += [r.item_id for r in page]
            after = page[-1].item_id
        due = sorted(
            (r for r in rows[1:] if r.retain_until and r.retain_until <= START + 2 * DAY),
            key=lambda r: (r.retain_until, r.item_id),
        )
        assert seen == [r.item_id for r in due]
        # the sweep's selection (driver cursor, keyset-paged on (retain_until, item id))
        got: list[tuple[str, datetime]] = []
        key = None
        while page2 := s.due_rows(START + 2 * DAY, 4, key):
            got += [(r.item_id, r.retain_until) for r in page2]
            key = (page2[-1].retain_until, page2[-1].item_id)
        assert got == [(r.item_id, r.retain_until) for r in due]
        assert all(u.tzinfo is UTC for _, u in got)
        assert s.stored_until(["i000", "kept", "gone"]) == {"i000": START + 10 * DAY, "kept": None}
        assert s.retention_of(["i000", "kept", "gone"]).keys() == {"i000", "kept"}
        assert s.retention_of(["i000"])["i000"].retain_until == START + 10 * DAY
    with c.uow() as uow:
        uow.retention.forget(["i000", "kept"])
        uow.commit()
    with c.uow(readonly=True) as uow:
        assert uow.retention.retention_of(["i000", "kept"]) == {}


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_disposal_batches_entries_and_tasks(c: Container) -> None:
    batch = DisposalBatch("b1", BatchStatus.PROPOSED, START, START, "sweep", 2)
    entries = [
        DisposalEntry(
            "b1",
            RecordType.ITEM,
            "i1",
            "s1",
            "user.contact.email",
            "crm",
            frozenset({"after_sales"}),
            START - DAY,
        ),
        DisposalEntry("b1", RecordType.DATA_REQUEST, "r1", "s1"),
    ]
    task = DisposalTask(
        "t1",
        "b1",
        "crm",
        frozenset({"user.contact.email"}),
        frozenset({"s1"}),
        DisposalTaskStatus.PENDING,
        START,
        next_attempt_at=START,
    )
    with c.uow() as uow:
        s = uow.retention
        s.add_batch(batch, entries)
        s.add_tasks([task])
        uow.commit()
    with c.uow() as uow:
        s = uow.retention
        assert s.entries("b1") == sorted(entries, key=lambda e: (e.record_type.value, e.record_id))
        assert s.on_open_batches(RecordType.ITEM, ["i1", "i2"]) == {"i1"}
        assert s.on_open_batches(RecordType.DATA_REQUEST, ["i1"]) == set()
        assert s.tasks_due(START, 10) == [task]
        locked = s.batch("b1", lock=True)
        assert locked == batch
        done = replace(
            batch,
            status=BatchStatus.DISPOSED,
            approved_by="o1",
            approved_at=START,
            disposed_at=START,
            list_hash="0" * 64,
            certificate="{}",
        )
        s.save_batch(done)
        s.mark_disposed("b1", RecordType.ITEM, ["i1", "r1"], START)  # r1 is not an item
        assert {e.record_id for e in s.entries("b1") if e.disposed_at} == {"i1"}
        s.mark_disposed("b1", RecordType.DATA_REQUEST, ["r1"], START)
        s.save_task(replace(task, status=DisposalTaskStatus.SENT, attempts=1, next_attempt_at=None))
        uow.commit()
    with c.uow(readonly=True) as uow:
        s = uow.retention
        assert s.batch("b1") == done
        assert s.batches([BatchStatus.PROPOSED]) == [] and s.batches() == [done]
        assert all(e.disposed_at == START for e in s.entries("b1"))
        assert s.on_open_batches(RecordType.ITEM, ["i1"]) == set()  # disposed: not open
        assert s.tasks_due(START, 10) == []
        assert [k.status for k in s.tasks_of("b1")] == [DisposalTaskStatus.SENT]
        assert s.task("t1") is not None and s.task("nope") is None
