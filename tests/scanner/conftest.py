"""Fixtures of the scanner tests: one compiled detector per worker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from piiguard.scanner import cli, scan
from piiguard.scanner.detectors import Detector, Hit, engine
from piiguard.scanner.detectors.automaton import database
from tests.hyperscan_cache import ENGINE_COMPILE


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector()


@pytest.fixture
def hyperscan_compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The engine's compiling as it ships, no database shared between tests through the
    cache folders (tests/hyperscan_cache.py): for the tests of the compiling and its cache.
    Hyperscan's own compile of a list of expressions the run compiled before gives the same
    database from the run's first compile; the list yielded gets the number of expressions
    of each database the engine compiled (not loaded from its cache folder)."""
    monkeypatch.setattr(engine, "_compile", ENGINE_COMPILE)
    built: list[int] = []
    build = database.build

    def counted(expressions: list[bytes], flags: list[int]) -> Any:
        built.append(len(expressions))
        return build(expressions, flags)

    monkeypatch.setattr(database, "build", counted)
    yield built


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
