"""The people a mail names in its headers (moved from conversation.py, whose RULES list these
rules where they stood): every recipient of a `From/To/Cc/Bcc/Reply-To` (and `发件人/收件人/
抄送`) line, with or without an address (`To: Li Hua; Duan, Sarah <…>`, `抄送：王秀英；卫阳`), and a
display name before `<address>` anywhere (`Guiying Sun <…>`, `在 …，Laura García <…> 写道`).

A display name is read as people write it (issue 18, R2.7): in quotes with a comma (`"Li,
Na" <…>`), with a department or a role in brackets (`"Li, Na (Sales)"`, `李娜 (销售部)`,
`王磊（销售部）`, `[QA] Anna Berg`), in two writings (`"Wang Lei | 王磊"`, `Li Na / 李娜`), last
name first in an unquoted list of addresses (`To: Wang Lei <…>, Chen, David <…>`). The
bracket is not reported; each writing that is a name, whole, is."""

from __future__ import annotations

import re
from collections.abc import Callable

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

CONTEXT = Validator.CONTEXT


def whole_name(value: str, single: bool = False) -> bool:
    """Whether the value is a name, whole (a Chinese one held to the character model)."""
    if not value:
        return False
    if "\u4e00" <= value[0] <= "\u9fff":
        return fields.zh_name(value, strict=True) == (0, len(value))
    return fields.latin_name(value, single=single) == (0, len(value))


def _loose_name(value: str) -> bool:
    """A display name before an address: a Chinese name by the lenient model."""
    span = (
        fields.zh_name(value)
        if "\u4e00" <= value[0] <= "\u9fff"
        else fields.latin_name(value, single=False)
    )
    return span == (0, len(value))


def _name_hit(text: str, start: int, end: int) -> Hit:
    return Hit("person_name", start, end, text[start:end], 0.85, CONTEXT)


# A department or a role in brackets before or after the name, and the marks between two
# writings of it.
_BRACKET_FIRST = re.compile(r"(?:\([^()\r\n]{1,30}\)|（[^（）\r\n]{1,30}）|\[[^\[\]\r\n]{1,30}\])")
_BRACKET_LAST = re.compile(r"(?:\([^()\r\n]{1,30}\)|（[^（）\r\n]{1,30}）|\[[^\[\]\r\n]{1,30}\])$")
_WRITINGS = re.compile(r"[ \t]*[|｜／][ \t]*|[ \t]+/[ \t]+")
_PADDING = " \t\"'“”"


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in _PADDING:
        lo += 1
    while hi > lo and text[hi - 1] in _PADDING:
        hi -= 1
    return lo, hi


def display_names(
    text: str, lo: int, hi: int, whole: Callable[[str], bool] = whole_name
) -> list[tuple[int, int]]:
    """The spans of the names in the display name text[lo:hi]."""
    out: list[tuple[int, int]] = []
    lo, hi = _trimmed(text, lo, hi)
    cuts = [(m.start(), m.end()) for m in _WRITINGS.finditer(text, lo, hi)]
    for start, end in zip([lo] + [e for _, e in cuts], [s for s, _ in cuts] + [hi], strict=True):
        a, b = _trimmed(text, start, end)
        if (first := _BRACKET_FIRST.match(text, a, b)) is not None:
            a, b = _trimmed(text, first.end(), b)
        if (last := _BRACKET_LAST.search(text, a, b)) is not None:
            a, b = _trimmed(text, a, last.start())
        value = text[a:b]
        if not value:
            continue
        if whole(value):
            out.append((a, b))
            continue
        if "," not in value:
            continue
        for piece in re.finditer(r"[^,]+", value):
            c, d = _trimmed(text, a + piece.start(), a + piece.end())
            if c < d and whole(text[c:d]):
                out.append((c, d))
    return out


# A mail header that names people: its value, to the end of the line.
HEADER = re.compile(
    r"(?im)^[ \t>]*(?:From|To|Cc|Bcc|Reply-To|Sender|Sent by|发件人|收件人|抄送|密送|致)"
    r"[ \t]*[:：][ \t]*(?P<v>[^\r\n]*)"
)
_ADDRESS = re.compile(r"<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)|\S+@\S+")
_ANGLE = re.compile(r"<[^<>]*@[^<>]*>")
_SEPARATORS = " \t,;，；"


def _bare(blank: str, base: int, text: str, lo: int, hi: int) -> list[Hit]:
    """Recipients written without an address in `<>` (blank: the header's value with every
    address blanked out), split by `;` (or `；`), else by commas ("Sun, Guiying" is one name
    written last-first; "A B, C D" are two)."""
    out = []
    segment = blank[lo:hi]
    parts = segment.split(";") if ";" in segment or "；" not in segment else segment.split("；")
    pos = 0
    for part in parts:
        offset = segment.index(part, pos)
        pos = offset + len(part)
        pieces = part.split("、") if "、" in part else [part]  # 抄送：王秀英、卫阳
        if ";" not in segment and "," in part and len(pieces) == 1:
            commas = [p.strip() for p in part.split(",")]
            if not (len(commas) == 2 and all(" " not in p for p in commas)):
                pieces = part.split(",")
        shift = 0
        for piece in pieces:
            local = part.index(piece, shift)
            shift = local + len(piece)
            start = lo + offset + local
            for a, b in display_names(blank, start, start + len(piece)):
                out.append(_name_hit(text, base + a, base + b))
    return out


def _recipients(m: re.Match[str], text: str) -> list[Hit]:
    value, base = m.group("v"), m.start("v")
    blank = _ADDRESS.sub(lambda a: " " * len(a.group()), value)
    out: list[Hit] = []
    pos = 0
    for address in _ANGLE.finditer(value):  # each display name ends at its `<address>`
        lo, hi = pos, address.start()
        pos = address.end()
        cut = max(value.rfind(";", lo, hi), value.rfind("；", lo, hi))
        if cut >= 0:  # recipients without an address before this one
            out += _bare(blank, base, text, lo, cut)
            lo = cut + 1
        while lo < hi and value[lo] in _SEPARATORS:
            lo += 1
        for a, b in display_names(blank, lo, hi):
            out.append(_name_hit(text, base + a, base + b))
    return out + _bare(blank, base, text, pos, len(value))


_DISPLAY_STOP = frozenset(",;:<>\n\r\t[]()，；：")  # (在 …，Laura García <…> 写道)


def _mail_name(m: re.Match[str], text: str) -> list[Hit]:
    """The display name before `<address>`: `Guiying Sun <…>`, `"Duan, Sarah" <…>`."""
    end = m.start()
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end > 0 and text[end - 1] in "\"'":
        quote = text[end - 1]
        start = text.rfind(quote, max(0, end - 80), end - 1)
        if start < 0:
            return []
        start, end = start + 1, end - 1
    else:
        start = end
        if start > 0 and text[start - 1] in ")）":  # a department after the name
            opener = text.rfind("(" if text[start - 1] == ")" else "（", max(0, start - 32), start)
            start = opener if opener >= 0 else start
        while start > max(0, end - 60) and text[start - 1] not in _DISPLAY_STOP:
            start -= 1
    return [_name_hit(text, a, b) for a, b in display_names(text, start, end, _loose_name)]


RULES = (
    Rule(
        "mail_header",
        (r"(?:^|\n)[ \t>]*(?:From|To|Cc|Bcc|Reply-To|Sender|Sent by)[ \t]*:",),
        HEADER,
        lambda m, text: None,
        utf8=(r"(?:^|\n)[ \t>]*(?:发件人|收件人|抄送|密送|致)[ \t]*[:：]",),
        lead=True,
        caseless=True,
        many=_recipients,
    ),
    Rule(
        "mail_name",
        (r"<[A-Za-z0-9._%+\-]+@", r"&lt;[A-Za-z0-9._%+\-]+@"),
        re.compile("<|&lt;"),
        lambda m, text: None,
        many=_mail_name,
    ),
)
