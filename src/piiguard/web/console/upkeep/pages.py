"""The upkeep pages (issue 14; R2.8, R6.3): the confirmation queue and intervals
(confirmations.py) and the child-data tasks (children.py) — one router for web/app.py —
and what the front page shows of them: `attention(c, actor)`. Rows in
web/rules/confirmations.py; words in texts.py; templates in templates/console/upkeep/.
Conventions: web/console/kit.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.retention.upkeep import ChildStatus
from piiguard.services.retention.upkeep.children import list_child_tasks, overdue_child_tasks
from piiguard.services.retention.upkeep.confirmations import confirmation_counts
from piiguard.web.console.kit import may_open
from piiguard.web.console.upkeep import children, confirmations

__all__ = ["attention", "router"]

router = APIRouter(include_in_schema=False)
for part in (confirmations, children):
    router.include_router(part.router)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """What needs someone now: confirmation requests waiting in the staff queue (staff and
    officers), child-data tasks past their deadline and still open (officers). Words:
    texts.py `attn_<key>`."""
    items: list[dict[str, Any]] = []
    if may_open(actor, "/console/confirmations"):
        n = confirmation_counts(c.uow(readonly=True)).get("staff_queue", 0)
        items.append(
            {
                "key": "confirmations_staff",
                "count": n,
                "href": "/console/confirmations?status=staff_queue",
            }
        )
    if may_open(actor, "/console/children"):
        late = len(overdue_child_tasks(c.uow(readonly=True), c.clock))
        still = len(
            list_child_tasks(c.uow(readonly=True), (ChildStatus.OPEN, ChildStatus.ESCALATED), 1000)
        )
        items.append(
            {"key": "children_overdue", "count": late, "href": "/console/children?overdue=1"}
        )
        items.append({"key": "children_open", "count": still - late, "href": "/console/children"})
    return items
