"""Progress counts bytes as they are read, not files as they finish: one 300 MB log must not
sit at 0 % for the whole scan (issue 11, point 2). Observed through the progress callback,
in one process and across worker processes, and in the command's progress bar."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from rich.console import Console

from piiguard.scanner import scan
from piiguard.scanner.cli import _file_located
from piiguard.scanner.scan import FileScanner
from piiguard.scanner.sources.model import Skipped
from piiguard.scanner.sources.text import CHUNK_BYTES

pytestmark = pytest.mark.req("R2.7")

LINES = [
    "客户张伟先生的手机 13812345678，邮箱 zhang.wei@example.com",
    "2024-06-18 12:00:01 INFO order 4711 shipped, 设备运行正常。",
    "card 4111 1111 1111 1111 from 203.0.113.45",
    "2024-06-18 12:00:02 DEBUG cache warm, no personal data here",
]


def _log(path: Path, size: int, encoding: str = "utf-8") -> Path:
    r = random.Random(size)
    lines: list[str] = []
    length = 0
    while length < size:
        lines.append(r.choice(LINES))
        length += len(lines[-1].encode(encoding)) + 1
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_a_big_file_advances_while_it_is_scanned(tmp_path: Path) -> None:
    """One process: each chunk read is told at once, between the findings of the file."""
    big = _log(tmp_path / "big.log", 3 * CHUNK_BYTES + 12_345)
    size = big.stat().st_size
    found = 0
    calls: list[tuple[int, int]] = []  # (bytes told, findings seen by then)

    def told(count: int) -> None:
        calls.append((count, found))

    with FileScanner(1, told) as scanner:
        for _path, outcomes in scanner.scan([big]):
            for _outcome in outcomes:
                found += 1
    assert sum(count for count, _ in calls) == size
    assert len(calls) >= 4  # one per chunk read
    assert all(count < size for count, _ in calls)
    seen_by_then = [seen for _, seen in calls]
    assert 0 < seen_by_then[len(calls) // 2] < found, "progress came only before or after"


def test_workers_report_progress_within_files_and_the_bytes_add_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes: a split file advances part by part, a file scanned whole by one
    worker chunk by chunk; every file, binary or small, adds exactly its size."""
    monkeypatch.setattr(scan, "REPORT_BYTES", 64 * 1024)
    files = [
        _log(tmp_path / "big.log", 2 * CHUNK_BYTES),  # split into 256 KiB parts
        _log(tmp_path / "utf16.txt", 2 * CHUNK_BYTES + 100, "utf-16"),  # not split: chunks
        _log(tmp_path / "small.txt", 2_000),
        tmp_path / "blob.bin",
    ]
    files[-1].write_bytes(bytes(range(256)) * 40)
    total = sum(f.stat().st_size for f in files)
    calls: list[int] = []
    with FileScanner(2, calls.append) as scanner:
        outcomes = [o for _path, found in scanner.scan(files) for o in found]
    assert sum(calls) == total  # all in once scan() is done
    assert len(calls) >= 8 + 2
    assert max(calls) <= CHUNK_BYTES + 64 * 1024
    assert [o.source for o in outcomes if isinstance(o, Skipped)] == [str(files[-1])]


def test_the_bar_shows_bytes_files_rate_and_time_left(tmp_path: Path) -> None:
    _log(tmp_path / "a.log", CHUNK_BYTES + 5_000)
    _log(tmp_path / "b.log", 7_000)
    shown = io.StringIO()
    err = Console(file=shown, force_terminal=True, width=200, color_system=None)
    findings = list(_file_located([tmp_path], 1, [], err))
    assert findings
    last = shown.getvalue().rsplit("scanning", 1)[-1]
    assert "100%" in last
    assert "1.1/1.1 MB" in last  # bytes done of the total, as a download shows them
    assert "2/2 files" in last
    assert "/s" in last  # the rate


def test_workers_hand_on_a_large_files_findings_part_by_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays flat with workers too: a file's findings are handed on as its parts come
    in (at most IN_FLIGHT tasks per process ahead), never gathered whole first — when the
    first finding of a 4 MB log arrives, only a few of its 64 KiB parts have been read."""
    monkeypatch.setattr(scan, "TASK_BYTES", 64 * 1024)
    monkeypatch.setattr(scan, "REPORT_BYTES", 1)
    big = _log(tmp_path / "big.log", 4 * CHUNK_BYTES)
    told: list[int] = []
    with FileScanner(2, told.append) as scanner:
        for _path, outcomes in scanner.scan([big]):
            next(iter(outcomes))
            read_by_then = sum(told)
            rest = sum(1 for _ in outcomes)
    assert rest > 10_000
    ahead = (scan.IN_FLIGHT * 2 + 1) * (64 * 1024 + 200)  # sent, each a part and its line
    assert read_by_then <= ahead < big.stat().st_size / 4
