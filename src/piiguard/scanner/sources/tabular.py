"""CSV and TSV files: each column is known by its header, and classified once from the
header and a sample of its values; each cell of a classified column is then held to what the
column holds (fields.classify) — a bare `Sarah Duan` under `name`, `1963-07-27` under
`birthday`, `6222…` under `银行账号` (a bank account, not a card) — and a cell under `P/N`,
`型号` or `version` is claimed so that a phone- or IP-shaped part number there is not
reported.

The rest of the file is scanned as text, as before (text.py): these hits are merged with the
detector's (engine.merge), where a column's hit outranks an overlapping generic one.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.contact.phoned import PHONE_HEADER
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.places.zones import ADDRESS_HEADER
from piiguard.scanner.detectors.tables import cell_hit, csv_cells, row_hits

SUFFIXES = {".csv": None, ".tsv": "\t", ".tab": "\t"}  # None: sniff the delimiter
_HEAD_BYTES = 64 * 1024
_SAMPLE_ROWS = 50
_HEADER_ROWS = 5  # the header is looked for among the first rows
_QUOTED_LINES = 32  # the lines a quoted cell may run over (a note, an address on lines)
_NAMES = (fields.NAME, fields.NAME_PART)


@dataclass(frozen=True, slots=True)
class Table:
    """A delimited file's columns: the meaning of each (None: scanned as text only)."""

    delimiter: str
    meanings: tuple[str | None, ...]
    header: tuple[str, ...] = ()  # the header row's cells (not always the first row)
    # further tables under headers of their own, by width (a form's item lines)
    sections: tuple[tuple[tuple[str | None, ...], tuple[str, ...]], ...] = ()
    headerless: bool = False  # no header row: the first row is read as the others are

    def hits(self, text: str, lo: int, hi: int, header_at: int = -1) -> list[Hit]:
        """Hits of the classified columns in the rows that begin in text[lo:hi], and in the
        row that runs into `lo` when its start is in `text` (the row at
        `header_at` is the header and is skipped)."""
        out: list[Hit] = []
        pos = lo
        if lo > 0 and text[lo - 1] != "\n":
            # A row that begins before `lo` is read whole when its start is in `text` (a
            # window's context): its cells from `lo` on belong here, and the window before
            # kept only those before `lo` (the caller keeps the hits from `lo` on).
            before = text.rfind("\n", 0, lo)
            pos = before + 1 if before >= 0 else text.find("\n", lo) + 1
            if pos == 0:
                return out
        width = len(self.meanings)
        while pos < hi:
            end = text.find("\n", pos)
            stop = len(text) if end < 0 else end
            for _ in range(_QUOTED_LINES):  # a quoted cell holds line feeds: the row goes on
                if end < 0 or text.count('"', pos, stop) % 2 == 0:
                    break
                end = text.find("\n", end + 1)
                stop = len(text) if end < 0 else end
            cells = csv_cells(text, pos, stop, self.delimiter)
            pair = _pair_meaning(text, cells)
            if pair is not None:  # `联系人,欧阳少俊`: a label and its value
                out += row_hits((None, pair), cells, text)
            elif pos != header_at or self.headerless:
                out += self._row(text, cells, width)
            if end < 0:
                break
            pos = end + 1
        return out

    def _row(self, text: str, cells: list[tuple[int, int]], width: int) -> list[Hit]:
        if len(cells) > width and self.delimiter == ",":
            cells = _amounts_rejoined(text, cells, len(cells) - width)
        if len(cells) == width:
            return [] if _same(text, cells, self.header) else row_hits(self.meanings, cells, text)
        for meanings, header in self.sections:
            if len(cells) == len(meanings) and not _same(text, cells, header):
                return row_hits(meanings, cells, text)
        return []


# An amount written with thousands' commas in an unquoted cell (`¥8,828.00`, `USD 1,250`):
# its head (a currency and one to three digits) and each group of three digits after it.
_AMOUNT_HEAD = re.compile(r"[ \t]*(?:[¥$€£]|RMB|USD|HKD|EUR|CNY)?[ \t]?-?\d{1,3}")
_AMOUNT_GROUP = re.compile(r"\d{3}(?:\.\d{1,4})?[ \t]*")


def _amounts_rejoined(text: str, cells: list[tuple[int, int]], extra: int) -> list[tuple[int, int]]:
    """A row with `extra` cells more than its header, each an amount's comma written
    unquoted (an export that did not quote `¥8,828.00`): the amount's pieces joined, so
    that the cells after it are read under their own columns again; the row as it was
    when the extra cells are not all such pieces."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(cells):
        a, b = cells[i]
        if extra and _AMOUNT_HEAD.fullmatch(text, a, b) and a < b:
            while extra and i + 1 < len(cells) and _AMOUNT_GROUP.fullmatch(text, *cells[i + 1]):
                i += 1
                b = cells[i][1]
                extra -= 1
        out.append((a, b))
        i += 1
    return cells if extra else out


def _same(text: str, cells: list[tuple[int, int]], header: tuple[str, ...]) -> bool:
    return bool(header) and all(
        text[a:b].strip() == h for (a, b), h in zip(cells, header, strict=True)
    )


def _pair_meaning(text: str, cells: list[tuple[int, int]]) -> str | None:
    """A row of two cells, a known label and a value that is no label (a form saved as CSV:
    `Contact,黎辉健`, `开户行账号,4405…`): the label's meaning."""
    if len(cells) != 2:
        return None
    (a, b), (c, d) = cells
    label = text[a:b].strip()
    if not label or len(label) > 32 or label[0].isdigit():
        return None
    meaning = fields.meaning_of(label)
    if meaning is None or fields.meaning_of(text[c:d].strip()) is not None:
        return None
    return meaning


def _sections(
    rows: Sequence[Sequence[str]], at: int
) -> tuple[tuple[tuple[str | None, ...], tuple[str, ...]], ...]:
    """The headers of further tables among the rows (not the one at `at`): at least three
    cells, short labels without digits, one a known field (`序号,物料编码,名称,数量` above an
    order's items), classified as the first header is from the rows under them; one by width."""
    found: dict[int, tuple[tuple[str | None, ...], tuple[str, ...]]] = {}
    for i, row in enumerate(rows):
        cells = [c.strip() for c in row]
        if i == at or len(cells) < 3 or len(cells) in found:
            continue
        if any(not c or len(c) > 30 or any(ch.isdigit() for ch in c) for c in cells):
            continue
        if not any(fields.meaning_of(c) is not None for c in cells):
            continue
        under = [r for r in rows[i + 1 : i + 1 + _SAMPLE_ROWS] if len(r) == len(cells)]
        meanings = tuple(classify_columns(cells, under))
        if any(meanings):
            found[len(cells)] = (meanings, tuple(cells))
    return tuple(found.values())


def sniff_delimiter(head: str) -> str:
    """The delimiter a CSV file's first line that holds any uses most (also
    scanner/cells.py): a title row above the header (`华康 CRM 导出 / exported 2025-08-15`)
    holds none."""
    for line in head.split("\n", _HEADER_ROWS)[:_HEADER_ROWS]:
        counts = {d: line.count(d) for d in (",", "\t", ";", "|")}
        if any(counts.values()):
            return max(counts, key=lambda d: counts[d])
    return ","


def _fits(meaning: str, value: str) -> bool:
    return cell_hit(meaning, value, 0, len(value)) is not None


def _short_zh_name(value: str) -> bool:
    """A Chinese name of at most three characters, the whole value (by the strict model)."""
    return (
        len(value) <= 3
        and "\u4e00" <= value[0] <= "\u9fff"  # (zh_name finds nothing else)
        and fields.zh_name(value, strict=True) == (0, len(value))
    )


def _reaches(values: Sequence[str], fits: Callable[[str], bool], share: float) -> bool:
    """Whether at least `share` of the values fit: the count of sum(map(fits, values)),
    stopped as soon as the answer is known (most columns are decided in a few values)."""
    count = len(values)
    need = share * count
    fit = 0
    for i, value in enumerate(values):
        if fit >= need:
            return True
        if fit + count - i < need:  # even if all the rest fit
            return False
        fit += fits(value)
    return fit >= need


# A form's line above a table (`承运商：安能物流  批次：2026…`, `车牌号：粤E… 挂车：无`): a label
# with its value after the colon, never a column's header.
_LABEL_WITH_VALUE = re.compile(r"(?<![0-9])[:：][ \t]*\S")


_HEADER_MEANINGS: dict[str, str | None] = {}  # titles already read (a folder's CSVs share theirs)


def _header_meaning(title: str) -> str | None:
    """What a column titled `title` holds, remembered: every CSV of an export has the same
    header, and PHONE_HEADER's search is tried at each position of a title (issue 18)."""
    try:
        return _HEADER_MEANINGS[title]
    except KeyError:
        pass
    if len(_HEADER_MEANINGS) > 20_000:
        _HEADER_MEANINGS.clear()
    meaning = _HEADER_MEANINGS[title] = _title_meaning(title)
    return meaning


def _title_meaning(title: str) -> str | None:
    if _LABEL_WITH_VALUE.search(title):
        return None
    meaning = fields.meaning_of(title)
    if meaning is None and ADDRESS_HEADER.search(title):
        return fields.ADDRESS  # (its cells: Chinese addresses without a road too)
    if meaning is None and PHONE_HEADER.search(title):
        return fields.PHONE  # (its cells: phones in any national writing)
    return meaning


def _listed_name(value: str) -> bool:
    """A short Chinese name, or a Latin name (`Olga Moreau`, `CHEUNG Ka Wai`, `Pan, Qiang`),
    the whole value."""
    if _short_zh_name(value):
        return True
    return value[0].isascii() and _fits(fields.NAME, value)


def _by_values(values: Sequence[str], headerless: bool = False) -> str | None:
    """The meaning of a column no known header names, from its values (at least 5): nearly
    all Chinese names. In a file without a header (where no header says what a column
    holds, only not to us: `khbh` over C229867 …) also names in both writings with a fifth
    Chinese ones at least (a column of two capitalised words alone may be cities or
    products); passport numbers of 8 or 9 characters whose first letters vary
    (E12345678, CZW5ZYN14; not C2298671, C7236402 …, a company's series); `lat, lon`
    pairs — each nearly all the values."""
    if len(values) < 5:
        return None
    if _reaches(values, _short_zh_name, 0.8) or (
        headerless and _reaches(values, _short_zh_name, 0.2) and _reaches(values, _listed_name, 0.8)
    ):
        return fields.NAME
    if headerless and _reaches(values, _passport_number, 0.8) and not _one_series(values):
        return fields.PASSPORT
    if headerless and _reaches(values, partial(_fits, fields.COORDINATES), 0.8):
        return fields.COORDINATES
    return None


def _one_series(values: Sequence[str]) -> bool:
    """Whether most values begin with the same letter (C229867, C723640; HK571160: a
    company's code series, where passports' letters vary)."""
    first = Counter(v[0] for v in values)
    return first.most_common(1)[0][1] >= 0.8 * len(values)


def _passport_number(value: str) -> bool:
    """A passport number of 8 or 9 characters beginning with a letter (E12345678,
    P1234567, CZW5ZYN14), the whole value."""
    if not 8 <= len(value) <= 9 or not value[0].isalpha():
        return False
    found = fields.classify(fields.PASSPORT, value)
    return found is not None and found[2] == len(value)


def classify_columns(
    header: Sequence[str], rows: Sequence[Sequence[str]], headerless: bool = False
) -> list[str | None]:
    """Each column's meaning from its header, checked against a sample of its values: a
    name column most of whose values are not names (product names under `name`) is dropped;
    a column without a known header is classified by its values (_by_values)."""
    meanings: list[str | None] = []
    for c, title in enumerate(header):
        values = [v for row in rows if c < len(row) and (v := row[c].strip())]
        meaning = _header_meaning(title)
        if meaning is None:
            meaning = _by_values(values, headerless)
        elif meaning in _NAMES and values and not _reaches(values, partial(_fits, meaning), 0.3):
            meaning = None
        meanings.append(meaning)
    return meanings


def table_of(path: Path, encoding: str, data: bytes | None = None) -> Table | None:
    """The Table of a .csv/.tsv file with at least one classified column, else None.
    `data`: the file's bytes from its start, when the caller holds them (not read again)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return None
    if data is None:
        with path.open("rb") as stream:
            data = stream.read(_HEAD_BYTES)
    head = data[:_HEAD_BYTES].decode(encoding, "replace")
    if "\n" in head and len(head) == _HEAD_BYTES:
        head = head[: head.rfind("\n")]  # whole rows only
    delimiter = SUFFIXES[suffix] or sniff_delimiter(head)
    try:
        rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
    except csv.Error:
        return None
    if not rows:
        return None
    at = header_row(rows)
    found = _sections(rows, at)
    pairs = any(len(row) == 2 and fields.meaning_of(row[0].strip()) for row in rows[:_SAMPLE_ROWS])
    header = tuple(c.strip() for c in rows[at])
    headerless = not (found or pairs or any(_header_meaning(cell) for cell in header))
    if headerless:  # no row names a field (a title row above data perhaps): by the values
        sample = rows[: _SAMPLE_ROWS + 1]
        width = Counter(len(row) for row in sample).most_common(1)[0][0]
        meanings = classify_columns(
            ["" for _ in range(width)], [r for r in sample if len(r) == width], True
        )
        header = ()
    else:
        meanings = classify_columns(rows[at], rows[at + 1 : at + 1 + _SAMPLE_ROWS])
    sections = tuple(s for s in found if len(s[0]) != len(meanings))
    if not (any(meanings) or sections or pairs):
        return None
    return Table(delimiter, tuple(meanings), header, sections, headerless)


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """Which of the first rows is the header: the one naming the most known fields. An
    Excel export often begins with a title row and a row of merged group headings
    (`客户信息导出,,,` then `基本信息,,,联系方式,,`) above the real one."""
    best, best_known = 0, -1
    for i, row in enumerate(rows[:_HEADER_ROWS]):
        # a row is read only while it may still name more fields than the best so far:
        # the data rows under a header stop after a few cells (each cell that names no
        # field is looked up as a field name, a miss of the names' cache: issue 18)
        known, left = 0, len(row)
        for cell in row:
            left -= 1
            if _header_meaning(cell) is not None:
                known += 1
            elif known + left <= best_known:
                break
        if known > best_known:
            best, best_known = i, known
    return best
