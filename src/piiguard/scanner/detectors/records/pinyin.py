"""A Chinese name written in pinyin as a field of a delimited record: `smbd_audit: Cao
Zide|172.17.157.27|hr|openat|ok|…`, `…|DING Jun|…` — the field is the name, whole, with
nothing around it that says so. What says so is the writing itself: a surname's pinyin
(Cao, Zhang, Ouyang, Situ …) and a given name of one or two pinyin syllables, in either
order (`Xinchun QIU`), and the field closed by a delimiter (`|`, `¦`, a tab).
"""

from __future__ import annotations

import re

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


def pinyin_name(value: str) -> bool:
    """Whether `value` is a Chinese name in pinyin, two words, the surname first (Cao Zide,
    DING Jun) or last in capitals (Xinchun QIU)."""
    words = value.split(" ")
    if len(words) != 2 or value.lower() in _PLACES:
        return False
    first, last = (w.lower() for w in words)
    if words[1].isupper() and len(words[1]) > 1 and not words[0].isupper():
        first, last = last, first  # the given name first, the surname in capitals
    return first in SURNAMES and _GIVEN.fullmatch(last) is not None


# A field: after a delimiter (or a syslog program's "tag: "), closed by a delimiter.
FIELD = re.compile(r"[|¦\t:] ?(?P<v>[A-Z][A-Za-z]{0,11} [A-Z][A-Za-z]{0,11})(?=[|¦\t])")


def _field(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if not pinyin_name(value):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.75, Validator.CONTEXT)


RULES = (
    Rule(
        "pinyin_field",
        (r"[|\t:?] ?[A-Z][A-Za-z]{0,11} [A-Z][A-Za-z]{0,11}[|\t?]",),  # ? stands for ¦
        FIELD,
        _field,
    ),
)
