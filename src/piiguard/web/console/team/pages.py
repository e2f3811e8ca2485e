"""The staff and system-client pages (R2.6, R2.10, R5.1): the register of staff accounts —
invitations, roles, unlock, deactivate, TOTP reset (staff.py) — and the company's systems as
API clients — add, scope, rotate with an overlap, revoke, the key shown once (clients.py).

Routes, with their rows in web/rules/team.py; words in texts.py beside this module; templates in
templates/console/team/. Conventions: web/console/kit.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.web.console.kit import may_open
from piiguard.web.console.team import clients, invite, staff

router = APIRouter(include_in_schema=False)
router.include_router(staff.router)
router.include_router(clients.router)
router.include_router(invite.router)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """For the front page, to those who may open the register of accounts: active accounts
    without the two-step sign-in their role needs (`attn_staff_no_mfa`), with a password past
    its change limit (`attn_staff_password_old`), locked (`attn_staff_locked`)."""
    if not may_open(actor, "/console/staff"):
        return []
    return staff.attention(c)
