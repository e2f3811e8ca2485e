"""What a source yields: a hit with where it was found, or a file it had to skip.

Named tuples, not dataclasses: as immutable, cheaper to create by a few times (a 5 MB scan
yields about 100,000) and to send between processes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from piiguard.scanner.detectors.model import Hit


class Located(NamedTuple):
    source: str  # file path, or table.column
    location: dict[str, Any]
    hit: Hit
    extra: Mapping[str, Any] | None = None  # more about the finding, where a source has it


class Rendered(NamedTuple):
    """A file's findings already written as JSON Lines (UTF-8) by the worker process that
    scanned it (`piiguard scan --format jsonl` with several processes): the main process
    only writes them out."""

    lines: bytes
    findings: int  # how many lines


class Skipped(NamedTuple):
    source: str
    reason: str


# Told the count of bytes just read from a file, as they are read (a chunk of a large file,
# a part, a whole small file): what a progress bar counts. With worker processes it is
# called in the main process, from a thread of the scanner's (scan.FileScanner).
BytesRead = Callable[[int], None]


T = TypeVar("T")


class FileOutcomes(Iterator[T], Generic[T]):
    """One file's outcomes, streamed as its parts' results come in. If the scan is asked
    for the next file before this one was read to the end, the rest is kept here to be read
    later (only then does it take memory)."""

    def __init__(self, outcomes: Iterator[T]) -> None:
        self._outcomes = outcomes
        self._kept: deque[T] | None = None

    def __next__(self) -> T:
        if self._kept is None:
            return next(self._outcomes)
        if self._kept:
            return self._kept.popleft()
        raise StopIteration

    def keep_rest(self) -> None:
        if self._kept is None:
            self._kept = deque(self._outcomes)


class Sink(Protocol):
    def put(self, obj: int | None, /) -> None: ...


class Batched:
    """In a worker process: bytes read, sent to the main process once they add up to `every`
    (one message per part or chunk, not per small file) and at a task's end (`flush`)."""

    def __init__(self, queue: Sink, every: int) -> None:
        self._queue = queue
        self._every = every
        self._pending = 0

    def __call__(self, count: int) -> None:
        self._pending += count
        if self._pending >= self._every:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._queue.put(self._pending)  # written to the pipe before put returns
            self._pending = 0
