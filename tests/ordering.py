"""The order the suite's tests start in, so that the xdist workers finish together
(docs/benchmarks.md, "Test suite time").

`--dist worksteal` deals the collected tests out in contiguous chunks, one per worker (the
first worker the first half, with two), and a worker that runs out takes the back half of
another's queue. Sorting the long tests to the front put all of them in the first worker's
chunk; a long test left near the end of a queue ran alone at the end. Here the tests with a
recorded duration (tests/durations.json, written by `--record-durations`) or marked `long`
or `slow`, and not sharing a module's fixture, are spread over the chunks, longest first,
each to the chunk with the least expected time so far, and each chunk starts with its own:
every worker begins with long tests and the tail of every queue is short ones (which
stealing moves about). The rest keep the order they were written in (a module's tests
together, for its fixtures).

`pytest --record-durations tests/durations.json` (any run, with or without xdist) writes the
wall time (setup, call and teardown) of every test that took a second or more, and of every
test marked `long` or `slow` (a skipped one, too: its mark's guess is then not used)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

DURATIONS = Path(__file__).with_name("durations.json")
# a test not in the file yet (new, or renamed) but marked: a guess of its seconds
MARKED = {"long": 30.0, "slow": 5.0}
RECORDED_FROM = 1.0  # seconds: shorter tests are not written to the file


def known_durations(path: Path = DURATIONS) -> dict[str, float]:
    """Test id -> seconds, from the recorded file (none if there is no file)."""
    if not path.exists():
        return {}
    found: dict[str, float] = json.loads(path.read_text("utf-8"))
    return found


def expected(item: pytest.Item, known: dict[str, float]) -> float:
    """The test's expected seconds: recorded, else guessed from its mark, else 0 (short).
    A recorded 0.0 (a marked test that skipped) is short."""
    if item.nodeid in known:
        return known[item.nodeid]
    return max((s for mark, s in MARKED.items() if item.get_closest_marker(mark)), default=0.0)


def shares_a_fixture(item: pytest.Item) -> bool:
    """Whether the test uses a fixture kept for its module or class (test_fuzz.py's app, a
    corpus written once): it stays among its module's tests, or the fixture would be made
    again (its first test's recorded time is mostly that fixture)."""
    info = getattr(item, "_fixtureinfo", None)
    defs = info.name2fixturedefs.values() if info is not None else ()
    return any(d[-1].scope in ("package", "module", "class") for d in defs if d)


def chunk_sizes(count: int, workers: int) -> list[int]:
    """How many of `count` tests each worker gets first, as xdist's worksteal deals them."""
    sizes = []
    for i in range(workers):
        sizes.append(count // (workers - i))
        count -= sizes[-1]
    return sizes


def arrange(items: list[pytest.Item], workers: int, known: dict[str, float]) -> list[pytest.Item]:
    """`items` in the order to run them on `workers` processes (see the module's text)."""
    secs = {item.nodeid: 0.0 if shares_a_fixture(item) else expected(item, known) for item in items}
    timed = sorted((i for i in items if secs[i.nodeid] > 0), key=lambda i: -secs[i.nodeid])
    rest = iter(i for i in items if secs[i.nodeid] <= 0)
    sizes = chunk_sizes(len(items), max(1, workers))
    chunks: list[list[pytest.Item]] = [[] for _ in sizes]
    load = [0.0] * len(sizes)
    for item in timed:
        k = min((k for k in range(len(sizes)) if len(chunks[k]) < sizes[k]), key=load.__getitem__)
        chunks[k].append(item)
        load[k] += secs[item.nodeid]
    for chunk, size in zip(chunks, sizes, strict=True):
        chunk.extend(next(rest) for _ in range(size - len(chunk)))
    return [item for chunk in chunks for item in chunk]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--record-durations",
        metavar="PATH",
        default=None,
        help="write each test's wall time (setup + call + teardown) of a second or more, as "
        "JSON, to PATH (tests/durations.json orders the suite: tests/ordering.py)",
    )


@pytest.hookimpl(trylast=True)  # after pytest's own grouping of parametrized fixtures
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    items[:] = arrange(items, workers, known_durations())


_TOOK: dict[str, float] = {}
_MARKED: set[str] = set()  # recorded whatever they took: their mark's guess is not needed


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _TOOK[report.nodeid] = _TOOK.get(report.nodeid, 0.0) + report.duration
    if any(mark in report.keywords for mark in MARKED):
        _MARKED.add(report.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("--record-durations")
    if not path or hasattr(session.config, "workerinput"):  # the controller writes it
        return
    took = {k: round(v, 1) for k, v in sorted(_TOOK.items(), key=lambda kv: -kv[1])}
    kept = {k: v for k, v in took.items() if v >= RECORDED_FROM or k in _MARKED}
    Path(path).write_text(json.dumps(kept, indent=0, ensure_ascii=False) + "\n", "utf-8")
