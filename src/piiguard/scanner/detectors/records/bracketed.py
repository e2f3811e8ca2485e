"""A Chinese name with its other writing in brackets after it — a pinyin name or a work
name: `韦敏华(Leo)` as a chat shows its speaker, `"何添俊(Cindy He)" <…>` in a mail header,
`区家海(OU Jiahai)` over a signature's title, `陈楠绮 (CHEN Nanqi)`, a Hong Kong form's
`林嘉欣 (Lam Ka Yan)`, `陈大文（CHAN Tai Man）`. Both are names (the Chinese held to the
character model, whole; the Latin to fields.latin_name, whole, one word to three, three
only syllable by syllable). A Chinese name a chat message begins with, addressing someone
before what they are asked (`潘丽桂，你把报价发我`, `王娜，麻烦看下`, `Julia Novak，你把图纸发我`).
A chat's speaker after a tag in brackets (`14:06:15 [语音转文字] 李建华`)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.records.pinyin import pinyin_word
from piiguard.scanner.detectors.rule import Rule

_CJK = "\u4e00-\u9fff"
BRACKETED = re.compile(
    rf"(?P<z>[{_CJK}]{{2,4}})[ \t]*[（(][ \t]*"
    r"(?P<l>[A-Z][A-Za-z]*(?:[ \-][A-Z][A-Za-z]*){0,2})[ \t]*[）)]"
)


def _whole_zh(value: str) -> bool:
    return fields.zh_name(value, strict=True) == (0, len(value))


_TAG_REACH = 3000  # how far around a bracketed word to look for it after other names


def _tag(latin: str, text: str, start: int) -> bool:
    """A bracketed word that is a team's or a company's, not the person's own: an acronym
    (卢文斌(QA), 王芳(HR)), a word of pinyin five letters long or more (徐嘉欣(Kerui)), or
    one word that follows other names nearby too (叶淑仪(Hengda), 莫俊杰(Hengda): a chat's
    display names tagged with the company)."""
    if " " in latin:
        return False
    if latin.isupper() or (len(latin) >= 5 and pinyin_word(latin)):
        return True  # (a company's name in pinyin, 科瑞 Kerui; work names are short: Leo, Ken)
    lo = max(0, start - _TAG_REACH)
    after = re.compile(rf"([{_CJK}]{{2,4}})[ \t]*[（(][ \t]*{re.escape(latin)}[ \t]*[）)]")
    return len({n.group(1) for n in after.finditer(text, lo, start + _TAG_REACH)}) > 1


def _spelt(zh: str, latin: str) -> bool:
    """A Chinese name the character model doubts (何家劲, 高想) that its bracket spells out
    syllable by syllable (Ho Ka Kin, Gao Xiang): a name after all."""
    words = latin.replace("-", " ").split()
    return (
        len(words) <= len(zh)
        and fields.romanised(latin)
        and fields.zh_name(zh, strict=False) == (0, len(zh))
    )


def _bracketed(m: re.Match[str], text: str) -> list[Hit]:
    latin = m.group("l")
    zh, (zs, ze) = m.group("z"), m.span("z")
    for k in range(len(zh) - 1):  # the name after the words before it (客户何家劲 (Ho Ka Kin))
        if _whole_zh(zh[k:]) or _spelt(zh[k:], latin):
            zh, zs = zh[k:], zs + k
            break
    else:
        return []
    name = Hit("person_name", zs, ze, zh, 0.8, Validator.CONTEXT)
    if fields.latin_name(latin, single=True) != (0, len(latin)):
        if latin.lower() not in fields.LATIN_STOP:
            return []
        # a kinship or a role in brackets (李丽玲 (Mother), 王芳(Sales)): the name alone
        return [name]
    if latin.count(" ") + latin.count("-") > 1 and not fields.romanised(latin):
        return []  # three words: the name's writing syllable by syllable (Lam Ka Yan)
    if _tag(latin, text, m.start()):
        return [name]
    return [name, Hit("person_name", *m.span("l"), latin, 0.8, Validator.CONTEXT)]


# What a message addressed to someone goes on with: you, please, could you, thanks.
_ASKED = "你|您|请|麻烦|帮|辛苦"
_LATIN = r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}"
ADDRESSED_ZH = re.compile(rf"[ \t]*(?P<v>[{_CJK}]{{2,4}}|{_LATIN})，(?={_ASKED})")


def _addressed_zh(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if value.isascii():  # Giulia Sato，你把…
        if fields.latin_name(value, single=False) != (0, len(value)):
            return None
    elif not _whole_zh(value):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.75, Validator.CONTEXT)


# A chat export's speaker: a Chinese name alone on its line with a colon, under the line
# that dates the message (`—— 2026/3/5 16:58 ——⏎张佳：⏎  单号 …`, R2.7).
SPEAKER = re.compile(rf"\d{{1,2}}:\d{{2}}[^\r\n]*\r?\n(?P<v>[{_CJK}]{{2,4}})[：:][ \t]*\r?\n")


def _speaker(m: re.Match[str], text: str) -> Hit | None:
    if not _whole_zh(m.group("v")):
        return None
    return Hit("person_name", *m.span("v"), m.group("v"), 0.75, Validator.CONTEXT)


# A chat line whose speaker follows a tag in brackets after the stamp — a voice message's
# transcript, a file, a bot's or a channel's mark: `2026-11-28 14:06:15 [语音转文字] 李建华`,
# `[10:02] 【客服】 王丽：…`, `09:14 [Voice] Sarah Duan`.
_STAMP = r"[\[(【]?\d[\d:/\-. 年月日T]{3,24}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])】]?"
TAGGED_SPEAKER = re.compile(
    rf"[ \t]*{_STAMP}[ \t]+[\[【](?P<t>[^\]】\r\n]{{1,12}})[\]】][ \t]*"
    rf"(?P<v>[{_CJK}]{{2,4}}|{_LATIN})(?:[ \t]*[（(][^）)\r\n]{{1,24}}[)）])?"
    r"[ \t]*(?P<e>[:：]|\r?$)",
    re.MULTILINE,
)


_CHAT_TAGS = frozenset(["voice", "voice message", "audio", "image", "photo", "file", "video"])


def _tagged_speaker(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if value.isascii():  # (a log's `[main] Application Started` is no chat: a Latin
        # speaker follows a chat's tag, not a thread's: [语音], [Voice], [Bot])
        if m.group("t").isascii() and m.group("t").lower() not in _CHAT_TAGS:
            return None
        if fields.latin_name(value, single=False) != (0, len(value)):
            return None
    elif not _whole_zh(value):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.8, Validator.CONTEXT)


_STAMP_HS = r"[\[(]?[0-9][0-9:/\-. T]{3,24}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])]?"
_STAMP_UTF8 = r"[\[(【]?[0-9][0-9:/\-. 年月日T]{3,24}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])】]?"

RULES = (
    Rule(
        "tagged_speaker",
        (rf"(?:^|\n)[ \t]*{_STAMP_HS}[ \t]+\[[^\]\n]{{1,12}}\][ \t]*[A-Z]",),
        TAGGED_SPEAKER,
        _tagged_speaker,
        utf8=(
            rf"(?:^|\n)[ \t]*{_STAMP_UTF8}[ \t]+[\[【][^\]】\n]{{1,12}}[\]】][ \t]*"
            r"[\x{4e00}-\x{9fff}]",
        ),
        lead=True,
    ),
    Rule(
        "zh_chat_speaker",
        (),
        SPEAKER,
        _speaker,
        utf8=(r"[0-9]{1,2}:[0-9]{2}[^\r\n]*\r?\n[\x{4e00}-\x{9fff}]{2,4}[：:][ \t]*\r?\n",),
    ),
    Rule(
        "zh_name_bracketed",
        (),
        BRACKETED,
        lambda m, text: None,
        utf8=(r"[\x{4e00}-\x{9fff}]{2,4}[ \t]*[（(][ \t]*[A-Z]",),
        many=_bracketed,
    ),
    Rule(
        "zh_name_addressed",
        (),
        ADDRESSED_ZH,
        _addressed_zh,
        utf8=(rf"(?:^|[\n：:])[ \t]*(?:[\x{{4e00}}-\x{{9fff}}]{{2,4}}|{_LATIN})，(?:{_ASKED})",),
        lead=True,
    ),
)
