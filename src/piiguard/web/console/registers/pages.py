"""The registers' pages (R2.3, R2.5): purposes and their history, the taxonomy, departments.

Routes, with their rows in web/rules/registers.py; words in texts.py beside this module;
templates in templates/console/registers/. Conventions: web/console/kit.py."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
