"""The oversight pages (R2.5, R2.10, R10.2): legal exceptions, decisions and their explanations,
the audit trail and its verification.

Routes, with their rows in web/rules/oversight.py; words in texts.py beside this module;
templates in templates/console/oversight/. Conventions: web/console/kit.py."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
