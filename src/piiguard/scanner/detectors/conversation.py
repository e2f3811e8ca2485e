"""Names where people talk: chat speakers (`[09:12] 孙桂英：…`, `Sarah Duan: …`),
greetings with a first name alone (`Hi Sarah,`) or a Chinese name (`孙桂英，您好`),
@-mentions (`@卫阳`), and the recipients of a mail header (`To: Sun, Guiying; Li Hua`,
`抄送：王秀英；卫阳`), with or without their addresses.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import COMPOUND_SURNAMES, SINGLE_SURNAMES
from piiguard.scanner.detectors.rule import Rule

CONTEXT = Validator.CONTEXT
_CJK = "\u4e00-\u9fff"
_CJK_HS = r"\x{4e00}-\x{9fff}"


def _whole_name(value: str, single: bool = False) -> bool:
    """Whether the value is a name, whole (a Chinese one held to the character model)."""
    if not value:
        return False
    if "\u4e00" <= value[0] <= "\u9fff":
        return fields.zh_name(value, strict=True) == (0, len(value))
    return fields.latin_name(value, single=single) == (0, len(value))


def _name_hit(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, CONTEXT)


# A chat line: a time stamp, a speaker, a colon (without the stamp, "金额：" and "Ship To:"
# read as well as names do).
_STAMP = r"[\[(【]?[0-9][0-9:/\-. 年月日T]{3,24}[\])】]?[ \t]+"
SPEAKER = re.compile(
    rf"(?m)^[ \t]*{_STAMP}(?P<v>[{_CJK}]{{2,4}}|[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}})[ \t]*[:：]"
)


def _speaker(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if not _whole_name(value):
        return None
    return _name_hit(text, m.start("v"), m.end("v"), 0.8)


GREETING = re.compile(r"\b(?:Hi|Hello|Hey|Dear)[ ]+(?P<v>[A-Z][a-z]+)[ ]*(?:[,，!！]|\r?\n)")


def _greeting(m: re.Match[str], text: str) -> Hit | None:
    """`Hi Sarah,` — a first name alone after a greeting (two words are latin_name's)."""
    if m.group("v").lower() in fields.LATIN_STOP:
        return None
    return _name_hit(text, m.start("v"), m.end("v"), 0.7)


ZH_GREETING = re.compile(rf"(?P<v>[{_CJK}]{{2,4}})[，,：: ]?(?:您好|你好)")


def _zh_greeting(m: re.Match[str], text: str) -> Hit | None:
    """`孙桂英，您好` / `卫阳你好`: a run of Chinese characters that is a name, whole."""
    start, end = m.span("v")
    if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        return None  # the run began earlier: part of a longer phrase
    return _name_hit(text, start, end, 0.8) if _whole_name(text[start:end]) else None


# (Not after ",": in a CSV row the cell before a number is the previous column's.)
# A name begins with a surname: the expressions start there (few runs before a number do).
_STARTS = "".join(sorted(set(SINGLE_SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}))
BESIDE_PHONE = re.compile(
    rf"(?P<v>[{_STARTS}][{_CJK}]{{1,3}})[，：: ]?(?:(?:[（(]\+?|\+)?\d[\d \-]{{6}}|\(\+)"
)


def _beside_phone(m: re.Match[str], text: str) -> Hit | None:
    """`孙桂英，13812345678`, `陆倩伟 (4113…)`: a name given with a number (a phone, an ID,
    perhaps in brackets), the end of a run of Chinese."""
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
    "检查|处理|更换|维修|安装|调试|跟进|接手|完成"
)
_BULLET = r"[ \t]*(?:[-*•][ \t]+|\d{1,2}[.、][ \t]*)?"
LINE_START = re.compile(rf"{_BULLET}(?P<v>[{_STARTS}][{_CJK}]{{1,3}}?)(?={_ACTS})")


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


# A mail header that names people: its value, to the end of the line.
HEADER = re.compile(
    r"(?im)^[ \t>]*(?:From|To|Cc|Bcc|Reply-To|Sender|Sent by|发件人|收件人|抄送|密送)"
    r"[ \t]*[:：][ \t]*(?P<v>[^\r\n]*)"
)
_ADDRESS = re.compile(r"<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)|\S+@\S+")


def _recipients(m: re.Match[str], text: str) -> list[Hit]:
    value = m.group("v")
    base = m.start("v")
    out = []
    parts = value.split(";") if ";" in value or "；" not in value else value.split("；")
    pos = 0
    for part in parts:
        offset = value.index(part, pos)
        pos = offset + len(part)
        bare = _ADDRESS.sub(lambda a: " " * len(a.group()), part)
        pieces = [bare]
        if ";" not in value and "," in bare:
            commas = [p.strip() for p in bare.split(",")]
            # "Sun, Guiying" is one name written last-first; "A B, C D" are two.
            if not (len(commas) == 2 and all(" " not in p for p in commas)):
                pieces = bare.split(",")
        shift = 0
        for piece in pieces:
            local = bare.index(piece, shift)
            shift = local + len(piece)
            name = piece.strip().strip("\"'")
            if not name or not _whole_name(name):
                continue
            start = base + offset + part.index(name, local)
            out.append(_name_hit(text, start, start + len(name), 0.85))
    return out


# A chat export's message header on a line of its own (WeChat, WeCom, DingTalk, live chat):
# `2024/05/20 20:31:12 王海涛`, `马建国 2024-06-12 09:12:05`, `司马振宇（采购）  06-03 14:22`,
# `[14:02] Aoife Ní Bhriain: …` — a time stamp and a name, perhaps a role in brackets.
_LINE_STAMP = r"[\[(【]?\d[\d:/\-. 年月日T]{3,24}[\])】]?"
_ROLE = r"(?:[ \t]*[（(](?P<{}>[^）)\r\n]{{1,24}})[)）])?"
_WHO = r"[^\s:：（(\[\]【】<>@0-9][^:：（(\[\]【】<>@\r\n\t]{0,40}?"
CHAT_LINE = re.compile(
    rf"[ \t]*(?:[-*•][ \t]+)?(?:{_LINE_STAMP}[ \t]+(?P<v>{_WHO}){_ROLE.format('r')}"
    rf"[ \t]*(?:[:：][^\r\n]*)?"
    rf"|(?P<w>{_WHO}){_ROLE.format('s')}[ \t]+{_LINE_STAMP}(?:[ \t]+\d[\d:.]{{3,11}})?[ \t]*)\r?$",
    re.MULTILINE,
)


def _chat_line(m: re.Match[str], text: str) -> list[Hit]:
    out = []
    for group in ("v", "r", "w", "s"):  # the speaker, or the name in brackets after a role
        if m.group(group) is None:  # (Visitor (Hannah Clarke): …)
            continue
        value = m.group(group).strip()
        if not value or len(value.split()) > 4:
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


_STAMP_HS = r"[\[(]?[0-9][0-9:/\-. T]{3,24}[\])]?[ \t]+"
_STAMP_UTF8 = r"[\[(【]?[0-9][0-9:/\-. 年月日T]{3,24}[\])】]?[ \t]+"

RULES = (
    Rule(
        "titled",
        (r"(?:Mr|Mrs|Ms|Dr|Prof)\.? +(?:van|von|de|du|da|di|del|le|la|ter) ",),
        TITLED,
        _titled,
    ),
    Rule(
        "chat_line",
        (rf"(?:^|\n)[ \t]*(?:[\-*][ \t]+)?{_STAMP_HS}[A-Z]",),
        CHAT_LINE,
        lambda m, text: None,
        utf8=(
            rf"(?:^|\n)[ \t]*{_STAMP_UTF8}[{_CJK_HS}]",
            rf"(?:^|\n)[{_CJK_HS}]{{2}}",
        ),
        lead=True,
        many=_chat_line,
    ),
    Rule(
        "speaker",
        (rf"(?:^|\n)[ \t]*{_STAMP_HS}[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}}[ \t]*:",),
        SPEAKER,
        _speaker,
        utf8=(rf"(?:^|\n)[ \t]*{_STAMP_UTF8}[{_CJK_HS}]{{2,4}}[ \t]*[:：]",),
        lead=True,
    ),
    Rule(
        "greeting",
        (r"\b(?:Hi|Hello|Hey|Dear) +[A-Z][a-z]+ *(?:[,!?]|\r?\n)",),
        GREETING,
        _greeting,
    ),
    Rule(
        "zh_greeting",
        (),
        ZH_GREETING,
        _zh_greeting,
        utf8=(rf"[{_CJK_HS}]{{2,4}}[，,：: ]?(?:您好|你好)",),
    ),
    Rule(
        "beside_phone",
        (),
        BESIDE_PHONE,
        _beside_phone,
        utf8=(
            rf"[{_STARTS}][{_CJK_HS}]{{1,3}}[，：: ]?(?:(?:[（(]\+?|\+)?[0-9][0-9 \-]{{6}}|\(\+)",
        ),
    ),
    Rule(
        "line_start_name",
        (),
        LINE_START,
        _line_start,
        utf8=(rf"(?:^|\n){_BULLET}[{_STARTS}][{_CJK_HS}]{{1,3}}(?:{_ACTS})",),
        lead=True,
    ),
    Rule("mention", (), MENTION, _mention, utf8=(rf"@[{_CJK_HS}]{{2}}",)),
    Rule(
        "mail_header",
        (r"(?:^|\n)[ \t>]*(?:From|To|Cc|Bcc|Reply-To|Sender|Sent by)[ \t]*:",),
        HEADER,
        lambda m, text: None,
        utf8=(r"(?:^|\n)[ \t>]*(?:发件人|收件人|抄送|密送)[ \t]*[:：]",),
        lead=True,
        caseless=True,
        many=_recipients,
    ),
)
