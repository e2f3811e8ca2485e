"""The JSON shape of the published privacy policy (web/api/meta.py, R8.1)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class PolicyOut(BaseModel):
    version: str
    published_at: datetime
    sha256: str
    text: str | None = None
