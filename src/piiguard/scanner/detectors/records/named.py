"""A Chinese name where the words around it say a person is meant, where no field names it
(issue 18, R2.7):

- in an English sentence, after a verb or a preposition that takes a person (`visited 钟晓敏
  at …`, `discussed with 邝丽萍,`, `Emergency contact: 龚海峰 / …`) or before what a person
  does (`ok, 卫阳 will handle it`, `On 3 May, 段莎莎 wrote:`); the name must end where the
  cue says (a place in English text, `from 南海 warehouse`, is not a name);
- thanked or introduced in Chinese (`谢谢龙嘉欣！`, `我是邝丽萍，`, `我是邝丽萍 嗯`), up to
  punctuation or a blank;
- before the personal data it owns (`邝丽萍护照号 E…`, `请打 龚海峰 的手机 …`);
- a Chinese mail's salutation, the name and a colon on a line of their own, over the
  greeting (`龚海峰：⏎⏎你好，`).

Each name is a surname and one or two given characters common in given names, whole
(`fields.zh_name`, strict).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.conversation import STARTS
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_NAME = rf"[{STARTS}][\u4e00-\u9fff]{{1,3}}"
_NAME_HS = rf"[{STARTS}][\x{{4e00}}-\x{{9fff}}]{{1,3}}"
_TAKES = (
    r"visited|visit|with|contact|contact person|ask for|asked for|call|called|met|meet|by|"
    r"dear|hi|hello|attn|attention|thanks|thank you"
)
_DOES = r"will|wrote|said|says|has|had|is|was|called|visited|confirmed|asked|replied|signed"
# after the name: punctuation, a slash, `at`, or what the person does
_END_EN = rf"(?=[ \t]*(?:[,.:;!?)/]|\r?\n|$)|[ \t]+(?:at|{_DOES})\b)"
IN_ENGLISH = re.compile(
    rf"(?:\b(?i:{_TAKES})[:,]?[ \t]+(?P<v>{_NAME}){_END_EN}"
    rf"|(?:^|(?<=[\s,>(]))(?P<w>{_NAME})[ \t]+(?:{_DOES})\b)",
    re.MULTILINE,
)
_PUNCT = r"(?=[ \t]*(?:[，,。！!？?；;：:\r\n]|$))"
# (or a blank: a voice message's transcript parts its words with them, `我是黄志杰 嗯 电话是 …`)
THANKED = re.compile(
    rf"(?:谢谢|感谢|多谢|我是|我叫|本人)[ \t]*(?P<v>{_NAME})(?=[ \t]|[，,。！!？?；;：:\r\n]|$)"
)
# (the value follows: 居民身份证 is a document's kind, not a person's)
_OWNS = "护照号|护照|身份证号|手机号|手机|电话|邮箱"
OWNER = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<v>{_NAME})[ \t]*的?(?:{_OWNS})(?:码|是|为)?[ \t:：]*[0-9A-Za-z+(]"
)
SALUTATION = re.compile(rf"(?P<v>{_NAME})[：:][ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:你好|您好)")


def _whole(m: re.Match[str], text: str) -> Hit | None:
    group = "w" if m.groupdict().get("w") else "v"
    start, end = m.span(group)
    value = text[start:end]
    if fields.zh_name(value, strict=True) != (0, len(value)):
        return None
    if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and group == "w":
        return None  # the run began earlier: part of a longer phrase
    return Hit("person_name", start, end, value, 0.75, Validator.CONTEXT)


def _salutation(m: re.Match[str], text: str) -> Hit | None:
    start = m.start("v")
    if start > 0 and text[start - 1] not in "\n>\t ":
        return None  # the name opens its line
    return _whole(m, text)


RULES = (
    Rule(
        "zh_in_english",
        (),
        IN_ENGLISH,
        _whole,
        utf8=(
            rf"(?i:{_TAKES})[:,]?[ \t]+{_NAME_HS}",
            rf"{_NAME_HS}[ \t]+(?:{_DOES})\b",
        ),
    ),
    Rule(
        "zh_thanked",
        (),
        THANKED,
        _whole,
        utf8=(rf"(?:谢谢|感谢|多谢|我是|我叫|本人)[ \t]*{_NAME_HS}",),
    ),
    Rule("zh_owner", (), OWNER, _whole, utf8=(rf"{_NAME_HS}[ \t]*的?(?:{_OWNS})",)),
    Rule(
        "zh_salutation",
        (),
        SALUTATION,
        _salutation,
        utf8=(rf"{_NAME_HS}[：:][ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:你好|您好)",),
    ),
)
