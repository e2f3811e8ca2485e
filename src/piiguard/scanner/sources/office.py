"""Office documents and PDF: each cell, paragraph or page is scanned as its own text.

The readers' libraries are imported when a file of their kind is read: importing all three
costs about 0.3 s, at every `piiguard scan` and in every worker process, mostly for nothing.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain, islice, pairwise
from pathlib import Path
from typing import Any

from piiguard.scanner.detectors.fields import meaning_of
from piiguard.scanner.sources.tabular import header_row

Segment = tuple[dict[str, Any], str, str]  # location, text, hint (a column header)


@contextmanager
def workbook(path: Path) -> Iterator[Any]:
    """A workbook opened to read its values, row by row (also scanner/cells.py)."""
    import openpyxl  # noqa: PLC0415 - see the module's docstring

    with warnings.catch_warnings():
        # openpyxl warns about harmless oddities of files written by other tools
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        yield book
    finally:
        book.close()


def xlsx_segments(path: Path) -> Iterator[Segment]:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - see the module's docstring

    with workbook(path) as book:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            # The header is the row among the first five that names the most known fields (a
            # title row or merged group headings often stand above it), as in a CSV.
            first = [["" if v is None else str(v) for v in row] for row in islice(rows, 5)]
            at = header_row(first) if first else 0
            headers = dict(enumerate(first[at], start=1)) if first else {}
            # A table's header row is no form's row (客户编号 | 姓名 | 银行卡号: 姓名 names no
            # cell of it); a form's row, which header_row may pick, pairs each label with a
            # value (姓名 Name | 李輝穎 | 车牌 Plate | 粤E·972TD).
            table = bool(first) and not form_row(first[at])
            for r, row in enumerate(chain(first, rows), start=1):
                left = ""
                for c, value in enumerate(row, start=1):
                    if value is None or value == "":
                        left = ""
                        continue
                    location = {"sheet": sheet.title, "cell": f"{get_column_letter(c)}{r}"}
                    header = headers.get(c, "") if r > at + 1 else ""
                    if table and r == at + 1:
                        left = ""
                    yield location, str(value), _hint(left, header)
                    left = str(value).strip()


def form_row(row: list[str]) -> bool:
    """Whether a row reads as a form's (label | value | label | value): no two known field
    labels side by side, as a table's header has them (客户编号 | 姓名 | …)."""
    known = [bool(cell.strip()) and meaning_of(cell) is not None for cell in row]
    return not any(a and b for a, b in pairwise(known))


def _hint(left: str, header: str) -> str:
    """The column's header names a cell where it is a known field (a table's body: its
    description cell `Gas hob ignition pin` names no value beside it); else a form's label
    cell names the cell to its right (姓名 | 闭宁 | 性别 | 男; 工衣编号 Uniform No. |
    18737337394); else the column's header, whatever it says (R2.7)."""
    if header and meaning_of(header) is not None:
        return header
    return left if left and meaning_of(left) is not None else header


def docx_segments(path: Path) -> Iterator[Segment]:
    import docx  # noqa: PLC0415 - see the module's docstring

    document = docx.Document(str(path))
    for p, paragraph in enumerate(document.paragraphs, start=1):
        if paragraph.text:
            yield {"paragraph": p}, paragraph.text, ""
    for t, table in enumerate(document.tables, start=1):
        headers = [cell.text for cell in table.rows[0].cells] if table.rows else []
        for r, row in enumerate(table.rows, start=1):
            left = ""
            for c, cell in enumerate(row.cells, start=1):
                if cell.text:
                    # A form's label cell names the cell to its right (姓名 | 闭宁 | 性别 | 男);
                    # else the column's header names it.
                    header = headers[c - 1] if r > 1 and c <= len(headers) else ""
                    yield {"table": t, "row": r, "column": c}, cell.text, _hint(left, header)
                left = cell.text.strip()


def pdf_segments(path: Path) -> Iterator[Segment]:
    import logging  # noqa: PLC0415 - with pypdf

    from pypdf import PdfReader  # noqa: PLC0415 - see the module's docstring

    # pypdf logs what it repairs ("EOF marker not found") to standard error, in English, and
    # may quote the file: a damaged file is told by the scan's own message instead
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    reader = PdfReader(path)
    for p, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if text:
            yield {"page": p}, text, ""


READERS = {
    ".xlsx": xlsx_segments,
    ".xlsm": xlsx_segments,
    ".docx": docx_segments,
    ".pdf": pdf_segments,
}
