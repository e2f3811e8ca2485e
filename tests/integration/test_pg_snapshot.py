"""The PostgreSQL half restores a seeded snapshot per test (tests/pg_snapshot.py) instead of
seeding again: what a test sees must be what seeding on its own clock made, row for row,
except the values that are times, or made from times or fresh randomness (hashes,
signatures, ciphertexts), which differ between any two seedings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db.tables import metadata
from piiguard.adapters.vault.keystore_tables import keystore_metadata
from piiguard.bootstrap import bootstrap
from piiguard.config import Settings
from tests.integration.conftest import START
from tests.passwords import QUICK
from tests.pg_snapshot import SeededPair, empty

pytestmark = pytest.mark.postgres

Dump = dict[str, list[tuple[Any, ...]]]


def _dump(conn: Connection, tables: Any) -> Dump:
    return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.c))] for t in tables}


def _seen(seeded: SeededPair, var: Path, clock: FixedClock, *, restored: bool) -> Dump:
    """Every row of the pair once a container on `clock` has started: on the restored
    snapshot, or (as before it) on emptied databases that the container seeds itself."""
    if restored:
        seeded.restore(var)
    else:
        with seeded.data.begin() as d, seeded.keys.begin() as k:
            empty(d, k)
    s = Settings(var_dir=var, database_url=seeded.data_url, keystore_url=seeded.keys_url)
    bootstrap(s, migrate=False, clock=clock, passwords=QUICK).close()
    with seeded.data.connect() as d, seeded.keys.connect() as k:
        return _dump(d, metadata.sorted_tables) | _dump(k, keystore_metadata.sorted_tables)


def _differing(a: Dump, b: Dump) -> set[tuple[str, int]]:
    """(table, column index) of every value that differs between two dumps of equal shape."""
    assert {t: len(rows) for t, rows in a.items()} == {t: len(rows) for t, rows in b.items()}
    return {
        (t, i)
        for t in a
        for ra, rb in zip(a[t], b[t], strict=True)
        for i, (va, vb) in enumerate(zip(ra, rb, strict=True))
        if va != vb
    }


def test_a_restored_pair_is_what_seeding_on_the_tests_clock_made(
    pg_seeded: SeededPair, tmp_path: Path
) -> None:
    clock, later = FixedClock(START), FixedClock(START + timedelta(days=400))
    before = _seen(pg_seeded, tmp_path / "a", clock, restored=False)
    assert sum(map(len, before.values())) > 20  # the reference data, not an empty pair
    # what differs between two seedings on different clocks: times, hashes, ciphertexts
    volatile = _differing(before, _seen(pg_seeded, tmp_path / "b", later, restored=False))
    after = _seen(pg_seeded, tmp_path / "c", clock, restored=True)
    assert _differing(before, after) <= volatile  # every other value the same, row for row
    # the container found its reference data there and added nothing: the snapshot, exactly
    captured = {t.name: rows for t, rows in pg_seeded.data_rows + pg_seeded.keys_rows}
    for name, rows in after.items():
        restored = [tuple(r.values()) for r in captured.get(name, [])]
        assert sorted(rows, key=repr) == sorted(restored, key=repr), name
