"""Where each cell of a table-like file lies, for `piiguard scan --by-column` (issue 18):
the cells of a CSV/TSV file, of a spreadsheet's sheets and of a JSON or JSON Lines file (a
key path is a column: the same path across records), each with its column and row.

Read in the main process once the file has been scanned (in one process or several, whole
or in parts), so a column's findings are counted in one place however the file was cut.
The values are read only to tell cells from empty ones: nothing here keeps or returns one.

A cell of a delimited or JSON file is a span of code points of the whole decoded file, the
offsets the scan's hits carry (`location.start`), yielded in file order; a spreadsheet's is
named by its sheet and reference, as its hits are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from piiguard.scanner.detectors.tables import csv_cells
from piiguard.scanner.sources.office import workbook
from piiguard.scanner.sources.tabular import SUFFIXES, header_row, sniff_delimiter
from piiguard.scanner.sources.text import SAMPLE_BYTES, detect_encoding

CSV_SUFFIXES = frozenset(SUFFIXES)
SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TABULAR = CSV_SUFFIXES | SHEET_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
_HEADER_RECORDS = 5  # the header is looked for among the first records (tabular.header_row)
_CHUNK = 1 << 20


class Column(NamedTuple):
    """A column: its sheet (spreadsheets), its position (1-based; 0 for a JSON key path) and
    its name (the header cell, or the key path: `customer.mobile`, `orders[].phone`)."""

    sheet: str | None
    position: int
    name: str


class Cell(NamedTuple):
    start: int  # code points into the whole decoded file
    end: int
    column: Column
    row: int  # CSV/TSV and JSON Lines: line in the file; JSON: record (1-based)


def kind_of(path: Path) -> str | None:
    """ "csv", "sheet", "json", "jsonl", or None: a file reported finding by finding."""
    suffix = path.suffix.lower()
    for kind, suffixes in (
        ("csv", CSV_SUFFIXES),
        ("sheet", SHEET_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


def encoding_of(path: Path) -> str | None:
    """The encoding the scan read the file in (text.detect_encoding on its first bytes)."""
    with path.open("rb") as stream:
        return detect_encoding(stream.read(SAMPLE_BYTES))


def _lines(path: Path, encoding: str) -> Iterator[str]:
    """The decoded file line by line, each with its line feed (none after the last), in the
    code points the scan counted (the same incremental decoding, bad bytes replaced)."""
    pending = ""
    with path.open("r", encoding=encoding, errors="replace", newline="") as stream:
        while chunk := stream.read(_CHUNK):
            pending += chunk
            lines = pending.split("\n")
            pending = lines.pop()
            for line in lines:
                yield line + "\n"
    if pending:
        yield pending


def _records(path: Path, encoding: str) -> Iterator[tuple[int, int, str]]:
    """CSV records: (offset, first line, text); a quoted cell may hold line feeds."""
    offset, line_no = 0, 1
    record, start, first = "", 0, 1
    for line in _lines(path, encoding):
        if not record:
            start, first = offset, line_no
        record += line
        offset += len(line)
        line_no += 1
        if record.count('"') % 2 == 0:
            yield start, first, record
            record = ""
    if record:
        yield start, first, record


def csv_cells_of(path: Path) -> Iterator[Cell]:
    """The non-empty cells below the header of a CSV/TSV file, in order. The header is the
    record naming the most known fields among the first five (as the scan reads it); a
    cell past the header's width is named by its position."""
    encoding = encoding_of(path)
    if encoding is None:
        return
    records = _records(path, encoding)
    head: list[tuple[int, int, str]] = []
    for item in records:
        head.append(item)
        if len(head) == _HEADER_RECORDS:
            break
    if not head:
        return
    delimiter = SUFFIXES[path.suffix.lower()] or sniff_delimiter(
        "\n".join(record.split("\n", 1)[0] for _s, _l, record in head)
    )

    def spans(record: str) -> list[tuple[int, int]]:
        return csv_cells(record, 0, len(record.rstrip("\n")), delimiter)

    rows = [[record[a:b].strip() for a, b in spans(record)] for _s, _l, record in head]
    at = header_row(rows)
    header = rows[at]
    columns = [Column(None, i + 1, name or f"#{i + 1}") for i, name in enumerate(header)]

    def cells(start: int, line: int, record: str) -> Iterator[Cell]:
        for i, (a, b) in enumerate(spans(record)):
            if record[a:b].strip():
                column = columns[i] if i < len(columns) else Column(None, i + 1, f"#{i + 1}")
                yield Cell(start + a, start + b, column, line)

    for start, line, record in head[at + 1 :]:
        yield from cells(start, line, record)
    for start, line, record in records:
        yield from cells(start, line, record)


_TOKEN = re.compile(
    r'[ \t\r\n]*(?:"((?:[^"\\\n]|\\.)*)"|([{}\[\]:,])|(-?[0-9][0-9.eE+\-]*|true|false|null))'
)


class _Malformed(ValueError):
    pass


def _key(raw: str) -> str:
    """A key as written (escapes decoded: `"\\u59d3\\u540d"` is 姓名)."""
    if "\\" not in raw:
        return raw
    try:
        return str(json.loads(f'"{raw}"'))
    except ValueError:
        return raw


def _json_values(text: str, base: int, row: int | None) -> Iterator[Cell]:
    """The non-empty scalar values of the JSON text in `text` (offset `base` in the file),
    each named by its key path, in order. Their row: `row` (a JSON line's number), else
    the place of their record in the outermost array (1 when there is none)."""
    frames: list[_Frame] = []
    expect_key = False
    pos, size = 0, len(text.rstrip(" \t\r\n"))
    while pos < size:
        m = _TOKEN.match(text, pos)
        if m is None:
            raise _Malformed(pos)
        pos = m.end()
        string, mark, scalar = m.group(1), m.group(2), m.group(3)
        if mark is not None:
            if mark in "[{":
                frames.append(_Frame(mark == "{"))
                expect_key = mark == "{"
            elif not frames:
                raise _Malformed(pos)
            elif mark in "]}":
                frames.pop()
                expect_key = False
            elif mark == ",":
                top = frames[-1]
                expect_key = top.is_object
                top.index += 1
            continue  # ":" needs nothing
        if not frames:
            raise _Malformed(pos)  # a record is an object or an array
        if expect_key and string is not None:
            frames[-1].key = _key(string)
            expect_key = False
            continue
        if (string is not None and not string.strip()) or scalar == "null":
            continue
        group = 1 if string is not None else 3
        at = row
        if at is None:
            at = next((f.index + 1 for f in frames if not f.is_object), 1)
        yield Cell(base + m.start(group), base + m.end(group), Column(None, 0, _path(frames)), at)


class _Frame:
    """An object or array being read: the key of its current member, or its element's
    place."""

    __slots__ = ("index", "is_object", "key")

    def __init__(self, is_object: bool) -> None:
        self.is_object = is_object
        self.key = ""
        self.index = 0


def _path(frames: list[_Frame]) -> str:
    """`customer.mobile`, `orders[].phone`; the array of records a JSON file holds at its
    top is not part of the path (its elements are the rows)."""
    parts: list[str] = []
    for i, frame in enumerate(frames):
        if frame.is_object:
            parts.append(f".{frame.key}")
        elif i > 0:
            parts.append("[]")
    return "".join(parts).lstrip(".") or "[]"


def json_cells_of(path: Path, jsonl: bool) -> Iterator[Cell]:
    """The non-empty scalar values of a JSON file (read whole) or JSON Lines file (line by
    line; a line that does not parse has no cells), in order. A JSON file that does not
    parse has none: its findings are then reported one by one."""
    encoding = encoding_of(path)
    if encoding is None:
        return
    if not jsonl:
        with path.open("r", encoding=encoding, errors="replace", newline="") as stream:
            text = stream.read()
        try:
            cells = list(_json_values(text, 0, None))
        except _Malformed:
            return
        yield from cells
        return
    offset = 0
    for line_no, line in enumerate(_lines(path, encoding), start=1):
        try:
            cells = list(_json_values(line, offset, line_no))
        except _Malformed:
            cells = []
        yield from cells
        offset += len(line)


def sheet_cells_of(path: Path) -> tuple[dict[Column, int], dict[tuple[str, str], Column]]:
    """A workbook's columns with their count of non-empty cells below the header row (row
    1, as the scan reads it), and each (sheet, column letter)'s Column."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - only for a workbook

    counts: dict[Column, int] = {}
    named: dict[tuple[str, str], Column] = {}
    with workbook(path) as book:
        for sheet in book.worksheets:
            headers: dict[int, str] = {}
            for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for c, value in enumerate(row, start=1):
                    if value is None or not str(value).strip():
                        continue
                    if r == 1:
                        headers[c] = str(value).strip()
                        continue
                    letter = get_column_letter(c)
                    column = named.get((sheet.title, letter))
                    if column is None:
                        column = Column(sheet.title, c, headers.get(c, letter))
                        named[(sheet.title, letter)] = column
                    counts[column] = counts.get(column, 0) + 1
    return counts, named
