"""Fixtures of the scanner tests: one compiled detector per worker."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector, Hit


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector()


def kinds(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.type, h.value) for h in hits]
