"""Scanning files, in one process or several: one detector per process.

With several processes the work is cut into tasks of about `TASK_BYTES` each so that every process
stays busy to the end: a large text file is split into parts (sources/text.py: cut after line
feeds, each part scanned with context before and overlap after, offsets and line numbers made
whole-file again here, in order); small files travel together in one task. Memory stays flat with
workers as with one process: at most `IN_FLIGHT` tasks per process are sent ahead of the one being
used, and a split file's findings are handed on part by part, never gathered whole.

Progress is counted in bytes, as they are read: a large file advances chunk by chunk (or part by
part), not only when it is done. Worker processes send their counts, in batches of `REPORT_BYTES`
or at the end of a task, over one queue that a thread of the main process reads and hands to the
caller's callback.
"""

from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing is imported when a scan uses several processes
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.queues import SimpleQueue

    from piiguard.scanner.report import Reporter

from piiguard.scanner.detectors import Detector, Hit
from piiguard.scanner.precompiled import cache_dir
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.mail import may_be_encoded
from piiguard.scanner.sources.model import (
    Batched,
    BytesRead,
    FileOutcomes,
    Located,
    Rendered,
    Skipped,
    unreadable,
)
from piiguard.scanner.sources.office import READERS
from piiguard.scanner.sources.text import (
    SAMPLE_BYTES,
    Part,
    cut_points,
    detect_encoding,
    scan_text_bytes,
    scan_text_part,
    splittable,
)

Outcome = Located | Skipped | Rendered
TASK_BYTES = 256 * 1024
REPORT_BYTES = 256 * 1024  # a worker tells the main process of bytes read in batches this big
IN_FLIGHT = 4  # tasks per process sent ahead of the one whose results are being used
_worker_detector: Detector | None = None
_worker_reporter: Reporter | None = None  # set: whole files' findings leave as JSON Lines


def detector(compiling: Callable[[], None] | None = None) -> Detector:
    """With the user's cache (precompiled.cache_dir); `compiling`: told before compiling."""
    return Detector(cache=cache_dir(), compiling=compiling)


SNIFF = ""  # a _Whole's encoding: a small file whose encoding the worker tells (or: binary)


@dataclass(frozen=True, slots=True)
class _Whole:
    path: Path
    size: int = 0
    encoding: str | None = None  # set for small files (SNIFF), scanned in one piece


@dataclass(frozen=True, slots=True)
class _Piece:
    path: Path
    encoding: str
    start: int
    end: int | None  # None: to the end of the file
    size: int  # the file's, when it was planned

    @property
    def bytes(self) -> int:
        return (self.size if self.end is None else self.end) - self.start


_Unit = _Whole | _Piece
if TYPE_CHECKING:
    Reports = SimpleQueue  # of int (bytes read) and, to end a scan, None


_worker_progress: Batched | None = None


def _init_worker(reports: Reports[int | None] | None, reporter: Reporter | None) -> None:
    global _worker_detector, _worker_progress, _worker_reporter  # noqa: PLW0603 - one each
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the main process stops the pool
    if _worker_detector is None:  # not inherited from the parent (spawned, not forked)
        _worker_detector = detector()
    _worker_progress = None if reports is None else Batched(reports, REPORT_BYTES)
    _worker_reporter = reporter


def _rendered(reporter: Reporter, path: Path, result: list[Outcome] | Part) -> list[Outcome]:
    """A whole file's findings as one block of JSON Lines (and what it skipped): the output
    work done where the file was scanned, so the main process only writes (issue 18)."""
    outcomes = result if isinstance(result, list) else _part_outcomes(path, result, 0, 0, reporter)
    found = [o for o in outcomes if isinstance(o, Located)]
    if not found:
        return outcomes
    rest = [o for o in outcomes if not isinstance(o, Located)]
    return [Rendered(reporter.lines(found), len(found)), *rest]


def _run_unit(
    unit: _Unit, detector: Detector, reporter: Reporter | None, report: BytesRead | None
) -> list[Outcome] | Part:
    """One unit scanned (a whole file or a part), whole files' findings rendered with
    `reporter`; `report` is told of the bytes read, which add up to the unit's size."""
    read = [0]

    def progress(count: int) -> None:
        read[0] += count
        if report is not None:
            report(count)

    result: list[Outcome] | Part
    try:
        if isinstance(unit, _Piece):
            result = scan_text_part(
                unit.path, unit.encoding, unit.start, unit.end, detector, progress
            )
        elif unit.encoding is not None and (small := _small_text(unit)) is not None:
            # a small text file: read once, whole, its encoding told from its first bytes
            data, encoding = small
            result = scan_text_bytes(unit.path, data, encoding, detector, progress)
        else:
            result = list(scan_file(unit.path, detector, progress))
        if reporter is not None and isinstance(unit, _Whole):
            result = _rendered(reporter, unit.path, result)
    except Exception as exc:  # the file changed or vanished since it was planned
        result = [unreadable(unit.path, exc)]
    planned = unit.bytes if isinstance(unit, _Piece) else unit.size
    if read[0] < planned:  # counted all the same, so that the bytes add up to the total
        progress(planned - read[0])
    return result


def _run_task(units: list[_Unit]) -> list[list[Outcome] | Part]:
    detector = _worker_detector
    assert detector is not None  # noqa: S101 - set by the pool initializer
    batched = _worker_progress
    results = [_run_unit(unit, detector, _worker_reporter, batched) for unit in units]
    if batched is not None:
        batched.flush()  # before the result goes back: the main process counts it first
    return results


def _sniffed(path: Path) -> str | None:
    with path.open("rb") as stream:
        return detect_encoding(stream.read(SAMPLE_BYTES))


def _small_text(unit: _Whole) -> tuple[bytes, str] | None:
    """A small file's bytes and encoding, told where it is scanned, from one read (None: not
    text: scan_file says so)."""
    data = unit.path.read_bytes()
    if unit.path.suffix.lower() == ".eml" and may_be_encoded(data):
        return None  # scan_file parses it (and reads it again: few messages are encoded)
    encoding = detect_encoding(data[:SAMPLE_BYTES]) if unit.encoding == SNIFF else unit.encoding
    return None if encoding is None else (data, encoding)


def _split(path: Path, size: int | None = None) -> list[_Unit]:
    """One unit for the whole file, or its parts when it is a large splittable text file.
    A small file's encoding is told by the worker (the main process only plans). `size`:
    the file's, when the folder's listing told it (else asked here)."""
    try:
        size = path.stat().st_size if size is None else size
        suffix = path.suffix.lower()
        if suffix in READERS:  # office files: read by scan_file
            return [_Whole(path, size)]
        if size <= TASK_BYTES or suffix == ".eml":
            # scan_file decodes a message's encoded parts; a small plain one is text
            return [_Whole(path, size, SNIFF if size <= TASK_BYTES else None)]
        encoding = _sniffed(path)
        if encoding is None:
            return [_Whole(path, size)]  # scan_file reports it as binary
        cuts = cut_points(path, size, TASK_BYTES, encoding) if splittable(encoding) else [0]
    except OSError:
        return [_Whole(path)]  # scan_file reports it
    if len(cuts) == 1:
        return [_Whole(path, size)]  # streamed by scan_file, memory flat
    ends: list[int | None] = [*cuts[1:], None]
    return [_Piece(path, encoding, a, b, size) for a, b in zip(cuts, ends, strict=True)]


def _tasks(files: Iterable[Path], sizes: Mapping[Path, int]) -> Iterator[list[_Unit]]:
    """Units in file order, grouped into tasks of about TASK_BYTES."""
    task: list[_Unit] = []
    size = 0
    for path in files:
        for unit in _split(path, sizes.get(path)):
            if isinstance(unit, _Piece):
                if task:
                    yield task
                    task, size = [], 0
                yield [unit]
                continue
            task.append(unit)
            size += unit.size
            if size >= TASK_BYTES:
                yield task
                task, size = [], 0
    if task:
        yield task


def _located(path: Path, part: Part, chars: int, lines: int) -> list[Outcome]:
    """A part's hits as findings with whole-file offsets and lines, given the code points and
    line feeds of the parts before it."""
    source = str(path)
    out: list[Outcome] = []
    append = out.append
    # tuple.__new__ builds the named tuples without their Python-level __new__: this loop
    # runs once per hit in the main process, the part of --workers that does not scale.
    new = tuple.__new__
    for kind, local_start, local_end, value, confidence, validator, line in part.hits:
        start, end = chars + local_start, chars + local_end
        hit = new(Hit, (kind, start, end, value, confidence, validator))
        location = {"line": lines + line + 1, "start": start, "end": end}
        append(new(Located, (source, location, hit, None)))
    return out


def _continues(unit: _Unit, path: Path) -> bool:
    """Whether `unit` is a later part of the file at `path`."""
    return isinstance(unit, _Piece) and unit.start > 0 and unit.path == path


Done = tuple[_Unit, "list[Outcome] | Part"]  # a unit and what scanning it found


def _part_outcomes(
    path: Path, part: Part, chars: int, lines: int, render: Reporter | None
) -> list[Outcome]:
    """A part's findings with whole-file offsets: as JSON Lines when rendering (in C, no
    Located built: this runs in the main process, once per hit), else as Located."""
    if render is not None and part.hits:
        lines_of = render.part_lines(str(path), part.hits, chars, lines)
        if lines_of is not None:
            return [Rendered(lines_of, len(part.hits))]
    return _located(path, part, chars, lines)


def _by_file(
    done: Iterator[Done], render: Reporter | None = None
) -> Iterator[tuple[Path, list[Outcome] | Iterator[Outcome]]]:
    """Units' results, in order, as each file's outcomes with whole-file offsets — streamed:
    a split file's findings are handed on part by part, never gathered whole, so memory
    stays flat however large the file (read each file's outcomes before the next file).
    With `render`, parts' findings come as JSON Lines (`Rendered`)."""
    head = next(done, None)
    while head is not None:
        unit, result = head
        path = unit.path
        if isinstance(unit, _Whole):  # a file in one piece: its outcomes as one list
            yield path, result if isinstance(result, list) else _located(path, result, 0, 0)
            head = next(done, None)
            continue
        box: list[Done | None] = [head]

        def of_file(path: Path = path, box: list[Done | None] = box) -> Iterator[Outcome]:
            chars = lines = 0
            while (current := box[0]) is not None:
                _unit, result = current
                if isinstance(result, list):
                    yield from result
                else:
                    yield from _part_outcomes(path, result, chars, lines, render)
                    chars, lines = chars + result.chars, lines + result.lines
                following = next(done, None)
                box[0] = following
                if following is None or not _continues(following[0], path):
                    return

        outcomes = FileOutcomes(of_file())
        yield path, outcomes
        outcomes.keep_rest()  # nothing left when the caller read it all
        head = box[0]


def _before_fork() -> None:
    """What every forked worker would otherwise do for itself, done once here: the libraries
    the value checks import when they first need them (phonenumbers, python-stdnum: about
    0.07 s of CPU a process), and the objects loaded so far moved out of the cyclic
    collector's sight (gc.freeze), so that a worker's collections neither walk them nor
    write to their pages (copy on write)."""
    import gc  # noqa: PLC0415 - only for several processes

    from stdnum import iban  # noqa: F401, PLC0415 - imported for the workers

    from piiguard.scanner.detectors.phones import library  # noqa: PLC0415

    library()
    gc.freeze()


class FileScanner:
    """Scans files; with workers > 1 in a pool of processes, large text files split in parts.

    `progress`, if given, is told of bytes as they are read (sources/model.BytesRead); each
    file adds up to its size. With workers it is called from a thread of this process, one
    call at a time, and every count is in before `scan` finishes.

    `render`, if given (`--format jsonl`), has the worker processes write each whole file's
    findings as JSON Lines themselves (one `Rendered` per file instead of its `Located`s):
    the output work then runs on every core, and nothing but bytes comes back. Parts of
    split files come back as hits still (their offsets are known only here, in order).

    `compiling`, if given, is told before a detector compiles what was not in the cache.
    Use as a context manager so the pool is started once and shut down at the end.
    """

    def __init__(
        self,
        workers: int = 1,
        progress: BytesRead | None = None,
        render: Reporter | None = None,
        compiling: Callable[[], None] | None = None,
    ) -> None:
        self._workers = max(1, workers)
        self._compiling = compiling
        self._progress = progress
        self._render = render
        self._detector: Detector | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._reports: Reports[int | None] | None = None

    def __enter__(self) -> FileScanner:
        if self._workers == 1:
            self._detector = detector(self._compiling)
        else:
            import multiprocessing  # noqa: PLC0415 - only for several processes
            from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

            global _worker_detector  # noqa: PLW0603 - handed to forked workers
            methods = multiprocessing.get_all_start_methods()
            forked = "fork" in methods
            context = multiprocessing.get_context("fork" if forked else "spawn")
            if forked and _worker_detector is None:
                # loaded once here, before the pool forks: every worker starts with it
                _worker_detector = detector(self._compiling)
            if forked:
                _before_fork()
            if self._progress is not None:
                self._reports = context.SimpleQueue()
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=context,
                initializer=_init_worker,
                initargs=(self._reports, self._render),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._reports is not None:
            self._reports.close()
            self._reports = None

    def scan(
        self, files: Iterable[Path], sizes: Mapping[Path, int] | None = None
    ) -> Iterator[tuple[Path, list[Outcome] | Iterator[Outcome]]]:
        """(file, its outcomes), file by file in the order given; `sizes`, the files' sizes
        where they are known already (the others are asked)."""
        sizes = sizes or {}
        if self._pool is not None:
            yield from self._scan_in_pool(self._pool, files, sizes)
            return
        if self._detector is None:
            raise RuntimeError("FileScanner is used as a context manager")
        detector, render, progress = self._detector, self._render, self._progress
        for path in files:
            units = [] if render is None else _split(path, sizes.get(path))
            if not units or (isinstance(units[0], _Whole) and units[0].encoding is None):
                yield path, scan_file(path, detector, progress)  # streamed: office, mail, UTF-16
                continue
            # JSON Lines in one process: a text file scanned as a worker scans it (whole, or
            # part by part) and its findings rendered in C, no Located built per hit (issue 18)
            yield from _by_file(
                ((u, _run_unit(u, detector, render, progress)) for u in units), render
            )

    def _scan_in_pool(
        self, pool: ProcessPoolExecutor, files: Iterable[Path], sizes: Mapping[Path, int]
    ) -> Iterator[tuple[Path, list[Outcome] | Iterator[Outcome]]]:
        # At most IN_FLIGHT tasks per process are sent ahead of the one being used: enough to
        # keep every process busy, few enough that results never pile up while the main
        # process turns findings into output (with every task sent at once, a 60 MB log held
        # 600 MB), and the progress bar counts what is nearly done.
        window = IN_FLIGHT * self._workers
        planned = _tasks(files, sizes)
        pending: deque[tuple[list[_Unit], Future[list[list[Outcome] | Part]]]] = deque()

        def send() -> None:
            while len(pending) < window and (task := next(planned, None)) is not None:
                pending.append((task, pool.submit(_run_task, task)))

        def done() -> Iterator[Done]:
            while pending:
                units, future = pending.popleft()
                results = future.result()
                send()
                yield from zip(units, results, strict=True)

        send()
        # started once the pool's processes are (the first submit forks them all): no
        # thread of this process is forked into them
        reader = self._read_reports()
        try:
            yield from _by_file(done(), self._render)
        finally:
            for _units, waiting in pending:
                waiting.cancel()
            if reader is not None and self._reports is not None:
                # after every task's counts (each worker sent them before its result)
                self._reports.put(None)
                reader.join()

    def _read_reports(self) -> threading.Thread | None:
        reports, progress = self._reports, self._progress
        if reports is None or progress is None:
            return None

        def read() -> None:
            while (count := reports.get()) is not None:
                progress(count)

        reader = threading.Thread(target=read, name="scan-progress", daemon=True)
        reader.start()
        return reader
