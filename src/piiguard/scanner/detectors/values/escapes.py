"""JSON strings read as what they say (issue 18, R2.7).

`json.dumps` escapes every character outside ASCII by default (ensure_ascii=True): a record
`{"姓名": "闭宁", "出生日期": "1963-07-27"}` is written `{"\\u59d3\\u540d": "\\u95ed\\u5b81",
"\\u51fa\\u751f\\u65e5\\u671f": "1963-07-27"}`, and a value's line breaks as `\\n`
(`"Mastercard\\n敏赵\\n5395…"`). The rules read Chinese keys, Chinese values and numbers at a
line's start: they see none of these until the strings are decoded. `decoded` gives the text
with each such string's escapes decoded — keys and values alike, so that a key says its
field — and a map from the decoded text's offsets back to the text as written: a hit found
in the decoded text is reported over the escaped characters.

Only JSON string literals are decoded, and in them only what cannot change the JSON's
structure: `\\uXXXX` (a surrogate pair as one character) and `\\n`, `\\r`, `\\t`, `\\/`;
an escaped quote or backslash, a control character or a line separator stays as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# A JSON string (on one line) holding at least one escape this module decodes.
_STRING = re.compile(r'"((?:[^"\\\r\n]|\\.)*?\\[unrt/](?:[^"\\\r\n]|\\.)*)"')
_ESCAPE = re.compile(
    r"\\u(?P<hi>[dD][89abAB][0-9a-fA-F]{2})\\u(?P<lo>[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u(?P<u>[0-9a-fA-F]{4})|\\(?P<c>[nrt/])|\\."
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "/": "/"}
_KEPT = frozenset('"\\\u2028\u2029\x85')


def _char(m: re.Match[str]) -> str | None:
    """What an escape stands for, or None where it stays as written."""
    if m["hi"]:
        return chr(0x10000 + ((int(m["hi"], 16) - 0xD800) << 10) + int(m["lo"], 16) - 0xDC00)
    if m["c"]:
        return _SIMPLE[m["c"]]
    if not m["u"]:
        return None
    c = chr(int(m["u"], 16))
    if c in _KEPT or c < " " or "\x7f" <= c < "\xa0" or "\ud800" <= c <= "\udfff":
        return None
    return c


class Decoded:
    """A text with its JSON strings decoded, and the way back to the text as written."""

    __slots__ = ("_at", "_shift", "text")

    def __init__(self, text: str, at: list[int], shift: list[int]) -> None:
        self.text = text
        self._at = at  # the decoded offset of each decoded escape's character, ascending
        self._shift = shift  # how much longer the written text is after each of them

    def written(self, offset: int) -> int:
        """The offset in the text as written of an offset in the decoded text (a start
        falls on an escape's start, an end after its last character)."""
        k = bisect_left(self._at, offset)
        return offset + (self._shift[k - 1] if k else 0)

    written_end = written  # (markup's Rendered tells an end apart: layout/markup.py)


def decoded(text: str) -> Decoded | None:
    """The text with its JSON strings' escapes decoded, or None when it holds none."""
    if "\\" not in text:
        return None
    pieces: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    last = total = 0
    for s in _STRING.finditer(text):
        for e in _ESCAPE.finditer(text, s.start(1), s.end(1)):
            c = _char(e)
            if c is None:
                continue
            pieces.append(text[last : e.start()])
            pieces.append(c)
            at.append(e.start() - total)
            total += e.end() - e.start() - len(c)
            shift.append(total)
            last = e.end()
    if not at:
        return None
    pieces.append(text[last:])
    return Decoded("".join(pieces), at, shift)
