"""The multi-pattern engine: one Hyperscan pass finds candidate regions for every rule at
once; only those regions see Python's exact patterns and validators."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import hyperscan

from piiguard.scanner.detectors import formats, numbers, words
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.rule import Rule

ALL_RULES: tuple[Rule, ...] = numbers.RULES + formats.RULES + words.RULES
_CONTINUATION = bytes(range(0x80, 0xC0))


def _char_offsets(data: bytes, offsets: set[int]) -> dict[int, int]:
    """Map UTF-8 byte offsets (all on character boundaries) to code-point offsets."""
    result: dict[int, int] = {}
    prev = chars = 0
    for off in sorted(offsets):
        chars += len(data[prev:off].translate(None, _CONTINUATION))
        result[off] = chars
        prev = off
    return result


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Merge overlapping candidate spans of the same rule: (rule, start, end) in bytes."""
    spans.sort()
    merged: list[tuple[int, int, int]] = []
    for rule, start, end in spans:
        if merged and merged[-1][0] == rule and start <= merged[-1][2]:
            if end > merged[-1][2]:
                merged[-1] = (rule, merged[-1][1], end)
        else:
            merged.append((rule, start, end))
    return merged


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Where spans overlap keep the most confident (then the longest) hit."""
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            last = kept[-1]
            if (h.confidence, h.end - h.start) > (last.confidence, last.end - last.start):
                kept[-1] = h
            continue
        kept.append(h)
    return kept


class Detector:
    """Finds personal data in text. Build once (compiling takes a moment), scan many times."""

    def __init__(self, rules: Sequence[Rule] = ALL_RULES) -> None:
        self._rules = tuple(rules)
        expressions: list[bytes] = []
        ids: list[int] = []
        flags: list[int] = []
        base = hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_UTF8
        for index, rule in enumerate(self._rules):
            for prefilter in rule.prefilters:
                expressions.append(prefilter.encode())
                ids.append(index)
                flags.append(base | (hyperscan.HS_FLAG_CASELESS if rule.caseless else 0))
        self._db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self._db.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)

    def scan(self, text: str, hint: str = "") -> list[Hit]:
        """Hits in `text`, in order, offsets in code points.

        `hint` is context that is not part of the text, such as a column header: rules see it
        as a label before the text ("email: ..."), but no hit may fall inside it.
        """
        if hint:
            prefix = hint.replace("_", " ").strip() + ": "
            shift = len(prefix)
            return [
                Hit(h.type, h.start - shift, h.end - shift, h.value, h.confidence, h.validator)
                for h in self._scan(prefix + text)
                if h.start >= shift
            ]
        return self._scan(text)

    def _scan(self, text: str) -> list[Hit]:
        if not text:
            return []
        data = text.encode("utf-8", "replace")
        spans: list[tuple[int, int, int]] = []
        append = spans.append

        def on_match(rule: int, start: int, end: int, flags: int, context: Any) -> None:
            append((rule, start, end))

        self._db.scan(data, match_event_handler=on_match)
        if not spans:
            return []
        merged = _merge(spans)
        if len(data) == len(text):
            regions = merged
        else:
            to_chars = _char_offsets(data, {o for _, s, e in merged for o in (s, e)})
            regions = [(r, to_chars[s], to_chars[e]) for r, s, e in merged]
        size = len(text)
        found: dict[tuple[str, int, int], Hit] = {}
        for index, start, end in regions:
            rule = self._rules[index]
            lo = start - rule.before if start > rule.before else 0
            for m in rule.pattern.finditer(text, lo, min(size, end + rule.after)):
                h = rule.check(m, text)
                if h is not None:
                    found.setdefault((h.type, h.start, h.end), h)
        return _resolve(list(found.values()))
