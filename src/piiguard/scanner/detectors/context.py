"""Rules that read a value by the name of the field it is in, or by the words around it:
`key: value`, `"key": "value"`, `key=value`, form labels (`姓名 Name：闭宁`), display names in
mail addresses (`Guiying Sun <g.sun@…>`), names after a closing line, passwords in connection
strings (`mysql://user:PASSWORD@host`), and look-alikes claimed by their field (P/N, 型号,
version …: fields.NOT_PERSONAL); names after a role (工程师卫阳) are records/roles.py's, listed
in RULES where they stood. Each is anchored by Hyperscan on the field's name (fields.py's
vocabulary) and runs in Python, from the compiled loop too; field_key and field_camel run in C
where the extension is built (scanner/_keys.c), which hands back to this Python what it does
not model (tests/scanner/test_native_many.py).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields, vocabulary
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.native import NATIVE
from piiguard.scanner.detectors.records import roles
from piiguard.scanner.detectors.records.roles import (
    CJK_HI,
    CJK_LO,
    DAYS,
    FOLLOW_CHARS,
    ROLE,
    name_hit,
    zh_name_at,
)
from piiguard.scanner.detectors.rule import Rule, words_of
from piiguard.scanner.detectors.vocabulary import zh_excluded, zh_label
from piiguard.scanner.detectors.words import FOLLOW_WORDS

CONTEXT = Validator.CONTEXT
# Where an unquoted value ends: a tab, a line end, a list separator, two spaces, or the next
# `key=` / `key:` on the line.
_REGION_END = re.compile(r"[\t\r\n,;&|，；。<>\[\]{}]| {2}| (?=[^\s=:：]{1,30}[=:：])|\.(?=\s|$)")
_KEY_AFTER = re.compile(r"[A-Za-z0-9_\-]*")
_NEXT_KEY = re.compile(r"[A-Za-z_][\w.\-\[\]]{0,40}=")  # a query's next key=, after its &
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
        while (
            meaning == fields.SECRET
            and text[end : end + 1] == "&"
            and not _NEXT_KEY.match(text, end + 1)
        ):
            m = _REGION_END.search(text, end + 1, pos + 256)  # (a password's &, not a query's)
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


# What may follow a name in its field: nothing, a bracket (闭宁（Xiulan Yin）), a phone
# number (对接人：马丽娟 135 2459 5711) or a slash before the next thing (Customer: 黄敏 / 1968…).
_NAME_MAY_FOLLOW = re.compile(r"[ \t]*(?:$|[（(/]|[ \t]\+?\d)")


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
        if CJK_LO <= text[pos] <= CJK_HI:
            span = zh_name_at(text, pos)
        else:  # in a sentence: the name need not end it ("… Sarah Duan on 18 June.")
            span = fields.latin_name(text, pos, single=False)
        if span is None or fields.meaning_of(text[span[0] : span[1]]) in _NAMES:
            return None  # a header's next label (First Name⇥Last Name), not a person
        return name_hit(text, *span, 0.85)
    return _value_hit(meaning, text, pos, m.group("q"))


if NATIVE is not None:  # field_key and field_camel in C (_keys.c), classify from there
    NATIVE.configure_keys(
        known=vocabulary._KNOWN,
        not_personal=fields.NOT_PERSONAL,
        format=Validator.FORMAT,
        context=CONTEXT,
        classify=fields.classify,
        names=frozenset(_NAMES),
        # a carrier's document decides; a password's & is read in Python (_value_hit)
        handed_back=frozenset({fields.ACCOUNT_OR_CARD, fields.SECRET}),
        after_space=frozenset({*_NAMES, fields.SECRET, fields.PLATE}),
        comma_inside=_COMMA_INSIDE,
        name_may_follow=_NAME_MAY_FOLLOW.match,
        dob=fields.DOB,
    )


def _key_meaning(m: re.Match[str], text: str) -> tuple[str | None, int]:
    start = _key_start(text, m.start())
    end = _KEY_AFTER.match(text, m.end()).end()  # type: ignore[union-attr] # always matches
    key = text[start:end]
    meaning = fields.meaning_of(key)
    if meaning == fields.NAME and m.group() in ("by", "By") and vocabulary.by_alone(key):
        # `by=陈志强`, `by: Huiyu Liu`; not `by Monday`, `made by Siemens AG`
        sep = _SEP.match(text, end)
        if sep is None or sep.group("sep") not in ("=", ":", "："):
            return None, end
    return meaning, end


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
        while lo > m.start() - 4 and lo > 0 and CJK_LO <= text[lo - 1] <= CJK_HI:
            lo -= 1
        if zh_excluded(text[lo : m.start()], meaning):
            return None
    end = m.start() + len(label)  # type: ignore[arg-type] # not None with a meaning
    gloss = _GLOSS.match(text, end)  # 姓名 Name：…, 出生日期 Date of Birth：…
    if gloss is not None:
        end = gloss.end()
    if end < len(text) and CJK_LO <= text[end] <= CJK_HI:
        # No separator (姓名张伟): a name held to the character model, ending the line,
        # its cell, or where a word that follows names begins.
        if meaning not in _NAMES:
            return None
        span = zh_name_at(text, end)
        return None if span is None else name_hit(text, *span, 0.85)
    h = _after_key(meaning, text, end)
    if h is None and meaning in _NAMES:  # 回访：孙桂英已致电 — the name, then the sentence
        sep = _SEP.match(text, end)
        if sep is not None and sep.group("sep") and not sep.group("q"):
            pos = sep.end()
            role = ROLE.match(text, pos)  # 跟进人：顾问钱美玲 — a role, then the name
            span = zh_name_at(text, role.end() if role else pos)
            return None if span is None else name_hit(text, *span, 0.85)
    return h


# Anchors: the last word of an English key (not one letter: P/N, S/N, A/C are spelled out)
# followed by a separator, and every Chinese label.
_EN_ANCHORS = (*(w for w in fields.EN_WORDS if len(w) > 1 and w != "on"), "p/n", "s/n", "a/c")
# (in three parts: one expression of them all, with leftmost start of match, is too large
# to compile; a dotted leader "Date of birth ..... 23 Oct 1974" and "**Name**:" count too)
_EN_HS = tuple(
    rf"(?:^|[^A-Za-z])(?:{words_of(half)})(?:\(s\))?\.?[\"']?(?:\*\*)?[ \t]*"
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
_ZH_HS = words_of(fields.ZH_LABELS)


if NATIVE is not None:  # field_label in C (_labels.c): _field_zh, values as _after_key's
    NATIVE.configure_labels(
        by_start=vocabulary._ZH_BY_START,
        known=vocabulary._KNOWN,
        excluding=vocabulary.ZH_EXCLUDING,
        names=frozenset(_NAMES),
        person=fields.NAME,
        context=CONTEXT,
        follow_words=[(w, False, False) for w in (*FOLLOW_WORDS, *DAYS)],
        follow_chars=FOLLOW_CHARS,
    )

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
    "requested|submitted|created|updated|modified|signed|received|collected|accepted|"
    "authorised|authorized|comment|commented"
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
    *roles.RULES,
    Rule(
        "url_password",
        (r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@\"'<>]*:[^\s@/\"'<>]+@",),
        URL_PASSWORD,
        _url_password,
    ),
)
