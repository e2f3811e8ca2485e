"""Scanning files, in one process or several: one detector per process.

With several processes the work is cut into tasks of about `TASK_BYTES` each so that every
process stays busy to the end: a large text file is split into parts (sources/text.py: cut
after line feeds, each part scanned with context before and overlap after, offsets and line
numbers made whole-file again here, in order); small files travel together in one task.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from piiguard.scanner.detectors import Detector, Hit
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located, Skipped
from piiguard.scanner.sources.office import READERS
from piiguard.scanner.sources.text import (
    SAMPLE_BYTES,
    Part,
    cut_points,
    detect_encoding,
    scan_text_part,
    splittable,
)

Outcome = Located | Skipped
TASK_BYTES = 256 * 1024
_worker_detector: Detector | None = None


def cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    """$PIIGUARD_VAR_DIR/cache (./var/cache by default, as the hash key's folder): where the
    compiled Hyperscan databases are kept, so that a scan, and each of its worker processes,
    loads them in a millisecond instead of compiling them for half a second."""
    return Path(env.get("PIIGUARD_VAR_DIR", "var")) / "cache"


def detector() -> Detector:
    return Detector(cache=cache_dir())


@dataclass(frozen=True, slots=True)
class _Whole:
    path: Path
    size: int = 0
    encoding: str | None = None  # set for small text files, scanned in one piece


@dataclass(frozen=True, slots=True)
class _Piece:
    path: Path
    encoding: str
    start: int
    end: int | None  # None: to the end of the file


_Unit = _Whole | _Piece


def _init_worker() -> None:
    global _worker_detector  # noqa: PLW0603 - one compiled detector per worker process
    _worker_detector = detector()


def _run_task(units: list[_Unit]) -> list[list[Outcome] | Part]:
    detector = _worker_detector
    assert detector is not None  # noqa: S101 - set by the pool initializer
    results: list[list[Outcome] | Part] = []
    for unit in units:
        try:
            if isinstance(unit, _Piece):
                part = scan_text_part(unit.path, unit.encoding, unit.start, unit.end, detector)
                results.append(part)
            elif unit.encoding is not None:  # a small text file: read whole, sent compact
                results.append(scan_text_part(unit.path, unit.encoding, 0, None, detector))
            else:
                results.append(list(scan_file(unit.path, detector)))
        except Exception as exc:  # the file changed or vanished since it was planned
            results.append([Skipped(str(unit.path), f"unreadable: {type(exc).__name__}: {exc}")])
    return results


def _split(path: Path) -> list[_Unit]:
    """One unit for the whole file, or its parts when it is a large splittable text file."""
    try:
        size = path.stat().st_size
        if path.suffix.lower() in READERS:
            return [_Whole(path, size)]
        with path.open("rb") as stream:
            encoding = detect_encoding(stream.read(SAMPLE_BYTES))
        if encoding is None:
            return [_Whole(path, size)]  # scan_file reports it as binary
        if size <= TASK_BYTES:
            return [_Whole(path, size, encoding)]
        cuts = cut_points(path, size, TASK_BYTES, encoding) if splittable(encoding) else [0]
    except OSError:
        return [_Whole(path)]  # scan_file reports it
    if len(cuts) == 1:
        return [_Whole(path, size)]  # streamed by scan_file, memory flat
    ends: list[int | None] = [*cuts[1:], None]
    return [_Piece(path, encoding, a, b) for a, b in zip(cuts, ends, strict=True)]


def _tasks(files: Iterable[Path]) -> Iterator[list[_Unit]]:
    """Units in file order, grouped into tasks of about TASK_BYTES."""
    task: list[_Unit] = []
    size = 0
    for path in files:
        for unit in _split(path):
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


class _Assembler:
    """Turns units' results, in order, into whole files' outcomes with whole-file offsets."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._outcomes: list[Outcome] = []
        self._chars = self._lines = 0

    def add(
        self, unit: _Unit, result: list[Outcome] | Part
    ) -> Iterator[tuple[Path, list[Outcome]]]:
        if isinstance(unit, _Whole) or unit.start == 0:
            yield from self.flush()
            self._path = unit.path
        if isinstance(result, list):
            self._outcomes += result
        else:
            self._add_part(unit.path, result)
        if isinstance(unit, _Whole):
            yield from self.flush()

    def _add_part(self, path: Path, result: Part) -> None:
        source = str(path)
        chars, lines = self._chars, self._lines
        append = self._outcomes.append
        # tuple.__new__ builds the named tuples without their Python-level __new__: this loop
        # runs once per hit in the main process, the part of --workers that does not scale.
        new = tuple.__new__
        for kind, local_start, local_end, value, confidence, validator, line in result.hits:
            start, end = chars + local_start, chars + local_end
            hit = new(Hit, (kind, start, end, value, confidence, validator))
            location = {"line": lines + line + 1, "start": start, "end": end}
            append(new(Located, (source, location, hit, None)))
        self._chars += result.chars
        self._lines += result.lines

    def flush(self) -> Iterator[tuple[Path, list[Outcome]]]:
        if self._path is not None:
            yield self._path, self._outcomes
        self._path, self._outcomes, self._chars, self._lines = None, [], 0, 0


class FileScanner:
    """Scans files; with workers > 1 in a pool of processes, large text files split in parts.

    Use as a context manager so the pool is started once and shut down at the end.
    """

    def __init__(self, workers: int = 1) -> None:
        self._workers = max(1, workers)
        self._detector: Detector | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> FileScanner:
        if self._workers == 1:
            self._detector = detector()
        else:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=context, initializer=_init_worker
            )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def scan(
        self, files: Iterable[Path]
    ) -> Iterator[tuple[Path, list[Outcome] | Iterator[Outcome]]]:
        """(file, its outcomes), file by file in the order given."""
        if self._pool is not None:
            tasks: list[list[_Unit]] = []

            def planned() -> Iterator[list[_Unit]]:
                for task in _tasks(files):  # each is sent as soon as it is planned
                    tasks.append(task)
                    yield task

            assembler = _Assembler()
            results_in_order = self._pool.map(_run_task, planned())
            for units, results in zip(tasks, results_in_order, strict=True):
                for unit, result in zip(units, results, strict=True):
                    yield from assembler.add(unit, result)
            yield from assembler.flush()
            return
        if self._detector is None:
            raise RuntimeError("FileScanner is used as a context manager")
        for path in files:
            yield path, scan_file(path, self._detector)
