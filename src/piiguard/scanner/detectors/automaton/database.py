"""Hyperscan's compile of the rules' expressions into a block-mode database: the one step
of building a detector that costs seconds (engine._compile decides when it runs and keeps
what it makes in the cache folder)."""

from __future__ import annotations

import hyperscan


def build(expressions: list[bytes], flags: list[int]) -> hyperscan.Database:
    """The database of `expressions`, each reported by its position in the list."""
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=flags,
    )
    return db
