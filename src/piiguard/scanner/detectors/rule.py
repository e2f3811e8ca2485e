"""A detection rule: a cheap prefilter for the multi-pattern engine, then an exact pattern
and a check run in Python on the few candidate regions the prefilter reports."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from piiguard.scanner.detectors.model import Hit, Validator

Check = Callable[[re.Match[str], str], Hit | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    prefilters: tuple[str, ...]  # Hyperscan expressions over the UTF-8 text
    pattern: re.Pattern[str]  # exact extraction, run on the decoded text around candidates
    check: Check
    before: int = 0  # code points before a candidate where the exact match may start
    after: int = 0  # code points after a candidate where it may end (context included)
    caseless: bool = False


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive alternation of context words."""
    return re.compile("|".join(alternatives), re.IGNORECASE)


def near(
    text: str, start: int, end: int, context: re.Pattern[str], before: int = 24, after: int = 0
) -> bool:
    """Whether a context word occurs shortly before (or after) the span [start, end)."""
    if context.search(text, max(0, start - before), start):
        return True
    return bool(after) and context.search(text, end, min(len(text), end + after)) is not None


def hit(
    kind: str, m: re.Match[str], confidence: float, validator: Validator, group: int | str = 0
) -> Hit:
    return Hit(kind, m.start(group), m.end(group), m.group(group), confidence, validator)
