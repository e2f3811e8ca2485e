"""Chinese addresses without a road: a factory in an industrial zone (杜阮镇龙榜工业区12号),
a village (荷塘镇三丫村委会), a tower or a square with its number (issue 18, R2.7).

Much of Guangdong's industry and many of its people are placed by a zone, a park or a
village, not a street: `江门市蓬江区杜阮镇龙榜工业区12号`, `棠下镇桐井村5巷8号`. Two rules:
- in any text, an administrative division (省 市 区 县 镇 乡 街道) then a zone, park, village,
  community, tower or square and a number with its unit (号, 栋, 座 …) — as addresses.py
  holds a road and number, whose rule stays as it was;
- in an address field (a label or key: 详细地址：, 住址, "address": …, a CSV column's header),
  the value, whole, when it holds a division and a place below it: a zone, village, estate,
  tower or a number with its unit (`荷塘镇三丫村委会`; `江门市蓬江区` alone places nobody).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

CJK = "\u4e00-\u9fff"
CJK_HS = r"\x{4e00}-\x{9fff}"
# Places below a division that are not a road: zones and parks, villages, communities,
# towers, squares (the longest first).
_ZONES = (
    "工业园区|工业开发区|经济开发区|高新技术产业开发区|工业区|工业园|工业城|工业村|产业园|科技园|"
    "物流园|开发区|村委会|居委会|社区|新村|大厦|大廈|广场|廣場|村"
)
_UNIT = r"(?:号楼|號樓|号|號|栋|棟|幢|座|单元|單元|层|層|楼|樓|室|房|仓|倉|铺|舖)"
_DIVISION = (
    rf"(?:[{CJK}]{{2,4}}?(?:省|自治区))?(?:[{CJK}]{{2,4}}?(?:市|州|盟))?"
    rf"(?:[{CJK}]{{1,5}}?(?:区|县|旗|區|縣))?(?:[{CJK}]{{1,6}}?(?:镇|乡|街道|鎮|鄉))?"
)
ZONE_ADDRESS = re.compile(
    rf"(?<![{CJK}])(?P<v>{_DIVISION}[{CJK}A-Za-z\d]{{1,10}}?(?:{_ZONES})"
    rf"(?:[A-Za-z\d\-]{{1,5}}{_UNIT}){{1,4}}(?:\d{{3,4}}(?![\d{CJK}]))?)"
)
_ADMIN = re.compile(r"省|市|区|县|旗|州|盟|镇|乡|街道|區|縣|鎮|鄉")


def _zone_address(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.span("v")
    zone = re.search(_ZONES, text[start:end])
    if zone is None or not _ADMIN.search(text, start, start + zone.start()):
        return None  # a zone and a number alone (龙榜工业区12号) do not place anyone
    return Hit("address", start, end, text[start:end], 0.85, Validator.FORMAT)


# An address field: a Chinese label (地址 ends most: 详细地址, 收货地址 …) or an English key
# (address, addr, shipAddress, detail_address, address_line1), its separator, the value.
_FIELD = (
    r"(?:地址|住址|住所|居住地|所在地"
    r"|(?i:(?:[a-z]*[ _]?)?addr(?:ess)?(?:[ _]?(?:line|detail)[ _]?\d?)?))"
)
ADDRESS_FIELD = re.compile(
    rf"{_FIELD}[\"']?[ \t]*[:：=][ \t]*[\"']?(?P<v>[{CJK}][{CJK}A-Za-z\d\-#（）()]{{3,60}})"
)
# A place below the division: a zone, a village, an estate, a tower, or a number and its unit.
_LOCALITY = re.compile(
    rf"(?:{_ZONES}|花园|花園|小区|小區|公寓|苑|庄|莊|屯|组)|\d{{1,5}}(?:-\d{{1,4}})?{_UNIT}"
)


_VALUE = re.compile(rf"[{CJK}][{CJK}A-Za-z\d\-#（）()]{{3,60}}")
# A CSV column's header that names an address (详细地址, 收货地址, 住址, Address, shipAddr)
ADDRESS_HEADER = re.compile(r"(?:地址|住址|住所|居住地|所在地|(?i:addr(?:ess)?))[ \t]*$")


def address_value(value: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of a Chinese address at value[pos:] in an address field: the run of its
    characters (no blank, no comma), holding a division and a place below it."""
    m = _VALUE.match(value, pos)
    if m is None:
        return None
    start, end = m.span()
    while end > start and value[end - 1] in "-#（(":
        end -= 1
    admin = _ADMIN.search(value, start, end)
    if admin is None or not _LOCALITY.search(value, admin.end(), end):
        return None
    return start, end


def _address_field(m: re.Match[str], text: str) -> Hit | None:
    span = address_value(text, m.start("v"))
    if span is None:
        return None
    # (0.84: where the road rule reads the same value, its span stands)
    return Hit("address", *span, text[span[0] : span[1]], 0.84, Validator.FORMAT)


RULES = (
    Rule(
        "zh_zone_address",
        (),
        ZONE_ADDRESS,
        _zone_address,
        utf8=(
            rf"(?:^|[^{CJK_HS}])[{CJK_HS}A-Za-z0-9]+(?:{_ZONES})[A-Za-z0-9\-]{{1,5}}"
            rf"(?:号|號|栋|棟|幢|座|单元|單元|层|層|楼|樓|室|房|仓|倉|铺|舖)",
        ),
        search=62,
        after=40,
    ),
    Rule(
        "zh_address_field",
        (r"addr(?:ess)?(?:[ _]?(?:line|detail)[ _]?[0-9]?)?[\"']?[ \t]*[:=][ \t]*[\"']?\?",),
        ADDRESS_FIELD,
        _address_field,
        utf8=(rf"(?:地址|住址|住所|居住地|所在地)[\"']?[ \t]*[:：=][ \t]*[\"']?[{CJK_HS}]",),
        caseless=True,
        search=80,
        after=64,
    ),
)
