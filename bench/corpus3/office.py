"""Office files of corpus 3: workbooks (openpyxl) and Word documents (python-docx).

The scanner reads them cell by cell and paragraph by paragraph, and gives each finding's
offsets inside its cell or paragraph. So an office file's labels live in a virtual text:
its segments (cells, paragraphs, table cells) one after another, a line end between; the
labels file records where each segment starts (`"segments": {key: offset}`, the key being
the finding's location without start/end), and the scorecard moves each finding there.

The files are made byte for byte the same from the same seed: fixed document dates, and
the zip rewritten with fixed entry times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from bench.corpus3.doc import Doc
from piiguard.scanner.scorecard import segment_key

FIXED = dt.datetime(2024, 1, 1, 8, 0, 0)  # noqa: DTZ001 - document properties are naive


@dataclass(slots=True)
class Cell:
    """A workbook cell: its value as stored (str, int, float or date) and, for the labels,
    its text as the scanner reads it (`str(value)`) with labelled parts."""

    value: object
    doc: Doc


@dataclass(slots=True)
class Sheet:
    title: str
    rows: list[list[Cell | None]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # ranges such as "A1:H1" (header rows)


@dataclass(slots=True)
class Word:
    """A Word document: paragraphs, then tables (rows of cells), each a labelled Doc."""

    paragraphs: list[Doc] = field(default_factory=list)
    tables: list[list[list[Doc]]] = field(default_factory=list)


@dataclass(slots=True)
class OfficeFile:
    kind: str
    body: list[Sheet] | Word
    template: str = ""

    @property
    def ext(self) -> str:
        return "docx" if isinstance(self.body, Word) else "xlsx"

    def segments(self) -> list[tuple[dict[str, Any], Doc]]:
        """(location as the scanner reports it, text) in reading order."""
        out: list[tuple[dict[str, Any], Doc]] = []
        if isinstance(self.body, Word):
            for p, para in enumerate(self.body.paragraphs, start=1):
                if para.text:
                    out.append(({"paragraph": p}, para))
            for t, table in enumerate(self.body.tables, start=1):
                for r, row in enumerate(table, start=1):
                    for c, cell in enumerate(row, start=1):
                        if cell.text:
                            out.append(({"table": t, "row": r, "column": c}, cell))
            return out
        from openpyxl.utils import get_column_letter  # noqa: PLC0415 - only for office files

        for sheet in self.body:
            for r, cells in enumerate(sheet.rows, start=1):
                for c, item in enumerate(cells, start=1):
                    if item is not None:
                        location = {"sheet": sheet.title, "cell": f"{get_column_letter(c)}{r}"}
                        out.append((location, item.doc))
        return out

    def labelled(self) -> tuple[Doc, dict[str, int]]:
        """The virtual text (segments joined by line ends) and where each segment starts."""
        whole, starts = Doc(), {}
        for location, part in self.segments():
            starts[segment_key(location)] = whole.pos
            for kind, start, end in part.spans:
                whole.spans.append((kind, whole.pos + start, whole.pos + end))
            whole.t(part.text, "\n")
        return whole, starts

    def data(self) -> bytes:
        raw = self._docx() if isinstance(self.body, Word) else self._xlsx(self.body)
        return _fixed_zip(raw)

    def _docx(self) -> bytes:
        import docx  # noqa: PLC0415 - only for office files

        assert isinstance(self.body, Word)  # noqa: S101 - narrowed for the type checker
        document = docx.Document()
        document.core_properties.created = FIXED
        document.core_properties.modified = FIXED
        for para in self.body.paragraphs:
            document.add_paragraph(para.text)
        for table in self.body.tables:
            grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
            # a row's cells at once: Table.cell(r, c) lists every cell of the table each call
            for cells, row in zip(grid.rows, table, strict=True):
                places = cells.cells
                for c, cell in enumerate(row):
                    places[c].text = cell.text
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    @staticmethod
    def _xlsx(sheets: list[Sheet]) -> bytes:
        import openpyxl  # noqa: PLC0415 - only for office files

        book = openpyxl.Workbook()
        book.properties.created = FIXED
        book.properties.modified = FIXED
        book.remove(book.active)
        for sheet in sheets:
            ws = book.create_sheet(sheet.title)
            for row in sheet.rows:
                ws.append([None if item is None else item.value for item in row])
            for cells in sheet.merged:
                ws.merge_cells(cells)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def _fixed_zip(raw: bytes) -> bytes:
    """The same archive with every entry dated FIXED (zip entries carry the time written),
    and the document's modification date FIXED too."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl dates `modified` when saving
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            dst.writestr(fixed, body)
    return out.getvalue()


def text_cell(kind: str | None, text: str) -> Cell:
    return Cell(text, Doc().v(kind, text))


def value_cell(kind: str | None, value: object, labelled: str | None = None) -> Cell:
    """A typed cell (a number, a date): the scanner reads str(value); `labelled` is the part
    of that text the label covers (all of it when None)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a workbook gives 15330.0 back as 15330
    text = str(value)
    part = labelled if labelled is not None else text
    at = text.index(part)
    return Cell(value, Doc().t(text[:at]).v(kind, part).t(text[at + len(part) :]))
