"""Values percent-encoded in a URL's query, read decoded (issue 18, R2.7).

A log keeps the URLs it called as they went on the wire: `GET /api/v2/orders?customer=
Li%20Ming&tel=…`, `?name=%E5%BC%A0%E4%B8%89` (张三 in UTF-8; in GBK `%D5%C5%C8%FD`),
`?addr=…+…` (a form's spaces). The rules see `Li%20Ming`, no name. Each `key=value` of a
query whose value holds a percent escape or a plus is decoded and scanned as `key=decoded`
(the key is the field's name, as in any `key=value`); a hit in the value is reported on
the text as written (`Li%20Ming`), as engine.py does with JSON's \\u escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from piiguard.scanner.detectors.model import Hit

# A query's key=value (after ?, & or ;, or a form's body after a blank) whose value has an
# escape (or a plus: a space in a form's encoding)
QUERY_PAIR = re.compile(
    r"(?<![^?&;\s])(?P<k>[A-Za-z_][\w.\-\[\]]{0,40})="
    r"(?P<v>[^&#\s\"'<>=]*(?:%[0-9A-Fa-f]{2}|\+)[^&#\s\"'<>=]*)"
)
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+|\+|[^%+]+|%")


def _decoded(raw: str, base: int) -> tuple[str, list[int]]:
    """The value percent-decoded (UTF-8; an invalid sequence kept as written) and, for each
    of its characters and its end, the offset in the text it was written at."""
    chars: list[str] = []
    at: list[int] = []
    for m in _ESCAPES.finditer(raw):
        piece, start = m.group(), base + m.start()
        if piece == "+":
            chars.append(" ")
            at.append(start)
        elif piece.startswith("%") and len(piece) >= 3:
            data = bytes.fromhex(piece.replace("%", ""))
            for charset in ("utf-8", "gb18030"):  # (a Chinese system's GBK: %D5%C5 张)
                text = data.decode(charset, errors="replace")
                if "\ufffd" not in text:
                    break
            else:  # neither (a cut sequence): as written
                chars.extend(piece)
                at.extend(range(start, start + len(piece)))
                continue
            pos = 0
            for c in text:  # each character begins at its first byte's escape
                chars.append(c)
                at.append(start + 3 * pos)
                pos += len(c.encode(charset))
        else:
            chars.extend(piece)
            at.extend(range(start, start + len(piece)))
    at.append(base + len(raw))
    return "".join(chars), at


def decoded_pairs(text: str) -> Iterator[tuple[str, int, list[int]]]:
    """For each encoded key=value of a query in `text`: `key=decoded`, where its value
    begins in it, and the offset in `text` of each of its characters (and its end)."""
    for m in QUERY_PAIR.finditer(text):
        key = m.group("k")
        value, at = _decoded(m.group("v"), m.start("v"))
        head = len(key) + 1
        yield f"{key}={value}", head, [*range(m.start("k"), m.start("v")), *at]


def decoded_hits(text: str, scan: Callable[[str], list[Hit]]) -> list[Hit]:
    """The hits `scan` finds in the values of decoded_pairs, on the text as written."""
    out = []
    for pair, head, at in decoded_pairs(text):
        for h in scan(pair):
            if h.start >= head:
                a, b = at[h.start], at[h.end]
                out.append(Hit(h.type, a, b, text[a:b], h.confidence, h.validator))
    return out
