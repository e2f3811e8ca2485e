"""An English-written address whole: what the street rules (addresses.py, abroad.py) find is
its street and number; people write around it the flat, floor, building and `No.` before,
and after it the unit, the district, city, province or state, the postcode and the country:

- `Room 1203, No. 88 Jianshe Road, Pengjiang District, Jiangmen`,
  `No. 212 Foshan Avenue North, Nanhai District, Foshan, Guangdong 528200`;
- `154 Orchard Road, #08-20, Singapore 238858`, `10 Anson Road #12-08 International Plaza`;
- `Unit 5, 21 King Street, Sydney NSW 2000, Australia`, `221B Baker Street, London NW1 6XE`,
  `49 Sheikh Zayed Road, Dubai, UAE`, `Via Roma 50, 20121 Milano MI, Italy`;
- a Hong Kong flat with no street number: `Flat 21B, 38/F, Tower 2, Laguna City, Kwun Tong,
  Kowloon` (the flat and the floor first, a region or a country last).

Each part after the street is one of: a unit (`#08-20`, `Suite 2900`), a building's name,
a district's or town's (`Nanhai District`, `Dali Town`), a place with its postcode or state
(`Guangdong 528200`, `CA 94105`, `Melbourne VIC 3000`, `London NW1 6XE`), a country or a Hong
Kong region, or a bare place name (`Foshan`, `Wan Chai`) — which counts only before one of
the others, or last after a district. Whatever else follows (`Tel:`, a phone, a sentence, a
name) ends the address: a bare place that reads as a pinyin name (`Li Wei`) is not taken.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.records.pinyin import SURNAMES
from piiguard.scanner.detectors.rule import Rule

_W = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-z][a-zß-öø-ÿ]+)*"  # (München, Stratford-upon-Avon)
_WORDS = rf"{_W}(?:[ ]{_W}){{0,2}}"
# the end of a part: punctuation, a blank, the text's end (never inside a word or a number)
_END = r"(?=[,，;；。.)\]}\"'<|/\s]|$)"
_UNIT = (
    r"(?:#\d{1,3}-\d{1,5}[A-Z]?|\d{1,3}/F|\d{1,3}(?:st|nd|rd|th)[ ]Floor"
    r"|(?:Suite|Ste\.?|Unit|Apt\.?|Room|Rm\.?|Flat|Studio|Floor|Fl\.?|Level|Lvl\.?|Tower|Block|Blk)"
    r"[ ]?(?:\d{1,5}[A-Z]?|[A-Z]\d{0,4})(?:-\d{1,5})?)"
)
_BUILDING = (
    rf"{_WORDS}[ ](?:Plaza|Building|Bldg|Tower|Towers|Centre|Center|Mansion|House|Court|"
    r"Garden|Gardens|Complex|Square|Estate|City|Industrial[ ]Park|Park|Villa|Villas|Hub)"
    r"(?:[ ](?:\d{1,3}|[A-Z])(?![\w-]))?"  # its number or letter: One Raffles Place Tower 2
)
_ADMIN = (
    rf"{_WORDS}[ ](?:District|Dist\.?|Town|Township|County|Province|Prefecture|Subdistrict|"
    r"Borough|Village|Zone|New[ ]Area|Development[ ]Zone|Industrial[ ]Zone|Municipality)"
)
_POSTED = (  # a place with its postcode or state: CA 94105, Melbourne VIC 3000, London NW1 6XE
    rf"(?:{_WORDS}[ ])?[A-Z]{{2,3}}[ ]\d{{4,5}}(?:-\d{{4}})?"
    rf"|{_WORDS}[ ]\d{{4,6}}"
    rf"|(?:{_WORDS}[ ])?[A-Z]{{1,2}}\d[A-Z\d]?[ ]\d[A-Z]{{2}}"  # the UK's
    rf"|(?:{_WORDS}[ ])?[A-Z]{{2}}[ ][A-Z]\d[A-Z][ ]?\d[A-Z]\d"  # Canada's: Toronto ON M5V 3L9
    rf"|{_WORDS}[ ]\d{{3}}-\d{{4}}"  # Japan's: Tokyo 100-0005
    rf"|\d{{4}}[ ][A-Z]{{2}}[ ]{_WORDS}"  # the Netherlands': 1016 DV Amsterdam
    rf"|\d{{4,5}}[ ]{_WORDS}(?:[ ][A-Z]{{2}})?"
)
_COUNTRY = (
    r"P\.?R\.?[ ]?China|People's[ ]Republic[ ]of[ ]China|China|PRC|Hong[ ]Kong(?:[ ]SAR)?|HKSAR|HK|"
    r"Kowloon|New[ ]Territories|Macau|Macao|Taiwan|Singapore|Malaysia|Vietnam|Viet[ ]Nam|"
    r"Thailand|Indonesia|Philippines|Japan|South[ ]Korea|Korea|India|UAE|U\.A\.E\.|"
    r"United[ ]Arab[ ]Emirates|USA|U\.S\.A\.|U\.S\.|US|United[ ]States(?:[ ]of[ ]America)?|"
    r"UK|U\.K\.|United[ ]Kingdom|England|Scotland|Ireland|Australia|New[ ]Zealand|Canada|"
    r"Germany|Deutschland|France|Italy|Italia|Spain|España|Portugal|Netherlands|Belgium|"
    r"Switzerland|Austria|Sweden|Norway|Denmark|Finland|Poland|Czech[ ]Republic|Mexico|Brazil"
)
_PART = re.compile(
    rf"(?P<unit>{_UNIT}){_END}|(?P<strong>{_POSTED}|(?:{_COUNTRY})|{_ADMIN}){_END}"
    rf"|(?P<building>{_BUILDING}){_END}|(?P<plain>{_WORDS}){_END}"
)
_SEP = re.compile(r",[ ]?|[ ](?=#\d)")
_ADMIN_WHOLE = re.compile(_ADMIN)
# after the street's word: its direction (Avenue North), a province's code (Milano MI, …)
_DIRECTION = re.compile(r"[ ](?:North|South|East|West|Middle|[A-Z]{1,2}(?=,))(?![\w])")
# a building after a unit with a blank: 10 Anson Road #12-08 International Plaza
_BUILDING_AFTER = re.compile(rf"[ ](?:{_BUILDING}){_END}")


def _spaced(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that begin the next field or a sentence, not a place.
_NOT_PLACE = _spaced(
    "Tel Phone Fax Mobile Mob Email Attn Contact Dear Thanks Regards Best Please Mr Mrs "
    "Ms Dr Sir Madam Date Order Invoice Ref Note The This That We I It Our Your"
)


def _pinyin_name(value: str) -> bool:
    """`Li Wei` after an address's district is a person (`Wan Chai` before `Hong Kong` is
    not asked: a bare place counts there for what follows it)."""
    words = value.split(" ")
    return len(words) == 2 and words[0].lower() in SURNAMES and len(words[1]) <= 6


# what may follow a city taken last: a sign, the line's end, a wider blank before the next
# field (`Jiangmen  Tel: …`), not a word in the same run (`…, Version 2 notes`)
_CLOSED = re.compile(r"[ \t]{2}|[ \t]*(?:\r?\n|$)|[,，;；。.)\]}\"'<|]")


def _closes(text: str, end: int) -> bool:
    return _CLOSED.match(text, end) is not None


_UNIT_LAST = re.compile(rf"(?:{_UNIT})$")


def _parts(text: str, pending: int, last: str, sep: bool = True) -> tuple[int, str]:
    """The parts from `pending` (at a separator, or at the first part with `sep` False):
    where the address ends (a bare place waits for what follows it) and the last kind."""
    best = pending
    while True:
        at = _SEP.match(text, pending) if sep else None
        if sep and at is None:
            if last == "unit" and (b := _BUILDING_AFTER.match(text, pending)):
                best = pending = b.end()
                last = "building"
                continue
            return best, last
        m = _PART.match(text, pending if at is None else at.end())
        sep = True
        if m is None:
            return best, last
        kind = m.lastgroup or ""
        if kind == "plain":
            if m.group().split(" ")[0] in _NOT_PLACE:
                return best, last
            pending = m.end()
            if last == "admin" and _closes(text, pending) and not _pinyin_name(m.group()):
                best = pending  # a city last after its district: …, Pengjiang District, Jiangmen
            last = "plain"
            continue
        if kind == "strong" and _ADMIN_WHOLE.fullmatch(m.group()):
            kind = "admin"
        if kind == "building" and last == "plain":
            return best, last
        best = pending = m.end()
        last = kind


_LINE = re.compile(r"[ \t]*\r?\n")
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|$)")


def forward(text: str, end: int) -> int:
    """Where the address whose street ends at `end` ends, with the parts written after it:
    on its line, and on the lines below that hold nothing else (a signature's or a Ship To
    block's `Pengjiang District, Jiangmen` / `Guangdong 529000, China`)."""
    if d := _DIRECTION.match(text, end):
        end = d.end()
    last = "unit" if _UNIT_LAST.search(text, max(0, end - 12), end) else "street"
    best, last = _parts(text, end, last)
    while line := _LINE.match(text, best):
        until, last = _parts(text, line.end(), "line", sep=False)
        if until == line.end() or not _LINE_END.match(text, until):
            # a town alone on its line and its postcode alone on the next (Millschester⏎HP08 3WF)
            town = _TOWN_LINE.match(text, line.end())
            if town is None or town.group("w").split(" ")[0] in _NOT_PLACE:
                return best
            if (code := _POSTCODE_LINE.match(text, town.end())) is None:
                return best
            until = code.end()
        best = until
    return best


_TOWN_LINE = re.compile(rf"[ \t]*(?P<w>{_WORDS})[ \t]*\r?\n")
_POSTCODE_LINE = re.compile(
    r"[ \t]*(?:[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|\d{5}(?:-\d{4})?)(?=[ \t]*(?:\r?\n|$|\"))"
)


_BEFORE_PART = re.compile(rf"(?:{_UNIT}|{_BUILDING}),[ ]?$")
_NO = re.compile(r"(?:No\.|NO\.|No)[ ]?$")


def backward(text: str, start: int) -> int:
    """Where the address whose street's number begins at `start` begins: `No.` and the flat,
    floor, tower and building written before it, each followed by a comma."""
    no = _NO.search(text, max(0, start - 4), start)
    if no and (no.start() == 0 or not text[no.start() - 1].isalnum()):
        start = no.start()
    while True:
        m = _BEFORE_PART.search(text, max(0, start - 60), start)
        if m is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
            return start
        start = m.start()


def whole(kind: str, start: int, end: int, text: str, confidence: float) -> Hit:
    start, end = backward(text, start), forward(text, end)
    return Hit(kind, start, end, text[start:end], confidence, Validator.FORMAT)


# A flat with no street number: the flat and its floor, then the parts; a Hong Kong region or
# a country must end it (`Flat 21B, 38/F, Tower 2, Laguna City, Kwun Tong, Kowloon`).
FLAT_FIRST = re.compile(
    r"(?<![\w-])(?:Flat|Room|Rm\.?|Unit)[ ]?[A-Z0-9]{1,5},[ ]?"
    r"(?:\d{1,3}/F|\d{1,3}(?:st|nd|rd|th)[ ]Floor|Floor[ ]\d{1,3})(?![\w])"
)
_REGION_LAST = re.compile(rf"(?:{_COUNTRY})$")


def _flat_first(m: re.Match[str], text: str) -> Hit | None:
    end = forward(text, m.end())
    if end == m.end() or not _REGION_LAST.search(text, m.end(), end):
        return None
    return Hit("address", m.start(), end, text[m.start() : end], 0.8, Validator.FORMAT)


RULES = (
    Rule(
        "flat_first",
        (
            r"(?:^|[^0-9A-Za-z_\-])(?:Flat|Room|Rm\.?|Unit) ?[A-Z0-9]{1,5}, ?"
            r"(?:[0-9]{1,3}/F|[0-9]{1,3}(?:st|nd|rd|th) Floor|Floor [0-9])",
        ),
        FLAT_FIRST,
        _flat_first,
        lead=True,
    ),
)
