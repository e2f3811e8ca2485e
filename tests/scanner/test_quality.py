"""Detection quality on the labelled corpus: the issue's F1 targets, look-alikes left alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.corpus import Span
from piiguard.scanner.corpus_text import generate
from piiguard.scanner.detectors import Detector
from piiguard.scanner.evaluation import lookalikes_flagged, score

pytestmark = pytest.mark.req("R6.3")

CHECKED_TYPES = ("email", "phone", "resident_id", "card", "iban", "ip_address")


@pytest.fixture(scope="module")
def scored(detector: Detector) -> tuple[list[Span], list[Span]]:
    gold: list[Span] = []
    found: list[Span] = []
    offset = 0
    for text, spans in generate(size=150_000, seed=7).values():
        gold += [Span(s.type, s.start + offset, s.end + offset) for s in spans]
        found += [Span(h.type, h.start + offset, h.end + offset) for h in detector.scan(text)]
        offset += len(text) + 1
    return gold, found


def test_overall_f1_meets_the_target(scored: tuple[list[Span], list[Span]]) -> None:
    gold, found = scored
    assert score(gold, found, exact=False)["overall"].f1 >= 0.90
    assert score(gold, found, exact=True)["overall"].f1 >= 0.90


@pytest.mark.parametrize("kind", CHECKED_TYPES)
def test_checksum_and_format_types_meet_their_target(
    scored: tuple[list[Span], list[Span]], kind: str
) -> None:
    gold, found = scored
    assert score(gold, found, exact=True)[kind].f1 >= 0.97


def test_look_alikes_are_almost_never_flagged(scored: tuple[list[Span], list[Span]]) -> None:
    flagged, total = lookalikes_flagged(*scored)
    assert total > 100
    assert flagged <= total // 100


def test_scoring_counts_misses_and_false_alarms() -> None:
    gold = [Span("email", 0, 10), Span("phone", 20, 31), Span("lookalike", 40, 50)]
    found = [Span("email", 0, 10), Span("phone", 22, 31), Span("ip_address", 41, 45)]
    exact = score(gold, found, exact=True)
    overlap = score(gold, found, exact=False)
    assert (exact["phone"].tp, exact["phone"].fp, exact["phone"].fn) == (0, 1, 1)
    assert (overlap["phone"].tp, overlap["phone"].fn) == (1, 0)
    assert overlap["ip_address"].fp == 1
    assert lookalikes_flagged(gold, found) == (1, 1)
