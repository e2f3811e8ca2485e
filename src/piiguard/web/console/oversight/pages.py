"""The oversight pages (R2.5, R2.10, R5.1, R10.2): legal exceptions (exceptions.py),
decisions and their explanations (decisions.py), the audit trail and its verification
(audit.py) — one router for web/app.py — and what the front page shows of them:
`attention(c, actor)`, `last_verification(c)`, `last_checkpoint(c)`, `trail_state(c)`.

Rows in web/rules/oversight.py; words in texts.py beside this module; templates in
templates/console/oversight/. Conventions: web/console/kit.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.web.console.kit import may_open
from piiguard.web.console.oversight import audit, decisions, exceptions
from piiguard.web.console.oversight.audit import (  # the front page's (web/console/front.py)
    VERIFY_EVERY_DAYS,
    TrailState,
    last_checkpoint,
    last_verification,
    trail_state,
)

__all__ = [
    "VERIFY_EVERY_DAYS",
    "TrailState",
    "attention",
    "last_checkpoint",
    "last_verification",
    "router",
    "trail_state",
]

router = APIRouter(include_in_schema=False)
for part in (exceptions, decisions, audit):
    router.include_router(part.router)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """What needs the officer now: exceptions waiting for a second approver; an audit trail
    never verified, last verified more than VERIFY_EVERY_DAYS ago, or whose last
    verification failed. Words: texts.py `attn_<key>`."""
    items: list[dict[str, Any]] = []
    if may_open(actor, "/console/exceptions", "POST"):  # those who may approve
        n = len(exceptions.waiting(c))
        items.append(
            {"key": "exceptions_waiting", "count": n, "href": "/console/exceptions?status=pending"}
        )
    if may_open(actor, "/console/audit/verify", "POST"):
        trail = trail_state(c)
        v = trail.verification
        key = (
            "audit_never_verified"
            if v is None
            else "audit_verification_failed"
            if not v.ok
            else "audit_verification_stale"
            if trail.stale
            else None
        )
        if key:
            items.append({"key": key, "count": 1, "href": "/console/audit"})
    return items
