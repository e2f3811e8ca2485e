"""Files and folders: which reader each file needs, and where each hit lies in it."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.model import BINARY, BytesRead, Located, Skipped, unreadable
from piiguard.scanner.sources.office import READERS
from piiguard.scanner.sources.text import SAMPLE_BYTES, detect_encoding, scan_text_file

log = logging.getLogger(__name__)


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; links are not followed."""
    for path, _size in sized(paths):
        yield path


def sized(
    paths: Iterable[Path], unlisted: list[Path] | None = None
) -> Iterator[tuple[Path, int | None]]:
    """walk's files, each with its size where the folder's listing told it (None: a path
    given itself, or one that could not be read: the caller asks). One system call a file
    found in a folder, where `rglob` and `is_file` took two and the size a third (a folder
    of many small files: issue 18). A link given itself is followed (as `find -H` does);
    links met inside folders are not. Folders that could not be listed go to `unlisted`."""
    for path in paths:
        if path.is_dir():
            yield from sorted(_under(path, unlisted), key=lambda found: found[0])
        else:
            yield path, None


def _under(folder: Path, unlisted: list[Path] | None) -> Iterator[tuple[Path, int | None]]:
    """The regular files under `folder` (as `rglob("*")` then `is_file() and not
    is_symlink()` find them: no link followed; folders that cannot be listed are passed
    over, and noted in `unlisted`), unsorted."""
    stack = [folder]
    while stack:
        parent = stack.pop()
        try:
            with os.scandir(parent) as listing:
                entries = list(listing)
        except OSError:
            if unlisted is not None:
                unlisted.append(parent)
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(parent / entry.name)
                elif entry.is_file(follow_symlinks=False):
                    yield parent / entry.name, entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue  # gone since it was listed


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
            yield Skipped(source, BINARY)
            return
        for h, line in scan_text_file(path, encoding, detector, progress=progress):
            yield Located(source, {"line": line, "start": h.start, "end": h.end}, h)
    except Exception as exc:
        log.debug("skipping %s", source, exc_info=True)
        yield unreadable(path, exc)
