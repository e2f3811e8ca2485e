"""A clock for tests that run on real time but must not wait for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SteppingClock:
    """The system's clock, which a test moves forward instead of sleeping: everything the
    container times (TOTP steps, sessions, deadlines) sees the time the sleep would have
    reached, at once (the TOTP helper of tests/e2e/conftest.py does this)."""

    def __init__(self) -> None:
        self.ahead = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.ahead

    def advance(self, delta: timedelta) -> None:
        self.ahead += delta
