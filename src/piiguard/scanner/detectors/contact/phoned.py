"""A phone where a field or a word says phone, in any country's writing (issue 18, R2.7).

The numbering-plan rules (numbers.py) accept a number without context only when
phonenumbers knows its range. Where a field's name, a label or a word says phone — a CSV
column `电话` / `mobile`, a key `"phone":`, `Tel:`, `联系电话：`, `call me on`, `打我电话` — the
value is a phone whatever its country's writing: `318.903.3401x8780`, `(257)524-9208x6828`,
`+1-257-524-9208`, `001-257-524-9208x123`, `7473439575`, `0924-475771`, `(04) 96563414`,
`(0116) 496 0481`, `+44(0)191 496 0401`, `14906001131`. It must have a phone's shape: 7 to
15 digits with spaces, dots, dashes or brackets between, a leading +, 00 or 001, perhaps an
extension glued to it with x (`ext. 12`, `转 8001` written apart are not the number's). A
date, a time, an amount, a version, a word with digits in it, an IP address or a valid
card's number is none, nor are more than 13 digits without a +, 00 or 001 before them (two
numbers, or a code's digits in groups). A part, order, serial or version field is no phone
field (its name never ends in a phone word), so the same digits there stay quiet.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

# The number: a prefix (+, 00, 001, a bracketed country code), then digit groups with one
# separator or none between them (brackets around an area code), then an extension.
_NUMBER = (
    r"(?:\+[ ]?|00[ -]?|\(\+?\d{1,3}\)[ ]?)?"
    r"(?:\(\d{1,5}\)[ .-]?|\d)"
    r"(?:[ .\-]?(?:\(\d{1,5}\)|\d)){5,22}"
)
# An extension glued to the number with x, as one token (318.903.3401x8780); one written
# apart (ext. 7, 转 8021, 分机 12, #8) is not the number's (the blind corpora's reading:
# the number is the phone, the extension something else).
_EXTENSION = r"(?:x\d{1,6})?"
PHONE_VALUE = re.compile(
    rf"(?P<n>{_NUMBER})(?P<x>{_EXTENSION})(?![0-9A-Za-z@/:\-]|\.\d|[\u4e00-\u9fff]{{0,1}}[年月日元号號])"
)
_DIGIT = re.compile(r"\d")
_DATE_OR_TIME = re.compile(
    r"(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d"
)


def phone_value(value: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of a phone number at value[pos:] in any national writing, or None: 7 to
    15 digits (an extension's apart), not a date, not the same digit throughout."""
    m = PHONE_VALUE.match(value, pos)
    if m is None:
        return None
    number = m.group("n")
    digits = "".join(_DIGIT.findall(number))
    international = number.startswith(("+", "00", "(+", "(00"))
    if not 7 <= len(digits) <= (15 if international else 13) or len(set(digits)) < 3:
        return None  # (a national number has 13 digits at most: 0 + area + subscriber)
    if _DATE_OR_TIME.match(number.lstrip("(+")) or checks.ipv4(number):
        return None  # (a date, an IP address)
    if len(digits) >= 13 and checks.luhn(digits) and checks.card_issuer(digits) is not None:
        return None  # a card's number (3782 822463 10005), as the card rule reads it
    return m.start(), m.end()


# A phone word a value follows: a label or a key (Tel:, 联系电话：, "mobile_phone": "…",
# phoneNumber=…) or a word said before it (call me on, 打我电话, 手机号是).
_ZH_WORDS = (
    "联系电话|电话号码|手机号码|联系手机|手机号|电话|手机|固话|座机|传真|联系方式|致电|来电|"
    "電話|手機|聯絡電話|聯繫電話|行動電話|傳真"
)
_EN_KEY = (  # (contactPhone, home_phone, TEL; not iphone, hotel, HOTEL)
    r"(?:(?<![A-Za-z])(?:phone|mobile|telephone|tel|cell|fax|mob)"
    r"|(?<![A-Z])(?:Phone|Mobile|Telephone|Tel|Cell|Fax|Mob|PHONE|MOBILE|TELEPHONE|TEL|CELL|FAX|MOB))"
    r"(?:[ _\-]?(?:[Nn]o|NO|[Nn]umber|NUMBER|[Nn]um|[Nn]r|[Pp]hone))?\.?"
)
PHONE_FIELD = re.compile(
    rf"(?:(?:{_ZH_WORDS})(?:号码|号)?|{_EN_KEY})"
    r"(?:[ \t]*[(（][^()（）\n]{1,12}[)）])?"  # (Tel (office): …, 电话（手机）：)
    r"[\"']?[ \t]*(?:[:：=]|是|为)[ \t]*[\"']?[ \t]*(?=[+(0-9])"
)
# A CSV column's header that names a phone (电话, 联系电话, 手机号码, mobile, Phone Number,
# contact_phone, TEL): the phone word last, perhaps a number's word after it.
PHONE_HEADER = re.compile(rf"(?:(?:{_ZH_WORDS})(?:号码|号)?|{_EN_KEY})[ \t]*$")


# In a sentence: a phone word, a few words without digits, then the number.
PHONE_SAID = re.compile(
    r"(?i:\b(?:call|ring|phone|text|reach|contact|whatsapp)\b[A-Za-z ]{0,12}?"
    r"\b(?:on|at|via|is|number|no\.?)\b[ \t]*)"
    r"|(?:打我电话|打电话|拨打|致电|联系电话|电话|手机号?)(?:是|为)?[ \t]?(?=[+(0-9])"
)
_EN_NOT_PHONE = re.compile(r"(?i)(?:model|case|app|number of|brand|type|version)")


def _field(m: re.Match[str], text: str) -> Hit | None:
    label = m.group()
    if _EN_NOT_PHONE.search(label):
        return None
    span = phone_value(text, m.end())
    if span is None or not _value_ends(text, span[1]):
        return None
    # (0.97: as sure as a number rule's with a phone word before it, so the longer, with its
    # extension, stands where both read the number)
    return Hit("phone", *span, text[span[0] : span[1]], 0.97, Validator.CONTEXT)


_VALUE_END = re.compile(r"[ \t]*(?:$|[\r\n\"',;，；。、！？)）\]}|/]|[.!?](?!\d)|[ \t]+\D)")


def _value_ends(text: str, end: int) -> bool:
    """The number is the whole value: the field, the line or the sentence goes on with no
    more digits straight after it (`0755-8888 1234 5678` is something else)."""
    return _VALUE_END.match(text, end) is not None or end == len(text)


def _said(m: re.Match[str], text: str) -> Hit | None:
    span = phone_value(text, m.end())
    if span is None or not _value_ends(text, span[1]):
        return None
    return Hit("phone", *span, text[span[0] : span[1]], 0.97, Validator.CONTEXT)


_ZH_HS = _ZH_WORDS
RULES = (
    Rule(
        "phone_field",
        (
            r"(?:phone|mobile|telephone|tel|cell|fax|mob)(?:[ _\-]?(?:no|number|num|nr|phone))?"
            r"\.?(?:[ \t]*\([^()\n]{1,12}\))?[\"']?[ \t]*[:=?][ \t]*[\"']?[ \t]*[+(0-9]",
        ),
        PHONE_FIELD,
        _field,
        utf8=(
            rf"(?:{_ZH_HS})(?:号码|号)?(?:[ \t]*[(（][^()（）\n]{{1,12}}[)）])?[\"']?[ \t]*"
            r"(?:[:：=]|是|为)[ \t]*[\"']?[ \t]*[+(0-9]",
        ),
        caseless=True,
        search=48,
        after=4,
    ),
    Rule(
        "phone_said",
        (
            r"(?:call|ring|phone|text|reach|contact|whatsapp)[A-Za-z ]{0,12}"
            r"(?:on|at|via|is|number|no\.?)[ \t]*[+(0-9]",
        ),
        PHONE_SAID,
        _said,
        utf8=(r"(?:打我电话|打电话|拨打|致电|联系电话|电话|手机号?)(?:是|为)?[ \t]?[+(0-9]",),
        caseless=True,
        search=40,
        after=4,
    ),
)
