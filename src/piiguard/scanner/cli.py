"""`piiguard scan`: find personal data in files, folders and databases (R2.7, R5.5, R6.3).

Exit codes: 0 nothing found, 1 personal data found, 2 error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from piiguard.scanner import destination
from piiguard.scanner.terminal import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    Err,
    PlainErr,
    key_made,
    last_lines,
    prepared,
    preparing,
    progress_bar,
    refuse_nothing_to_scan,
    stderr,
    written,
)

# What a scan runs on (the detectors with hyperscan and phonenumbers, the file and database
# sources, SQLAlchemy, rich's progress bar) is imported when a scan runs, not with this
# module: `piiguard scan --help` starts at once, and a scan of files never loads SQLAlchemy.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from piiguard.scanner.columns import ColumnFinding, Summary
    from piiguard.scanner.report import Reporter
    from piiguard.scanner.sources.model import Located, Rendered, Skipped

    Batch = list[Located] | Rendered


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    sarif = "sarif"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # scanned all the same: the scan says why it was skipped


BATCH = 4096  # findings handed to the output at a time from a file read in parts
AUTO_WORKERS_BYTES = 1_000_000  # below this a second process costs more than it saves


def cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _listed(paths: list[Path], skip: Callable[[Skipped], None], err: Err) -> list[tuple[Path, int]]:
    """The files to scan under `paths`, with their sizes; what cannot be scanned told to
    `skip`: a path that is no file nor folder (a pipe would be waited on for ever, a device
    read without end), a folder that cannot be listed."""
    from piiguard.scanner.sources.files import sized
    from piiguard.scanner.sources.model import NO_PERMISSION, NOT_A_FILE, Skipped

    regular = [path for path in paths if path.is_dir() or path.is_file()]
    for path in paths:
        if path not in regular:
            skip(Skipped(str(path), NOT_A_FILE))
    unlisted: list[Path] = []
    found = [(path, _size(path) if n is None else n) for path, n in sized(regular, unlisted)]
    for folder in unlisted:
        skip(Skipped(str(folder), f"a folder that cannot be listed: {NO_PERMISSION}"))
    if not found and not unlisted and regular:
        err.print("no files to scan: the folders are empty / 没有可扫描的文件：文件夹为空")
    return found


def _file_located(
    paths: list[Path],
    workers: int | None,
    skipped: list[Skipped],
    err: Err,
    render: Reporter | None = None,
    compiling: Callable[[], None] | None = None,
) -> Iterator[Batch]:
    """The files' findings, a batch per file (or per BATCH of a file read in parts);
    `workers` None: one process per core when there is enough to share. With `render`
    (JSON Lines), worker processes hand back whole files' findings already rendered.
    `compiling`: told if the detector must be compiled first."""
    from piiguard.scanner.scan import FileScanner
    from piiguard.scanner.sources.model import Rendered, Skipped, shown

    def skip(outcome: Skipped) -> None:
        skipped.append(outcome)
        err.print(f"skipped {shown(outcome.source)}: {outcome.reason}", markup=False)

    found = _listed(paths, skip, err)
    files = [path for path, _size_ in found]
    sizes = dict(found)  # what the folders' listings told: not asked again when planning
    total = sum(size for _path, size in found)
    if workers is None:
        workers = cores() if total > AUTO_WORKERS_BYTES else 1
    elif workers > (usable := cores()):  # more would only take turns, each with its memory
        err.print(
            f"--workers {workers}: the scan may use {usable} CPU core(s) here, so {usable} "
            f"process(es) scan / 本机可用 {usable} 个 CPU 核，使用 {usable} 个进程"
        )
        workers = usable
    with ExitStack() as stack:
        progress: Progress | None = None
        advance: Callable[[int], None] | None = None
        if err.is_terminal and not isinstance(err, PlainErr):
            progress = stack.enter_context(progress_bar(cast("Console", err)))
            task = progress.add_task("scan", total=total, files=f"0/{len(files)}")
            # told of bytes as they are read (from the scanner's thread with --workers)
            advance = partial(progress.advance, task)
        scanner = stack.enter_context(FileScanner(workers, advance, render, compiling))
        for done, (_path, outcomes) in enumerate(scanner.scan(files, sizes), start=1):
            batch: list[Located] = []
            for outcome in outcomes:
                if isinstance(outcome, Skipped):
                    skip(outcome)
                    continue
                if isinstance(outcome, Rendered):  # rendered in a worker: written as it is
                    if batch:
                        yield batch
                        batch = []
                    yield outcome
                    continue
                batch.append(outcome)
                if len(batch) == BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch
            if progress is not None:
                progress.update(task, files=f"{done}/{len(files)}")


def _db_located(url: str, sample: int, compiling: Callable[[], None]) -> Iterator[Batch]:
    from piiguard.scanner.scan import detector
    from piiguard.scanner.sources.database import scan_database

    yield list(scan_database(url, detector(compiling), sample))


def _prepare(err: Err, compiling: Callable[[], None], folder: Path | None) -> None:
    """`--prepare`: the detectors compiled into the cache folder now, not at the first scan."""
    from piiguard.scanner.scan import detector

    detector(compiling)
    prepared(err, folder)


@dataclass(frozen=True, slots=True)
class Seen:
    """What `--report` hands on: a category at a source, and whether it is the date of
    birth of someone under `child_age` (R6.3). Never a value."""

    source: str
    category: str
    child: bool


ReportSink = Callable[[list[Seen]], str]
_report: dict[str, Any] = {}


def configure_report(sink: ReportSink, child_age: Callable[[], int]) -> None:
    """piiguard's CLI plugs the data map in here; the scanner itself stays standalone.
    `child_age` is asked only when a scan reports (settings are read then, not at import)."""
    _report.update(sink=sink, child_age=child_age)


def _is_child(born: date | None, child_age: int) -> bool:
    if born is None:
        return False
    today = datetime.now(UTC).date()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return 0 <= age < child_age


def _db_source(url: str, source: str) -> str:
    """db-url-without-password/table.column, the form data-map locations use."""
    from sqlalchemy.engine import make_url

    return f"{make_url(url).render_as_string(hide_password=True)}/{source}"


def _seen(batch: Batch, to_source: Callable[[str], str], child_age: int) -> Iterator[Seen]:
    from piiguard.scanner.report import birth_date
    from piiguard.scanner.taxonomy import category_of

    if not isinstance(batch, list):  # rendered in a worker: only without --report
        raise TypeError("--report needs the located findings")
    for located in batch:
        h = located.hit
        born = birth_date(h.value) if h.type == "date_of_birth" else None
        yield Seen(to_source(located.source), category_of(h.type), _is_child(born, child_age))


def _write(
    output_format: OutputFormat,
    output: Path | None,
    batches: Iterator[Batch],
    reporter: Reporter,
    skipped: list[Skipped],
    summary: Summary | None = None,
) -> int:
    """The findings in the format asked for, to the file or standard output; their count.
    With `summary` (`--by-column`), table-like files' findings once per column."""
    from piiguard.scanner.output import write_jsonl, write_sarif, write_table

    items: Iterator[Batch | ColumnFinding] = iter(batches)
    if summary is not None:
        from piiguard.scanner.columns import by_column

        items = by_column(batches, reporter, summary)
    if output_format is OutputFormat.jsonl:
        with destination.binary(output) as out:
            return write_jsonl(items, reporter, out)
    with destination.text(output) as stream:
        # one at a time, never gathered: a scan's findings may not fit in memory
        findings = (
            found
            for item in items
            if not isinstance(item, tuple)  # never Rendered: only JSON Lines asks for that
            for found in (map(reporter.finding, item) if isinstance(item, list) else (item,))
        )
        if output_format is OutputFormat.sarif:
            return write_sarif(findings, stream, skipped, summary)
        from rich.console import Console

        return write_table(findings, Console(file=stream, width=160), summary)


def _column_summary(by_column: bool, show_values: bool, err: Err) -> Summary | None:
    """What `--by-column` counts (None without it); refused with `--show-values`."""
    if not by_column:
        return None
    if show_values:
        err.print(
            "--by-column reports counts and keyed hashes, never values: drop --show-values "
            "(or --by-column to see each value) / 按列汇总不输出明文，请去掉 --show-values"
        )
        raise typer.Exit(EXIT_ERROR)
    from piiguard.scanner.columns import Summary

    return Summary()


def scan(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to scan (folders recursively; links inside them are not "
            "followed). 要扫描的文件或文件夹 （递归扫描文件夹）。",
            show_default=False,
            readable=False,  # an unreadable file is skipped with the others, said why
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="A database to sample, as a SQLAlchemy URL: postgresql+psycopg://u@host/db, "
            "mysql://u@host/db (MySQL, MariaDB), sqlite:///file.db. "
            "要抽样扫描的数据库的 URL。",
        ),
    ] = None,
    sample: Annotated[
        int, typer.Option(min=1, help="Rows sampled per table. 每张表抽样的行数。")
    ] = 100,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="table (the first 1,000 findings), jsonl (one finding a line: "
            "schemas/finding.schema.json) or sarif (SARIF 2.1.0). 输出格式：表格、JSON Lines "
            "或 SARIF。",
        ),
    ] = OutputFormat.table,
    show_values: Annotated[
        bool,
        typer.Option(
            "--show-values",
            help="Print found values in full. Without it every value is masked (138****5678, "
            "w***@example.cn) and carries a keyed hash. "
            "输出完整的值； 默认掩码显示并附带密钥哈希。",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of standard output; it is replaced only when the "
            "scan is done (mode 0600). 写入此文件而非标准输出； 扫描完成后才替换该文件。",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes scanning files \\[default: one per CPU core for more than "
            f"{AUTO_WORKERS_BYTES // 1_000_000} MB of files, else 1]. 扫描文件的进程数 （默认： "
            f"文件超过 {AUTO_WORKERS_BYTES // 1_000_000} MB 时每个 CPU 核一个， 否则 1）。",
            show_default=False,
        ),
    ] = None,
    report: Annotated[
        bool,
        typer.Option(
            "--report",
            help="Also record, as data-map findings, personal data found where no designated "
            "system registers it, and children's dates of birth (deduplicated across runs). "
            "同时记入数据地图的发现项： 未登记位置的个人数据、 儿童的出生日期。",
        ),
    ] = False,
    by_column: Annotated[
        bool,
        typer.Option(
            "--by-column",
            help="Report CSV/TSV, spreadsheet and JSON/JSONL findings once per column (key "
            "path) and type, with counts of matching cells, first rows and keyed hashes, not "
            "once per cell; other files as before. 按列汇总： 表格类文件 （CSV/TSV、 电子表格、 "
            "JSON/JSONL） 每列每种类型报告一条 （匹配单元格数、 前几行行号、 带密钥的哈希）， "
            "不逐个单元格报告； 其他文件照旧。",
        ),
    ] = False,
    prepare: Annotated[
        bool,
        typer.Option(
            "--prepare",
            help="Compile the detectors into the cache folder now (`make install` does), so "
            "that the first scan starts at once; with no path nor --db, nothing is scanned. "
            "预先编译检测器并缓存 （make install 会执行）， 首次扫描即可立即开始。",
        ),
    ] = False,
) -> None:
    """Find personal data in files, folders and databases, in Chinese and English.
    在文件、文件夹和数据库中查找个人数据（中英文）。

    Exit codes / 退出码: 0 nothing found 未发现; 1 found 发现个人数据;
    2 error 出错 (a path that does not exist, an --output or --db that
    cannot be used); 130 interrupted 已中断 (Ctrl-C). Files that cannot be
    read are listed on standard error and skipped. 无法读取的文件列在标准
    错误中并跳过。

    Values are masked and carry a keyed hash (HMAC-SHA256). Its key:
    PIIGUARD_SCAN_HASH_KEY (hex) if set; else scan-hash.key in
    $PIIGUARD_VAR_DIR if set, in ./var when run from a piiguard installation,
    else in ~/.local/share/piiguard ($XDG_DATA_HOME/piiguard) — made on first
    use (0600), the same from every folder. Hashes compare across scans under
    the same key. 值以掩码显示并附带密钥哈希；密钥文件见上，首次使用时创建。
    Guide 使用说明: docs/scanner.md, "Using piiguard scan".
    """
    from piiguard.scanner.precompiled import cache_dir, compiled_patterns

    cache = cache_dir()  # the user's (docs/scanner.md), never the folder scanned nor ./
    with compiled_patterns(cache):  # the detectors' expressions, compiled last time
        from piiguard.scanner.keys import load_hash_key
        from piiguard.scanner.report import Reporter
        from piiguard.scanner.scan import FileScanner  # noqa: F401 - imported here for the above
        from piiguard.scanner.sources.model import shown

    err = stderr()
    compiling = preparing(err, cache)
    if prepare:
        _prepare(err, compiling, cache)
        if not paths and not db:
            raise typer.Exit(EXIT_CLEAN)
    refuse_nothing_to_scan(paths, db, output, err)
    summary = _column_summary(by_column, show_values, err)
    try:
        reporter = Reporter(load_hash_key(created=partial(key_made, err)), show_values)
    except (OSError, ValueError) as exc:
        err.print(f"cannot load the scan hash key: {exc}", markup=False)
        raise typer.Exit(EXIT_ERROR) from exc
    skipped: list[Skipped] = []

    if report and not _report:
        err.print("--report needs piiguard's data map: run it as `piiguard scan --report`")
        raise typer.Exit(EXIT_ERROR)
    seen: set[Seen] = set()
    child_age = int(_report["child_age"]()) if report else 0

    def batches() -> Iterator[Batch]:
        """The findings, batch by batch, each noted for --report (its source and category,
        and whether it is a child's date of birth; never a value)."""
        sources: list[tuple[Iterator[Batch], Callable[[str], str]]] = []
        # JSON Lines without --report: worker processes write whole files' lines themselves
        render = (
            reporter
            if output_format is OutputFormat.jsonl and not report and not by_column
            else None
        )
        if paths:
            files = _file_located(paths, workers, skipped, err, render, compiling)
            sources.append((files, lambda s: shown(str(Path(s).resolve()))))
        if db:
            sources.append((_db_located(db, sample, compiling), lambda s: _db_source(db, s)))
        for found, to_source in sources:
            for batch in found:
                if report:
                    seen.update(_seen(batch, to_source, child_age))
                yield batch

    count = written(
        lambda: _write(output_format, output, batches(), reporter, skipped, summary), output, err
    )
    if report:
        sink: ReportSink = _report["sink"]
        err.print(
            sink(sorted(seen, key=lambda x: (x.source, x.category, x.child))),
            markup=False,
            soft_wrap=True,
        )
    last_lines(err, skipped, None if output_format is OutputFormat.table else summary)
    raise typer.Exit(EXIT_FOUND if count else EXIT_CLEAN)


scan_app = typer.Typer(help="Discovery scanner.", add_completion=False)
scan_app.command("scan")(scan)
