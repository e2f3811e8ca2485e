"""An address field's value whole, whatever its shape, and the postal writings the street
rules do not read (issue 18, R2.7).

- A field that says address (a CSV column `地址` / `shipping_address`, a key `"address":`,
  a label `收货地址：`, `Address:`) is strong context: its value is an address when it has
  an address's stuff — a Chinese road, number, block, floor or village
  (`王路r座`, `芝山路292號`, `26018 台中市信義街4號8樓`) or, in Latin letters, a number and
  a word (`56346 Sherry Rue`, `Flat 6, Jade Fall`, `PSC 2358, Box 5744, APO AE 39233`).
  Not an e-mail, a URL, an IP or MAC address (`email address:`, `IP地址：` are no postal
  fields), and a Chinese value ends at its first blank (a name and a phone often follow:
  `收货地址：…8号 张三 138…`; a postcode after it is not the address's, as the blind
  corpora read it).
- A flat or a studio on a street with no number (`Flat 6, Jade Fall, Jonesmouth, S32 1WJ`).
- US military mail (`PSC 2358, Box 5744, APO AE 39233`, `Unit 0571 Box 7279, DPO AA
  68021`, `USNS Miller, FPO AP 12345`) and post office boxes (`PO Box 1234, Springfield, IL
  62704`), with what follows them as the street rules take it (whole.py).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.places import whole
from piiguard.scanner.detectors.places.addresses import STREET_WORDS
from piiguard.scanner.detectors.rule import Rule

CJK = "\u4e00-\u9fff"
# Words before `address` that make it no postal address (email_address, IP地址, wallet addr).
_NOT_POSTAL_BEFORE = re.compile(
    r"(?i:e-?mail|mail|ip|ipv[46]|mac|web|url|server|host|wallet|proxy|gateway|link|"
    r"download|bind|listen|remote|local|callback|redirect|memory|mem|base|contract|"
    r"bitcoin|btc|eth|network|net|dns|smtp|pop3?|imap|ftp|http|https|api|endpoint)[ _\-]?$"
    r"|(?:网|邮箱|郵箱|服务器|伺服器|链接|鏈接|下载|下載|IP|MAC|ip|mac|网关|钱包|内存)[ \t]*$"
)
_FIELD = (
    r"(?:收货地址|收貨地址|送货地址|送貨地址|联系地址|聯繫地址|聯絡地址|家庭住址|详细地址|詳細地址|"
    r"通讯地址|通訊地址|邮寄地址|郵寄地址|公司地址|单位地址|地址|住址|住所|居住地"
    r"|(?i:addr(?:ess)?(?:[ _\-]?(?:line|detail)[ _\-]?\d?)?))"
)
ADDRESS_FIELD_ANY = re.compile(
    rf"(?P<label>{_FIELD})(?:[ \t]*\([^()\n]{{1,16}}\))?[\"']?[ \t]*[:：=][ \t]*"
    r"(?P<o>[\"']?)[ \t]*(?=\S)"
)
# The stuff of an address: a Chinese road, number, block, floor or village; in
# Latin letters a number and a word of three letters, a PO box or military mail.
# (a division alone — 江门市蓬江区, 佛山市南海区狮山镇 — places nobody: something below it)
_ZH_STUFF = re.compile(
    r"(?:路|街|大道|巷|弄)(?:\d{1,2}段)?(?:[A-Za-z]|\d{1,5})(?:号|號|座|栋|棟|幢)"
)
_ZH_VALUE = re.compile(rf"(?:\d{{3,6}}[ \t]?)?[{CJK}A-Za-z\d][{CJK}A-Za-z\d\-#（）()之]{{1,60}}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_NOT_ADDRESS = re.compile(
    r"@|://|^www\.|^\d{1,3}(?:\.\d{1,3}){3}\b|^[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b"
    r"|^[0-9a-fA-F:]*::"
)
# Where a Latin value ends: a tab or two blanks, a bar, another label; in text the line too
# (a CSV cell's lines are its address's).
_LATIN_END = re.compile(
    r"[\t|;；]|[ ]{2}|(?<=\S)[ ,]+(?i:tel|phone|mobile|fax|e-?mail|电话|手机|邮箱)\b"
)
_LINE_END = re.compile(r"[\r\n]")


def postal_value(
    value: str, pos: int = 0, end: int | None = None, quote: str = ""
) -> tuple[int, int] | None:
    """The span at value[pos:end] of a value an address field holds, if it has an
    address's stuff (see the module's docstring). `end` None: the value is a cell, whole
    (its lines are the address's); else a line's end. `quote`: what closes the value."""
    cell = end is None
    end = len(value) if end is None else end
    while pos < end and value[pos] in " \t":
        pos += 1
    if pos >= end or _NOT_ADDRESS.search(value[pos : min(end, pos + 60)]):
        return None
    zh = _ZH_VALUE.match(value, pos, end)
    if zh is not None and re.search(f"[{CJK}]", zh.group()):
        stop = zh.end()
        while stop > pos and value[stop - 1] in "-#（(":
            stop -= 1
        ok = _ZH_STUFF.search(value, pos, stop) is not None and stop - pos >= 3
        return (pos, stop) if ok else None
    stop = end
    if quote:
        close = value.find(quote, pos, end)
        stop = close if close >= 0 else stop
    for ender in (_LATIN_END,) if cell else (_LATIN_END, _LINE_END):
        cut = ender.search(value, pos, stop)
        stop = stop if cut is None else cut.start()
    stop = len(value[pos:stop].rstrip(" ,.;:")) + pos
    text = value[pos:stop]
    if stop - pos < 5 or not any(c.isdigit() for c in text) or not _LATIN_WORD.search(text):
        return None
    return pos, stop


def _field_any(m: re.Match[str], text: str) -> Hit | None:
    if _NOT_POSTAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    line_end = text.find("\n", m.end())
    span = postal_value(text, m.end(), len(text) if line_end < 0 else line_end, m.group("o"))
    if span is None:
        return None
    # A fallback (0.79): where a street rule reads the address, its span stands — but for a
    # value on lines written as one, a JSON string's `\n`, where the street rules stop at the
    # first line (0.8, as theirs: the longer stands).
    value = text[span[0] : span[1]]
    confidence = 0.8 if "\\n" in value else 0.79
    return Hit("address", *span, value, confidence, Validator.CONTEXT)


# US military mail: a unit or a ship, then APO / FPO / DPO, the armed forces' state, the ZIP.
MILITARY = re.compile(
    r"(?<![\w-])(?:(?:PSC|CMR|Unit)[ ]\d{1,5}(?:,?[ ]Box[ ]\d{1,5})?"
    r"|(?:USS|USNS|USNV|USCGC)[ ][A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+)?)"
    r"(?:,[ ]?|\n|[ ])(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}(?:-\d{4})?(?![\w-])"
)
# A post office box, then the town, state and postcode as the street rules read them.
PO_BOX = re.compile(r"(?<![\w-])(?:P\.?[ ]?O\.?[ ]?Box|Post[ ]Office[ ]Box)[ ]\d{1,6}(?![\w-])")


# A flat or studio on a street with no number (the UK's `Flat 6, Jade Fall, Jonesmouth, S32
# 1WJ`, `Studio 44⏎Lucy Pike`): the flat, the street's name and word, then the town and the
# postcode as the street rules take them.
FLAT_STREET = re.compile(
    r"(?<![\w-])(?:Flat|Studio|Apartment)[ ][A-Z0-9]{1,4}[a-zA-Z]?(?:,[ ]?|[ ]?\r?\n[ \t]*)"
    rf"(?:[A-Z][a-z]+[ ]){{1,3}}(?:{STREET_WORDS})(?![\w])"
)


def _flat_street(m: re.Match[str], text: str) -> Hit | None:
    return whole.whole("address", m.start(), m.end(), text, 0.8)


def _military(m: re.Match[str], text: str) -> Hit | None:
    return Hit("address", m.start(), m.end(), m.group(), 0.85, Validator.FORMAT)


def _po_box(m: re.Match[str], text: str) -> Hit | None:
    found = whole.whole("address", m.start(), m.end(), text, 0.8)
    return found if found.end > m.end() else None  # (a box alone names no town)


RULES = (
    Rule(
        "address_field_any",
        (
            r"addr(?:ess)?(?:[ _\-]?(?:line|detail)[ _\-]?[0-9]?)?(?:[ \t]*\([^()\n]{1,16}\))?"
            r"[\"']?[ \t]*[:=?][ \t]*[\"']?[ \t]*[0-9A-Za-z?]",
        ),
        ADDRESS_FIELD_ANY,
        _field_any,
        utf8=(
            r"(?:地址|住址|住所|居住地)(?:[ \t]*\([^()\n]{1,16}\))?[\"']?[ \t]*(?:[:=]|：)"
            r"[ \t]*[\"']?[ \t]*[^ \t\r\n]",
        ),
        caseless=True,
        search=48,
        after=4,
    ),
    Rule(
        "military_address",
        (
            r"(?:^|[^0-9A-Za-z_\-])(?:(?:PSC|CMR|Unit) [0-9]{1,5}(?:,? Box [0-9]{1,5})?"
            r"|(?:USS|USNS|USNV|USCGC) [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?)"
            r"(?:, ?|\n| )(?:APO|FPO|DPO) (?:AA|AE|AP) [0-9]{5}",
        ),
        MILITARY,
        _military,
        lead=True,
    ),
    Rule(
        "flat_street",
        (
            r"(?:^|[^0-9A-Za-z_\-])(?:Flat|Studio|Apartment) [A-Z0-9]{1,4}[a-zA-Z]?"
            r"(?:, ?| ?\r?\n[ \t]*)(?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+",
        ),
        FLAT_STREET,
        _flat_street,
        lead=True,
    ),
    Rule(
        "po_box",
        (r"(?:^|[^0-9A-Za-z_\-])(?:P\.? ?O\.? ?Box|Post Office Box) [0-9]{1,6}",),
        PO_BOX,
        _po_box,
        lead=True,
    ),
)
