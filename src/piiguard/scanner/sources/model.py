"""What a source yields: a hit with where it was found, or a file it had to skip.

Named tuples, not dataclasses: as immutable, cheaper to create by a few times (a 5 MB scan
yields about 100,000) and to send between processes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
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


class Refused(Exception):
    """A source that cannot be scanned at all (a database that cannot be reached): its
    message says why and what to do, in English and Chinese."""


class Skipped(NamedTuple):
    source: str
    reason: str  # in English and Chinese, with what to do; never an exception's text


BINARY = (
    "binary: not text in a known encoding (images, archives, programs are not read) / "
    "二进制文件：不是已知编码的文本，未扫描"
)
NOT_A_FILE = (
    "not a regular file (a pipe, socket or device): not read — name files or folders / "
    "不是普通文件（管道、套接字或设备），未读取：请指定文件或文件夹"
)
NO_PERMISSION = (
    "no permission to read it: run the scan as a user who may read it, or grant read access"
    " / 没有读取权限：请以有权读取的用户运行扫描，或授予读取权限"
)
DAMAGED = (
    "damaged, or not really a {suffix} file (it does not open as one): open it in its "
    "program and save it again, then scan it / 文件已损坏或并非真正的 {suffix} 文件："
    "请用原程序打开并另存后再扫描"
)
# documents read by a parser (sources/office.py): anything it raises but a system error
# means the file is not what its name says
_DOCUMENTS = frozenset({".xlsx", ".xlsm", ".docx", ".pdf"})


def unreadable(path: Path, exc: BaseException) -> Skipped:
    """Why `path` could not be scanned, for a person: what is wrong and what to do, in
    English and Chinese. The exception's class may be named, never its text (a parser's
    message may quote the file)."""
    source = str(path)
    if isinstance(exc, PermissionError):
        return Skipped(source, NO_PERMISSION)
    if isinstance(exc, FileNotFoundError):
        return Skipped(source, "removed or renamed during the scan / 扫描期间文件被删除或改名")
    try:
        empty = path.stat().st_size == 0
    except OSError:
        empty = False
    suffix = path.suffix.lower() or "this kind of"
    if empty:
        return Skipped(source, f"empty (0 bytes), not a real {suffix} file / 空文件（0 字节）")
    parsed = suffix in _DOCUMENTS and not isinstance(exc, OSError)
    if parsed or type(exc).__name__ == "BadZipFile":
        return Skipped(source, DAMAGED.format(suffix=suffix))
    return Skipped(
        source,
        f"could not be read ({type(exc).__name__}): check the file opens, then scan it again"
        f" / 无法读取（{type(exc).__name__}）：请确认文件可以打开后重新扫描",
    )


@lru_cache(maxsize=4096)
def shown(source: str) -> str:
    """A source as it is written out: a file name that is not UTF-8 (a GBK share copied to
    Linux) holds surrogates that no UTF-8 output can carry; its odd bytes become \\xNN."""
    try:
        source.encode()
    except UnicodeEncodeError:
        return source.encode(errors="surrogateescape").decode(errors="backslashreplace")
    return source


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
