"""Rules for numbers with a checksum or a numbering plan: resident ID, cards, IBAN, phones."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks, phones
from piiguard.scanner.detectors.contact.phoned import RULES as PHONE_FIELD_RULES
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import END_ALNUM, NOT_ALNUM, Rule, hit, near, words

ID_CONTEXT = words("身份证", "证件", r"\bID\b", "identity", "公民身份")
PHONE_WORDS = (
    "电话",
    "手机",
    "联系方式",
    "致电",
    "来电",
    "传真",
    r"\btel\b",
    "phone",
    "mobile",
    r"\bcell\b",
    r"\bfax\b",
    r"\bcall\b",
)
PHONE_CONTEXT = words(*PHONE_WORDS)
BANK_WORDS = ("借记卡", "储蓄卡", "银行卡", "银行账号", "开户", "debit", "bank card")
BANK_CONTEXT = words(*BANK_WORDS)
CREDIT_WORDS = ("信用卡", "credit")
CREDIT_CONTEXT = words(*CREDIT_WORDS)
# A card number's label that names no kind (银行卡号, 工资卡号, Card No., cardNumber): the
# card a payroll, a refund or a bank form asks for is a bank (debit) card, unless credit is said.
CARD_WORDS = (
    *("卡号", "工资卡", "card no", "card number", "cardnumber", "cardno", "card_no"),
    "card_number",
)
CARD_CONTEXT = words(*CARD_WORDS)
CHECKSUM, FORMAT = Validator.CHECKSUM, Validator.FORMAT

RESIDENT_ID_18 = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])"
)
RESIDENT_ID_15 = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)


def _resident_id_18(m: re.Match[str], text: str) -> Hit | None:
    value = m.group()
    if not checks.resident_id_18(value):
        return None
    return Hit("resident_id", m.start(), m.end(), value, 0.99, CHECKSUM)


def _resident_id_15(m: re.Match[str], text: str) -> Hit | None:
    # Without a check digit, 15 digits are as likely an order number: demand context.
    if checks.resident_id_15(m.group()) and near(text, m.start(), m.end(), ID_CONTEXT, 20):
        return hit("resident_id", m, 0.8, Validator.CONTEXT)
    return None


CARD = re.compile(
    r"(?<![0-9A-Za-z.-])(?:\d{13,19}"
    r"|\d{4}(?P<s>[ -])\d{4}(?P=s)\d{4}(?P=s)\d{4}(?:(?P=s)\d{1,3})?"
    # American Express, 15 digits: 4-6-5 as printed on the card, 4-4-4-3 as typed in 4s
    r"|3[47]\d{2}(?P<a>[ -])(?:\d{6}(?P=a)\d{5}|\d{4}(?P=a)\d{4}(?P=a)\d{3}))"
    r"(?![0-9A-Za-z]|[.-]\d)"
)


def _card(m: re.Match[str], text: str) -> Hit | None:
    value = m.group()
    digits = value.replace(" ", "").replace("-", "")
    if not checks.luhn(digits):
        return None
    issuer = checks.card_issuer(digits)
    if issuer is None:
        return None
    start = m.start()
    lo = start - 24 if start > 24 else 0
    bank = BANK_CONTEXT.search(text, lo, start) is not None
    credit = CREDIT_CONTEXT.search(text, lo, start) is not None
    if len(digits) == 18 and not (bank or credit) and RESIDENT_ID_18.fullmatch(digits):
        return None  # shaped like a resident ID whose check character is wrong
    # UnionPay debit cards run to 17-19 digits; credit cards to 16. Words decide first.
    labelled = not credit and CARD_CONTEXT.search(text, lo, start) is not None
    is_bank = bank or labelled or (not credit and issuer == "unionpay" and len(digits) >= 17)
    kind = "bank_card" if is_bank else "credit_card"
    return Hit(kind, start, m.end(), value, 0.95, CHECKSUM)


IBAN = re.compile(
    r"(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![0-9A-Za-z])"
)


def _iban(m: re.Match[str], text: str) -> Hit | None:
    raw = m.group()
    # Greedy grouping may swallow a following word; retry shorter at group boundaries.
    for cut in [len(raw), *(i for i in range(len(raw) - 1, 14, -1) if raw[i] == " ")]:
        if checks.iban(raw[:cut].replace(" ", "")):
            return Hit("iban", m.start(), m.start() + cut, raw[:cut], 0.97, Validator.CHECKSUM)
    return None


MOBILE = re.compile(
    r"(?<![0-9A-Za-z+])(?:(?:\+86|0086|\(\+?86\))[ -]?)?"
    # 3-4-4 with one separator throughout, or 3-8 with a space (139 12345678, as many write
    # a mobile; 139-12345678 is an air waybill's prefix and serial)
    r"(1[3-9]\d)([ -]?)(\d{4})(?:\2|(?<= \d{4}))(\d{4})(?![0-9A-Za-z])"
)


def _phone_confidence(m: re.Match[str], text: str, base: float) -> float:
    start = m.start()
    return 0.97 if PHONE_CONTEXT.search(text, start - 16 if start > 16 else 0, start) else base


_MOBILE_RANGES: dict[str, bool] = {}  # first five digits -> allocated (checks.cn_mobile)
# The same as a table for the compiled fast path (native.py): 0 not known yet, 1 allocated, 2 not.
MOBILE_TABLE = bytearray(100_000)


def _mobile(m: re.Match[str], text: str) -> Hit | None:
    prefix = m.group(1) + m.group(3)[:2]
    allocated = _MOBILE_RANGES.get(prefix)
    if allocated is None:
        allocated = _MOBILE_RANGES[prefix] = checks.cn_mobile(prefix + "000000")
        MOBILE_TABLE[int(prefix)] = 1 if allocated else 2
    if not allocated:
        return None
    start = m.start()
    context = PHONE_CONTEXT.search(text, start - 16 if start > 16 else 0, start)
    return Hit("phone", start, m.end(), m.group(), 0.97 if context else 0.9, FORMAT)


LANDLINE = re.compile(
    # the country code as +86 or 0086, or bare with a dash (86-755-…, as forms print it)
    r"(?<![0-9A-Za-z+])(?:(?:(?:\+86|0086)[ -]?|86-)(?:\(0\))?(\d{2,3})|\((0\d{2,3})\)|(0\d{2,3}))"
    r"[ -]?(\d{3,4})[ -]?(\d{4})(?![0-9A-Za-z])"
)


def _landline(m: re.Match[str], text: str) -> Hit | None:
    area = (m.group(1) or m.group(2) or m.group(3)).lstrip("0")
    subscriber = m.group(4) + m.group(5)
    if not phones.cn_trunk("0" + area + subscriber):
        return None
    return hit("phone", m, _phone_confidence(m, text, 0.85), Validator.FORMAT)


INTERNATIONAL = re.compile(
    r"(?<![0-9A-Za-z+])(?:\+(?!86)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,5}\)?){1,5}"
    # "00" for "+" (0044 20 7946 0958, 00852 9176 3812): the country code a group of its own
    # (spaces only: 0049-1234-5678 is a part's code as often)
    r"|00(?P<cc>(?!86)[1-9]\d{0,2})(?:[ ]\d{1,8}){2,4})(?![0-9A-Za-z])"
)
_GROUP_SPLIT = re.compile(r"[ .-]")


# "+852 8655 1423", "+44 20 7946 0958": a country code and the national number in groups of
# three to five digits, as people write phone numbers and nothing else.
_GROUPED = re.compile(r"\+\d{1,3}(?:[ \-]\d{2,5}){2,4}")


def _international(m: re.Match[str], text: str) -> Hit | None:
    raw = m.group()
    if m.group("cc") is not None:
        if phones.library().COUNTRY_CODE_TO_REGION_CODE.get(int(m.group("cc"))) is None:
            return None
        return _international_00(m, text)
    # Trailing digit groups may belong to the next number: drop up to two of them.
    for _ in range(3):
        if phones.international(raw) or (
            _GROUPED.fullmatch(raw) is not None and phones.possible_international(raw)
        ):
            return Hit(
                "phone",
                m.start(),
                m.start() + len(raw),
                raw,
                _phone_confidence(m, text, 0.9),
                Validator.FORMAT,
            )
        cut = max((s.start() for s in _GROUP_SPLIT.finditer(raw)), default=0)
        if cut <= 3:
            return None
        raw = raw[:cut]
    return None


def _international_00(m: re.Match[str], text: str) -> Hit | None:
    """An international number written with "00" for "+": valid as the "+" number (not only
    possible: "00" begins many codes), its groups whole (a trailing group may be the next
    number's, as above)."""
    raw = m.group()
    start = m.start()
    if PHONE_CONTEXT.search(text, start - 24 if start > 24 else 0, start) is None:
        return None  # (a code may begin with "00" and a country's: the word must say phone)
    while raw.count(" ") >= 2:
        plus = "+" + raw[2:]
        if phones.international(plus):
            return Hit(
                "phone",
                m.start(),
                m.start() + len(raw),
                raw,
                _phone_confidence(m, text, 0.9),
                Validator.FORMAT,
            )
        raw = raw[: raw.rfind(" ")]
    return None


NANP = re.compile(
    r"(?<![0-9A-Za-z+.-])(?:1[ .-])?(?:\(\d{3}\)[ ]?|\d{3}[.-])\d{3}[.-]\d{4}(?![0-9A-Za-z]|[.-]\d)"
)


def _nanp(m: re.Match[str], text: str) -> Hit | None:
    if not phones.national(m.group(), "US", 1):
        return None
    return hit("phone", m, _phone_confidence(m, text, 0.8), Validator.FORMAT)


PASSPORT = re.compile(
    r"(?:护照|passport)(?:\s*(?:号码|号|no\.?|number|num|#))?"
    # the issuing country in brackets (Passport No. (GB), 护照号（DE）)
    r"(?:[ \t]*[(（][A-Za-z]{2,3}[)）])?"
    # another document named beside it (Passport/Tax ID, 护照/通行证号), an HTML cell's end
    r"(?:[ \t]*/[ \t]*[A-Za-z\u4e00-\u9fff. ]{1,12}?(?:id|no\.?|number|号码|号))?"
    # (what it is for, in a few words, before the colon: passport for the visa: …)
    r"(?:(?:(?-i:[ \t]+[a-z]+){1,5}[ \t]*[:：])?\s*[:：]?\s*"
    # the holder first, then the number (护照：Anna Weber, C01X00T47; passport: 张伟，E1234…)
    r"(?:(?-i:[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]+(?:[ ][A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]+){1,3}|[\u4e00-\u9fff]{2,4})"
    r"[ \t]*[,，][ \t]*)?"
    r"|[ \t]*</t[dh]>[ \t]*<t[dh][^<>\n]{0,40}>[ \t]*"
    # a JSON object of its own, its number under a generic key ("passport": {"no": "…")
    r"|[\"']\s*:\s*\{\s*[\"'](?:no|number|num|id|value)[\"']\s*:\s*[\"'])"
    r"(?P<v>(?:[EGDSP][A-HJ-NP-Z]?\d{7,8}|[A-Z]{1,2}\d{6,8}|\d{9}"
    # other countries' numbers right after the word: capitals with at least two digits, or
    # the German serial alphabet (digits and consonants, C F G H J K first: CLKNFCM6G)
    r"|(?-i:(?=\d*[A-Z])(?=(?:[A-Z]*\d){2})[A-Z0-9]{6,9}|[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8})))"
    r"(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def _passport(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if not value[0].isdigit() and not value[0].isupper():
        return None
    return hit("passport", m, 0.9, Validator.CONTEXT, "v")


# GB/T 2260 province codes (checks.CN_PROVINCE_CODES) as a Hyperscan alternation.
_PROVINCE = r"(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|91)"
_MMDD = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_GROUPS = r"[ \-]\d{4}[ \-]\d{4}[ \-]\d{4}"
# The prefixes and lengths of checks.card_issuer, one alternative per scheme: Visa,
# Mastercard, Amex, UnionPay, JCB, Discover, Diners. (Grouped numbers begin with 2-6.)
_ISSUED = (
    r"4\d{12}(?:\d{3}|\d{6})?"
    r"|(?:5[1-5]\d\d|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)\d{12}"
    r"|3[47]\d{13}"
    r"|62\d{14,17}"
    r"|35(?:2[89]|[3-8]\d)\d{12,15}"
    r"|(?:6011|65\d\d|64[4-9]\d)\d{12,15}"
    r"|(?:3[068]\d\d)\d{10}(?:\d\d)?"
)

RULES = (
    Rule(
        "resident_id_18",
        (rf"{NOT_ALNUM}{_PROVINCE}\d{{4}}(?:18|19|20)\d\d{_MMDD}\d{{3}}[0-9Xx]{END_ALNUM}",),
        RESIDENT_ID_18,
        _resident_id_18,
        lead=True,
    ),
    Rule(
        "resident_id_15",
        (rf"{NOT_ALNUM}{_PROVINCE}\d{{6}}{_MMDD}\d{{3}}{END_ALNUM}",),
        RESIDENT_ID_15,
        _resident_id_15,
        lead=True,
    ),
    Rule(
        "card",
        (
            rf"(?:^|[^0-9A-Za-z.\-])(?:{_ISSUED}){END_ALNUM}",
            rf"(?:^|[^0-9A-Za-z.\-])[2-6]\d{{3}}{_GROUPS}(?:[ \-]\d{{1,3}})?{END_ALNUM}",
            rf"(?:^|[^0-9A-Za-z.\-])3[47]\d\d[ \-]\d{{6}}[ \-]\d{{5}}{END_ALNUM}",
            rf"(?:^|[^0-9A-Za-z.\-])3[47]\d\d(?:[ \-]\d{{4}}){{2}}[ \-]\d{{3}}{END_ALNUM}",
        ),
        CARD,
        _card,
        lead=True,
    ),
    Rule(
        "iban",
        (rf"{NOT_ALNUM}[A-Z]{{2}}\d\d ?[A-Z0-9]{{4}} ?[A-Z0-9]{{4}}",),
        IBAN,
        _iban,
        lead=True,
    ),
    Rule(
        "mobile",
        (
            r"(?:^|[^0-9A-Za-z+])(?:(?:\+86|0086|\(\+?86\))[ \-]?)?"
            rf"1[3-9]\d[ \-]?\d{{4}}[ \-]?\d{{4}}{END_ALNUM}",
        ),
        MOBILE,
        _mobile,
        lead=True,
    ),
    Rule(
        "landline",
        (
            r"(?:^|[^0-9A-Za-z+])(?:(?:(?:\+86|0086)[ \-]?|86\-)(?:\(0\))?\d{2,3}|\(0\d{2,3}\)"
            r"|0\d{2,3})"
            rf"[ \-]?\d{{3,4}}[ \-]?\d{{4}}{END_ALNUM}",
        ),
        LANDLINE,
        _landline,
        lead=True,
    ),
    Rule(
        "international",
        (
            r"(?:^|[^0-9A-Za-z+])\+(?:[1-79]|8[^6])",  # +86 is the mobile and landline rules'
            r"(?:^|[^0-9A-Za-z+])00(?:[1-79]|8[^6])\d{0,2} \d",
        ),
        INTERNATIONAL,
        _international,
        lead=True,
    ),
    Rule(
        "nanp",
        (
            r"(?:^|[^0-9A-Za-z+.\-])(?:1[ .\-])?(?:\(\d{3}\) ?|\d{3}[.\-])\d{3}[.\-]\d{4}"
            + END_ALNUM,
        ),
        NANP,
        _nanp,
        lead=True,
    ),
    Rule("passport", ("passport",), PASSPORT, _passport, utf8=("护照",), caseless=True),
    *PHONE_FIELD_RULES,  # a phone in any writing where a field or a word says phone
)
