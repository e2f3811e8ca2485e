"""A JSON table whose first row names its columns (issue 18, R2.7): an export written as an
array of arrays, `[["客户姓名", "手机号码", "出生日期"], ["张伟", "13800001111",
"1990-01-02"], …]` — pandas' `values` with its header, Google Sheets' `"values"`, a report
server's grid. Each value below is held to its column's meaning, as a CSV cell is
(tables.py reads the tables whose names are written apart, `"columns"` beside `"rows"`).
A first row none of whose names the vocabulary knows is data, not a header: nothing is read.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import tables
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.rule import Rule

HEADER_ROW = re.compile(
    r"\[\s*\[(?P<c>\s*\"[^\"\n]{1,64}\"(?:\s*,\s*\"[^\"\n]{1,64}\")*\s*)\]\s*,\s*\["
)


def _rows(m: re.Match[str], text: str) -> list[Hit]:
    meanings = tables.column_meanings(tables.JSON_NAME.findall(m.group("c")))
    if not any(meanings):
        return []
    return tables.tuples(text, m.end(), meanings, tables.JSON_VALUE, "]", tables.JSON_NEXT)


RULES = (
    Rule(
        "json_header_row",
        (r"\[\s*\[\s*\"",),
        HEADER_ROW,
        lambda m, text: None,
        many=_rows,
    ),
)
