"""The retention pages (issue 14; R2.11, R5.5, R10.2): the schedule and its history
(schedule.py), legal holds (holds.py), the preview and disposal batches with their
certificates and deletion notices (disposal.py) — one router for web/app.py — and what the
front page shows of them: `attention(c, actor)`. The person page's retain-until column:
people.py. Rows in web/rules/retention.py; words in texts.py; templates in
templates/console/retention/. Conventions: web/console/kit.py."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.services.retention.batches import list_batches
from piiguard.services.retention.console_views import overdue_disposal_tasks
from piiguard.services.retention.reviews import review_state
from piiguard.web.console.kit import may_open
from piiguard.web.console.retention import disposal, holds, schedule

__all__ = ["REVIEW_SOON_DAYS", "attention", "router"]

router = APIRouter(include_in_schema=False)
for part in (schedule, holds, disposal):
    router.include_router(part.router)

REVIEW_SOON_DAYS = 30


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """What needs a privacy officer now: the schedule's review overdue (or due within
    REVIEW_SOON_DAYS), batches waiting for approval, holds waiting for a second officer,
    deletion notices no system confirmed within the requests' due days. Words: texts.py
    `attn_<key>`."""
    items: list[dict[str, Any]] = []
    if may_open(actor, "/console/retention/reviews", "POST"):
        state = review_state(c.uow(readonly=True), c.clock)
        now = c.clock.now()
        if state.overdue:
            items.append(
                {"key": "retention_review_overdue", "count": 1, "href": "/console/retention"}
            )
        elif state.next_due_at and state.next_due_at <= now + timedelta(days=REVIEW_SOON_DAYS):
            items.append({"key": "retention_review_due", "count": 1, "href": "/console/retention"})
    if may_open(actor, "/console/retention/batches/{batch_id}/approve", "POST"):
        n = len(list_batches(c.uow(readonly=True), (BatchStatus.PROPOSED,), 1000))
        items.append(
            {
                "key": "retention_batches_waiting",
                "count": n,
                "href": "/console/retention/batches?status=proposed",
            }
        )
    if may_open(actor, "/console/retention/holds/{hold_id}/approve", "POST"):
        n = len(holds.waiting(c))
        items.append(
            {"key": "retention_holds_waiting", "count": n, "href": "/console/retention/holds"}
        )
    if may_open(actor, "/console/retention/batches/{batch_id}/tasks/{task_id}/waive", "POST"):
        late = overdue_disposal_tasks(
            c.uow(readonly=True), c.clock.now(), timedelta(days=c.requests.terms.due_days)
        )
        items.append(
            {
                "key": "retention_tasks_overdue",
                "count": len(late),
                "href": "/console/retention/batches",
            }
        )
    return items
