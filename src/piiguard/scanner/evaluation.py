"""Scoring detections against labelled spans: precision, recall and F1 per type, with exact
and with overlapping spans, and how many look-alikes were flagged."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from piiguard.scanner.corpus import LOOKALIKE, Span

# Both card types are one type when tools are compared: the others do not tell them apart.
SCORED_AS = {"credit_card": "card", "bank_card": "card"}


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _scored(span: Span) -> Span:
    return Span(SCORED_AS.get(span.type, span.type), span.start, span.end)


def _matches(gold: Span, found: Span, exact: bool) -> bool:
    if gold.type != found.type:
        return False
    if exact:
        return gold.start == found.start and gold.end == found.end
    return gold.start < found.end and found.start < gold.end


def _find(
    golds: list[Span], starts: list[int], p: Span, used: set[Span], exact: bool
) -> Span | None:
    # Gold spans barely overlap one another, so a few steps back from p.end suffice.
    j = bisect_left(starts, p.end) - 1
    for g in golds[max(0, j - 4) : j + 1][::-1]:
        if g not in used and _matches(g, p, exact):
            return g
    return None


def score(gold: Iterable[Span], found: Iterable[Span], exact: bool) -> dict[str, Score]:
    """Per type and "overall"; each gold span is matched by at most one found span (by
    overlap, the other found spans inside it count neither way)."""
    truth = sorted(_scored(s) for s in gold if s.type != LOOKALIKE)
    by_type: dict[str, list[Span]] = defaultdict(list)
    for s in truth:
        by_type[s.type].append(s)
    starts = {kind: [s.start for s in spans] for kind, spans in by_type.items()}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    used: set[Span] = set()
    for p in sorted(_scored(s) for s in found):
        golds = by_type.get(p.type, [])
        match = _find(golds, starts.get(p.type, []), p, used, exact)
        if match is None and not exact and _find(golds, starts.get(p.type, []), p, set(), exact):
            # A second piece of a value already found (one pair `lat=…&lng=…` labelled as
            # one value, found axis by axis): neither found again nor a false alarm.
            continue
        if match is None:
            counts[p.type][1] += 1
        else:
            used.add(match)
            counts[p.type][0] += 1
    for g in truth:
        if g not in used:
            counts[g.type][2] += 1
    result = {kind: Score(*c) for kind, c in sorted(counts.items())}
    result["overall"] = Score(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def lookalikes_flagged(gold: Iterable[Span], found: Iterable[Span]) -> tuple[int, int]:
    """(look-alikes overlapped by any detection, look-alikes in all)."""
    fakes = [s for s in gold if s.type == LOOKALIKE]
    spans = sorted(found, key=lambda s: (s.start, s.end))
    starts = [s.start for s in spans]
    flagged = 0
    for f in fakes:
        j = bisect_left(starts, f.end) - 1
        if any(s.end > f.start for s in spans[max(0, j - 8) : j + 1]):
            flagged += 1
    return flagged, len(fakes)
