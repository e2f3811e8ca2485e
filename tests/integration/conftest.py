"""Integration fixtures: a container on both backends whose clock the test sets (deadlines,
reminders, code expiry, claims)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from tests.passwords import QUICK

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def c(settings: Settings, clock: FixedClock) -> Iterator[Container]:
    container = bootstrap(settings, migrate=False, clock=clock, passwords=QUICK)
    yield container
    container.close()
