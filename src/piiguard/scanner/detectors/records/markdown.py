"""A field written as a Markdown form, as DingTalk's and Feishu's approval cards and many
wiki pages export: the label in bold on its own line, the value on the next line that holds
text (`**申请人**⏎⏎陈燕倩`, `**审批人**⏎⏎于倩 已同意`, `**护照号（出境用）**⏎⏎E2…`). The
label is read as any field's name (fields.meaning_of; a bracketed qualifier after it set
aside), and the value held to what that field holds, from the line's start (R2.7)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.rule import Rule

BOLD_LABEL = re.compile(
    r"\*\*(?P<k>[^*\r\n]{1,30})\*\*[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?P<v>[^\s*][^\r\n]*)"
)
_QUALIFIER = re.compile(r"[ \t]*[（(][^（()）]{1,12}[）)][ \t]*$")


def _bold_label(m: re.Match[str], text: str) -> Hit | None:
    meaning = fields.meaning_of(_QUALIFIER.sub("", m.group("k").strip(" \t：:")))
    if meaning is None:
        return None
    found = fields.field_hit(meaning, m.group("v"), 0)
    if found is None or found.start != 0:
        return None
    start = m.start("v")
    return found._replace(start=start, end=start + found.end)


RULES = (
    Rule(
        "markdown_bold_label",
        (r"\*\*[^*\r\n]{1,30}\*\*[ \t]*\r?\n",),
        BOLD_LABEL,
        _bold_label,
    ),
)
