"""A name written again: once a text names a person where its layout says so (a signature, a
greeting, a form's name field, a mail header), the same name elsewhere in the same text is the
same person — `您好 许华，` at the top of a mail whose signature says `许华`, a ticket that
names `Wang Lei` in its header and again in its notes. Only names that cannot be ordinary
words are carried: Chinese names of two to four characters, Latin names of two or more
capitalised words; a single first name (`Mark`, `Will`) is not."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.values.persons import zh_company

_ZH = re.compile(r"[\u4e00-\u9fff]{2,4}")
_LATIN = re.compile(r"[A-Z][a-zà-ÿ'’\-]+(?: [A-Z][A-Za-zà-ÿ'’\-]+){1,3}")
# After a two-character name, a character that can only begin another word of the sentence
# (so `王芳说`, `王芳的`, `王芳，` are 王芳; `王芳芳`, `王芳华` are someone else).
_AFTER_ZH = frozenset(
    "的了是在有与及和或就都把被让向从对给到说讲问答回会能要也还这那已将去来请您你我他她"
    "先女小经总工主老师同客反表称确处跟负联电手邮地发收寄签已未再又并即均"
)
# A business's word after the name, the trade perhaps between (王建国五金厂, 陈记茶餐厅).
_BUSINESS = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:厂|店|铺|馆|坊|公司|集团|工作室)")
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@")
_MOST = 64  # a text naming more people is a table or a log: its fields carry each one


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _free(text: str, start: int, end: int, value: str, starts: list[int], reach: list[int]) -> bool:
    """Whether the name at text[start:end] stands on its own and nothing was found there."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if _is_han(value[0]):
        if len(value) == 2 and _is_han(after) and after not in _AFTER_ZH:
            return False
        if zh_company(text, start, end) or _BUSINESS.match(text, end):
            return False  # 王建国厂, 王建国五金厂: a business's name
    elif before in _WORD or after in _WORD:
        return False
    i = bisect_left(starts, end)  # the hits that begin before this one ends
    return not (i and reach[i - 1] > start)


def with_echoes(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` (in order of their starts) and, in order among them, the other places `text`
    writes a name one of them found where nothing else was found."""
    named = {
        h.start: h.value
        for h in hits
        if h.type == "person_name" and (_ZH.fullmatch(h.value) or _LATIN.fullmatch(h.value))
    }
    names = set(named.values())
    if not names or len(names) > _MOST:
        return hits
    starts: list[int] = []
    reach: list[int] = []
    out: list[Hit] = []
    for value in sorted(names, key=len, reverse=True):
        start = text.find(value)
        while start >= 0:
            end = start + len(value)
            if named.get(start) != value:  # not where it was found: an echo, if free
                if not starts:  # made once, only for a text that writes a name again
                    starts = [h.start for h in hits]
                    reach = list(accumulate((h.end for h in hits), max))
                if _free(text, start, end, value, starts, reach):
                    out.append(Hit("person_name", start, end, value, 0.8, Validator.CONTEXT))
            start = text.find(value, end)
    if not out:
        return hits
    out.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for h in out:  # a shorter name inside a longer one's echo is not another
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    return sorted(hits + kept, key=lambda h: h.start)
