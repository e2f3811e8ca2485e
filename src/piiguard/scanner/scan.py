"""Scanning files, in one process or several: one detector per process, files shared out."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located, Skipped

Outcome = Located | Skipped
_worker_detector: Detector | None = None


def _init_worker() -> None:
    global _worker_detector  # noqa: PLW0603 - one compiled detector per worker process
    _worker_detector = Detector()


def _scan_in_worker(path: Path) -> list[Outcome]:
    assert _worker_detector is not None  # noqa: S101 - set by the pool initializer
    return list(scan_file(path, _worker_detector))


class FileScanner:
    """Scans files; with workers > 1 each file goes whole to one of a pool of processes.

    Use as a context manager so the pool is started once and shut down at the end.
    """

    def __init__(self, workers: int = 1) -> None:
        self._workers = max(1, workers)
        self._detector: Detector | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> FileScanner:
        if self._workers == 1:
            self._detector = Detector()
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
            paths = list(files)
            yield from zip(paths, self._pool.map(_scan_in_worker, paths), strict=True)
            return
        if self._detector is None:
            raise RuntimeError("FileScanner is used as a context manager")
        for path in files:
            yield path, scan_file(path, self._detector)
