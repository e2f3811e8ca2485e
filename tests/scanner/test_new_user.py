"""`piiguard scan` as a new user meets it, and as a prober of bad input meets it (issue 18):
each test is a defect found by running the command on folders of one's own, from the README's
words only. The command runs in this process (typer's runner); what it prints is read."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import jsonschema
import pytest
from rich.console import Console
from typer.testing import CliRunner

from piiguard.scanner import output, scan
from piiguard.scanner.cli import _file_located, scan_app
from piiguard.scanner.keys import key_path
from piiguard.scanner.output import TABLE_ROWS, schema, write_sarif
from piiguard.scanner.precompiled import cache_dir, compiled_patterns
from piiguard.scanner.report import Finding, Reporter

pytestmark = pytest.mark.req("R2.7")

KEY = "00" * 16 + "11" * 16
PHONE = "13812345678"


def run(*args: str, var: Path) -> tuple[int, str, str]:
    env = {"PIIGUARD_SCAN_HASH_KEY": KEY, "PIIGUARD_VAR_DIR": str(var)}
    result = CliRunner().invoke(scan_app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _finding(n: int) -> Finding:
    return Finding(
        f"/data/f{n}.txt", {"line": 1, "start": 0, "end": 11}, "phone",
        "user.contact.phone_number", 0.97, "format", "138****5678", f"hmac-sha256:{n:064x}",
    )  # fmt: skip


def test_sarif_is_written_as_the_findings_come_not_gathered_first() -> None:
    """A 200 MB log (8 million findings) held every finding in memory until the end: the
    SARIF run was killed by the kernel at 21 GB. Each result is on its way out before the
    next finding is made."""
    stream = io.StringIO()

    def findings() -> Iterator[Finding]:
        for n in range(50):
            if n:
                assert f"{n - 1:064x}" in stream.getvalue(), f"finding {n - 1} not written yet"
            yield _finding(n)

    assert write_sarif(findings(), stream) == 50
    document = json.loads(stream.getvalue())
    jsonschema.Draft202012Validator(schema("sarif")).validate(document)
    assert len(document["runs"][0]["results"]) == 50


def test_the_table_lists_a_readable_number_and_counts_the_rest(tmp_path: Path) -> None:
    """The table gathered every finding too (rich measures a table's columns from all its
    rows): a big folder in table format ran out of memory. It now shows the first
    TABLE_ROWS and says how many more there are and how to see them."""
    more = 7
    log = tmp_path / "calls.log"
    log.write_text("".join(f"call {138_0000_0000 + n}\n" for n in range(TABLE_ROWS + more)))
    code, out, _err = run(str(log), var=tmp_path / "var")
    assert code == 1
    assert out.count("138****") == TABLE_ROWS  # one preview a row
    assert f"{more} more finding(s)" in out and "--format jsonl" in out
    assert f"另有 {more} 条" in out


def test_a_file_name_that_is_not_utf8_is_scanned_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file copied from an old GBK share keeps a name that is not UTF-8: it was skipped
    ("UnicodeEncodeError: surrogates not allowed") in JSON Lines, and SARIF and the table
    stopped half-written. Its findings are reported, its name with the odd bytes as \\xNN."""
    share = tmp_path / "share"
    share.mkdir()
    odd = share / Path(bytes.decode(b"\xd5\xc5\xc8\xfd.txt", "utf-8", "surrogateescape"))
    odd.write_text(f"手机 {PHONE}\n", encoding="utf-8")
    var = tmp_path / "var"
    monkeypatch.chdir(tmp_path)  # a short source: the table's column holds it whole
    for fmt in ("jsonl", "sarif", "table"):
        code, out, err = run("share", "--format", fmt, var=var)
        assert (code, err) == (1, ""), (fmt, err)
        assert "\\xd5\\xc5\\xc8\\xfd.txt" in out.replace("\\\\", "\\"), fmt
    _code, out, _err = run(str(share), "--format", "sarif", var=var)
    jsonschema.Draft202012Validator(schema("sarif")).validate(json.loads(out))
    odd.unlink()
    table = f"姓名,手机\n王建国,{PHONE}\n"
    (share / "a.csv").write_text(table, encoding="utf-8")
    (share / Path(bytes.decode(b"\xd5\xc5.csv", "utf-8", "surrogateescape"))).write_text(table)
    code, out, err = run(str(share), "--format", "jsonl", "--by-column", var=var)
    assert code == 1 and "skipped" not in err
    assert sum(json.loads(line).get("kind") == "column" for line in out.splitlines()) == 4


def test_a_pipe_given_by_name_is_skipped_not_waited_on(tmp_path: Path) -> None:
    """`piiguard scan fifo` waited forever for a writer. A pipe, socket or device is not a
    file to scan: said so, and the other paths are scanned."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    note = tmp_path / "note.txt"
    note.write_text(f"手机 {PHONE}\n", encoding="utf-8")
    code, out, err = run(str(fifo), str(note), "--format", "jsonl", var=tmp_path / "var")
    assert code == 1 and len(out.splitlines()) == 1
    assert str(fifo) in err and "not a regular file" in err and "不是普通文件" in err


def test_a_link_to_a_folder_given_by_name_is_followed(tmp_path: Path) -> None:
    """`piiguard scan ~/shared` where ~/shared is a link to the real folder reported
    "IsADirectoryError" and scanned nothing. A link named on the command line is followed
    (as `find -H` does); links met inside folders still are not (no loops)."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "note.txt").write_text(f"手机 {PHONE}\n", encoding="utf-8")
    (real / "back").symlink_to(tmp_path, target_is_directory=True)  # a loop, not followed
    link = tmp_path / "shared"
    link.symlink_to(real, target_is_directory=True)
    code, out, err = run(str(link), "--format", "jsonl", var=tmp_path / "var")
    assert (code, err) == (1, "")
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(link / "note.txt")]


def test_a_link_that_leads_nowhere_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "a.lnk"
    loop.symlink_to(tmp_path / "b.lnk")
    (tmp_path / "b.lnk").symlink_to(loop)
    code, _out, err = run(str(loop), var=tmp_path / "var")
    assert code == 2
    assert "broken or a loop" in err and "符号链接" in err


def test_a_folder_that_cannot_be_listed_is_reported_not_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder without read permission was passed over in silence: the scan looked
    complete. It is listed as skipped, with what to do. (As root every folder can be read:
    the refusal is made here, where the scan lists folders.)"""
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "note.txt").write_text(f"手机 {PHONE}\n", encoding="utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(str(tmp_path), "--format", "jsonl", var=tmp_path / "var")
    assert code == 1 and len(out.splitlines()) == 1
    assert f"skipped {closed}" in err
    assert "no permission" in err and "没有读取权限" in err


@pytest.mark.parametrize(
    ("name", "content", "english", "chinese"),
    [
        ("empty.xlsx", b"", "empty (0 bytes)", "空文件"),
        ("broken.docx", b"PK\x03\x04 not really a document", "damaged", "已损坏"),
        ("broken.xlsx", b"\x00\x01garbage" * 40, "damaged", "已损坏"),
        ("photo.bin", bytes(range(256)) * 8, "binary", "二进制"),
        ("scan.pdf", b"%PDF-1.4\n1 0 obj garbage", "damaged", "已损坏"),
    ],
)
def test_files_that_cannot_be_scanned_are_told_in_both_languages_and_the_rest_scanned(
    tmp_path: Path, name: str, content: bytes, english: str, chinese: str
) -> None:
    """ "unreadable: PackageNotFoundError: Package not found at '…'" told a person neither
    what was wrong nor what to do, in English only. Now: what is wrong, in English and
    Chinese, and what to do; the scan of the other files goes on."""
    share = tmp_path / "share"
    share.mkdir()
    (share / name).write_bytes(content)
    (share / "note.txt").write_text(f"手机 {PHONE}\n", encoding="utf-8")
    code, out, err = run(str(share), "--format", "jsonl", var=tmp_path / "var")
    assert code == 1 and len(out.splitlines()) == 1
    line = next(line for line in err.splitlines() if name in line)
    assert english in line and chinese in line, line
    assert "Error" not in line  # no exception class names
    assert len(err.splitlines()) == 2, err  # and no library's own log lines ("EOF marker …")
    assert "skipped 1 file(s)" in err and "跳过 1 个文件" in err


def test_an_empty_folder_says_that_nothing_was_there(tmp_path: Path) -> None:
    """An empty folder (or a typo'd one) said "No personal data found" like a clean share."""
    (tmp_path / "share").mkdir()
    code, _out, err = run(str(tmp_path / "share"), var=tmp_path / "var")
    assert code == 0
    assert "no files to scan" in err and "没有可扫描的文件" in err


def test_a_file_the_user_cannot_read_is_skipped_with_the_others_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`piiguard scan a.txt locked.txt` stopped before scanning anything with click's
    English-only "Path 'locked.txt' is not readable" (exit 2). The file is tried with the
    others, and skipped with the bilingual reason when it cannot be read. (Root reads it:
    here only click's own check is refused, as it would be for an ordinary user.)"""
    locked = tmp_path / "locked.txt"
    locked.write_text(f"手机 {PHONE}\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: Path(p) != locked and real_access(p, m))
    code, out, err = run(str(locked), "--format", "jsonl", var=tmp_path / "var")
    assert (code, len(out.splitlines()), err) == (1, 1, "")


def _share(tmp_path: Path, files: int = 1) -> Path:
    share = tmp_path / "share"
    share.mkdir()
    for n in range(files):
        (share / f"note{n}.txt").write_text(f"手机 {PHONE}\n", encoding="utf-8")
    return share


def test_output_to_a_folder_that_does_not_exist_is_refused_before_scanning(
    tmp_path: Path,
) -> None:
    """`-o reports/scan.jsonl` without `reports/` scanned everything, then failed with
    "scan failed: FileNotFoundError: [Errno 2] …" in English only."""
    target = tmp_path / "reports" / "scan.jsonl"
    code, _out, err = run(str(_share(tmp_path)), "-o", str(target), var=tmp_path / "var")
    assert code == 2
    assert str(tmp_path / "reports") in err and "mkdir" in err and "不存在" in err
    assert "Errno" not in err


def test_output_to_a_folder_itself_or_where_one_may_not_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = _share(tmp_path)
    code, _out, err = run(str(share), "-o", str(tmp_path), var=tmp_path / "var")
    assert code == 2 and "is a folder" in err and "是文件夹" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: Path(p) != locked and real_access(p, m))
    code, _out, err = run(str(share), "-o", str(locked / "a.jsonl"), var=tmp_path / "var")
    assert code == 2 and "cannot write" in err and "无写入权限" in err


@pytest.mark.parametrize("stop", [RuntimeError("disk gone"), KeyboardInterrupt()])
def test_a_scan_that_stops_half_way_leaves_the_output_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException
) -> None:
    """A scan that failed or was interrupted (Ctrl-C) left half a file behind -o: half a
    SARIF document, or JSON Lines that looked complete. The output is written beside it
    and put in place only when the scan is done; Ctrl-C exits 130 and says so."""
    share = _share(tmp_path, files=3)
    target = tmp_path / "out" / "scan.jsonl"
    target.parent.mkdir()
    target.write_text("last week's findings\n")
    real_write = output.write_jsonl
    calls = [0]

    def write_jsonl(items: Iterator[Any], reporter: Reporter, stream: IO[bytes]) -> int:
        for _item in items:  # a file's findings written, then the scan stops at the next
            calls[0] += 1
            if calls[0] == 2:
                raise stop
            stream.write(b'{"half": "written"}\n')
        return 0

    monkeypatch.setattr(output, "write_jsonl", write_jsonl)
    args = (str(share), "--format", "jsonl", "--workers", "1", "-o", str(target))
    code, _out, err = run(*args, var=tmp_path / "var")
    assert calls[0] == 2
    assert code == (130 if isinstance(stop, KeyboardInterrupt) else 2)
    assert ("interrupted" in err and "已中断" in err) or ("failed" in err and "失败" in err)
    assert target.read_text() == "last week's findings\n"
    assert [p.name for p in target.parent.iterdir()] == ["scan.jsonl"]
    monkeypatch.setattr(output, "write_jsonl", real_write)
    code, out, _err = run(*args, var=tmp_path / "var")
    assert (code, out) == (1, "") and len(target.read_text().splitlines()) == 3


def test_worker_processes_leave_ctrl_c_to_the_scan() -> None:
    """Ctrl-C reaches every process of the terminal's group: each worker printed a
    KeyboardInterrupt traceback. Workers ignore it; the scan stops them and says so."""
    before = signal.getsignal(signal.SIGINT)
    try:
        scan._init_worker(None, None)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_sqlite_file_that_does_not_exist_is_refused_not_created(tmp_path: Path) -> None:
    """`--db sqlite:///customers.db` with a typo created an empty database there and said
    "No personal data found" (exit 0): a clean bill of health for a file never read."""
    missing = tmp_path / "custmers.db"
    code, _out, err = run("--db", f"sqlite:///{missing}", var=tmp_path / "var")
    assert code == 2 and not missing.exists()
    assert str(missing) in err and "no such SQLite file" in err and "不存在" in err


@pytest.mark.parametrize(
    ("url", "english", "chinese"),
    [
        ("customers.db", "not a database URL", "不是有效的数据库 URL"),
        ("mssql+pymssql://sa:sekret@127.0.0.1/crm", "driver", "驱动"),
        ("postgresql+psycopg://postgres:sekret@127.0.0.1:1/test", "cannot connect", "无法连接"),
    ],
)
def test_a_database_that_cannot_be_scanned_says_why_in_both_languages(
    tmp_path: Path, url: str, english: str, chinese: str
) -> None:
    """A wrong URL, a missing driver, a server that refuses: each was "scan failed:
    OperationalError: (psycopg.OperationalError) connection failed: … (Background on this
    error at: https://sqlalche.me/…)" over several lines, in English only."""
    code, _out, err = run("--db", url, var=tmp_path / "var")
    assert code == 2
    assert english in err and chinese in err, err
    assert "sekret" not in err and "sqlalche.me" not in err and "Error:" not in err


def test_help_speaks_both_languages_and_says_what_a_new_user_asks(tmp_path: Path) -> None:
    """`piiguard scan --help` was English but for --by-column, read "Processes scanning
    files ." (rich took "[default: …]" for markup) and said nothing of exit 130, of what is
    masked or of where the hash key lives."""
    code, out, _err = run("--help", var=tmp_path / "var")
    assert code == 0
    text = " ".join(out.replace("│", " ").split())
    assert "[default: one per CPU core" in text and "files ." not in text
    for option in ("--db", "--sample", "--format", "--show-values", "--output", "--workers"):
        after = text[text.index(option) :][:400]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in after), f"{option}: no Chinese"
    assert "130" in text and "已中断" in text
    assert "scan-hash.key" in text and "138****5678" in text


def test_the_hash_key_made_on_first_use_is_told_once(tmp_path: Path) -> None:
    """The key that makes hashes comparable was made silently in ./var of whatever folder
    the scan ran from: a second scan from elsewhere made another, and nothing said why the
    hashes differed."""
    note = _share(tmp_path) / "note0.txt"
    env = {"PIIGUARD_VAR_DIR": str(tmp_path / "var")}
    first = CliRunner().invoke(scan_app, [str(note)], env=env)
    key = tmp_path / "var" / "scan-hash.key"
    assert key.exists() and f"created the scan hash key {key}" in first.stderr
    assert "已创建" in first.stderr
    second = CliRunner().invoke(scan_app, [str(note)], env=env)
    assert "created" not in second.stderr


def test_more_workers_than_cores_are_not_started(tmp_path: Path, workers_asked: list[int]) -> None:
    """`--workers 64` on a two-core machine forked 64 processes, each with its own detector
    and memory, to take turns on two cores. As many as there are cores start, and it is said."""
    asked = workers_asked
    share = _share(tmp_path)
    code, out, err = run(str(share), "--workers", "64", "--format", "jsonl", var=tmp_path / "var")
    assert (code, len(out.splitlines()), asked) == (1, 1, [2])
    assert "--workers 64" in err and "2 CPU core(s)" in err and "2 个 CPU 核" in err
    asked.clear()
    assert run(str(share), "--workers", "2", var=tmp_path / "var")[0] == 1
    assert asked == [2]


@pytest.fixture
def new_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user with a home of their own (in tmp_path, never the real one) and none of
    piiguard's settings: what a fresh machine's account has. Returns the home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "PIIGUARD_VAR_DIR", "PIIGUARD_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PIIGUARD_SCAN_HASH_KEY", KEY)
    return home


def run_as_user(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(scan_app, list(args))  # the environment as the user has it
    return result.exit_code, result.stdout, result.stderr


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_first_scan_compiles_into_the_users_cache_says_so_once_and_litters_nowhere(
    new_user: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hyperscan_compiles: list[int]
) -> None:
    """`piiguard scan --format jsonl FOLDER` made ./var/cache wherever it ran (the folder
    scanned, the home) and compiled there for about 10 s in silence: every new working
    folder paid it again. The compiled detectors go to the user's cache folder; the scan
    that has to compile them says so, once, in both languages; the next one loads them."""
    share = _share(tmp_path)
    before = _tree(share)
    monkeypatch.chdir(share)  # run from the folder scanned
    code, out, err = run_as_user("--format", "jsonl", ".")
    assert (code, len(out.splitlines())) == (1, 1)
    assert err.count("preparing the detectors for first use") == 1, err  # two databases
    assert "首次使用，正在准备检测器" in err
    cache = new_user / ".cache" / "piiguard"
    assert len(list(cache.glob("hyperscan-*.db"))) == 2
    assert len(hyperscan_compiles) == 2  # compiled, not loaded
    assert _tree(share) == before  # no ./var in the folder scanned (nor anything else)
    monkeypatch.chdir(new_user)  # then from the home: loaded, not compiled
    code, out, err = run_as_user("--format", "jsonl", str(share))
    assert (code, len(out.splitlines()), err) == (1, 1, "")
    assert len(hyperscan_compiles) == 2
    assert {Path(p).parts[0] for p in _tree(new_user)} == {".cache"}  # nothing else


def test_prepare_fills_the_cache_before_the_first_scan_and_make_install_runs_it(
    new_user: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make install` compiles the detectors (`piiguard scan --prepare`), so that the first
    scan after `make install` or `make run` starts at once."""
    cache = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.chdir(tmp_path)
    code, out, err = run_as_user("--prepare")
    assert (code, out) == (0, "")
    assert f"detectors ready in {cache / 'piiguard'}" in err and "检测器已就绪" in err
    assert len(list((cache / "piiguard").glob("hyperscan-*.db"))) == 2
    assert not (tmp_path / "var").exists()
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(RUNTIME_STAMP): ", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/piiguard scan --prepare" in recipe


def test_where_the_compiled_detectors_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$PIIGUARD_CACHE_DIR; else $PIIGUARD_VAR_DIR/cache (the service's and the tests'); else
    the user's cache folder (XDG); else this user's own folder under the system's temporary
    one — and never one another user could have made (it could hold planted files)."""
    home, var = tmp_path / "home", tmp_path / "var"
    assert cache_dir({"PIIGUARD_CACHE_DIR": "/c", "PIIGUARD_VAR_DIR": str(var)}) == Path("/c")
    assert cache_dir({"PIIGUARD_VAR_DIR": str(var), "HOME": str(home)}) == var / "cache"
    xdg = tmp_path / "xdg"
    assert cache_dir({"XDG_CACHE_HOME": str(xdg), "HOME": str(home)}) == xdg / "piiguard"
    assert (xdg / "piiguard").stat().st_mode & 0o777 == 0o700
    relative = {"XDG_CACHE_HOME": "xdg", "HOME": str(home)}  # not absolute: ignored (XDG)
    assert cache_dir(relative) == home / ".cache" / "piiguard"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    (tmp_path / "blocked").write_text("a file where the home should be")
    blocked = {"HOME": str(tmp_path / "blocked" / "home")}  # cannot be made
    private = tmp_path / "tmp" / f"piiguard-{os.getuid()}"
    assert cache_dir(blocked) == private / "cache"
    assert private.stat().st_mode & 0o777 == 0o700
    private.chmod(0o777)  # as if someone else had made it for us
    assert cache_dir(blocked) is None
    with compiled_patterns(None):  # then nothing is kept, and the scan compiles
        assert re.compile("a+b").match("aab")


@pytest.mark.req("R6.3")
def test_the_hash_key_is_the_users_own_the_same_from_every_folder(
    new_user: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key was made in ./var of whatever folder the scan ran from: a scan from the
    folder scanned and one from the home hashed the same phone number differently, and
    left a key in the folder scanned. It is now the user's, kept 0600 in their data folder
    (0700), made once and said so once; findings carry hashes, never the value."""
    monkeypatch.delenv("PIIGUARD_SCAN_HASH_KEY")
    share = _share(tmp_path)
    monkeypatch.chdir(share)
    code, out, err = run_as_user("--format", "jsonl", ".")
    key = new_user / ".local" / "share" / "piiguard" / "scan-hash.key"
    assert code == 1 and f"created the scan hash key {key}" in err and "已创建" in err
    assert key.stat().st_mode & 0o777 == 0o600 and key.parent.stat().st_mode & 0o777 == 0o700
    assert not (share / "var").exists()
    first = json.loads(out)["hash"]
    monkeypatch.chdir(new_user)
    code, out, err = run_as_user("--format", "jsonl", str(share))
    assert (code, err) == (1, "")  # the same key: not made again, nothing said
    assert json.loads(out)["hash"] == first and PHONE not in out
    assert not (new_user / "var").exists()


@pytest.mark.req("R6.3")
def test_where_the_hash_key_is_looked_for(
    new_user: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$PIIGUARD_VAR_DIR when set; ./var when the scan runs from a piiguard installation (the
    service's files are there, or a key earlier scans made), so that findings hash as the
    installation's do; else the user's data folder (XDG); a ./var of something else is not
    piiguard's."""
    monkeypatch.chdir(tmp_path)
    data = new_user / ".local" / "share" / "piiguard"
    assert key_path({"HOME": str(new_user)}) == data / "scan-hash.key"
    xdg = tmp_path / "xdg-data"
    assert key_path({"XDG_DATA_HOME": str(xdg)}) == xdg / "piiguard" / "scan-hash.key"
    var = tmp_path / "elsewhere"
    assert key_path({"PIIGUARD_VAR_DIR": str(var)}) == var / "scan-hash.key"
    (tmp_path / "var" / "www").mkdir(parents=True)  # a web project's var/, not piiguard's
    assert key_path({"HOME": str(new_user)}) == data / "scan-hash.key"
    for kept in ("master.key", "scan-hash.key"):  # an installation; an earlier scan's key
        (tmp_path / "var" / kept).write_bytes(b"k" * 32)
        assert key_path({"HOME": str(new_user)}) == Path("var") / "scan-hash.key"
        (tmp_path / "var" / kept).unlink()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "not-a-home").write_text("")
    private = tmp_path / f"piiguard-{os.getuid()}"
    assert key_path({"HOME": str(tmp_path / "not-a-home")}) == private / "scan-hash.key"


def test_the_progress_bar_and_the_tables_speak_both_languages(tmp_path: Path) -> None:
    """Every message of the scan was in English and Chinese but the progress bar's words
    ("scanning", "files") and the tables' headings, `--by-column`'s among them."""
    share = _share(tmp_path, files=2)
    (share / "客户.csv").write_text(f"姓名,手机\n王建国,{PHONE}\n李秀英,13912345678\n")
    shown = io.StringIO()
    err = Console(file=shown, force_terminal=True, width=200, color_system=None)
    assert list(_file_located([share], 1, [], err))
    bar = shown.getvalue()
    assert "scanning 扫描中" in bar and "3/3 files 个文件" in bar
    code, out, err_text = run(str(share), "--by-column", var=tmp_path / "var")
    assert code == 1
    text = " ".join(out.split())
    for heading in ("column 列", "cells 单元格", "findings 发现数", "rows 行", "where 位置"):
        assert heading in text, heading
    assert "Personal data found 发现的个人数据" in text
    assert "by column: 2 column finding(s)" in text and "汇总了 4 条单元格发现" in text
    code, _out, err_text = run(str(share), "--by-column", "--format", "jsonl", var=tmp_path / "var")
    assert "按列汇总" in err_text and "汇总了 4 条单元格发现" in err_text
