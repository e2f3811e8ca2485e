"""What a field holds, from its name: the vocabulary of column headers, JSON keys, log keys
and form labels (Chinese and English, with synonyms and abbreviations), and the value checks
that hold a field's value to what its name says.

A field's name is classified once (a CSV column, a key where it occurs); each value then
costs one anchored match. Meanings:
    person_name, date_of_birth, passport, bank_account, secret, coordinates — values are
    personal data when they have the shape the meaning expects;
    NOT_PERSONAL — part, model, serial, version, build, SKU, order and tracking numbers:
    values shaped like phones, IP addresses or cards are look-alikes there.
"""

from __future__ import annotations

import re
from typing import Final

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import COMPOUND_SURNAMES, NOT_NAMES, SINGLE_SURNAMES

NOT_PERSONAL: Final = "not_personal"  # a suppressing hit's type (engine.scan drops them)
NAME, DOB, PASSPORT, ACCOUNT = "person_name", "date_of_birth", "passport", "bank_account"
NAME_PART = "name_part"  # a first, last or family name: one word is a name there
SECRET, COORDINATES, LATITUDE = "secret", "coordinates", "latitude"


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# English keys, split into lower-case tokens (snake_case, camelCase, spaces, dots, dashes):
# the meaning of a key is that of its longest tail of tokens found here.
_EN_TAILS: Final[dict[tuple[str, ...], str]] = {}
for _words, _meaning in (
    (
        "name|fullname|full name|realname|real name|contact|contact person|cardholder|"
        "card holder|holder|account holder|"
        "recipient|receiver|consignee|addressee|attn|attention|applicant|signatory|"
        "customer|client|patient|passenger|employee|emp name|cust name",
        NAME,
    ),
    (
        "first name|last name|given name|family name|middle name|surname|fname|lname|"
        "firstname|lastname|givenname|familyname|forename",
        NAME_PART,
    ),
    (
        "dob|birthday|birthdate|birth date|date of birth|born|born on|birth|bday|"
        "date birth|birth dt",
        DOB,
    ),
    ("passport|passport no|passport number|passport num|passport id|passportno", PASSPORT),
    (
        "account no|account number|account num|acct|acct no|acct num|account|bank account|"
        "bank acct|accountno|bankaccount|bank account no|bank account number|bank no",
        ACCOUNT,
    ),
    (
        "password|passwd|pwd|pass|pwd plain|password plain|plain password|secret|"
        "client secret|token|access token|auth token|refresh token|api key|apikey|"
        "access key|secret key|private key|credential|credentials|passphrase|passcode|pin",
        SECRET,
    ),
    (
        "coordinates|coordinate|coords|coord|gps|latlng|lat lng|lat lon|latlon|lat long|"
        "geo|geolocation|location|position|lnglat|lng lat|lon lat",
        COORDINATES,
    ),
    ("lat|latitude|lng|lon|long|longitude", LATITUDE),
    (
        "pn|p n|part|part no|part number|partno|part num|model|model no|model number|"
        "serial|serial no|serial number|sn|s n|sku|version|ver|build|firmware|fw|"
        "firmware version|sw version|hw version|revision|rev|lot|lot no|batch|batch no|"
        "order no|order number|order id|po|po no|invoice no|tracking no|tracking number|"
        "waybill|item no|material|material no|mpn|ean|upc|asin|barcode|catalog no",
        NOT_PERSONAL,
    ),
):
    for _phrase in _words.split("|"):
        _EN_TAILS[tuple(_phrase.split())] = _meaning

# Tokens before a name-like tail that make the key something else's name or number.
_NOT_PERSON_PREFIX: Final = _split(
    "product item part file host device model brand shop store project company org "
    "organization organisation dept department category sheet table app application user "
    "login bank branch city street country province district server service domain "
    "column field key class type group team role job title event channel vendor supplier "
    "merchant warehouse plant site region sku tag queue topic db database schema process "
    "task module package menu page button display screen"
)
# Tokens before "account" that make it something other than a bank account.
_NOT_BANK_PREFIX: Final = _split(
    "user login email mail wechat weixin qq game member service system admin cloud aws "
    "github twitter social sales key ad"
)
# Chinese labels, matched as the label's tail ("客户姓名" ends with 姓名).
_ZH_TAILS: Final[dict[str, str]] = {}
for _words, _meaning in (
    (
        "姓名|名字|联系人|客户名称|客户姓名|收件人|收货人|寄件人|发件人|经办人|负责人|申请人|"
        "投诉人|签收人|持卡人|开户名|户名|开户人|姓名全称|真实姓名|法人|法定代表人|员工|"
        "紧急联系人|联络人|对接人|报修人|报案人|来访人|乘客|患者|学员|业主",
        NAME,
    ),
    ("出生日期|出生年月|出生年月日|生日|出生|出生时间|诞辰", DOB),
    ("护照|护照号|护照号码|护照编号", PASSPORT),
    ("账号|帐号|银行账号|银行帐号|银行账户|账户|帐户|收款账号|收款账户|对公账户", ACCOUNT),
    ("密码|口令|密钥|登录密码|明文密码|支付密码|令牌", SECRET),
    ("坐标|经纬度|位置坐标|定位|GPS坐标|地理坐标", COORDINATES),
    ("纬度|经度", LATITUDE),
    (
        "零件号|零件编号|型号|规格型号|版本|版本号|料号|物料号|物料编码|物料编号|序列号|"
        "产品编号|产品型号|批号|批次|批次号|订单号|订单编号|单号|运单号|快递单号|工单号|"
        "发票号|固件|固件版本|软件版本|硬件版本|编号|货号|条码|机身号",
        NOT_PERSONAL,
    ),
):
    for _phrase in _words.split("|"):
        _ZH_TAILS[_phrase] = _meaning
# Chinese labels whose tail would mislead: 登录账号 is a login, not a bank account.
_ZH_NOT: Final = ("登录", "用户", "会员", "微信", "游戏", "系统", "邮箱", "QQ", "管理员")
# ... and 身份证编号 is a resident ID, not a part number.
_ZH_NOT_NUMBER: Final = (
    "身份",
    "证件",
    "护照",
    "银行",
    "卡",
    "手机",
    "电话",
    "账",
    "帐",
    "社保",
    "驾驶",
)

ZH_LABELS: Final = tuple(sorted(_ZH_TAILS, key=len, reverse=True))
_ZH_LONGEST: Final = len(ZH_LABELS[0])
# The single English words a key's last token can be (for the anchoring expressions).
EN_WORDS: Final = tuple(sorted({tail[-1] for tail in _EN_TAILS}, key=len, reverse=True))

_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _en_meaning(tokens: list[str]) -> str | None:
    for size in (4, 3, 2, 1):
        if len(tokens) < size:
            continue
        meaning = _EN_TAILS.get(tuple(tokens[-size:]))
        if meaning is None:
            continue
        prefix = set(tokens[:-size])
        if meaning in (NAME, NAME_PART) and prefix & _NOT_PERSON_PREFIX:
            return None
        if meaning == ACCOUNT and prefix & _NOT_BANK_PREFIX:
            return None
        return meaning
    return None


def _zh_meaning(label: str) -> str | None:
    for size in range(min(len(label), _ZH_LONGEST), 1, -1):
        tail = label[-size:]
        meaning = _ZH_TAILS.get(tail)
        if meaning is not None:
            prefix = label[: -len(tail)]
            stops = _ZH_NOT_NUMBER if meaning == NOT_PERSONAL else _ZH_NOT
            if any(word in prefix for word in stops):
                return None
            return meaning
    return None


_KNOWN: dict[str, str | None] = {}  # names already classified (a file has few)


def meaning_of(name: str) -> str | None:
    """meaning_of_name, remembered: a key is classified once, however often it occurs."""
    try:
        return _KNOWN[name]
    except KeyError:
        pass
    if len(_KNOWN) > 50_000:
        _KNOWN.clear()
    meaning = _KNOWN[name] = meaning_of_name(name)
    return meaning


def meaning_of_name(name: str) -> str | None:
    """What a field of this name holds (None: nothing this module knows of).

    "客户姓名", "customer_name", "customerName", "Passport No.", "姓名 Name", "出生日期/DOB"
    all resolve; "product_name", "username", "登录账号" do not."""
    name = name.strip().strip("\"'：:").strip()
    if not name or len(name) > 64:
        return None
    for run in _CJK_RUN.findall(name):
        meaning = _zh_meaning(run)
        if meaning is not None:
            return meaning
    tokens = [t.lower() for t in _TOKEN.findall(name)]
    if not tokens:
        return None
    meaning = _en_meaning(tokens)
    if meaning is None and "/" in name:  # P/N, S/N, "Name / 姓名"
        meaning = _en_meaning(["".join(tokens)])
    return meaning


# --- values ---------------------------------------------------------------------------------
_SURNAMES = frozenset(SINGLE_SURNAMES)
_COMPOUNDS = frozenset(COMPOUND_SURNAMES)
# Characters seldom in a given name: a run of them after a surname is a word, not a name.
_NOT_GIVEN = frozenset(
    "的了是在有和与及或就都而把被让向从对于给到说会能要也还这那些个们么吗呢吧啊公司部门组室"
    "店厂局院所处科系班区市省县镇村路街号楼层单元栋座期批次型号款件台套箱包份元年月日时分秒"
    "先生女士小姐经理总监主管老师师傅工程师主任律师医生同学阿姨客户服务中心电话手机地址邮箱"
    "不没将已正来去上下位请您你我他她它总"
)
_ZH_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_LATIN_WORD = (  # Sarah, O'Brien, McDonald, Mary-Jane, DUAN
    r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’\-][A-Z]?[a-z]+)*|[A-Z]{2,}(?:['’\-][A-Z]+)*"
)
_LATIN_NAME = re.compile(rf"(?:{_LATIN_WORD})(?:(?:[ ]|,[ ]?)(?:{_LATIN_WORD})){{0,3}}")
_LATIN_STOP = NOT_NAMES | _split(
    "co ltd inc llc gmbh corp company group limited technology technologies team support "
    "service center centre dept department office store shop factory plant system admin "
    "noreply no-reply reply info sales hr na n/a"
)


def zh_name(value: str, pos: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The span of a Chinese name at value[pos:], a surname and one or two given
    characters, ending where the run of Chinese characters ends (or, in a longer run, after
    the given characters the name-character model accepts)."""
    m = _ZH_NAME.match(value, pos, len(value) if end is None else end)
    if m is None:
        return None
    run = m.group()
    surname = 2 if run[:2] in _COMPOUNDS else 1 if run[0] in _SURNAMES else 0
    if not surname or len(run) <= surname:
        return None
    stop = pos + len(run)
    whole = stop == len(value) or not "\u4e00" <= value[stop] <= "\u9fff"
    if whole and len(run) <= surname + 2:
        given = run[surname:]
    else:  # the run goes on: take what reads as given-name characters
        given = run[surname : surname + 2]
        while given and given[-1] in _NOT_GIVEN:
            given = given[:-1]
    if not given or any(c in _NOT_GIVEN for c in given):
        return None
    return pos, pos + surname + len(given)


def latin_name(value: str, pos: int = 0, single: bool = True) -> tuple[int, int] | None:
    """The span of a Latin-script name at value[pos:] ("Sarah Duan", "DUAN Sarah",
    "Duan, Sarah"); a lone word only when `single` (a first- or last-name field)."""
    m = _LATIN_NAME.match(value, pos)
    if m is None:
        return None
    tokens = re.split(r",? |,", m.group())
    while tokens and tokens[-1].lower() in _LATIN_STOP:
        tokens.pop()
    if not tokens or any(t.lower() in _LATIN_STOP for t in tokens):
        return None
    if len(tokens) == 1 and not single:
        return None
    end = m.end()
    if end < len(value) and (value[end].isalnum() or value[end] in "@_/"):
        return None  # part of something else: a handle, a path, a product code
    text = m.group()
    cut = 0
    for t in tokens:
        cut = text.index(t, cut) + len(t)
    return pos, pos + cut


def person_name(value: str, pos: int = 0, single: bool = True) -> tuple[int, int] | None:
    if pos < len(value) and "\u4e00" <= value[pos] <= "\u9fff":
        return zh_name(value, pos)
    return latin_name(value, pos, single)


_DATE = re.compile(
    r"(?P<y1>(?:19|20)\d\d)(?P<s1>[-/.]?)(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<y5>(?:19|20)\d\d)年(?P<m5>\d{1,2})月(?P<d5>\d{1,2})日?"
    r"|(?P<a2>\d{1,2})(?P<s2>[/.-])(?P<b2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d)"
    r"|(?P<m3>[A-Za-z]{3,9})\.? (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>(?:19|20)\d\d)"
    r"|(?P<d4>\d{1,2})(?:st|nd|rd|th)?[ -](?P<m4>[A-Za-z]{3,9})\.?,?[ -](?P<y4>(?:19|20)\d\d)"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


def birth_date(value: str, pos: int = 0) -> tuple[int, int] | None:
    """A valid date at value[pos:] in any common writing: 1994-02-25, 1994.02.25, 19940225,
    1985/1/25, 1974年10月23日, 27/07/1963, 07/27/1963, July 27, 1963, 27 Jul 1963."""
    m = _DATE.match(value, pos)
    if m is None:
        return None
    end = m.end()
    if end < len(value) and value[end].isdigit():
        return None
    g = m.groupdict()
    if g["y1"]:
        if not g["s1"] and len(m.group()) != 8:
            return None  # undelimited only as YYYYMMDD
        ok = checks.valid_date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    elif g["y5"]:
        ok = checks.valid_date(int(g["y5"]), int(g["m5"]), int(g["d5"]))
    elif g["y2"]:
        a, b, y = int(g["a2"]), int(g["b2"]), int(g["y2"])
        ok = checks.valid_date(y, a, b) or checks.valid_date(y, b, a)
    else:
        month = _MONTHS.get((g["m3"] or g["m4"])[:3].lower(), 0)
        ok = checks.valid_date(int(g["y3"] or g["y4"]), month, int(g["d3"] or g["d4"]))
    return (pos, end) if ok else None


_PASSPORT = re.compile(r"(?:[A-Z]{1,2}\d{6,9}|\d{9})(?![0-9A-Za-z])")
_ACCOUNT = re.compile(r"\d(?:[ -]?\d){7,29}(?![0-9A-Za-z])")
_SECRET = re.compile(r"[^\s\"',;，；。<>]{4,128}")
_PLACEHOLDER = re.compile(
    r"^(?:\*+|x+|\.+|#+|-+|<[^>]*>|\$\{.*\}|\{\{.*\}\}|%\(?\w*\)?s?|null|none|nil|redacted|"
    r"masked|hidden|required|optional|string|true|false|\[redacted\]|\*\*\*.*|changeme|"
    r"password|secret|token|n/?a|tbd|todo|undefined|empty|空|无|未设置)$",
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"(?P<lat>[-+]?\d{1,2}\.\d{3,8})\s*[,，/; ]\s*(?P<lon>[-+]?\d{1,3}\.\d{3,8})(?![\d.])"
)
_AXIS = re.compile(r"[-+]?\d{1,3}\.\d{4,8}(?![\d.])")
_NOT_PERSONAL_VALUE = re.compile(r"[^\s\"',;，；。|]{1,64}")


def _name(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = person_name(value, pos, single=meaning == NAME_PART)
    return None if span is None else ("person_name", *span, 0.88)


def _dob(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = birth_date(value, pos)
    return None if span is None else ("date_of_birth", *span, 0.92)


def _passport(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _PASSPORT.match(value, pos)
    return None if m is None else ("passport", m.start(), m.end(), 0.92)


def _account(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _ACCOUNT.match(value, pos)
    if m is None or len(set(m.group().replace(" ", "").replace("-", ""))) < 3:
        return None
    return "bank_account", m.start(), m.end(), 0.98  # over a card's 0.95: the field says so


def _secret(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _SECRET.match(value, pos)
    if m is None or _PLACEHOLDER.match(m.group()) or len(set(m.group())) < 3:
        return None
    return "secret", m.start(), m.end(), 0.88


def _coordinates(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _PAIR.match(value, pos)
    if m is None:
        return None
    lat, lon = float(m.group("lat")), float(m.group("lon"))
    if abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    return "coordinates", m.start(), m.end(), 0.92


def _axis(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _AXIS.match(value, pos)
    if m is None or abs(float(m.group())) > 180:
        return None
    return "coordinates", m.start(), m.end(), 0.9


def _not_personal(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _NOT_PERSONAL_VALUE.match(value, pos)
    return None if m is None else (NOT_PERSONAL, m.start(), m.end(), 2.0)


_CLASSIFIERS: Final = {
    NAME: _name,
    NAME_PART: _name,
    DOB: _dob,
    PASSPORT: _passport,
    ACCOUNT: _account,
    SECRET: _secret,
    COORDINATES: _coordinates,
    LATITUDE: _axis,
    NOT_PERSONAL: _not_personal,
}


def classify(meaning: str, value: str, pos: int = 0) -> tuple[str, int, int, float] | None:
    """(type, start, end, confidence) of the value at value[pos:] in a field of this
    meaning, or None when the value does not have the shape the meaning expects."""
    return _CLASSIFIERS[meaning](meaning, value, pos)


def field_hit(meaning: str, text: str, pos: int) -> Hit | None:
    """classify() as a Hit on `text` (a NOT_PERSONAL hit outranks every other: it claims the
    value so that a look-alike there is not reported)."""
    found = classify(meaning, text, pos)
    if found is None:
        return None
    kind, start, end, confidence = found
    validator = Validator.FORMAT if kind == NOT_PERSONAL else Validator.CONTEXT
    return Hit(kind, start, end, text[start:end], confidence, validator)
