"""A detection rule: Hyperscan expressions that find where a value starts, then an exact
pattern and a check run in Python at each of those starts.

The expressions run over one of two buffers (see engine.py): `ascii`, the text with every
non-ASCII code point replaced by "?" so that byte offsets are code-point offsets, and `utf8`,
the text in UTF-8 for rules whose anchors are Chinese words. Hyperscan reports the leftmost
start of each match; the expressions are written so that this start is where the exact
pattern begins (or, with `lead`, one character before it: the expression consumes the
character before the value to stand in for a look-behind, which Hyperscan lacks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from piiguard.scanner.detectors.model import Hit, Validator

Check = Callable[[re.Match[str], str], Hit | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    ascii: tuple[str, ...]  # Hyperscan expressions over the ASCII shadow of the text
    pattern: re.Pattern[str]  # exact extraction, run at each reported start
    check: Check
    utf8: tuple[str, ...] = ()  # Hyperscan expressions over the UTF-8 text
    lead: bool = False  # the expressions begin with (?:^|[^...]): the value starts one later
    caseless: bool = False
    # > 0: search for the pattern from the reported start (not only at it), up to `search`
    # code points before the end Hyperscan reported and `after` code points beyond it
    search: int = 0
    after: int = 0
    # Instead of `check`: a check that gives any number of hits (a table's rows under its
    # header). Run from the Python loop (engine._run), with either engine.
    many: Callable[[re.Match[str], str], list[Hit]] | None = None


def leading_boundary(alternative: str) -> str:
    r"""`\bword` as `w(?<!\w.)ord`: the same matches (w is a word character, so the boundary
    before it means no word character before it), but every alternative now begins with a
    literal, which lets the regex engine skip positions by their first character: context
    searches run about twice as fast."""
    if alternative.startswith(r"\b") and alternative[2:3].isalnum():
        return alternative[2] + r"(?<!\w.)" + alternative[3:]
    return alternative


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive alternation of context words."""
    return re.compile("|".join(map(leading_boundary, alternatives)), re.IGNORECASE)


def near(
    text: str, start: int, end: int, context: re.Pattern[str], before: int = 24, after: int = 0
) -> bool:
    """Whether a context word occurs shortly before (or after) the span [start, end)."""
    if context.search(text, start - before if start > before else 0, start):
        return True
    return bool(after) and context.search(text, end, min(len(text), end + after)) is not None


def hit(
    kind: str, m: re.Match[str], confidence: float, validator: Validator, group: int | str = 0
) -> Hit:
    start, end = m.span(group)
    return Hit(kind, start, end, m.string[start:end], confidence, validator)


# Boundaries consumed in place of look-behinds and look-aheads (ASCII shadow: one byte each).
NOT_ALNUM = r"(?:^|[^0-9A-Za-z])"
END_ALNUM = r"(?:[^0-9A-Za-z]|$)"


def words_of(alternatives: tuple[str, ...]) -> str:
    """An alternation of literal words, the longest first (a Hyperscan or re expression)."""
    return "|".join(re.escape(w) for w in sorted(alternatives, key=len, reverse=True))
