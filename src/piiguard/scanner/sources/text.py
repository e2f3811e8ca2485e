"""Text files: encoding detection and streaming in overlapping windows, memory flat."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.engine import merge
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.sources.model import BytesRead
from piiguard.scanner.sources.tabular import table_of

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


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # below " " but for \t \n \f \r
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])
# Encodings in which a byte below 0x20 is always a character of its own (every byte of a
# longer sequence is 0x30 or above): their control characters are counted on the bytes.
_BYTEWISE_CONTROLS = ("utf-8", "gb18030")


def _decodes(sample: bytes, encoding: str) -> bool:
    """Decodes strictly to something that reads as text (few control characters)."""
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    if encoding in _BYTEWISE_CONTROLS:  # the same count, without a list of matches (issue 18)
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROLS.findall(text))
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
    # the last resort, imported only when it is needed (a tenth of a second of every start)
    from charset_normalizer import from_bytes  # noqa: PLC0415

    best = from_bytes(sample).best()
    return None if best is None else str(best.encoding)


@dataclass(frozen=True, slots=True)
class Window:
    text: str
    offset: int  # code-point offset of text[0] in the whole decoded file
    line: int  # line number of text[0]
    emit_from: int  # hits starting in [emit_from, emit_to) belong to this window
    emit_to: int


def windows(
    path: Path, encoding: str, chunk_bytes: int = CHUNK_BYTES, progress: BytesRead | None = None
) -> Iterator[Window]:
    """The decoded file in overlapping windows, read `chunk_bytes` at a time (each chunk's
    size told to `progress` as it is read)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending, base, line, emit_from = "", 0, 1, 0
    with path.open("rb") as stream:
        while True:
            raw = stream.read(chunk_bytes)
            final = not raw
            if raw and progress is not None:
                progress(len(raw))
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
    path: Path,
    encoding: str,
    detector: Detector,
    chunk_bytes: int = CHUNK_BYTES,
    progress: BytesRead | None = None,
) -> Iterator[tuple[Hit, int]]:
    """Hits with offsets into the whole decoded file, each with its 1-based line (in a CSV
    or TSV file, with its columns' hits: tabular.py)."""
    table = table_of(path, encoding)
    for window in windows(path, encoding, chunk_bytes, progress):
        line, counted, offset = window.line, 0, window.offset
        hits = detector.scan(window.text)
        if table is not None:
            lo, hi = window.emit_from - offset, window.emit_to - offset
            hits = merge(hits, table.hits(window.text, lo, hi, 0 if offset == 0 else -1))
        for h in hits:
            start = offset + h.start
            if not window.emit_from <= start < window.emit_to:
                continue
            line += window.text.count("\n", counted, h.start)
            counted = h.start
            if offset:  # the first window's offsets are the file's already
                h = Hit(h.type, start, offset + h.end, h.value, h.confidence, h.validator)  # noqa: PLW2901
            yield h, line


# Splitting one file across processes. Parts are byte ranges cut just after a line feed,
# which in UTF-8, the GB encodings and the other ASCII-compatible ones is always a character
# of its own, so each part decodes on its own exactly as it would inside the whole file.
# UTF-16 and UTF-32 files are not split.
PRE_BYTES = 4 * CONTEXT  # at least CONTEXT code points of context before a part
# After a part, room for a match that begins in it to end: 8 KiB holds the longest (a private
# key block, ASCII, about 6,100 characters) and is scanned twice, so it is kept small.
POST_BYTES = OVERLAP
_FIND_CUT = 1 << 16  # how far past a cut point to look for a line feed


def splittable(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return "16" not in name and "32" not in name


def cut_points(path: Path, size: int, part_bytes: int, encoding: str) -> list[int]:
    """Byte offsets where parts of about `part_bytes` begin (0 first), each just after a line
    feed; in UTF-8 text with no line feed within 64 KiB of the cut point, at the next
    character boundary instead; in other encodings, then no cut is made there."""
    utf8 = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    cuts = [0]
    with path.open("rb") as stream:
        target = part_bytes
        while target < size - part_bytes // 4:
            stream.seek(target)
            block = stream.read(_FIND_CUT)
            feed = block.find(b"\n")
            if feed >= 0:
                cuts.append(target + feed + 1)
            elif utf8:
                lead = next((i for i, b in enumerate(block) if not 0x80 <= b < 0xC0), None)
                if lead is not None:
                    cuts.append(target + lead)
            target += part_bytes
    return cuts


# A hit of a part: type, start and end in code points from the part's start, value,
# confidence, validator, and the count of line feeds before it within the part. Plain tuples
# travel between processes several times faster than named tuples.
PartHit = tuple[str, int, int, str, float, Validator, int]


@dataclass(frozen=True, slots=True)
class Part:
    """Hits of a part of a file, offsets relative to the part, and the part's size."""

    hits: list[PartHit]
    chars: int  # code points in the part
    lines: int  # line feeds in the part


def scan_text_part(
    path: Path,
    encoding: str,
    start: int,
    end: int | None,
    detector: Detector,
    progress: BytesRead | None = None,
) -> Part:
    """Scan bytes [start, end) of a text file (end None: to the end), with context before
    and overlap after, keeping the hits that begin inside the range (whose size is told to
    `progress` once read: the context is counted by the parts it belongs to)."""
    with path.open("rb") as stream:
        before = max(0, start - PRE_BYTES)
        stream.seek(before)
        pre_raw = stream.read(start - before)
        main_raw = stream.read() if end is None else stream.read(end - start)
        post_raw = b"" if end is None else stream.read(POST_BYTES)
    if progress is not None:
        progress(len(main_raw))
    return _scan_raw(path, encoding, start, (pre_raw, main_raw, post_raw), detector)


def scan_text_bytes(
    path: Path, data: bytes, encoding: str, detector: Detector, progress: BytesRead | None = None
) -> Part:
    """A whole small file already read (`data`: its bytes), scanned as scan_text_part scans
    it from start to end: the same Part, without opening the file again for it or for its
    table's head (a folder of small files: one read each, issue 18)."""
    if progress is not None:
        progress(len(data))
    return _scan_raw(path, encoding, 0, (b"", data, b""), detector, head=data)


def _scan_raw(
    path: Path,
    encoding: str,
    start: int,
    raw: tuple[bytes, bytes, bytes],
    detector: Detector,
    head: bytes | None = None,
) -> Part:
    """The Part of the bytes `raw` (context before, the part, overlap after) that begin at
    byte `start` of the file; `head`, the file's first bytes when the caller holds them."""
    pre_raw, main_raw, post_raw = raw
    plain = "utf-8" if encoding == "utf-8-sig" else encoding
    # The context may begin inside a character: its first code point may be a replacement.
    pre = pre_raw.decode(plain, "replace")
    main = main_raw.decode(encoding if start == 0 else plain, "replace")
    post = post_raw.decode(plain, "replace")
    shift = len(pre)
    size = len(main)
    text = pre + main + post
    found = detector.scan(text)
    table = table_of(path, encoding, head)
    if table is not None:
        found = merge(found, table.hits(text, shift, shift + size, 0 if start == 0 else -1))
    return Part(_part_hits(found, main, shift, size), size, main.count("\n"))


def part_hits_python(found: list[Hit], main: str, shift: int, size: int) -> list[PartHit]:
    """The hits of pre + main + post that begin in main, offsets relative to main, each with
    the line feeds of main before it (what _jsonl.part_hits does in C)."""
    hits: list[PartHit] = []
    counted = lines = 0
    for kind, h_start, h_end, value, confidence, validator in found:
        local = h_start - shift
        if not 0 <= local < size:
            continue
        lines += main.count("\n", counted, local)
        counted = local
        hits.append((kind, local, h_end - shift, value, confidence, validator, lines))
    return hits


def _compiled_part_hits() -> Callable[[list[Hit], str, int, int], list[PartHit]]:
    """_jsonl.part_hits (about a microsecond a hit less: 90,000 hits in 5 MB) where it is
    built and the scanner is not asked to run pure Python."""
    if os.environ.get("PIIGUARD_SCANNER_PURE"):
        return part_hits_python
    try:
        from piiguard.scanner._jsonl import part_hits  # noqa: PLC0415 - optional compiled module
    except ImportError:
        return part_hits_python
    return part_hits


_part_hits = _compiled_part_hits()
