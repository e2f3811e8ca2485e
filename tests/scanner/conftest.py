"""Fixtures of the scanner tests: one compiled detector per worker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from piiguard.scanner.detectors import Detector, Hit, engine
from tests.hyperscan_cache import ENGINE_COMPILE


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector()


@pytest.fixture
def hyperscan_compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The engine's compiling as it ships, no database shared between tests
    (tests/hyperscan_cache.py): for the tests of the compiling and its cache."""
    monkeypatch.setattr(engine, "_compile", ENGINE_COMPILE)
    yield


def kinds(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.type, h.value) for h in hits]
