"""The Chinese field labels written in C (issue 18, sixth pass on speed: _labels.c) answer
exactly as their Python (`context._field_zh`): the label a run of Chinese characters begins
with, its meaning, the words before it that exclude it (登录账号, 身份证编号), a gloss after
it (姓名 Name：, 出生日期（公历）：), a name written straight after it (姓名张伟电话), and the
separator and value as after an English key.

Texts are random soups of labels of every meaning, the words that exclude them, glosses and
near misses of them, separators, quotes, Chinese and Latin names with what may follow them,
dates, numbers and JSON escapes; every position of every text is compared.
"""

from __future__ import annotations

import random

import pytest

from piiguard.scanner.detectors import fields, vocabulary
from piiguard.scanner.detectors.engine import ALL_RULES
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.native import FAST, NATIVE

pytestmark = [
    pytest.mark.req("R2.7"),
    pytest.mark.skipif(NATIVE is None, reason="the compiled fast paths are not built"),
]

RULE = next(rule for rule in ALL_RULES if rule.name == "field_label")

_LABELS = [label for label in vocabulary.ZH_LABELS if "\u4e00" <= label[0] <= "\u9fff"]
_BEFORE = ["登录", "用户", "身份证", "银行", "护照", "客户", "售后", "的", "QQ", "社保", "x"]
_GLOSSES = [
    " Name",
    " Date of Birth",
    "  Name ",
    " N" + "a" * 31,
    " Name's/No.",
    "（公历）",
    "(公历)",
    "(" + "长" * 8 + ")",
    "(" + "长" * 9 + ")",
    "()",
    "(a\n)",
    "（x",
]
_SEPARATORS = [
    ":",
    "：",
    "=",
    " ",
    "  ",
    "\t",
    " \t",
    "：\t",
    "**:",
    "】",
    '"',
    "…",
    "...",
    "->",
    "",
]
_VALUES = [
    "张伟",
    "欧阳娜娜",
    "王先生",
    "张伟电话13812345678",
    "张伟将",
    "张伟明天",
    "张伟周三",
    "孙桂英已致电",
    "顾问钱美玲",
    "罗敏雪与戴燕",
    "买买提·艾力",
    "的",
    "Sarah Duan",
    "Sarah Duan (QA)",
    "1990-01-02",
    "1974年10月23日",
    "G14682716",
    "6222 0212 3456 7890",
    "6759 5116 3723",
    "123-45-6789",
    "GB82WEST12345698765432",
    "13812345678",
    "ABC-123",
    "22.9779,112.7666",
    "s3cr3t!Pass",
    '"\\u5f20\\u4f1f"',
    '"张伟"',
    '{"$date": "2020-01-01"}',
    "[1, 2]",
    "，",
    "。",
    "\n",
    "\r\n",
    " ",
    "",
]


def _soup(r: random.Random) -> str:
    parts = []
    for _ in range(r.randint(1, 8)):
        x = r.random()
        if x < 0.1:
            parts.append(r.choice(_BEFORE))
        if x < 0.45:
            parts.append(r.choice(_LABELS))
            if r.random() < 0.2:
                parts.append(r.choice(_GLOSSES))
            parts.append(r.choice(_SEPARATORS))
        else:
            parts.append(r.choice(_VALUES))
    return "".join(parts)


def _reference(text: str, pos: int) -> object:
    m = RULE.pattern.match(text, pos)
    return False if m is None else RULE.check(m, text)


def _as_check(got: object) -> object:
    """A fast path's list of none or one hit as the check's answer."""
    if isinstance(got, list):
        assert len(got) <= 1
        return got[0] if got else None
    return got


def test_field_labels_read_as_the_python_rule_at_every_position() -> None:
    r = random.Random("field_label")
    compared = deferred = claimed = 0
    for _ in range(12000):
        text = _soup(r)
        for pos in range(len(text) + 1):
            expected = _reference(text, pos)  # first: fills the label cache
            got = FAST["field_label"](text, pos, False)
            if got is NotImplemented:
                deferred += 1
                continue
            compared += 1
            got = _as_check(got)
            assert got == expected, (text, pos)
            if expected:
                claimed += 1
                assert type(got) is Hit
    # the soups do reach values (a password label's are handed back: context.py reads a
    # password's & in Python)
    # (the soup draws from vocabulary.ZH_LABELS: each new label moves the count a little)
    assert claimed > 2200, claimed
    assert deferred < compared / 5, (deferred, compared)


def test_a_label_not_classified_yet_is_handed_back() -> None:
    assert NATIVE is not None
    text = "姓名：张伟"
    vocabulary._KNOWN.pop("姓名", None)
    assert NATIVE.field_label(text, 0) is NotImplemented
    assert _reference(text, 0) == _as_check(NATIVE.field_label(text, 0))  # now known


def test_json_escapes_are_handed_back_after_a_label_and_a_key() -> None:
    assert NATIVE is not None
    label = '{"姓名": "\\u5f20\\u4f1f"}'
    _reference(label, 2)
    assert NATIVE.field_label(label, 2) is NotImplemented
    key = '{"customer_name": "\\u5f20\\u4f1f"}'
    vocabulary.meaning_of("customer_name")
    assert NATIVE.field_key(key, key.index("name")) is NotImplemented


def test_configure_labels_refuses_what_it_cannot_use() -> None:
    assert NATIVE is not None
    good: dict[str, object] = {
        "by_start": {},
        "known": {},
        "excluding": {},
        "names": frozenset(),
        "person": "person_name",
        "context": None,
        "follow_words": [],
        "follow_chars": "",
    }
    with pytest.raises(TypeError):
        NATIVE.configure_labels(**(good | {"excluding": {"x": ["a"]}}))
    with pytest.raises(ValueError, match="BMP"):
        NATIVE.configure_labels(**(good | {"follow_chars": "😀"}))


# --- dates of birth (_dates.c: fields.birth_date, the check of a birth-date field's value) --
_DATE_BITS = [
    *"0123456789",
    "19",
    "20",
    "1994",
    "2001",
    "1899",
    "-",
    "/",
    ".",
    " ",
    ",",
    "年",
    "月",
    "日",
    "st",
    "nd",
    "rd",
    "th",
    "Jul",
    "July",
    "jan",
    "SEPT",
    "Sept.",
    "Februaryy",
    "x",
    "٣",
    "１",
    "²",
]


def _date(r: random.Random) -> str:
    """A date in one of the writings _DATE knows, its parts of any size, valid or not."""
    y = r.choice(["1994", "2000", "1899", "2101", "20", "199", "19945"])
    m, d = (str(r.choice([0, 1, 2, 7, 9, 10, 12, 13, 29, 31, 123])) for _ in range(2))
    if r.random() < 0.3:
        m, d = m.zfill(2), d.zfill(2)
    s = r.choice(["-", "/", ".", ""])
    month = r.choice(["Jul", "July", "jan", "SEPT", "Sept.", "Octob", "Xyz", "Februaryyy"])
    th = r.choice(["", "st", "th", "nd"])
    return r.choice(
        [
            f"{y}{s}{m}{s}{d}",
            f"{y}{s}{m}{r.choice(['-', '/', '.'])}{d}",
            f"{y}年{m}月{d}{r.choice(['日', ''])}",
            f"{d}{s}{m}{s}{y}",
            f"{month} {d}{th}{r.choice([',', ''])} {y}",
            f"{d}{th}{r.choice(' -')}{month}{r.choice(['', ',', '.,'])}{r.choice(' -')}{y}",
            f"{y}{r.choice(['年', '.', '-', '/'])}{m}{r.choice(['月', ''])}",
        ]
    )


def test_dates_of_birth_read_as_the_python_check_at_every_position() -> None:
    assert NATIVE is not None
    r = random.Random("birth_date")
    compared = deferred = found = 0
    for _ in range(30_000):
        value = "".join(
            _date(r) if r.random() < 0.3 else r.choice(_DATE_BITS) for _ in range(r.randint(1, 8))
        )
        for pos in range(len(value) + 1):
            got = NATIVE.birth_date(value, pos)
            if got is NotImplemented:
                deferred += 1
                continue
            expected = fields.birth_date(value, pos)
            assert got == expected, (value, pos)
            compared += 1
            found += expected is not None
    assert found > 4000, found
    assert deferred < compared / 10
