"""The speakers of chat exports that conversation.py's stamps do not read, and a chat's title.

- WhatsApp on Android writes `12/3/25, 9:00 - Li Min: …` (a dash between the stamp and the
  speaker; on iOS `[12/3/25, 09:00:00] Li Min: …`, which conversation.SPEAKER reads);
- Telegram Desktop copies messages as `Li Min, [19.07.2026 09:29]` on a line of its own, the
  message below;
- a chat's title names the other party: WeChat's `与李敏的聊天记录` (and `李敏和王磊的聊天记录`),
  an export's `… chat with Li Min` ending its line.

Each speaker is held to the name check whole: a Chinese name to the character model, a Latin
one to fields.latin_name (two words at least; `Messages and calls are …`, `System:` and a
phone number as the speaker stay quiet)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import LOG_LEVELS
from piiguard.scanner.detectors.rule import Rule

_CJK = "\u4e00-\u9fff"
_CJK_HS = r"\x{4e00}-\x{9fff}"


def _whole(value: str) -> bool:
    if not value or value.split(maxsplit=1)[0] in LOG_LEVELS:
        return False
    if _CJK[0] <= value[0] <= _CJK[-1]:
        return fields.zh_name(value, strict=True) == (0, len(value))
    return fields.latin_name(value, single=False) == (0, len(value))


def _named(m: re.Match[str], text: str, group: str = "v") -> Hit | None:
    value = m.group(group).strip()
    if not _whole(value):
        return None
    start = text.index(value, m.start(group))
    return Hit("person_name", start, start + len(value), value, 0.8, Validator.CONTEXT)


# `12/3/25, 9:00 - Li Min: …`, `3/12/25, 9:00 PM - 李敏: …` (a narrow space before PM too)
_DATE_TIME = r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:[ \u202f]?[AaPp]\.?[Mm]\.?)?"
DASH_SPEAKER = re.compile(
    rf"[ \t]*{_DATE_TIME} [\-–] (?P<v>[^\r\n:：]{{2,40}}?)[ \t]*[:：]", re.MULTILINE
)
_DATE_TIME_HS = (
    r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4},? [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
    r"(?:[ ?]?[AaPp]\.?[Mm]\.?)?"
)


# `Li Min, [19.07.2026 09:29]` alone on its line (the date as the user's locale writes it)
_BRACKET_STAMP = r"\[\d[\d/.\-]{5,9}\d,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?\]"
NAME_BRACKET_STAMP = re.compile(
    rf"[ \t]*(?P<v>[^\r\n,\[\]:：]{{2,40}}), {_BRACKET_STAMP}[ \t]*\r?$", re.MULTILINE
)
_BRACKET_STAMP_HS = (
    r"\[[0-9][0-9/.\-]{5,9}[0-9],? [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AaPp][Mm])?\]"
)

# `与李敏的聊天记录`, `李敏和王磊的聊天记录` (WeChat), `Telegram Desktop export — chat with Li Min`
_RECORD = "(?:聊天记录|聊天記錄|对话记录)"
WITH_TITLE = re.compile(rf"[与跟](?P<v>[{_CJK}]{{2,4}}?)的{_RECORD}")
PAIR_TITLE = re.compile(
    rf"[ \t]*(?P<v>[{_CJK}]{{2,4}}?)[和与](?P<w>[{_CJK}]{{2,4}}?)的{_RECORD}", re.MULTILINE
)
EN_TITLE = re.compile(r"[Cc]hat with (?P<v>[^\r\n,;:<>()\[\]]{2,40}?)[ \t]*\r?$", re.MULTILINE)


def _pair_title(m: re.Match[str], text: str) -> list[Hit]:
    hits = [_named(m, text, g) for g in ("v", "w")]
    return [h for h in hits if h is not None]


RULES = (
    Rule(
        "dash_speaker",  # (a Chinese speaker is "?" in the ASCII shadow)
        (rf"(?:^|\n)[ \t]*{_DATE_TIME_HS} [\-?] [A-Z?]",),
        DASH_SPEAKER,
        _named,
        lead=True,
    ),
    Rule(
        "name_bracket_stamp",
        (rf"(?:^|\n)[^\r\n,\[\]:]+, {_BRACKET_STAMP_HS}[ \t]*\r?(?:\n|$)",),
        NAME_BRACKET_STAMP,
        _named,
        lead=True,
    ),
    Rule("chat_title", (r"[Cc]hat with [^\r\n,;:<>()\[\]]+\r?(?:\n|$)",), EN_TITLE, _named),
    Rule(
        "zh_chat_title",
        (),
        WITH_TITLE,
        _named,
        utf8=(rf"[与跟][{_CJK_HS}]{{2,4}}的{_RECORD}",),
    ),
    Rule(
        "zh_pair_title",
        (),
        PAIR_TITLE,
        lambda m, text: None,
        utf8=(rf"(?:^|\n)[ \t]*[{_CJK_HS}]{{2,4}}[和与][{_CJK_HS}]{{2,4}}的{_RECORD}",),
        lead=True,
        many=_pair_title,
    ),
)
