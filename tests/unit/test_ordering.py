"""The suite's start order (tests/ordering.py): every xdist worker's chunk begins with its
share of the long tests, longest first, and the rest keep the order they were written in."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from tests.ordering import arrange, chunk_sizes, known_durations


@dataclass
class Fixture:
    scope: str


@dataclass
class FixtureInfo:
    name2fixturedefs: dict[str, list[Fixture]]


@dataclass
class Item:
    """What the ordering reads of a collected test: its id, marks and fixtures' scopes."""

    nodeid: str
    marks: frozenset[str] = field(default_factory=frozenset)
    scopes: tuple[str, ...] = ()

    @property
    def _fixtureinfo(self) -> FixtureInfo:
        return FixtureInfo({f"f{n}": [Fixture(s)] for n, s in enumerate(self.scopes)})

    def get_closest_marker(self, name: str) -> Any:
        return name if name in self.marks else None


def order(items: list[Item], workers: int, known: dict[str, float]) -> list[str]:
    arranged = arrange(cast(list[pytest.Item], items), workers, known)
    return [i.nodeid for i in arranged]


def test_chunks_are_dealt_as_xdist_worksteal_deals_them() -> None:
    assert chunk_sizes(11, 2) == [5, 6]
    assert chunk_sizes(10, 3) == [3, 3, 4]
    assert chunk_sizes(7, 1) == [7]
    assert sum(chunk_sizes(5150, 4)) == 5150


def test_each_worker_starts_with_its_share_of_the_long_tests() -> None:
    items = [Item(f"t{n}") for n in range(12)]
    known = {"t3": 60.0, "t7": 40.0, "t9": 30.0, "t11": 15.0}
    got = order(items, 2, known)
    first, second = got[:6], got[6:]
    assert first[:2] == ["t3", "t11"] and second[:2] == ["t7", "t9"]  # 75 s and 70 s
    rest = [t for t in got if t not in known]
    assert rest == [f"t{n}" for n in range(12) if f"t{n}" not in known]  # as written
    assert sorted(got) == sorted(i.nodeid for i in items)  # nothing lost, nothing twice


def test_one_process_runs_the_longest_first_and_marks_stand_in_for_a_record() -> None:
    items = [
        Item("a"),
        Item("b", frozenset({"slow"})),
        Item("c"),
        Item("d", frozenset({"long"})),
        Item("e"),
    ]
    assert order(items, 1, {"c": 7.0}) == ["d", "c", "b", "a", "e"]  # long 30, 7, slow 5
    assert order(items, 1, {"d": 2.0}) == ["b", "d", "a", "c", "e"]  # the record wins


def test_more_long_tests_than_a_chunk_holds_fill_the_next(tmp_path: Path) -> None:
    items = [Item(f"t{n}") for n in range(5)]
    known = {"t0": 100.0, "t1": 4.0, "t2": 3.0, "t3": 2.0, "t4": 1.0}
    got = order(items, 2, known)  # the second chunk full with three, t4 goes to the first
    assert got == ["t0", "t4", "t1", "t2", "t3"]
    path = tmp_path / "durations.json"
    path.write_text(json.dumps(known), "utf-8")
    assert known_durations(path) == known
    assert known_durations(tmp_path / "missing.json") == {}


def test_a_test_sharing_its_modules_fixture_stays_with_its_module() -> None:
    items = [
        Item("m::a", scopes=("module", "function")),
        Item("m::b", scopes=("module",)),
        Item("x", scopes=("session", "function")),
        Item("y"),
    ]
    known = {"m::a": 30.0, "x": 2.0}
    assert order(items, 1, known) == ["x", "m::a", "m::b", "y"]
