"""The field types and the base every JSON request shape shares (web/api/schemas/<area>.py):
`Strict` refuses unknown fields; `Slug` is a register key (purpose, system, kind);
`CategoryKey` a data category's dotted key."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]{0,63}$")]
CategoryKey = Annotated[str, StringConstraints(min_length=1, max_length=128)]
# a stored id (a subject's, an item's: UUIDs); longer is no id, refused before any look-up
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
