"""The record of processing as an XLSX workbook (R10.1): one worksheet per layout
(domain/records/layouts.py — GDPR Art. 30 and PIPL), a title, the lines above the table,
then the header and one row per activity. openpyxl, which the scanner already reads XLSX
with. A register's text is never written as a formula: a value starting with "=" is
stored as a string."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from piiguard.domain.records.layouts import Sheet

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="DDDDDD")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _put(ws: Any, row: int, col: int, value: str) -> Any:
    cell = ws.cell(row=row, column=col, value=value)
    if value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    cell.alignment = _WRAP
    return cell


def workbook(sheets: Sequence[Sheet]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name[:31])
        title = ws.cell(row=1, column=1, value=s.title)
        title.font = Font(bold=True, size=13)
        row = 2
        for label, value in s.preamble:
            _put(ws, row, 1, label).font = _BOLD
            _put(ws, row, 2, value)
            row += 1
        row += 1
        for col, name in enumerate(s.header, start=1):
            cell = _put(ws, row, col, name)
            cell.font, cell.fill = _BOLD, _HEAD
        ws.freeze_panes = ws.cell(row=row + 1, column=2)
        for values in s.rows:
            row += 1
            for col, value in enumerate(values, start=1):
                _put(ws, row, col, value)
        for col in range(1, len(s.header) + 1):
            ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 28
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
