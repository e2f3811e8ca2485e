"""The data map's pages (R2.3, R5.6): systems, exports, findings.

Routes, with their rows in web/rules/datamap.py; words in texts.py beside this module; templates
in templates/console/datamap/. Conventions: web/console/kit.py."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
