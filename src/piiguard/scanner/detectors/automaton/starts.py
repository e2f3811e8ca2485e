"""Where a Hyperscan match starts, found without Hyperscan's start-of-match tracking.

The engine (detectors/engine.py) needs, for every match Hyperscan reports, its leftmost start:
each rule's exact pattern runs there. Hyperscan gives it with HS_FLAG_SOM_LEFTMOST, at a
price measured in docs/benchmarks.md (seventh pass): the two databases are 12.5 and 15.9 MB
with it and 2.3 and 1.5 MB without, loading them costs about 35 ms of every process's start,
and scanning about twice the CPU. Without the flag Hyperscan reports only where a match
ends; this module finds the leftmost start from that end, exactly as Hyperscan defines it.

`program(expression, caseless, utf8)` turns an expression into a Glushkov automaton (one
position per character class, no epsilon moves) read backwards: the positions that may take
the last character, each position's predecessors, the positions that may take the first
character; the zero-width assertions Hyperscan accepts here (^, $, \\b, \\B) ride on the
transitions as conditions on the boundary between two characters. `leftmost_start` walks
back from a reported end with the set of positions still alive and remembers the last
place where a first position was reached: the smallest start of a match ending there.
Semantics as Hyperscan's without HS_FLAG_UCP, MULTILINE or DOTALL: `.` is anything but a
line feed, \\d \\w \\s are ASCII (\\s with \\v and \\f), `$` is the end or before a final line
feed, \\b sees ASCII word characters, caseless folds ASCII letters (in UTF-8 mode also the
Kelvin sign and the long s). An expression this does not model (a caseless character
outside ASCII that has a case, look-arounds, back-references, more than `MAX_POSITIONS`
positions) gives None, and keeps the flag.

The walk is done in C where the compiled module is built (_native.Starts); this is the
Python reference, the same tables (`PIIGUARD_SCANNER_PURE=1`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

BEGIN, END, WORD, NOT_WORD = 1, 2, 4, 8  # conditions on a boundary between two characters
MAX_POSITIONS = 20_000
MAX_CHAR = 0x10FFFF

Ranges = tuple[tuple[int, int], ...]
Edge = tuple[int, int]  # (position, conditions)
Part = tuple[set[Edge], set[Edge], set[int]]  # first positions, last positions, empty match
# classes (each a tuple of inclusive code-point ranges), each position's class, the
# positions that may take the last character (with conditions at the end), each position's
# predecessors (with conditions between), the positions that may take the first character
Program = tuple[
    tuple[Ranges, ...],
    tuple[int, ...],
    tuple[Edge, ...],
    tuple[tuple[Edge, ...], ...],
    tuple[Edge, ...],
]


class Unsupported(Exception):
    """An expression outside what `program` models: its database keeps SOM tracking."""


_HEX = re.compile(r"\\x\{([0-9A-Fa-f]+)\}")
_DIGIT: Ranges = ((48, 57),)
_WORD: Ranges = ((48, 57), (65, 90), (95, 95), (97, 122))
_SPACE: Ranges = ((9, 13), (32, 32))


def _normal(ranges: list[tuple[int, int]]) -> Ranges:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


def _negate(ranges: Ranges) -> Ranges:
    out, at = [], 0
    for lo, hi in ranges:
        if lo > at:
            out.append((at, lo - 1))
        at = hi + 1
    if at <= MAX_CHAR:
        out.append((at, MAX_CHAR))
    return tuple(out)


_KELVIN, _LONG_S = 0x212A, 0x17F  # what Hyperscan's UTF-8 mode folds with k and s
MAX_FOLDED = 100_000  # code points above ASCII checked for case in one caseless class


def _folded(ranges: Ranges, utf8: bool) -> Ranges:
    """With the other case of every ASCII letter in `ranges`; in UTF-8 mode also the Kelvin
    sign with k and the long s with s (the only characters outside ASCII that Hyperscan's
    caseless UTF-8 mode matches with an ASCII letter: every code point checked against it,
    tests/scanner/test_starts.py), and no character outside ASCII that has a case."""
    more = list(ranges)
    for lo, hi in ranges:
        for a, b, shift in ((65, 90, 32), (97, 122, -32)):
            x, y = max(lo, a), min(hi, b)
            if x <= y:
                more.append((x + shift, y + shift))
    if not utf8:
        return _normal(more)
    for lo, hi in ranges:
        if lo <= ord("k") <= hi or lo <= ord("K") <= hi:
            more.append((_KELVIN, _KELVIN))
        if lo <= ord("s") <= hi or lo <= ord("S") <= hi:
            more.append((_LONG_S, _LONG_S))
        if hi >= 128 and hi - max(lo, 128) >= MAX_FOLDED:
            raise Unsupported("a caseless class too wide to check")
        for c in range(max(lo, 128), hi + 1):
            ch = chr(c)
            if ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch:
                raise Unsupported("caseless beyond ASCII")
    return _normal(more)


_CATEGORIES = {
    "CATEGORY_DIGIT": _DIGIT,
    "CATEGORY_WORD": _WORD,
    "CATEGORY_SPACE": _SPACE,
    "CATEGORY_NOT_DIGIT": _negate(_DIGIT),
    "CATEGORY_NOT_WORD": _negate(_WORD),
    "CATEGORY_NOT_SPACE": _negate(_SPACE),
}
_ASSERTIONS = {
    "AT_BEGINNING": BEGIN,
    "AT_BEGINNING_STRING": BEGIN,
    "AT_END": END,
    "AT_BOUNDARY": WORD,
    "AT_NON_BOUNDARY": NOT_WORD,
}


class _Builder:
    """Glushkov's construction over re's parse tree: every sub-expression gives its first
    positions, its last positions and the conditions under which it matches nothing."""

    def __init__(self, utf8: bool) -> None:
        self.utf8 = utf8
        self.classes: dict[Ranges, int] = {}
        self.position_class: list[int] = []
        self.pred: list[set[Edge]] = []

    def position(self, ranges: Ranges) -> int:
        if len(self.position_class) >= MAX_POSITIONS:
            raise Unsupported("too many positions")
        self.position_class.append(self.classes.setdefault(ranges, len(self.classes)))
        self.pred.append(set())
        return len(self.position_class) - 1

    def chars(self, op: str, av: Any, caseless: bool) -> Ranges:
        if op == "LITERAL":
            return _folded(((av, av),), self.utf8) if caseless else ((av, av),)
        if op == "NOT_LITERAL":
            if caseless:
                return _negate(_folded(((av, av),), self.utf8))
            return _negate(((av, av),))
        if op == "ANY":
            return _negate(((10, 10),))
        if op != "IN":
            raise Unsupported(op)
        items, negate = list(av), False
        if items and str(items[0][0]) == "NEGATE":
            items, negate = items[1:], True
        ranges: list[tuple[int, int]] = []
        for op_, value in items:
            kind = str(op_)
            if kind == "LITERAL":
                ranges.append((value, value))
            elif kind == "RANGE":
                ranges.append(value)
            elif kind == "CATEGORY" and str(value) in _CATEGORIES:
                ranges.extend(_CATEGORIES[str(value)])
            else:
                raise Unsupported(kind)
        normal = _normal(ranges)
        if caseless:
            normal = _folded(normal, self.utf8)
        return _negate(normal) if negate else normal

    def link(self, last: set[Edge], first: set[Edge]) -> None:
        for i, m in last:
            for j, n in first:
                self.pred[j].add((i, m | n))

    def concat(self, a: Part, b: Part) -> Part:
        (fa, la, ea), (fb, lb, eb) = a, b
        self.link(la, fb)
        return (
            fa | {(j, m | n) for m in ea for j, n in fb},
            lb | {(i, m | n) for i, m in la for n in eb},
            {m | n for m in ea for n in eb},
        )

    def sequence(self, items: Any, caseless: bool) -> Part:
        out: Part = (set(), set(), {0})
        for op, av in items:
            out = self.concat(out, self.node(str(op), av, caseless))
        return out

    def node(self, op: str, av: Any, caseless: bool) -> Part:
        if op in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            p = self.position(self.chars(op, av, caseless))
            return {(p, 0)}, {(p, 0)}, set()
        if op == "AT":
            if str(av) not in _ASSERTIONS:
                raise Unsupported(str(av))
            return set(), set(), {_ASSERTIONS[str(av)]}
        if op == "SUBPATTERN":
            _group, add, remove, sub = av
            if (add | remove) & ~(re.IGNORECASE | re.UNICODE | re.ASCII):
                raise Unsupported("flags")
            inner = (caseless or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            return self.sequence(sub, inner)
        if op == "BRANCH":
            first: set[Edge] = set()
            last: set[Edge] = set()
            empty: set[int] = set()
            for alternative in av[1]:
                f, lst, e = self.sequence(alternative, caseless)
                first, last, empty = first | f, last | lst, empty | e
            return first, last, empty
        if op in ("MAX_REPEAT", "MIN_REPEAT"):  # the same language either way
            low, high, sub = av
            out: Part = (set(), set(), {0})
            for _ in range(low):
                out = self.concat(out, self.sequence(sub, caseless))
            if high == _constants.MAXREPEAT:
                f, lst, _e = self.sequence(sub, caseless)
                self.link(lst, f)  # the loop
                return self.concat(out, (f, lst, {0}))
            return self.concat(out, self.optional(sub, high - low, caseless))
        raise Unsupported(op)

    def optional(self, sub: Any, count: int, caseless: bool) -> Part:
        """sub{0,count} as (sub(sub(...)?)?)?"""
        if count == 0:
            return set(), set(), {0}
        f, lst, e = self.concat(
            self.sequence(sub, caseless), self.optional(sub, count - 1, caseless)
        )
        return f, lst, e | {0}


def program(expression: str, caseless: bool, utf8: bool) -> Program | None:
    """The backwards automaton of one expression of the engine's databases, or None."""
    text = _HEX.sub(lambda m: chr(int(m.group(1), 16)), expression) if utf8 else expression
    try:
        parsed = _parser.parse(text, re.IGNORECASE if caseless else 0)
        builder = _Builder(utf8)
        first, last, empty = builder.sequence(parsed, caseless)
    except (Unsupported, re.error, RecursionError, TypeError, ValueError):
        return None
    if empty:
        return None  # Hyperscan rejects an expression that matches nothing
    classes = tuple(sorted(builder.classes, key=builder.classes.__getitem__))
    return (
        classes,
        tuple(builder.position_class),
        tuple(sorted(last)),
        tuple(tuple(sorted(p)) for p in builder.pred),
        tuple(sorted(first)),
    )


def _holds(conditions: int, text: Sequence[int], at: int) -> bool:
    """Whether the boundary before text[at] meets `conditions` (text: code points)."""
    if conditions & BEGIN and at != 0:
        return False
    n = len(text)
    if conditions & END and not (at == n or (at == n - 1 and text[at] == 10)):
        return False
    if conditions & (WORD | NOT_WORD):
        before = at > 0 and _is_word(text[at - 1])
        after = at < n and _is_word(text[at])
        if (before != after) != bool(conditions & WORD):
            return False
    return True


def _is_word(c: int) -> bool:
    return c < 128 and (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 95)


def _in(ranges: Ranges, c: int) -> bool:
    return any(lo <= c <= hi for lo, hi in ranges)


def leftmost_start(prog: Program, text: Sequence[int], end: int) -> int:
    """The smallest start of a match of `prog` ending at `end` in `text` (code points, or
    the bytes of the ASCII shadow); -1 if none ends there."""
    classes, position_class, last, pred, first = prog
    starts = dict.fromkeys(i for i, _m in first)
    first_conditions: dict[int, list[int]] = {}
    for i, m in first:
        first_conditions.setdefault(i, []).append(m)
    if end == 0:
        return -1
    at = end - 1
    c = text[at]
    alive = {i for i, m in last if _holds(m, text, end) and _in(classes[position_class[i]], c)}
    best = -1
    while alive:
        if any(
            i in starts and any(_holds(m, text, at) for m in first_conditions[i]) for i in alive
        ):
            best = at
        if at == 0:
            break
        c = text[at - 1]
        alive = {
            h
            for i in alive
            for h, m in pred[i]
            if _in(classes[position_class[h]], c) and _holds(m, text, at)
        }
        at -= 1
    return best
