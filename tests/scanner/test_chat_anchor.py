"""The chat-line rule's Hyperscan anchor for lines that begin with two Chinese characters
reports only lines that end as a stamp ends (issue 18, speed): it must still report every
such line the rule's own pattern (conversation.CHAT_LINE) matches, or a speaker would be
missed."""

from __future__ import annotations

import functools
import random
from typing import Any

import pytest

from piiguard.scanner.detectors.conversation import CHAT_LINE, RULES
from piiguard.scanner.detectors.engine import _compile

pytestmark = pytest.mark.req("R2.7")

CHAT = next(r for r in RULES if r.name == "chat_line")
# speakers, roles, stamps in several writings (Unicode digits too), and what lines end with
NAMES = ("王海涛", "司马振宇", "夏军良", "售后-李娜", "客服", "陈")
ROLES = ("", "（采购）", "(售后)", " （客服主管）")
STAMPS = (
    "2024/05/20 20:31:12",
    "06-03 14:22",
    "[14:02]",
    "【09:12】",
    "2024年5月20日",
    "2024.05.20",
    "２０２４-０５-２０",
    "٢٠٢٤/٠٥/٢٠ ١٤:٠٢",
    "12:00 T",
    "(10:30)",
)
TAILS = ("", " ", "\t", "\r", " \r", "。", "：你好", " 已处理。", "-", "…", "”")


@functools.cache
def _database() -> Any:
    """The UTF-8 pass of the chat rule alone, compiled once for all the lines (the same
    database for each; compiling it for every line took ~15 s of CPU)."""
    db = _compile((CHAT,), utf8=True)
    assert db is not None
    return db


def _reported(line: str) -> bool:
    """Whether the UTF-8 pass of the chat rule reports the line's start (its line feed),
    the start found from the reported end as the engine finds it."""
    db = _database()
    text = "x\n" + line + "\nnext"
    found: dict[tuple[int, int], int] = {}
    data = text.encode()
    chars = {len(text[:i].encode()): i for i in range(len(text) + 1)}
    reports = [(chars[e], r, i, x, chars[s]) for e, r, i, x, s in db.reports(data)]
    db.settle(reports, [ord(c) for c in text], found)
    return any(start == 1 for _rule, start in found)


def _lines(r: random.Random) -> list[str]:
    made = []
    for _ in range(1500):
        name, role, stamp = r.choice(NAMES), r.choice(ROLES), r.choice(STAMPS)
        gap = r.choice((" ", "  ", "\t", ""))
        made.append(name + role + gap + stamp + r.choice(TAILS))
        noise = "".join(r.choice("张伟 0１٣:/.-年】。，T)]\r\t") for _ in range(r.randrange(0, 30)))
        made.append(r.choice(NAMES)[:2] + noise)
    return made


def test_every_line_the_pattern_matches_is_reported() -> None:
    matched = 0
    for line in _lines(random.Random(3)):
        if not all("\u4e00" <= c <= "\u9fff" for c in line[:2]) or len(line) < 2:
            continue  # (the lines the anchor is for: two Chinese characters first)
        if CHAT_LINE.match("x\n" + line + "\nnext", 2) is not None:
            matched += 1
            assert _reported(line), line
    assert matched > 500  # the generator makes lines the pattern reads


def test_a_line_of_prose_is_not_reported() -> None:
    assert not _reported("客户反馈设备运行正常，已处理。")
    assert not _reported("请于明天上午到现场检查“风扇”")
    assert _reported("王海涛 2024/05/20 20:31:12")
