"""Several processes find what one finds, with the same offsets and lines: large files are
split in parts, small ones sent together."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

from piiguard.scanner import scan
from piiguard.scanner.report import Reporter
from piiguard.scanner.scan import FileScanner
from piiguard.scanner.sources.model import Located, Rendered, Skipped

pytestmark = pytest.mark.req("R2.7")

LINES = [
    "客户张伟先生的手机 13812345678，邮箱 zhang.wei@example.com",
    "身份证号：11010519491231002X 地址：广东省佛山市顺德区大良街道新城路8号3栋502室",
    "card 4111 1111 1111 1111 from 203.0.113.45, IBAN DE89 3704 0044 0532 0130 00",
    "Dear Mr. John Smith, call (415) 555-2671 or +44 20 7946 0958.",
    "日志行 no personal data here, 设备运行正常。",
    "password=Sup3r-S3cret! 车牌粤A·12345 出生日期：1990-03-05",
]


def _text(lines: int, seed: int, newline: str = "\n") -> str:
    r = random.Random(seed)
    return newline.join(r.choice(LINES) for _ in range(lines)) + newline


def _outcomes(paths: list[Path], workers: int) -> list[tuple[str, object]]:
    with FileScanner(workers) as scanner:
        return [(str(path), o) for path, outcomes in scanner.scan(paths) for o in outcomes]


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    made = {
        "big.log": _text(3000, 1).encode("utf-8"),
        "big-gb.txt": _text(2000, 2).encode("gb18030"),
        "big-bom.txt": b"\xef\xbb\xbf" + _text(2000, 3).encode("utf-8"),
        "big-utf16.txt": _text(1500, 4).encode("utf-16"),
        "one-line.json": _text(2500, 5, newline=" ").encode("utf-8"),  # no line feed at all
        "small-1.txt": _text(3, 6).encode("utf-8"),
        "small-2.csv": _text(5, 7).encode("gb18030"),
        "blob.bin": bytes(range(256)) * 40,
    }
    paths = []
    for name, data in made.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_two_workers_find_exactly_what_one_finds(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "TASK_BYTES", 20_000)  # so that every large file is split
    assert len(scan._split(files[0])) > 5
    assert len(scan._split(files[4])) > 5  # UTF-8 without line feeds: cut between characters
    one = _outcomes(files, 1)
    two = _outcomes(files, 2)
    assert len(one) > 1000
    assert two == one


def test_offsets_of_split_files_are_whole_file_offsets(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "TASK_BYTES", 20_000)
    text = files[1].read_bytes().decode("gb18030")
    with FileScanner(2) as scanner:
        (_path, outcomes), *_ = scanner.scan(files[1:2])
    located = [o for o in outcomes if isinstance(o, Located)]
    assert len(located) > 500
    for o in located:
        assert text[o.location["start"] : o.location["end"]] == o.hit.value
        assert o.location["line"] == text.count("\n", 0, o.location["start"]) + 1


def test_binary_file_is_skipped_by_workers_too(files: list[Path]) -> None:
    with FileScanner(2) as scanner:
        (_path, outcomes), *_ = scanner.scan(files[-1:])
    assert len(outcomes) == 1
    assert isinstance(outcomes[0], Skipped)


@pytest.mark.parametrize("workers", [2, 1])
def test_workers_render_whole_files_as_one_process_would(files: list[Path], workers: int) -> None:
    """With a reporter (`--format jsonl`), each whole file's findings come back as its JSON
    Lines, rendered in the worker: the bytes the main process would write from the located
    hits, and the skipped files still as Skipped (issue 18: output on every core). One
    process with a reporter scans and renders the same way (no Located built per hit)."""
    reporter = Reporter(b"k" * 32)
    with FileScanner(workers, render=reporter) as scanner:
        rendered = {str(p): list(o) for p, o in scanner.scan(files)}
    with FileScanner(1) as scanner:
        located = {str(p): list(o) for p, o in scanner.scan(files)}
    assert rendered.keys() == located.keys()
    small = str(files[5])
    assert [type(o) for o in rendered[small]] == [Rendered]
    for source, outcomes in located.items():
        hits = [o for o in outcomes if isinstance(o, Located)]
        got = rendered[source]
        if source.endswith(".bin"):
            assert got == outcomes and isinstance(got[0], Skipped)
            continue
        assert len(got) == 1 and isinstance(got[0], Rendered)
        assert got[0] == Rendered(reporter.lines(hits), len(hits))


def test_a_reporter_travels_to_a_spawned_worker_as_its_key_and_options() -> None:
    reporter = Reporter(b"k" * 32, show_values=True)
    copy = pickle.loads(pickle.dumps(reporter))  # noqa: S301 - our own object, round trip
    assert copy.hash("phone", "138 1234 5678") == reporter.hash("phone", "13812345678")
    assert copy.native == reporter.native


@pytest.mark.parametrize("workers", [2, 1])
def test_split_files_come_back_as_the_lines_one_process_writes(
    files: list[Path], monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Parts of split files are rendered in the main process straight from the parts' hits
    (offsets and lines shifted in C, no Located built): the same bytes, file by file."""
    monkeypatch.setattr(scan, "TASK_BYTES", 20_000)
    reporter = Reporter(b"k" * 32)

    def written(outcomes: list[object]) -> bytes:
        out = b""
        for o in outcomes:
            if isinstance(o, Rendered):
                out += o.lines
            elif isinstance(o, Located):
                out += reporter.lines([o])
        return out

    with FileScanner(workers, render=reporter) as scanner:
        two = {str(p): list(o) for p, o in scanner.scan(files)}
    with FileScanner(1) as scanner:
        one = {str(p): list(o) for p, o in scanner.scan(files)}
    assert sum(isinstance(o, Rendered) for o in two[str(files[0])]) > 5  # one per part
    if workers == 1:  # a large file that cannot be split (UTF-16) streams, memory flat
        assert all(isinstance(o, Located) for o in two[str(files[3])])
    for source, outcomes in one.items():
        assert written(two[source]) == written(outcomes), source
    assert len(written(one[str(files[0])])) > 10_000


def test_a_part_the_compiled_writer_cannot_write_goes_the_python_way(tmp_path: Path) -> None:
    reporter = Reporter(b"k" * 32)
    if not reporter.native:
        pytest.skip("built without a C compiler: parts always go the Python way")
    ok = ("phone", 3, 14, "13812345678", 0.9, "format", 0)
    odd = ("email", 0, 9, "İ@exa.com", 0.9, "format", 2)  # Python must map its case
    part = scan.Part([ok, odd], chars=40, lines=3)
    path = tmp_path / "a.txt"
    assert reporter.part_lines(str(path), [ok], 100, 7) == reporter.lines(
        scan._located(path, scan.Part([ok], 0, 0), 100, 7)
    )
    assert reporter.part_lines(str(path), part.hits, 100, 7) is None
    (rendered,) = scan._part_outcomes(path, scan.Part([ok], 0, 0), 100, 7, reporter)
    assert isinstance(rendered, Rendered) and rendered.findings == 1
    fallback = scan._part_outcomes(path, part, 100, 7, reporter)
    assert [o.location for o in fallback if isinstance(o, Located)] == [
        {"line": 8, "start": 103, "end": 114},
        {"line": 10, "start": 100, "end": 109},
    ]
