"""What the register stores share: how a set of keys is kept in a text column."""

from __future__ import annotations

import json
from collections.abc import Iterable


def as_json(values: Iterable[str]) -> str:
    """A set of keys as stored: a sorted JSON list, non-ASCII kept as is."""
    return json.dumps(sorted(values), ensure_ascii=False)


def as_set(text: str) -> frozenset[str]:
    return frozenset(json.loads(text))
