"""A text table aligned with spaces whose rows do not split as its header does (a printed
purchase order, a fixed-width report): each value is read under the header words above it,
by display column (issue 18, R2.7).

    行 料号 Part No.      品名 Description           数量  单价
    1  13800138000        铝基板 Aluminium PCB 12W   5000  1.85

One space parts the header's words (`行 料号 Part No.` reads as one cell) while two part the
row's values, so the cells do not pair one to one. Such a table is laid out for the eye: a
Chinese character takes two columns of the screen, and `13800138000` starts in the column of
`料号`. Each row cell takes as its field name the header words whose columns it overlaps
(`料号 Part No.`: a part number, a look-alike, not a phone); a cell under no header word,
or a row whose first cell starts left of the header, is not read (tables.py's rules go on
as before).
"""

from __future__ import annotations

import re
import unicodedata

from piiguard.scanner.detectors import fields

_WORD = re.compile(r"[^ \t]+")
_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")


def _columns(line: str) -> list[int]:
    """The display column each character of the line starts at (and the line's end): wide
    and full-width characters (Chinese) take two."""
    out, col = [], 0
    for c in line:
        out.append(col)
        col += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    out.append(col)
    return out


def aligned_cells(
    text: str, header: tuple[int, int], row: tuple[int, int]
) -> list[tuple[str, int, int]] | None:
    """The meaning and span of each value of the row text[row[0]:row[1]] that sits under
    header words of a known meaning (header: the span of the header line), by display
    column; None when the row does not sit under the header (a cell under no header word)."""
    head, line = text[header[0] : header[1]], text[row[0] : row[1]].rstrip("\r")
    hcols, rcols = _columns(head), _columns(line)
    words = [(hcols[m.start()], hcols[m.end()], m.group()) for m in _WORD.finditer(head)]
    out: list[tuple[str, int, int]] = []
    for cell in _CELL.finditer(line):
        lo, hi = rcols[cell.start()], rcols[cell.end()]
        over = [w for a, b, w in words if a < hi and lo < b]
        if not over:
            return None
        meaning = fields.meaning_of(" ".join(over))
        if meaning is not None:
            out.append((meaning, row[0] + cell.start(), row[0] + cell.end()))
    return out
