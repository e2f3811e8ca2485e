"""The custody pages (issue 16; R5.2, R5.4, R5.6): the overview (/console/custody), the
paper register (paper.py), removable media (media.py) and their inventories
(inventory.py) — one router for web/app.py — and what the front page shows of them:
`attention(c, actor)`. Rows in web/rules/custody.py; words in texts.py; templates in
templates/console/custody/. Conventions: web/console/kit.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.custody import inventory as inv
from piiguard.services.custody import media as md
from piiguard.services.custody import paper as pp
from piiguard.web.authz import Authorized
from piiguard.web.console.custody import inventory, media, paper
from piiguard.web.console.custody.common import page
from piiguard.web.console.kit import may_open
from piiguard.web.deps import ContainerDep

__all__ = ["attention", "router"]

router = APIRouter(include_in_schema=False)


def _mine(c: Container, actor: Actor) -> int:
    """Destructions waiting for `actor` as their witness."""
    if actor.kind is not ActorKind.STAFF:
        return 0
    return len(pp.awaiting_witness(c.custody, actor.id)) + len(
        md.media_awaiting_witness(c.custody, actor.id)
    )


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """Printouts not locked away in time, missing media with personal data and no
    incident, the inventory when due, and what waits for the reader as witness."""
    if not may_open(actor, "/console/custody"):
        return []
    state = inv.inventory_state(c.custody)
    return [
        {
            "key": "paper_overdue",
            "count": len(pp.overdue_papers(c.custody)),
            "href": "/console/custody/paper?overdue=1",
        },
        {
            "key": "media_missing",
            "count": len(inv.missing_alarms(c.custody)),
            "href": "/console/custody/media?status=missing",
        },
        {
            "key": "media_inventory",
            "count": int(state.overdue),
            "href": "/console/custody/inventories",
        },
        {"key": "custody_witness", "count": _mine(c, actor), "href": "/console/custody"},
    ]


@router.get("/console/custody", response_class=HTMLResponse)
def overview(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    state = inv.inventory_state(c.custody)
    mine = []
    if actor.kind is ActorKind.STAFF:
        mine = [("paper", p.id, p.label) for p in pp.awaiting_witness(c.custody, actor.id)] + [
            ("media", m.id, m.identifier) for m in md.media_awaiting_witness(c.custody, actor.id)
        ]
    return page(
        request,
        c,
        actor,
        "overview.html",
        {
            "overdue": len(pp.overdue_papers(c.custody)),
            "missing": len(inv.missing_alarms(c.custody)),
            "state": state,
            "mine": mine,
        },
    )


for part in (paper, media, inventory):
    router.include_router(part.router)
