"""Text files: encoding detection and streaming in overlapping windows, memory flat."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.model import Hit

CHUNK_BYTES = 1 << 20
# A window re-scans this many code points of its predecessor, so a match cut by a chunk
# boundary is seen whole (the longest, a private key block, is about 6,000).
OVERLAP = 8192
CONTEXT = 256  # code points kept before a window for context words
SAMPLE_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decodes(sample: bytes, encoding: str) -> bool:
    """Decodes strictly to something that reads as text (few control characters)."""
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return controls <= len(text) // 20


def detect_encoding(sample: bytes) -> str | None:  # noqa: PLR0911 - first test that holds
    """The encoding of a text file from its first bytes; None when it is not text."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if not sample:
        return "utf-8"
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    if zeros_odd > 0.3 * half and zeros_even < 0.05 * half and _decodes(sample, "utf-16-le"):
        return "utf-16-le"
    if zeros_even > 0.3 * half and zeros_odd < 0.05 * half and _decodes(sample, "utf-16-be"):
        return "utf-16-be"
    if 0 in sample:
        return None
    if _decodes(sample, "utf-8"):
        return "utf-8"
    if _decodes(sample, "gb18030"):
        return "gb18030"
    best = from_bytes(sample).best()
    return None if best is None else str(best.encoding)


@dataclass(frozen=True, slots=True)
class Window:
    text: str
    offset: int  # code-point offset of text[0] in the whole decoded file
    line: int  # line number of text[0]
    emit_from: int  # hits starting in [emit_from, emit_to) belong to this window
    emit_to: int


def windows(path: Path, encoding: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[Window]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending, base, line, emit_from = "", 0, 1, 0
    with path.open("rb") as stream:
        while True:
            raw = stream.read(chunk_bytes)
            final = not raw
            pending += decoder.decode(raw, final=final)
            if final:
                yield Window(pending, base, line, emit_from, base + len(pending))
                return
            if len(pending) <= OVERLAP + CONTEXT:
                continue
            emit_to = base + len(pending) - OVERLAP
            yield Window(pending, base, line, emit_from, emit_to)
            keep = emit_to - CONTEXT - base
            line += pending.count("\n", 0, keep)
            pending, base, emit_from = pending[keep:], base + keep, emit_to


def scan_text_file(
    path: Path, encoding: str, detector: Detector, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[tuple[Hit, int]]:
    """Hits with offsets into the whole decoded file, each with its 1-based line."""
    for window in windows(path, encoding, chunk_bytes):
        line, counted = window.line, 0
        for h in detector.scan(window.text):
            start = window.offset + h.start
            if not window.emit_from <= start < window.emit_to:
                continue
            line += window.text.count("\n", counted, h.start)
            counted = h.start
            shifted = Hit(h.type, start, window.offset + h.end, h.value, h.confidence, h.validator)
            yield shifted, line
