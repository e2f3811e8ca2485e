"""What a field holds, from its name: the vocabulary of column headers, JSON keys, log keys
and form labels (Chinese and English, with synonyms and abbreviations), and the value checks
that hold a field's value to what its name says.

A field's name is classified once (a CSV column, a key where it occurs); each value then
costs one anchored match. Meanings: person_name (a nickname only when it is a name, whole),
date_of_birth, passport, bank_account, secret, coordinates — personal data when the value
has the shape the meaning expects; NOT_PERSONAL — part, model, serial, version, build, SKU,
order and tracking numbers: values shaped like phones, IP addresses or cards are look-alikes.
"""

from __future__ import annotations

import re
from typing import Final

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.contact.phoned import phone_value
from piiguard.scanner.detectors.formats import plate_field
from piiguard.scanner.detectors.lexicon.numbered import BANK_CARD, CARD, IBAN, NATIONAL_ID
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.places.postal import postal_value
from piiguard.scanner.detectors.places.zones import address_value
from piiguard.scanner.detectors.values import numbered
from piiguard.scanner.detectors.values.persons import (
    LATIN_STOP,
    latin_name,
    person_name,
    romanised,
    zh_name,
    zh_name_part,
    zh_name_python,
)
from piiguard.scanner.detectors.vocabulary import (
    ACCOUNT,
    ACCOUNT_OR_CARD,
    COORDINATES,
    DOB,
    EN_WORDS,
    ID_DOC,
    LATITUDE,
    NAME,
    NAME_PART,
    NICK,
    NOT_PERSONAL,
    PASSPORT,
    PLATE,
    SECRET,
    ZH_LABELS,
    meaning_of,
)

__all__ = [
    "ACCOUNT",
    "ACCOUNT_OR_CARD",
    "BANK_CARD",
    "CARD",
    "COORDINATES",
    "DOB",
    "EN_WORDS",
    "IBAN",
    "ID_DOC",
    "LATIN_STOP",
    "LATITUDE",
    "NAME",
    "NAME_PART",
    "NATIONAL_ID",
    "NICK",
    "NOT_PERSONAL",
    "PASSPORT",
    "PLATE",
    "SECRET",
    "ZH_LABELS",
    "classify",
    "field_hit",
    "latin_name",
    "meaning_of",
    "person_name",
    "romanised",
    "zh_name",
    "zh_name_python",
]


_DATE = re.compile(
    r"(?P<y1>(?:19|20)\d\d)(?P<s1>[-/.]?)(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<y5>(?:19|20)\d\d)年(?P<m5>\d{1,2})月(?P<d5>\d{1,2})日?"
    r"|(?P<a2>\d{1,2})(?P<s2>[/.-])(?P<b2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d)"
    r"|(?P<m3>[A-Za-z]{3,9})\.? (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>(?:19|20)\d\d)"
    r"|(?P<d4>\d{1,2})(?:st|nd|rd|th)?[ -](?P<m4>[A-Za-z]{3,9})\.?,?[ -](?P<y4>(?:19|20)\d\d)"
    r"|(?P<y6>(?:19|20)\d\d)(?:年(?P<m6>\d{1,2})月?|[-/.](?P<m7>\d{1,2}))"  # 出生年月: 1990.03
    r"|(?P<a8>\d{1,2})(?P<s8>[/.-])(?P<b8>\d{1,2})(?P=s8)(?P<y8>\d\d)"  # DOB: 03/04/88
    r"|(?P<y9>\d\d)年(?P<m9>\d{1,2})月(?P<d9>\d{1,2})日?"  # 88年3月4日
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
    1985/1/25, 1974年10月23日, 27/07/1963, 07/27/1963, July 27, 1963, 27 Jul 1963, 03/04/88,
    88年3月4日; or a year and month (1990.03, 1990年3月), as 出生年月 asks."""
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
    elif g["y6"]:
        ok = 1 <= int(g["m6"] or g["m7"]) <= 12
    elif g["y2"] or g["y8"]:  # (a two-digit year read as 20yy: the leap years of 19yy but 1900)
        a, b = int(g["a2"] or g["a8"]), int(g["b2"] or g["b8"])
        y = int(g["y2"]) if g["y2"] else 2000 + int(g["y8"])
        ok = checks.valid_date(y, a, b) or checks.valid_date(y, b, a)
    elif g["y9"]:
        ok = checks.valid_date(2000 + int(g["y9"]), int(g["m9"]), int(g["d9"]))
    else:
        month = _MONTHS.get((g["m3"] or g["m4"])[:3].lower(), 0)
        ok = checks.valid_date(int(g["y3"] or g["y4"]), month, int(g["d3"] or g["d4"]))
    return (pos, end) if ok else None


# China and most countries: letters then digits; France: 19AB12345
_PASSPORT = re.compile(r"(?:[A-Z]{1,2}\d{6,9}|\d{9}|\d{2}[A-Z]{2}\d{5})(?![0-9A-Za-z])")
# In a field that says passport, other countries' numbers too: 6-9 capitals and digits with
# at least two digits (CJ38CR828, 92A56857, C01X00T47); not a word, not a placeholder.
# German numbers: nine of digits and consonants, C F G H J K first (CLKNFCM6G).
_PASSPORT_ANY = re.compile(
    r"(?:(?=(?:[A-Z]*\d){2})[A-Z0-9]{6,9}|[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8})(?![0-9A-Za-z])"
)
_ACCOUNT = re.compile(r"\d(?:[ -]?\d){7,29}(?![0-9A-Za-z@])")  # (not 2119531384@qq.com)
_SECRET = re.compile(r"[^\s\"',;，；。<>]{4,128}")
_PLACEHOLDER = re.compile(
    r"^(?:\*+|x+|\.+|#+|-+|<[^>]*>|\$\{.*\}|\{\{.*\}\}|%\(?\w*\)?s?|null|none|nil|redacted|"
    r"masked|hidden|required|optional|string|true|false|(?:yes|no)\)?|\[redacted\]|\*\*\*.*|changeme|"
    r"password|secret|token|n/?a|tbd|todo|undefined|empty|空|无|未设置)$",
    re.IGNORECASE,
)
# (each may be quoted: Python's ('23.1', '113.2'); in a field that says coordinates, one
# decimal will do: a gazetteer's places are written as short as they are exact, 27.85,112.9)
_PAIR = re.compile(
    r"(?P<lat>[-+]?\d{1,3}\.\d{1,8})(?P<q>['\"]?)\s*[,，/; ]\s*(?P=q)"
    r"(?P<lon>[-+]?\d{1,3}\.\d{1,8})(?!\d|\.\d)"
)
_OPENING = re.compile(r"[(\[][ ]?['\"]?")
_PAIR_REST = re.compile(r"\s*[,，/;]\s*[-+]?\d")  # a pair's second half (not one axis)
_AXIS = re.compile(r"[-+]?\d{1,3}\.\d{3,8}(?!\d|\.\d)")  # (3: a typed cell drops trailing zeros)
_NOT_PERSONAL_VALUE = re.compile(r"[^\s\"',;，；。|&<]{1,128}")  # (&: a query string's next key)


# A name written as one identifier, its words capitalised and joined by `_` (a log's
# `owner=Sarah_Tanaka`); a login in lower case (`user=li.wei`, `sarah_tanaka`) is no name.
_JOINED = re.compile(r"[A-Z][a-z]+(?:_[A-Z][a-z]+){1,2}(?![A-Za-z0-9_.@\-])")
# ... or with its given names as initials (a CRM's `D. Huang`, a letter's `A. B. Carter`)
_INITIALLED = re.compile(r"(?:[A-Z]\. ?){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![A-Za-z0-9_.@\-])")


def _name(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = person_name(value, pos, single=meaning == NAME_PART, field=True)
    if span is None and meaning == NAME_PART:
        span = zh_name_part(value, pos)
    if span is None and meaning == NAME and (joined := _JOINED.match(value, pos)) is not None:
        words = joined.group().replace("_", " ")
        if latin_name(words, single=False) == (0, len(words)):
            span = joined.span()
    if span is None and meaning == NAME and (initialled := _INITIALLED.match(value, pos)):
        surname = initialled.group().rsplit(".", 1)[1].strip()
        span = initialled.span() if latin_name(surname, single=True) else None
    if span is None or meaning_of(value[span[0] : span[1]]) in (NAME, NAME_PART):
        return None  # a header's next label (First Name⇥Last Name), not a person
    return ("person_name", *span, 0.88)


def _nick(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    """A nickname that is someone's full name, whole (not 阿强, 小李, 小太阳 nor Amy)."""
    nick, start = value[pos:].strip(), len(value) - len(value[pos:].lstrip())
    if "\u4e00" <= nick[:1] <= "\u9fff":
        familiar = len(nick) == 2 and nick[0] in "阿小老"
        whole = not familiar and zh_name(nick, strict=True) == (0, len(nick))
    else:
        whole = bool(nick) and latin_name(nick, single=False) == (0, len(nick))
    return ("person_name", start, start + len(nick), 0.8) if whole else None


def _dob(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = birth_date(value, pos)
    return None if span is None else ("date_of_birth", *span, 0.92)


def _passport(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _PASSPORT.match(value, pos) or _PASSPORT_ANY.match(value, pos)
    return None if m is None else ("passport", m.start(), m.end(), 0.92)


def _id_document(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    # A national identity number where no passport has its shape (values/numbered.py); else
    # a passport's shape with letters (G14682716) or nine digits; a resident ID is longer.
    national = numbered.id_document(value, pos)
    if national is not None:
        return national
    m = _PASSPORT.match(value, pos) or _PASSPORT_ANY.match(value, pos)
    if m is None or (m.group().isdigit() and len(m.group()) != 9):
        return None
    return "passport", m.start(), m.end(), 0.9


# 开户行及账号：中国建设银行成都新华支行 5105…: the bank's name before the number
_BANK_FIRST = re.compile(r"[\u4e00-\u9fff]{2,30}(?:银行|支行|分行|分理处|营业部|信用社)[ \t]*")


def _account(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    bank = _BANK_FIRST.match(value, pos)
    if bank is not None:
        pos = bank.end()
    m = _ACCOUNT.match(value, pos)
    if m is None:  # an account written with its bank's code (a BBAN)
        return numbered.bban(value, pos) if meaning == ACCOUNT else None
    if len(set(m.group().replace(" ", "").replace("-", ""))) < 3:
        return None
    return "bank_account", m.start(), m.end(), 0.98  # over a card's 0.95: the field says so


def _account_or_card(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    """A bare `account` field: a bank account, unless the number is a valid card (Luhn,
    issuer prefix and length), which the card rule reports as a card."""
    found = _account(meaning, value, pos)
    if found is None:
        return None
    digits = value[found[1] : found[2]].replace(" ", "").replace("-", "")
    if checks.card_issuer(digits) is not None and checks.luhn(digits):
        return None
    return found


def _secret(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _SECRET.match(value, pos)
    if m is None or _PLACEHOLDER.match(m.group()) or len(set(m.group())) < 3:
        return None
    return "secret", m.start(), m.end(), 0.88


def _coordinates(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    opening = _OPENING.match(value, pos)  # (23.1, 113.2), [23.1, 113.2], ('23.1', '113.2')
    m = _PAIR.match(value, opening.end() if opening else pos)
    if m is None:  # one axis alone (Faker's coordinate(), a `coord` column of latitudes)
        one = _axis(meaning, value, pos)
        return None if one is None or _PAIR_REST.match(value, one[2]) else one
    a, b = abs(float(m.group("lat"))), abs(float(m.group("lon")))
    if min(a, b) > 90 or max(a, b) > 180 or a + b == 0:
        return None  # (either order: a field that says coordinates may hold lng, lat)
    return "coordinates", m.start(), m.end(), 0.92


def _axis(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _AXIS.match(value, pos)
    if m is None or abs(float(m.group())) > 180:
        return None
    return "coordinates", m.start(), m.end(), 0.9


_AXES = re.compile(r"\s*(?P<a>[-+]?\d{1,3}\.\d{3,8})\s*,\s*(?P<b>[-+]?\d{1,3}\.\d{3,8})\s*")


def axis_hits(text: str, lo: int, hi: int) -> list[Hit]:
    """The two numbers of a coordinates array, text[lo:hi] (`23.1308, 113.1306`), in range."""
    m = _AXES.fullmatch(text, lo, hi)
    if m is None:
        return []
    a, b = abs(float(m.group("a"))), abs(float(m.group("b")))
    if not (min(a, b) <= 90 and max(a, b) <= 180 and a + b):
        return []
    return [Hit("coordinates", *m.span(g), m.group(g), 0.92, Validator.CONTEXT) for g in "ab"]


def _not_personal(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    m = _NOT_PERSONAL_VALUE.match(value, pos)
    return None if m is None else (NOT_PERSONAL, m.start(), m.end(), 2.0)


# An address column (a CSV header 详细地址, Address): no label of the vocabulary, a column's
# meaning only (sources/tabular.py); its value a Chinese address (places/zones.py).
ADDRESS: Final = "address"


def _address(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = address_value(value, pos)
    if span is not None:
        return ("address", *span, 0.84)
    # the column says address: its value whole, whatever its shape — a fallback (0.79: where
    # a street rule reads the address in the cell, its span stands)
    span = postal_value(value, pos)
    return None if span is None else ("address", *span, 0.79)


# A phone column (a CSV header 电话, 手机号码, mobile, contact_phone): a column's meaning
# only (sources/tabular.py); its value a phone in any national writing (contact/phoned.py).
PHONE: Final = "phone"


def _phone(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    span = phone_value(value, pos)
    return None if span is None else ("phone", *span, 0.9)


def _card(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    return numbered.card(value, pos, bank=meaning == BANK_CARD)


def _national_id(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    return numbered.national_id(value, pos)


def _iban(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    return numbered.iban(value, pos)


_CLASSIFIERS: Final = {
    CARD: _card,
    BANK_CARD: _card,
    NATIONAL_ID: _national_id,
    IBAN: _iban,
    ADDRESS: _address,
    PHONE: _phone,
    NAME: _name,
    NAME_PART: _name,
    NICK: _nick,
    DOB: _dob,
    PASSPORT: _passport,
    ID_DOC: _id_document,
    ACCOUNT: _account,
    ACCOUNT_OR_CARD: _account_or_card,
    SECRET: _secret,
    COORDINATES: _coordinates,
    LATITUDE: _axis,
    PLATE: plate_field,
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
