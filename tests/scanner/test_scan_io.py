"""What the scan does around detection, done with fewer system calls and less per-process
work, finds exactly what it found before: folders listed once with their sizes, small files
read once, small plain mail scanned as text, tasks planned from the listed sizes, worker
processes forked with the value checks' libraries loaded (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from piiguard.scanner import scan
from piiguard.scanner.report import Reporter
from piiguard.scanner.scan import FileScanner, detector
from piiguard.scanner.sources.files import sized, walk
from piiguard.scanner.sources.model import Located, Rendered, Skipped
from piiguard.scanner.sources.tabular import table_of
from piiguard.scanner.sources.text import scan_text_bytes, scan_text_part

pytestmark = pytest.mark.req("R2.7")

ROW = "张伟,13812345678,zhang.wei@example.com,11010519491231002X,1990-03-05\n"
PLAIN_MAIL = (
    "From: Wei Zhang <zhang.wei@example.com>\nTo: li.na@example.cn\nSubject: 订单\n\n"
    "李娜您好，我的手机 13812345678，身份证 11010519491231002X。\n"
)
ENCODED_MAIL = (
    "From: =?UTF-8?B?5byg5LyfIA==?= <zhang.wei@example.com>\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
    "5omL5py6IDEzODEyMzQ1Njc4Cg==\n"
)


def _tree(root: Path) -> None:
    """Nested folders whose names sort one way as strings and another as paths (`a-b` and
    `a/`), hidden files, an empty folder, links to a file and to a folder, a file in a
    folder that cannot be listed."""
    for name, text in {
        "a/x.txt": "手机 13812345678\n",
        "a-b/x.txt": "mail li.na@example.cn\n",
        "a/deep/er/y.csv": "姓名,手机\n" + ROW * 3,
        ".hidden/z.log": "ip 203.0.113.45\n",
        "top.txt": "",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "empty").mkdir()
    (root / "link.txt").symlink_to(root / "a" / "x.txt")
    (root / "linked-folder").symlink_to(root / "a", target_is_directory=True)


def test_a_folder_is_listed_as_rglob_lists_it_with_each_file_size(tmp_path: Path) -> None:
    _tree(tmp_path)
    expected = [c for c in sorted(tmp_path.rglob("*")) if c.is_file() and not c.is_symlink()]
    found = list(sized([tmp_path]))
    assert [path for path, _size in found] == expected
    assert [size for _path, size in found] == [p.stat().st_size for p in expected]
    assert len(expected) == 5
    assert list(walk([tmp_path])) == expected


def test_a_path_given_itself_is_listed_as_it_is_its_size_asked_later(tmp_path: Path) -> None:
    _tree(tmp_path)
    given = [tmp_path / "link.txt", tmp_path / "missing.txt", tmp_path / "a"]
    found = list(sized(given))
    assert found[:2] == [(given[0], None), (given[1], None)]
    assert [p for p, _s in found[2:]] == [tmp_path / "a/deep/er/y.csv", tmp_path / "a/x.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_that_cannot_be_listed_is_passed_over(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "a" / "deep").chmod(0)
    try:
        expected = [c for c in sorted(tmp_path.rglob("*")) if c.is_file() and not c.is_symlink()]
        assert [p for p, _s in sized([tmp_path])] == expected
    finally:
        (tmp_path / "a" / "deep").chmod(0o755)


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("rows.csv", ("姓名,手机,邮箱,身份证,出生日期\n" + ROW * 40).encode("gb18030"), "gb18030"),
        ("bom.txt", b"\xef\xbb\xbf" + ROW.encode() * 20, "utf-8-sig"),
        ("cut.csv", ("name,phone\n" + "Sarah Duan,13812345678\n" * 4000).encode(), "utf-8"),
    ],
)
def test_a_small_file_read_once_is_scanned_as_when_read_twice(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data + "末".encode(encoding)[:1])  # ends inside a character
    told: list[int] = []
    once = scan_text_bytes(path, path.read_bytes(), encoding, detector(), told.append)
    assert once == scan_text_part(path, encoding, 0, None, detector())
    assert told == [path.stat().st_size]
    assert len(once.hits) > 20
    assert table_of(path, encoding, path.read_bytes()) == table_of(path, encoding)


def _mail(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("plain.eml", PLAIN_MAIL), ("encoded.eml", ENCODED_MAIL)):
        path = tmp_path / name
        path.write_bytes(text.encode())
        paths.append(path)
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_small_plain_mail_is_scanned_as_text_encoded_mail_still_decoded(
    tmp_path: Path, workers: int
) -> None:
    """A message with nothing encoded is read once as a small text file (rendered in C where
    the scan writes JSON Lines); one with encoded parts still goes to the mail parser."""
    plain, encoded = _mail(tmp_path)
    assert scan._split(plain)[0] == scan._Whole(plain, plain.stat().st_size, scan.SNIFF)
    reporter = Reporter(b"k" * 32)
    with FileScanner(workers, render=reporter) as scanner:
        rendered = {p: list(o) for p, o in scanner.scan([plain, encoded])}
    with FileScanner(1) as scanner:
        located = {p: list(o) for p, o in scanner.scan([plain, encoded])}
    for path in (plain, encoded):
        hits = [o for o in located[path] if isinstance(o, Located)]
        assert hits
        assert rendered[path] == [Rendered(reporter.lines(hits), len(hits))]
    assert all("mime_part" in o.location for o in located[encoded] if isinstance(o, Located))
    assert all("mime_part" not in o.location for o in located[plain] if isinstance(o, Located))


def test_tasks_planned_from_listed_sizes_are_the_tasks_planned_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker chunking: every file once, in order; small files grouped up to TASK_BYTES; a
    large text file cut into contiguous parts that cover it; the same plan whether the sizes
    come from the folder's listing or are asked file by file."""
    monkeypatch.setattr(scan, "TASK_BYTES", 4_000)
    _tree(tmp_path)
    (tmp_path / "big.log").write_text(ROW * 500, encoding="utf-8")
    for n in range(30):
        (tmp_path / f"small-{n:02d}.txt").write_text(ROW * (n % 7 + 1), encoding="utf-8")
    found = list(sized([tmp_path]))
    files = [p for p, _s in found]
    planned = list(scan._tasks(files, dict(found)))
    assert planned == list(scan._tasks(files, {}))
    units = [u for task in planned for u in task]
    assert list(dict.fromkeys(u.path for u in units)) == files  # each file, in order
    big = [u for u in units if u.path.name == "big.log"]
    assert len(big) > 5 and all(isinstance(u, scan._Piece) for u in big)
    assert [u.start for u in big] == [0, *(u.end for u in big[:-1])]
    assert big[-1].end is None
    for task in planned:
        wholes = [u for u in task if isinstance(u, scan._Whole)]
        if len(wholes) > 1:  # a group of small files stops once it reaches TASK_BYTES
            assert sum(u.size for u in wholes[:-1]) < scan.TASK_BYTES


def test_workers_find_in_many_small_files_what_one_process_finds(tmp_path: Path) -> None:
    _tree(tmp_path)
    _mail(tmp_path)
    for n in range(60):
        (tmp_path / f"f{n:02d}.csv").write_text("姓名,手机\n" + ROW * (n % 5 + 1), "utf-8")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    found = list(sized([tmp_path]))
    files, sizes = [p for p, _s in found], dict(found)
    with FileScanner(2) as scanner:
        two = [(p, list(o)) for p, o in scanner.scan(files, sizes)]
    with FileScanner(1) as scanner:
        one = [(p, list(o)) for p, o in scanner.scan(files)]
    assert two == one
    assert sum(isinstance(o, Located) for _p, outcomes in one for o in outcomes) > 200
    assert any(isinstance(o, Skipped) for _p, outcomes in one for o in outcomes)


def test_forked_workers_start_with_the_value_checks_libraries_loaded() -> None:
    """Loaded once before the pool forks, not once in each worker; the objects loaded so far
    frozen out of the collector's passes. Run in a process of its own: this one has them."""
    probe = (
        "import gc, sys\n"
        "from piiguard.scanner.scan import FileScanner\n"
        "before = {m: m in sys.modules for m in ('stdnum.iban', 'phonenumbers')}\n"
        "with FileScanner(2):\n"
        "    after = {m: m in sys.modules for m in before}\n"
        "    frozen = gc.get_freeze_count()\n"
        "print(before, after, frozen > 10_000)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    before = "{'stdnum.iban': False, 'phonenumbers': False}"
    after = "{'stdnum.iban': True, 'phonenumbers': True}"
    assert done.stdout.split("\n")[0] == f"{before} {after} True"
