"""The people pages (R2.4, R2.7, R4, R6): find a person, their items' metadata, consents,
restrictions, objections, guardians; reading values for a stated purpose.

Routes, with their rows in web/rules/people.py; words in texts.py beside this module; templates
in templates/console/people/. Conventions: web/console/kit.py."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
