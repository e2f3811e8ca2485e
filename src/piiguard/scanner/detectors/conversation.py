"""Names where people talk: chat speakers (`[09:12] 孙桂英：…`, `Sarah Duan: …`),
greetings with a first name alone (`Hi Sarah,`) or a Chinese name (`孙桂英，您好`),
@-mentions (`@卫阳`), and the recipients of a mail header (`To: Sun, Guiying; Li Hua`,
`抄送：王秀英；卫阳`), with or without their addresses.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import COMPOUND_SURNAMES, LOG_LEVELS, SINGLE_SURNAMES
from piiguard.scanner.detectors.records import recipients
from piiguard.scanner.detectors.records.recipients import whole_name as _whole_name
from piiguard.scanner.detectors.records.signature import (
    CLOSING,
    CLOSING_EN,
    CLOSING_ZH,
    SIG_DASHES,
    signature,
)
from piiguard.scanner.detectors.rule import Rule

CONTEXT = Validator.CONTEXT
_CJK = "\u4e00-\u9fff"
_CJK_HS = r"\x{4e00}-\x{9fff}"


def _name_hit(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, CONTEXT)


# A chat line: a time stamp, a speaker, a colon (without the stamp, "金额：" and "Ship To:"
# read as well as names do). A stamp may end in AM/PM (`[7/22/2025 01:49 AM]`).
_AMPM = r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
# (a date, a comma and the time, as WhatsApp exports: `[01/03/2026, 14:17:11] 罗思琪: …`)
_COMMA_TIME = r"(?:,[ \t]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
_STAMP = rf"[\[(【]?[0-9][0-9:/\-. 年月日T]{{3,24}}{_COMMA_TIME}{_AMPM}[\])】]?[ \t]+"
_LATIN_WHO = r"[A-Z][A-Za-z'\-]+(?:,? [A-Z][A-Za-z'\-]+){1,3}"  # (Ye, Wing Yan; YE Haoran)
SPEAKER = re.compile(rf"(?m)^[ \t]*{_STAMP}(?P<v>[{_CJK}]{{2,4}}|{_LATIN_WHO})[ \t]*[:：]")


# A note's author inside its stamp's brackets (a ticket's or a work log's history:
# `[03-24 15:53 刘宛如] 电话回访`, `[2026-03-24 15:53 Anna Berg] called back`).
AUTHOR = re.compile(
    rf"(?m)^[ \t]*[\[【][0-9][0-9:/\-. 年月日T]{{3,24}}[ \t]+"
    rf"(?P<v>[{_CJK}]{{2,4}}|{_LATIN_WHO})[ \t]*[\]】]"
)


def _speaker(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if value.split()[0].rstrip(",") in LOG_LEVELS or not _whole_name(value):  # (WARN Reset:)
        return None
    return _name_hit(text, m.start("v"), m.end("v"), 0.8)


GREETING = re.compile(
    r"\b(?:Hi|Hello|Hey|Dear)[ ]+(?P<v>[^\s,，!！:<>()][^,，!！:<>()\r\n]{0,40}?)[ ]*"
    r"(?:[,，!！:：]|<|\r?\n)"
)


def _greeting(m: re.Match[str], text: str) -> Hit | None:
    """`Hi Sarah,` — a first name alone after a greeting; and whole names the title rule
    does not read: `Dear Xinchun QIU,`, `Dear Carlos Müller,`, `Dear 谢梓波,`."""
    value = m.group("v")
    if " " not in value and value.lower() in fields.LATIN_STOP:
        return None
    if "\u4e00" <= value[0] <= "\u9fff":
        whole = fields.zh_name(value, strict=True) == (0, len(value))
    else:
        whole = fields.latin_name(value, single=True) == (0, len(value))
    if not whole:
        return None
    return _name_hit(text, m.start("v"), m.end("v"), 0.7 if " " not in value else 0.8)


# (a title between the name and the greeting: 谢健诗 经理您好, 王伟总监，你好)
_ZH_TITLES = "经理|总监|主任|老师|工程师|主管|总|先生|女士|小姐|师傅"
# greetings, and the courtesies a mail opens with (张伟，辛苦了。 / Sharma，请确认。)
# (and the name before a greeting to all: 侯杰，各位好： / 侯杰，大家好)
COURTESY = "您好|你好|各位好|大家好|辛苦了|请确认|收到请回复|请查收|请知悉|早上好|下午好|晚上好"
ZH_GREETING = re.compile(
    rf"(?P<v>[{_CJK}]{{2,4}}?)(?:[ \t]?(?:{_ZH_TITLES}))?[，,：: ]?(?:{COURTESY})"
)


def _zh_greeting(m: re.Match[str], text: str) -> Hit | None:
    """`孙桂英，您好` / `卫阳你好`: a run of Chinese characters that is a name, whole."""
    start, end = m.span("v")
    if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        return None  # the run began earlier: part of a longer phrase
    for stop in range(end, start + 1, -1):  # 王伟总您好: the name before the title
        if _whole_name(text[start:stop]) and (stop == end or text[stop:end] in _ZH_TITLES):
            return _name_hit(text, start, stop, 0.8)
    return None


# (Not after ",": in a CSV row the cell before a number is the previous column's.)
# A name begins with a surname: the expressions start there (few runs before a number do).
STARTS = "".join(sorted(set(SINGLE_SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}))
BESIDE_PHONE = re.compile(
    rf"(?P<v>[{STARTS}][{_CJK}]{{1,3}})[，：: _]?(?:(?:[（(]\+?|\+)?\d[\d \-]{{6}}|\(\+)"
)


def _beside_phone(m: re.Match[str], text: str) -> Hit | None:
    """`孙桂英，13812345678`, `陆倩伟 (4113…)`, `蔡宇_5226….pdf`: a name given with a number
    (a phone, an ID, perhaps in brackets or joined in a file name), the end of a run of
    Chinese."""
    end = m.end("v")
    for size in (3, 2, 4):
        start = end - size
        if start >= m.start("v") and _whole_name(text[start:end]):
            return _name_hit(text, start, end, 0.75)
    return None


# A line of a ticket or a work log that begins with who did it, then what they did:
# `戴俊娟到场检查后更换风扇电机`, `方军已联系客户`, `- 欧阳波钰负责跟进`.
_ACTS = (
    "到场|到达|上门|已|将|正在|负责|前往|联系|致电|回复|确认|表示|反馈|答复|签字|签收|核实|"
    "检查|处理|更换|维修|安装|调试|跟进|接手|完成|电话联系|电话回访|也来|也到"
)
# a bullet or a step's number, then perhaps the day of the step (`1. 8/4 曹洋电话联系客户`)
_BULLET = r"[ \t]*(?:[-*•][ \t]+|\d{1,2}[.、][ \t]*)?(?:\d{1,2}/\d{1,2}[ \t]+)?"
LINE_START = re.compile(rf"{_BULLET}(?P<v>[{STARTS}][{_CJK}]{{1,3}}?)(?={_ACTS})")


def _line_start(m: re.Match[str], text: str) -> Hit | None:
    start, end = m.span("v")
    return _name_hit(text, start, end, 0.75) if _whole_name(text[start:end]) else None


MENTION = re.compile(rf"@(?P<v>[{_CJK}]{{2,4}})")


def _mention(m: re.Match[str], text: str) -> Hit | None:
    start = m.start("v")
    for end in range(m.end("v"), start + 1, -1):
        if _whole_name(text[start:end]):
            return _name_hit(text, start, end, 0.75)
    return None


# A chat export's message header on a line of its own (WeChat, WeCom, DingTalk, Teams, live
# chat): `2024/05/20 20:31:12 王海涛`, `马建国 2024-06-12 09:12:05`, `司马振宇（采购） 06-03
# 14:22`, `[14:02] Aoife Ní Bhriain: …`, `Anna Berg, 9:41 AM` — a stamp, a name, a role.
_LINE_STAMP = rf"[\[(【]?\d[\d:/\-. 年月日T]{{3,24}}{_AMPM}[\])】]?"
_ROLE = r"(?:[ \t]*[（(](?P<{}>[^）)\r\n]{{1,24}})[)）])?"
_WHO = r"[^\s:：（(\[\]【】<>@0-9][^:：（(\[\]【】<>@\r\n\t]{0,40}?"
CHAT_LINE = re.compile(
    rf"[ \t]*(?:[-*•][ \t]+)?(?:{_LINE_STAMP}[ \t]+(?P<v>{_WHO}){_ROLE.format('r')}"
    rf"[ \t]*(?:[:：][^\r\n]*)?"
    rf"|(?P<w>{_WHO})(?:@[^\s@:：]{{1,16}})?{_ROLE.format('s')}"  # (吕文杰@某某科技: WeCom)
    rf"(?:,[ \t]*|[ \t]+){_LINE_STAMP}(?:[ \t]+\d[\d:.]{{3,11}})?[ \t]*)\r?$",
    re.MULTILINE,
)


# The name after a team and a dash (WeCom: `售后-夏军良`, `Sales - Anna Li`), or before it
# (DingTalk: `张伟-销售部`, `Anna Li-QA`).
_TEAM_DASH = re.compile(r"[^\s\-－—_]{1,12}[ \t]*[\-－—_][ \t]*")
_DASH_TEAM = re.compile(r"(.+?)[ \t]*[\-－—_][ \t]*[^\s\-－—_]{1,12}")


def _chat_line(m: re.Match[str], text: str) -> list[Hit]:
    out = []
    nickname = m.group("r") is not None and _whole_name(m.group("r").strip())  # 阿强(徐雪国)
    for group in ("v", "r", "w", "s"):  # the speaker, or the name in brackets after a role
        if m.group(group) is None or (group == "v" and nickname):  # (Visitor (Hannah Clarke))
            continue
        value = m.group(group).strip()
        if not value or len(value.split()) > 4 or value.split()[0] in LOG_LEVELS:
            continue
        if not _whole_name(value):
            team, before = _TEAM_DASH.match(value), _DASH_TEAM.fullmatch(value)
            value = value[team.end() :] if team is not None else value
            if before is not None and not _whole_name(value) and _whole_name(before[1]):
                value = before[1]
            if not value:
                continue
        if _whole_name(value) or ("·" in value and _dotted(value)):
            start = text.index(value, m.start(group))
            out.append(_name_hit(text, start, start + len(value), 0.8))
    return out


def _dotted(value: str) -> bool:
    return fields.zh_name(value) == (0, len(value))


# "Dear Mr. van der Heyden": a title, then a family name with its particles.
TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?[ ]+(?=(?:van|von|de|du|da|di|del|della|le|la|ter)[ ])"
)


def _titled(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.end(), single=True)
    return None if span is None else _name_hit(text, *span, 0.8)


PAREN_NAME = re.compile(
    r"[\u4e00-\u9fff][ \t]?[（(](?P<v>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){1,2})[)）]"
)


def _paren_name(m: re.Match[str], text: str) -> Hit | None:
    """闭宁（Xiulan Yin）, 陈大文 (CHAN Tai Man): a Latin name in brackets after a Chinese one
    (not a role or a team's words: 张伟（Sales Dept Head）)."""
    latin, blank = m.group("v"), m.group()[1] in " \t"
    if fields.latin_name(latin, single=False) != (0, len(latin)):
        return None
    if (blank or latin.count(" ") + latin.count("-") > 1) and not fields.romanised(latin):
        return None  # (飞利浦 (Philips Hue Go): a brand, not the name's writing)
    end = m.start() + 1
    start = end
    while start > end - 4 and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    for lo in range(start, end - 1):
        if fields.zh_name(text[lo:end]) == (0, end - lo):
            v = m.start("v")
            return Hit("person_name", v, m.end("v"), m.group("v"), 0.85, CONTEXT)
    return None


# A Latin name of one to four words (accents are "?" in the ASCII shadow).
LATIN_HS = r"[A-Z][A-Za-z?'.\-]*(?:,? [A-Z?][A-Za-z?'.\-]*){0,3}"
_STAMP_HS = rf"[\[(]?[0-9][0-9:/\-. T]{{3,24}}{_AMPM}[\])]?[ \t]+"
# Not ASCII, general punctuation, CJK punctuation (but 】), ideographs, full-width signs
_NOT_ENDER = (
    r"[^\x00-\x7f\x{2000}-\x{206f}\x{3000}-\x{3010}\x{3012}-\x{303f}\x{4e00}-\x{9fff}"
    r"\x{ff01}-\x{ff0f}\x{ff1a}-\x{ffef}]"
)
_STAMP_UTF8 = rf"[\[(【]?[0-9][0-9:/\-. 年月日T]{{3,24}}{_AMPM}[\])】]?[ \t]+"
_SPEAKER_STAMP_HS = rf"[\[(]?[0-9][0-9:/\-. T]{{3,24}}{_COMMA_TIME}{_AMPM}[\])]?[ \t]+"
_SPEAKER_STAMP_UTF8 = rf"[\[(【]?[0-9][0-9:/\-. 年月日T]{{3,24}}{_COMMA_TIME}{_AMPM}[\])】]?[ \t]+"
# A Latin name (accents are "?" in the ASCII shadow), perhaps a role in brackets, then the
# stamp of its message (this year's without the year), alone: `Laura García  2024/4/28 03:06`.
_NAME_STAMP_HS = (
    rf"(?:^|\n)[ \t]*[A-Z?]{LATIN_HS[5:]}(?:[ \t]*\([^)\r\n]{{1,24}}\))?"  # (Élodie: ?lodie)
    r"[ \t]+[0-9]{1,4}[\-/.][0-9]{1,2}(?:[\-/.][0-9]{1,4})?[ \t]+[0-9]{1,2}:[0-9]{2}"
)

RULES = (
    Rule(
        "titled",
        (r"(?:Mr|Mrs|Ms|Dr|Prof)\.? +(?:van|von|de|du|da|di|del|le|la|ter) ",),
        TITLED,
        _titled,
    ),
    Rule(
        "chat_line",
        (
            rf"(?:^|\n)[ \t]*(?:[\-*][ \t]+)?{_STAMP_HS}[A-Z?]",  # (Élodie: ?lodie)
            _NAME_STAMP_HS,
            # a Latin name first, then the company (@…) or the department (（…）) and the
            # stamp, as WeCom shows a speaker: `Anna Berg@某某电器  08:23`
            r"(?:^|\n)[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){1,2}(?:@[^\s@:]+|[ \t]*[(?][^\n]*[)?])"
            r"[ \t]+[0-9][0-9:/\-. T]+\r?(?:\n|$)",
            rf"(?:^|\n)[ \t]*{LATIN_HS}, [0-9]{{1,2}}:[0-9]{{2}}{_AMPM}[ \t]*\r?(?:\n|$)",
            # a Latin name, blanks and the time alone (Teams, DingTalk: `Peng Zixuan  2:34 PM`)
            rf"(?:^|\n)[ \t]*{LATIN_HS}[ \t]{{2,}}[0-9]{{1,2}}:[0-9]{{2}}{_AMPM}[ \t]*\r?(?:\n|$)",
        ),
        CHAT_LINE,
        lambda m, text: None,
        utf8=(
            rf"(?:^|\n)[ \t]*{_STAMP_UTF8}[{_CJK_HS}]",
            # a line that begins with its speaker ends with its stamp, so with a character a
            # stamp ends with (before spaces and a CR): not one of the Chinese and general
            # punctuation or ideographs (no decimal digit among them) most lines end with
            rf"(?:^|\n)[{_CJK_HS}]{{2}}[^\n]*"
            rf"(?:[0-9:/\-.T\])年月日Mm]|{_NOT_ENDER})[ \t]*\r?(?:\n|$)",  # (M: AM/PM)
        ),
        lead=True,
        many=_chat_line,
    ),
    Rule(
        "speaker",
        (rf"(?:^|\n)[ \t]*{_SPEAKER_STAMP_HS}{_LATIN_WHO}[ \t]*:",),
        SPEAKER,
        _speaker,
        utf8=(rf"(?:^|\n)[ \t]*{_SPEAKER_STAMP_UTF8}[{_CJK_HS}]{{2,4}}[ \t]*[:：]",),
        lead=True,
    ),
    Rule(
        "author",
        (rf"(?:^|\n)[ \t]*\[[0-9][0-9:/\-. T]{{3,24}}[ \t]+{_LATIN_WHO}[ \t]*\]",),
        AUTHOR,
        _speaker,
        utf8=(
            rf"(?:^|\n)[ \t]*[\[【][0-9][0-9:/\-. 年月日T]{{3,24}}[ \t]+"
            rf"[{_CJK_HS}]{{2,4}}[ \t]*[\]】]",
        ),
        lead=True,
    ),
    Rule("greeting", (r"\b(?:Hi|Hello|Hey|Dear) +[A-Z?]",), GREETING, _greeting),
    Rule(
        "zh_greeting",
        (),
        ZH_GREETING,
        _zh_greeting,
        utf8=(rf"[{_CJK_HS}]{{2,4}}[ \t]?(?:{_ZH_TITLES})?[，,：: ]?(?:{COURTESY})",),
    ),
    Rule(
        "beside_phone",
        (),
        BESIDE_PHONE,
        _beside_phone,
        utf8=(
            rf"[{STARTS}][{_CJK_HS}]{{1,3}}[，：: _]?(?:(?:[（(]\+?|\+)?[0-9][0-9 \-]{{6}}|\(\+)",
        ),
    ),
    Rule(
        "line_start_name",
        (),
        LINE_START,
        _line_start,
        # at a line's start, or a clause's (客户反馈不制冷，王建国已上门检查)
        utf8=(rf"(?:^|\n|[，。；！？]){_BULLET}[{STARTS}][{_CJK_HS}]{{1,3}}(?:{_ACTS})",),
        lead=True,
    ),
    Rule("mention", (), MENTION, _mention, utf8=(rf"@[{_CJK_HS}]{{2}}",)),
    *recipients.RULES,  # (the mail header's and a display name's: records/recipients.py)
    Rule(
        "paren_name",
        (),
        PAREN_NAME,
        _paren_name,
        utf8=(r"[\x{4e00}-\x{9fff}][ \t]?[（(][A-Z][A-Za-z]+[ \-][A-Z]",),
    ),
    Rule(
        "signature",
        (rf"(?:{CLOSING_EN})[,!.]?[ \t]*(?:/[^\n]{{0,12}})?(?:<br ?/?>)?\r?\n",),
        CLOSING,
        lambda m, text: None,
        utf8=(rf"(?:{CLOSING_ZH})[,，!！。.]?[ \t]*\r?\n",),
        many=signature,
    ),
    Rule(
        "sig_dashes",
        (r"(?:^|\n)--[ ]?\r?\n[A-Z]",),
        SIG_DASHES,
        lambda m, text: None,
        utf8=(r"(?:^|\n)--[ ]?\r?\n[\x{4e00}-\x{9fff}]",),
        lead=True,
        many=signature,
    ),
)
