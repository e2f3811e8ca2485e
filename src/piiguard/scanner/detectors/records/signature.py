"""A mail's signature: the name on the line after a closing (`Thanks,⏎Sarah`, `此致敬礼⏎孙桂英`,
`Best regards / 此致⏎Na Li 李娜`), perhaps after the `-- ` delimiter line (RFC 3676) and behind
quote marks, and its other writing on the same line. The rules that read them are
conversation.py's (`closing`, `sig_dashes`)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.contact.phoned import phone_value
from piiguard.scanner.detectors.model import Hit, Validator


def _hit(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, Validator.CONTEXT)


CLOSING_EN = (
    r"Thanks|Thank you|Many thanks|Cheers|Best|Best wishes|Warm regards|BR|Br|Rgds|"
    r"Best regards|Kind regards|Regards|Sincerely|Yours sincerely|Yours|Thanks (?:&|and) regards"
)
CLOSING_ZH = r"此致敬礼|敬礼|此致|谢谢|祝好|顺祝商祺|商祺|顺颂商祺"
# A closing (two, in a bilingual mail: "Best regards / 此致"), then the name's line, perhaps
# after a "--" line and behind "> " quote marks.
_CLOSINGS = rf"(?:{CLOSING_EN}|{CLOSING_ZH})(?:[ \t]*/[ \t]*(?:{CLOSING_EN}|{CLOSING_ZH}))?"
_BR = r"(?:[ \t]*<br ?/?>)?"  # an HTML mail's line break before the line feed
CLOSING = re.compile(
    rf"{_CLOSINGS}[,，!！。.]?{_BR}[ \t]*\r?\n(?:[ \t>]*\r?\n){{0,2}}(?:[ \t>]*--+[ \t]*\r?\n)?"
    rf"(?:[ \t]*敬礼[ \t]*\r?\n(?:[ \t]*\r?\n)?)?[ \t>]*"
)
SIG_DASHES = re.compile(r"--[ ]?\r?\n")  # the signature delimiter line of a mail (RFC 3676)


def _name_in_line(line: str, at: int, single: bool) -> tuple[int, int] | None:
    if "\u4e00" <= line[at] <= "\u9fff":
        return fields.zh_name(line, at)
    return fields.latin_name(line, at, single=single)


_LINE_TAIL = re.compile(r"(?:[ \t]*<br ?/?>|[ \t]*</p>|[\r \t])+$")


def signature(m: re.Match[str], text: str) -> list[Hit]:
    """The name on the line after a closing (Thanks,⏎Sarah; 此致敬礼⏎孙桂英), and its other
    writing on the same line (Sarah Duan 段莎拉, 段莎拉 / Sarah Duan); and the phones of the
    block under that line (_block_phones), whoever signed."""
    pos = m.end()
    line_end = text.find("\n", pos)
    phones = _block_phones(text, len(text) if line_end < 0 else line_end) if line_end >= 0 else []
    return _signer(text, pos, line_end) + phones


def _signer(text: str, pos: int, line_end: int) -> list[Hit]:
    line = _LINE_TAIL.sub("", text[pos : len(text) if line_end < 0 else line_end])
    span = _name_in_line(line, 0, single=True) if line else None  # a first name alone too
    if span is None:
        return []
    first = _hit(text, pos + span[0], pos + span[1], 0.8)
    rest = line[span[1] :]
    if not rest.strip():
        return [first]
    at = len(line) - len(rest.lstrip(" /"))
    cjk = "\u4e00" <= line[0] <= "\u9fff"
    if at < len(line) and ("\u4e00" <= line[at] <= "\u9fff") != cjk:  # the other script
        other = _name_in_line(line, at, single=False)
        if other is not None and not line[other[1] :].strip():
            return [first, _hit(text, pos + other[0], pos + other[1], 0.8)]
    return [first] if rest.lstrip()[:1] in ("|", "/", "-", "(", "（", ",") else []


_BLOCK_LINES = 5  # the lines of a signature block after the name (title, company, phone …)


# A line of the block that is a Chinese road and its number or block alone (三民路314號, 张街Y座)
_ROAD_LINE = re.compile(
    r"[\u4e00-\u9fff]{1,10}(?:路|街|大道|巷|弄)(?:\d{1,2}段)?"
    r"(?:\d{1,5}[号號](?:之\d{1,2})?(?:\d{1,3}[楼樓])?|[A-Za-z\d]{1,4}(?:座|栋|棟|幢))"
)


def _block_phones(text: str, pos: int) -> list[Hit]:
    """A line of the signature block under the name that holds a phone number alone, in any
    country's writing (`318.903.3401x8780`, `(04) 96563414`), or a Chinese road and number
    alone: the block says what it is."""
    out = []
    for _ in range(_BLOCK_LINES):
        if pos >= len(text):
            break
        end = text.find("\n", pos + 1)
        end = len(text) if end < 0 else end
        line = text[pos + 1 : end].rstrip("\r \t")
        if not line.strip():
            break  # (the block ends at a blank line)
        at = pos + 1 + len(line) - len(line.lstrip(" \t>"))
        span = phone_value(text, at)
        if span is not None and span[1] == pos + 1 + len(line):
            out.append(Hit("phone", *span, text[span[0] : span[1]], 0.9, Validator.CONTEXT))
        elif road := _ROAD_LINE.fullmatch(text, at, pos + 1 + len(line)):
            out.append(Hit("address", *road.span(), road.group(), 0.8, Validator.CONTEXT))
        pos = end
    return out
