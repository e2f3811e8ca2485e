"""UtcDateTime on both backends (R2.11: every retain-until the sweep compares is an aware UTC
time): aware times in any zone are stored and come back as the same instant in UTC; a naive
time is refused before it reaches the database; on PostgreSQL a session in another time
zone still reads UTC (the direct result processor converts what is not already UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, select, text
from sqlalchemy.exc import StatementError

from piiguard.adapters.db.types import UtcDateTime
from piiguard.bootstrap import Container

_META = MetaData()
_T = Table("utc_probe", _META, Column("id", Integer, primary_key=True), Column("at", UtcDateTime))
SHANGHAI = timezone(timedelta(hours=8))


@pytest.mark.req("R2.11")
def test_aware_times_come_back_utc_and_naive_ones_are_refused(c: Container) -> None:
    at = datetime(2026, 3, 2, 17, 30, 0, 123456, tzinfo=SHANGHAI)
    with c.engine.begin() as conn:
        _T.create(conn)
        try:
            conn.execute(insert(_T), [{"id": 1, "at": at}, {"id": 2, "at": None}])
            rows = dict(conn.execute(select(_T.c.id, _T.c.at)).all())
            with pytest.raises(StatementError, match="naive datetime"):
                conn.execute(insert(_T).values(id=3, at=datetime(2026, 3, 2, 9, 30)))  # noqa: DTZ001
            if c.engine.dialect.name == "postgresql":  # a session in another zone
                conn.execute(text("SET LOCAL TIME ZONE 'Asia/Shanghai'"))
                local = conn.execute(select(_T.c.at).where(_T.c.id == 1)).scalar_one()
                assert local.tzinfo is UTC
                assert local == at
        finally:
            _T.drop(conn)
    assert rows[1] == at
    assert rows[1].tzinfo is UTC
    assert rows[1].hour == 9
    assert rows[2] is None
