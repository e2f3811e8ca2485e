"""The staff and system-client pages (R2.6, R5.1): invitations, roles, unlock, deactivate, TOTP
reset; API clients.

Routes, with their rows in web/rules/team.py; words in texts.py beside this module; templates in
templates/console/team/. Conventions: web/console/kit.py."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
