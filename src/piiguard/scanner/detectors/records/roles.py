"""Names by their surroundings (moved from context.py, whose RULES list this rule where it
stood): a Chinese or Latin name after a role or family word (工程师卫阳, 质量主管Elena Rossi,
我老公…), and where a Chinese name ends — the text's end, the run's, or a word that follows
names (电话, 先生, 将, 明天 …); the field rules of context.py read names with it too."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    NOT_NAMES_ZH,
    ROLE_WORDS,
    SINGLE_SURNAMES,
)
from piiguard.scanner.detectors.names import GIVEN_CHARS as GIVEN
from piiguard.scanner.detectors.rule import Rule, words_of
from piiguard.scanner.detectors.words import FOLLOW_WORDS, KIN

CONTEXT = Validator.CONTEXT
# The characters a name can begin with: a surname's first.
SURNAME_STARTS = frozenset(SINGLE_SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}
CJK_LO, CJK_HI = "\u4e00", "\u9fff"


def name_hit(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, CONTEXT)


# --- names by their surroundings ----------------------------------------------------------
# Family words take a person too (我老公…昨天打过电话, 家属…): as role words.
# ... and the verbs that hand a thing to a person (把资料转给 鞠敏 了, 已交给王建国): as role words.
HANDED = ("转给", "交给", "发给", "转交", "转交给", "递给", "转发给", "移交给", "交接给")
_ROLES = (*ROLE_WORDS, *KIN, *HANDED)
ROLE = re.compile(f"(?:{words_of(_ROLES)})" + r"[:：]?[ \t]?")  # (the colon after any word)
# Words after a name: words.FOLLOW_WORDS and the first characters of the verbs that follow a
# name in a ticket (跟进, 负责, 处理, 联系, 回复, 确认, 反映, 接待, 上门, 通知 …).
FOLLOW_CHARS = (
    "将已正会来去到上下与和及向为把被让在给对从跟负处联回确反接通告核协陪带说称检查"
    # (改约, 要求, 希望, 三次上门: a verb or a count after the name; 明天上门: a day)
    "改要希预约请等一两二三四五六七八九几多"
    # (打电话, 沟通, 提出, 咨询, 同意, 签字, 拒收, 退货, 购买, 订购, 付款, 报修, 致电, 寄回)
    "打沟提咨同签拒退购买订付报致再也又还都认寄换了"
)
DAYS = "明天 明日 今天 今日 昨天 后天 当天 周一 周二 周三 周四 周五 周六 周日".split()  # noqa: SIM905
_FOLLOW = re.compile(f"{words_of(FOLLOW_WORDS)}|[{FOLLOW_CHARS}]|{'|'.join(DAYS)}")


def zh_name_at(text: str, pos: int) -> tuple[int, int] | None:
    """A Chinese name at `pos` that ends where the text, the run of Chinese characters or a
    word that follows names (电话, 先生, 将 …) begins."""
    span = fields.zh_name(text, pos, min(len(text), pos + 5), strict=True)
    start, end = span if span is not None else (pos, min(len(text), pos + 4))
    for stop in range(end, start + 1, -1):
        if (
            stop == len(text) or not CJK_LO <= text[stop] <= CJK_HI or _FOLLOW.match(text, stop)
        ) and fields.zh_name(text[start:stop], strict=True) == (0, stop - start):
            return start, stop
    return None


_AND = frozenset("与和及、")  # 工程师罗敏雪与戴燕: a second name joined to the first


def _zh_name_role(m: re.Match[str], text: str) -> list[Hit]:
    if "A" <= text[m.end() : m.end() + 1] <= "Z":  # 质量主管Elena Rossi
        span = fields.latin_name(text, m.end(), single=False)
        return [] if span is None else [name_hit(text, *span, 0.8)]
    out: list[Hit] = []
    pos = m.end()
    while len(out) < 4 and text[pos : pos + 1] in SURNAME_STARTS:
        span = zh_name_at(text, pos)  # (most role words are followed by anything else)
        if span is None:
            break
        out.append(name_hit(text, *span, 0.8))
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
                out.append(name_hit(text, pos, stop, 0.8))
                return out
    return out


RULES = (
    Rule(
        "zh_name_role",
        (),
        ROLE,
        lambda m, text: None,
        utf8=(words_of(_ROLES),),
        many=_zh_name_role,
    ),
)
