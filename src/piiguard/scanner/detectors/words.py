"""Rules that need words around the value: person names, postal addresses, dates of birth."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    FUNCTION_CHARS,
    NAME_TERMINATORS,
    NOT_NAMES,
    SINGLE_SURNAMES,
)
from piiguard.scanner.detectors.rule import Rule, hit

CJK = "\u4e00-\u9fff"
CJK_HS = r"\x{4e00}-\x{9fff}"  # the same range in Hyperscan's syntax
_SURNAME_SET = frozenset(SINGLE_SURNAMES)
COMPOUND_SET = frozenset(COMPOUND_SURNAMES)
# Characters that name a unit of an organisation or a service, never a given name: a
# "name" ending in them before a role word is a department (工程部主管, 我司服务工程师).
UNIT_CHARS = frozenset("部门组室处厂店司局院所系班区市省县村街号楼层服务")


def _seq(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


# Two-character words that begin with a surname character but are not names.
COMMON_WORDS = frozenset(
    [
        "安装",  # 安装师傅: the installer
        "关系",  # 姓名⇥关系⇥电话: a family table's header
        "项目",
        "公司",
        "高级",
        "市场",
        "全国",
        "区域",
        "大区",
        "部门",
        "客户",
        "销售",
        "技术",
        "产品",
        "财务",
        "人事",
        "行政",
        "采购",
        "质量",
        "售后",
        "服务",
        "业务",
        "总部",
        "区域",
        "分公司",
        "该位",
        "这位",
        "那位",
        "各位",
        "诸位",
        "每位",
        "两位",
        "几位",
        "本公司",
        "贵公司",
        "王牌",
        "常务",
        "执行",
        "资深",
        "首席",
        "副总",
        "总经",
        "主管",
        "值班",
        "当班",
        "安全",
        "项目部",
        "车间",
        "平台",
        "管理",
        "运营",
        "我们",
        "你们",
    ]
)

SUFFIX_WORDS = (
    "先生",
    "女士",
    "小姐",
    "经理",
    "总监",
    "主管",
    "老师",
    "师傅",
    "工程师",
    "主任",
    "律师",
    "医生",
    "同学",
    "阿姨",
)
SUFFIX = re.compile("|".join(SUFFIX_WORDS))
LABEL_WORDS = _seq(
    "联系人 姓名 收件人 收货人 寄件人 经办人 负责人 申请人 投诉人 签收人 持卡人 尊敬的 亲爱的"
    # who received, closed or took over a job (代收人 龙嘉欣, 结单人：包静怡)
    " 代收人 结单人 受理人 对接人 跟单人 办理人"
)
LABEL = re.compile("(?:" + "|".join(LABEL_WORDS) + r")[:：]?[ \t]*(?=[" + CJK + "])")
FOLLOW_WORDS = _seq(
    "先生 女士 小姐 经理 电话 手机 您好 你好 的 反馈 来电 表示 称 说 已 "
    "于 在 要求 投诉 地址 邮箱 身份证 护照 银行 卡号 工号 同学 老师 收 "
    "签收 先 ， 。 、"
)
_FOLLOW = re.compile("|".join(FOLLOW_WORDS))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _given_ok(text: str, a: int, b: int) -> bool:
    return not any(c in UNIT_CHARS for c in text[a:b])


def _name_before(text: str, end: int) -> int | None:
    """Start of the Chinese name that ends at `end`, or None."""
    for length in (4, 3):  # compound surname + one or two given characters
        start = end - length
        if (
            start >= 0
            and text[start : start + 2] in COMPOUND_SET
            and _given_ok(text, start + 2, end)
        ):
            return start
    s3, s2 = end - 3, end - 2
    if (
        s3 >= 0
        and text[s3] in _SURNAME_SET
        and text[s3] not in FUNCTION_CHARS
        and all(_is_cjk(c) for c in text[s3:end])
        and _given_ok(text, s3 + 1, end)
        and text[s3 : s3 + 2] not in COMMON_WORDS
    ):
        return s3
    if (
        s2 >= 0
        and text[s2] in _SURNAME_SET
        and all(_is_cjk(c) for c in text[s2:end])
        and _given_ok(text, s2 + 1, end)
    ):
        return s2
    return None


def _zh_name_suffix(m: re.Match[str], text: str) -> Hit | None:
    start = _name_before(text, m.start())
    if start is None or text[start : m.start()] in COMMON_WORDS:
        return None
    return Hit("person_name", start, m.start(), text[start : m.start()], 0.85, Validator.CONTEXT)


def _zh_name_label(m: re.Match[str], text: str) -> Hit | None:
    start = m.end()
    surname = 2 if text[start : start + 2] in COMPOUND_SET else 1
    if surname == 1 and text[start : start + 1] not in _SURNAME_SET:
        return None
    for given in (2, 1):
        end = start + surname + given
        if end > len(text) or not all(_is_cjk(c) for c in text[start:end]):
            continue
        if end == len(text) or not _is_cjk(text[end]) or _FOLLOW.match(text, end):
            value = text[start:end]
            if value in COMMON_WORDS:
                return None
            return Hit("person_name", start, end, value, 0.85, Validator.CONTEXT)
    return None


_WORD = r"[A-Z][a-z]*(?:['’-]?[A-Z][a-z]+)+|[A-Z][a-z]+"
LATIN_NAME = re.compile(
    r"(?:\b(?:Dear|Hi|Hello)(?:[ ]+(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?)?"
    r"|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?"
    r"|\b(?i:Name|Full name|Customer name|customer|Contact|Contact person|Attn|Attention|Recipient|"
    r"Cardholder|Account holder|Signed|Sincerely|Regards|Best regards|Kind regards|Yours)"
    r"[ \t]*[:,]?)"
    rf"[ \t]*\n?[ \t]*(?P<v>(?:{_WORD})(?:[ ](?:{_WORD})){{0,2}})"
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s*$")
NOT_LAST = NAME_TERMINATORS | NOT_NAMES
# A company's legal form after the words (Nordbau GmbH, Acme Trading Ltd., Rossi S.p.A.,
# 美华有限公司): the words are the company's name, not a person's.
COMPANY_FORM = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:GmbH|AG|KG|Ltd|Co|Inc|LLC|S\.A|S\.p\.A|SpA|B\.V|BV|N\.V|Pte|Pty|PLC"
    r"|Corp|SARL|SAS|Oy|有限|集团|公司|厂)(?![A-Za-z0-9-])"  # (Co-founder is a role)
)


def _latin_name(m: re.Match[str], text: str) -> Hit | None:
    tokens = m.group("v").split(" ")
    end = m.end("v")
    if end < len(text) and text[end].isascii() and text[end].isalnum():
        tokens.pop()  # the pattern stopped inside a word (Gmb|H): that word is no name's
    while tokens and tokens[-1].lower() in NOT_LAST:
        tokens.pop()
    if not tokens or tokens[0].lower() in NOT_NAMES:
        return None
    value = " ".join(tokens)
    start = m.start("v")
    if COMPANY_FORM.match(text, start + len(value)):
        return None
    titled = _TITLE.search(text, max(0, start - 8), start) is not None
    if len(tokens) == 1 and not titled:
        return None  # a lone capitalised word after "Dear" is as often a role as a name
    confidence = 0.85 if len(tokens) > 1 else 0.7
    return Hit("person_name", start, start + len(value), value, confidence, Validator.CONTEXT)


_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
# Words after which an address begins inside a run of Chinese (本人家住佛山市…)
_LIVES_AT = "".join(f"|(?<={w})" for w in ("家住", "住在", "现住", "居住在", "居住于", "住址为"))
ZH_ADDRESS = re.compile(
    rf"(?:(?<![{CJK}])|(?=(?:{_PROVINCES})){_LIVES_AT})"
    rf"(?P<v>(?:(?:{_PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?)?"
    rf"(?:[{CJK}]{{2,4}}?(?:市|州|盟))?"
    rf"(?:[{CJK}]{{1,5}}?(?:区|县|旗))?"
    rf"(?:[{CJK}]{{1,6}}?(?:镇|乡|街道))?"
    rf"[{CJK}A-Za-z\d]{{1,10}}?(?:路|街|大道|道|巷|弄|胡同)"
    r"(?:[东西南北中一二三四五六七八九十]{1,2}段|[东西南北中])?\d{1,5}(?:-\d{1,4})?号院?"
    r"(?:[A-Za-z\d]{1,5}(?:栋|幢|座|号楼|单元|层|楼|室)){0,4})"
)
_ADDRESS_LABEL = re.compile(
    r"(?:收货地址|联系地址|家庭住址|详细地址|通讯地址|地址|住址|寄往|寄至|寄到|发往|送至|送到|位于|住在|家住|现住|"
    r"来自|搬到)[:：]?"
)
_ADMIN = re.compile(r"省|市|区|县|旗|州|盟|镇|乡|自治区")


def _zh_address(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.start("v"), m.end("v")
    label = _ADDRESS_LABEL.match(text, start, end)
    if label:
        start = label.end()
    road = text.rfind("号", start, end)
    if not _ADMIN.search(text, start, road):
        return None  # a street and number alone do not place anyone
    return Hit("address", start, end, text[start:end], 0.85, Validator.FORMAT)


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
    "Orchard|Overpass|Mews|Spur|Plains|Plain|Radial|Ramp|Ville|Via|Motorway|Inlet|Harbour|Ports"
)
EN_ADDRESS = re.compile(
    r"(?<![\w-])\d{1,6}[ ]+(?:(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))[ ]+){1,3}"  # (Jihua 5th Road)
    rf"(?:{_SUFFIXES})s?\.?(?![\w])"
    r"(?:,?[ ]+(?:Apt\.?|Suite|Unit|Ste\.?|#)[ ]*[A-Za-z0-9-]+)?"
    r"(?:(?:,[ ]*|\n|[ ]+)[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2},[ ]*[A-Z]{2}[ ]+\d{5}(?:-\d{4})?)?"
    r"(?![\w])"
)


def _en_address(m: re.Match[str], text: str) -> Hit | None:
    return hit("address", m, 0.8, Validator.FORMAT)


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
    return hit("address", m, 0.8, Validator.FORMAT, "v")


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


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_DATE = (
    r"(?P<y1>\d{4})[-/.年](?P<m1>\d{1,2})[-/.月](?P<d1>\d{1,2})日?"
    r"|(?P<a2>\d{1,2})[/.-](?P<b2>\d{1,2})[/.-](?P<y2>\d{4})"
    rf"|(?P<m3>{_MONTHS})\.? (?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th)? (?P<m4>{_MONTHS})\.?,? (?P<y4>\d{{4}})"
)
DOB = re.compile(
    r"(?:出生日期|出生年月日|出生年月|出生于|出生|生日|诞辰|DOB|D\.O\.B\.?|date of birth|"
    r"birth ?date|birthday|born(?: on)?)[ \t:：是为,，]{0,4}"
    rf"(?P<v>{_DATE})(?![\d])",
    re.IGNORECASE,
)
DOB_AFTER = re.compile(
    r"(?<![\d])(?P<v>(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日)[ \t]?(?:出生|生)"
)
_MONTH_NUMBER = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


def _date_ok(m: re.Match[str]) -> bool:
    g = m.groupdict()
    if g.get("y1"):
        return checks.valid_date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g.get("y2"):  # month/day order is ambiguous: either reading will do
        a, b, y = int(g["a2"]), int(g["b2"]), int(g["y2"])
        return checks.valid_date(y, a, b) or checks.valid_date(y, b, a)
    month = g.get("m3") or g.get("m4") or ""
    day = g.get("d3") or g.get("d4") or "0"
    year = g.get("y3") or g.get("y4") or "0"
    return checks.valid_date(int(year), _MONTH_NUMBER.get(month[:3].lower(), 0), int(day))


def _dob(m: re.Match[str], text: str) -> Hit | None:
    if not _date_ok(m):
        return None
    return hit("date_of_birth", m, 0.9, Validator.CONTEXT, "v")


_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)"
_LABELS = (
    "Name|Full name|Customer name|customer|Contact|Contact person|Attn|Attention|Recipient|"
    "Cardholder|Account holder|Signed|Sincerely|Regards|Best regards|Kind regards|Yours"
)
_ROAD = (
    r"(?:路|街|大道|道|巷|弄|胡同)(?:[东西南北中一二三四五六七八九十]{1,2}段|[东西南北中])?"
    r"\d{1,5}(?:-\d{1,4})?号"
)

RULES = (
    Rule("zh_name_suffix", (), SUFFIX, _zh_name_suffix, utf8=(SUFFIX.pattern,)),
    Rule("zh_name_label", (), LABEL, _zh_name_label, utf8=("|".join(LABEL_WORDS),)),
    Rule(
        "latin_name",
        (
            rf"\b(?:(?:Dear|Hi|Hello)(?: +{_TITLES}\.?)?|{_TITLES}\.?|(?i:{_LABELS})[ \t]*[:,]?)"
            r"[ \t]*\n?[ \t]*[A-Z][A-Za-z'?\-]",  # "?" stands for "’" in the shadow
        ),
        LATIN_NAME,
        _latin_name,
    ),
    # The start of the run of Chinese characters, letters and digits that ends in a road and
    # number; the pattern is searched from there (at most 62 code points before the end).
    Rule(
        "zh_address",
        (),
        ZH_ADDRESS,
        _zh_address,
        utf8=(rf"(?:^|[^{CJK_HS}])[{CJK_HS}A-Za-z0-9]+{_ROAD}",),
        search=62,
        after=40,
    ),
    Rule(
        "en_address",
        (
            r"(?:^|[^0-9A-Za-z_\-])\d{1,6} +"
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
    Rule(
        "dob",
        (r"DOB|D\.O\.B|date of birth|birth ?date|birthday|born",),
        DOB,
        _dob,
        utf8=("出生|生日|诞辰",),
        caseless=True,
    ),
    Rule("dob_after", (), DOB_AFTER, _dob, utf8=(r"\d{4}年\d{1,2}月\d{1,2}日[ \t]?(?:出生|生)",)),
)
