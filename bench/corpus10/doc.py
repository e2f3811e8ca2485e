"""A text being written with its labels: every value is written through `v` (or `lk` for a
look-alike), so its offsets are known as it is written."""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict, deque
from collections.abc import Iterable
from pathlib import Path

from piiguard.scanner.scorecard import segment_key

LOOK = "lookalike"


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.spans: list[list[object]] = []
        self.marks: list[tuple[str, str, str]] = []  # (type, value, text just before it)

    def t(self, *texts: str) -> Doc:
        for s in texts:
            self.parts.append(s)
            self.n += len(s)
        return self

    def v(self, kind: str, value: str) -> Doc:
        before = "".join(self.parts[-3:])[-8:]
        self.marks.append((kind, value, before))
        self.spans.append([kind, self.n, self.n + len(value)])
        return self.t(value)

    def lk(self, value: str) -> Doc:
        return self.v(LOOK, value)

    def text(self) -> str:
        return "".join(self.parts)

    def crlf(self) -> tuple[str, list[list[object]]]:
        """The text with CRLF line ends and the spans moved with it."""
        text = self.text()
        before = [0] * (len(text) + 1)
        for i, ch in enumerate(text):
            before[i + 1] = before[i] + (ch == "\n")
        spans = [[k, int(a) + before[int(a)], int(b) + before[int(b)]] for k, a, b in self.spans]  # type: ignore[call-overload]
        return text.replace("\n", "\r\n"), spans


def locate(text: str, marks: Iterable[tuple[str, str, str]]) -> list[list[object]]:
    """Labels for values written in order into a text that was then encoded and decoded
    again (mail parts): each value is found after the previous one, by the text just before
    it where that survived."""
    spans: list[list[object]] = []
    at = 0
    for kind, value, before in marks:
        for ctx in (before, before[-3:], ""):
            found = text.find(ctx + value, at)
            if found >= 0:
                start = found + len(ctx)
                break
        else:
            raise ValueError(f"{value!r} is not in the decoded text")
        spans.append([kind, start, start + len(value)])
        at = start + len(value)
    return spans


class Cells:
    """Labels of office files: each cell or paragraph written with its own spans, placed in
    the scorecard's virtual text (segments one after another, each followed by a newline)."""

    def __init__(self) -> None:
        self.by_text: dict[str, deque[list[list[object]]]] = defaultdict(deque)

    def cell(self, d: Doc | str) -> str:
        doc = Doc().t(d) if isinstance(d, str) else d
        if doc.text():
            self.by_text[doc.text()].append(doc.spans)
        return doc.text()

    def place(
        self, segments: Iterable[tuple[dict[str, object], str, str]]
    ) -> tuple[list[list[object]], dict[str, int]]:
        spans: list[list[object]] = []
        keys: dict[str, int] = {}
        offset = 0
        for loc, value, _hint in segments:
            keys[segment_key(loc)] = offset
            queue = self.by_text.get(value)
            if queue:
                spans += [[k, offset + int(a), offset + int(b)] for k, a, b in queue.popleft()]  # type: ignore[call-overload]
            offset += len(value) + 1
        left = [t for t, q in self.by_text.items() if any(q)]
        if left:
            raise ValueError(f"cells not read back: {left[:3]}")
        return spans, keys


def fixed_zip(path: Path) -> None:
    """An office file made reproducible: every member dated 2026-01-05 00:00, the document
    modified then."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, raw in members:
            data = raw
            if name == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-05T09:00:00Z", raw
                )
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 5, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    path.write_bytes(out.getvalue())
