"""Fixtures of the scanner tests: one compiled detector per worker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from piiguard.scanner import cli, scan
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


@pytest.fixture
def workers_asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts the command starts its file scanner with, on a machine of two
    cores; every scan runs in this process all the same."""
    asked: list[int] = []
    real_init = scan.FileScanner.__init__

    def spy(self: scan.FileScanner, workers: int = 1, *args: Any, **kwargs: Any) -> None:
        asked.append(workers)
        real_init(self, 1, *args, **kwargs)

    monkeypatch.setattr(scan.FileScanner, "__init__", spy)
    monkeypatch.setattr(cli, "cores", lambda: 2)
    return asked


def kinds(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.type, h.value) for h in hits]
