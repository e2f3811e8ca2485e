"""Corpus 12's files as bytes with their labels: plain text (UTF-8 with or without BOM, GBK,
CRLF), encoded mail (labelled in its decoded parts, as the scorecard lays them out) and
office files (labelled in the virtual text of their cells and paragraphs)."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.corpus12.values import Doc
from piiguard.scanner.corpus import Span
from piiguard.scanner.scorecard import mail_parts, segment_key
from piiguard.scanner.sources.office import docx_segments, xlsx_segments

STAMP = datetime(2026, 11, 30, 18, 0, 0)  # noqa: DTZ001 - the office files' own (naive) time


@dataclass(slots=True)
class Out:
    name: str  # kind/file.ext under files/
    kind: str
    data: bytes
    spans: list[Span]
    segments: dict[str, int] | None = None


def _check(holds: bool, what: str) -> None:
    if not holds:
        raise ValueError(what)


def name_fixup(text: str, spans: list[Span]) -> list[Span]:
    """A labelled name written again elsewhere in the file is labelled there too (a Latin
    one where it stands as a word); one written inside another label is an error."""
    spans = list(spans)
    names = {text[s.start : s.end] for s in spans if s.type == "person_name"}
    for person in sorted(p for p in names if len(p) >= 2):
        for m in re.finditer(re.escape(person), text):
            a, b = m.start(), m.end()
            if person.isascii() and (
                (a and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha())
            ):
                continue
            if any(s.start <= a and b <= s.end for s in spans):
                continue
            clash = [s for s in spans if s.start < b and a < s.end]
            if clash:
                raise ValueError(f"name {person!r} inside {clash[0]} in {text[a - 30 : b + 30]!r}")
            spans.append(Span("person_name", a, b))
    return sorted(spans)


def text_file(name: str, kind: str, doc: Doc, encoding: str = "utf-8", bom: bool = False) -> Out:
    text = doc.text
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a Vietnamese name in a GBK export: written as UTF-8
        data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return Out(name, kind, data, name_fixup(text, doc.spans))


def _laid(
    segments: list[tuple[str, str]], docs: dict[str, Doc]
) -> tuple[dict[str, int], list[Span], str]:
    """The virtual text of (key, value) segments one after another (each + newline), the
    labels of each segment's Doc moved to its offset."""
    offsets: dict[str, int] = {}
    spans: list[Span] = []
    text = ""
    for key, value in segments:
        offsets[key] = len(text)
        doc = docs.get(key)
        if doc is not None:
            _check(doc.text == value, f"{key}: {doc.text!r} != {value!r}")
            spans += [Span(s.type, s.start + len(text), s.end + len(text)) for s in doc.spans]
        text += value + "\n"
    return offsets, spans, text


Cell = Doc | str | int | None


def _doc(value: Cell) -> Doc | None:
    return value if isinstance(value, Doc) else None


def xlsx_file(name: str, kind: str, sheets: list[tuple[str, list[list[Cell]]]]) -> Out:
    from openpyxl import Workbook  # noqa: PLC0415 - slow to import
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    docs: dict[str, Doc] = {}
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                cell.value = value.text if isinstance(value, Doc) else value
                doc = _doc(value)
                if doc is not None and doc.spans:
                    loc = {"sheet": title, "cell": f"{get_column_letter(c)}{r}"}
                    docs[segment_key(loc)] = doc
    book.properties.created = book.properties.modified = STAMP
    buffer = io.BytesIO()
    book.save(buffer)
    return _office(name, kind, buffer.getvalue(), ".xlsx", docs)


def docx_file(name: str, kind: str, paragraphs: list[Cell], tables: list[list[list[Cell]]]) -> Out:
    import docx  # noqa: PLC0415 - slow to import

    document = docx.Document()
    docs: dict[str, Doc] = {}
    for p, value in enumerate(paragraphs, start=1):
        text = value.text if isinstance(value, Doc) else str(value or "")
        document.add_paragraph(text)
        doc = _doc(value)
        if doc is not None and doc.spans:
            docs[segment_key({"paragraph": p})] = doc
    for t, rows in enumerate(tables, start=1):
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                table.cell(r - 1, c - 1).text = (
                    value.text if isinstance(value, Doc) else str(value or "")
                )
                doc = _doc(value)
                if doc is not None and doc.spans:
                    docs[segment_key({"table": t, "row": r, "column": c})] = doc
    props = document.core_properties
    props.created = props.modified = props.last_printed = STAMP
    buffer = io.BytesIO()
    document.save(buffer)
    return _office(name, kind, buffer.getvalue(), ".docx", docs)


def _fixed(data: bytes) -> bytes:
    """The zip rewritten with one fixed time for every entry (the same seed, the same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save's time
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-30T18:00:00Z", body
                )
            dst.writestr(fixed, body)
    return out.getvalue()


def _office(name: str, kind: str, data: bytes, ext: str, docs: dict[str, Doc]) -> Out:
    data = _fixed(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        path.write_bytes(data)
        reader = xlsx_segments if ext == ".xlsx" else docx_segments
        segments = [(segment_key(loc), value) for loc, value, _ in reader(path)]
    keys = {k for k, _ in segments}
    _check(set(docs) <= keys, f"{name}: no segments {set(docs) - keys}")
    offsets, spans, text = _laid(segments, docs)
    return Out(name, kind, data, name_fixup(text, spans), offsets)


def mail_file(
    name: str, kind: str, data: bytes, headers: list[tuple[str, Doc]], parts: list[Doc]
) -> Out:
    """An encoded message: labelled in part 0 (its headers decoded; each labelled header
    value found in its line) and each text part (decoded text == the part's Doc)."""
    laid = mail_parts(data)
    if laid is None:
        raise ValueError(f"{name}: nothing encoded")
    text, segments = laid
    starts = sorted(segments.values())
    spans: list[Span] = []
    head = text[: starts[1]] if len(starts) > 1 else text
    cursor = 0
    for header, doc in headers:
        line_at = head.index(f"{header}: ", cursor)
        line_end = head.find("\n", line_at)
        line_end = len(head) if line_end < 0 else line_end
        seek = line_at
        for s in doc.spans:
            value = doc.text[s.start : s.end]
            at = head.index(value, seek, line_end)
            spans.append(Span(s.type, at, at + len(value)))
            seek = at + len(value)
        cursor = line_end
    for n, doc in enumerate(parts, start=1):
        base = starts[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        _check(text[base:end] == doc.text, f"{name}: part {n} decodes otherwise")
        spans += [Span(s.type, s.start + base, s.end + base) for s in doc.spans]
    return Out(name, kind, data, name_fixup(text, spans), segments)
