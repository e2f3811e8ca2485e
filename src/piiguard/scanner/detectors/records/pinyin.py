"""A Chinese name written in pinyin as a field of a delimited record: `smbd_audit: Cao
Zide|172.17.157.27|hr|openat|ok|…`, `…|DING Jun|…` — the field is the name, whole, with
nothing around it that says so. What says so is the writing itself: a surname's pinyin
(Cao, Zhang, Ouyang, Situ …) and a given name of one or two pinyin syllables, in either
order (`Xinchun QIU`), and the field closed by a delimiter (`|`, `¦`, a tab).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule


def _spaced(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The pinyin of the common surnames (names.SINGLE_SURNAMES' most frequent, and the compound
# ones still in use).
SURNAMES = _spaced(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo "
    "zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu "
    "jiang cai du ye cheng su wei lu ding ren shen yao jin shi tan liao jia xia fu fang "
    "bai zou meng xiong qin qiu hou qi mo kong xiang tao gu mao hao gong shao wan qian "
    "yan yin duan lei long dai bi shang ou fan min nie kang wen tong bao geng chang xing "
    "lou zhan niu yue kou qu ai an chai gan hong lan lai le mu ning ge rong ruan sha shan "
    "shu tu weng xue yi you zhong zhuang zuo che chu cui ji jian jiao ke lian mi miao pu "
    "qiao sang shang tian xin yun zang dou lv lyu hua ling mai bian chi ban bo zhen mou "
    "ci pang qing xian ouyang situ sima shangguan zhuge murong dongfang huangfu zhangsun "
    "yuwen xiahou linghu gongsun nangong zhongli"
)
# One pinyin syllable: an initial (or none) and a final.
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|uan|uai|ian|iao|ing|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in"
    r"|ua|uo|ui|un|ue|a|o|e|i|u)"
)
_GIVEN = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")
# Two words that read as pinyin names but are places.
_PLACES = frozenset({"hong kong", "xi an", "ma on", "ma wan", "sha tin", "tai po"})


def pinyin_word(word: str) -> bool:
    """Whether one word reads as one or two pinyin syllables (Kerui, Hengda, Minhua)."""
    return _GIVEN.fullmatch(word.lower()) is not None


def pinyin_name(value: str) -> bool:
    """Whether `value` is a Chinese name in pinyin, two words, the surname first (Cao Zide,
    DING Jun) or last (Xinchun QIU, Wanting Zhou)."""
    words = value.split(" ")
    if len(words) != 2 or value.lower() in _PLACES:
        return False
    a, b = (w.lower() for w in words)
    # the surname first (Chinese order), or last (Xinchun QIU, Wanting Zhou)
    return (a in SURNAMES and _GIVEN.fullmatch(b) is not None) or (
        b in SURNAMES and _GIVEN.fullmatch(a) is not None
    )


# A field: after a delimiter (or a syslog program's "tag: "), closed by a delimiter.
FIELD = re.compile(r"[|¦\t:] ?(?P<v>[A-Z][A-Za-z]{0,11} [A-Z][A-Za-z]{0,11})(?=[|¦\t])")


# A line that is a name in both writings, a signature or a badge: `周婉婷 Wanting Zhou`,
# `Wanting ZHOU / 周婉婷` (the pinyin checked as above, the Chinese held to the character model).
_LATIN = r"[A-Z][A-Za-z]{0,11} [A-Z][A-Za-z]{0,11}"
BOTH = re.compile(
    rf"[ \t]*(?:(?P<z1>[\u4e00-\u9fff]{{2,4}})[ \t]*/?[ \t]*(?P<p1>{_LATIN})"
    rf"|(?P<p2>{_LATIN})[ \t]*/?[ \t]*(?P<z2>[\u4e00-\u9fff]{{2,4}}))[ \t]*\r?$",
    re.MULTILINE,
)


def _both(m: re.Match[str], text: str) -> list[Hit]:
    zh, latin = ("z1", "p1") if m.group("z1") else ("z2", "p2")
    if not pinyin_name(m.group(latin)):
        return []
    if fields.zh_name(m.group(zh), strict=True) != (0, len(m.group(zh))):
        return []
    return [
        Hit("person_name", m.start(g), m.end(g), m.group(g), 0.8, Validator.CONTEXT)
        for g in sorted((zh, latin), key=m.start)
    ]


def _field(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if not pinyin_name(value):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.75, Validator.CONTEXT)


RULES = (
    Rule(
        "both_writings",
        (),
        BOTH,
        lambda m, text: None,
        utf8=(
            r"(?:^|\n)[ \t]*[\x{4e00}-\x{9fff}]{2,4}[ \t]*/?[ \t]*[A-Z][A-Za-z]* [A-Z]",
            r"(?:^|\n)[ \t]*[A-Z][A-Za-z]* [A-Z][A-Za-z]*[ \t]*/?[ \t]*[\x{4e00}-\x{9fff}]{2}",
        ),
        lead=True,
        many=_both,
    ),
    Rule(
        "pinyin_field",
        (r"[|\t:?] ?[A-Z][A-Za-z]{0,11} [A-Z][A-Za-z]{0,11}[|\t?]",),  # ? stands for ¦
        FIELD,
        _field,
    ),
)
