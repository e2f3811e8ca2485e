"""The incident and vulnerability pages (R5.8, R5.9): clocks.py (the running clocks, a
clock's draft and submission, notifications), incidents.py (the list, reporting, an
incident), vulns.py (the register) — one router for web/app.py — and what the front page
shows of them: `attention(c, actor)`. Rows in web/rules/incidents.py; words in texts.py;
templates in templates/console/incidents/. Conventions: web/console/kit.py."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.incidents.model import IncidentStatus
from piiguard.domain.incidents.obligations import ClockStatus
from piiguard.domain.incidents.vulns import VulnStatus
from piiguard.services.incidents.register import list_incidents
from piiguard.services.incidents.vulns import list_vulns, overdue_vulns
from piiguard.web.console.incidents import clocks, incidents, vulns
from piiguard.web.console.kit import may_open

__all__ = ["SOON", "attention", "router"]

router = APIRouter(include_in_schema=False)
for part in (clocks, incidents, vulns):  # clocks first: /clocks is not an incident's id
    router.include_router(part.router)

SOON = timedelta(hours=1)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """What needs someone now: reporting clocks past due or due within SOON, incidents
    waiting for review, vulnerabilities past their deadline, risk acceptances waiting for a
    second officer. Words: texts.py `attn_<key>`."""
    items: list[dict[str, Any]] = []
    now = c.clock.now()
    if may_open(actor, "/console/incidents/clocks"):
        with c.security_uow(readonly=True) as uow:
            running = uow.incidents.clocks_by_status((ClockStatus.RUNNING,), 10_000)
        late = sum(1 for k in running if k.overdue(now))
        soon = sum(1 for k in running if not k.overdue(now) and k.due_at <= now + SOON)
        href = "/console/incidents/clocks"
        items.append({"key": "incident_clocks_overdue", "count": late, "href": href})
        items.append({"key": "incident_clocks_soon", "count": soon, "href": href})
    if may_open(actor, "/console/incidents/{incident_id}/close", "POST"):
        n = len(list_incidents(c.security_uow(readonly=True), (IncidentStatus.REVIEW,), 1000))
        items.append(
            {"key": "incidents_review", "count": n, "href": "/console/incidents?status=review"}
        )
    if may_open(actor, "/console/vulnerabilities"):
        n = len(overdue_vulns(c.security_uow(readonly=True), now))
        items.append({"key": "vulns_overdue", "count": n, "href": "/console/vulnerabilities"})
    if may_open(actor, "/console/vulnerabilities/{vuln_id}/accept-risk/approve", "POST"):
        n = len(list_vulns(c.security_uow(readonly=True), (VulnStatus.RISK_PROPOSED,), 1000))
        items.append(
            {
                "key": "vulns_risk",
                "count": n,
                "href": "/console/vulnerabilities?status=risk_proposed",
            }
        )
    return items
