"""`piiguard scan --format jsonl` end to end on a mixed folder, as a user runs it (a real
process): generated business files, the hand-written set, a spreadsheet, an encoded mail, a
large log split between processes, a binary file. The compiled JSON Lines writer gives the
bytes the Python one gives, with one process or two, to a file or to standard output."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console

from piiguard.scanner import cli
from piiguard.scanner.corpus2 import write_corpus
from piiguard.scanner.detectors import Detector
from piiguard.scanner.scorecard import piiguard_command
from tests.scanner.test_sources import encoded_mail

pytestmark = [pytest.mark.req("R2.7"), pytest.mark.slow]

HANDSET = Path(__file__).parent / "handset" / "files"
KEY = "ab" * 32


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    write_corpus(root / "generated", size=120_000, seed=8)
    shutil.copytree(HANDSET, root / "files" / "hand")
    shutil.move(root / "generated" / "files", root / "files" / "generated")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "手机", "邮箱"])
    sheet.append(["闭宁", 13812345678, "bining94@126.com"])
    book.save(root / "files" / "客户.xlsx")
    (root / "files" / "encoded.eml").write_bytes(encoded_mail()[0])
    (root / "files" / "blob.bin").write_bytes(bytes(range(256)) * 64)
    line = "2024-03-18 INFO user=张伟 mobile=13812345678 ip=203.0.113.45 ok\n"
    (root / "files" / "big.log").write_text(line * 12_000, encoding="utf-8")  # ~0.9 MB
    return root / "files"


def _scan(folder: Path, *options: str, pure: bool = False, to_file: Path | None = None) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "PIIGUARD_SCANNER_PURE"}
    env["PIIGUARD_SCAN_HASH_KEY"] = KEY
    if pure:
        env["PIIGUARD_SCANNER_PURE"] = "1"
    target = ["-o", str(to_file)] if to_file else []
    done = subprocess.run(
        [*piiguard_command(), "scan", "--format", "jsonl", *target, *options, str(folder)],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode()
    if (folder / "blob.bin").exists():
        assert b"skipped" in done.stderr and b"blob.bin" in done.stderr
    return to_file.read_bytes() if to_file else done.stdout


def test_a_mixed_folder_gives_the_same_lines_every_way(folder: Path, tmp_path: Path) -> None:
    compiled = _scan(folder, to_file=tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in compiled.decode().splitlines()]
    sources = {Path(f["source"]).name for f in lines}
    assert {"客户.xlsx", "encoded.eml", "big.log", "orders_dump.json"} <= sources
    assert any("sheet" in f["location"] for f in lines)
    assert any("mime_part" in f["location"] for f in lines)
    assert all(f["hash"].startswith("hmac-sha256:") and "value" not in f for f in lines)
    assert "13812345678" not in compiled.decode()  # masked, never in the clear
    assert _scan(folder, pure=True) == compiled  # Python's writer, to standard output
    assert _scan(folder, "--workers", "2") == compiled  # the large log split in parts


def test_show_values_writes_each_value_beside_its_preview(folder: Path) -> None:
    shown = [json.loads(line) for line in _scan(folder / "hand", "--show-values").splitlines()]
    assert shown and all(f["value"] and f["preview"] != f["value"] for f in shown)


def test_a_second_scan_loads_the_compiled_expressions_from_the_cache(tmp_path: Path) -> None:
    """The Hyperscan databases are cached under the hash of their expressions: the same in
    every process, whatever its hash seed (a set's order must not leak into a pattern), so
    a scan after the first compiles nothing (half a second or more of every start)."""
    (tmp_path / "a.txt").write_text("手机 13812345678\n", encoding="utf-8")
    # the Hyperscan databases as this test process names them (its hash seed is random):
    # copied from the run's compile (tests/hyperscan_cache.py), not compiled again here
    folder = tmp_path / "var" / "cache"
    Detector(cache=folder)
    ours = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert len(ours) == 2

    def cached(seed: str) -> dict[str, int]:
        env = dict(os.environ, PIIGUARD_VAR_DIR=str(tmp_path / "var"), PYTHONHASHSEED=seed)
        env.pop("PIIGUARD_SCANNER_PURE", None)
        argv = [*piiguard_command(), "scan", "--format", "jsonl", str(tmp_path / "a.txt")]
        assert subprocess.run(argv, env=env, capture_output=True, check=False).returncode == 1
        return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    first = cached("1")
    assert first.items() > ours.items()  # loaded as they were; the expressions' cache added
    assert cached("2") == first


def test_workers_default_to_one_per_core_for_more_than_a_megabyte(
    tmp_path: Path, workers_asked: list[int]
) -> None:
    quiet = Console(file=io.StringIO())
    (tmp_path / "small.txt").write_text("手机 13812345678\n", encoding="utf-8")
    assert list(cli._file_located([tmp_path / "small.txt"], None, [], quiet))
    (tmp_path / "big.log").write_text("ok line without data\n" * 60_000, encoding="utf-8")
    list(cli._file_located([tmp_path], None, [], quiet))
    list(cli._file_located([tmp_path], 1, [], quiet))
    assert workers_asked == [1, 2, 1]


def test_a_reader_that_stops_early_ends_the_scan_quietly(folder: Path) -> None:
    """`piiguard scan … | head`: the reader closes the pipe after a line; the scan stops with
    the code shells give a SIGPIPE (141) and says nothing (it said "the scan failed")."""
    env = dict(os.environ, PIIGUARD_SCAN_HASH_KEY=KEY)
    argv = [*piiguard_command(), "scan", "--format", "jsonl", str(folder / "big.log")]
    with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        assert json.loads(run.stdout.readline())["type"]
        run.stdout.close()
        said = run.stderr.read()
        assert run.wait(timeout=120) == 141
    assert b"failed" not in said and b"Traceback" not in said
