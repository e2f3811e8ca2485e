"""A job title on a signature's title line: `通信技术工程师 | 天开传媒有限公司`, `业务跟单经理 |
太极网络有限公司`, `售前/售后技术支持主管 | …`, `漆工 | 和泰科技有限公司`.

A mail signature writes the sender's title and company on one line, a bar between them. The
title ends in a role word (工程师, 经理, 主管, 医生, 工 …) that the title rules read as the
end of a name (王伟经理, 杜工), and the characters before it are often a surname's and a given
name's (通信技术工程师: 信技术; 公关经理: 公关; 跟单经理: 单). On such a line the words before
the bar are the title, claimed whole as fields.NOT_PERSONAL, unless they are a person's
(王伟经理 | …, 王经理 | …: a name read as the whole head before the role word).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import COMPOUND_SURNAMES, GIVEN_CHARS, SINGLE_SURNAMES
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.vocabulary import NOT_PERSONAL

ROLE_ENDS = (
    "工程师|总经理|经理|主管|总监|专员|主任|医生|医师|护士|顾问|助理|代表|总裁|会计|出纳|秘书|"
    "编辑|翻译|教师|司机|设计师|技术员|操作员|文员|工"
)
# The role word, then the bar of a title line.
ROLE_BAR = re.compile(rf"(?:{ROLE_ENDS})(?:[（(][^）)\r\n]{{1,20}}[）)])?[ \t]*[|｜]")
# The company after the bar: the line ends in its legal form or kind.
COMPANY = re.compile(
    r"[ \t]*[^\r\n|｜]{2,40}?(?:有限公司|公司|集团|厂|事务所|研究院|研究所|银行|医院|学校|大学|"
    r"Ltd\.?|Limited|Inc\.?|LLC|GmbH|Co\.)[ \t]*\r?(?:\n|$)"
)
_HEAD = re.compile(r"[ \t]*(?P<h>[^\r\n|｜]{1,30}?)[ \t]*$")


def _named(head: str) -> bool:
    """Whether the words before the role word are a surname, or a surname and one or two
    characters common in given names (王, 欧阳, 王伟, 欧阳娜娜)."""
    if not head or not "\u4e00" <= head[0] <= "\u9fff":
        return False
    surname = 2 if head[:2] in COMPOUND_SURNAMES else 1 if head[0] in SINGLE_SURNAMES else 0
    given = head[surname:]
    return surname > 0 and len(given) <= 2 and all(c in GIVEN_CHARS for c in given)


def _title(m: re.Match[str], text: str) -> Hit | None:
    bar = m.end()
    if COMPANY.match(text, bar) is None:
        return None
    line = text.rfind("\n", 0, m.start()) + 1
    head = _HEAD.match(text, line, m.start())
    if head is None:
        return None
    start = head.start("h")
    words = text[start : m.start()]
    role = re.match(ROLE_ENDS, text[m.start() :])
    if role is None:
        return None
    if role.group() != "工" and "/" not in words and _named(words):
        return None  # 王经理 | …, 王伟经理 | …: the person is named
    end = m.start() + role.end()
    return Hit(NOT_PERSONAL, start, end, text[start:end], 2.0, Validator.FORMAT)


RULES = (Rule("title_line", (), ROLE_BAR, _title, utf8=(ROLE_BAR.pattern,)),)
