"""Rules that read a value by the name of the field it is in, or by the words around it:
`key: value`, `"key": "value"`, `key=value`, form labels (`姓名 Name：闭宁`), display names in
mail addresses (`Guiying Sun <g.sun@…>`), names after a role (工程师卫阳) or a closing line,
passwords in connection strings (`mysql://user:PASSWORD@host`), and look-alikes claimed by
their field (P/N, 型号, version …: fields.NOT_PERSONAL). Each is anchored by Hyperscan on
the field's name (fields.py's vocabulary) and runs in Python, from the compiled loop too;
field_key and field_camel run in C where the extension is built (scanner/_keys.c), which
hands back to this Python what it does not model (tests/scanner/test_native_many.py).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields, vocabulary
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    NOT_NAMES_ZH,
    ROLE_WORDS,
    SINGLE_SURNAMES,
)
from piiguard.scanner.detectors.names import GIVEN_CHARS as GIVEN
from piiguard.scanner.detectors.native import NATIVE
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.vocabulary import zh_excluded, zh_label
from piiguard.scanner.detectors.words import FOLLOW_WORDS

CONTEXT = Validator.CONTEXT
# The characters a name can begin with: a surname's first.
_SURNAME_STARTS = frozenset(SINGLE_SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"
# Where an unquoted value ends: a tab, a line end, a list separator, two spaces, or the next
# `key=` / `key:` on the line.
_REGION_END = re.compile(r"[\t\r\n,;&|，；。<>\[\]{}]| {2}| (?=[^\s=:：]{1,30}[=:：])|\.(?=\s|$)")
_KEY_AFTER = re.compile(r"[A-Za-z0-9_\-]*")
_SEP = re.compile(
    r"(?:\(s\))?\.?[\"'”]?(?:\*\*|__|[】\]])?[ \t]*"
    r"(?:(?P<sep>[:=：]|=>|->|\.{3,}|…+|</t[dh]>[ \t]*<t[dh][^<>\n]{0,40}>)(?:\*\*|__)?[ \t]*"
    r"|(?P<space>[ \t]+))"
    r"(?P<q>[\"'“<]?)(?P<date>\{[ \t]*\"\$date\"[ \t]*:[ \t]*\"?)?"  # MongoDB's {"$date": …}
)
_QUOTE_END = {'"': '"', "'": "'", "“": "”", "<": ">"}  # Message-ID: <…>
_NAMES = (fields.NAME, fields.NAME_PART)
# Values that may hold a comma, and how far they may run: a date, a lat/lon pair.
_COMMA_INSIDE = {fields.DOB: 20, fields.COORDINATES: 40}
_EXCLUDABLE = tuple(vocabulary.ZH_EXCLUDING)  # (ACCOUNT, NOT_PERSONAL)


_KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./"


def key_start_python(text: str, start: int) -> int:
    """Where the key that ends in the word at `start` begins: back over letters, digits,
    `_-./` and up to three single spaces (`Date of Birth`, `customer.name`,
    `bank_account_no`). (str.rstrip: a regular expression searched backwards cost more
    than the rest of the rule.)"""
    lo = start - 40 if start > 40 else 0
    chunk = text[lo:start]
    i = len(chunk.rstrip(_KEY_CHARS))
    for _ in range(3):
        if i < 2 or chunk[i - 1] != " " or not chunk[i - 2].isalnum():
            break
        i = len(chunk[: i - 1].rstrip(_KEY_CHARS))
    while i < len(chunk) and not chunk[i].isalnum():
        i += 1
    return lo + i


_key_start = key_start_python if NATIVE is None else NATIVE.key_start  # same: test_native.py


def _value_hit(meaning: str, text: str, pos: int, quote: str) -> Hit | None:
    """The field's value at `pos` (after an opening `quote`, if any), held to its meaning."""
    if quote:
        end = text.find(_QUOTE_END[quote], pos, pos + 256)
        if end < 0:
            return None
    else:
        m = _REGION_END.search(text, pos, pos + 256)
        end = m.start() if m else min(len(text), pos + 256)
    if meaning in _COMMA_INSIDE and not quote:  # "July 27, 1963", "22.9779,112.7666"
        end = max(end, min(len(text), pos + _COMMA_INSIDE[meaning]))
    region = text[pos:end]
    if quote == '"' and "\\u" in region:
        return _escaped_hit(meaning, region, pos)
    found = fields.classify(meaning, region)
    if found is None:
        return None
    kind, start, stop, confidence = found
    if meaning in _NAMES and not _NAME_MAY_FOLLOW.match(region, stop):
        return None  # a name field's value is the name, whole (or a name and a number)
    validator = Validator.FORMAT if kind == fields.NOT_PERSONAL else CONTEXT
    return Hit(kind, pos + start, pos + stop, region[start:stop], confidence, validator)


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|[\s\S]")


def _escaped_hit(meaning: str, region: str, pos: int) -> Hit | None:
    """A JSON string written with \\uXXXX escapes (json.dumps' default: "\\u5f20\\u4f1f"),
    held to its meaning as read; the hit covers the escaped characters."""
    chars, at = [], []
    for m in _ESCAPE.finditer(region):
        chars.append(chr(int(m.group(1), 16)) if m.group(1) else m.group())
        at.append(m.start())
    at.append(len(region))
    value = "".join(chars)
    found = fields.classify(meaning, value)
    if found is None:
        return None
    kind, start, stop, confidence = found
    if meaning in _NAMES and not _NAME_MAY_FOLLOW.match(value, stop):
        return None
    a, b = at[start], at[stop]
    validator = Validator.FORMAT if kind == fields.NOT_PERSONAL else CONTEXT
    return Hit(kind, pos + a, pos + b, region[a:b], confidence, validator)


# A value written after a space that is a password by its shape: letters, digits and a sign.
_PASSWORD_LIKE = re.compile(r"(?=\S*[A-Za-z])(?=\S*\d)(?=\S*[^\sA-Za-z0-9])[!-~]{8,64}(?!\S)")


def _array_hits(meaning: str, text: str, pos: int) -> list[Hit]:
    """Each element of a JSON array value: `"birthDate": ["1995-03-12", "1995-03-21"]`."""
    close = text.find("]", pos, pos + 512)
    if close < 0:
        return []
    if meaning == fields.COORDINATES:  # "geo": [23.1308, 113.1306], one line or several
        return fields.axis_hits(text, pos + 1, close)
    out = []
    for element in _ELEMENT.finditer(text, pos + 1, close):
        h = _value_hit(meaning, text, element.start("v"), element.group("q"))
        if h is not None and h.end <= element.end("v"):
            out.append(h)
    return out


_ELEMENT = re.compile(r"[ \t]*(?P<q>\"?)(?P<v>[^\",\]\[{}]+)\"?[ \t]*,?")


# What may follow a name in its field: nothing, a bracket (闭宁（Xiulan Yin）), or a phone
# number (对接人：马丽娟 135 2459 5711).
_NAME_MAY_FOLLOW = re.compile(r"[ \t]*(?:$|[（(]|[ \t]\+?\d)")


# A carrier's document (a waybill, an air waybill, an express label): its bare `Account`
# is the shipper's account with the carrier, not a bank account.
_CARRIER = re.compile(
    r"\b(?:waybill|air ?waybill|AWB|DHL|FedEx|UPS|TNT|EMS|courier|express)\b|运单|快递|顺丰|物流",
    re.IGNORECASE,
)
# ... unless the key's own line says the account pays or is paid (付款账户 Beneficiary account:
# under a line with the air waybill number is the supplier's bank account).
_PAYS = re.compile(r"beneficiary|payee|bank|remit|refund|iban|收款|付款|开户|银行|汇款|退款", re.I)


def _after_key(meaning: str, text: str, end: int) -> Hit | None:  # noqa: PLR0911
    m = _SEP.match(text, end)
    if m is None:
        return None
    if (
        meaning == fields.ACCOUNT_OR_CARD
        and _CARRIER.search(text, max(0, end - 160), end)
        and not _PAYS.search(text, text.rfind("\n", 0, end) + 1, end)
    ):
        meaning = fields.NOT_PERSONAL
    pos = m.end()
    if pos >= len(text):
        return None
    if m.group("date"):
        return _value_hit(meaning, text, pos, '"' if m.group("date").endswith('"') else "")
    # No ":" or "=": only a number ("P/N 13812345678", "Account No. 6222…",
    # "DOB 1994-02-25") or a name of two words ("Approved by Sarah Duan"); passports so
    # written are the passport rule's.
    if m.group("space") is not None and not m.group("q") and not text[pos].isdigit():
        if meaning == fields.SECRET and _PASSWORD_LIKE.match(text, pos):
            return _value_hit(meaning, text, pos, "")
        if meaning == fields.PLATE:  # 车牌 粤EBHGGW, plate 粤E·YVKAX: a plate has its shape
            return _value_hit(meaning, text, pos, "")
        if meaning not in _NAMES:
            return None
        if _CJK_LO <= text[pos] <= _CJK_HI:
            span = _zh_name_at(text, pos)
        else:  # in a sentence: the name need not end it ("… Sarah Duan on 18 June.")
            span = fields.latin_name(text, pos, single=False)
        return None if span is None else _name(text, *span, 0.85)
    return _value_hit(meaning, text, pos, m.group("q"))


if NATIVE is not None:  # field_key and field_camel in C (_keys.c), classify from there
    NATIVE.configure_keys(
        known=vocabulary._KNOWN,
        not_personal=fields.NOT_PERSONAL,
        format=Validator.FORMAT,
        context=CONTEXT,
        classify=fields.classify,
        names=frozenset(_NAMES),
        handed_back=frozenset({fields.ACCOUNT_OR_CARD}),  # a carrier's document decides
        after_space=frozenset({*_NAMES, fields.SECRET, fields.PLATE}),
        comma_inside=_COMMA_INSIDE,
        name_may_follow=_NAME_MAY_FOLLOW.match,
        dob=fields.DOB,
    )


def _key_meaning(m: re.Match[str], text: str) -> tuple[str | None, int]:
    start = _key_start(text, m.start())
    end = _KEY_AFTER.match(text, m.end()).end()  # type: ignore[union-attr] # always matches
    return fields.meaning_of(text[start:end]), end


def _field_en(m: re.Match[str], text: str) -> Hit | None:
    meaning, end = _key_meaning(m, text)
    return None if meaning is None else _after_key(meaning, text, end)


def _fields_en(m: re.Match[str], text: str) -> list[Hit]:
    """_field_en, and each element where the value is a JSON array."""
    meaning, end = _key_meaning(m, text)
    if meaning is None:
        return []
    sep = _SEP.match(text, end)
    if sep is not None and sep.group("sep") and text[sep.end() : sep.end() + 1] == "[":
        return _array_hits(meaning, text, sep.end())
    h = _after_key(meaning, text, end)
    return [] if h is None else [h]


_GLOSS = re.compile(  # or a qualifier in brackets: 出生日期(公历)：…, 出生日期（公历）⇥…
    r"[ \t]*(?:[A-Za-z][A-Za-z .'/]{0,30}?(?=[ \t]*[:：=])"
    r"|[（(][^）)\r\n]{1,8}[）)](?=[ \t]*[:：=\t]))"
)


def _field_zh(m: re.Match[str], text: str) -> Hit | None:
    label = zh_label(m.group())
    meaning = None if label is None else fields.meaning_of(label)
    if meaning is None:
        return None
    if meaning in _EXCLUDABLE:  # 登录账号, 身份证编号: the words before the label decide
        lo = m.start()
        while lo > m.start() - 4 and lo > 0 and _CJK_LO <= text[lo - 1] <= _CJK_HI:
            lo -= 1
        if zh_excluded(text[lo : m.start()], meaning):
            return None
    end = m.start() + len(label)  # type: ignore[arg-type] # not None with a meaning
    gloss = _GLOSS.match(text, end)  # 姓名 Name：…, 出生日期 Date of Birth：…
    if gloss is not None:
        end = gloss.end()
    if end < len(text) and _CJK_LO <= text[end] <= _CJK_HI:
        # No separator (姓名张伟): a name held to the character model, ending the line,
        # its cell, or where a word that follows names begins.
        if meaning not in _NAMES:
            return None
        span = _zh_name_at(text, end)
        return None if span is None else _name(text, *span, 0.85)
    h = _after_key(meaning, text, end)
    if h is None and meaning in _NAMES:  # 回访：孙桂英已致电 — the name, then the sentence
        sep = _SEP.match(text, end)
        if sep is not None and sep.group("sep") and not sep.group("q"):
            pos = sep.end()
            role = ROLE.match(text, pos)  # 跟进人：顾问钱美玲 — a role, then the name
            span = _zh_name_at(text, role.end() if role else pos)
            return None if span is None else _name(text, *span, 0.85)
    return h


def _name(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, CONTEXT)


def _words_of(alternatives: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(alternatives, key=len, reverse=True))


# Anchors: the last word of an English key (not one letter: P/N, S/N, A/C are spelled out)
# followed by a separator, and every Chinese label.
_EN_ANCHORS = (*(w for w in fields.EN_WORDS if len(w) > 1 and w != "on"), "p/n", "s/n", "a/c")
# (in three parts: one expression of them all, with leftmost start of match, is too large
# to compile; a dotted leader "Date of birth ..... 23 Oct 1974" and "**Name**:" count too)
_EN_HS = tuple(
    rf"(?:^|[^A-Za-z])(?:{_words_of(half)})(?:\(s\))?\.?[\"']?(?:\*\*)?[ \t]*"
    r"(?:[:=?]|[ \t][0-9]|\.\.\.|</[Tt][DdHh]>)"
    for half in (_EN_ANCHORS[::3], _EN_ANCHORS[1::3], _EN_ANCHORS[2::3])
)
_CAMEL = tuple(w.capitalize() for w in _EN_ANCHORS if "/" not in w)
_CAMEL_HS = tuple(
    r"[a-z0-9](?:" + "|".join(part) + r")[\"']?[ \t]*[:=]" for part in (_CAMEL[::2], _CAMEL[1::2])
)
# Hyperscan finds the anchors; Python reads the word or the run of Chinese characters there
# (the vocabulary is looked up in a dict, not matched again as a long alternation).
FIELD_EN = re.compile(r"[A-Za-z][A-Za-z/]*")
FIELD_ZH = re.compile(r"[\u4e00-\u9fff]{2,12}")
_ZH_HS = _words_of(fields.ZH_LABELS)


# --- names by their surroundings ----------------------------------------------------------
# Family words take a person too (我老公…昨天打过电话, 家属…): as role words.
_KIN = ("老公", "老婆", "爱人", "丈夫", "妻子", "女儿", "儿子", "家属", "父亲", "母亲")
_ROLES = ROLE_WORDS + _KIN
ROLE = re.compile(_words_of(_ROLES) + r"[:：]?[ \t]?")
# Words after a name: words.FOLLOW_WORDS and the first characters of the verbs that follow a
# name in a ticket (跟进, 负责, 处理, 联系, 回复, 确认, 反映, 接待, 上门, 通知 …).
_FOLLOW_CHARS = (
    "将已正会来去到上下与和及向为把被让在给对从跟负处联回确反接通告核协陪带说称检查"
    # (改约, 要求, 希望, 三次上门: a verb or a count after the name; 明天上门: a day)
    "改要希预约请等一两二三四五六七八九几多"
)
_DAYS = "明天 明日 今天 今日 昨天 后天 当天 周一 周二 周三 周四 周五 周六 周日".split()  # noqa: SIM905
_FOLLOW = re.compile(f"{_words_of(FOLLOW_WORDS)}|[{_FOLLOW_CHARS}]|{'|'.join(_DAYS)}")


def _zh_name_at(text: str, pos: int) -> tuple[int, int] | None:
    """A Chinese name at `pos` that ends where the text, the run of Chinese characters or a
    word that follows names (电话, 先生, 将 …) begins."""
    span = fields.zh_name(text, pos, min(len(text), pos + 5), strict=True)
    start, end = span if span is not None else (pos, min(len(text), pos + 4))
    for stop in range(end, start + 1, -1):
        if (
            stop == len(text) or not _CJK_LO <= text[stop] <= _CJK_HI or _FOLLOW.match(text, stop)
        ) and fields.zh_name(text[start:stop], strict=True) == (0, stop - start):
            return start, stop
    return None


if NATIVE is not None:  # field_label in C (_labels.c): _field_zh, values as _after_key's
    NATIVE.configure_labels(
        by_start=vocabulary._ZH_BY_START,
        known=vocabulary._KNOWN,
        excluding=vocabulary.ZH_EXCLUDING,
        names=frozenset(_NAMES),
        person=fields.NAME,
        context=CONTEXT,
        follow_words=[(w, False, False) for w in (*FOLLOW_WORDS, *_DAYS)],
        follow_chars=_FOLLOW_CHARS,
    )

_AND = frozenset("与和及、")  # 工程师罗敏雪与戴燕: a second name joined to the first


def _zh_name_role(m: re.Match[str], text: str) -> list[Hit]:
    if "A" <= text[m.end() : m.end() + 1] <= "Z":  # 质量主管Elena Rossi
        span = fields.latin_name(text, m.end(), single=False)
        return [] if span is None else [_name(text, *span, 0.8)]
    out: list[Hit] = []
    pos = m.end()
    while len(out) < 4 and text[pos : pos + 1] in _SURNAME_STARTS:
        span = _zh_name_at(text, pos)  # (most role words are followed by anything else)
        if span is None:
            break
        out.append(_name(text, *span, 0.8))
        if text[span[1] : span[1] + 1] not in _AND:
            break
        pos = span[1] + 1
        if text[pos : pos + 2] in NOT_NAMES_ZH:
            break  # 张伟和平安保险: a word, not a second name
        for size in (3, 2):  # 罗敏雪与戴燕驾驶: a name, then a verb (驾 is no given name)
            stop = pos + size
            if fields.zh_name(text, pos, min(len(text), stop), strict=True) == (pos, stop) and (
                text[stop : stop + 1] not in GIVEN
            ):
                out.append(_name(text, pos, stop, 0.8))
                return out
    return out


URL_PASSWORD = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@\"'<>]*:(?P<v>[^\s/\"'<>]{1,128})@[A-Za-z0-9\[]"
)


def _url_password(m: re.Match[str], text: str) -> Hit | None:
    """The password of `scheme://user:PASSWORD@host`, up to the last `@` before the host (an
    unencoded `@` in the password: `mysql://app:pa@ss@db:3306`)."""
    value = m.group("v")
    found = fields.classify(fields.SECRET, value)
    if found is None or found[2] != len(value):
        return None
    # Above the e-mail address that "PASSWORD@host" looks like.
    return Hit("secret", m.start("v"), m.end("v"), value, 0.97, CONTEXT)


# Keys with a version word anywhere (fw_from=, app_ver_min=): the version word anchors.
_VERSION = "fw|firmware|version|ver|build|rev|revision|sw|hw|bios|kernel|patch"
_VERSION_HS = rf"(?:^|[^A-Za-z])(?:{_VERSION})[_\-.][A-Za-z0-9_\-.]*[\"']?[ \t]*[:=]"
# "Approved by Sarah Duan", "Handled by engineer 卫阳": a name after a by-phrase.
_BY = (
    "approved|checked|prepared|reviewed|handled|assigned|issued|verified|inspected|"
    "requested|submitted|created|updated|modified|signed|received|collected|accepted"
)
_BY_HS = (
    "(?:^|[^A-Za-z])(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _BY.split("|"))
    + r") [Bb]y(?: [Ee]ngineer| [Tt]echnician)?[ \t]*:?[ \t]*[A-Z?]"
)
BY_PHRASE = re.compile(rf"(?:{_BY}) by(?: engineer| technician)?", re.IGNORECASE)

# Form labels spaced out to line up (姓　　名：, 性  别：): the label without its spaces.
SPACED_LABEL = re.compile(r"[\u4e00-\u9fff](?:[ 　]{1,4}[\u4e00-\u9fff]){1,3}(?=[ 　]*[：:])")


def _spaced_label(m: re.Match[str], text: str) -> Hit | None:
    meaning = fields.meaning_of(re.sub(r"[ 　]", "", m.group()))
    return None if meaning is None else _after_key(meaning, text, m.end())


RULES = (
    Rule(
        "spaced_label",
        (),
        SPACED_LABEL,
        _spaced_label,
        utf8=(r"[\x{4e00}-\x{9fff}][ 　]{1,4}[\x{4e00}-\x{9fff}]",),
    ),
    Rule(
        "field_key",
        _EN_HS,
        FIELD_EN,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_fields_en,
    ),
    Rule(
        "field_version",
        (_VERSION_HS,),
        re.compile(_VERSION, re.IGNORECASE),
        _field_en,
        lead=True,
        caseless=True,
    ),
    Rule("field_by", (_BY_HS,), BY_PHRASE, _field_en, lead=True),
    Rule("field_camel", _CAMEL_HS, FIELD_EN, lambda m, text: None, lead=True, many=_fields_en),
    Rule("field_label", (), FIELD_ZH, _field_zh, utf8=(_ZH_HS,)),
    Rule(
        "zh_name_role",
        (),
        ROLE,
        lambda m, text: None,
        utf8=(_words_of(_ROLES),),
        many=_zh_name_role,
    ),
    Rule(
        "url_password",
        (r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@\"'<>]*:[^\s@/\"'<>]+@",),
        URL_PASSWORD,
        _url_password,
    ),
)
