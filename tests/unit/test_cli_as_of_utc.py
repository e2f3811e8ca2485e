"""`piiguard retention preview --as-of DATE` takes the end of that day in UTC, as the API and
the console do, whatever the machine's time zone (R2.11; docs/retention.md "Preview"); the
help says so. In process, with TZ set to Asia/Shanghai (UTC+8)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from piiguard.cli.main import app
from piiguard.cli.policy.retention_disposal import _as_of


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    assert time.localtime(0).tm_gmtoff == 8 * 3600
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.req("R2.11")
@pytest.mark.usefixtures("shanghai")
def test_a_date_is_the_end_of_that_day_in_utc_not_local_time() -> None:
    assert _as_of("2030-01-01") == datetime(2030, 1, 1, 23, 59, 59, 999999, UTC)
    assert _as_of("2030-01-01T10:00") == datetime(2030, 1, 1, 10, 0, tzinfo=UTC)
    assert _as_of("2030-01-01T10:00+08:00") == datetime(2030, 1, 1, 2, 0, tzinfo=UTC)
    result = CliRunner().invoke(app, ["retention", "preview", "--as-of", "1969-12-31"])
    assert result.exit_code == 2 and "--as-of" in result.output
    shown = CliRunner().invoke(app, ["retention", "preview", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "in UTC" in shown.output
