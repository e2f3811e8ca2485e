"""The rules with `many` hits written in C (issue 18, fifth pass on speed) answer exactly as
their Python: the look-alike cues (piiguard/scanner/_cues.c: the cue matched at a position,
its stretch — the line, 64 characters, brackets, a phone word or the next field — and the
values in it) and the English field keys (_keys.c: the key, its meaning, the separator, the
value's region and its check, for the keys whose values are not personal).

Texts are random soups of what these rules read: the cue words and field keys in several
cases and glued to other words, mobile- and ID-shaped numbers and dotted quads whole, too
long and glued, every separator _SEP knows and near misses of them, quotes, JSON arrays and
dates, `key=` fields, brackets of both widths, CRLF, long runs, and the characters the
hand-written matchers must hand back (K, ſ, İ, ı, full-width and Arabic-Indic digits). Every
position of every text is compared, as the engine calls the rule (`lead`) and at the
position itself.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.engine import ALL_RULES
from piiguard.scanner.detectors.native import FAST, NATIVE, cue_words
from piiguard.scanner.detectors.negative import lookalikes

pytestmark = [
    pytest.mark.req("R2.7"),
    pytest.mark.skipif(NATIVE is None, reason="the compiled fast paths are not built"),
]

CUES = ("part_cue", "part_cue_zh", "version_cue", "version_cue_zh")
KEYS = ("field_key", "field_camel")
RULES = {rule.name: rule for rule in ALL_RULES if rule.name in CUES + KEYS}

_WORDS = [
    *lookalikes.PART_EN.split("|"),
    *lookalikes.VERSION_EN.split("|"),
    *lookalikes.PART_ZH.split("|"),
    *lookalikes.VERSION_ZH.split("|"),
    *lookalikes.PHONE_EN.split("|"),
    *lookalikes.PHONE_ZH.split("|"),
]
_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    ":",
    "：",
    "=",
    '="',
    "='",
    "&",
    ",",
    "，",
    ";",
    "{",
    '"',
    "'",
    "<",
    ">",
    "。",
    ".",
    "-",
    "_",
    "@",
    "/",
    "(",
    ")",
    "（",
    "）",
    "x",
    "X",
    "ab",
    "是",
    "已出库",
    "device_ip=",
    "&sn=",
    '"key": ',
    "a.b-c :",
    " url: http://",
    "k::",
    "SKU-21861600",
    "-a",
    "_1",
    "138-1234-5678",
    "138 1234 5678",
    "138-1234 5678",
    "Parts replaced: ",
    "&id=",
    " id=",
    "é",
    "😀",
]
# Handed back to Python (K, ſ, İ, ı fold to ASCII letters; \d matches other digits): seldom,
# or nearly every text would be.
_RARE = ["K", "ſ", "İ", "ı", "１", "٣"]


def _number(r: random.Random, family: str) -> str:
    kind = r.random() * 0.5 + 0.4 if family == "version" else r.random()
    if kind < 0.4:
        digits = "1" + r.choice("3456789") + "".join(r.choice("0123456789") for _ in range(9))
    elif kind < 0.55:
        digits = "".join(r.choice("0123456789") for _ in range(17)) + r.choice("0123456789Xx")
    elif kind < 0.85:
        digits = ".".join(str(r.choice([0, 7, 10, 118, 255, 999, 1234])) for _ in range(4))
    else:
        digits = "".join(r.choice("0123456789.") for _ in range(r.randint(1, 20)))
    if r.random() < 0.1:
        digits = digits[: r.randint(0, len(digits))] + r.choice("a.-@X") + digits
    return digits


def _soup(r: random.Random, family: str = "") -> str:
    own = (family or "part|version").split("|")
    parts = []
    for _ in range(r.randint(1, 14)):
        x = r.random()
        if x < 0.3:
            words = r.choice(
                [
                    _WORDS,
                    *(
                        getattr(lookalikes, f"{f.upper()}_{lang}")
                        for f in own
                        for lang in ("EN", "ZH")
                    ),
                ]
            )
            word = r.choice(words.split("|") if isinstance(words, str) else words)
            parts.append(r.choice([word, word.upper(), word.capitalize()]))
        elif x < 0.65:
            parts.append(_number(r, family))
        elif x < 0.97:
            parts.append(r.choice(_PIECES))
        elif x < 0.985:
            parts.append(r.choice(_RARE))
        else:
            parts.append(r.choice("a 1-.") * r.randint(30, 90))  # past the cue's reach
    return "".join(parts)


def _reference(name: str, text: str, pos: int, lead: bool) -> object:
    rule = RULES[name]
    match = rule.pattern.match
    assert rule.many is not None
    if lead:
        m = match(text, pos + 1) if pos else (match(text, 0) or match(text, 1))
    else:
        m = match(text, pos)
    return False if m is None else rule.many(m, text)


def _compare(name: str, texts: list[str]) -> tuple[int, int, int]:
    """(compared, deferred, claimed): the fast path against the Python rule, every position."""
    compared = deferred = claimed = 0
    for text in texts:
        for pos in range(len(text) + 1):
            for lead in (False, True):
                expected = _reference(name, text, pos, lead)  # first: fills the key cache
                got = FAST[name](text, pos, lead)
                if got is NotImplemented:
                    deferred += 1
                    continue
                compared += 1
                claimed += bool(expected)
                assert got == expected, (text, pos, lead)
                if expected:
                    assert [type(h) for h in got] == [type(h) for h in expected]  # type: ignore[attr-defined]
    return compared, deferred, claimed


@pytest.mark.parametrize("name", CUES)
def test_cue_claims_as_the_python_rule_at_every_position(name: str) -> None:
    r = random.Random(name)
    compared, deferred, claimed = _compare(
        name, [_soup(r, name.split("_", maxsplit=1)[0]) for _ in range(2500)]
    )
    assert claimed > 300, claimed  # the soups do reach the claims
    assert deferred < compared / 10


def test_cue_words_are_literals() -> None:
    assert cue_words("part|p/n|fixed in", True) == [
        ("part", True, True),
        ("p/n", True, True),
        ("fixed in", True, True),
    ]
    for bad in ("part|", "p(n)", "ver.", "a|b*"):
        with pytest.raises(ValueError, match="literal cue word"):
            cue_words(bad, False)


def test_configure_cues_refuses_what_it_cannot_use() -> None:
    assert NATIVE is not None
    words = {k: [("x", False, False)] for k in ("part_en", "part_zh", "version_en", "version_zh")}
    words |= {"phone_en": [("tel", True, True)], "phone_zh": [("电话", False, False)]}
    with pytest.raises(ValueError, match="reach"):
        NATIVE.configure_cues(kind="not_personal", validator=None, reach=0, **words)
    with pytest.raises(ValueError, match="empty"):
        NATIVE.configure_cues(
            kind="not_personal", validator=None, reach=64, **(words | {"part_en": [("", 0, 0)]})
        )
    with pytest.raises(TypeError):
        NATIVE.part_cue(b"part 13812345678", 0)


# --- the English field keys (_keys.c) ---------------------------------------------------
_KEYS = [
    "P/N",
    "part_no",
    "Model",
    "version",
    "SKU",
    "serial number",
    "Firmware",
    "Model No",
    "order id",
    "deviceModel",
    "appVersion",
    "imei",
    "asset tag",
    "Part Number",
    "name",  # other meanings and none: handed back, or nothing
    "customer_name",
    "productName",
    "fooBar",
    "hostname",
    "password",
    "dob",
    "lat",
    "account",
    "passport no",
    "birthDate",
    "geo",
    "longitude",
    "first_name",
]
_SEPARATORS = [
    "(s)",
    ".",
    '"',
    "'",
    "”",
    "**",
    "__",
    "】",
    "]",
    " ",
    "  ",
    "\t",
    ":",
    "=",
    "：",
    "=>",
    "->",
    "-",
    "...",
    "..",
    "....",
    "…",
    "</td><td>",
    "</th> <td class='a'>",
    "</td><tr>",
    "</TD><td>",
    "</td><td " + "x" * 45 + ">",
]
_VALUES = [
    '"',
    "'",
    "“",
    "”",
    "<",
    ">",
    "ABC-123",
    "13812345678",
    "10.4.0.118",
    "a b",
    "x,y",
    "[1, 2]",
    '{"$date": "2020-01-01"}',
    "{x}",
    "val ue=1",
    "v. next",
    "v.",
    "x  y: z",
    "key：v",
    "a" * 140,
    "b" * 300,
    "Sarah Duan",  # values of the other meanings, which fields.classify checks
    "Sarah Duan (QA)",
    "Sarah Duan  138 1234 5678",
    "张伟",
    "1990-01-02",
    "July 27, 1963",
    "s3cr3t!Pass",
    "changeme",
    "22.9779,112.7666",
    "G14682716",
    "6222 0212 3456 7890",
    "中文",
    "１２３",
    "٣",
    "\r\n",
    "\n",
    "&",
    "|",
    ";",
    "，",
    "。",
    "\u3000",
    "\xa0",
]


def _key_soup(r: random.Random) -> str:
    parts = []
    for _ in range(r.randint(1, 10)):
        x = r.random()
        if x < 0.3:
            key = r.choice(_KEYS)
            parts.append(r.choice([key, key.upper(), key.lower(), "x" + key, "_" + key]))
        elif x < 0.6:
            parts.append(r.choice(_SEPARATORS))
        else:
            parts.append(r.choice(_VALUES))
    return "".join(parts)


@pytest.mark.parametrize("name", KEYS)
def test_field_keys_read_as_the_python_rule_at_every_position(name: str) -> None:
    r = random.Random(name)
    compared, deferred, claimed = _compare(name, [_key_soup(r) for _ in range(3000)])
    assert claimed > 1000, claimed  # the soups do reach values
    assert compared > deferred  # most keys are not personal or mean nothing


# --- chat-export lines (_chat.c): False only where CHAT_LINE cannot match -------------------
_STAMPS = [
    "2024-06-14 11:12:11",
    "2024/5/20 20:31",
    "06-03 14:22",
    "[14:02]",
    "(14:02)",
    "【2024-06-03 14:22】",
    "2024年5月20日 10:00",
    "10:00 AM",
    "10:00 a.m.",
    "9:05pm",
    "9:05P.M",
    "2024-06-14T11:12:11",
    "١٢:٣٠:٠٠",  # Arabic-Indic and full-width digits are \d
    "１２:３０",
    "12",
    "1:2",
    "2024-06-14 11:12:11 2024-06-14 11:12:11 11",
]
_SPEAKERS = [
    "王海涛",
    "司马振宇",
    "Aoife Ní Bhriain",
    "Anna Berg",
    "INFO deploy key ghp_oYnpITuQJW",
    "ERROR sms failed to 135281150",
    "客服",
    "售后-夏军良",
    "x" * 39,
    "y" * 45,
    "a\u3000b",
    "1st",
    "٣x",
]
_AFTER = ["（采购）", "(Sales)", " (QA team)", "（" + "长" * 30 + "）", "@某某科技", "@acme", "@"]
_CHAT_BITS = [": hello", "：你好", ":", " : ", "  ", "\t", " ", "<", ">", "@", "#", "\r", "—"]


def _chat_soup(r: random.Random) -> str:
    lines = []
    for _ in range(r.randint(1, 4)):
        parts = [r.choice(["", "", "- ", "* ", "• ", "  ", "\t", "-", "•\t"])]
        order = r.choice([("stamp", "who"), ("who", "stamp"), ("who",), ("stamp",)])
        for kind in order:
            if kind == "stamp":
                parts.append(r.choice(_STAMPS))
            else:
                parts.append(r.choice(_SPEAKERS))
                if r.random() < 0.3:
                    parts.append(r.choice(_AFTER))
            parts.append(r.choice([" ", "  ", "\t", "", " ", ", ", ","]))
        parts.extend(r.choice(_CHAT_BITS + _STAMPS + _SPEAKERS) for _ in range(r.randint(0, 2)))
        lines.append("".join(parts) + r.choice(["", " ", "\r", "  \r"]))
    return "\n".join(lines)


def test_chat_lines_are_refused_only_where_the_pattern_cannot_match() -> None:
    rule = next(rule for rule in ALL_RULES if rule.name == "chat_line")
    fast = FAST["chat_line"]
    r = random.Random(20)
    refused = matched = 0
    for _ in range(4000):
        text = _chat_soup(r)
        for pos in range(len(text) + 1):
            for lead in (False, True):
                got = fast(text, pos, lead)
                assert got is False or got is NotImplemented
                if lead:
                    m = rule.pattern.match(text, pos + 1) if pos else None
                    m = m or (
                        None if pos else rule.pattern.match(text, 0) or rule.pattern.match(text, 1)
                    )
                else:
                    m = rule.pattern.match(text, pos)
                matched += m is not None
                refused += got is False
                assert got is NotImplemented or m is None, (text, pos, lead)
    assert matched > 3000, matched  # the soups do hold chat lines
    assert refused > matched  # and lines the fast path refuses


# --- all three families through the whole engine ----------------------------------------
@pytest.mark.parametrize(
    ("soup", "rules"),
    [
        (_soup, ("part_cue", "version_cue")),
        (_key_soup, KEYS),
        (_chat_soup, ("chat_line",)),
    ],
)
def test_the_detector_finds_the_same_with_and_without_these_rules_compiled(
    soup: Callable[[random.Random], str], rules: tuple[str, ...]
) -> None:
    fast, pure = Detector(), Detector(native=False)
    assert set(rules) <= set(fast.native)
    r = random.Random(18)
    for _ in range(1500):
        text = soup(r)
        assert fast.scan(text) == pure.scan(text), text
    long = "\n".join(soup(r) for _ in range(2000))  # thousands of hits, resolved alike
    assert fast.scan(long) == pure.scan(long)
