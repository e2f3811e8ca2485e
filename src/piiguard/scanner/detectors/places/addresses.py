"""Postal addresses: Chinese (a province, city, district, town, road and number), English
(`350 5th Avenue`) and continental European (`Lindenstraße 18, 10969 Berlin`). Moved from
words.py, whose RULES still list these rules where they stood (between the names and the
dates of birth)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.places import whole
from piiguard.scanner.detectors.rule import Rule, hit

FORMAT = Validator.FORMAT

CJK = "\u4e00-\u9fff"
CJK_HS = r"\x{4e00}-\x{9fff}"  # the same range in Hyperscan's syntax

_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|"
    # in Traditional script, and the regions of Hong Kong that stand first in its addresses
    "臺灣|台灣|澳門|香港島|九龍|九龙|新界"
)
# A Hong Kong or Macau region (九龍觀塘鴻圖道…, 新界沙田…, 澳門南灣大馬路…) places an address
# as a city does, but for a road named after it (香港中路8号, 澳门路3号: a street in any city).
_HK = r"(?:香港島?|香港岛|九[龍龙]|新界|澳[門门])"
_HK_REGION = re.compile(rf"{_HK}(?![东東西南北中]?(?:路|街|大?道))")
# A Hong Kong housing estate's flat (屋邨): the region, the estate (…邨, …苑), the block (…樓,
# A座, …閣), perhaps the floor, and the flat — 新界沙田瀝源邨福海樓12樓1203室. The flat's
# number ends it: an estate or a block named alone (九龍秀茂坪邨秀明樓) places nobody.
HK_ESTATE = re.compile(
    rf"{_HK}[{CJK}]{{2,10}}?[邨苑](?:[A-Z]|[{CJK}]{{1,4}}?)[樓座閣]"
    r"(?:\d{1,3}[樓層/])?\d{1,4}室"
)
# Words after which an address begins inside a run of Chinese (本人家住佛山市…, 请寄到中山市…,
# 送货到…, 位于…): a label, or a word that goes to or stays at a place.
_LIVES_AT = "".join(
    f"|(?<={w})"
    for w in (
        "家住",
        "住在",
        "现住",
        "居住在",
        "居住于",
        "住址为",
        "地址",
        "住址",
        "改为",
        *"到至往于在",
    )
)
# After the road and its number: a building's or an estate's name, then its block, unit,
# floor and flat (…华夏路10号富力中心28楼, …孙文中路88号B座1203, …12号之三, …88号二楼).
_UNIT = (
    r"(?:[A-Za-z\d]{1,5}|[一二三四五六七八九十]{1,3})"
    r"(?:栋|棟|幢|座|号楼|號樓|单元|單元|层|層|楼|樓|室|房)"
)
_TAIL = (
    r"(?:之[一二三四五六七八九十\d]{1,2})?院?"
    rf"(?:(?:[{CJK}A-Za-z]{{2,10}}?)?(?:{_UNIT}){{1,4}}(?:\d{{2,5}}(?![\d{CJK}]))?)?"
)
# A road without a number: the estate, then its block (栋 座 幢 号楼), perhaps the unit and the
# floor, and the flat — 新桂中路美的海岸花园8栋2单元701, 白沙大道西碧桂园翡翠湾3座1502房. The flat's
# number ends it (a sign, a space, the text's end, or 室 / 房 / 号 after it).
_BLOCK = r"(?:栋|棟|幢|座|号楼|號樓)"
_FLAT = (
    rf"(?:\d{{1,4}}|[A-Z]){_BLOCK}(?:\d{{1,2}}(?:单元|單元))?(?:\d{{1,3}}(?:层|層|楼|樓))?"
    rf"\d{{2,5}}(?:[室房号號]|(?![\d{CJK}]))"
)
_ROAD_NAME = rf"[{CJK}A-Za-z\d]{{1,10}}?(?:路|街|大道|道|巷|弄|胡同)"
ZH_ADDRESS = re.compile(
    rf"(?:(?<![{CJK}])|(?=(?:{_PROVINCES})){_LIVES_AT})"
    rf"(?P<v>(?P<admin>(?:(?:{_PROVINCES})"
    r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|特別行政區)?)?"
    rf"(?:[{CJK}]{{2,4}}?(?:市|州|盟))?"
    rf"(?:[{CJK}]{{1,5}}?(?:区|县|旗|區|縣))?"  # (and their Traditional characters: 大安區)
    rf"(?:[{CJK}]{{1,6}}?(?:镇|乡|街道|鎮|鄉))?)"
    rf"(?:{_ROAD_NAME}"
    r"(?:[东東西南北中一二三四五六七八九十]{1,2}段|\d{1,2}段|[东東西南北中])?\d{1,5}(?:-\d{1,4})?[号號]"
    rf"{_TAIL}"
    # a road and a block on it, no number (…清城周街J座, 人民路3栋): a division must place it
    rf"|(?P<block>{_ROAD_NAME})(?:[A-Za-z]|\d{{1,4}})(?:座|栋|棟|幢|号楼|號樓)(?:\d{{2,5}}[室房]?)?"
    rf"|(?:{_ROAD_NAME}[东東西南北中]?)?(?P<estate>[{CJK}A-Za-z]{{2,12}}?){_FLAT}))"
)
# A Taiwanese (or mainland) postcode before the address (74158 蘆竹自由街7段407號之6, 285 台南市…):
# with it, a road and number place someone without a division's word (蘆竹 is a district).
# The postcode stands first: at a line's or a field's start, after a label or 寄到 (not a
# quantity's number in a sentence: 数量 100 中山路3号).
_POSTCODE_BEFORE = re.compile(r"(?<![\d.\-:/])\d{3}(?:\d{2,3})?[ \t]?$")
_POSTCODE_AFTER = "\n\r\t:：\"',，;；(（[到至往"


def _postcode_before(text: str, start: int) -> int | None:
    m = _POSTCODE_BEFORE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    before = text[: m.start()].rstrip(" ")
    return m.start() if not before or before[-1] in _POSTCODE_AFTER else None


_ADDRESS_LABEL = re.compile(
    r"(?:收货地址|联系地址|家庭住址|详细地址|通讯地址|地址|住址|寄往|寄至|寄到|发往|送至|送到|位于|住在|家住|现住|"
    r"来自|搬到|收貨地址|聯繫地址|聯絡地址|詳細地址|通訊地址|寄到|送貨地址|現住)[:：]?"
)
_ADMIN = re.compile(r"省|市|区|县|旗|州|盟|镇|乡|自治区|區|縣|鎮|鄉")
# A verb that sends or takes someone to a place, just before a road and its number or block
# (请寄到三民路314號, 送到人民路5号, 家住中山街8號): it says an address follows.
_SENT_TO = re.compile(r"(?:寄到|寄至|寄往|送到|送至|送往|发往|發往|住在|家住|现住|現住|搬到)[ \t]?")


def _last(found: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in found:  # noqa: B007 - the last one is wanted
        pass
    return last


def _zh_address(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.start("v"), m.end("v")
    label = _ADDRESS_LABEL.match(text, start, end)
    if label:
        start = label.end()
    postcode = _postcode_before(text, start)
    sent = None if label else _last(_SENT_TO.finditer(text, start, min(end, start + 12)))
    if sent is not None and sent.end() < end:
        start = postcode = sent.end()  # (寄到三民路314號: the verb places it, as a postcode)
    if m.group("block") is not None:  # a road's block without a number: placed by a division
        if postcode is None and not _ADMIN.search(text, start, m.end("block")):
            return None
    elif m.group("estate") is not None:  # no number: the city, district or town must place it
        admin = m.group("admin")
        if not (_ADMIN.search(admin) or _HK_REGION.match(admin)):
            return None
    elif postcode is None:  # (a postcode before the road places it: 74158 蘆竹自由街7段…)
        road = max(text.rfind("号", start, end), text.rfind("號", start, end))
        if not _ADMIN.search(text, start, road) and not _HK_REGION.match(text, start, road):
            return None  # a street and number alone do not place anyone
    if postcode is not None:
        start = postcode
    return Hit("address", start, end, text[start:end], 0.85, FORMAT)


def _hk_estate(m: re.Match[str], text: str) -> Hit | None:
    return hit("address", m, 0.85, Validator.FORMAT)


_SUFFIXES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Ways|Place|Pl|"
    "Terrace|Ter|Circle|Cir|Circles|Parkway|Pkwy|Highway|Hwy|Square|Sq|Squares|Trail|Trl|Loop|"
    "Crossing|Xing|Path|Pike|Row|Alley|Plaza|Park|Parks|Ridge|Ridges|Hill|Hills|Heights|Point|"
    "Points|Village|Villages|View|Views|Valley|Valleys|Station|Summit|Spring|Springs|Green|Greens|"
    "Grove|Groves|Harbor|Harbors|Haven|Island|Islands|Isle|Junction|Junctions|Key|Keys|Knoll|"
    "Knolls|Lake|Lakes|Landing|Land|Light|Lights|Lodge|Manor|Manors|Meadow|Meadows|Mill|Mills|"
    "Mission|Mount|Mountain|Mountains|Oval|Pass|Pine|Pines|Port|Ports|Prairie|Ranch|Rapid|Rapids|"
    "Rest|River|Route|Run|Shoal|Shoals|Shore|Shores|Skyway|Stream|Streets|Throughway|Trace|Track|"
    "Trafficway|Tunnel|Turnpike|Underpass|Union|Unions|Vista|Walk|Walks|Wall|Well|Wells|Bypass|"
    "Camp|Canyon|Cape|Causeway|Center|Centers|Cliff|Cliffs|Club|Common|Commons|Corner|Corners|"
    "Course|Courts|Cove|Coves|Creek|Crescent|Crest|Curve|Dale|Dam|Divide|Drives|Estate|Estates|"
    "Expressway|Extension|Extensions|Fall|Falls|Ferry|Field|Fields|Flat|Flats|Ford|Fords|Forest|"
    "Forge|Forges|Fork|Forks|Fort|Freeway|Garden|Gardens|Gateway|Glen|Glens|Burg|Burgs|Brook|"
    "Brooks|Branch|Bridge|Bridges|Bluff|Bluffs|Bottom|Beach|Bend|Arcade|Lock|Locks|Mall|Neck|"
    "Orchard|Overpass|Mews|Spur|Plains|Plain|Radial|Ramp|Ville|Via|Motorway|Inlet|Harbour|Ports|"
    # the rest of the USPS list (Publication 28, C1) as people and generators write them
    "Crossroad|Hollow|Loaf|Parkways|Passage|Roads|Rue|Spurs|Stravenue|Viaduct"
)
STREET_WORDS = _SUFFIXES  # (the street's word: places/postal.py's flats read it too)
EN_ADDRESS = re.compile(
    # (221B Baker Street, Jihua 5th Road)
    r"(?<![\w-])\d{1,6}[A-Z]?[ ]+(?:(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))[ ]+){1,3}"
    rf"(?:{_SUFFIXES})s?\.?(?![\w])"
    r"(?:,?[ ]+(?:Apt\.?|Suite|Unit|Ste\.?|#)[ ]*[A-Za-z0-9-]+)?"
    r"(?:(?:,[ ]*|\n|[ ]+)[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2},[ ]*[A-Z]{2}[ ]+\d{5}(?:-\d{4})?)?"
    r"(?![\w])"
)


def _en_address(m: re.Match[str], text: str) -> Hit | None:
    return whole.whole("address", m.start(), m.end(), text, 0.8)  # with what is around it


# Continental European addresses: the street (its name and its word), the number, then a
# postcode and a town — `Lindenstraße 18, 10969 Berlin`, `Keizersgracht 221, 1016 DV
# Amsterdam`, `Industrivägen 7, 418 78 Göteborg`, `Via Garibaldi 12, 20121 Milano`,
# `42 Rue des Lilas, 69003 Lyon`. Without the postcode and town it is not an address.
_EU_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_EU_SUFFIX = (
    r"(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|gracht|straat|laan|plein|kade|"
    r"vägen|gatan|gränd|vej|gade|veien|gata)"
)
_LEADS = r"Via|Viale|Piazza|Corso|Largo|Calle|Avenida|Paseo|Plaza|Rua|Avenue|Boulevard|"
_EU_LEAD = rf"(?:{_LEADS}[Uu]l(?:\.|ica))"
_EU_FR = r"(?:rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai|cours)"
_EU_TOWN = (  # the postcode (10969, 1016 DV, 418 78) and the town, perhaps the country
    r",[ ]*(?:\d{4}[ ]?[A-Z]{2}(?![\w])|\d{4,5}|\d{3}[ ]\d{2}|\d{2,4}-\d{3})"
    r"[ ]+[A-ZÀ-ÖØ-Þ][\w\-]+(?:,[ ]*[A-Z][a-z]+)?"
)
EU_ADDRESS = re.compile(
    rf"(?P<v>\d{{1,4}}[a-z]?[ ]+[A-ZÀ-ÖØ-Þ][\w\-]*{_EU_SUFFIX}{_EU_TOWN}"  # 164 Hauptstraße, …
    rf"|(?:[A-ZÀ-ÖØ-Þ][\w\-]*{_EU_SUFFIX}"
    rf"|{_EU_LEAD}(?:[ ](?:{_EU_WORD}|di|de|del|della|da|do|dos))+)"
    rf"[ ]+\d{{1,4}}[a-z]?{_EU_TOWN}"
    rf"|\d{{1,4}}[a-z]?,?[ ]+(?i:{_EU_FR})[ ]+(?:(?:de|des|du|la|le|l')[ ]?)*{_EU_WORD}"
    rf"(?:[ ]{_EU_WORD})*{_EU_TOWN})"
)


def _eu_address(m: re.Match[str], text: str) -> Hit | None:
    return whole.whole("address", m.start("v"), m.end("v"), text, 0.8)


EU_SUFFIX = re.compile(_EU_SUFFIX)
_SUFFIX_HS = _EU_SUFFIX[3:-1].replace("ä", "\\?").replace("ß", "\\?")  # the ASCII shadow's
_NUMBER_BEFORE = re.compile(r"(?<![\w\-])\d{1,4}[a-z]?[ ]+$")


def _eu_street(m: re.Match[str], text: str) -> Hit | None:
    """From the street word (reported where it ends a word: `…straße 18, 10969`) back to
    the start of the street's name, then the whole address from there."""
    start = m.start()
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    if number := _NUMBER_BEFORE.search(text, max(0, start - 7), start):  # `164 Hauptstraße, …`
        start = number.start()
    whole = EU_ADDRESS.match(text, start)
    return None if whole is None else _eu_address(whole, text)


_ROAD = (
    r"(?:路|街|大道|道|巷|弄|胡同)(?:[东東西南北中一二三四五六七八九十]{1,2}段|[0-9]{1,2}段|[东東西南北中])?"
    r"\d{1,5}(?:-\d{1,4})?[号號]"
)

RULES = (
    # The start of the run of Chinese characters, letters and digits that ends in a road and
    # number; the pattern is searched from there (at most 62 code points before the end).
    Rule(
        "zh_address",
        (),
        ZH_ADDRESS,
        _zh_address,
        utf8=(
            rf"(?:^|[^{CJK_HS}])[{CJK_HS}A-Za-z0-9]+{_ROAD}",
            # an estate's block, unit, floor and flat (no road number before)
            rf"(?:^|[^{CJK_HS}])[{CJK_HS}A-Za-z0-9]+(?:栋|棟|幢|座|号楼|號樓)"
            r"(?:[0-9]{1,2}(?:单元|單元))?(?:[0-9]{1,3}(?:层|層|楼|樓))?[0-9]{2,5}",
            # a road's block without a number (…周街J座): the division is checked after
            rf"(?:^|[^{CJK_HS}])[{CJK_HS}A-Za-z0-9]+(?:路|街|大道|道|巷|弄)[A-Za-z0-9]{{1,4}}"
            r"(?:座|栋|棟|幢|号楼|號樓)",
        ),
        search=62,
        after=40,
    ),
    Rule(
        "hk_estate",
        (),
        HK_ESTATE,
        _hk_estate,
        utf8=(
            rf"(?:香港|九龍|九龙|新界)[{CJK_HS}]{{2,12}}[邨苑][{CJK_HS}A-Z]{{1,4}}[樓座閣]"
            r"(?:[0-9]{1,3}[樓層/])?[0-9]{1,4}室",
        ),
        search=40,
    ),
    Rule(
        "en_address",
        (
            r"(?:^|[^0-9A-Za-z_\-])\d{1,6}[A-Z]? +"
            rf"(?:(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th)) +){{1,3}}(?:{_SUFFIXES})",
        ),
        EN_ADDRESS,
        _en_address,
        lead=True,
    ),
    Rule(
        "eu_address",
        (
            rf"(?:^|[^A-Za-z]){_EU_LEAD} [A-Z?]",
            r"(?:^|[^0-9])[0-9]{1,4}[a-z]?,? (?i:rue|avenue|boulevard|bd|chemin|place|all\?e|"
            r"impasse|quai|cours) ",
        ),
        EU_ADDRESS,
        _eu_address,
        lead=True,
    ),
    Rule(
        "eu_street",
        (
            rf"(?:{_SUFFIX_HS}) [0-9]{{1,4}}[a-z]?, ?[0-9]",
            rf"(?:{_SUFFIX_HS}), ?[0-9]{{4,5}} [A-Z]",  # the number before: 12 Lindenstraße, …
        ),
        EU_SUFFIX,
        _eu_street,
    ),
)
