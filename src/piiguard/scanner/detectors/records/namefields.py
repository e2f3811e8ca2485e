"""A name field's value written in ways the field rules (context.py) do not read (issue 18,
R2.7).

The person written with the team they belong to: the team first, then a dash, a slash or
a bar (`处理人：售后-陈志强`, `跟进人: 销售部/李婷`, `Owner: Sales - Wang Lei`, `"assignee": "IT |
Li Na"`), or a department's word and a space (`经办：财务部 张敏`, `Handler: Customer Service
Zhang Wei`); and the mirror, the name then its team (`跟进人：李婷/销售部`, `Owner: Wang Lei -
Sales`). The key must be a name field (vocabulary.py), the name held to
the character model (Chinese: strict) or be a Latin name of two words or more, and it must end
the value. The team is not reported: it names a group, not a person.

A Latin name glued to a Chinese name label, with no separator: a bank form's account
holder in Hong Kong romanisation (`户名Chan Jianhua`, `开户名CHAN JIAN HUA`)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.context import key_start_python
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.records.roles import CJK_HI, CJK_LO, name_hit, zh_name_at
from piiguard.scanner.detectors.rule import Rule, words_of
from piiguard.scanner.detectors.vocabulary import ZH_LABELS

# A department's own words: the team may end in one of them and be followed by a space only.
_DEPT_ZH = (
    "部|组|科|处|室|中心|团队|小组|课|班组|事业部|"
    "售后|销售|财务|客服|采购|仓库|仓储|物流|质检|品质|品管|行政|人事|人力|技术|研发|市场|运营|"
    "法务|工程|生产|商务|服务|安装|维修|计划|关务|外贸|内贸|电商"
)
_DEPT_EN = (
    "sales|support|service|services|after-sales|aftersales|after sales|customer service|"
    "customer support|cs|finance|accounts|accounting|purchasing|procurement|logistics|"
    "warehouse|qa|qc|hr|it|ops|operations|marketing|engineering|r&d|legal|admin|"
    "field service|tech support|technical support|helpdesk|help desk|service desk|billing|"
    "shipping|quality|installation|repair|planning|customs|e-commerce|ecommerce"
)
_TEAM_ZH_BLANK = re.compile(rf"[\u4e00-\u9fff]{{0,7}}(?:{_DEPT_ZH})(?=[ \t]+)")
_TEAM_EN_BLANK = re.compile(rf"(?:{_DEPT_EN})(?= )", re.IGNORECASE)
_TEAM_ZH = re.compile(rf"[\u4e00-\u9fff]{{0,7}}(?:{_DEPT_ZH})(?![\u4e00-\u9fff])")
_TEAM_EN = re.compile(rf"(?:{_DEPT_EN})(?![A-Za-z])", re.IGNORECASE)
# A team's words before a dash: a run of Chinese characters, or one to three Latin words.
_TEAM = re.compile(r"[\u4e00-\u9fff]{1,8}|[A-Za-z][A-Za-z&.]*(?:[ \-][A-Za-z][A-Za-z&.]*){0,2}")
# A team in brackets before the name: 【售后】陈志强, [QA] Li Na, (Sales) Wang Lei.
_TEAM_BRACKETED = re.compile(
    r"(?:【[^】\r\n]{1,12}】|\[[^\]\r\n]{1,12}\]|［[^］\r\n]{1,12}］"
    r"|[(（][^)）\r\n]{1,12}[)）])[ \t]*"
)
_DASH = re.compile(r"[ \t]*[-－—–/／|｜_][ \t]*")
_BLANKS = re.compile(r"[ \t]+")
# The value ends after the name: the line, a closing quote, a list's or a clause's sign, a
# bracket, a tab or two spaces, a phone number, the next Chinese label (`户名… 账号 …`).
_END = re.compile(r"[ \t]*(?:$|[\r\n,，;；|｜。、\"'（(])|\t| {2}| \+?\d| [\u4e00-\u9fff]")
# Words of a group's or a place's name, never of a person's (`Sales - North Region`).
_GROUP_WORDS = frozenset(
    {"team", "group", "dept", "department", "office", "center", "centre", "region", "area"}
    | {"branch", "desk", "line", "unit", "shift", "store", "division", "zone", "central"}
    | {"north", "south", "east", "west", "china", "asia", "europe", "global"}
)
_LIST = re.compile(r"[ \t]*[、,，][ \t]*")
_OPEN = re.compile(r"[:：=][ \t]*\"?[ \t]*")


def _key_means_name(text: str, sep: int) -> bool:
    end = sep
    while end > 0 and text[end - 1] in " \t\"'":
        end -= 1
    if end > 0 and CJK_LO <= text[end - 1] <= CJK_HI:
        start = end
        while start > max(0, end - 12) and CJK_LO <= text[start - 1] <= CJK_HI:
            start -= 1
        key = text[start:end]
    else:
        key = text[key_start_python(text, end) : end]
    return bool(key) and fields.meaning_of(key) == fields.NAME


def _span_at(text: str, pos: int) -> tuple[int, int] | None:
    """A name, Chinese or Latin, beginning at pos."""
    if pos >= len(text):
        return None
    if CJK_LO <= text[pos] <= CJK_HI:
        return zh_name_at(text, pos)
    if "A" <= text[pos] <= "Z":
        return _latin(text, pos)
    return None


def _name_at(text: str, pos: int) -> tuple[int, int] | None:
    """A name at pos that ends the value."""
    span = _span_at(text, pos)
    return span if span is not None and _END.match(text, span[1]) else None


def _latin(text: str, pos: int) -> tuple[int, int] | None:
    span = fields.latin_name(text, pos, single=False)
    if span is None or _GROUP_WORDS.intersection(text[span[0] : span[1]].lower().split()):
        return None
    left, comma, right = text[span[0] : span[1]].partition(",")
    if comma and " " in left.strip() and " " in right.strip():  # two names: Li Na, Wang Lei
        return span[0], span[0] + len(left)
    return span


def _team_first(text: str, pos: int) -> tuple[int, int] | None:
    bracketed = _TEAM_BRACKETED.match(text, pos)
    if bracketed is not None:
        return _name_at(text, bracketed.end())
    team = _TEAM.match(text, pos)
    if team is not None:
        dash = _DASH.match(text, team.end())
        if dash is not None:
            return _name_at(text, dash.end())
    for blank_team in (_TEAM_ZH_BLANK, _TEAM_EN_BLANK):
        team = blank_team.match(text, pos)
        if team is not None:
            return _name_at(text, _BLANKS.match(text, team.end()).end())  # type: ignore[union-attr]
    return None


def _name_first(text: str, pos: int) -> tuple[int, int] | None:
    span = _span_at(text, pos)
    dash = None if span is None else _DASH.match(text, span[1])
    if dash is None:
        return None
    team = _TEAM_ZH.match(text, dash.end()) or _TEAM_EN.match(text, dash.end())
    return span if team is not None and _END.match(text, team.end()) else None


def _team_name(m: re.Match[str], text: str) -> list[Hit]:
    if not _key_means_name(text, m.start()):
        return []
    pos = m.end()
    span = _team_first(text, pos) or _name_first(text, pos)
    out: list[Hit] = []
    while span is not None and len(out) < 8:
        out.append(name_hit(text, *span, 0.8))
        # the next of a list (销售部/李婷、王芳, Sales - Li Na, Wang Lei)
        more = _LIST.match(text, span[1])
        span = None if more is None else _name_at(text, more.end())
    return out


_NAME_LABELS = words_of(tuple(w for w in ZH_LABELS if fields.meaning_of(w) == fields.NAME))
GLUED = re.compile(rf"(?:{_NAME_LABELS})(?=[A-Z])")


def _glued(m: re.Match[str], text: str) -> Hit | None:
    span = _latin(text, m.end())
    return None if span is None or not _END.match(text, span[1]) else name_hit(text, *span, 0.8)


_CJK_HS = r"[\x{4e00}-\x{9fff}]"
# the department's words as written: sales, Sales, SALES (the rule's other parts are not
# caseless)
_DEPT_EN_HS = "|".join(
    re.escape(v)
    for w in _DEPT_EN.split("|")
    for v in sorted({w, w.capitalize(), w.title(), w.upper()})
)
_DASH_HS = r"[ \t]*[\-/|_][ \t]*"
_DASH_UTF8 = r"[ \t]*(?:[\-/|_]|－|—|–|／|｜)[ \t]*"
RULES = (
    Rule(
        "team_name",
        (
            # a Latin team and a dash, then a name (? : a Chinese one in the ASCII shadow)
            rf"[:=][ \t]*\"?[ \t]*[A-Za-z][A-Za-z&.]*(?:[ \-][A-Za-z][A-Za-z&.]*){{0,2}}"
            rf"{_DASH_HS}[A-Z?]",
            # a department's word and a space, then a name
            rf"[:=][ \t]*\"?[ \t]*(?:{_DEPT_EN_HS})[ \t]+[A-Z?]",
            r"[:=][ \t]*\"?[ \t]*[\[(][^\r\n\])]{1,12}[\])][ \t]*[A-Z?]",  # [QA] Li Na
        ),
        _OPEN,
        lambda m, text: None,
        utf8=(
            rf"(?:[:=]|：)[ \t]*\"?[ \t]*(?:{_CJK_HS}{{1,8}}|[A-Za-z][A-Za-z &.\-]{{0,24}})"
            rf"(?:{_DASH_UTF8}|[ \t]+)(?:{_CJK_HS}|[A-Z])",
            # a team in brackets: 【售后】陈志强, ［QA］Li Na, （销售部）李婷
            r"(?:[:=]|：)[ \t]*\"?[ \t]*(?:【|［|（|\[|\()[^\r\n]{1,12}?(?:】|］|）|\]|\))[ \t]*"
            rf"(?:{_CJK_HS}|[A-Z])",
        ),
        many=_team_name,
    ),
    Rule("label_glued_latin", (), GLUED, _glued, utf8=(rf"(?:{_NAME_LABELS})[A-Z]",)),
)
