"""Officers' free text on the retention registers is sealed at rest like hold reasons (R2.11,
R5.5; docs/retention.md "What is sealed"): a deletion task's waiver reason and what a
schedule review changed may name people, so the table holds them sealed under the KEK,
bound to their row; the pages and answers that show them get them opened; rows written in
clear before are sealed on start (a second container started on the same databases), once.
Both backends (the `c` fixture)."""

from __future__ import annotations

import pytest
from sqlalchemy import Table, select, update

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.ports import AuditQuery
from piiguard.services.retention import reviews, tasks
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import batch_detail
from tests.integration.test_disposal import ALICE
from tests.integration.test_retention_console_views import crm_disposed_batch
from tests.passwords import QUICK

WAIVER = "李雷的订单已由王芳在 CRM 中手工删除"
CHANGES = "韩梅梅的投诉记录保存期限改为 3 年"


def _waived_task(c: Container, clock: FixedClock) -> tuple[str, str]:
    batch_id = crm_disposed_batch(c, clock)
    [task] = batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).tasks
    waived = tasks.waive_disposal_task(c.uow(), c.requests, ALICE, task.id, WAIVER)
    assert waived.note != WAIVER
    return batch_id, task.id


def _stored(c: Container, table: Table, column: str, row_id: str) -> str:
    with c.engine.connect() as conn:
        return str(conn.execute(select(table.c[column]).where(table.c.id == row_id)).scalar_one())


def _stored_note(c: Container, task_id: str) -> str:
    return _stored(c, t.disposal_tasks, "note", task_id)


def _stored_changes(c: Container, review_id: str) -> str:
    return _stored(c, t.retention_reviews, "changes", review_id)


def _restart(settings: Settings, clock: FixedClock) -> None:
    """Start piiguard again on the same databases (what seals rows written in clear)."""
    bootstrap(settings, migrate=False, clock=clock, passwords=QUICK).close()


def _trail(c: Container) -> str:
    with c.uow(readonly=True) as uow:
        return repr(uow.audit_log.entries(AuditQuery(limit=1000)))


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_a_waiver_reason_is_sealed_at_rest_and_opened_for_readers(
    c: Container, clock: FixedClock, settings: Settings
) -> None:
    batch_id, task_id = _waived_task(c, clock)
    stored = _stored_note(c, task_id)
    assert "李雷" not in stored and "CRM" not in stored and stored.startswith("v")
    [shown] = batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).tasks
    assert shown.note == WAIVER
    assert "李雷" not in _trail(c)  # the audit entries keep ids only
    # written in clear before: sealed on start, once
    with c.engine.begin() as conn:
        conn.execute(
            update(t.disposal_tasks).where(t.disposal_tasks.c.id == task_id).values(note=WAIVER)
        )
    _restart(settings, clock)
    assert WAIVER not in _stored_note(c, task_id)
    [shown] = batch_detail(c.uow(readonly=True), batch_id, box=c.requests.box).tasks
    assert shown.note == WAIVER
    assert tasks.seal_clear_waivers(c.uow(), c.requests.box, OPERATOR) == 0


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_a_reviews_notes_are_sealed_at_rest_and_opened_for_readers(
    c: Container, clock: FixedClock, settings: Settings
) -> None:
    box = c.requests.box
    r = reviews.record_review(c.uow(), c.clock, ALICE, CHANGES, box=box)
    assert r.changes == CHANGES
    stored = _stored_changes(c, r.id)
    assert "韩梅梅" not in stored and stored.startswith("v")
    assert [x.changes for x in reviews.list_reviews(c.uow(readonly=True), box=box)] == [CHANGES]
    last = sch.schedule_view(c.uow(readonly=True), box=box).last_review
    assert last is not None and last.changes == CHANGES
    assert "韩梅梅" not in _trail(c)
    with c.engine.begin() as conn:  # as a review recorded before notes were sealed
        conn.execute(
            update(t.retention_reviews)
            .where(t.retention_reviews.c.id == r.id)
            .values(changes="none")
        )
    _restart(settings, clock)
    assert _stored_changes(c, r.id) != "none"
    assert [x.changes for x in reviews.list_reviews(c.uow(readonly=True), box=box)] == ["none"]
    assert reviews.seal_clear_reviews(c.uow(), box, OPERATOR) == 0
