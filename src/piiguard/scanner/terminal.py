"""What the person running `piiguard scan` sees on standard error: messages, plain or through
rich's console on a terminal, and the progress bar. Imports nothing heavy: rich is loaded
only for a terminal."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress


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
    """Bytes scanned of the total, files done, rate and time left (as rsync and pv show)."""
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
        TextColumn("scanning"),
        BarColumn(),
        TaskProgressColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[files]} files"),
        console=console,
        transient=True,
    )
