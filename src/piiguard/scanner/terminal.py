"""What the person running `piiguard scan` sees on standard error: messages, plain or through
rich's console on a terminal, the progress bar, and the refusals, endings and exit codes
they go with. Imports nothing heavy: rich is loaded only for a terminal."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import typer

from piiguard.scanner import destination

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from piiguard.scanner.columns import Summary
    from piiguard.scanner.sources.model import Skipped

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report a command that SIGINT stopped
EXIT_PIPE_CLOSED = 141  # the output's reader closed it, as shells report a SIGPIPE


class Err(Protocol):
    """Where the scan's messages go: rich's console on a terminal, else `PlainErr`."""

    @property
    def is_terminal(self) -> bool: ...

    def print(self, text: str, *, markup: bool = ..., soft_wrap: bool = ...) -> None: ...


class PlainErr:
    """Standard error when it is not a terminal (no progress bar, no colour, no wrapping):
    importing rich's console costs about 35 ms of CPU, a fifth of a small scan's start."""

    is_terminal = False

    def print(self, text: str, *, markup: bool = True, soft_wrap: bool = False) -> None:
        del markup, soft_wrap  # no markup is used on this path; lines are never wrapped
        sys.stderr.write(f"{text}\n")


def stderr() -> Err:
    if sys.stderr.isatty() or os.environ.get("FORCE_COLOR"):
        from rich.console import Console

        return Console(stderr=True)
    return PlainErr()


@contextmanager
def few_collections(threshold: int = 50_000) -> Iterator[None]:
    """A scan allocates a few container objects per hit and keeps almost none: the cyclic
    collector's default (a pass every 700 allocations, full passes over every module loaded)
    cost about 8 % of a 5 MB scan. What is loaded is frozen out of its passes (forked
    workers inherit that), passes come less often; both undone at the end (the tests run the
    command in their own process)."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def progress_bar(console: Console) -> Progress:
    """Bytes scanned of the total, files done, rate and time left (as rsync and pv show);
    its words in English and Chinese, as every message of the scan."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    return Progress(
        TextColumn("scanning 扫描中"),
        BarColumn(),
        TaskProgressColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[files]} files 个文件"),
        console=console,
        transient=True,
    )


def written(write: Callable[[], int], output: Path | None, err: Err) -> int:
    """`write()`'s count of findings; exit 2 when the scan fails, 130 when interrupted,
    saying so (and that `output` was left as it was)."""
    from piiguard.scanner.sources.model import Refused

    kept, kept_zh = (f": {output} left as it was", f"，{output} 未改动") if output else ("", "")
    try:
        with few_collections():
            return write()
    except KeyboardInterrupt:
        err.print(f"interrupted (Ctrl-C){kept} / 扫描已中断{kept_zh}", markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:  # the reader has had enough (`piiguard scan … | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (no error at exit)
        raise typer.Exit(EXIT_PIPE_CLOSED) from None
    except Refused as exc:
        err.print(f"{exc}{kept}", markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    except Exception as exc:
        err.print(
            f"the scan failed ({type(exc).__name__}: {exc}){kept} / 扫描失败{kept_zh}", markup=False
        )
        raise typer.Exit(EXIT_ERROR) from exc


def preparing(err: Err, folder: Path | None) -> Callable[[], None]:
    """What a scan says, once, when it must compile the detectors first (they are not in the
    cache folder yet: a first scan, or a new version of the rules)."""
    told: list[bool] = []

    def tell() -> None:
        if not told:
            told.append(True)
            err.print(
                f"preparing the detectors for first use (3-10 s, once: kept in {folder}) … / "
                "首次使用，正在准备检测器（约 3–10 秒，仅此一次）…",
                markup=False,
            )

    return tell


def prepared(err: Err, folder: Path | None) -> None:
    """What `--prepare` ends with: where the compiled detectors are kept."""
    if folder is None:
        err.print(
            "no folder to keep the compiled detectors in: each scan compiles them (set "
            "PIIGUARD_CACHE_DIR) / 没有可写的缓存目录：每次扫描都将重新编译（请设置 "
            "PIIGUARD_CACHE_DIR）",
            markup=False,
        )
    else:
        err.print(f"detectors ready in {folder} / 检测器已就绪：{folder}", markup=False)


def key_made(err: Err, path: Path) -> None:
    err.print(
        f"created the scan hash key {path} (mode 0600): keep it — findings' hashes compare "
        "only between scans under the same key (`piiguard scan --help` says where it is "
        "looked for) / "
        f"已创建扫描哈希密钥 {path}：请妥善保留，只有同一密钥下的哈希可以比对",
        markup=False,
    )


def last_lines(err: Err, skipped: list[Skipped], summary: Summary | None) -> None:
    """What standard error ends with: the count of what was skipped, the `--by-column`
    summary (the table prints it under its tables: None then)."""
    if skipped:
        err.print(
            f"skipped {len(skipped)} file(s) or folder(s), listed above: not scanned / "
            f"跳过 {len(skipped)} 个文件或文件夹（见上），未扫描"
        )
    if summary is not None:
        err.print(summary.line(), markup=False)


def refuse_nothing_to_scan(
    paths: list[Path] | None, db: str | None, output: Path | None, err: Err
) -> None:
    """Exit 2, before anything is scanned, when there is nothing to scan, a path given does
    not exist, or the findings cannot be written where `--output` says."""
    if not paths and not db:
        err.print("nothing to scan: give paths or --db URL / 未指定扫描对象：请给出路径或 --db URL")
        raise typer.Exit(EXIT_ERROR)
    refuse_missing(paths or [], err)
    if output is not None and (why := destination.problem(output)) is not None:
        err.print(why, markup=False)
        raise typer.Exit(EXIT_ERROR)


def refuse_missing(paths: list[Path], err: Err) -> None:
    """Exit 2 when a path given does not exist, each one named."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        err.print(
            f"{path}: a symbolic link that leads nowhere (broken or a loop) / 符号链接无效"
            if path.is_symlink()
            else f"no such file or folder: {path} / 文件或文件夹不存在",
            markup=False,
        )
    if missing:
        err.print("check the path(s) and run the scan again / 请检查路径后重新扫描")
        raise typer.Exit(EXIT_ERROR)
