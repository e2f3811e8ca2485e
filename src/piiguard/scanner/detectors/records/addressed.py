"""A person named by surname and title: `王先生`, `李经理`, `杜工说`, `已和张总确认`,
`与司马女士协商` (issue 18, R2.7).

In a ticket, a chat or a mail, a surname with a title is how a customer or a colleague is
named, and with the company's other records it identifies the person (personal data under
PIPL). Three corpora written blind, by three writers, label it so — the surname alone, the
title not — and so does the scanner: the span is the surname (one character or a compound).

A surname character is also the last character of many words (维修师傅: 修 is a surname,
施工, 中国工商银行), so the surname must begin a word: after no Chinese character, or after
one that ends a word which takes a person as its object or stands before a name (和, 与,
跟, 给, 让, 请, 找, 通知, 告知, 联系, 客户, 刚才, 您好, 谢谢 …). The one-character titles
工 and 总 make words of their own (员工, 总部, 总经理's 总 is a title, 总量 is not), so after
them only punctuation, a line's end or a verb of reporting, confirming or coming may follow.
A surname after a familiar prefix (小王, 老陈) is a name as well, where it stands as a
word: after what may come before a name (as above), before punctuation, a line's end or a
verb (小王说, 老陈电话 138…), and not one of the words 小 and 老 make with a surname
character (小时, 老师, 小区, 老公, 小计: 小王子 is refused by what follows).
After a role or family word the surname begins a word too: 客户老公梁先生, 部门主管何女士,
房东陈先生 (梁, 何, 陈).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    ROLE_WORDS,
    SIMPLIFIED_COMPOUNDS,
    SIMPLIFIED_SURNAMES,
    SINGLE_SURNAMES,
    TRADITIONAL_SURNAMES,
)
from piiguard.scanner.detectors.rule import Rule, words_of
from piiguard.scanner.detectors.words import KIN, ends_word

_TITLES = "总经理|总监|总工|工程师|先生|女士|小姐|经理|主管|师傅|主任|老师"
_SHORT = "总|工"  # (only before punctuation or a verb)
# The last character of a word after which a person is named (with 和林经理, 和 is the
# conjunction, not a surname: the surname that follows it is the name).
_BEFORE = frozenset("和与跟同找给让叫请问向对被由把是及等称户才知系排好谢位的电访待告将帮替陪约见")
# What may follow 工 / 总: punctuation, a line's end, or a verb (王工说, 杜工上门, 张总确认).
_AFTER_SHORT = frozenset(
    "说确上的在已也和跟要来去会让反表安电手回您你那这今明过打发看讲问就都又还再请吗呢吧啊"
)
# a role or family word just before the surname (searched with endpos = the surname's start)
_ROLE_BEFORE = re.compile(f"(?:{words_of(tuple(w for w in (*ROLE_WORDS, *KIN) if len(w) > 1))})$")
_COMPOUND = "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
_TRADITIONAL_COMPOUNDS = COMPOUND_SURNAMES[len(SIMPLIFIED_COMPOUNDS) :]
ADDRESSED = re.compile(
    rf"(?P<v>{_COMPOUND}|[{SINGLE_SURNAMES}])(?:(?P<t>{_TITLES})|(?P<short>{_SHORT}))"
)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _addressed(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.span("v")
    if end - start == 2 and ends_word(text, start):  # 老公孙先生: 孙, 公 ends 老公
        again = ADDRESSED.match(text, start + 1)
        return None if again is None else _addressed(again, text)
    if (
        start > 0
        and _is_cjk(text[start - 1])
        and text[start - 1] not in _BEFORE
        and not _ROLE_BEFORE.search(text, max(0, start - 4), start)
    ):
        return None
    if m.group("short") is not None and m.end() < len(text):
        after = text[m.end()]
        if _is_cjk(after) and after not in _AFTER_SHORT:
            return None
    # (0.86: above a longer "name" that a title rule reads across the word before, 和林)
    return Hit("person_name", start, end, m.group("v"), 0.86, Validator.CONTEXT)


# What may follow a familiar name: what may follow 工 and 总, and 收 (收到)
_AFTER_FAMILIAR = _AFTER_SHORT | frozenset("收")
_NOT_FAMILIAR = frozenset("时师区公计米")  # 小时 老师 小区 老公 小计 小米
_NICKNAME = re.compile(r"[(（][\u4e00-\u9fff]{2,4}[)）][ \t]*[:：]")
FAMILIAR = re.compile(rf"[小老](?P<v>[{SINGLE_SURNAMES}])")


def _familiar(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.span("v")
    if m.group("v") in _NOT_FAMILIAR:
        return None
    if m.start() > 0 and _is_cjk(text[m.start() - 1]) and text[m.start() - 1] not in _BEFORE:
        return None
    if end < len(text) and _is_cjk(text[end]) and text[end] not in _AFTER_FAMILIAR:
        return None
    if _NICKNAME.match(text, end):
        return None  # a chat's display name before the real one: 老周(杜永彤)
    return Hit("person_name", start, end, m.group("v"), 0.86, Validator.CONTEXT)


# The name a Chinese mail greets after its 您好 (您好，许华， / 你好，Wenbo Ma： / 您好，Ming, /
# 您好 许华， / 您好许华，), whole: a Chinese name by the character model, a Latin name (a first
# name alone too).
GREETED = re.compile(
    r"(?:您好|你好)[，, \t]*(?P<v>[\u4e00-\u9fff]{2,4}|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})"
    r"[ \t]*[，,：:！!]"
)


def _greeted(m: re.Match[str], text: str) -> Hit | None:
    value, (start, end) = m.group("v"), m.span("v")
    if _is_cjk(value[0]):
        whole = fields.zh_name(value, strict=True) == (0, len(value))
    else:
        whole = value.lower() not in fields.LATIN_STOP and fields.latin_name(value) == (
            0,
            len(value),
        )
    return Hit("person_name", start, end, value, 0.8, Validator.CONTEXT) if whole else None


RULES = (
    Rule(
        "addressed",
        (),
        ADDRESSED,
        _addressed,
        # (the Traditional forms apart: in one class, too large a pattern with SOM tracking)
        utf8=tuple(
            rf"(?:{'|'.join(compounds)}|[{singles}])(?:{_TITLES}|{_SHORT})"
            for compounds, singles in (
                (SIMPLIFIED_COMPOUNDS, SIMPLIFIED_SURNAMES),
                (_TRADITIONAL_COMPOUNDS, TRADITIONAL_SURNAMES),
            )
        ),
    ),
    Rule("familiar", (), FAMILIAR, _familiar, utf8=(rf"[小老][{SINGLE_SURNAMES}]",)),
    Rule("greeted", (), GREETED, _greeted, utf8=(r"(?:您好|你好)[，, \t]*[^，,！!：:\s]",)),
)
