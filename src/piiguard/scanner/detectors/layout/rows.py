"""The rows of a table in text that do not split as its header does and yet do not end it:
a note written under the row above, a fixed-width row whose cells one space parts."""

from __future__ import annotations


def note(line: str, first: int) -> bool:
    """A line indented past the header's first cell, blank under it: a note written under
    the row above (`      Lot: L2601`), not the table's end."""
    indent = len(line) - len(line.lstrip(" \t"))
    return first > 0 and indent >= first and line[indent : indent + 1] not in ("", "\r")


def uneven(sep: str, row: list[tuple[int, int]], cells: list[tuple[int, int]]) -> bool:
    """A row of a table aligned with spaces whose cells one space alone parts somewhere
    (`Ingrid Suzuki 8927 2605 8192` in a fixed-width statement): one cell fewer or more
    than the header's, its values unread, and the rows under it read on (R2.7)."""
    return sep == "  " and len(cells) >= 4 and abs(len(row) - len(cells)) == 1
