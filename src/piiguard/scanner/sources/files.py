"""Files and folders: which reader each file needs, and where each hit lies in it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.model import BytesRead, Located, Skipped
from piiguard.scanner.sources.office import READERS
from piiguard.scanner.sources.text import SAMPLE_BYTES, detect_encoding, scan_text_file

log = logging.getLogger(__name__)


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; links are not followed."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.is_symlink():
                    yield child
        else:
            yield path


class _Counted:
    """Passes bytes read on to a progress callback, keeping their sum."""

    def __init__(self, progress: BytesRead) -> None:
        self.progress = progress
        self.total = 0

    def __call__(self, count: int) -> None:
        self.total += count
        self.progress(count)


def scan_file(
    path: Path, detector: Detector, progress: BytesRead | None = None
) -> Iterator[Located | Skipped]:
    """Hits in one file, or why it was skipped. Text is streamed and `progress` told of
    each chunk as it is read; a document, a message or a skipped file counts whole when it
    is done — so each file adds up to its size (as it was when its scan began)."""
    if progress is None:
        yield from _scan_file(path, detector, None)
        return
    counted = _Counted(progress)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        yield from _scan_file(path, detector, counted)
    finally:
        if counted.total < size:
            progress(size - counted.total)


def _scan_file(
    path: Path, detector: Detector, progress: BytesRead | None
) -> Iterator[Located | Skipped]:
    source = str(path)
    try:
        reader = READERS.get(path.suffix.lower())
        if reader is not None:
            for location, text, hint in reader(path):
                for h in detector.scan(text, hint):
                    yield Located(source, {**location, "start": h.start, "end": h.end}, h)
            return
        if path.suffix.lower() == ".eml":
            from piiguard.scanner.sources.mail import mime_segments  # noqa: PLC0415 - email is slow to import

            parts = mime_segments(path)
            if parts is not None:  # encoded bodies or headers: scan them decoded
                for n, text in parts:
                    for h in detector.scan(text, ""):
                        yield Located(
                            source,
                            {
                                "mime_part": n,
                                "line": text.count("\n", 0, h.start) + 1,
                                "start": h.start,
                                "end": h.end,
                            },
                            h,
                        )
                return
        with path.open("rb") as stream:
            sample = stream.read(SAMPLE_BYTES)
        encoding = detect_encoding(sample)
        if encoding is None:
            yield Skipped(source, "binary: not text in a known encoding")
            return
        for h, line in scan_text_file(path, encoding, detector, progress=progress):
            yield Located(source, {"line": line, "start": h.start, "end": h.end}, h)
    except Exception as exc:
        log.debug("skipping %s", source, exc_info=True)
        yield Skipped(source, f"unreadable: {type(exc).__name__}: {exc}")
