"""What a source yields: a hit with where it was found, or a file it had to skip.

Named tuples, not dataclasses: as immutable, cheaper to create by a few times (a 5 MB scan
yields about 100,000) and to send between processes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

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
