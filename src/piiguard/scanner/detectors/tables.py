"""Tables: a header row names its columns, and each cell below is held to what its column
holds (fields.classify). Used for CSV/TSV files (sources/tabular.py reads the header once per
file) and for tables inside text — a purchase order's item lines, a ticket's parts list, a
Markdown or tab-separated table in a mail — found by the `text_table` rule from a header
cell that names a known field; and for tables whose column names are written once, apart
from their rows — a SQL dump's `INSERT … VALUES (…),(…)` under its `CREATE TABLE` (or its
own column list), a JSON report's `"columns": [...]` beside its `"rows": [[...], ...]`.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.layout.aligned import aligned_cells
from piiguard.scanner.detectors.layout.rows import note, uneven
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_NAMES = (fields.NAME, fields.NAME_PART)
MAX_ROWS = 5000  # rows read under one header found in text


def cell_hit(meaning: str, text: str, a: int, b: int) -> Hit | None:
    """The hit of text[a:b], a cell of a column of this meaning, if the value fits."""
    cell = text[a:b]
    stripped = cell.strip()
    if not stripped:
        return None
    a += cell.index(stripped[0])
    found = fields.classify(meaning, stripped)
    if found is None:
        return None
    kind, start, stop, confidence = found
    if meaning in _NAMES and stop != len(stripped) and stripped[stop] not in "（(":
        return None  # a name column's value is the name, whole
    validator = Validator.FORMAT if kind == fields.NOT_PERSONAL else Validator.CONTEXT
    return Hit(kind, a + start, a + stop, stripped[start:stop], confidence, validator)


def csv_cells(text: str, pos: int, stop: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's value in the line text[pos:stop], quotes excluded (CSV
    quoting: "" inside a quoted cell); [] when a quoted cell runs past the line."""
    if stop > pos and text[stop - 1] == "\r":
        stop -= 1
    if '"' not in text[pos:stop]:
        spans = []
        for cell in text[pos:stop].split(delimiter):
            spans.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        return spans
    spans = []
    i = pos
    while i <= stop:
        if i < stop and text[i] == '"':
            close = i + 1
            while True:
                close = text.find('"', close, stop)
                if close < 0:
                    return []
                if text[close + 1 : close + 2] == '"':
                    close += 2
                    continue
                break
            spans.append((i + 1, close))
            i = close + 1
            if i < stop and text[i] != delimiter:
                return []
            i += 1
        else:
            end = text.find(delimiter, i, stop)
            end = stop if end < 0 else end
            spans.append((i, end))
            i = end + 1
    return spans


def row_hits(
    meanings: tuple[str | None, ...], cells: list[tuple[int, int]], text: str
) -> list[Hit]:
    out = []
    for meaning, (a, b) in zip(meanings, cells, strict=True):
        if meaning is not None and a < b:
            h = cell_hit(meaning, text, a, b)
            if h is not None:
                out.append(h)
    return out


# --- tables in text ---------------------------------------------------------------------
_SPACED = re.compile(r"[^ \t]+(?: [^ \t]+)*")  # cells of a table aligned with spaces
# |---|---|, ----- ----- and a box-drawn table's rules (├────┬────┤, └────┘)
_RULE_LINE = re.compile(r"[\s|:+\-=\u2500-\u257f]*")
# The upright rule of a box-drawn table (│ 行 │ 料号 │): a cell's edge as "|" is.
_BOX_BARS = "│┃║"
# A quantity, a price or a row's number: a header names its columns, it never holds one.
_NUMBER_CELL = re.compile(r"\d+(?:[.,]\d+)*")


def _split(
    text: str, a: int, b: int, sep: str, edges: tuple[bool, bool] = (True, True)
) -> list[tuple[int, int]]:
    """Cells of the line text[a:b] split at `sep` ("|", "\t" or two spaces or more), each
    without the quotes around it (`"hzh"|"xm"`). `edges`: whether a bar that begins or ends
    the line is the table's edge; where the header has none, a row's first or last bar
    parts an empty cell (`|1747…|Julia Weber|` under `会员编号|联系人|…`)."""
    if text[b - 1 : b] == "\r":
        b -= 1
    if sep == "  ":
        return [(a + m.start(), a + m.end()) for m in _SPACED.finditer(text[a:b])]
    line = text[a:b]
    lead = len(line) - len(line.lstrip())
    bar = sep == "|" or sep in _BOX_BARS
    if bar and edges[0] and line[lead:].startswith(sep):
        lead = line.index(sep) + 1
    trail = len(line.rstrip())
    if bar and edges[1] and line[:trail].endswith(sep):
        trail -= 1
    spans, pos = [], a + lead
    for cell in line[lead:trail].split(sep):
        inner = cell.strip()
        if len(inner) >= 2 and inner[0] == inner[-1] == '"':
            at = pos + cell.index('"')
            spans.append((at + 1, at + len(inner) - 1))
        else:
            spans.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return spans


def _edges(header: str, sep: str) -> tuple[bool, bool]:
    """Whether the header line begins and ends with its bar (a row's edges are bars too)."""
    line = header.strip()
    return line.startswith(sep), line.endswith(sep)


def _separator(line: str) -> str | None:
    for bar in _BOX_BARS:
        if line.count(bar) >= 3:
            return bar
    if line.count("|") >= 2 or (line.count("|") == 1 and "\t" not in line):
        return "|"
    if "\t" in line.strip():
        return "\t"
    if re.search(r"\S {2,}\S", line):
        return "  "
    return None


_KNOWN: dict[tuple[str, str], tuple[str | None, ...]] = {}


def _meanings(
    header: str, sep: str, cells: list[tuple[int, int]], text: str
) -> tuple[str | None, ...]:
    key = (header, sep)
    if key not in _KNOWN:
        if len(_KNOWN) > 10_000:
            _KNOWN.clear()
        _KNOWN[key] = tuple(fields.meaning_of(text[a:b].strip()) for a, b in cells)
    return _KNOWN[key]


_TITLE = re.compile(r"[ \t]*(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]+")


def _label_and_value(
    meanings: tuple[str | None, ...], first: int, cells: list[tuple[int, int]], text: str, sep: str
) -> bool:
    """Whether the "header" is a form's row, a label and its value (`| Full name | Keith
    Morales`): its next cell is a value of the label, or the row under it begins with another
    label (`| Date of birth | …`). The rows are other labels and values, not cells."""
    label = meanings[first]
    if label is None or label == fields.NOT_PERSONAL or len(cells) != 2 or first or meanings[1]:
        return False  # (a form's row is a label and one value)
    a, b = cells[1]
    title = _TITLE.match(text, a, b)  # (| Full name | Mrs Ada Pryce)
    if cell_hit(label, text, a if title is None else title.end(), b) is not None:
        return True
    pos = text.find("\n", cells[-1][1]) + 1
    while 0 < pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        if not _RULE_LINE.fullmatch(text, pos, stop):
            row = _split(text, pos, stop, sep)
            return len(row) == 2 and fields.meaning_of(text[slice(*row[0])]) is not None
        pos = stop + 1
    return False


def _text_table(m: re.Match[str], text: str) -> list[Hit]:
    """The rows under a header line found in text, read while they have its cells."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.start())
    end = len(text) if end < 0 else end
    header = text[start:end]
    sep = _separator(header)
    if sep is None:
        return []
    cells = _split(text, start, end, sep)
    if len(cells) < 2 or any(_NUMBER_CELL.fullmatch(text[a:b].strip()) for a, b in cells):
        return []  # (a row whose cell ends in a field's word: `3  Gas hob ignition pin  415`)
    meanings = _meanings(header, sep, cells, text)
    first = next((i for i, meaning in enumerate(meanings) if meaning is not None), None)
    if first is None or not cells[first][0] <= m.start() < cells[first][1] + 1:
        return []  # not a header, or another of its cells is the one that reads the rows
    if _label_and_value(meanings, first, cells, text, sep):
        return []
    out: list[Hit] = []
    edges = _edges(header, sep)
    pos = end + 1
    for _ in range(MAX_ROWS):
        if pos >= len(text):
            break
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop]
        if not line.strip():
            break
        if not _RULE_LINE.fullmatch(line):
            row = _split(text, pos, stop, sep, edges)
            under = None if sep != "  " else aligned_cells(text, (start, end), (pos, stop))
            if len(row) != len(cells) and under is not None:  # (layout/aligned.py)
                out += [h for meaning, a, b in under if (h := cell_hit(meaning, text, a, b))]
            elif len(row) != len(cells):
                if not note(line, cells[0][1] - start) and not uneven(sep, row, cells):
                    break  # else a note under the row above (its own `key: value`): read on
            else:
                out += row_hits(meanings, row, text)
        pos = stop + 1
    return out


LABEL_ROW = re.compile(r"[ \t]*\|[^\r\n]*")


def _label_row(m: re.Match[str], text: str) -> list[Hit]:
    """A row of a table laid out the other way, its field's name in the first cell and the
    values after it: `| 法定代表人 | 司徒永康 | 钟丽华 |`, `| Serial | 13813813800 |`; or
    label and value by turns."""
    cells = _split(text, m.start(), m.end(), "|")
    if len(cells) < 2:
        return []
    meanings = [fields.meaning_of(text[a:b].strip()) for a, b in cells]
    if meanings[0] is not None and not any(meanings[1:]):
        return row_hits((meanings[0],) * (len(cells) - 1), cells[1:], text)
    # A form's row of pairs, each label followed by its value: `| 性别 Sex | 男 | 生日 DOB |
    # 1999.07.15 |` (the first label need not be a known one).
    out: list[Hit] = []
    for i in range(len(cells) - 1):
        if meanings[i] is not None and meanings[i + 1] is None:
            out += row_hits((meanings[i],), [cells[i + 1]], text)
    return out


def _words(alternatives: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(alternatives, key=len, reverse=True))


_CELL_END = r"[ \t]*(?:\||\t| {2})"
_EN_LIST = (*(w for w in fields.EN_WORDS if len(w) > 1), "p/n", "s/n")
_EN = _words(_EN_LIST)
TEXT_TABLE = re.compile(rf"(?i:{_EN})|{_words(fields.ZH_LABELS)}")
# (in two parts: one expression of them all is too large for Hyperscan to compile)
_EN_HS = tuple(
    rf"(?:^|[^A-Za-z])(?:{_words(part)})\.?[)\"]?{_CELL_END}"
    for part in (_EN_LIST[::2], _EN_LIST[1::2])
)

# --- columns named once, rows by position ----------------------------------------------
# A SQL dump: `INSERT INTO t (a, b) VALUES (…),(…);`, or without the list, the columns of the
# `CREATE TABLE t (…)` written before it (mysqldump); a JSON report or export:
# `"columns": ["EMPNO", "EMPNAME", …], "rows": [["E1", "丁军", …], …]` (pandas' "split"
# orient, ClickHouse's JSONCompact, report servers). Each value is held to its column's
# meaning as a CSV cell is; the column names are classified once (fields.meaning_of).
MAX_TUPLES = 20_000
_IDENT = r"[`\"\[]?[\w$]+[`\"\]]?"
SQL_INSERT = re.compile(
    rf"INSERT\s+(?:IGNORE\s+)?INTO\s+(?P<t>{_IDENT}(?:\.{_IDENT})?)\s*"
    r"(?:\((?P<c>[^()]{1,4000})\))?\s*VALUES\s*(?=\()",
    re.IGNORECASE,
)
_SQL_VALUE = re.compile(
    r"\s*(?:'(?P<s>(?:[^'\\]|\\.|'')*)'|(?P<o>[^,()'\s][^,()']*?))\s*(?P<e>[,)])", re.DOTALL
)
_SQL_NEXT = re.compile(r"\s*,\s*\(")
_CREATE_COLUMN = re.compile(r"^[ \t]*(?P<n>[`\"\[]?[\w$]+[`\"\]]?)[ \t]+[A-Za-z]", re.MULTILINE)
_NOT_COLUMN = frozenset(
    ["primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial"]
)
_REACH_CREATE = 200_000  # how far before an INSERT its CREATE TABLE is looked for


def _bare(identifier: str) -> str:
    return identifier.strip('`"[] ').rsplit(".", 1)[-1].strip('`"[]')


def _create_columns(text: str, table: str, pos: int) -> list[str]:
    """The column names of the last `CREATE TABLE table (…)` before `pos`."""
    lo = max(0, pos - _REACH_CREATE)
    at = pos
    for _ in range(32):
        at = text.rfind("CREATE TABLE", lo, at)
        if at < 0:
            return []
        head = re.match(
            rf"CREATE TABLE\s+(?:IF NOT EXISTS\s+)?(?P<t>{_IDENT}(?:\.{_IDENT})?)\s*\(",
            text[at : at + 300],
        )
        if head is not None and _bare(head.group("t")) == table:
            body_end = text.find("\n)", at, pos)
            body = text[at + head.end() : body_end if body_end > 0 else pos]
            return [
                _bare(c.group("n"))
                for c in _CREATE_COLUMN.finditer(body)
                if _bare(c.group("n")).lower() not in _NOT_COLUMN
            ]
    return []


def column_meanings(names: list[str]) -> tuple[str | None, ...]:
    return tuple(fields.meaning_of(n) for n in names)


def tuples(
    text: str,
    pos: int,
    meanings: tuple[str | None, ...],
    value: re.Pattern[str],
    close: str,
    following: re.Pattern[str],
) -> list[Hit]:
    """Hits of the rows from `pos` (inside the first): each value (a quoted string, group
    "s") held to its column's meaning; a row ends at `close`, the next begins where
    `following` matches; anything else (a nested value, a function call) ends the reading."""
    out: list[Hit] = []
    width = len(meanings)
    for _ in range(MAX_TUPLES):
        column = 0
        while True:
            v = value.match(text, pos)
            if v is None:
                return out
            meaning = meanings[column] if column < width else None
            if meaning is not None and v.group("s"):
                h = cell_hit(meaning, text, v.start("s"), v.end("s"))
                if h is not None:
                    out.append(h)
            pos = v.end()
            if v.group("e") == close:
                break
            column += 1
        more = following.match(text, pos)
        if more is None:
            return out
        pos = more.end()
    return out


def _sql_insert(m: re.Match[str], text: str) -> list[Hit]:
    """The values of an INSERT, each held to its column's meaning."""
    if m.group("c"):
        names = [_bare(c) for c in m.group("c").split(",")]
    else:
        names = _create_columns(text, _bare(m.group("t")), m.start())
    meanings = column_meanings(names)
    if not any(meanings):
        return []
    return tuples(text, m.end() + 1, meanings, _SQL_VALUE, ")", _SQL_NEXT)


JSON_COLUMNS = re.compile(
    r"\"(?:columns|cols|fields|header|headers|column_names|columnNames)\"\s*:\s*"
    r"\[(?P<c>\s*\"[^\"\n]{1,64}\"(?:\s*,\s*\"[^\"\n]{1,64}\")*\s*)\]",
    re.IGNORECASE,
)
_JSON_ROWS = re.compile(
    r"\s*,\s*\"(?:rows|data|values|records|items)\"\s*:\s*\[\s*\[", re.IGNORECASE
)
JSON_VALUE = re.compile(r"\s*(?:\"(?P<s>(?:[^\"\\]|\\.)*)\"|(?P<o>[^,\[\]{}\"\s]+))\s*(?P<e>[,\]])")
JSON_NEXT = re.compile(r"\s*,\s*\[")
JSON_NAME = re.compile(r'"([^"]*)"')


def _json_rows(m: re.Match[str], text: str) -> list[Hit]:
    """The rows of a JSON table whose column names come first, each value held to its
    column's meaning (a nested object or array in a row ends the reading)."""
    names = JSON_NAME.findall(m.group("c"))
    meanings = column_meanings(names)
    rows = _JSON_ROWS.match(text, m.end())
    if rows is None or not any(meanings):
        return []
    return tuples(text, rows.end(), meanings, JSON_VALUE, "]", JSON_NEXT)


RULES = (
    Rule(
        "label_row",
        (r"(?:^|\n)[ \t]*\|",),
        LABEL_ROW,
        lambda m, text: None,
        lead=True,
        many=_label_row,
    ),
    Rule(
        "text_table",
        _EN_HS,
        TEXT_TABLE,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_text_table,
    ),
    Rule(
        "text_table_zh",
        (),
        TEXT_TABLE,
        lambda m, text: None,
        # (Not "[ \t　]*(?:…)": with leftmost start of match that is too large to compile.)
        # (a gloss or a quote may close the cell: 生日(birthday)|, "客户姓名"|)
        # (one expression with the gloss is too large to compile: a label before a bracket
        # or a quote is an anchor of its own, the header line then checked as any other)
        utf8=(
            rf"(?:{_words(fields.ZH_LABELS)})(?:[ \t]*\||\t| {{2}}|　)",
            rf"(?:{_words(fields.ZH_LABELS)})[(（\"]",
        ),
        many=_text_table,
    ),
    Rule(
        "sql_insert",
        (r"(?:^|[^A-Za-z_])INSERT\s+(?:IGNORE\s+)?INTO\s",),
        SQL_INSERT,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_sql_insert,
    ),
    Rule(
        "json_columns",
        (r"\"(?:columns|cols|fields|headers?|column_?names)\"\s*:\s*\[\s*\"",),
        JSON_COLUMNS,
        lambda m, text: None,
        caseless=True,
        many=_json_rows,
    ),
)
