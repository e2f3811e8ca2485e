"""The data map's pages (R2.7, R5.6, R2.10): systems, exports, findings.

Routes, with their rows in web/rules/datamap.py; words in texts.py beside this module;
templates in templates/console/datamap/. Conventions: web/console/kit.py. One module per
concept: systems.py (the list, registering one, a system's page: describe, approve, hold,
retire), exports.py (the register of exports, its review, the form with re-authentication),
findings.py (the findings and their lifecycle); common.py what they share. This module
gathers their routes under /console and says what needs the officer now (`attention`)."""

from __future__ import annotations

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.policy.datamap import Approval, FindingStatus
from piiguard.services.policy import datamap
from piiguard.web.console.datamap import exports, findings, systems
from piiguard.web.console.datamap.common import OLD, SOON, export_findings
from piiguard.web.console.kit import may_open

router = APIRouter(prefix="/console", include_in_schema=False)
for part in (systems.router, exports.router, findings.router):
    router.include_router(part)


def attention(c: Container, actor: Actor) -> list[dict[str, object]]:
    """What of the data map needs the officer now, as {"key", "count", "href"} (words
    `attn_<key>` in texts.py), only what `actor` may open and only when there is some:
    systems pending approval, open or assigned findings older than 30 days, exports expiring
    within 14 days, and expired exports the review has not yet turned into findings."""
    now = c.clock.now()
    items: list[dict[str, object]] = []

    def add(key: str, count: int, href: str) -> None:
        if count and may_open(actor, href.partition("?")[0]):
            items.append({"key": key, "count": count, "href": href})

    if may_open(actor, "/console/systems"):
        pending = [
            s
            for s in datamap.list_systems(c.uow(readonly=True), c.snapshots)
            if s.status is Approval.PENDING
        ]
        add("systems_pending", len(pending), "/console/systems?status=pending")
    if may_open(actor, "/console/findings"):
        old = [
            f
            for f in datamap.list_findings(c.uow(readonly=True))
            if f.status in (FindingStatus.OPEN, FindingStatus.ASSIGNED) and now - f.created_at > OLD
        ]
        add("findings_old", len(old), f"/console/findings?status=active&age={OLD.days}")
    if may_open(actor, "/console/exports"):
        every = datamap.list_exports(c.uow(readonly=True))
        soon = [e for e in every if not e.expired(now) and e.expires_at - now <= SOON]
        add("exports_soon", len(soon), "/console/exports?state=soon")
        reviewed = export_findings(c)
        unreviewed = [e for e in every if e.expired(now) and e.id not in reviewed]
        add("exports_expired", len(unreviewed), "/console/exports?state=expired")
    return items


__all__ = ["attention", "router"]
