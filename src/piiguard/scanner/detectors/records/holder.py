"""A name written after the number it goes with, ending its line or clause: `打款账号 6216 6134
0548 4745 753 刘晓东` (an account and its holder), `手机 13812345678 张伟。` — the mirror of
conversation's name before a phone number. The number must be long (8 digits or more: an
account, a card, a phone, an identity number), the name a Chinese one held to the character
model, whole."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.conversation import STARTS
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_END = r"(?=[ \t]*(?:\r?\n|$|[，,。；;]))"
AFTER_NUMBER = re.compile(rf"[0-9][ \t]+(?P<v>[{STARTS}][\u4e00-\u9fff]{{1,3}}){_END}")
_DIGITS = frozenset("0123456789")


def _after_number(m: re.Match[str], text: str) -> Hit | None:
    digits, i = 0, m.start() + 1
    while i > 0 and (text[i - 1] in _DIGITS or text[i - 1] in " -"):
        i -= 1
        digits += text[i] in _DIGITS
    start, end = m.span("v")
    if digits < 8 or fields.zh_name(text[start:end], strict=True) != (0, end - start):
        return None
    return Hit("person_name", start, end, text[start:end], 0.75, Validator.CONTEXT)


# A Chinese name on a line of its own over a line that is only a phone number: a mail's
# signature without a closing (`关磊⏎+86 133 7096 4963`), perhaps behind `> ` quote marks.
_PHONE_LINE = r"[ \t>]*(?:\+|\(\+?)?[0-9][0-9 ()\-]{6,18}[0-9][ \t]*\r?(?:\n|$)"
NAME_OVER_PHONE = re.compile(rf"[ \t>]*(?P<v>[\u4e00-\u9fff]{{2,4}})[ \t]*\r?\n(?={_PHONE_LINE})")


def _name_over_phone(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.span("v")
    if fields.zh_name(text[start:end], strict=True) != (0, end - start):
        return None
    return Hit("person_name", start, end, text[start:end], 0.75, Validator.CONTEXT)


RULES = (
    Rule(
        "name_after_number",
        (),
        AFTER_NUMBER,
        _after_number,
        utf8=(rf"[0-9][ \t]+[{STARTS}][\x{{4e00}}-\x{{9fff}}]{{1,3}}[ \t]*(?:\r?\n|$|[，,。；;])",),
    ),
    Rule(
        "zh_name_over_phone",
        (),
        NAME_OVER_PHONE,
        _name_over_phone,
        utf8=(rf"(?:^|\n)[ \t>]*[{STARTS}][\x{{4e00}}-\x{{9fff}}]{{1,3}}[ \t]*\r?\n{_PHONE_LINE}",),
        lead=True,
    ),
)
