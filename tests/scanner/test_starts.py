"""Where a match starts without Hyperscan's start-of-match tracking
(detectors/automaton/starts.py and _native.Starts): the same leftmost start Hyperscan reports
with HS_FLAG_SOM_LEFTMOST, for every expression of the detector's two databases and for the
assertions it models."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hyperscan
import pytest

from piiguard.scanner.detectors import Detector, engine
from piiguard.scanner.detectors.automaton import starts
from piiguard.scanner.detectors.native import NATIVE

pytestmark = pytest.mark.req("R2.7")

Som = Callable[[bytes], list[tuple[int, int]]]


def _som(expression: str, caseless: bool, utf8: bool) -> Som:
    """Hyperscan's own (start, end) reports for one expression, with SOM tracking."""
    flags = hyperscan.HS_FLAG_SOM_LEFTMOST
    flags |= (hyperscan.HS_FLAG_UTF8 if utf8 else 0) | (
        hyperscan.HS_FLAG_CASELESS if caseless else 0
    )
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[expression.encode()], ids=[0], elements=1, flags=[flags])

    def reports(data: bytes) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        db.scan(data, match_event_handler=lambda _i, s, e, _f, _c: out.append((s, e)))
        return out

    return reports


_PIECES = [
    "13812345678",
    "4111 1111 1111 1111",
    "li.lei@example.cn",
    "192.168.1.20",
    "v2.3.1",
    "11010519491231002X",
    "Name: John Smith",
    "姓名：张伟",
    "电话",
    "出生日期：1990-01-02",
    "王经理",
    "谢谢李娜",
    "张伟的手机",
    "\n",
    "\r\n",
    "\t",
    "  ",
    " | ",
    "：",
    ":",
    ",",
    "，",
    "。",
    "(",
    "（",
    ")",
    "）",
    "【",
    "】",
    "@",
    "-",
    "_",
    "/",
    "#",
    "=",
    "'",
    '"',
    "12:30",
    "2024年5月1日",
    "Dear Anna Lee",
    "Mr. Wang",
    "BEGIN",
    "password=",
    "mysql://u:p@h/db",
    "零件号",
    "版本",
    "P/N",
    "From: ",
    "--\n",
    "您好，",
    "Ä",
    "ß",
    "\u212a",
    "é",
    "中",
]


def _texts(rng: random.Random, expression: str, count: int) -> list[str]:
    """Texts built from the expression's own literal runs, random characters of its classes
    and the corpus's usual pieces, so that most expressions match many times."""
    plain = engine_literals(expression)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            pick = rng.random()
            if pick < 0.45 and plain:
                parts.append(rng.choice(plain))
            elif pick < 0.8:
                parts.append(rng.choice(_PIECES))
            else:
                parts.append(
                    "".join(
                        rng.choice("aZ09 \n\t:：,张李王中?_-.@") for _ in range(rng.randint(1, 4))
                    )
                )
        texts.append("".join(parts))
    return texts


def engine_literals(expression: str) -> list[str]:
    """Runs of literal characters in an expression (its words)."""
    text = re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), expression)
    return [w for w in re.split(r"[\\()\[\]|?*+{}^$.]", text) if len(w) >= 2][:400]


def _check(
    prog: starts.Program, native: object | None, rule: int, som: Som, text: str, utf8: bool
) -> int:
    """Every end Hyperscan reports in `text`: the start found equals the reported one."""
    if utf8:
        data = text.encode()
        offsets, at = {}, 0
        for i, c in enumerate(text):
            offsets[at] = i
            at += len(c.encode())
        offsets[at] = len(text)
        seq = [ord(c) for c in text]
    else:
        data = text.encode("ascii", "replace")
        seq = list(data)
    checked = 0
    for start, end in som(data):
        s, e = (offsets[start], offsets[end]) if utf8 else (start, end)
        assert starts.leftmost_start(prog, seq, e) == s, (text, s, e)
        if native is not None:
            assert native.start(rule, text, e, not utf8) == s, (text, s, e)  # type: ignore[attr-defined]
        checked += 1
    return checked


HANDMADE = [Path(__file__).parent / name / "files" for name in ("handset", "freshset")]


def _handmade() -> list[str]:
    """The hand-made sets' files (realistic mail, forms, logs, tables) in pieces of about
    1,500 characters: the texts the expressions were written for."""
    texts = []
    for folder in HANDMADE:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                text = path.read_bytes().decode("utf-8", "replace")
                texts.extend(text[i : i + 1500] for i in range(0, len(text), 1500))
    return texts


@pytest.mark.parametrize("utf8", [False, True])
def test_every_expression_of_the_databases_starts_where_hyperscan_says(utf8: bool) -> None:
    rng = random.Random(18 + utf8)
    expressions, ids, _flags = engine._expressions(engine.ALL_RULES, utf8)
    programs = [
        starts.program(x.decode(), engine.ALL_RULES[i].caseless, utf8)
        for x, i in zip(expressions, ids, strict=True)
    ]
    native = None if NATIVE is None else NATIVE.Starts(programs, ids)
    handmade = _handmade()
    modelled = checked = 0
    for index, (expression, rule_index, prog) in enumerate(
        zip(expressions, ids, programs, strict=True)
    ):
        if prog is None:
            continue
        modelled += 1
        som = _som(expression.decode(), engine.ALL_RULES[rule_index].caseless, utf8)
        for text in handmade + _texts(rng, expression.decode(), 40):
            checked += _check(prog, native, index, som, text, utf8)
    assert modelled >= len(expressions) * 0.8
    assert checked > 800


@pytest.mark.parametrize(
    ("expression", "utf8", "alphabet"),
    [
        (r"^ab", False, "ab\n"),
        (r"ab$", False, "ab\n"),
        (r"a(?:\n|$)", False, "ab\n"),
        (r"\bfoo\b", False, "fo _-"),
        (r"o\B.", False, "fo _-"),
        (r"(?:^|[^0-9A-Za-z])\d{3,5}(?:[^0-9]|$)", False, "0123 a-\n"),
        (r"[a-c]+b*c", False, "abcd"),
        (r"(?:ab|b)(?:c|bc)+", False, "abc"),
        (r"(?i:mr|ms)\.? +[A-Z][a-z]+", False, "MmRrSs. Aa"),
        (r"[^\n]*x", False, "ax\n"),
        (r"(?:^|\n)[\x{4e00}-\x{9fff}]{2}[^\n]*(?:\n|$)", True, "张李a\n"),
        (r"[张李][\x{4e00}-\x{9fff}]{1,3}[ \t]*的?(?:手机|电话)", True, "张李王的手机电话 "),
        (r"\s\S\d\D\w\W.", False, " \x0b\x0c\ra1_-\n"),
    ],
)
def test_assertions_and_repeats_as_hyperscan_reads_them(
    expression: str, utf8: bool, alphabet: str
) -> None:
    prog = starts.program(expression, False, utf8)
    assert prog is not None
    native = None if NATIVE is None else NATIVE.Starts([prog], [0])
    som = _som(expression, False, utf8)
    rng = random.Random(7)
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        checked += _check(prog, native, 0, som, text, utf8)
    assert checked > 5


def test_what_it_does_not_model_keeps_som_tracking() -> None:
    assert (
        starts.program("é|口令", True, True) is None
    )  # caseless UTF-8 beyond ASCII: Unicode folding
    assert starts.program("密码|口令", True, True) is not None  # Chinese has no case
    assert starts.program("a(?=b)", False, False) is None
    assert starts.program(r"(a)\1", False, False) is None
    assert starts.program("a" * (starts.MAX_POSITIONS + 1), False, False) is None
    assert starts.program("password", True, False) is not None  # caseless ASCII is modelled
    assert starts.program(r"(?:\n|$)x?", False, False) is None  # matches nothing: rejected


SAMPLE_RULES = (
    "card",
    "mobile",
    "email",
    "field_key",
    "latin_name",
    "en_address",
    "signature",
    "chat_line",
    "zh_owner",
    "addressed",
    "text_table_zh",
    "zh_address",
    "dob",
    "passport",
    "field_label",
    "zh_in_english",
)


def test_a_detector_finds_the_candidates_som_tracking_gives() -> None:
    """The candidates (rule, start) -> end of the engine, on the hand-made sets, against
    those of databases compiled with SOM tracking for every expression, as the engine was
    before (rules of every kind: bounded and unbounded, ASCII and UTF-8, some kept with
    SOM tracking)."""
    rules = tuple(r for r in engine.ALL_RULES if r.name in SAMPLE_RULES)
    detector = Detector(rules)
    som = {}
    for utf8 in (False, True):
        expressions, ids, flags = engine._expressions(rules, utf8)
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        db.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
        som[utf8] = db
    compared = 0
    for text in _handmade():
        want = _som_candidates(som, text)
        assert detector._candidates(text) == want, text
        compared += len(want)
    assert compared > 500


def _som_candidates(som: dict[bool, Any], text: str) -> dict[tuple[int, int], int]:
    """(rule, start) -> last end as the engine collected them with SOM tracking."""
    want: dict[tuple[int, int], int] = {}

    def on_ascii(rule: int, start: int, end: int, _flags: int, _context: Any) -> None:
        want[rule, start] = end

    som[False].scan(text.encode("ascii", "replace"), match_event_handler=on_ascii)
    if text.isascii():
        return want
    chars = {len(text[:i].encode()): i for i in range(len(text) + 1)}

    def on_utf8(rule: int, start: int, end: int, _flags: int, _context: Any) -> None:
        want[rule, chars[start]] = chars[end]

    som[True].scan(text.encode(), match_event_handler=on_utf8)
    return want


def test_caseless_utf8_folds_ascii_letters_as_hyperscan_does() -> None:
    """Every code point Hyperscan's caseless UTF-8 mode matches with an ASCII letter is the
    letter's other case, the Kelvin sign (k) or the long s (s): what starts._folded adds."""
    points = [c for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    data = "".join(map(chr, points)).encode()
    at = {}
    offset = 0
    for c in points:
        at[offset] = c
        offset += len(chr(c).encode())
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = {at[s] for s, _e in _som(letter, True, True)(data)}
        assert found == {"k": {0x212A}, "s": {0x17F}}.get(letter, set()), letter


@pytest.mark.parametrize(
    "expression",
    [r"ks", r"[a-z]{2,4}[ \t]*(?:口令|密码)", r"(?:mr|ms)\.? +[张李][\x{4e00}-\x{9fff}]", r"[^k]s"],
)
def test_caseless_utf8_expressions_start_where_hyperscan_says(expression: str) -> None:
    prog = starts.program(expression, True, True)
    assert prog is not None
    native = None if NATIVE is None else NATIVE.Starts([prog], [0])
    som = _som(expression, True, True)
    rng = random.Random(11)
    pieces = [
        "mr 张王",
        "M\u017f. 李",
        "k",
        "K",
        "s",
        "S",
        "\u212a",
        "\u017f",
        "mr",
        "MS",
        "m\u017f",
        "Mr.",
        " ",
        "\t",
        "张",
        "李",
        "王",
        "口令",
        "密码",
        "ab",
        "x",
    ]
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        checked += _check(prog, native, 0, som, text, True)
    assert checked > 5
